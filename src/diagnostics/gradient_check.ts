/**
 * Gradient checking: backpropagation's gradients against finite differences of the loss.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import { createPrng } from "../core/prng.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import type { Loss, LossName, Sequential } from "../nn/mod.ts";
import { refuseTrailing } from "../core/_require.ts";
import { checkData, fullBatchGradient, fullBatchLoss, lossFor } from "./_inputs.ts";

/** Options of {@linkcode gradientCheck}. */
export interface GradientCheckOptions {
  /** The loss. Default: as in `train` (softmax cross-entropy for labels, MSE for matrices). */
  loss?: LossName | Loss;
  /**
   * The finite-difference step h, in [1e-8, 0.1]. Default: 1e-4. Towards 1e-8 the rounding of
   * the loss differences (about 1e-16 times the loss, divided by h) swamps the derivative; a step
   * below the spacing of float64 near a weight does not move it at all (the entry's derivative is
   * then NaN). Towards 0.1 the difference no longer measures the slope at the weight, only across
   * a wide stretch of the loss, and crosses more kinks. At either end expect relative errors
   * near 1e-4 even where backpropagation is right (see {@linkcode gradientCheck}).
   */
  epsilon?: number;
  /**
   * Denominator floor of the relative error, so gradients that are both ~0 compare as equal,
   * > 0 and <= 1. Default: 1e-8. At 1 the relative error of gradients below 1 is their absolute
   * error; a larger floor would shrink every error below even that, and let any gradient pass.
   */
  floor?: number;
  /** Check at most this many entries per parameter, chosen at random (seeded). Default: all. */
  maxPerParameter?: number;
  /**
   * Seed for choosing the entries, with `maxPerParameter` (without it every entry is checked, and
   * a seed, which would go unused, is refused). Default: 0.
   */
  seed?: number;
}

/** The comparison for one parameter. */
export interface ParameterCheck {
  /** The parameter's qualified name, e.g. `"0.weights"`. */
  name: string;
  /** Number of entries compared. */
  checked: number;
  /** Largest relative error among them; NaN when an entry's is (see {@linkcode gradientCheck}). */
  maxRelativeError: number;
  /** Largest absolute error among them; NaN when an entry's is. */
  maxAbsoluteError: number;
  /** Index (in the parameter) of the entry with the largest relative error, or the first NaN. */
  worstIndex: number;
}

/** The result of {@linkcode gradientCheck}. */
export interface GradientCheckReport {
  /** The full-batch loss at the current parameters. */
  loss: number;
  /** One comparison per parameter, in model order. */
  parameters: ParameterCheck[];
  /** The largest relative error over every parameter; NaN when any is. */
  maxRelativeError: number;
}

const GRADIENT_CHECK_KEYS: OptionKeys<GradientCheckOptions> = {
  loss: true,
  epsilon: "number",
  floor: "number",
  maxPerParameter: "number",
  seed: "number",
};

/**
 * Compares backpropagation's gradient of the full-batch mean loss (evaluation mode: no dropout,
 * mean RReLU slopes) with finite differences, entry by entry.
 *
 * The numerical derivative of each entry w is the central difference
 * `D(h) = (L(w + h) - L(w - h)) / 2h` improved by Richardson extrapolation,
 * `(4 D(h/2) - D(h)) / 3`, whose truncation error is O(h⁴). What limits the agreement in float64
 * is then the rounding of the loss differences, about 1e-16 times the loss divided by h: small
 * against a large gradient, not against an entry whose gradient is far below the loss. On a
 * tanh MLP 2-5-3-2 and 40 two-moons points the worst entry's relative error was 5e-8 at the
 * default h = 1e-4, 5e-9 at 1e-3, 1e-6 at 1e-6 and about 1e-4 at either end of the allowed
 * range (1e-8 and 0.1). The relative error is `|a - n| / max(|a|, |n|, floor)`. Near a kink (a
 * pre-activation within about h times an input of 0) the two legitimately disagree, and so they
 * do at one: a ReLU unit whose z is exactly 0 (all of its inputs 0 and a bias of 0, as after
 * initialisation) has the one-sided slopes 0 and 1, and finite differences see neither.
 *
 * A NaN in either derivative of an entry (a backward pass that returns NaN, or a loss that is
 * NaN or infinite near the entry) makes its errors NaN, and NaN counts as the worst: the
 * parameter's and the report's `maxRelativeError` are then NaN, `worstIndex` points at the
 * first such entry, and a test such as `maxRelativeError < 1e-6` fails.
 *
 * Parameters are restored bit for bit, and so are the accumulated gradients, also when the
 * loss or a layer throws midway.
 *
 * @param model The model.
 * @param data The data set (small ones keep this fast: 4 loss evaluations per entry).
 * @param options Loss, step, floor, sampling; a loss that does not fit the targets is refused
 *   up front, as in `gradientNorms`.
 * @returns The report.
 *
 * @example
 * ```ts
 * import { dataset, fromRows, gradientCheck, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 5, 3], { activation: "leakyRelu", seed: 3 });
 * const data = dataset(fromRows([[0.3, -1.2], [1.5, 0.7]]), new Int32Array([0, 2]));
 * const report = gradientCheck(model, data);
 * assert.ok(report.maxRelativeError < 1e-6);
 *
 * // A loss whose gradient is NaN fails the check visibly.
 * const broken = {
 *   name: "broken",
 *   value: () => 0,
 *   valueAndGrad: (_: unknown, __: unknown, grad: { data: Float64Array }) => {
 *     grad.data.fill(NaN);
 *     return 0;
 *   },
 * };
 * const failed = gradientCheck(model, data, { loss: broken });
 * assert.ok(Number.isNaN(failed.maxRelativeError));
 * assert.equal(failed.parameters[0].worstIndex, 0);
 * ```
 */
