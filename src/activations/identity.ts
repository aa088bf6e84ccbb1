/**
 * The identity `f(z) = z` (a linear output layer's "activation") and its derivative 1.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";
import { requireAlone } from "./_kink.ts";
import { linearBackward32, linearBackward64, linearSlopes } from "./_piecewise_linear.ts";

const UNIT_SLOPES = linearSlopes("create identity", 1, 1, "left");

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
export function identity(z: number): number;
export function identity(z: number, extra?: unknown, array?: unknown): number {
  return requireAlone("identity", z, extra, array);
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
export function identityGrad(z: number): number;
export function identityGrad(z: number, extra?: unknown, array?: unknown): number {
  return identityGradValue(requireAlone("identityGrad", z, extra, array));
}

function identityGradValue(z: number): number {
  return Number.isNaN(z) ? NaN : 1;
}

function identityForward64(x: Float64Array, out: Float64Array): void {
  if (out !== x) out.set(x);
}

function identityForward32(x: Float32Array, out: Float32Array): void {
  if (out !== x) out.set(x);
}

/** Builds the identity activation object (used by `createActivation`). */
export function identityActivation(): ActivationFunction {
  return new ActivationFunction({
    name: "identity",
    label: "Identity",
    params: {},
    f: (z) => z,
    grad: identityGradValue,
    forward64: identityForward64,
    forward32: identityForward32,
    // f' = 1 on both sides: the two-piece linear kernel with equal slopes (NaN propagates).
    backward64: (x, gradOut, out) => linearBackward64(x, gradOut, out, UNIT_SLOPES),
    backward32: (x, gradOut, out) => linearBackward32(x, gradOut, out, UNIT_SLOPES),
    expression: "z",
    latex: String.raw`f(z) = z`,
    gradLatex: String.raw`f'(z) = 1`,
    kinks: [],
  });
}
