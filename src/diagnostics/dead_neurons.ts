/**
 * Dead neurons: the neurons of an activation layer whose pre-activation is <= 0 for every
 * sample of a data set, so that ReLU outputs 0 and passes no gradient for all of them.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import { deadFractionOf, scanActivations, type Sequential } from "../nn/mod.ts";
import { inputsOf } from "./_inputs.ts";

/** Dead neurons of one activation layer. */
export interface DeadNeurons {
  /** Index of the layer in the model. */
  layerIndex: number;
  /** The layer's description, e.g. `"Activation(ReLU, 32)"`. */
  layer: string;
  /** Number of neurons. */
  size: number;
  /** Indices of the dead neurons, ascending. */
  dead: number[];
  /** `dead.length / size`. */
  deadFraction: number;
}

/**
 * Finds the dead neurons of every activation layer (activation, PReLU and RReLU layers) on a
 * data set: a neuron is dead when its pre-activation z is <= 0 for every sample. The model
 * runs in evaluation mode; nothing about it changes.
 *
 * For Leaky ReLU and PReLU such a neuron still passes a gradient of slope alpha, so it can
 * recover; for ReLU it cannot.
 *
 * @param model The model.
 * @param data The inputs, as a matrix or a data set.
 * @returns One entry per activation layer, in model order.
 *
 * @example
 * ```ts
 * import { deadNeurons, fromRows, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 3, 2], { init: "zeros", biasInit: -1 });
 * const [report] = deadNeurons(model, fromRows([[1, 2], [3, 4]]));
 * assert.deepEqual(report.dead, [0, 1, 2]);
 * assert.equal(report.deadFraction, 1);
 * ```
 */
export function deadNeurons(model: Sequential, data: Matrix | Dataset): DeadNeurons[] {
  const x = inputsOf("find dead neurons", model, data);
  return scanActivations(model, x).map((scan) => {
    const dead: number[] = [];
    for (let j = 0; j < scan.size; j++) if (scan.everPositive[j] === 0) dead.push(j);
    return {
      layerIndex: scan.layerIndex,
      layer: model.layers[scan.layerIndex].describe(),
      size: scan.size,
      dead,
      deadFraction: deadFractionOf(scan),
    };
  });
}
