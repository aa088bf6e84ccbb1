/**
 * SiLU (swish), `z σ(z)`, and its derivative `σ(z)(1 + z(1 - σ(z)))`, side by side.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";
import { requireAlone } from "./_kink.ts";
import { sigmoidValue } from "./sigmoid.ts";

/**
 * SiLU, also called swish: `z σ(z)`. Never overflows for finite z; `silu(-Infinity) === 0`
 * (the limit), `silu(Infinity) === Infinity`; NaN propagates.
 *
 * @param z The input.
 * @returns z σ(z).
 *
 * @example
 * ```ts
 * import { silu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(silu(0), 0);
 * assert.equal(silu(-Infinity), 0);
 * assert.ok(Math.abs(silu(1) - 1 / (1 + Math.exp(-1))) < 1e-16);
 * ```
 */
export function silu(z: number): number;
export function silu(z: number, extra?: unknown, array?: unknown): number {
  return siluValue(requireAlone("silu", z, extra, array));
}

function siluValue(z: number): number {
  if (z === -Infinity) return 0;
  return z * sigmoidValue(z);
}

/**
 * The derivative of SiLU: `σ(z)(1 + z(1 - σ(z)))`, with `1 - σ(z)` computed as `σ(-z)`.
 * The limits 0 at -Infinity and 1 at +Infinity; NaN propagates.
 *
 * @param z The input.
 * @returns SiLU'(z).
 *
 * @example
 * ```ts
 * import { siluGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(siluGrad(0), 0.5);
 * assert.equal(siluGrad(Infinity), 1);
 * ```
 */
export function siluGrad(z: number): number;
export function siluGrad(z: number, extra?: unknown, array?: unknown): number {
  return siluGradValue(requireAlone("siluGrad", z, extra, array));
}

function siluGradValue(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return sigmoidValue(z) * (1 + z * sigmoidValue(-z));
}

function siluForward64(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = siluValue(x[i]);
}

function siluForward32(x: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = siluValue(x[i]);
}

function siluBackward64(x: Float64Array, gradOut: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * siluGradValue(x[i]);
}

function siluBackward32(x: Float32Array, gradOut: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * siluGradValue(x[i]);
}

/** Builds the SiLU activation object (used by `createActivation`). */
export function siluActivation(): ActivationFunction {
  return new ActivationFunction({
    name: "silu",
    label: "SiLU",
    params: {},
    f: siluValue,
    grad: siluGradValue,
    forward64: siluForward64,
    forward32: siluForward32,
    backward64: siluBackward64,
    backward32: siluBackward32,
    expression: "z / (1 + exp(-z))",
    latex: String.raw`f(z) = z\,\sigma(z) = \frac{z}{1 + e^{-z}}`,
    gradLatex: String.raw`f'(z) = \sigma(z)\,\bigl(1 + z\,(1 - \sigma(z))\bigr)`,
    kinks: [],
  });
}
