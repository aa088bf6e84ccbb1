/**
 * Leaky ReLU: `z` for z > 0 and `alpha * z` for z <= 0, and its derivative, side by side.
 *
 * @module
 */

import type { OptionKeys } from "../core/validate.ts";
import { ActivationFunction } from "./activation_function.ts";
import {
  checkKink,
  formatNumber,
  orDefault,
  requireAlpha,
  requireScalarArguments,
  resolveKink,
} from "./_kink.ts";
import {
  linearBackward32,
  linearBackward64,
  linearForward32,
  linearForward64,
  linearGrad,
  linearSlopes,
  registerLeftKink,
} from "./_piecewise_linear.ts";
import { reluForward32, reluForward64, reluValue } from "./relu.ts";
import type { KinkConvention } from "./types.ts";

/**
 * The default negative slope of Leaky ReLU (as PyTorch's `negative_slope`).
 *
 * @example
 * ```ts
 * import { LEAKY_RELU_ALPHA, leakyRelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(LEAKY_RELU_ALPHA, 0.01);
 * assert.equal(leakyRelu(-2), -2 * LEAKY_RELU_ALPHA);
 * ```
 */
export const LEAKY_RELU_ALPHA = 0.01;

/** Options of {@linkcode leakyRelu}. */
export interface LeakyReluOptions {
  /**
   * The slope for z <= 0: a finite number >= 0. Default: 0.01. Values above 1 are allowed
   * (the function then grows faster on the left), but `max(alpha * z, z)` no longer equals it.
   */
  alpha?: number;
}

/** Options of {@linkcode leakyReluGrad}. */
export interface LeakyReluGradOptions extends LeakyReluOptions {
  /**
   * The derivative at z = 0, where Leaky ReLU has a kink: `"left"` (alpha, the default, as
   * PyTorch and TensorFlow.js), `"right"` (1), `"mean"` ((1 + alpha) / 2) or a finite number.
   */
  atZero?: KinkConvention;
}

const LEAKY_RELU_KEYS: OptionKeys<LeakyReluOptions> = { alpha: "number" };
const LEAKY_RELU_GRAD_KEYS: OptionKeys<LeakyReluGradOptions> = { alpha: "number", atZero: true };

/**
 * Leaky ReLU, defined piecewise: `z` for z > 0 and `alpha * z` for z <= 0. NaN propagates;
 * `leakyRelu(-Infinity)` is `-Infinity` (0 when alpha = 0); `leakyRelu(-0)` is `-0` for
 * alpha > 0. With alpha = 0 it is {@linkcode relu}.
 *
 * @param z The input, a number (anything else throws a `TypeError`).
 * @param options `alpha`: the negative slope (default 0.01). An object: unlike PyTorch's
 *   `F.leaky_relu(x, 0.2)`, a bare number here is refused with a `TypeError` (write
 *   `{ alpha: 0.2 }`), as is an unknown key.
 * @returns f(z).
 *
 * @example
 * ```ts
 * import { leakyRelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(leakyRelu(3), 3);
 * assert.equal(leakyRelu(-2), -0.02);
 * assert.equal(leakyRelu(-2, { alpha: 0.1 }), -0.2);
 * assert.throws(() => leakyRelu(1, { alpha: NaN }), RangeError);
 * // @ts-expect-error: a number is not taken as alpha
 * assert.throws(() => leakyRelu(-2, 0.2), TypeError);
 * ```
 */
export function leakyRelu(z: number, options?: LeakyReluOptions): number;
export function leakyRelu(z: number, options: LeakyReluOptions = {}, extra?: unknown): number {
  const action = "compute leakyRelu";
  const { alpha = LEAKY_RELU_ALPHA } = requireScalarArguments(
    action,
    "leakyRelu",
    z,
    options,
    extra,
    LEAKY_RELU_KEYS,
  );
  requireAlpha(action, alpha);
  if (alpha === 0) return reluValue(z);
  return z > 0 ? z : alpha * z;
}

