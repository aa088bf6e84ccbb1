/**
 * Statistics of every activation layer's outputs on a data set: mean, standard deviation,
 * sparsity (fraction of exact zeros) and dead neurons, from one evaluation pass.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import { deadFractionOf, scanActivations, type Sequential } from "../nn/mod.ts";
import { inputsOf } from "./_inputs.ts";
import { refuseTrailing } from "../core/_require.ts";

/** Statistics of one activation layer's outputs over a data set. */
export interface ActivationStatistics {
  /** Index of the layer in the model. */
  layerIndex: number;
  /** The layer's description. */
  layer: string;
  /** Number of neurons. */
  size: number;
  /** Mean of the outputs over every sample and neuron. */
  mean: number;
  /**
   * Standard deviation (population) of the outputs over every sample and neuron, from their
   * squared deviations about the mean (precise also where the mean is large against it).
   */
  std: number;
  /** Fraction of outputs exactly equal to 0. */
  sparsity: number;
  /** Fraction of neurons whose pre-activation is <= 0 for every sample. */
  deadFraction: number;
}

/**
 * Measures every activation layer's outputs on a data set in one evaluation pass: mean, standard
 * deviation, sparsity (fraction of exact zeros) and dead fraction.
 *
 * @param model The model.
 * @param data The inputs, as a matrix or a data set.
 * @returns One entry per activation layer, in model order.
 *
 * @example
 * ```ts
 * import { activationStatistics, fromRows, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // Zero weights and bias 1: every hidden output is exactly 1.
 * const model = mlp([2, 4, 1], { init: "zeros", biasInit: 1 });
 * const [stats] = activationStatistics(model, fromRows([[1, 2], [3, 4]]));
 * assert.equal(stats.mean, 1);
 * assert.equal(stats.std, 0);
 * assert.equal(stats.sparsity, 0);
 * ```
 */
export function activationStatistics(
  model: Sequential,
  data: Matrix | Dataset,
): ActivationStatistics[];
export function activationStatistics(
  model: Sequential,
  data: Matrix | Dataset,
  extra?: unknown,
): ActivationStatistics[] {
  const action = "measure activations";
  refuseTrailing(action, "activationStatistics", "model and data", "third", extra);
  const x = inputsOf(action, model, data);
  return scanActivations(model, x).map((scan) => {
    return {
      layerIndex: scan.layerIndex,
      layer: model.layers[scan.layerIndex].describe(),
      size: scan.size,
      mean: scan.sum / scan.count,
      std: Math.sqrt(scan.sumSquaredDeviations / scan.count),
      sparsity: scan.zeros / scan.count,
      deadFraction: deadFractionOf(scan),
    };
  });
}

/**
 * The sparsity of every activation layer on a data set: the fraction of its outputs that are
 * exactly 0 (ReLU: every non-positive pre-activation; Leaky ReLU: only exact zeros).
 *
 * @param model The model.
 * @param data The inputs, as a matrix or a data set.
 * @returns One fraction per activation layer, in model order.
 *
 * @example
 * ```ts
 * import { activationSparsity, fromRows, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 4, 1], { init: "zeros", biasInit: -1 });
 * assert.deepEqual(activationSparsity(model, fromRows([[1, 2]])), [1]);
 * ```
 */
export function activationSparsity(model: Sequential, data: Matrix | Dataset): number[];
export function activationSparsity(
  model: Sequential,
  data: Matrix | Dataset,
  extra?: unknown,
): number[] {
  refuseTrailing("measure activations", "activationSparsity", "model and data", "third", extra);
  return activationStatistics(model, data).map((s) => s.sparsity);
}