export function gradientCheck(
  model: Sequential,
  data: Dataset,
  options?: GradientCheckOptions,
): GradientCheckReport;
export function gradientCheck(
  model: Sequential,
  data: Dataset,
  options: GradientCheckOptions = {},
  extra?: unknown,
): GradientCheckReport {
  const action = "check gradients";
  refuseTrailing(action, "gradientCheck", "model, data and options", "fourth", extra);
  requireOptions(action, options, GRADIENT_CHECK_KEYS);
  const epsilon = requireNumber(action, "epsilon", options.epsilon ?? 1e-4, {
    min: 1e-8,
    max: 0.1,
  });
  const floor = requireNumber(action, "floor", options.floor ?? 1e-8, {
    min: 0,
    minExclusive: true,
    max: 1,
  });
  const maxPerParameter = options.maxPerParameter === undefined
    ? Infinity
    : requireNumber(action, "maxPerParameter", options.maxPerParameter, { integer: true, min: 1 });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  if (options.seed !== undefined && options.maxPerParameter === undefined) {
    throw new RangeError(
      `Cannot ${action} as seed picks the entries maxPerParameter samples, and maxPerParameter is not given (every entry is checked): seed=${seed}`,
    );
  }
  checkData(action, model, data);
  const loss = lossFor(action, model, data, options.loss);
  const params = model.params();
  const savedGrads = params.map((p) => p.grad.slice());
  const prng = createPrng(seed);
  const lossAt = (w: Float64Array, i: number, v: number) => {
    w[i] = v;
    return fullBatchLoss(model, data, loss);
  };
  try {
    const value = fullBatchGradient(model, data, loss);
    const analytic = params.map((p) => p.grad.slice());
    const parameters = params.map((p, index): ParameterCheck => {
      const w = p.value;
      const entries = chooseEntries(w.length, maxPerParameter, prng);
      let maxRelativeError = 0, maxAbsoluteError = 0, worstIndex = -1;
      for (const i of entries) {
        const original = w[i];
        const h = epsilon, half = epsilon / 2;
        let wide: number, narrow: number;
        // Divided by the step the weight actually took, w + h and w - h rounded to float64,
        // not by 2h: at small steps the two differ in their last bits, and so would the slope.
        const up = original + h, down = original - h;
        const upHalf = original + half, downHalf = original - half;
        try {
          wide = (lossAt(w, i, up) - lossAt(w, i, down)) / (up - down);
          narrow = (lossAt(w, i, upHalf) - lossAt(w, i, downHalf)) / (upHalf - downHalf);
        } finally {
          w[i] = original;
        }
        const numeric = (4 * narrow - wide) / 3;
        const a = analytic[index][i];
        const absolute = Math.abs(a - numeric);
        const relative = absolute / Math.max(Math.abs(a), Math.abs(numeric), floor);
        // NaN is the worst of all (`>` alone would pass it over): the first one stays.
        if (
          relative > maxRelativeError || worstIndex === -1 ||
          (Number.isNaN(relative) && !Number.isNaN(maxRelativeError))
        ) {
          maxRelativeError = relative;
          worstIndex = i;
        }
        if (absolute > maxAbsoluteError || Number.isNaN(absolute)) maxAbsoluteError = absolute;
      }
      return {
        name: p.name,
        checked: entries.length,
        maxRelativeError,
        maxAbsoluteError,
        worstIndex,
      };
    });
    let maxRelativeError = 0;
    // Math.max gives NaN when any argument is.
    for (const p of parameters) maxRelativeError = Math.max(maxRelativeError, p.maxRelativeError);
    return { loss: value, parameters, maxRelativeError };
  } finally {
    params.forEach((p, index) => p.grad.set(savedGrads[index]));
  }
}

/** All indices, or `count` distinct ones chosen at random (partial Fisher–Yates). */
function chooseEntries(length: number, count: number, prng: () => number): number[] {
  const all = Array.from({ length }, (_, i) => i);
  if (count >= length) return all;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(prng() * (length - i));
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, count).sort((a, b) => a - b);
}
