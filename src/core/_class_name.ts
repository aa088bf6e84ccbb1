/**
 * The name of the class that made a value, for error messages: private to the module.
 *
 * @module
 */

/**
 * The name of the class that made `value`: `Object` for a plain object, one with no prototype,
 * or one whose `constructor` cannot be read (a getter or a proxy that throws).
 */
export function className(value: object): string {
  try {
    const name = (value.constructor as { name?: unknown } | undefined)?.name;
    return typeof name === "string" && name !== "" ? name : "Object";
  } catch {
    return "Object";
  }
}
