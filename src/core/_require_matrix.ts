/**
 * The check every public function that takes a {@linkcode Matrix} runs first: an object with
 * integer `rows` and `cols` >= 0 and a `Float64Array` of `rows * cols` elements. Without it a
 * nested array, a typed array or a matrix whose data is short gives `NaN` shapes, reads of
 * `undefined` or stale values instead of an error.
 *
 * @module
 */

import type { Matrix } from "./matrix.ts";
import { formatValue } from "./validate.ts";

/**
 * Throws a TypeError or RangeError saying what is wrong unless `value` is a well-formed matrix.
 *
 * @param action What was being attempted, e.g. `"run Dense(2 → 3) forward"`.
 * @param name The argument's name in messages, e.g. `"x"`.
 * @param value The value received.
 */
export function requireMatrix(
  action: string,
  name: string,
  value: unknown,
): asserts value is Matrix {
  if (
    typeof value !== "object" || value === null || Array.isArray(value) || ArrayBuffer.isView(value)
  ) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): ${name}=${
        describeValue(value)
      }`,
    );
  }
  const { rows, cols, data } = value as Partial<Matrix>;
  for (const [key, size] of [["rows", rows], ["cols", cols]] as const) {
    if (typeof size !== "number" || !Number.isInteger(size) || size < 0) {
      throw new RangeError(
        `Cannot ${action} as ${name}.${key} must be an integer >= 0: ${name}.${key}=${
          formatValue(size)
        }`,
      );
    }
  }
  if (!(data instanceof Float64Array)) {
    throw new TypeError(
      `Cannot ${action} as ${name}.data must be a Float64Array: ${name}.data=${
        describeValue(data)
      }`,
    );
  }
  if (data.length !== rows! * cols!) {
    throw new RangeError(
      `Cannot ${action} as ${name}.data must hold rows * cols = ${
        rows! * cols!
      } elements for a ${rows}x${cols} matrix: ${name}.data.length=${data.length}`,
    );
  }
}

/** A short description of a value for messages: its type, and its text when short. */
function describeValue(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return formatValue(value);
}
