/**
 * Adam (Kingma and Ba 2015) with L2 weight decay added to the gradient, and AdamW
 * (Loshchilov and Hutter 2019) with decoupled weight decay.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { type OptionKeys, requireNumber } from "../core/validate.ts";
import { requireOptimizerOptions, requireStepParams } from "./_optimizer_options.ts";
import type { Parameter } from "./layer.ts";
import type { Optimizer } from "./optimizer.ts";
import { adamKernel, type AdamStepSettings } from "./_adam_kernels.ts";

/** Options of {@linkcode adam} and {@linkcode adamW}. */
export interface AdamOptions {
  /** Decay of the first-moment estimate, in [0, 1). Default: 0.9. */
  beta1?: number;
  /** Decay of the second-moment estimate, in [0, 1). Default: 0.999. */
  beta2?: number;
  /** Added to the denominator, > 0. Default: 1e-8. */
  epsilon?: number;
  /** Weight decay λ >= 0 for decayed parameters (weights). Default: 0 for Adam, 0.01 for AdamW. */
  weightDecay?: number;
}

function createAdam(options: AdamOptions, decoupled: boolean): Optimizer {
  const name = decoupled ? "adamW" : "adam";
  const label = decoupled ? "AdamW" : "Adam";
  const action = `create an ${label} optimizer`;
  const unit = { min: 0, max: 1, maxExclusive: true };
  const beta1 = requireNumber(action, "beta1", options.beta1 ?? 0.9, unit);
  const beta2 = requireNumber(action, "beta2", options.beta2 ?? 0.999, unit);
  const epsilon = requireNumber(action, "epsilon", options.epsilon ?? 1e-8, {
    min: 0,
    minExclusive: true,
  });
  const weightDecay = requireNumber(
    action,
    "weightDecay",
    options.weightDecay ?? (decoupled ? 0.01 : 0),
    { min: 0 },
  );
  const kernel = adamKernel();
  // The step count of each parameter (keyed by its values, as the kernel keys its moments):
  // its own, so that one optimizer object serving two models corrects each parameter's bias
  // for the steps that parameter took.
  const steps = new Map<Float64Array, number>();
  return {
    name,
    options: { beta1, beta2, epsilon, weightDecay },
    step(params: readonly Parameter[], learningRate: number, extra?: unknown): void {
      refuseTrailing(`take an ${label} step`, "step", "params and learningRate", "third", extra);
      requireNumber(`take an ${label} step`, "learningRate", learningRate, {
        min: 0,
        minExclusive: true,
      });
      requireStepParams(`take an ${label} step`, params);
      let settings: AdamStepSettings | undefined, settingsT = 0;
      for (const p of params) {
        const t = (steps.get(p.value) ?? 0) + 1;
        steps.set(p.value, t);
        if (settings === undefined || t !== settingsT) {
          settingsT = t;
          settings = {
            decoupled,
            beta1,
            beta2,
            epsilon,
            learningRate,
            correction1: 1 - beta1 ** t,
            correction2: 1 - beta2 ** t,
          };
        }
        kernel.update(p.value, p.grad, p.decay ? weightDecay : 0, settings);
      }
    },
  };
}

const ADAM_KEYS: OptionKeys<AdamOptions> = {
  beta1: "number",
  beta2: "number",
  epsilon: "number",
  weightDecay: "number",
};

/**
 * Creates an Adam optimizer. For each value w with gradient g, at step t:
 * g ← g + λ w (weights only), m ← β1 m + (1 - β1) g, v ← β2 v + (1 - β2) g²,
 * w ← w - lr (m / (1 - β1^t)) / (sqrt(v / (1 - β2^t)) + ε).
 *
 * The moments m and v and the step count t are kept per parameter (allocated on its first
 * step), so one optimizer object used for several models updates each as its own would. A
 * step checks its parameters before it updates any: each `value` and `grad` must be
 * Float64Arrays of one length (a `RangeError` names the parameter's index and both lengths).
 *
 * @param options Betas, epsilon, L2 weight decay.
 * @returns The optimizer.
 *
 * @example
 * ```ts
 * import { adam } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // Adam's first step moves each value by about lr, whatever the gradient's scale.
 * const value = new Float64Array([1]);
 * const param = { name: "w", value, grad: new Float64Array([1000]), shape: [1], decay: true };
 * adam().step([param], 0.01);
 * assert.ok(Math.abs(value[0] - 0.99) < 1e-9);
 * ```
 */
export function adam(options?: AdamOptions): Optimizer;
export function adam(options: AdamOptions = {}, extra?: unknown, array?: unknown): Optimizer {
  refuseTrailing(
    "create an Adam optimizer",
    "adam",
    "options alone",
    "second",
    extra,
    options,
    array,
  );
  requireOptimizerOptions("create an Adam optimizer", "adam", options, ADAM_KEYS);
  return createAdam(options, false);
}

/**
 * Creates an AdamW optimizer: Adam with decoupled weight decay. Before each Adam update,
 * weights shrink by w ← w - lr λ w (biases and slopes are not decayed); the gradient itself
 * is not changed. Moments and step counts are kept per parameter, and parameters are checked,
 * as in {@linkcode adam}.
 *
 * @param options Betas, epsilon, decoupled weight decay (default 0.01).
 * @returns The optimizer.
 *
 * @example
 * ```ts
 * import { adamW } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // With a zero gradient only the decay acts: w ← w (1 - lr λ).
 * const value = new Float64Array([2]);
 * const param = { name: "w", value, grad: new Float64Array([0]), shape: [1], decay: true };
 * adamW({ weightDecay: 0.5 }).step([param], 0.1);
 * assert.equal(value[0], 2 - 0.1 * 0.5 * 2);
 * ```
 */
export function adamW(options?: AdamOptions): Optimizer;
export function adamW(options: AdamOptions = {}, extra?: unknown, array?: unknown): Optimizer {
  refuseTrailing(
    "create an AdamW optimizer",
    "adamW",
    "options alone",
    "second",
    extra,
    options,
    array,
  );
  requireOptimizerOptions("create an AdamW optimizer", "adamW", options, ADAM_KEYS);
  return createAdam(options, true);
}
