/**
 * GELU, the Gaussian error linear unit `z Φ(z)` (exact, via erf), and its derivative
 * `Φ(z) + z φ(z)`, side by side.
 *
 * @module
 */

import { ActivationFunction } from "./activation_function.ts";
import { type AloneNames, requireAlone } from "./_kink.ts";
import { erfcValue } from "./erf.ts";

const SQRT1_2 = Math.SQRT1_2;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
/** What `gelu(z, { approximate: "tanh" })` (PyTorch's spelling) is told. */
const GELU_HINT: AloneNames = {
  hint: ' (it is PyTorch\'s approximate="none"; for approximate="tanh" call geluTanh)',
};
const GELU_GRAD_HINT: AloneNames = {
  hint: ' (it is PyTorch\'s approximate="none"; for approximate="tanh" call geluTanhGrad)',
};

/**
 * The standard normal CDF `Φ(z) = erfc(-z/√2) / 2`, accurate in relative terms for negative
 * z too (no `1 + erf` cancellation).
 */
function normalCdf(z: number): number {
  return 0.5 * erfcValue(-z * SQRT1_2);
}

/**
 * GELU (exact): `z Φ(z) = z (1 + erf(z/√2)) / 2`, with Φ the standard normal CDF, computed
 * through erfc so it stays accurate for negative z: no cancellation, though the rounding of
 * `-z/√2` grows with z² in erfc: against mpmath the relative error is 6.4e-15 at z = -7.3 and
 * 1.4e-13 at -30.1 (PyTorch's float64 `gelu` gives -0 from about z = -10 on).
 * `gelu(-Infinity) === 0` (the limit), `gelu(Infinity) === Infinity`; NaN propagates.
 *
 * This is PyTorch's `gelu` with `approximate="none"`; its `approximate="tanh"` is
 * `geluTanh`. `gelu` takes no options: `gelu(z, { approximate: "tanh" })` throws a
 * `TypeError` saying so, rather than return the exact value.
 *
 * @param z The input.
 * @returns GELU(z).
 *
 * @example
 * ```ts
 * import { gelu, geluTanh } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(gelu(0), 0);
 * assert.ok(Math.abs(gelu(1) - 0.8413447460685429) < 1e-15);
 * assert.equal(gelu(-Infinity), 0);
 * assert.ok(Math.abs(geluTanh(1) - 0.8411919906082768) < 1e-15); // approximate="tanh"
 * // @ts-expect-error: gelu takes no options
 * assert.throws(() => gelu(1, { approximate: "tanh" }), {
 *   name: "TypeError",
 *   message: /for approximate="tanh" call geluTanh/,
 * });
 * ```
 */
export function gelu(z: number): number;
export function gelu(z: number, extra?: unknown, array?: unknown): number {
  return geluValue(requireAlone("gelu", z, extra, array, GELU_HINT));
}

function geluValue(z: number): number {
  if (z === -Infinity) return 0;
  return z * normalCdf(z);
}

/**
 * The derivative of exact GELU: `Φ(z) + z φ(z)`, with φ the standard normal density. The
 * limits 0 at -Infinity and 1 at +Infinity; NaN propagates.
 *
 * @param z The input.
 * @returns GELU'(z).
 *
 * @example
 * ```ts
 * import { geluGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(geluGrad(0), 0.5);
 * assert.equal(geluGrad(Infinity), 1);
 * ```
 */
export function geluGrad(z: number): number;
export function geluGrad(z: number, extra?: unknown, array?: unknown): number {
  return geluGradValue(requireAlone("geluGrad", z, extra, array, GELU_GRAD_HINT));
}

function geluGradValue(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return normalCdf(z) + z * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * z * z);
}

function geluForward64(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = geluValue(x[i]);
}

function geluForward32(x: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = geluValue(x[i]);
}

function geluBackward64(x: Float64Array, gradOut: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * geluGradValue(x[i]);
}

function geluBackward32(x: Float32Array, gradOut: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * geluGradValue(x[i]);
}

/** Builds the exact GELU activation object (used by `createActivation`). */
export function geluActivation(): ActivationFunction {
  return new ActivationFunction({
    name: "gelu",
    label: "GELU",
    params: {},
    f: geluValue,
    grad: geluGradValue,
    forward64: geluForward64,
    forward32: geluForward32,
    backward64: geluBackward64,
    backward32: geluBackward32,
    expression: "z * (1 + erf(z / sqrt(2))) / 2",
    latex: String
      .raw`f(z) = z\,\Phi(z) = \frac{z}{2}\left(1 + \operatorname{erf}\frac{z}{\sqrt{2}}\right)`,
    gradLatex: String
      .raw`f'(z) = \Phi(z) + z\,\varphi(z) = \frac{1}{2}\left(1 + \operatorname{erf}\frac{z}{\sqrt{2}}\right) + \frac{z}{\sqrt{2\pi}} e^{-z^{2}/2}`,
    kinks: [],
  });
}
