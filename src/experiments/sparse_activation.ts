/**
 * Sparse activation and overfitting: how many hidden outputs are exactly zero, and whether the
 * sparse network generalises better than dense ones on a small noisy data set.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import { requireNumber } from "../core/validate.ts";
import { twoMoons } from "../data/mod.ts";
import type { OptimizerName } from "../nn/mod.ts";
import { compareActivations } from "./compare_activations.ts";
import { mean } from "./_stats.ts";

/**
 * The activations compared for sparsity: ReLU, Leaky ReLU and tanh (never exactly zero).
 *
 * @example
 * ```ts
 * import { SPARSITY_ACTIVATIONS } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(SPARSITY_ACTIVATIONS, ["relu", "leakyRelu", "tanh"]);
 * ```
 */
export const SPARSITY_ACTIVATIONS: readonly string[] = Object.freeze([
  "relu",
  "leakyRelu",
  "tanh",
]);

/** Options of {@linkcode sparsityAndOverfitting}. */
export interface SparsityAndOverfittingOptions {
  /** Hidden activations by name. Default: {@linkcode SPARSITY_ACTIVATIONS}. */
  activations?: readonly string[];
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** Training samples: few, so that a wide network can memorise their noise. Default: 60. */
  n?: number;
  /** Test samples, from the same distribution. Default: 500. */
  testN?: number;
  /** Two-moons noise (standard deviation). Default: 0.35. */
  noise?: number;
  /** Hidden layer widths. Default: `[64, 64]`. */
  hidden?: readonly number[];
  /** Epochs. Default: 200. */
  epochs?: number;
  /** Learning rate. Default: 0.01. */
  learningRate?: number;
  /** Optimizer. Default: `"adam"`. */
  optimizer?: OptimizerName;
  /** Seeds of the runs. Default: `[1, 2, 3]`. */
  seeds?: readonly number[];
  /** Seed of the data (training set; the test set uses `dataSeed + 1`). Default: 0. */
  dataSeed?: number;
}

/** What {@linkcode sparsityAndOverfitting} measures for one activation. */
export interface SparsityAndOverfitting {
  /** The activation's name. */
  activation: string;
  /** Its label. */
  label: string;
  /** Per hidden layer: the fraction of outputs exactly 0 on the test set, mean over seeds. */
  sparsity: number[];
  /** Final training accuracy, per seed. */
  trainAccuracy: number[];
  /** Final test accuracy, per seed. */
  testAccuracy: number[];
  /** Training minus test accuracy, per seed: the generalisation gap. */
  gap: number[];
  /** The mean gap over seeds. */
  meanGap: number;
  /** The mean test accuracy over seeds. */
  meanTestAccuracy: number;
}

/**
 * Trains the same wide MLP with each activation on a small, noisy two-moons training set, long
 * enough to fit its noise, and measures on a large test set from the same distribution: the
 * fraction of exact zeros in each hidden layer, and the gap between training and test accuracy.
 *
 * @param options Activations, data, network, training and seeds.
 * @returns One entry per activation, in the order given.
 *
 * @example
 * ```ts
 * import { sparsityAndOverfitting } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [relu, tanh] = sparsityAndOverfitting({
 *   activations: ["relu", "tanh"], seeds: [1], epochs: 5, testN: 100,
 * });
 * assert.ok(relu.sparsity[0] > 0.2);
 * assert.equal(tanh.sparsity[0], 0);
 * assert.equal(relu.gap.length, 1);
 * ```
 */
export function sparsityAndOverfitting(
  options: SparsityAndOverfittingOptions = {},
): SparsityAndOverfitting[] {
  const action = "measure sparsity and overfitting";
  const n = requireNumber(action, "n", options.n ?? 60, { integer: true, min: 2 });
  const testN = requireNumber(action, "testN", options.testN ?? 500, { integer: true, min: 2 });
  const noise = requireNumber(action, "noise", options.noise ?? 0.35, { min: 0 });
  const dataSeed = requireNumber(action, "dataSeed", options.dataSeed ?? 0, { integer: true });
  const train: Dataset = twoMoons({ n, noise, seed: dataSeed });
  const test: Dataset = twoMoons({ n: testN, noise, seed: dataSeed + 1 });
  const runs = compareActivations(train, {
    activations: options.activations ?? SPARSITY_ACTIVATIONS,
    alpha: options.alpha,
    hidden: options.hidden ?? [64, 64],
    seeds: options.seeds ?? [1, 2, 3],
    epochs: options.epochs ?? 200,
    learningRate: options.learningRate ?? 0.01,
    optimizer: options.optimizer ?? "adam",
    batchSize: n,
    test,
    evaluateEachEpoch: false,
  });
  return runs.map((run) => {
    const { trainAccuracy, testAccuracy } = run;
    const gap = trainAccuracy.map((accuracy, i) => accuracy - testAccuracy[i]);
    const layers = run.sparsity[0].length;
    const sparsity = Array.from(
      { length: layers },
      (_, layer) => mean(run.sparsity.map((perSeed) => perSeed[layer])),
    );
    return {
      activation: run.activation,
      label: run.label,
      sparsity,
      trainAccuracy,
      testAccuracy,
      gap,
      meanGap: mean(gap),
      meanTestAccuracy: mean(testAccuracy),
    };
  });
}

/**
 * A short report of {@linkcode sparsityAndOverfitting}'s result: per activation its sparsity,
 * accuracies and generalisation gap, then whether the sparsest network had the smallest gap,
 * built from the measured numbers.
 *
 * @param results The result of {@linkcode sparsityAndOverfitting}.
 * @returns The report, one line per activation between a header and a conclusion.
 *
 * @example
 * ```ts
 * import { describeSparsityAndOverfitting } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const row = (label: string, sparsity: number, meanGap: number) => ({
 *   activation: label, label, sparsity: [sparsity], trainAccuracy: [1], testAccuracy: [1 - meanGap],
 *   gap: [meanGap], meanGap, meanTestAccuracy: 1 - meanGap,
 * });
 * const text = describeSparsityAndOverfitting([row("ReLU", 0.5, 0.1), row("tanh", 0, 0.05)]);
 * assert.match(text, /ReLU: zeros 0\.500; train 1\.000, test 0\.900, gap 0\.100 \(0\.100\)/);
 * assert.match(text, /did not have the smallest gap/);
 * ```
 */
export function describeSparsityAndOverfitting(
  results: readonly SparsityAndOverfitting[],
): string {
  const fixed = (values: readonly number[]) => values.map((v) => v.toFixed(3)).join(", ");
  const lines = results.map((r) =>
    `  ${r.label}: zeros ${fixed(r.sparsity)}; train ${mean(r.trainAccuracy).toFixed(3)}, test ${
      r.meanTestAccuracy.toFixed(3)
    }, gap ${r.meanGap.toFixed(3)} (${fixed(r.gap)})`
  );
  const sparsest = results.reduce((a, b) => (mean(b.sparsity) > mean(a.sparsity) ? b : a));
  const smallestGap = results.reduce((a, b) => (b.meanGap < a.meanGap ? b : a));
  const verdict = sparsest === smallestGap
    ? `The sparsest network (${sparsest.label}) also had the smallest gap.`
    : `The sparsest network (${sparsest.label}) did not have the smallest gap ` +
      `(${smallestGap.label} did):\nsparsity did not reduce overfitting here.`;
  return [
    "Exact zeros per hidden layer (test set); accuracies and train−test gap, mean (per seed):",
    ...lines,
    verdict,
  ].join("\n");
}
