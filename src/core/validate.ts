/**
 * Argument checks shared by every part of relu-lab. Messages follow one pattern:
 * `Cannot <action> as <name> must be <requirement>: <name>=<value>`.
 *
 * @module
 */

import { className } from "./_class_name.ts";
import { optionsExample } from "./_options_example.ts";

/** Constraints for {@linkcode requireNumber}. */
export interface NumberRequirement {
  /** Smallest allowed value (inclusive unless `minExclusive`). */
  min?: number;
  /** The minimum is exclusive. */
  minExclusive?: boolean;
  /** Largest allowed value (inclusive unless `maxExclusive`). */
  max?: number;
  /** The maximum is exclusive. */
  maxExclusive?: boolean;
  /**
   * The value must be an integer, and a safe one (|value| <= 2^53 - 1): beyond, float64 has no
   * odd integers, and neighbouring seeds or counts would be one number.
   */
  integer?: boolean;
}

/**
 * Formats a value for an error message, short enough for one line: strings quoted, numbers as
 * JavaScript prints them (with -0 as `-0`), bigints with their `n`, functions by name, arrays,
 * typed arrays and objects by their first eight items or keys (two levels deep),
 * with a count of the rest.
 *
 * @param value Any value.
 * @returns A short text form.
 *
 * @example
 * ```ts
 * import { formatValue } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatValue("a"), '"a"');
 * assert.equal(formatValue(NaN), "NaN");
 * assert.equal(formatValue(-0), "-0");
 * assert.equal(formatValue([1, "b"]), '[1, "b"]');
 * assert.equal(formatValue({ rows: 1, cols: 2, data: new Float64Array(2) }), "{ rows: 1, cols: 2, data: Float64Array(2) [0, 0] }");
 * assert.equal(formatValue(Array.from({ length: 100 }, (_, i) => i)), "[0, 1, 2, 3, 4, 5, 6, 7, … 92 more]");
 * assert.equal(formatValue(Math.max), "function max");
 * ```
 */
export function formatValue(value: unknown): string {
  return formatAt(value, 0);
}

/** How many items of an array or keys of an object a message shows. */
const SHOWN_ITEMS = 8;
/** How many characters of a string a message shows. */
const SHOWN_CHARACTERS = 60;
/** How deep a message shows nested arrays and objects (deeper: `[…]`, `{…}`). */
const SHOWN_DEPTH = 2;

function formatAt(value: unknown, depth: number): string {
  switch (typeof value) {
    case "string":
      return value.length <= SHOWN_CHARACTERS
        ? JSON.stringify(value)
        : `${JSON.stringify(value.slice(0, SHOWN_CHARACTERS))}… (${value.length} characters)`;
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "function":
      return formatFunction(value);
    case "object":
      return value === null ? "null" : formatObject(value, depth);
    default: // undefined, boolean, symbol
      return String(value);
  }
}

function formatFunction(value: { readonly name: string }): string {
  let kind = "function";
  try {
    if (/^class\b/.test(Function.prototype.toString.call(value))) kind = "class";
  } catch {
    // A proxy of a function: named as a function.
  }
  return value.name === "" ? `an anonymous ${kind}` : `${kind} ${value.name}`;
}

function formatObject(value: object, depth: number): string {
  const inner = depth + 1;
  if (Array.isArray(value)) {
    if (depth >= SHOWN_DEPTH) return value.length === 0 ? "[]" : "[…]";
    return `[${listed(value.length, (i) => formatRead(() => value[i], inner))}]`;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const array = value as unknown as ArrayLike<number | bigint>;
    const shown = depth >= SHOWN_DEPTH
      ? ""
      : ` [${listed(array.length, (i) => formatAt(array[i], inner))}]`;
    return `${className(value)}(${array.length})${shown}`;
  }
  const name = className(value);
  if (value instanceof Error) return `${name}: ${formatAt(value.message, SHOWN_DEPTH)}`;
  if (value instanceof Map || value instanceof Set) return `${name}(${value.size})`;
  const prefix = name === "Object" ? "" : `${name} `;
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return `${prefix}{…}`;
  }
  if (keys.length === 0) return `${prefix}{}`;
  if (depth >= SHOWN_DEPTH) return `${prefix}{…}`;
  const entries = listed(keys.length, (i) => {
    const key = keys[i];
    const shownKey = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    return `${shownKey}: ${formatRead(() => (value as Record<string, unknown>)[key], inner)}`;
  });
  return `${prefix}{ ${entries} }`;
}

