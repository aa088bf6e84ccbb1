/**
 * Which layers have weights: those with a parameter that weight decay applies to (a Dense
 * layer's weights, a Conv2D layer's kernels), as opposed to biases and PReLU slopes. The training
 * loop and the diagnostics report one gradient norm for each.
 *
 * @module
 */

import type { Layer } from "./layer.ts";

/**
 * The layers among `layers` that have weights, in their order.
 *
 * @param layers A model's layers.
 * @returns Those with a parameter whose `decay` is true.
 */
export function weightLayers(layers: readonly Layer[]): Layer[] {
  return layers.filter((layer) => layer.params().some((parameter) => parameter.decay));
}
