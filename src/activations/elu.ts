/**
 * ELU, the exponential linear unit: `z` for z > 0 and `alpha (e^z - 1)` for z <= 0, and its
 * derivative, side by side.
 *
 * @module
 */

import type { OptionKeys } from "../core/validate.ts";
import { ActivationFunction } from "./activation_function.ts";
import {
  checkKink,
  formatNumber,
  orDefault,
  requireAlpha,
  requireScalarArguments,
  resolveKink,
} from "./_kink.ts";
import type { KinkConvention } from "./types.ts";

/** Options of {@linkcode elu}. */
export interface EluOptions {
  /** The scale of the negative part (its limit at -Infinity is -alpha): finite >= 0. Default: 1. */
  alpha?: number;
}

/** Options of {@linkcode eluGrad}. */
export interface EluGradOptions extends EluOptions {
  /**
   * The derivative at z = 0: `"left"` (alpha, the default, as PyTorch), `"right"` (1),
   * `"mean"` or a number. For alpha = 1 both sides agree and ELU is smooth there.
   */
  atZero?: KinkConvention;
}

const ELU_KEYS: OptionKeys<EluOptions> = { alpha: "number" };
const ELU_GRAD_KEYS: OptionKeys<EluGradOptions> = { alpha: "number", atZero: true };

/** ELU without parameter checks (kernels and SELU call it). */
export function eluValue(z: number, alpha: number): number {
  return z > 0 ? z : alpha * Math.expm1(z);
}

/** ELU's derivative without parameter checks, with `atZero` already resolved. */
export function eluGradValue(z: number, alpha: number, atZero: number): number {
  if (z > 0) return 1;
  if (z < 0) return alpha * Math.exp(z);
  return z === 0 ? atZero : NaN;
}

/**
 * ELU: `z` for z > 0 and `alpha (e^z - 1)` for z <= 0 (via `Math.expm1`, accurate near 0).
 * `elu(-Infinity) === -alpha`; NaN propagates.
 *
 * @param z The input, a number (anything else throws a `TypeError`).
 * @param options `alpha` (default 1), as an object: unlike PyTorch's `F.elu(x, 0.5)`, a bare
 *   number is refused with a `TypeError` (write `{ alpha: 0.5 }`), as is an unknown key.
 * @returns ELU(z).
 *
 * @example
 * ```ts
 * import { elu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(elu(2), 2);
 * assert.equal(elu(-Infinity, { alpha: 0.5 }), -0.5);
 * assert.ok(Math.abs(elu(-1) - (Math.exp(-1) - 1)) < 1e-15);
 * ```
 */
export function elu(z: number, options?: EluOptions): number;
export function elu(z: number, options: EluOptions = {}, extra?: unknown): number {
  const action = "compute elu";
  const { alpha = 1 } = requireScalarArguments(action, "elu", z, options, extra, ELU_KEYS);
  return eluValue(z, requireAlpha(action, alpha));
}

/**
 * The derivative of ELU: 1 for z > 0, `alpha e^z` for z < 0, and `atZero` at z = 0 (default
 * `"left"`: alpha). NaN propagates; 0 at -Infinity.
 *
 * @param z The input, a number (anything else throws a `TypeError`).
 * @param options `alpha` (default 1) and `atZero` (default `"left"`), as an object (a bare
 *   number or an unknown key throws a `TypeError`).
 * @returns ELU'(z).
 *
 * @example
 * ```ts
 * import { eluGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(eluGrad(3), 1);
 * assert.equal(eluGrad(0, { alpha: 0.5 }), 0.5);
 * assert.equal(eluGrad(-Infinity), 0);
 * ```
 */
export function eluGrad(z: number, options?: EluGradOptions): number;
export function eluGrad(z: number, options: EluGradOptions = {}, extra?: unknown): number {
  const action = "compute eluGrad";
  const { alpha = 1, atZero = "left" } = requireScalarArguments(
    action,
    "eluGrad",
    z,
    options,
    extra,
    ELU_GRAD_KEYS,
  );
  requireAlpha(action, alpha);
  return eluGradValue(z, alpha, resolveKink(action, atZero, alpha, 1));
}

function eluForward64(x: Float64Array, out: Float64Array, alpha: number): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = eluValue(x[i], alpha);
}

function eluForward32(x: Float32Array, out: Float32Array, alpha: number): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = eluValue(x[i], alpha);
}

/** Backward reusing the output when given: for z < 0, `alpha e^z = y + alpha`. */
function eluBackward64(
  x: Float64Array,
  gradOut: Float64Array,
  out: Float64Array,
  y: Float64Array | undefined,
  alpha: number,
  atZero: number,
): void {
  const n = x.length;
  if (y === undefined) {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * eluGradValue(x[i], alpha, atZero);
  } else {
    for (let i = 0; i < n; i++) {
      const v = x[i];
      out[i] = gradOut[i] * (v < 0 ? y[i] + alpha : eluGradValue(v, alpha, atZero));
    }
  }
}

function eluBackward32(
  x: Float32Array,
  gradOut: Float32Array,
  out: Float32Array,
  y: Float32Array | undefined,
  alpha: number,
  atZero: number,
): void {
  const n = x.length;
  if (y === undefined) {
    for (let i = 0; i < n; i++) out[i] = gradOut[i] * eluGradValue(x[i], alpha, atZero);
  } else {
    for (let i = 0; i < n; i++) {
      const v = x[i];
      out[i] = gradOut[i] * (v < 0 ? y[i] + alpha : eluGradValue(v, alpha, atZero));
    }
  }
}

/** Builds the ELU activation object (used by `createActivation`). */
export function eluActivation(options: EluGradOptions = {}): ActivationFunction {
  const action = "create elu";
  const alpha = requireAlpha(action, orDefault(options.alpha, 1));
  const atZero = checkKink(action, orDefault(options.atZero, "left"));
  const atZeroValue = resolveKink(action, atZero, alpha, 1);
  const a = formatNumber(alpha);
  return new ActivationFunction({
    name: "elu",
    label: `ELU (α = ${a}${atZero === "left" ? "" : `, f′(0) = ${atZeroValue}`})`,
    params: { alpha, atZero },
    f: (z) => eluValue(z, alpha),
    grad: (z) => eluGradValue(z, alpha, atZeroValue),
    forward64: (x, out) => eluForward64(x, out, alpha),
    forward32: (x, out) => eluForward32(x, out, alpha),
    backward64: (x, g, out, y) => eluBackward64(x, g, out, y, alpha, atZeroValue),
    backward32: (x, g, out, y) => eluBackward32(x, g, out, y, alpha, atZeroValue),
    expression: `z > 0 ? z : ${a} * (exp(z) - 1)`,
    latex: String.raw`f(z) = \begin{cases} z & z > 0 \\ ${a}\,(e^{z} - 1) & z \le 0 \end{cases}`,
    gradLatex: String.raw`f'(z) = \begin{cases} 1 & z > 0 \\ ${
      formatNumber(atZeroValue)
    } & z = 0 \text{ (convention)} \\ ${a}\,e^{z} & z < 0 \end{cases}`,
    // At alpha 1 the slopes meet at 0, and f' has no jump there, unless the convention puts
    // another value at 0 itself.
    kinks: alpha === 1 && atZeroValue === 1 ? [] : [0],
  });
}
