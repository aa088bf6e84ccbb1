/**
 * Softplus, the smooth ReLU `log(1 + e^{βz}) / β`, and its derivative `σ(βz)`, side by side.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";
import { formatNumber, requireScalarArguments } from "./_kink.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { sigmoidValue } from "./sigmoid.ts";

/** Options of {@linkcode softplus} and {@linkcode softplusGrad} (as PyTorch's `Softplus`). */
export interface SoftplusOptions {
  /** Sharpness: larger beta hugs ReLU more closely. A finite number > 0. Default: 1. */
  beta?: number;
  /**
   * Where the function switches to its asymptote, as PyTorch's `threshold`: where
   * `beta * z > threshold` it returns z itself (and the derivative 1). A finite number > 0.
   * Default: 20 (PyTorch's).
   *
   * The switch is an approximation (the formula itself never overflows here): above it the
   * result is too small by `log(1 + e^{-βz}) / β`, less than `e^{-threshold} / β`, and f jumps
   * by that much at `βz = threshold`. At the default 20 that is a relative error below
   * 1.1e-10 (and f' is 1 instead of 1 - 2.1e-9); from about 34 on, the formula itself rounds
   * to z (exactly so for β = 1; otherwise up to the rounding of `βz / β`), so the switch
   * changes nothing. A small threshold makes the jump visible (0.47 / β at 0.5); it is
   * accepted because PyTorch accepts it.
   */
  threshold?: number;
}

function softplusValue(z: number, beta: number, threshold: number): number {
  const bz = beta * z;
  if (bz > threshold) return z;
  const e = Math.exp(bz);
  // From βz ≈ 709.78 on e^{βz} overflows; βz + log(1 + e^{-βz}) is the same value without it.
  return (e === Infinity ? bz + Math.log1p(Math.exp(-bz)) : Math.log1p(e)) / beta;
}

function softplusGradValue(z: number, beta: number, threshold: number): number {
  const bz = beta * z;
  return bz > threshold ? 1 : sigmoidValue(bz);
}

const SOFTPLUS_KEYS: OptionKeys<SoftplusOptions> = { beta: "number", threshold: "number" };
const DEFAULT_THRESHOLD = 20;

/** β and the threshold of options whose keys are checked, each required to be > 0. */
function checkSoftplus(action: string, options: SoftplusOptions): [number, number] {
  const { beta = 1, threshold = DEFAULT_THRESHOLD } = options;
  requireNumber(action, "beta", beta, { min: 0, minExclusive: true });
  requireNumber(action, "threshold", threshold, {
    min: 0,
    minExclusive: true,
  });
  return [beta, threshold];
}

/**
 * Softplus: `log(1 + e^{βz}) / β` (via `Math.log1p`), and z itself where `βz > threshold`
 * (as PyTorch; see {@linkcode SoftplusOptions} for the error that switch makes). Never
 * overflows, whatever the threshold: where `e^{βz}` would, it computes the equal
 * `(βz + log(1 + e^{-βz})) / β`. `softplus(1000) === 1000`, `softplus(-1000) === 0` (the true
 * value underflows), `softplus(Infinity) === Infinity`, `softplus(-Infinity) === 0`; NaN
 * propagates.
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
 * assert.equal(softplus(800, { threshold: 1000 }), 800); // e^800 overflows, the result does not
 * ```
 */
export function softplus(z: number, options?: SoftplusOptions): number;
export function softplus(z: number, options: SoftplusOptions = {}, extra?: unknown): number {
  const action = "compute softplus";
  const checked = requireScalarArguments(action, "softplus", z, options, extra, SOFTPLUS_KEYS);
  const [beta, threshold] = checkSoftplus(action, checked);
  return softplusValue(z, beta, threshold);
}

/**
 * The derivative of softplus: `σ(βz)` (which never overflows), and 1 where `βz > threshold`.
 * 0 at -Infinity; NaN propagates.
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
export function softplusGrad(z: number, options?: SoftplusOptions): number;
export function softplusGrad(z: number, options: SoftplusOptions = {}, extra?: unknown): number {
  const action = "compute softplusGrad";
  const checked = requireScalarArguments(action, "softplusGrad", z, options, extra, SOFTPLUS_KEYS);
  const [beta, threshold] = checkSoftplus(action, checked);
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
  const create = "create softplus";
  const [beta, threshold] = checkSoftplus(create, requireOptions(create, options, SOFTPLUS_KEYS));
  const b = formatNumber(beta);
  const shown = [
    ...(beta === 1 ? [] : [`β = ${b}`]),
    ...(threshold === DEFAULT_THRESHOLD ? [] : [`threshold = ${formatNumber(threshold)}`]),
  ];
  return new ActivationFunction({
    name: "softplus",
    label: shown.length === 0 ? "Softplus" : `Softplus (${shown.join(", ")})`,
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
