/**
 * Convergence: training curves of the same deep network with sigmoid, tanh and ReLU on the
 * same task and seeds, and the epoch at which each first reaches a loss threshold.
 *
 * @module
 */

import { requireNumber } from "../core/validate.ts";
import { twoMoons } from "../data/mod.ts";
import {
  type ActivationRuns,
  compareActivations,
  epochsToThreshold,
} from "./compare_activations.ts";
import { mean } from "./_stats.ts";

/** Options of {@linkcode convergenceComparison}. */
export interface ConvergenceComparisonOptions {
  /** Hidden activations by name. Default: `["sigmoid", "tanh", "relu"]`. */
  activations?: readonly string[];
  /** Leaky ReLU's negative slope (when it is among the activations). Default: 0.01. */
  alpha?: number;
  /** Two-moons samples. Default: 300. */
  n?: number;
  /** Two-moons noise. Default: 0.2. */
  noise?: number;
  /** Hidden layer widths: a deep-ish network. Default: `[32, 32, 32, 32]`. */
  hidden?: readonly number[];
  /** Epochs. Default: 30. */
  epochs?: number;
  /** Learning rate of plain SGD. Default: 0.1. */
  learningRate?: number;
  /** Seeds of the runs. Default: `[1, 2, 3]`. */
  seeds?: readonly number[];
  /** The training loss counted as converged. Default: 0.2. */
  threshold?: number;
  /** Seed of the data. Default: 0. */
  dataSeed?: number;
}

/** One activation's runs in {@linkcode convergenceComparison}. */
export interface Convergence extends ActivationRuns {
  /** Per seed: the first epoch with training loss <= threshold, or null if none did. */
  epochsToThreshold: (number | null)[];
  /** Per seed: the final training loss. */
  finalLoss: number[];
  /** The threshold used. */
  threshold: number;
}

/**
 * Trains the same four-hidden-layer MLP on two moons with each activation and several seeds
 * (plain SGD, same learning rate, the initialiser suited to each activation), and records the
 * training curves and the epoch each run first reaches the loss threshold.
 *
 * @param options Activations, data, network, training, seeds and threshold.
 * @returns One entry per activation, in the order given.
 *
 * @example
 * ```ts
 * import { convergenceComparison } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [sigmoid, relu] = convergenceComparison({
 *   activations: ["sigmoid", "relu"], seeds: [1], epochs: 10, n: 100,
 * });
 * assert.equal(relu.histories[0].length, 10);
 * assert.ok(relu.finalLoss[0] < sigmoid.finalLoss[0]);
 * ```
 */
export function convergenceComparison(options: ConvergenceComparisonOptions = {}): Convergence[] {
  const action = "compare convergence";
  const n = requireNumber(action, "n", options.n ?? 300, { integer: true, min: 2 });
  const noise = requireNumber(action, "noise", options.noise ?? 0.2, { min: 0 });
  const threshold = requireNumber(action, "threshold", options.threshold ?? 0.2, { min: 0 });
  const dataSeed = requireNumber(action, "dataSeed", options.dataSeed ?? 0, { integer: true });
  const runs = compareActivations(twoMoons({ n, noise, seed: dataSeed }), {
    activations: options.activations,
    alpha: options.alpha,
    hidden: options.hidden ?? [32, 32, 32, 32],
    seeds: options.seeds ?? [1, 2, 3],
    epochs: options.epochs ?? 30,
    learningRate: options.learningRate ?? 0.1,
  });
  return runs.map((run) => ({
    ...run,
    epochsToThreshold: run.histories.map((history) => epochsToThreshold(history, threshold)),
    finalLoss: run.histories.map((history) => history[history.length - 1].trainLoss),
    threshold,
  }));
}

/**
 * A short report of {@linkcode convergenceComparison}'s result: per activation the epoch each
 * seed reached the threshold and the final losses, then which activation got there first
 * (most seeds, then fewest epochs), built from the measured numbers.
 *
 * @param results The result of {@linkcode convergenceComparison}.
 * @returns The report, one line per activation between a header and a conclusion.
 *
 * @example
 * ```ts
 * import { describeConvergence } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const run = (label: string, epochs: (number | null)[]) => ({
 *   activation: label, label, seeds: [1, 2], histories: [], sparsity: [],
 *   trainAccuracy: [1, 1], testAccuracy: [NaN, NaN],
 *   epochsToThreshold: epochs, finalLoss: [0.1, 0.1], threshold: 0.2,
 * });
 * const text = describeConvergence([run("sigmoid", [null, null]), run("ReLU", [5, 7])]);
 * assert.match(text, /sigmoid: epochs –, –; final loss 0\.100, 0\.100/);
 * assert.match(text, /ReLU reached it first/);
 * ```
 */
export function describeConvergence(results: readonly Convergence[]): string {
  const threshold = results[0]?.threshold;
  const lines = results.map((r) =>
    `  ${r.label}: epochs ${
      r.epochsToThreshold.map((e) => (e === null ? "–" : String(e))).join(", ")
    }; final loss ${r.finalLoss.map((loss) => loss.toFixed(3)).join(", ")}`
  );
  // Rank by seeds that converged, then by mean epochs among them.
  const score = (r: Convergence) => {
    const reached = r.epochsToThreshold.filter((e): e is number => e !== null);
    return { count: reached.length, epochs: reached.length > 0 ? mean(reached) : Infinity };
  };
  const best = results.reduce((a, b) => {
    const sa = score(a), sb = score(b);
    return sb.count > sa.count || (sb.count === sa.count && sb.epochs < sa.epochs) ? b : a;
  });
  const { count, epochs } = score(best);
  const verdict = count === 0
    ? "No activation reached it."
    : `${best.label} reached it first: ${count} of ${best.seeds.length} seeds, ` +
      `mean ${epochs.toFixed(1)} epochs.`;
  return [
    `First epoch with training loss <= ${threshold}, per seed (– = never), and final losses:`,
    ...lines,
    verdict,
  ].join("\n");
}
