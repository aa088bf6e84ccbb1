/**
 * SELU, the scaled ELU of Klambauer et al. (2017), with its fixed self-normalising constants,
 * and its derivative, side by side.
 *
 * @module
 */

import type { OptionKeys } from "../core/validate.ts";
import { ActivationFunction } from "./activation_function.ts";
import {
  type AloneNames,
  checkKink,
  formatNumber,
  orDefault,
  requireAlone,
  requireScalarArguments,
  resolveKink,
} from "./_kink.ts";
import { eluGradValue, eluValue } from "./elu.ts";
import type { KinkConvention } from "./types.ts";

/**
 * SELU's alpha (as PyTorch): 1.6732632423543772848170429916717.
 *
 * @example
 * ```ts
 * import { SELU_ALPHA, SELU_SCALE, selu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(SELU_ALPHA - 1.6733) < 1e-4);
 * assert.equal(selu(-Infinity), -SELU_SCALE * SELU_ALPHA); // the lower bound
 * ```
 */
export const SELU_ALPHA = 1.6732632423543772;
/**
 * SELU's scale λ (as PyTorch): 1.0507009873554804934193349852946.
 *
 * @example
 * ```ts
 * import { SELU_SCALE, selu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(SELU_SCALE - 1.0507) < 1e-4);
 * assert.equal(selu(1), SELU_SCALE);
 * ```
 */
export const SELU_SCALE = 1.0507009873554805;

/** Options of {@linkcode seluGrad}. */
export interface SeluGradOptions {
  /**
   * The derivative at z = 0, where SELU has a kink (left slope λα ≈ 1.7581, right slope
   * λ ≈ 1.0507): `"left"` (default, as PyTorch), `"right"`, `"mean"` or a number.
   */
  atZero?: KinkConvention;
}

const SELU_GRAD_KEYS: OptionKeys<SeluGradOptions> = { atZero: true };
/** What `selu(z, { alpha: 2 })` is told. */
const SELU_HINT: AloneNames = {
  hint: " (its alpha and scale are fixed, as PyTorch's; elu takes { alpha }, seluGrad { atZero })",
};

/**
 * SELU: `λ z` for z > 0 and `λ α (e^z - 1)` for z <= 0, with the constants
 * {@linkcode SELU_SCALE} and {@linkcode SELU_ALPHA}. `selu(-Infinity) === -λα`; NaN
 * propagates.
 *
 * @param z The input.
 * @returns SELU(z).
 *
 * @example
 * ```ts
 * import { SELU_SCALE, selu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(selu(1), SELU_SCALE);
 * assert.ok(selu(-1) < 0);
 * ```
 */
export function selu(z: number): number;
export function selu(z: number, extra?: unknown, array?: unknown): number {
  return seluValue(requireAlone("selu", z, extra, array, SELU_HINT));
}

function seluValue(z: number): number {
  return SELU_SCALE * eluValue(z, SELU_ALPHA);
}

/**
 * The derivative of SELU: λ for z > 0, `λ α e^z` for z < 0, and `atZero` at z = 0 (default
 * `"left"`: λα). NaN propagates.
 *
 * @param z The input.
 * @param options `atZero` (default `"left"`).
 * @returns SELU'(z).
 *
 * @example
 * ```ts
 * import { SELU_SCALE, seluGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(seluGrad(2), SELU_SCALE);
 * assert.equal(seluGrad(0, { atZero: "right" }), SELU_SCALE);
 * ```
 */
export function seluGrad(z: number, options?: SeluGradOptions): number;
export function seluGrad(z: number, options: SeluGradOptions = {}, extra?: unknown): number {
  const action = "compute seluGrad";
  const { atZero = "left" } = requireScalarArguments(
    action,
    "seluGrad",
    z,
    options,
    extra,
    SELU_GRAD_KEYS,
  );
  return seluGradValue(z, seluKink(action, atZero));
}

function seluKink(action: string, atZero: unknown): number {
  return resolveKink(action, atZero, SELU_SCALE * SELU_ALPHA, SELU_SCALE);
}

function seluGradValue(z: number, atZero: number): number {
  return z === 0 ? atZero : SELU_SCALE * eluGradValue(z, SELU_ALPHA, 0);
}

function seluForward64(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = SELU_SCALE * eluValue(x[i], SELU_ALPHA);
}

function seluForward32(x: Float32Array, out: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = SELU_SCALE * eluValue(x[i], SELU_ALPHA);
}

function seluBackward64(
  x: Float64Array,
  gradOut: Float64Array,
  out: Float64Array,
  atZero: number,
): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * seluGradValue(x[i], atZero);
}

function seluBackward32(
  x: Float32Array,
  gradOut: Float32Array,
  out: Float32Array,
  atZero: number,
): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = gradOut[i] * seluGradValue(x[i], atZero);
}

/** SELU's value at the kink for each convention, as text and as LaTeX. */
const SELU_KINK_NAMES: Record<"left" | "right" | "mean", [string, string]> = {
  left: ["λα", String.raw`\lambda \alpha`],
  right: ["λ", String.raw`\lambda`],
  mean: ["(λ + λα)/2", String.raw`\tfrac{1}{2}(\lambda + \lambda \alpha)`],
};

/** Builds the SELU activation object (used by `createActivation`). */
export function seluActivation(options: SeluGradOptions = {}): ActivationFunction {
  const action = "create selu";
  const atZero = checkKink(action, orDefault(options.atZero, "left"));
  const atZeroValue = seluKink(action, atZero);
  const scale = formatNumber(SELU_SCALE), alpha = formatNumber(SELU_ALPHA);
  // The value at the kink as the formulas name it (λα, λ, their mean), or the number given.
  const [kinkText, kinkLatex] = typeof atZero === "string"
    ? SELU_KINK_NAMES[atZero]
    : [formatNumber(atZeroValue), formatNumber(atZeroValue)];
  return new ActivationFunction({
    name: "selu",
    label: atZero === "left" ? "SELU" : `SELU (f′(0) = ${kinkText})`,
    params: { atZero },
    f: seluValue,
    grad: (z) => seluGradValue(z, atZeroValue),
    forward64: seluForward64,
    forward32: seluForward32,
    backward64: (x, g, out) => seluBackward64(x, g, out, atZeroValue),
    backward32: (x, g, out) => seluBackward32(x, g, out, atZeroValue),
    expression: `${scale} * (z > 0 ? z : ${alpha} * (exp(z) - 1))`,
    latex: String
      .raw`f(z) = \lambda \begin{cases} z & z > 0 \\ \alpha\,(e^{z} - 1) & z \le 0 \end{cases}, \quad \lambda \approx 1.0507,\ \alpha \approx 1.6733`,
    gradLatex: String
      .raw`f'(z) = \begin{cases} \lambda & z > 0 \\ ${kinkLatex} & z = 0 \text{ (convention)} \\ \lambda \alpha\, e^{z} & z < 0 \end{cases}`,
    kinks: [0],
  });
}
