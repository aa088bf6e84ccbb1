/**
 * Private helpers for the array functions: checking lengths and picking the output type.
 *
 * @module
 */

import type { FloatArray } from "./types.ts";

/** A new `Float32Array` when `x` is one, else a new `Float64Array`, of `x`'s length. */
export function allocateLike(x: ArrayLike<number>): FloatArray {
  return x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length);
}

/** `x` itself when it is a `Float64Array`, else a float64 copy. */
export function as64(x: ArrayLike<number>): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

/** `x` itself when it is a `Float32Array`, else a float32 copy. */
export function as32(x: ArrayLike<number>): Float32Array {
  return x instanceof Float32Array ? x : Float32Array.from(x);
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
      `Cannot ${action} as ${name} must be an array of numbers: ${name}=${String(array)}`,
    );
  }
  const actual = (array as ArrayLike<number>).length;
  if (actual !== length) {
    throw new RangeError(
      `Cannot ${action} as ${name} must have ${length} elements: ${name}.length=${actual}`,
    );
  }
}

/** Throws unless `x` is array-like. */
export function requireArray(action: string, name: string, x: unknown): ArrayLike<number> {
  if (
    x === null || typeof x !== "object" || typeof (x as { length?: unknown }).length !== "number"
  ) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an array of numbers: ${name}=${String(x)}`,
    );
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
