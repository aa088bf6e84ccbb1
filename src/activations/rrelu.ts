/**
 * RReLU, the randomized leaky ReLU (Xu et al. 2015): in training each non-positive input gets
 * a slope drawn uniformly from [lower, upper]; in evaluation the slope is the mean
 * `(lower + upper) / 2`. Bounds default to PyTorch's 1/8 and 1/3.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { drawUniform } from "../core/_draw.ts";
import { requireFlag } from "../core/_require.ts";
import { type RandomOptions } from "../core/prng.ts";
import { requireRandomOptions } from "../core/_draw.ts";
import { prngOf } from "../core/_prng_of.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import {
  allocateLike,
  as64,
  requireArray,
  requireFloatArray,
  requireLength,
  unshared,
} from "./_arrays.ts";
import { checkKink, orDefault, requireScalarArguments, resolveKink } from "./_kink.ts";
import type { ActivationFunction } from "./activation_function.ts";
import { twoPieceActivation } from "./leaky_relu.ts";
import type { FloatArray, KinkConvention } from "./types.ts";

/**
 * The default lower bound of RReLU's slope (PyTorch): 1/8.
 *
 * @example
 * ```ts
 * import { RRELU_LOWER, rrelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(RRELU_LOWER, 0.125);
 * assert.ok(rrelu(-1, { training: true, seed: 7 }) <= -RRELU_LOWER);
 * ```
 */
export const RRELU_LOWER = 1 / 8;
/**
 * The default upper bound of RReLU's slope (PyTorch): 1/3.
 *
 * @example
 * ```ts
 * import { RRELU_LOWER, RRELU_UPPER, rrelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(RRELU_UPPER, 1 / 3);
 * assert.equal(rrelu(-1), -(RRELU_LOWER + RRELU_UPPER) / 2); // evaluation: the mean slope
 * ```
 */
export const RRELU_UPPER = 1 / 3;

/** Options of {@linkcode rrelu} and {@linkcode rreluForward}. */
export interface RReluOptions extends RandomOptions {
  /** Smallest slope, a finite number >= 0. Default: 1/8. */
  lower?: number;
  /** Largest slope, a finite number >= lower. Default: 1/3. */
  upper?: number;
  /**
   * Training mode draws a random slope for each non-positive input and needs `prng` or `seed`;
   * evaluation (the default) uses the mean slope `(lower + upper) / 2`.
   */
  training?: boolean;
}

/** Options of {@linkcode rreluGrad}. */
export interface RReluGradOptions extends RReluOptions {
  /**
   * The slope used in the forward pass (from {@linkcode rreluForward}'s `slopes`), a finite
   * number >= 0. When given, it is the derivative for z < 0 and nothing is drawn.
   */
  slope?: number;
  /** The derivative at z = 0: `"left"` (the slope, default, as PyTorch), `"right"` (1), `"mean"` or a number. */
  atZero?: KinkConvention;
}

/** What {@linkcode rreluForward} returns. */
export interface RReluForwardResult<T extends FloatArray> {
  /** The outputs. */
  output: T;
  /**
   * The slope each output used: 1 where x > 0, the drawn or mean slope where x <= 0, NaN where x
   * is NaN (its gradient is NaN, as `rreluGrad(NaN)` is; PyTorch passes it through).
   */
  slopes: Float64Array;
}

const RRELU_KEYS: OptionKeys<RReluOptions> = {
  lower: "number",
  upper: "number",
  training: true,
  prng: true,
  seed: "number",
};
const RRELU_GRAD_KEYS: OptionKeys<RReluGradOptions> = {
  ...RRELU_KEYS,
  slope: "number",
  atZero: true,
};

/**
 * Checks RReLU's bounds, each `undefined` for its default, and returns them: finite numbers
 * with 0 <= lower <= upper. When one bound was left out, an error about their order names both
 * values and says which one is the default (`{ lower: 0.5 }` is above the default upper 1/3).
 */
export function requireRReluBounds(
  action: string,
  lower: unknown,
  upper: unknown,
): [lower: number, upper: number] {
  const low = requireNumber(action, "lower", orDefault(lower, RRELU_LOWER), { min: 0 });
  if (upper === undefined && low > RRELU_UPPER) {
    throw defaultBoundError(action, "lower", low, "at most", "upper", "1/3", RRELU_UPPER);
  }
  const high = requireNumber(action, "upper", orDefault(upper, RRELU_UPPER), {
    min: lower === undefined ? 0 : low,
  });
  if (lower === undefined && high < RRELU_LOWER) {
    throw defaultBoundError(action, "upper", high, "at least", "lower", "1/8", RRELU_LOWER);
  }
  return [low, high];
}

