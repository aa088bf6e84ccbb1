/**
 * Argument checks shared by every part of relu-lab. Messages follow one pattern:
 * `Cannot <action> as <name> must be <requirement>: <name>=<value>`.
 *
 * @module
 */

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
  /** The value must be an integer. */
  integer?: boolean;
}

/**
 * Formats a value for an error message: strings quoted, numbers as JavaScript prints them.
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
 * ```
 */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  return String(value);
}

function describe(req: NumberRequirement): string {
  const parts = [req.integer ? "a finite integer" : "a finite number"];
  if (req.min !== undefined) parts.push(`${req.minExclusive ? ">" : ">="} ${req.min}`);
  if (req.max !== undefined) parts.push(`${req.maxExclusive ? "<" : "<="} ${req.max}`);
  return parts.join(" ").replace(/ (>|>=) (\S+) (<|<=)/, " $1 $2 and $3");
}

/**
 * Checks that `value` is a number meeting `req`, or throws: `TypeError` when it is not a
 * number, `RangeError` when it is NaN, infinite, not an integer, or out of range.
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
  if (req.min !== undefined && (req.minExclusive ? value <= req.min : value < req.min)) {
    throw new RangeError(message());
  }
  if (req.max !== undefined && (req.maxExclusive ? value >= req.max : value > req.max)) {
    throw new RangeError(message());
  }
  return value;
}
