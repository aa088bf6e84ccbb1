/**
 * PReLU, the parametric ReLU (He et al. 2015): Leaky ReLU whose slope `alpha` is learned.
 * Its derivative in z and its derivative in alpha sit side by side, with array kernels for
 * row-major batches with one slope per column.
 *
 * @module
 */

import {
  formatValue,
  type OptionKeys,
  requireNumber,
  requireNumberType,
  requireOptions,
} from "../core/validate.ts";
import { refuseTrailing } from "../core/_require.ts";
import {
  allocateLike,
  kernelLengthError,
  requireArray,
  requireFloatArray,
  requireLength,
  unshared,
} from "./_arrays.ts";
import { checkKink, orDefault, refuseExtra, requireAlone, resolveKink } from "./_kink.ts";
import { linearForward32, linearForward64 } from "./_piecewise_linear.ts";
import type { ActivationFunction } from "./activation_function.ts";
import { twoPieceActivation } from "./leaky_relu.ts";
import { reluForward32, reluForward64, reluValue } from "./relu.ts";
import type { FloatArray, KinkConvention } from "./types.ts";

/**
 * He et al.'s initial slope, the default of the fixed-slope `createActivation("prelu")`.
 *
 * @example
 * ```ts
 * import { PRELU_ALPHA, prelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(PRELU_ALPHA, 0.25);
 * assert.equal(prelu(-4, PRELU_ALPHA), -1);
 * ```
 */
export const PRELU_ALPHA = 0.25;

/** Options of {@linkcode preluGrad}. */
export interface PreluGradOptions {
  /**
   * The derivative at z = 0: `"left"` (alpha, the default, as PyTorch), `"right"` (1),
   * `"mean"` or a number.
   */
  atZero?: KinkConvention;
}

/** Options of {@linkcode preluForward}. */
export interface PreluForwardOptions {
  /**
   * Columns per row of the row-major batch `x` when `alpha` holds one slope per column.
   * Default: `alpha.length`.
   */
  cols?: number;
}

const PRELU_GRAD_KEYS: OptionKeys<PreluGradOptions> = { atZero: true };
const PRELU_FORWARD_KEYS: OptionKeys<PreluForwardOptions> = { cols: "number" };

/**
 * PReLU: `z` for z > 0 and `alpha * z` for z <= 0. Unlike Leaky ReLU's fixed slope, alpha is
 * a learned parameter, so any finite value is allowed (training may push it below 0 or above
 * 1). NaN propagates; with alpha = 0 it is {@linkcode relu}.
 *
 * @param z The input.
 * @param alpha The slope for z <= 0, a finite number.
 * @returns PReLU(z).
 *
 * @example
 * ```ts
 * import { prelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(prelu(3, 0.25), 3);
 * assert.equal(prelu(-2, 0.25), -0.5);
 * ```
 */
export function prelu(z: number, alpha: number): number;
export function prelu(z: number, alpha: number, extra?: unknown): number {
  const action = "compute prelu";
  requireNumberType(action, "z", z);
  requireNumber(action, "alpha", alpha);
  if (extra !== undefined) refuseExtra("prelu", "z and alpha", z, extra);
  return preluValue(z, alpha);
}

/** PReLU without checks (the per-column kernels with a zero slope call it). */
function preluValue(z: number, alpha: number): number {
  if (alpha === 0) return reluValue(z);
  return z > 0 ? z : alpha * z;
}

/**
 * The derivative of PReLU in z: 1 for z > 0, `alpha` for z < 0, `atZero` at z = 0 (default
 * `"left"`: alpha). NaN propagates.
 *
 * @param z The input.
 * @param alpha The slope for z <= 0, a finite number.
 * @param options `atZero` (default `"left"`).
 * @returns ∂PReLU/∂z.
 *
 * @example
 * ```ts
 * import { preluGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(preluGrad(-2, 0.25), 0.25);
 * assert.equal(preluGrad(2, 0.25), 1);
 * assert.equal(preluGrad(0, 0.25), 0.25);
 * ```
 */
