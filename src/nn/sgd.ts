/**
 * Stochastic gradient descent, with optional momentum (heavy ball or Nesterov) and L2 weight
 * decay.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import { type OptionKeys, requireNumber } from "../core/validate.ts";
import { requireOptimizerOptions, requireStepParams } from "./_optimizer_options.ts";

import type { Parameter } from "./layer.ts";
import type { Optimizer } from "./optimizer.ts";

/** Options of {@linkcode sgd}. */
export interface SgdOptions {
  /** Momentum coefficient μ in [0, 1). Default: 0 (plain SGD). */
  momentum?: number;
  /** Use Nesterov momentum (needs momentum > 0). Default: false. */
  nesterov?: boolean;
  /** L2 weight decay λ >= 0, added to the gradient of decayed parameters (weights). Default: 0. */
  weightDecay?: number;
}

const SGD_KEYS: OptionKeys<SgdOptions> = {
  momentum: "number",
  nesterov: true,
  weightDecay: "number",
};

/**
 * Creates an SGD optimizer. For each value w with gradient g (PyTorch's convention):
 *
 * - g ← g + λ w (weights only)
 * - without momentum: w ← w - lr g
 * - with momentum: v ← μ v + g, then w ← w - lr v, or with Nesterov w ← w - lr (g + μ v).
 *
 * The velocity starts at 0 (allocated on a parameter's first step). A step checks its
 * parameters before it updates any: each `value` and `grad` must be Float64Arrays of one length
 * (a `RangeError` names the parameter's index and both lengths).
 *
 * @param options Momentum, Nesterov, weight decay.
 * @returns The optimizer.
 *
 * @example
 * ```ts
 * import { sgd } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const value = new Float64Array([1]);
 * const param = { name: "w", value, grad: new Float64Array([0.5]), shape: [1], decay: true };
 * sgd().step([param], 0.1);
 * assert.equal(value[0], 1 - 0.1 * 0.5);
 * ```
 */
export function sgd(options?: SgdOptions): Optimizer;
export function sgd(options: SgdOptions = {}, extra?: unknown, array?: unknown): Optimizer {
  const action = "create an SGD optimizer";
  refuseTrailing(action, "sgd", "options alone", "second", extra, options, array);
  requireOptimizerOptions(action, "sgd", options, SGD_KEYS);
  const momentum = requireNumber(action, "momentum", options.momentum ?? 0, {
    min: 0,
    max: 1,
    maxExclusive: true,
  });
  const weightDecay = requireNumber(action, "weightDecay", options.weightDecay ?? 0, { min: 0 });
  const nesterov = requireFlag(action, "nesterov", options.nesterov);
  if (nesterov && momentum === 0) {
    throw new RangeError(
      `Cannot ${action} as momentum must be > 0 with nesterov: momentum=0`,
    );
  }
  const velocities = new Map<Float64Array, Float64Array>();
  return {
    name: momentum === 0 ? "sgd" : nesterov ? "nesterov" : "momentum",
    options: { momentum, nesterov, weightDecay },
    step(params: readonly Parameter[], learningRate: number, extra?: unknown): void {
      refuseTrailing("take an SGD step", "step", "params and learningRate", "third", extra);
      requireNumber("take an SGD step", "learningRate", learningRate, {
        min: 0,
        minExclusive: true,
      });
      requireStepParams("take an SGD step", params);
      for (const p of params) {
        const w = p.value, g = p.grad, n = w.length;
        const decay = p.decay ? weightDecay : 0;
        if (momentum === 0) {
          for (let i = 0; i < n; i++) w[i] -= learningRate * (g[i] + decay * w[i]);
          continue;
        }
        let v = velocities.get(w);
        if (v === undefined) {
          v = new Float64Array(n);
          velocities.set(w, v);
        }
        for (let i = 0; i < n; i++) {
          const gi = g[i] + decay * w[i];
          const vi = momentum * v[i] + gi;
          v[i] = vi;
          w[i] -= learningRate * (nesterov ? gi + momentum * vi : vi);
        }
      }
    },
  };
}
