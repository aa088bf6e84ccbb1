/**
 * Softplus, the smooth ReLU `log(1 + e^{βz}) / β`, and its derivative `σ(βz)`, side by side.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";
import { formatNumber } from "./_kink.ts";
import {
  type OptionKeys,
  requireNumber,
  requireNumberType,
  requireOptions,
} from "../core/validate.ts";
import { sigmoidValue } from "./sigmoid.ts";

/** Options of {@linkcode softplus} and {@linkcode softplusGrad} (as PyTorch's `Softplus`). */
export interface SoftplusOptions {
  /** Sharpness: larger beta hugs ReLU more closely. A finite number > 0. Default: 1. */
  beta?: number;
  /**
   * Above `beta * z > threshold` the function returns z itself (and the derivative 1), where
   * `log(1 + e^{βz}) / β` equals z to double precision. A finite number > 0. Default: 20.
   */
  threshold?: number;
}

function softplusValue(z: number, beta: number, threshold: number): number {
  const bz = beta * z;
  return bz > threshold ? z : Math.log1p(Math.exp(bz)) / beta;
}

function softplusGradValue(z: number, beta: number, threshold: number): number {
  const bz = beta * z;
  return bz > threshold ? 1 : sigmoidValue(bz);
}

const SOFTPLUS_KEYS: OptionKeys<SoftplusOptions> = { beta: true, threshold: true };

function checkSoftplus(action: string, options: SoftplusOptions | undefined): [number, number] {
  const { beta = 1, threshold = 20 } = requireOptions(action, options, SOFTPLUS_KEYS);
  requireNumber(action, "beta", beta, { min: 0, minExclusive: true });
  requireNumber(action, "threshold", threshold, {
    min: 0,
    minExclusive: true,
  });
  return [beta, threshold];
}

/**
 * Softplus: `log(1 + e^{βz}) / β` (via `Math.log1p`), and z itself where `βz > threshold`.
 * Never overflows: `softplus(1000) === 1000`, `softplus(-1000) === 0` (the true value
 * underflows), `softplus(Infinity) === Infinity`, `softplus(-Infinity) === 0`; NaN propagates.
 *
 * @param z The input.
 * @param options `beta` (default 1) and `threshold` (default 20).
 * @returns softplus(z), > 0 for finite moderate z.
 *
 * @example
 * ```ts
 * import { softplus } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(softplus(0), Math.log(2));
 * assert.equal(softplus(1000), 1000);
 * assert.equal(softplus(-1000), 0);
 * ```
 */
export function softplus(z: number, options: SoftplusOptions = {}): number {
  const action = "compute softplus";
  requireNumberType(action, "z", z);
  const [beta, threshold] = checkSoftplus(action, options);
  return softplusValue(z, beta, threshold);
}

/**
 * The derivative of softplus: `σ(βz)`, and 1 where `βz > threshold`. 0 at -Infinity;
 * NaN propagates.
 *
 * @param z The input.
 * @param options `beta` (default 1) and `threshold` (default 20).
 * @returns softplus'(z), in [0, 1].
 *
 * @example
 * ```ts
 * import { softplusGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(softplusGrad(0), 0.5);
 * assert.equal(softplusGrad(50), 1);
 * ```
 */
export function softplusGrad(z: number, options: SoftplusOptions = {}): number {
  const action = "compute softplusGrad";
  requireNumberType(action, "z", z);
  const [beta, threshold] = checkSoftplus(action, options);
  return softplusGradValue(z, beta, threshold);
}

function softplusForward64(x: Float64Array, out: Float64Array, b: number, t: number): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = softplusValue(x[i], b, t);
}

function softplusForward32(x: Float32Array, out: Float32Array, b: number, t: number): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = softplusValue(x[i], b, t);
}

function softplusBackward64(
  x: Float64Array,
  gradOut: Float64Array,
  out: Float64Array,
  b: number,
  t: number,
): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * softplusGradValue(x[i], b, t);
}

function softplusBackward32(
  x: Float32Array,
  gradOut: Float32Array,
  out: Float32Array,
  b: number,
  t: number,
): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * softplusGradValue(x[i], b, t);
}

/** Builds the softplus activation object (used by `createActivation`). */
export function softplusActivation(options: SoftplusOptions = {}): ActivationFunction {
  const [beta, threshold] = checkSoftplus("create softplus", options);
  const b = formatNumber(beta);
  return new ActivationFunction({
    name: "softplus",
    label: beta === 1 ? "Softplus" : `Softplus (β = ${b})`,
    params: { beta, threshold },
    f: (z) => softplusValue(z, beta, threshold),
    grad: (z) => softplusGradValue(z, beta, threshold),
    forward64: (x, out) => softplusForward64(x, out, beta, threshold),
    forward32: (x, out) => softplusForward32(x, out, beta, threshold),
    backward64: (x, g, out) => softplusBackward64(x, g, out, beta, threshold),
    backward32: (x, g, out) => softplusBackward32(x, g, out, beta, threshold),
    expression: beta === 1 ? "log(1 + exp(z))" : `log(1 + exp(${b} * z)) / ${b}`,
    latex: beta === 1
      ? String.raw`f(z) = \ln\left(1 + e^{z}\right)`
      : String.raw`f(z) = \frac{1}{${b}} \ln\left(1 + e^{${b} z}\right)`,
    gradLatex: beta === 1
      ? String.raw`f'(z) = \sigma(z) = \frac{1}{1 + e^{-z}}`
      : String.raw`f'(z) = \sigma(${b} z) = \frac{1}{1 + e^{-${b} z}}`,
    kinks: [],
  });
}
