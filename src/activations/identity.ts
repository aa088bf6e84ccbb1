/**
 * The identity `f(z) = z` (a linear output layer's "activation") and its derivative 1.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";

/**
 * The identity: returns z unchanged (NaN and ±Infinity included).
 *
 * @param z The input.
 * @returns z.
 *
 * @example
 * ```ts
 * import { identity } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(identity(-2), -2);
 * ```
 */
export function identity(z: number): number {
  return z;
}

/**
 * The derivative of the identity: 1 everywhere; NaN propagates.
 *
 * @param z The input.
 * @returns 1, or NaN for NaN.
 *
 * @example
 * ```ts
 * import { identityGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(identityGrad(-2), 1);
 * assert.ok(Number.isNaN(identityGrad(NaN)));
 * ```
 */
export function identityGrad(z: number): number {
  return Number.isNaN(z) ? NaN : 1;
}

function identityForward64(x: Float64Array, out: Float64Array): void {
  if (out !== x) out.set(x);
}

function identityForward32(x: Float32Array, out: Float32Array): void {
  if (out !== x) out.set(x);
}

/** `gradOut * 1`; the term `0 / (1 + |x|)` is 0 for every number and NaN for NaN. */
function identityBackward64(x: Float64Array, gradOut: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] + 0 / (1 + Math.abs(x[i]));
}

function identityBackward32(x: Float32Array, gradOut: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] + 0 / (1 + Math.abs(x[i]));
}

/** Builds the identity activation object (used by `createActivation`). */
export function identityActivation(): ActivationFunction {
  return new ActivationFunction({
    name: "identity",
    label: "Identity",
    params: {},
    f: identity,
    grad: identityGrad,
    forward64: identityForward64,
    forward32: identityForward32,
    backward64: identityBackward64,
    backward32: identityBackward32,
    expression: "z",
    latex: String.raw`f(z) = z`,
    gradLatex: String.raw`f'(z) = 1`,
    kinks: [],
  });
}
