/**
 * The logistic sigmoid `1 / (1 + e^-z)` and its derivative `σ(z)(1 - σ(z))`, side by side.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";
import { requireAlone } from "./_kink.ts";

/**
 * The logistic sigmoid `1 / (1 + e^-z)`, computed without overflow: for z < 0 it uses
 * `e^z / (1 + e^z)`. `sigmoid(-1000) === 0`, `sigmoid(Infinity) === 1`; NaN propagates.
 *
 * @param z The input.
 * @returns σ(z), in [0, 1].
 *
 * @example
 * ```ts
 * import { sigmoid } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sigmoid(0), 0.5);
 * assert.equal(sigmoid(-1000), 0);
 * assert.equal(sigmoid(1000), 1);
 * ```
 */
export function sigmoid(z: number): number;
export function sigmoid(z: number, extra?: unknown, array?: unknown): number {
  return sigmoidValue(requireAlone("sigmoid", z, extra, array));
}

/** The sigmoid without the input check (kernels, softplus, SiLU and GELU call it). */
export function sigmoidValue(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * The derivative of the sigmoid, `σ(z)(1 - σ(z))`, computed as `σ(z)σ(-z)` so it keeps its
 * relative accuracy for large |z| (no `1 - σ` cancellation). 0 at ±Infinity; NaN propagates.
 *
 * @param z The input.
 * @returns σ'(z), in [0, 0.25].
 *
 * @example
 * ```ts
 * import { sigmoidGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sigmoidGrad(0), 0.25);
 * assert.equal(sigmoidGrad(-Infinity), 0);
 * ```
 */
export function sigmoidGrad(z: number): number;
export function sigmoidGrad(z: number, extra?: unknown, array?: unknown): number {
  return sigmoidGradValue(requireAlone("sigmoidGrad", z, extra, array));
}

function sigmoidGradValue(z: number): number {
  return sigmoidValue(z) * sigmoidValue(-z);
}

function sigmoidForward64(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = sigmoidValue(x[i]);
}

function sigmoidForward32(x: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = sigmoidValue(x[i]);
}

/** Backward from the output when given: σ' = y(1 - y), no second exp. */
function sigmoidBackward64(
  x: Float64Array,
  gradOut: Float64Array,
  out: Float64Array,
  y: Float64Array | undefined,
): void {
  const n = x.length;
  if (y === undefined) {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * sigmoidGradValue(x[i]);
  } else {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * y[i] * (1 - y[i]);
  }
}

function sigmoidBackward32(
  x: Float32Array,
  gradOut: Float32Array,
  out: Float32Array,
  y: Float32Array | undefined,
): void {
  const n = x.length;
  if (y === undefined) {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * sigmoidGradValue(x[i]);
  } else {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * y[i] * (1 - y[i]);
  }
}

/** Builds the sigmoid activation object (used by `createActivation`). */
export function sigmoidActivation(): ActivationFunction {
  return new ActivationFunction({
    name: "sigmoid",
    label: "Sigmoid",
    params: {},
    f: sigmoidValue,
    grad: sigmoidGradValue,
    forward64: sigmoidForward64,
    forward32: sigmoidForward32,
    backward64: sigmoidBackward64,
    backward32: sigmoidBackward32,
    expression: "1 / (1 + exp(-z))",
    latex: String.raw`f(z) = \sigma(z) = \frac{1}{1 + e^{-z}}`,
    gradLatex: String.raw`f'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)`,
    kinks: [],
  });
}