/** The value `read` returns, formatted, or `(unreadable)` where reading it throws (a getter). */
function formatRead(read: () => unknown, depth: number): string {
  try {
    return formatAt(read(), depth);
  } catch {
    return "(unreadable)";
  }
}

/** The first SHOWN_ITEMS of `count` items, comma-separated, then how many more. */
function listed(count: number, item: (i: number) => string): string {
  const shown: string[] = [];
  for (let i = 0; i < Math.min(count, SHOWN_ITEMS); i++) shown.push(item(i));
  if (count > SHOWN_ITEMS) shown.push(`… ${count - SHOWN_ITEMS} more`);
  return shown.join(", ");
}

function describe(req: NumberRequirement): string {
  const parts = [req.integer ? "a finite integer" : "a finite number"];
  if (req.min !== undefined) parts.push(`${req.minExclusive ? ">" : ">="} ${req.min}`);
  if (req.max !== undefined) parts.push(`${req.maxExclusive ? "<" : "<="} ${req.max}`);
  return parts.join(" ").replace(/ (>|>=) (\S+) (<|<=)/, " $1 $2 and $3");
}

/**
 * Checks that `value` is a number meeting `req`, or throws: `TypeError` when it is not a
 * number, `RangeError` when it is NaN, infinite, not an integer (or an integer beyond 2^53 - 1
 * in magnitude), or out of range.
 *
 * @param action What was being attempted, e.g. `"create leakyRelu"`.
 * @param name The parameter's name, e.g. `"alpha"`.
 * @param value The value received.
 * @param req The constraints.
 * @returns The value, typed as a number.
 *
 * @example
 * ```ts
 * import { requireNumber } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.throws(
 *   () => requireNumber("create leakyRelu", "alpha", NaN, { min: 0 }),
 *   { name: "RangeError", message: "Cannot create leakyRelu as alpha must be a finite number >= 0: alpha=NaN" },
 * );
 * assert.equal(requireNumber("train", "epochs", 3, { integer: true, min: 1 }), 3);
 * assert.throws(() => requireNumber("train", "seed", 2 ** 53, { integer: true }), {
 *   name: "RangeError",
 *   message: "Cannot train as seed must be a safe integer (|seed| <= 2^53 - 1): seed=9007199254740992",
 * });
 * ```
 */
export function requireNumber(
  action: string,
  name: string,
  value: unknown,
  req: NumberRequirement = {},
): number {
  const message = () =>
    `Cannot ${action} as ${name} must be ${describe(req)}: ${name}=${formatValue(value)}`;
  if (typeof value !== "number") throw new TypeError(message());
  if (!Number.isFinite(value)) throw new RangeError(message());
  if (req.integer && !Number.isInteger(value)) throw new RangeError(message());
  if (req.integer && !Number.isSafeInteger(value)) {
    throw new RangeError(
      `Cannot ${action} as ${name} must be a safe integer (|${name}| <= 2^53 - 1): ${name}=${
        formatValue(value)
      }`,
    );
  }
  if (req.min !== undefined && (req.minExclusive ? value <= req.min : value < req.min)) {
    throw new RangeError(message());
  }
  if (req.max !== undefined && (req.maxExclusive ? value >= req.max : value > req.max)) {
    throw new RangeError(message());
  }
  return value;
}

/**
 * Checks that `value` has the type number, or throws a `TypeError`. NaN and ±Infinity pass:
 * use it for inputs that propagate them (an activation's `z`), and {@linkcode requireNumber}
 * for parameters.
 *
 * @param action What was being attempted, e.g. `"compute relu"`.
 * @param name The parameter's name, e.g. `"z"`.
 * @param value The value received.
 * @returns The value, typed as a number.
 *
 * @example
 * ```ts
 * import { requireNumberType } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Number.isNaN(requireNumberType("compute relu", "z", NaN)));
 * assert.throws(
 *   () => requireNumberType("compute relu", "z", "a"),
 *   { name: "TypeError", message: 'Cannot compute relu as z must be a number: z="a"' },
 * );
 * ```
 */