export function preluGrad(z: number, alpha: number, options?: PreluGradOptions): number;
export function preluGrad(
  z: number,
  alpha: number,
  options: PreluGradOptions = {},
  extra?: unknown,
): number {
  const action = "compute preluGrad";
  requireNumberType(action, "z", z);
  requireNumber(action, "alpha", alpha);
  refuseTrailing("compute preluGrad", "it", "z, alpha and options", "fourth", extra);
  const { atZero = "left" } = requireOptions(action, options, PRELU_GRAD_KEYS);
  const atZeroValue = resolveKink(action, atZero, alpha, 1); // checked whatever z is
  if (z > 0) return 1;
  if (z < 0) return alpha;
  if (z === 0) return atZeroValue;
  return NaN;
}

/**
 * The derivative of PReLU in its slope: `∂f/∂alpha = min(z, 0)`, i.e. z for z <= 0 and 0 for
 * z > 0. At z = 0 both one-sided values are 0, so no convention is needed: it agrees with
 * every `atZero`. NaN propagates; -Infinity gives -Infinity.
 *
 * @param z The input.
 * @returns ∂PReLU/∂alpha.
 *
 * @example
 * ```ts
 * import { preluAlphaGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(preluAlphaGrad(-2), -2);
 * assert.equal(preluAlphaGrad(3), 0);
 * assert.equal(preluAlphaGrad(0), 0);
 * ```
 */
export function preluAlphaGrad(z: number): number;
export function preluAlphaGrad(z: number, extra?: unknown, array?: unknown): number {
  return requireAlone("preluAlphaGrad", z, extra, array) > 0 ? 0 : z;
}

/**
 * Applies PReLU to a row-major batch: `out[i] = x[i] > 0 ? x[i] : a * x[i]`, with `a` the one
 * shared slope, or `alpha[i % cols]` when `alpha` holds one slope per column. Branch-free for
 * nonzero slopes; `out` may be `x` or overlap it (then `x` is copied first).
 *
 * @param x The inputs: a number array, `Float64Array` or `Float32Array` (`rows * cols` long).
 * @param alpha One slope, or one per column (a `Float64Array` of length `cols`).
 * @param out Where to write, a `Float64Array` or `Float32Array`; default a new array of `x`'s
 *   float type (`Float64Array` for number arrays).
 * @param options `cols` (default `alpha.length`).
 * @returns `out`.
 *
 * @example
 * ```ts
 * import { preluForward } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(preluForward([-2, 3], 0.25)), [-0.5, 3]);
 * const perColumn = preluForward([-2, -2, 4, -4], Float64Array.of(0.5, 0.25));
 * assert.deepEqual(Array.from(perColumn), [-1, -0.5, 4, -1]);
 * ```
 */
export function preluForward<T extends FloatArray = Float64Array>(
  x: ArrayLike<number>,
  alpha: number | Float64Array,
  out?: T,
  options?: PreluForwardOptions,
): T;
export function preluForward<T extends FloatArray = Float64Array>(
  x: ArrayLike<number>,
  alpha: number | Float64Array,
  out?: T,
  options: PreluForwardOptions = {},
  extra?: unknown,
): T {
  const action = "run preluForward";
  refuseTrailing(action, "preluForward", "x, alpha, out and options", "fifth", extra);
  const checked = requireOptions(action, options, PRELU_FORWARD_KEYS);
  requireArray(action, "x", x);
  const target = out === undefined ? allocateLike(x) : requireFloatArray(action, "out", out);
  requireLength(action, "out", target, x.length);
  if (typeof alpha === "number") {
    requireNumber(action, "alpha", alpha);
    // cols is not needed with one slope, but a given one is still checked, not ignored.
    if (checked.cols !== undefined) {
      requireRows(
        action,
        x,
        requireNumber(action, "cols", checked.cols, { integer: true, min: 1 }),
      );
    }
    return sharedSlope(x, alpha, target) as T;
  }
  if (!(alpha instanceof Float64Array)) {
    throw new TypeError(
      `Cannot ${action} as alpha must be a number or a Float64Array: alpha=${formatValue(alpha)}`,
    );
  }
  const cols = requireNumber(action, "cols", orDefault(checked.cols, alpha.length), {
    integer: true,
    min: 1,
  });
  requireLength(action, "alpha", alpha, cols);
  requireRows(action, x, cols);
  for (let j = 0; j < cols; j++) requireNumber(action, `alpha[${j}]`, alpha[j]);
  const pairs = new Float64Array(2 * cols);
  let anyZero = false;
  for (let j = 0; j < cols; j++) {
    pairs[2 * j] = alpha[j];
    pairs[2 * j + 1] = 1;
    anyZero ||= alpha[j] === 0;
  }
  if (target instanceof Float64Array) {
    if (!(x instanceof Float64Array)) target.set(x); // then run in place
    const input = x instanceof Float64Array ? unshared(x, target) : target;
    if (anyZero) columnsExact64(input, target, alpha);
    else columnsForward64(input, target, pairs);
  } else {
    if (!(x instanceof Float32Array)) target.set(x); // then run in place
    const input = x instanceof Float32Array ? unshared(x, target) : target;
    if (anyZero) columnsExact32(input, target, alpha);
    else columnsForward32(input, target, pairs);
  }
  return target as T;
}

