/**
 * The shared shape of a layer: a forward pass that caches what its backward pass needs, a
 * backward pass that accumulates parameter gradients, and named parameters.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";

/** Options for {@linkcode Layer.forward}. */
export interface ForwardOptions {
  /** Training mode: dropout drops, RReLU draws random slopes. Default: false (eval mode). */
  training?: boolean;
}

/** Options for {@linkcode Layer.backward}. */
export interface BackwardOptions {
  /**
   * The caller discards dLoss/dInput wherever the input was exactly 0 (the layer below is a
   * ReLU, whose derivative is 0 wherever its output is 0), so a layer may leave 0 there
   * without computing it. Default: false.
   */
  skipZeroInputs?: boolean;
  /**
   * The caller does not use dLoss/dInput at all (the training loop, for the model's input), so
   * a layer may skip computing it and return zeros. Parameter gradients are computed as usual.
   * Default: false.
   */
  skipInputGradient?: boolean;
}

/** A trainable parameter: its values, the gradient accumulated for them, and its shape. */
export interface Parameter {
  /** A name unique within its layer, e.g. `"weights"`, `"biases"`, `"alpha"`. */
  readonly name: string;
  /** The values, row-major. Optimizers update them in place. */
  readonly value: Float64Array;
  /** The gradient of the loss with respect to `value`, accumulated by `backward`. */
  readonly grad: Float64Array;
  /** The shape, e.g. `[inputSize, outputSize]` for dense weights. */
  readonly shape: readonly number[];
  /** Whether weight decay applies (true for weights; false for biases and PReLU slopes). */
  readonly decay: boolean;
}

/** The JSON form of a layer; `type` names the class that restores it. */
export interface LayerJSON {
  /** The layer type: `"dense"`, `"conv2d"`, `"activation"`, `"prelu"`, `"rrelu"` or `"dropout"`. */
  readonly type: string;
  /** Type-specific fields. */
  readonly [field: string]: unknown;
}

/**
 * A layer of a {@linkcode Sequential} model. Rows of the input are samples.
 *
 * The matrices a layer returns are buffers it owns, reused by the next call with the same
 * number of rows: copy them to keep them.
 */
export interface Layer {
  /** The layer type, as in its JSON form. */
  readonly type: string;
  /** Number of input columns. */
  readonly inputSize: number;
  /** Number of output columns. */
  readonly outputSize: number;
  /** Computes the output, caching what {@linkcode Layer.backward} needs. */
  forward(x: Matrix, options?: ForwardOptions): Matrix;
  /** Given dLoss/dOutput for the last forward input, adds the parameter gradients and returns dLoss/dInput. */
  backward(gradOut: Matrix, options?: BackwardOptions): Matrix;
  /** The trainable parameters (an empty array when there are none). */
  params(): Parameter[];
  /** A one-line description for model summaries, e.g. `"Dense(2 → 32)"`. */
  describe(): string;
  /** The JSON form, from which {@linkcode modelFromJSON} rebuilds an identical layer. */
  toJSON(): LayerJSON;
}

/**
 * A layer applying a function elementwise to pre-activations: it remembers its last input and
 * output so that diagnostics can read them (dead neurons, sparsity, statistics).
 */
export interface ActivationLike extends Layer {
  /** Number of neurons (columns). */
  readonly size: number;
  /** The input z of the last forward call, or undefined before the first. */
  readonly lastInput: Matrix | undefined;
  /** The output of the last forward call, or undefined before the first. */
  readonly lastOutput: Matrix | undefined;
}

/**
 * Tells whether a layer applies an activation function (so it has pre-activations to inspect).
 *
 * @param layer Any layer.
 * @returns True for activation, PReLU and RReLU layers.
 *
 * @example
 * ```ts
 * import { Dense, isActivationLayer } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isActivationLayer(new Dense(2, 3)), false);
 * ```
 */
export function isActivationLayer(layer: Layer): layer is ActivationLike {
  return "lastInput" in layer && "size" in layer;
}