export function requireNumberType(action: string, name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a number: ${name}=${formatValue(value)}`,
    );
  }
  return value;
}

/**
 * The keys an options object may have: those taking a number marked `"number"`, the others
 * `true`: `{ alpha: "number", atZero: true }`. Typed against the options interface, so the
 * compiler flags a key added to one and not the other, or marked for the wrong type. A number
 * given in place of the options is shown as the value of the first key marked `"number"`, so
 * that key should be the one a bare number most likely stands for.
 */
export type OptionKeys<T> = {
  readonly [K in keyof T]-?: [NonNullable<T[K]>] extends [number] ? "number" : true;
};

/**
 * Checks an options object and returns it (`{}` for `undefined`). Throws a `TypeError` when
 * it is not an object (a number in its place is not taken as a parameter: the message shows
 * how to write it) or when it has a key outside `known` (a typo would otherwise be ignored):
 * the message names the unknown keys and the known ones. Keys set to `undefined` count too.
 * A key set to `null` is refused as well: only `undefined` or a missing key means "the
 * default", so a `null` (which JSON makes of `NaN`) never passes for it unnoticed.
 *
 * @param action What was being attempted, e.g. `"compute leakyRelu"`.
 * @param options The options received.
 * @param known The keys it may have, as `{ key: true }` or `{ key: "number" }` (see
 *   {@linkcode OptionKeys}).
 * @param name The parameter's name in messages. Default: `"options"`.
 * @returns The options object, or a new empty one.
 *
 * @example
 * ```ts
 * import { type OptionKeys, requireOptions } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * interface LeakyOptions {
 *   alpha?: number;
 *   atZero?: "left" | "right";
 * }
 * const known: OptionKeys<LeakyOptions> = { alpha: "number", atZero: true };
 * const check = (options?: LeakyOptions) => requireOptions("compute leakyRelu", options, known);
 *
 * assert.deepEqual(check({ alpha: 0.2 }), { alpha: 0.2 });
 * assert.deepEqual(check(undefined), {});
 * // Two calls a notebook without a type checker lets through:
 * const typo = { alfa: 0.2 };
 * // @ts-expect-error: a typo
 * assert.throws(() => check(typo), {
 *   name: "TypeError",
 *   message:
 *     'Cannot compute leakyRelu as options must have only the keys alpha, atZero: unknown key "alfa"',
 * });
 * // @ts-expect-error: a number in place of the options
 * assert.throws(() => check(0.2), {
 *   name: "TypeError",
 *   message: "Cannot compute leakyRelu as options must be an object such as { alpha: 0.2 }: options=0.2",
 * });
 * const blank = { alpha: null };
 * // @ts-expect-error: null in place of a value
 * assert.throws(() => check(blank), {
 *   name: "TypeError",
 *   message:
 *     "Cannot compute leakyRelu as alpha must be a value or left out (for its default), not null: alpha=null",
 * });
 * ```
 */
export function requireOptions<T extends object>(
  action: string,
  options: T | undefined,
  known: NoInfer<OptionKeys<T>>,
  name = "options",
): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an object such as ${
        optionsExample(options, known)
      }: ${name}=${formatValue(options)}`,
    );
  }
  let unknown: string[] | undefined;
  for (const key in options) {
    if (Object.hasOwn(options, key) && !Object.hasOwn(known, key)) (unknown ??= []).push(key);
  }
  if (unknown !== undefined) {
    const keys = Object.keys(known);
    throw new TypeError(
      `Cannot ${action} as ${name} must have ${
        keys.length === 0 ? "no keys" : `only the keys ${keys.join(", ")}`
      }: unknown key${unknown.length === 1 ? "" : "s"} ${unknown.map(formatValue).join(", ")}`,
    );
  }
  for (const key in options) {
    // `null` would pass `??` defaults unnoticed (and JSON turns NaN into null).
    if (Object.hasOwn(options, key) && (options as Record<string, unknown>)[key] === null) {
      // Options are named by their key, as everywhere; a field of a named object by its path.
      const shown = name === "options" ? key : `${name}.${key}`;
      const left = name === "options" ? "left out (for its default)" : "left out";
      throw new TypeError(
        `Cannot ${action} as ${shown} must be a value or ${left}, not null: ${shown}=null`,
      );
    }
  }
  return options;
}
