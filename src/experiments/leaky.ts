/**
 * Experiments on Leaky ReLU: where the shortcut `max(alpha z, z)` stops matching the
 * definition, how often its neurons are in their linear part, how spread out the final losses of
 * several seeds are, and sentences on neurons that come back to life.
 *
 * @module
 */

import { leakyRelu, leakyReluMaxForm } from "../activations/leaky_relu.ts";
import type { Matrix } from "../core/matrix.ts";
import { requireNumber } from "../core/validate.ts";
import { isActivationLayer } from "../nn/layer.ts";
import type { Sequential } from "../nn/sequential.ts";
import type { DyingReluResult } from "./dying.ts";

/** Options of {@linkcode maxFormGap}. */
export interface MaxFormGapOptions {
  /** The interval of z compared. Default: `[-4, 4]`. */
  domain?: readonly [number, number];
  /** Evenly spaced samples of z, an integer >= 2. Default: 801. */
  samples?: number;
}

/**
 * The largest difference between Leaky ReLU as defined (`z` for z > 0, `alpha z` otherwise)
 * and the shortcut `max(alpha z, z)` over evenly spaced z: 0 for 0 <= alpha <= 1, and
 * `(alpha - 1) * max(domain)` for alpha > 1, where the shortcut takes `alpha z` for positive z.
 *
 * @param alpha The negative slope, a finite number >= 0.
 * @param options Domain and number of samples.
 * @returns The largest |difference|.
 *
 * @example
 * ```ts
 * import { maxFormGap } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(maxFormGap(0.01), 0);
 * assert.equal(maxFormGap(1.5), 2); // at z = 4: max(6, 4) = 6 against 4
 * ```
 */
export function maxFormGap(alpha: number, options: MaxFormGapOptions = {}): number {
  const action = "compare leakyRelu with its max form";
  requireNumber(action, "alpha", alpha, { min: 0 });
  const [lo, hi] = options.domain ?? [-4, 4];
  const samples = requireNumber(action, "samples", options.samples ?? 801, {
    integer: true,
    min: 2,
  });
  let gap = 0;
  for (let i = 0; i < samples; i++) {
    const z = lo + ((hi - lo) * i) / (samples - 1);
    gap = Math.max(gap, Math.abs(leakyRelu(z, { alpha }) - leakyReluMaxForm(z, { alpha })));
  }
  return gap;
}

/**
 * Runs `model` on `x` in evaluation mode and measures, per activation layer, the fraction of
 * pre-activations z > 0: how often a neuron is in its linear part. (For the fraction of outputs
 * that are exactly 0, see `activationSparsity`.)
 *
 * @param model The model.
 * @param x The inputs, `N x inputSize`.
 * @returns One fraction per activation layer, in model order.
 *
 * @example
 * ```ts
 * import { fromRows, mlp, positiveFraction } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 4, 1], { init: "zeros", biasInit: 1 });
 * assert.deepEqual(positiveFraction(model, fromRows([[1, 2], [3, 4]])), [1]);
 * ```
 */
export function positiveFraction(model: Sequential, x: Matrix): number[] {
  model.forward(x, { training: false });
  const fractions: number[] = [];
  for (const layer of model.layers) {
    if (!isActivationLayer(layer)) continue;
    const z = layer.lastInput!.data;
    let positive = 0;
    for (let i = 0; i < z.length; i++) if (z[i] > 0) positive++;
    fractions.push(positive / z.length);
  }
  return fractions;
}

/** The result of {@linkcode lossSpread}. */
export interface LossSpread {
  /** Mean final loss of the runs that did not diverge (NaN if none). */
  mean: number;
  /** Standard deviation (population) of those final losses. */
  std: number;
  /** Smallest of those final losses. */
  min: number;
  /** Largest of those final losses. */
  max: number;
  /** Runs that did not diverge. */
  finished: number;
  /** Runs that diverged. */
  diverged: number;
}

/**
 * Summarises the final losses of several runs (seeds) of the same setup: mean, standard
 * deviation and range over the runs that finished, and how many diverged.
 *
 * @param results Results of `dyingRelu`, e.g. from `dyingReluSeeds`.
 * @returns The spread.
 *
 * @example
 * ```ts
 * import { dyingReluSeeds, lossSpread } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const spread = lossSpread(dyingReluSeeds([0, 1, 2], { hidden: [4], epochs: 2 }));
 * assert.equal(spread.finished, 3);
 * assert.ok(spread.min <= spread.mean && spread.mean <= spread.max);
 * ```
 */
export function lossSpread(results: readonly DyingReluResult[]): LossSpread {
  const losses = results.filter((r) => !r.diverged).map((r) => r.finalLoss);
  const n = losses.length;
  let sum = 0;
  for (const v of losses) sum += v;
  const mean = n === 0 ? NaN : sum / n;
  let squares = 0;
  for (const v of losses) squares += (v - mean) ** 2;
  return {
    mean,
    std: n === 0 ? NaN : Math.sqrt(squares / n),
    min: n === 0 ? NaN : Math.min(...losses),
    max: n === 0 ? NaN : Math.max(...losses),
    finished: n,
    diverged: results.length - n,
  };
}

/**
 * One line on a {@linkcode LossSpread}.
 *
 * @param name What to call the setup.
 * @param spread The spread.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { describeSpread } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const spread = { mean: 0.1, std: 0.05, min: 0.02, max: 0.2, finished: 4, diverged: 1 };
 * assert.equal(
 *   describeSpread("ReLU", spread),
 *   "ReLU: final loss 0.1000 ± 0.0500 (range 0.0200 to 0.2000) over 4 runs; 1 diverged",
 * );
 * ```
 */
export function describeSpread(name: string, spread: LossSpread): string {
  if (spread.finished === 0) return `${name}: all ${spread.diverged} runs diverged`;
  return `${name}: final loss ${spread.mean.toFixed(4)} ± ${spread.std.toFixed(4)} (range ` +
    `${spread.min.toFixed(4)} to ${spread.max.toFixed(4)}) over ${spread.finished} runs; ` +
    `${spread.diverged} diverged`;
}

/**
 * Totals over seeds, one line per setup: of the neurons that started dead, how many came back
 * (are alive at the end); and how many neurons are dead at the end, of all hidden neurons.
 *
 * @param runs Named lists of results (one result per seed), e.g. `{ ReLU: [...], Leaky: [...] }`.
 * @returns The lines, joined with newlines.
 *
 * @example
 * ```ts
 * import { describeRecovery, dyingReluSeeds } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const relu = dyingReluSeeds([0, 1], { hidden: [8], epochs: 2, biasInit: -3 });
 * assert.match(describeRecovery({ ReLU: relu }), /^ReLU: 0\/\d+ came back \(0%\); \d+\/16 dead at the end$/);
 * ```
 */
export function describeRecovery(
  runs: Readonly<Record<string, readonly DyingReluResult[]>>,
): string {
  return Object.entries(runs).map(([name, results]) => {
    let started = 0, recovered = 0, dead = 0, neurons = 0;
    for (const r of results) {
      started += r.startedDead;
      recovered += r.recovered;
      dead += r.deadAtEnd;
      neurons += r.neurons;
    }
    const share = started === 0 ? "" : ` (${((100 * recovered) / started).toFixed(0)}%)`;
    return `${name}: ${recovered}/${started} came back${share}; ${dead}/${neurons} dead at the end`;
  }).join("\n");
}
