/**
 * Private helpers for the array functions: checking arrays, picking the output type, and
 * copying an input that partly overlaps the output.
 *
 * @module
 */

import { className } from "../core/_class_name.ts";
import { formatValue } from "../core/validate.ts";
import type { FloatArray } from "./types.ts";

/** A new `Float32Array` when `x` is one, else a new `Float64Array`, of `x`'s length. */
export function allocateLike(x: ArrayLike<number>): FloatArray {
  return x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length);
}

/**
 * `x` itself when it is a `Float64Array` (copied when it partly overlaps `out`, see
 * {@linkcode unshared}), else a float64 copy.
 */
export function as64(x: ArrayLike<number>, out?: FloatArray): Float64Array {
  if (!(x instanceof Float64Array)) return Float64Array.from(x);
  return out === undefined ? x : unshared(x, out);
}

/** The float32 twin of {@linkcode as64}. */
export function as32(x: ArrayLike<number>, out?: FloatArray): Float32Array {
  if (!(x instanceof Float32Array)) return Float32Array.from(x);
  return out === undefined ? x : unshared(x, out);
}

/**
 * `x` itself, or a copy of it when it shares memory with `out` otherwise than exactly. The
 * kernels read element i of their inputs and then write element i of `out`: that is safe when
 * `out` is an input exactly (same memory, offset and element type), but when `out` starts a
 * few elements before or after an input, writing it overwrites input elements not read yet.
 * The exact alias (the in-place call) costs three comparisons and no copy.
 */
export function unshared<T extends FloatArray>(x: T, out: FloatArray): T {
  if (x.buffer !== out.buffer) return x;
  if (x.byteOffset === out.byteOffset && x.BYTES_PER_ELEMENT === out.BYTES_PER_ELEMENT) return x;
  const xEnd = x.byteOffset + x.byteLength, outEnd = out.byteOffset + out.byteLength;
  if (xEnd <= out.byteOffset || outEnd <= x.byteOffset) return x;
  return x.slice() as T;
}

/**
 * Checks an array an activation writes to: a `Float64Array` or `Float32Array` (an integer array
 * would round or wrap each value, a plain array has no kernel), or throws a `TypeError` naming
 * the type it got.
 */
export function requireFloatArray(action: string, name: string, out: unknown): FloatArray {
  if (out instanceof Float64Array || out instanceof Float32Array) return out;
  throw new TypeError(
    `Cannot ${action} as ${name} must be a Float64Array or a Float32Array: ${name}=${
      describeArray(out)
    }`,
  );
}

/** A value's type for a message: `Int32Array(2)`, `Array(3)`, or the value itself. */
function describeArray(value: unknown): string {
  if (typeof value !== "object" || value === null) return formatValue(value);
  if (!ArrayBuffer.isView(value) && !Array.isArray(value)) return className(value);
  const length = (value as { length?: unknown }).length;
  return `${className(value)}(${typeof length === "number" ? length : ""})`;
}

/** Throws unless `array` is array-like with `length` elements. */
export function requireLength(
  action: string,
  name: string,
  array: unknown,
  length: number,
): asserts array is ArrayLike<number> {
  if (
    array === null || typeof array !== "object" ||
    typeof (array as { length?: unknown }).length !== "number"
  ) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an array of numbers: ${name}=${formatValue(array)}`,
    );
  }
  const actual = (array as ArrayLike<number>).length;
  if (actual !== length) {
    throw new RangeError(
      `Cannot ${action} as ${name} must have ${length} elements: ${name}.length=${actual}`,
    );
  }
}

/**
 * Throws unless `x` is an array of numbers: array-like (`TypeError`), with an integer length
 * >= 0 (`RangeError`), of `length` elements when that is given (`RangeError`), and, unless it
 * is a typed array of numbers, holding numbers only (`TypeError` naming the first that is not:
 * a string or `undefined` would become NaN in a float array).
 */
export function requireArray(
  action: string,
  name: string,
  x: unknown,
  length?: number,
): ArrayLike<number> {
  if (
    x === null || typeof x !== "object" || typeof (x as { length?: unknown }).length !== "number"
  ) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an array of numbers: ${name}=${formatValue(x)}`,
    );
  }
  const array = x as ArrayLike<unknown>;
  if (length !== undefined) requireLength(action, name, array, length);
  else if (!Number.isSafeInteger(array.length) || array.length < 0) {
    throw new RangeError(
      `Cannot ${action} as ${name}.length must be an integer >= 0: ${name}.length=${array.length}`,
    );
  }
  if (
    !(ArrayBuffer.isView(array) &&
      !(array instanceof BigInt64Array || array instanceof BigUint64Array))
  ) {
    for (let i = 0; i < array.length; i++) {
      if (typeof array[i] !== "number") {
        throw new TypeError(
          `Cannot ${action} as ${name} must be an array of numbers: ${name}[${i}]=${
            formatValue(array[i])
          }`,
        );
      }
    }
  }
  return x as ArrayLike<number>;
}

/**
 * The error a loop kernel throws when an array is not as long as it must be (as x, or two
 * slopes). The public functions check lengths first, so this is an internal assertion; the
 * check in each kernel also keeps the kernel over the bytecode size that V8's mid-tier
 * compiler (Maglev) inlines (100 bytes), see `_piecewise_linear.ts`.
 */
export function kernelLengthError(
  kernel: string,
  name: string,
  actual: number,
  expected: number,
): RangeError {
  return new RangeError(
    `Cannot run ${kernel} as ${name} must have ${expected} elements: ${name}.length=${actual}`,
  );
}
