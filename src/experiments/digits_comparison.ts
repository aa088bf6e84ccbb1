/**
 * Wide effectiveness, on real images: the same small MLP on a subset of the handwritten
 * digits with each activation, compared by test accuracy.
 *
 * @module
 */

import { requireNumber } from "../core/validate.ts";
import { loadDigits } from "../data/mod.ts";
import { type ActivationRuns, compareActivations } from "./compare_activations.ts";
import { mean } from "./_stats.ts";

/** Options of {@linkcode digitsComparison}. */
export interface DigitsComparisonOptions {
  /** Hidden activations by name. Default: `["sigmoid", "tanh", "relu", "leakyRelu"]`. */
  activations?: readonly string[];
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** Training images, from the package's training split. Default: 500. */
  n?: number;
  /** Test images, from its test split. Default: 300. */
  testN?: number;
  /** Hidden layer widths. Default: `[32]`. */
  hidden?: readonly number[];
  /** Epochs. Default: 8. */
  epochs?: number;
  /** Learning rate of plain SGD. Default: 0.1. */
  learningRate?: number;
  /** Seeds of the runs. Default: `[1, 2, 3]`. */
  seeds?: readonly number[];
  /** Seed of the image draw. Default: 0. */
  dataSeed?: number;
}

/** One activation's runs in {@linkcode digitsComparison}. */
export interface DigitsAccuracy extends ActivationRuns {
  /** The mean test accuracy over seeds. */
  meanTestAccuracy: number;
}

/**
 * Draws `n` training and `testN` test digits (all ten classes, fixed train/test split of the
 * `mnist` package), trains the same MLP with each activation and seed (plain SGD, the
 * initialiser suited to each activation), and reports the final test accuracy.
 *
 * @param options Activations, data sizes, network, training and seeds.
 * @returns A promise of one entry per activation, in the order given.
 *
 * @example
 * ```ts
 * import { digitsComparison } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [relu] = await digitsComparison({
 *   activations: ["relu"], n: 100, testN: 50, epochs: 2, seeds: [1],
 * });
 * assert.ok(relu.testAccuracy[0] > 0.2); // well above chance (0.1)
 * ```
 */
export async function digitsComparison(
  options: DigitsComparisonOptions = {},
): Promise<DigitsAccuracy[]> {
  const action = "compare activations on digits";
  const n = requireNumber(action, "n", options.n ?? 500, { integer: true, min: 1 });
  const testN = requireNumber(action, "testN", options.testN ?? 300, { integer: true, min: 1 });
  const dataSeed = requireNumber(action, "dataSeed", options.dataSeed ?? 0, { integer: true });
  const train = await loadDigits({ n, split: "train", seed: dataSeed });
  const test = await loadDigits({ n: testN, split: "test", seed: dataSeed });
  const runs = compareActivations(train, {
    activations: options.activations ?? ["sigmoid", "tanh", "relu", "leakyRelu"],
    alpha: options.alpha,
    hidden: options.hidden ?? [32],
    seeds: options.seeds ?? [1, 2, 3],
    epochs: options.epochs ?? 8,
    learningRate: options.learningRate ?? 0.1,
    test,
    evaluateEachEpoch: false,
  });
  return runs.map((run) => ({ ...run, meanTestAccuracy: mean(run.testAccuracy) }));
}

/**
 * A short report of {@linkcode digitsComparison}'s result: per activation its mean and
 * per-seed test accuracy, then the best and worst, built from the measured numbers.
 *
 * @param results The result of {@linkcode digitsComparison}.
 * @returns The report, one line per activation between a header and a conclusion.
 *
 * @example
 * ```ts
 * import { describeDigitsAccuracy } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const run = (label: string, testAccuracy: number[]) => ({
 *   activation: label, label, seeds: [1], histories: [], sparsity: [],
 *   trainAccuracy: [1], testAccuracy, meanTestAccuracy: testAccuracy[0],
 * });
 * const text = describeDigitsAccuracy([run("tanh", [0.8]), run("ReLU", [0.85])]);
 * assert.match(text, /ReLU: mean 85\.0% \(seeds: 85\.0%\)/);
 * assert.match(text, /Best: ReLU, 5\.0 points above tanh/);
 * ```
 */
export function describeDigitsAccuracy(results: readonly DigitsAccuracy[]): string {
  const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
  const lines = results.map((r) =>
    `  ${r.label}: mean ${percent(r.meanTestAccuracy)} (seeds: ${
      r.testAccuracy.map(percent).join(", ")
    })`
  );
  const best = results.reduce((a, b) => (b.meanTestAccuracy > a.meanTestAccuracy ? b : a));
  const worst = results.reduce((a, b) => (b.meanTestAccuracy < a.meanTestAccuracy ? b : a));
  return [
    "Test accuracy on the digits:",
    ...lines,
    `Best: ${best.label}, ${
      (100 * (best.meanTestAccuracy - worst.meanTestAccuracy)).toFixed(1)
    } points above ${worst.label}.`,
  ].join("\n");
}
