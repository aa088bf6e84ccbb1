/**
 * The common part of the layers that act on each element alone: activation layers, PReLU and
 * RReLU.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { requireNumber } from "../core/validate.ts";
import { apartFrom, MatrixCache } from "./_buffers.ts";
import {
  EVALUATION,
  type LayerActions,
  layerActions,
  requireBackward,
  requireBackwardOptions,
  requireColumns,
  requireForwardOptions,
  TRAINING,
} from "./_check.ts";
import { deferredValues, type LastValues } from "./_deferred_values.ts";
import type {
  ActivationLike,
  BackwardOptions,
  ForwardOptions,
  LayerJSON,
  Parameter,
} from "./layer.ts";

/**
 * A layer with as many outputs as inputs, each output computed from its own input. It checks
 * the shapes, keeps one output and one gradient buffer per batch size (allocated once, reused
 * every step), and remembers the last input and output for the diagnostics. A subclass says
 * only how to fill those buffers ({@linkcode ElementwiseLayer.forwardInto},
 * {@linkcode ElementwiseLayer.backwardInto}) and how to describe and save itself.
 *
 * @example A layer that squares its input
 * ```ts
 * import { ElementwiseLayer, fromRows, type LayerJSON, type Matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * class Square extends ElementwiseLayer {
 *   readonly type = "square";
 *   constructor(size: number) {
 *     super("create a Square layer", size);
 *   }
 *   protected forwardInto(z: Matrix, out: Matrix): void {
 *     for (let i = 0; i < z.data.length; i++) out.data[i] = z.data[i] ** 2;
 *   }
 *   protected backwardInto(z: Matrix, _y: Matrix, gradOut: Matrix, gradIn: Matrix): void {
 *     for (let i = 0; i < z.data.length; i++) gradIn.data[i] = 2 * z.data[i] * gradOut.data[i];
 *   }
 *   describe(): string {
 *     return `Square(${this.size})`;
 *   }
 *   toJSON(): LayerJSON {
 *     return { type: "square", size: this.size };
 *   }
 * }
 *
 * const layer = new Square(2);
 * assert.deepEqual(Array.from(layer.forward(fromRows([[3, -1]])).data), [9, 1]);
 * assert.deepEqual(Array.from(layer.backward(fromRows([[1, 1]])).data), [6, -2]);
 * assert.deepEqual(Array.from(layer.lastInput!.data), [3, -1]);
 * ```
 */
export abstract class ElementwiseLayer implements ActivationLike {
  /** The layer's kind, as saved in JSON. */
  abstract readonly type: string;
  /** Number of neurons (columns). */
  readonly size: number;
  #z: Matrix | undefined;
  #y: Matrix | undefined;
  /** Where the last values are until first read, when a forward pass ran elsewhere. */
  #source: (() => LastValues) | undefined;
  #out: MatrixCache;
  #gradIn: MatrixCache;
  /** The actions of the error messages, made on first use (a subclass describes itself). */
  #actions: LayerActions | undefined;

  /**
   * Checks the size and sets up the buffers.
   *
   * @param action What is being done, for the error message (e.g. "create a PReLU layer").
   * @param size Number of neurons, an integer >= 1.
   */
  protected constructor(action: string, size: number) {
    requireNumber(action, "size", size, { integer: true, min: 1 });
    this.size = size;
    this.#out = new MatrixCache(size);
    this.#gradIn = new MatrixCache(size);
  }

  /** Number of input columns (= size). */
  get inputSize(): number {
    return this.size;
  }

  /** Number of output columns (= size). */
  get outputSize(): number {
    return this.size;
  }

  /** The pre-activations z of the last forward call, or undefined before the first. */
  get lastInput(): Matrix | undefined {
    if (this.#source !== undefined) this.#settle();
    return this.#z;
  }

  /** The outputs of the last forward call, or undefined before the first. */
  get lastOutput(): Matrix | undefined {
    if (this.#source !== undefined) this.#settle();
    return this.#y;
  }

  static {
    deferredValues.defer = (layer, source) => {
      layer.#source = source;
    };
  }

  /** Takes the last values from where the last forward pass ran. */
  #settle(): void {
    const { z, y } = this.#source!();
    this.#source = undefined;
    this.#z = z;
    this.#y = y;
  }

  /** The actions of the error messages. */
  get #action(): LayerActions {
    return this.#actions ??= layerActions(this.describe());
  }

  /**
   * Applies the layer to each element of `z`.
   *
   * @param z The pre-activations, `N x size`.
   * @param options `training` (default false), for layers that behave differently in training.
   * @returns The activations (a buffer owned by the layer, overwritten by the next call).
   */
  forward(z: Matrix, options?: ForwardOptions): Matrix;
  forward(z: Matrix, options?: ForwardOptions, extra?: unknown): Matrix {
    const action = this.#action.run;
    refuseTrailing(action, "forward", "z and options", "third", extra);
    requireColumns(action, z, this.size);
    const training = requireForwardOptions(action, options);
    const out = this.#out.get(z.rows);
    // z may be this layer's own last output: read from a copy, and keep that as the input.
    const input = apartFrom(z, out);
    this.forwardInto(input, out, training ? TRAINING : EVALUATION);
    this.#source = undefined;
    this.#z = input;
    this.#y = out;
    return out;
  }

  /**
   * Backpropagates through the last forward call.
   *
   * @param gradOut dLoss/dOutput, `N x size`.
   * @param options `skipZeroInputs` and `skipInputGradient` (default false): checked, and
   *   every entry is computed either way.
   * @returns dLoss/dz (a buffer owned by the layer).
   */
  backward(gradOut: Matrix, options?: BackwardOptions): Matrix;
  backward(gradOut: Matrix, options?: BackwardOptions, extra?: unknown): Matrix {
    const action = this.#action.backpropagate;
    refuseTrailing(action, "backward", "gradOut and options", "third", extra);
    requireBackwardOptions(action, options);
    if (this.#source !== undefined) this.#settle();
    const z = requireBackward(action, this.#z, gradOut, this.size);
    const gradIn = this.#gradIn.get(z.rows);
    this.backwardInto(z, this.#y!, apartFrom(gradOut, gradIn), gradIn);
    return gradIn;
  }

  /**
   * No trainable parameters, unless a subclass says otherwise.
   *
   * @returns The parameter list (empty here).
   */
  params(): Parameter[] {
    return [];
  }

  /**
   * Writes the layer's output for `z` into `out` (same shape, checked).
   *
   * @param z The pre-activations.
   * @param out Where to write.
   * @param options The forward options.
   */
  protected abstract forwardInto(z: Matrix, out: Matrix, options: ForwardOptions): void;

  /**
   * Writes dLoss/dz into `gradIn` (and adds to parameter gradients, if any).
   *
   * @param z The last forward input.
   * @param y The last forward output.
   * @param gradOut dLoss/dOutput (its shape checked against z).
   * @param gradIn Where to write.
   */
  protected abstract backwardInto(z: Matrix, y: Matrix, gradOut: Matrix, gradIn: Matrix): void;

  /**
   * A one-line description.
   *
   * @returns E.g. `"PReLU(32, per neuron)"`.
   */
  abstract describe(): string;

  /**
   * The JSON form.
   *
   * @returns The JSON object.
   */
  abstract toJSON(): LayerJSON;
}
