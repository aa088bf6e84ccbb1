/**
 * How a message shows the options object a call should have passed in place of `options`, a
 * value that is not an object: `{ alpha: 0.2 }` for a number when the function has a numeric
 * option (the number likely meant it), else `{ first key: … }`, or `{}` when it takes no keys.
 * Shared by `requireOptions` and the scalar activations' argument check.
 *
 * @module
 */

/** The example object for `known` (as `requireOptions` takes its keys) given `options`. */
export function optionsExample(options: unknown, known: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(known);
  if (keys.length === 0) return "{}";
  const numeric = typeof options === "number"
    ? keys.find((key) => known[key] === "number")
    : undefined;
  return numeric === undefined ? `{ ${keys[0]}: … }` : `{ ${numeric}: ${options} }`;
}