/** The error for a bound on the wrong side of the other bound's default. */
function defaultBoundError(
  action: string,
  name: string,
  value: number,
  relation: string,
  other: string,
  shown: string,
  otherValue: number,
): RangeError {
  return new RangeError(
    `Cannot ${action} as ${name} must be ${relation} ${other}, which was left out for its ` +
      `default ${shown} (set ${other} too): ${name}=${formatValue(value)}, ${other}=${
        formatValue(otherValue)
      }`,
  );
}

interface Resolved {
  lower: number;
  upper: number;
  draw: (() => number) | undefined;
}

function resolve(action: string, options: RReluOptions): Resolved {
  const [lower, upper] = requireRReluBounds(action, options.lower, options.upper);
  if (!requireFlag(action, "training", options.training)) {
    // Unused in evaluation, but checked: a bad prng or seed here would fail only in training.
    if (options.prng !== undefined || options.seed !== undefined) {
      requireRandomOptions(options, action);
    }
    return { lower, upper, draw: undefined };
  }
  if (options.prng === undefined && options.seed === undefined) {
    throw new TypeError(
      `Cannot ${action} as training needs a prng or a seed: prng=undefined, seed=undefined`,
    );
  }
  const prng = prngOf(options, action);
  return { lower, upper, draw: () => lower + (upper - lower) * drawUniform(action, prng) };
}

/**
 * RReLU: `z` for z > 0 and `a z` for z <= 0, where `a` is drawn uniformly from
 * [lower, upper] in training (one draw per call, only when z <= 0) and is the mean slope
 * `(lower + upper) / 2` in evaluation. NaN propagates.
 *
 * @param z The input.
 * @param options `lower`, `upper`, `training`, and `prng` or `seed` (needed in training).
 * @returns RReLU(z).
 *
 * @example
 * ```ts
 * import { createPrng, rrelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(rrelu(3), 3);
 * assert.equal(rrelu(-1, { lower: 0.1, upper: 0.3 }), -0.2);
 * const y = rrelu(-1, { training: true, prng: createPrng(1) });
 * assert.ok(y <= -1 / 8 && y >= -1 / 3);
 * ```
 */
export function rrelu(z: number, options?: RReluOptions): number;
export function rrelu(z: number, options: RReluOptions = {}, extra?: unknown): number {
  const action = "compute rrelu";
  const checked = requireScalarArguments(action, "rrelu", z, options, extra, RRELU_KEYS);
  const { lower, upper, draw } = resolve(action, checked);
  if (z > 0 || Number.isNaN(z)) return z;
  const slope = draw === undefined ? (lower + upper) / 2 : draw();
  return slope === 0 ? 0 : slope * z;
}

/**
 * The derivative of RReLU: 1 for z > 0, the slope for z < 0 (`options.slope` when given,
 * else drawn in training exactly as {@linkcode rrelu} would with the same generator state,
 * else the mean), and `atZero` at z = 0 (default `"left"`: the slope). NaN propagates.
 *
 * @param z The input.
 * @param options `slope`, `lower`, `upper`, `training`, `prng` or `seed`, `atZero`.
 * @returns RReLU'(z).
 *
 * @example
 * ```ts
 * import { rrelu, rreluGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(rreluGrad(-1, { lower: 0.1, upper: 0.3 }), 0.2);
 * assert.equal(rreluGrad(-1, { slope: 0.15 }), 0.15);
 * const options = { training: true, seed: 3 };
 * assert.equal(rrelu(-1, options), -rreluGrad(-1, options));
 * ```
 */
export function rreluGrad(z: number, options?: RReluGradOptions): number;
export function rreluGrad(z: number, options: RReluGradOptions = {}, extra?: unknown): number {
  const action = "compute rreluGrad";
  const checked = requireScalarArguments(action, "rreluGrad", z, options, extra, RRELU_GRAD_KEYS);
  const { lower, upper, draw } = resolve(action, checked);
  // Both checked whatever z is:
  const given = checked.slope === undefined
    ? undefined
    : requireNumber(action, "slope", checked.slope, { min: 0 });
  const atZero = checkKink(action, orDefault(checked.atZero, "left"));
  if (z > 0) return 1;
  if (Number.isNaN(z)) return NaN;
  const slope = given !== undefined ? given : draw === undefined ? (lower + upper) / 2 : draw();
  return z < 0 ? slope : resolveKink(action, atZero, slope, 1);
}

/**
 * Applies RReLU to an array and returns the slopes it used, so the backward pass can reuse
 * them (`gradIn[i] = gradOut[i] * slopes[i]`, see {@linkcode rreluBackward}). In training each
 * non-positive input draws its own slope (in index order, from `prng` or `seed`); in
 * evaluation every one uses the mean slope.
 *
 * @param x The inputs: a number array, `Float64Array` or `Float32Array`.
 * @param options `lower`, `upper`, `training`, and `prng` or `seed`.
 * @param out Where to write the outputs, a `Float64Array` or `Float32Array` (may be `x` or
 *   overlap it); default a new array of `x`'s float type.
 * @param slopesOut Where to write the slopes; default a new `Float64Array`.
 * @returns The outputs and the slopes.
 *
 * @example
 * ```ts
 * import { rreluForward } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const { output, slopes } = rreluForward([-2, 3], { training: true, seed: 1 });
 * assert.equal(output[0], -2 * slopes[0]);
 * assert.equal(slopes[1], 1);
 * assert.ok(slopes[0] >= 1 / 8 && slopes[0] <= 1 / 3);
 * ```
 */
