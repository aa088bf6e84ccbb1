/**
 * Dead neurons: the neurons of an activation layer whose pre-activation is <= 0 for every
 * sample of a data set, so that ReLU outputs 0 and passes no gradient for all of them.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import {
  ActivationLayer,
  deadFractionOf,
  type Layer,
  PReLU,
  RReLU,
  scanActivations,
  type Sequential,
} from "../nn/mod.ts";
import { passesGradientBelowZero } from "./_dead_rule.ts";
import { inputsOf } from "./_inputs.ts";
import { refuseTrailing } from "../core/_require.ts";

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
  /**
   * Whether a neuron of this layer counted as dead still passes a gradient back, so that it can
   * recover by its own gradient: true when the layer's slope below 0 is not 0 (Leaky ReLU and
   * ELU at α > 0, PReLU, whose slope is learned, RReLU with `upper` > 0, and the smooth
   * activations), false for ReLU, and for Leaky ReLU or ELU at α = 0 (such a neuron comes back
   * only if something else moves its pre-activation), undefined where the diagnostics cannot
   * tell: a layer of a kind they do not know, or an activation whose slope is 0 on part of z < 0
   * only, such as a hard tanh (then it depends on where the neuron's z lies). For an activation
   * layer, read from its derivative at z = −2^−8, −0.5, −1 and −3.
   */
  canRecover: boolean | undefined;
}

/**
 * Finds the dead neurons of every activation layer (activation, PReLU and RReLU layers) on a
 * data set: a neuron is dead when its pre-activation z is <= 0 for every sample. The model
 * runs in evaluation mode; nothing about it changes.
 *
 * A ReLU neuron so counted passes no gradient back, and nor does a Leaky ReLU or ELU one at
 * α = 0; at α > 0 they still do, as PReLU neurons and RReLU ones with upper > 0 do, so they can
 * recover: each entry's `canRecover` says which.
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
 * assert.equal(report.canRecover, false); // ReLU passes no gradient below 0
 *
 * const leaky = mlp([2, 3, 2], { activation: "leakyRelu", init: "zeros", biasInit: -1 });
 * assert.equal(deadNeurons(leaky, fromRows([[1, 2]]))[0].canRecover, true);
 * ```
 */
export function deadNeurons(model: Sequential, data: Matrix | Dataset): DeadNeurons[];
export function deadNeurons(
  model: Sequential,
  data: Matrix | Dataset,
  extra?: unknown,
): DeadNeurons[] {
  const action = "find dead neurons";
  refuseTrailing(action, "deadNeurons", "model and data", "third", extra);
  const x = inputsOf(action, model, data);
  return scanActivations(model, x).map((scan) => {
    const dead: number[] = [];
    for (let j = 0; j < scan.size; j++) if (scan.everPositive[j] === 0) dead.push(j);
    return {
      layerIndex: scan.layerIndex,
      layer: model.layers[scan.layerIndex].describe(),
      size: scan.size,
      dead,
      deadFraction: deadFractionOf(scan),
      canRecover: canRecover(model.layers[scan.layerIndex]),
    };
  });
}

/** Whether an activation layer passes a gradient back where z < 0 (undefined: unknown kind). */
function canRecover(layer: Layer): boolean | undefined {
  if (layer instanceof ActivationLayer) return passesGradientBelowZero(layer.activation);
  if (layer instanceof PReLU) return true; // its slope is learned, even from 0
  if (layer instanceof RReLU) return layer.upper > 0; // slopes drawn from [lower, upper]
  return undefined;
}