function sharedSlope(x: ArrayLike<number>, alpha: number, target: FloatArray): FloatArray {
  const pair = Float64Array.of(alpha, 1);
  if (target instanceof Float64Array) {
    if (!(x instanceof Float64Array)) target.set(x); // then run in place
    const input = x instanceof Float64Array ? unshared(x, target) : target;
    if (alpha === 0) reluForward64(input, target);
    else linearForward64(input, target, pair);
  } else {
    if (!(x instanceof Float32Array)) target.set(x);
    const input = x instanceof Float32Array ? unshared(x, target) : target;
    if (alpha === 0) reluForward32(input, target);
    else linearForward32(input, target, pair);
  }
  return target;
}

/** Per-column slopes, all nonzero: `pairs` holds `[a_j, 1]` for each column j. */
function columnsForward64(x: Float64Array, out: Float64Array, pairs: Float64Array): void {
  const cols = pairs.length >> 1;
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("columnsForward64", "out", out.length, n);
  for (let i = 0, j = 0; i < n; i++) {
    const v = x[i];
    out[i] = v * pairs[(j << 1) | +(v > 0)];
    j = j + 1 === cols ? 0 : j + 1;
  }
}

function columnsForward32(x: Float32Array, out: Float32Array, pairs: Float64Array): void {
  const cols = pairs.length >> 1;
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("columnsForward32", "out", out.length, n);
  for (let i = 0, j = 0; i < n; i++) {
    const v = x[i];
    out[i] = v * pairs[(j << 1) | +(v > 0)];
    j = j + 1 === cols ? 0 : j + 1;
  }
}

/** Per-column slopes with some 0 (where -Infinity * 0 would be NaN): the scalar rule. */
function columnsExact64(x: Float64Array, out: Float64Array, alpha: Float64Array): void {
  const cols = alpha.length;
  for (let i = 0; i < x.length; i++) out[i] = preluValue(x[i], alpha[i % cols]);
}

function columnsExact32(x: Float32Array, out: Float32Array, alpha: Float64Array): void {
  const cols = alpha.length;
  for (let i = 0; i < x.length; i++) out[i] = preluValue(x[i], alpha[i % cols]);
}

/** Builds the fixed-slope PReLU activation object (used by `createActivation`). */
export function preluActivation(
  options: { alpha?: number; atZero?: KinkConvention } = {},
): ActivationFunction {
  const action = "create prelu";
  const alpha = requireNumber(action, "alpha", orDefault(options.alpha, PRELU_ALPHA));
  const atZero = checkKink(action, orDefault(options.atZero, "left"));
  return twoPieceActivation({
    name: "prelu",
    title: "PReLU",
    action,
    alpha,
    atZero,
    params: { alpha, atZero },
  });
}

/** Checks that `x` holds whole rows of `cols` values. */
function requireRows(action: string, x: ArrayLike<number>, cols: number): void {
  if (x.length % cols !== 0) {
    throw new RangeError(
      `Cannot ${action} as x.length must be a multiple of cols=${cols}: x.length=${x.length}`,
    );
  }
}