export function rreluForward<T extends FloatArray = Float64Array>(
  x: ArrayLike<number>,
  options?: RReluOptions,
  out?: T,
  slopesOut?: Float64Array,
): RReluForwardResult<T>;
export function rreluForward<T extends FloatArray = Float64Array>(
  x: ArrayLike<number>,
  options: RReluOptions = {},
  out?: T,
  slopesOut?: Float64Array,
  extra?: unknown,
): RReluForwardResult<T> {
  const action = "run rreluForward";
  refuseTrailing(action, "rreluForward", "x, options, out and slopesOut", "fifth", extra);
  const { lower, upper, draw } = resolve(action, requireOptions(action, options, RRELU_KEYS));
  requireArray(action, "x", x);
  const output = out === undefined ? allocateLike(x) : requireFloatArray(action, "out", out);
  requireLength(action, "out", output, x.length);
  const slopes = slopesOut === undefined ? new Float64Array(x.length) : slopesOut;
  if (!(slopes instanceof Float64Array)) {
    throw new TypeError(
      `Cannot ${action} as slopesOut must be a Float64Array: slopesOut=${formatValue(slopes)}`,
    );
  }
  requireLength(action, "slopesOut", slopes, x.length);
  const input = x instanceof Float64Array || x instanceof Float32Array
    ? unshared(unshared(x, output), slopes)
    : x;
  const mean = (lower + upper) / 2;
  const n = x.length;
  // Not branch-free: training draws a random number per non-positive input anyway.
  for (let i = 0; i < n; i++) {
    const v = input[i];
    if (v > 0 || v !== v) {
      // A NaN input's slope is NaN, so its gradient is NaN too, as rreluGrad(NaN) is.
      slopes[i] = v > 0 ? 1 : NaN;
      output[i] = v;
    } else {
      const slope = draw === undefined ? mean : draw();
      slopes[i] = slope;
      output[i] = slope === 0 ? 0 : slope * v;
    }
  }
  return { output: output as T, slopes };
}

/**
 * The RReLU backward pass from the slopes of {@linkcode rreluForward}:
 * `out[i] = gradOut[i] * slopes[i]` (the left convention at z = 0, as PyTorch).
 *
 * @param gradOut dLoss/dOutput.
 * @param slopes The slopes the forward pass returned.
 * @param out Where to write, a `Float64Array` or `Float32Array` (may be `gradOut` or overlap it);
 *   default a new array of `gradOut`'s float type.
 * @returns `out`.
 *
 * @example
 * ```ts
 * import { rreluBackward, rreluForward } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const { slopes } = rreluForward([-2, 3], { lower: 0.2, upper: 0.2 });
 * assert.deepEqual(Array.from(rreluBackward([1, 1], slopes)), [0.2, 1]);
 * ```
 */
export function rreluBackward<T extends FloatArray = Float64Array>(
  gradOut: ArrayLike<number>,
  slopes: ArrayLike<number>,
  out?: T,
): T;
export function rreluBackward<T extends FloatArray = Float64Array>(
  gradOut: ArrayLike<number>,
  slopes: ArrayLike<number>,
  out?: T,
  extra?: unknown,
): T {
  const action = "run rreluBackward";
  refuseTrailing(action, "rreluBackward", "gradOut, slopes and out", "fourth", extra);
  requireArray(action, "gradOut", gradOut);
  requireArray(action, "slopes", slopes, gradOut.length);
  const target = out === undefined ? allocateLike(gradOut) : requireFloatArray(action, "out", out);
  requireLength(action, "out", target, gradOut.length);
  const g = gradOut instanceof Float64Array || gradOut instanceof Float32Array
    ? unshared(gradOut, target)
    : gradOut;
  const s = as64(slopes, target);
  const n = gradOut.length;
  for (let i = 0; i < n; i++) target[i] = g[i] * s[i];
  return target as T;
}

/** Builds the RReLU activation object in evaluation mode (used by `createActivation`). */
export function rreluActivation(
  options: { lower?: number; upper?: number; atZero?: KinkConvention } = {},
): ActivationFunction {
  const action = "create rrelu";
  const { lower, upper } = resolve(action, options);
  const atZero = checkKink(action, orDefault(options.atZero, "left"));
  return twoPieceActivation({
    name: "rrelu",
    title: "RReLU, evaluation",
    action,
    alpha: (lower + upper) / 2,
    atZero,
    params: { lower, upper, atZero },
  });
}
