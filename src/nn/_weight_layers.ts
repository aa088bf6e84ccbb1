/**
 * Which layers have weights: those with a parameter that weight decay applies to (a Dense
 * layer's weights, a Conv2D layer's kernels), as opposed to biases and PReLU slopes. The training
 * loop and the diagnostics report one gradient norm for each.
 *
 * @module
 */

import type { Layer } from "./layer.ts";

/**
 * Whether `layer` has weights.
 *
 * @param layer A model's layer.
 * @returns Whether one of its parameters has `decay` true.
 */
export function hasWeights(layer: Layer): boolean {
  return layer.params().some((parameter) => parameter.decay);
}
