/**
 * The hyperbolic tangent and its derivative `1 - tanh²(z)`, side by side.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";
import { requireAlone } from "./_kink.ts";

/**
 * The hyperbolic tangent (`Math.tanh`): ±1 at ±Infinity; NaN propagates.
 *
 * @param z The input.
 * @returns tanh(z), in [-1, 1].
 *
 * @example
 * ```ts
 * import { tanh } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(tanh(0), 0);
 * assert.equal(tanh(-Infinity), -1);
 * ```
 */
export function tanh(z: number): number;
export function tanh(z: number, extra?: unknown, array?: unknown): number {
  return Math.tanh(requireAlone("tanh", z, extra, array));
}

/**
 * The derivative of tanh, `1 - tanh²(z)`, computed as `1 / cosh²(z)` so it keeps its relative
 * accuracy for large |z| (no cancellation), down to the subnormals it reaches near |z| = 372
 * (as `(1 / cosh z)²` where cosh² overflows); 0 beyond and at ±Infinity; NaN propagates.
 *
 * @param z The input.
 * @returns tanh'(z), in [0, 1].
 *
 * @example
 * ```ts
 * import { tanhGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(tanhGrad(0), 1);
 * assert.equal(tanhGrad(Infinity), 0);
 * ```
 */
export function tanhGrad(z: number): number;
export function tanhGrad(z: number, extra?: unknown, array?: unknown): number {
  return tanhGradValue(requireAlone("tanhGrad", z, extra, array));
}

function tanhGradValue(z: number): number {
  const c = Math.cosh(z);
  const square = c * c;
  // Past |z| ≈ 355 cosh² overflows though the derivative, down to 5e-324 near |z| = 372, does
  // not: then (1 / cosh)², the same value where both are finite, up to the last bit.
  return square === Infinity && c !== Infinity ? (1 / c) * (1 / c) : 1 / square;
}

function tanhForward64(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]);
}

function tanhForward32(x: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]);
}

/** Backward from the output when given: tanh' = 1 - y². */
function tanhBackward64(
  x: Float64Array,
  gradOut: Float64Array,
  out: Float64Array,
  y: Float64Array | undefined,
): void {
  const n = x.length;
  if (y === undefined) {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * tanhGradValue(x[i]);
  } else {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * (1 - y[i] * y[i]);
  }
}

function tanhBackward32(
  x: Float32Array,
  gradOut: Float32Array,
  out: Float32Array,
  y: Float32Array | undefined,
): void {
  const n = x.length;
  if (y === undefined) {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * tanhGradValue(x[i]);
  } else {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * (1 - y[i] * y[i]);
  }
}

/** Builds the tanh activation object (used by `createActivation`). */
export function tanhActivation(): ActivationFunction {
  return new ActivationFunction({
    name: "tanh",
    label: "tanh",
    params: {},
    f: Math.tanh,
    grad: tanhGradValue,
    forward64: tanhForward64,
    forward32: tanhForward32,
    backward64: tanhBackward64,
    backward32: tanhBackward32,
    expression: "tanh(z)",
    latex: String.raw`f(z) = \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}`,
    gradLatex: String.raw`f'(z) = 1 - \tanh^{2}(z)`,
    kinks: [],
  });
}
