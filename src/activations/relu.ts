/**
 * ReLU, the rectified linear unit: `f(z) = max(0, z)`, and its derivative, side by side.
 *
 * @module
 */

import type { OptionKeys } from "../core/validate.ts";
import { ActivationFunction } from "./activation_function.ts";
import {
  checkKink,
  formatNumber,
  orDefault,
  requireAlone,
  requireScalarArguments,
  resolveKink,
} from "./_kink.ts";
import {
  linearBackward32,
  linearBackward64,
  linearGrad,
  linearSlopes,
  registerLeftKink,
  reluForward32,
  reluForward64,
} from "./_piecewise_linear.ts";
import type { KinkConvention } from "./types.ts";

/** Options of {@linkcode reluGrad}. */
export interface ReluGradOptions {
  /**
   * The derivative at z = 0, where ReLU has a kink: `"left"` (0, the default, as PyTorch and
   * TensorFlow.js), `"right"` (1), `"mean"` (0.5) or any finite number.
   */
  atZero?: KinkConvention;
}

const RELU_GRAD_KEYS: OptionKeys<ReluGradOptions> = { atZero: true };

/**
 * ReLU: returns `z` for z > 0 and 0 otherwise (`max(0, z)`). NaN propagates; `relu(-0)` is
 * `+0`; `relu(Infinity)` is `Infinity` and `relu(-Infinity)` is 0.
 *
 * @param z The input, a number (anything else throws a `TypeError`: `relu("a")` is no 0).
 * @returns `max(0, z)`.
 *
 * @example
 * ```ts
 * import { relu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(relu(3), 3);
 * assert.equal(relu(-2), 0);
 * assert.ok(Number.isNaN(relu(NaN)));
 * // @ts-expect-error: a string is not a number
 * assert.throws(() => relu("a"), TypeError);
 * ```
 */
export function relu(z: number): number;
export function relu(z: number, extra?: unknown, array?: unknown): number {
  return reluValue(requireAlone("relu", z, extra, array));
}

/** ReLU without the input check (activation objects and PReLU call it). */
export function reluValue(z: number): number {
  return z > 0 || Number.isNaN(z) ? z : 0;
}

/**
 * The derivative of ReLU: 1 for z > 0, 0 for z < 0, and `atZero` at the kink z = 0 (default
 * `"left"`, i.e. 0, as PyTorch and TensorFlow.js). NaN propagates.
 *
 * @param z The input, a number (anything else throws a `TypeError`).
 * @param options `atZero`: the convention at z = 0, as an object (a bare number or an unknown
 *   key throws a `TypeError`).
 * @returns ReLU'(z).
 *
 * @example
 * ```ts
 * import { reluGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(reluGrad(2), 1);
 * assert.equal(reluGrad(-2), 0);
 * assert.equal(reluGrad(0), 0);
 * assert.equal(reluGrad(0, { atZero: "right" }), 1);
 * assert.equal(reluGrad(0, { atZero: "mean" }), 0.5);
 * ```
 */
export function reluGrad(z: number, options?: ReluGradOptions): number;
export function reluGrad(z: number, options: ReluGradOptions = {}, extra?: unknown): number {
  const action = "compute reluGrad";
  const { atZero = "left" } = requireScalarArguments(
    action,
    "reluGrad",
    z,
    options,
    extra,
    RELU_GRAD_KEYS,
  );
  const atZeroValue = resolveKink(action, atZero, 0, 1); // checked whatever z is
  if (z > 0) return 1;
  if (z < 0) return 0;
  if (z === 0) return atZeroValue;
  return NaN;
}

// The typed-array kernels live with the other two-piece linear kernels (ReLU: slopes 0 and 1).
export { reluForward32, reluForward64 };

/** Builds the ReLU activation object (used by `createActivation`). */
export function reluActivation(options: ReluGradOptions = {}): ActivationFunction {
  const action = "create relu";
  const atZero = checkKink(action, orDefault(options.atZero, "left"));
  const slopes = linearSlopes(action, 0, 1, atZero);
  const activation = new ActivationFunction({
    name: "relu",
    label: atZero === "left" ? "ReLU" : `ReLU (f′(0) = ${slopes.atZero})`,
    params: { atZero },
    f: reluValue,
    grad: (z) => linearGrad(z, slopes),
    forward64: reluForward64,
    forward32: reluForward32,
    backward64: (x, gradOut, out) => linearBackward64(x, gradOut, out, slopes),
    backward32: (x, gradOut, out) => linearBackward32(x, gradOut, out, slopes),
    expression: "z > 0 ? z : 0",
    latex: String.raw`f(z) = \max(0, z) = \begin{cases} z & z > 0 \\ 0 & z \le 0 \end{cases}`,
    gradLatex: String.raw`f'(z) = \begin{cases} 1 & z > 0 \\ ${
      formatNumber(slopes.atZero)
    } & z = 0 \text{ (convention)} \\ 0 & z < 0 \end{cases}`,
    kinks: [0],
  });
  if (atZero === "left") registerLeftKink(activation, 0);
  return activation;
}