/**
 * The derivative of Leaky ReLU: 1 for z > 0, `alpha` for z < 0, and `atZero` at the kink
 * z = 0 (default `"left"`, i.e. alpha, as PyTorch and TensorFlow.js). NaN propagates.
 *
 * @param z The input, a number (anything else throws a `TypeError`).
 * @param options `alpha` (default 0.01) and `atZero` (default `"left"`), as an object (a bare
 *   number or an unknown key throws a `TypeError`).
 * @returns f'(z).
 *
 * @example
 * ```ts
 * import { leakyReluGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(leakyReluGrad(-2, { alpha: 0.01 }), 0.01);
 * assert.equal(leakyReluGrad(5), 1);
 * assert.equal(leakyReluGrad(0), 0.01);
 * assert.equal(leakyReluGrad(0, { atZero: "right" }), 1);
 * ```
 */
export function leakyReluGrad(z: number, options?: LeakyReluGradOptions): number;
export function leakyReluGrad(
  z: number,
  options: LeakyReluGradOptions = {},
  extra?: unknown,
): number {
  const action = "compute leakyReluGrad";
  const { alpha = LEAKY_RELU_ALPHA, atZero = "left" } = requireScalarArguments(
    action,
    "leakyReluGrad",
    z,
    options,
    extra,
    LEAKY_RELU_GRAD_KEYS,
  );
  requireAlpha(action, alpha);
  const atZeroValue = resolveKink(action, atZero, alpha, 1); // checked whatever z is
  if (z > 0) return 1;
  if (z < 0) return alpha;
  if (z === 0) return atZeroValue;
  return NaN;
}

/** Builds the Leaky ReLU activation object (used by `createActivation`). */
export function leakyReluActivation(options: LeakyReluGradOptions = {}): ActivationFunction {
  const action = "create leakyRelu";
  const alpha = requireAlpha(action, orDefault(options.alpha, LEAKY_RELU_ALPHA));
  const atZero = checkKink(action, orDefault(options.atZero, "left"));
  const activation = twoPieceActivation({
    name: "leakyRelu",
    title: "Leaky ReLU",
    action,
    alpha,
    atZero,
    params: { alpha, atZero },
  });
  if (atZero === "left") registerLeftKink(activation, alpha);
  return activation;
}

/** What {@linkcode twoPieceActivation} needs, parameters already checked. */
export interface TwoPieceSpec {
  /** The activation's name, e.g. `"leakyRelu"`. */
  name: string;
  /** The label's title, e.g. `"Leaky ReLU"`. */
  title: string;
  /** What is being done, for error messages. */
  action: string;
  /** The slope for z <= 0 (any finite number). */
  alpha: number;
  /** The convention at z = 0. */
  atZero: KinkConvention;
  /** The parameters to report (and to rebuild from). */
  params: Record<string, number | string>;
}

/**
 * Builds a two-piece linear activation object: slope 1 for z > 0, `alpha` for z <= 0 (shared
 * by leakyRelu, the fixed-slope prelu and rrelu in evaluation).
 */
export function twoPieceActivation(spec: TwoPieceSpec): ActivationFunction {
  const { name, title, action, alpha, atZero } = spec;
  const slopes = linearSlopes(action, alpha, 1, atZero);
  const a = formatNumber(alpha);
  const forward64 = alpha === 0
    ? reluForward64
    : (x: Float64Array, out: Float64Array) => linearForward64(x, out, slopes.pair);
  const forward32 = alpha === 0
    ? reluForward32
    : (x: Float32Array, out: Float32Array) => linearForward32(x, out, slopes.pair);
  return new ActivationFunction({
    name,
    label: `${title} (α = ${a}${atZero === "left" ? "" : `, f′(0) = ${slopes.atZero}`})`,
    params: spec.params,
    f: alpha === 0 ? reluValue : (z) => (z > 0 ? z : alpha * z),
    grad: (z) => linearGrad(z, slopes),
    forward64,
    forward32,
    backward64: (x, gradOut, out) => linearBackward64(x, gradOut, out, slopes),
    backward32: (x, gradOut, out) => linearBackward32(x, gradOut, out, slopes),
    expression: `z > 0 ? z : ${a} * z`,
    latex: String.raw`f(z) = \begin{cases} z & z > 0 \\ ${a}\,z & z \le 0 \end{cases}`,
    gradLatex: String.raw`f'(z) = \begin{cases} 1 & z > 0 \\ ${
      formatNumber(slopes.atZero)
    } & z = 0 \text{ (convention)} \\ ${a} & z < 0 \end{cases}`,
    kinks: [0],
  });
}
