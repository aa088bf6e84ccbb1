/**
 * The tanh approximation of GELU (Hendrycks & Gimpel; PyTorch's `approximate="tanh"`) and its
 * derivative, side by side.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";
import { requireAlone } from "./_kink.ts";
import { sigmoidValue } from "./sigmoid.ts";

const SQRT_2_OVER_PI = 0.7978845608028654;
const CUBIC = 0.044715;
/** Beyond |z| = 40 the derivative equals its limit (0 or 1) to double precision. */
const SATURATION = 40;

/**
 * GELU's tanh approximation: `z (1 + tanh(u)) / 2` with `u = √(2/π)(z + 0.044715 z³)`,
 * computed as `z σ(2u)` (the same function) to avoid `1 + tanh` cancellation for negative z.
 * `geluTanh(-Infinity) === 0`, `geluTanh(Infinity) === Infinity`; NaN propagates.
 *
 * @param z The input.
 * @returns The approximate GELU(z).
 *
 * @example
 * ```ts
 * import { gelu, geluTanh } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(geluTanh(0), 0);
 * assert.ok(Math.abs(geluTanh(1) - gelu(1)) < 1e-3);
 * ```
 */
export function geluTanh(z: number): number;
export function geluTanh(z: number, extra?: unknown, array?: unknown): number {
  return geluTanhValue(requireAlone("geluTanh", z, extra, array));
}

function geluTanhValue(z: number): number {
  if (z === -Infinity) return 0;
  return z * sigmoidValue(2 * SQRT_2_OVER_PI * (z + CUBIC * z * z * z));
}

/**
 * The derivative of GELU's tanh approximation:
 * `σ(2u) + 2 z u' σ(2u) σ(-2u)` with `u' = √(2/π)(1 + 3 · 0.044715 z²)`. The limits 0 and 1
 * beyond |z| = 40 (exact to double precision); NaN propagates.
 *
 * @param z The input.
 * @returns The derivative.
 *
 * @example
 * ```ts
 * import { geluTanhGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(geluTanhGrad(0), 0.5);
 * assert.equal(geluTanhGrad(-100), 0);
 * ```
 */
export function geluTanhGrad(z: number): number;
export function geluTanhGrad(z: number, extra?: unknown, array?: unknown): number {
  return geluTanhGradValue(requireAlone("geluTanhGrad", z, extra, array));
}

function geluTanhGradValue(z: number): number {
  if (z > SATURATION) return 1;
  if (z < -SATURATION) return 0;
  const twoU = 2 * SQRT_2_OVER_PI * (z + CUBIC * z * z * z);
  const twoUPrime = 2 * SQRT_2_OVER_PI * (1 + 3 * CUBIC * z * z);
  return sigmoidValue(twoU) + z * twoUPrime * sigmoidValue(twoU) * sigmoidValue(-twoU);
}

function geluTanhForward64(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = geluTanhValue(x[i]);
}

function geluTanhForward32(x: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = geluTanhValue(x[i]);
}

function geluTanhBackward64(x: Float64Array, gradOut: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * geluTanhGradValue(x[i]);
}

function geluTanhBackward32(x: Float32Array, gradOut: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * geluTanhGradValue(x[i]);
}

/** Builds the tanh-approximate GELU activation object (used by `createActivation`). */
export function geluTanhActivation(): ActivationFunction {
  return new ActivationFunction({
    name: "geluTanh",
    label: "GELU (tanh approximation)",
    params: {},
    f: geluTanhValue,
    grad: geluTanhGradValue,
    forward64: geluTanhForward64,
    forward32: geluTanhForward32,
    backward64: geluTanhBackward64,
    backward32: geluTanhBackward32,
    expression: "z * (1 + tanh(sqrt(2 / pi) * (z + 0.044715 * z ^ 3))) / 2",
    latex: String
      .raw`f(z) = \frac{z}{2}\left(1 + \tanh\left(\sqrt{2/\pi}\,\left(z + 0.044715\,z^{3}\right)\right)\right)`,
    gradLatex: String
      .raw`f'(z) = \frac{1}{2}\left(1 + \tanh u\right) + \frac{z}{2}\left(1 - \tanh^{2} u\right) \sqrt{2/\pi}\left(1 + 0.134145\,z^{2}\right), \quad u = \sqrt{2/\pi}\left(z + 0.044715\,z^{3}\right)`,
    kinks: [],
  });
}
