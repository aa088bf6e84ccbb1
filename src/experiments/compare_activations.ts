/**
 * The comparison under several advantages of ReLU: the same network, data, optimizer and seeds,
 * trained once per hidden activation, with what each run ends with.
 *
 * @module
 */

import { createActivation } from "../activations/mod.ts";
import type { Dataset } from "../core/dataset.ts";
import { requireNumber } from "../core/validate.ts";
import { activationSparsity } from "../diagnostics/mod.ts";
import {
  accuracy,
  type History,
  mlp,
  type OptimizerName,
  type Sequential,
  train,
} from "../nn/mod.ts";
import { slopeFor } from "./_slope.ts";

/**
 * The activations compared by default: the two classic squashing functions and ReLU.
 *
 * @example
 * ```ts
 * import { CLASSIC_ACTIVATIONS } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(CLASSIC_ACTIVATIONS, ["sigmoid", "tanh", "relu"]);
 * ```
 */
export const CLASSIC_ACTIVATIONS: readonly string[] = Object.freeze(["sigmoid", "tanh", "relu"]);

/** Options of {@linkcode compareActivations}. */
export interface CompareActivationsOptions {
  /** Hidden activations by `createActivation` name. Default: {@linkcode CLASSIC_ACTIVATIONS}. */
  activations?: readonly string[];
  /** Leaky ReLU's negative slope (ignored by the others). Default: 0.01. */
  alpha?: number;
  /** Hidden layer widths. Default: `[32, 32]`. */
  hidden?: readonly number[];
  /** Seeds: each builds the weights and shuffles the batches of one run. Default: `[1, 2, 3]`. */
  seeds?: readonly number[];
  /** Epochs per run. Default: 20. */
  epochs?: number;
  /** Learning rate. Default: 0.1. */
  learningRate?: number;
  /** Samples per step. Default: 32. */
  batchSize?: number;
  /** The optimizer. Default: `"sgd"`. */
  optimizer?: OptimizerName;
  /** Held-out data, for the final accuracy and the sparsity. Default: none. */
  test?: Dataset;
  /**
   * Measure every epoch on its final weights, and the test set too (the histories' `testLoss`
   * and `testAccuracy`); `false` keeps training's running figures and evaluates the test set
   * once, at the end, which is faster. Default: `true`.
   */
  evaluateEachEpoch?: boolean;
}

/** The runs of one activation in {@linkcode compareActivations}. */
export interface ActivationRuns {
  /** The activation's name, e.g. `"leakyRelu"`. */
  activation: string;
  /** Its label, e.g. `"Leaky ReLU (α = 0.01)"`. */
  label: string;
  /** The seeds, in run order. */
  seeds: number[];
  /**
   * One training history per seed: measured on the final weights of each epoch, or with
   * `evaluateEachEpoch: false` as training's running figures without test metrics.
   */
  histories: History[];
  /** Per seed: accuracy of the trained network on the training set (NaN for regression). */
  trainAccuracy: number[];
  /** Per seed: accuracy of the trained network on the test set (NaN without one). */
  testAccuracy: number[];
  /**
   * Per seed, per hidden layer: the fraction of the trained network's hidden outputs that are
   * exactly 0, on the test set (or the training set when there is none).
   */
  sparsity: number[][];
}

/**
 * Trains one network per activation and seed on the same data with the same settings: the
 * same widths, optimizer, learning rate and epochs, each activation with the initialiser
 * `mlp` picks for it (He for the ReLU family, Xavier for sigmoid and tanh). The weights of
 * seed s differ between activations only by that initialiser's scale.
 *
 * Training metrics are measured on each epoch's final weights (`trainMetrics: "end"`), so a
 * curve shows the network as it is, not as it moved during the epoch.
 *
 * @param data The training set.
 * @param options Activations, network, seeds and training settings.
 * @returns One entry per activation, in the order given.
 *
 * @example
 * ```ts
 * import { compareActivations, twoMoons } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const runs = compareActivations(twoMoons({ n: 64, seed: 1 }), { seeds: [1, 2], epochs: 3 });
 * assert.deepEqual(runs.map((r) => r.activation), ["sigmoid", "tanh", "relu"]);
 * assert.equal(runs[2].histories.length, 2);
 * assert.equal(runs[2].histories[0].length, 3);
 * assert.equal(runs[0].sparsity[0][0], 0); // sigmoid outputs are never exactly 0
 * assert.ok(runs[2].trainAccuracy[0] > 0.5);
 * ```
 */
export function compareActivations(
  data: Dataset,
  options: CompareActivationsOptions = {},
): ActivationRuns[] {
  const action = "compare activations";
  const activations = options.activations ?? CLASSIC_ACTIVATIONS;
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const hidden = options.hidden ?? [32, 32];
  const seeds = options.seeds ?? [1, 2, 3];
  const outputs = outputSize(data);
  const eachEpoch = options.evaluateEachEpoch ?? true;
  const sizes = [data.x.cols, ...hidden, outputs];
  return activations.map((activation) => {
    const label = createActivation(activation, activation === "leakyRelu" ? { alpha } : {}).label;
    const histories: History[] = [];
    const sparsity: number[][] = [];
    const trainAccuracy: number[] = [];
    const testAccuracy: number[] = [];
    for (const seed of seeds) {
      const model = mlp(sizes, { activation, alpha: slopeFor(activation, alpha), seed });
      histories.push(train(model, data, {
        epochs: options.epochs ?? 20,
        learningRate: options.learningRate ?? 0.1,
        batchSize: options.batchSize ?? 32,
        optimizer: options.optimizer ?? "sgd",
        seed,
        test: eachEpoch ? options.test : undefined,
        trainMetrics: eachEpoch ? "end" : "running",
      }));
      sparsity.push(activationSparsity(model, options.test ?? data));
      trainAccuracy.push(accuracyOn(model, data));
      testAccuracy.push(options.test === undefined ? NaN : accuracyOn(model, options.test));
    }
    return {
      activation,
      label,
      seeds: [...seeds],
      histories,
      trainAccuracy,
      testAccuracy,
      sparsity,
    };
  });
}

/**
 * The first epoch whose training loss is at or below `threshold`, or `null` when no epoch
 * reaches it.
 *
 * @param history A training history.
 * @param threshold The loss to reach.
 * @returns The epoch (counted from 1), or `null`.
 *
 * @example
 * ```ts
 * import { epochsToThreshold } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const history = [0.9, 0.5, 0.2].map((trainLoss, i) => ({ epoch: i + 1, trainLoss }));
 * assert.equal(epochsToThreshold(history, 0.5), 2);
 * assert.equal(epochsToThreshold(history, 0.1), null);
 * ```
 */
export function epochsToThreshold(
  history: readonly { epoch: number; trainLoss: number }[],
  threshold: number,
): number | null {
  requireNumber("find the epoch reaching a loss threshold", "threshold", threshold);
  for (const record of history) if (record.trainLoss <= threshold) return record.epoch;
  return null;
}

/** Accuracy of the model on a labelled data set (NaN for regression targets). */
function accuracyOn(model: Sequential, data: Dataset): number {
  return data.y instanceof Int32Array ? accuracy(model.predict(data.x), data.y) : NaN;
}

/** Output width for a data set: one logit per class (at least 2), or the target columns. */
function outputSize(data: Dataset): number {
  if (!(data.y instanceof Int32Array)) return data.y.cols;
  let largest = 0;
  for (const label of data.y) largest = Math.max(largest, label);
  return Math.max(2, data.classes ?? largest + 1);
}
