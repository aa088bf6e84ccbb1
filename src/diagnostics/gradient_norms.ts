/**
 * Per-layer gradient norms of the full-batch loss: how strongly each layer with weights (Dense
 * or Conv2D) is being pushed, the first thing to look at for vanishing or exploding gradients.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import { gradNorm, type Loss, type LossName, type Sequential } from "../nn/mod.ts";
import { hasWeights } from "../nn/_weight_layers.ts";
import { checkData, fullBatchGradient, lossFor } from "./_inputs.ts";
import { type OptionKeys, requireOptions } from "../core/validate.ts";
import { refuseTrailing } from "../core/_require.ts";

/** Gradient norms of one layer with weights: a Dense or a Conv2D layer. */
export interface LayerGradientNorm {
  /** Index of the layer in the model. */
  layerIndex: number;
  /** The layer's description, e.g. `"Dense(32 → 32)"`. */
  layer: string;
  /** L2 norm of the gradient of the weights (a Conv2D layer's kernels). */
  weights: number;
  /** L2 norm of the bias gradient. */
  biases: number;
  /** L2 norm of both together. */
  total: number;
}

/** Options of {@linkcode gradientNorms}. */
export interface GradientNormsOptions {
  /** The loss. Default: as in `train` (softmax cross-entropy for labels, MSE for matrices). */
  loss?: LossName | Loss;
}

const GRADIENT_NORMS_KEYS: OptionKeys<GradientNormsOptions> = { loss: true };

/**
 * Computes the gradient of the mean loss over the whole data set (evaluation mode) and
 * returns the norm of each Dense or Conv2D layer's part of it. The model's weights do not
 * change; its accumulated gradients are left holding this full-batch gradient.
 *
 * @param model The model.
 * @param data The data set.
 * @param options The loss; one of relu-lab's that does not fit the targets (`"mse"` with class
 *   labels, softmax cross-entropy with a matrix, binary cross-entropy with labels and more than
 *   one output) is refused up front, as is an unknown loss name.
 * @returns One entry per Dense or Conv2D layer, in model order.
 *
 * @example
 * ```ts
 * import { dataset, fromRows, gradientNorms, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // Dead hidden neurons pass no gradient: the first layer's gradient is exactly 0.
 * const model = mlp([2, 4, 2], { biasInit: -100, seed: 1 });
 * const data = dataset(fromRows([[0.5, -0.5]]), new Int32Array([1]));
 * const [first, last] = gradientNorms(model, data);
 * assert.equal(first.total, 0);
 * assert.ok(last.biases > 0);
 * ```
 */
export function gradientNorms(
  model: Sequential,
  data: Dataset,
  options?: GradientNormsOptions,
): LayerGradientNorm[];
export function gradientNorms(
  model: Sequential,
  data: Dataset,
  options: GradientNormsOptions = {},
  extra?: unknown,
): LayerGradientNorm[] {
  const action = "compute gradient norms";
  refuseTrailing(action, "gradientNorms", "model, data and options", "fourth", extra);
  requireOptions(action, options, GRADIENT_NORMS_KEYS);
  checkData(action, model, data);
  fullBatchGradient(model, data, lossFor(action, model, data, options.loss));
  const norms: LayerGradientNorm[] = [];
  model.layers.forEach((layer, layerIndex) => {
    if (!hasWeights(layer)) return;
    // Weights (a Conv2D layer's kernels) take weight decay; biases do not.
    const params = layer.params();
    const weights = gradNorm(params.filter((p) => p.decay));
    const biases = gradNorm(params.filter((p) => !p.decay));
    norms.push({
      layerIndex,
      layer: layer.describe(),
      weights,
      biases,
      total: Math.sqrt(weights * weights + biases * biases),
    });
  });
  return norms;
}
