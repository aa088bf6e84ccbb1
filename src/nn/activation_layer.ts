/**
 * A layer applying any {@linkcode Activation} elementwise, remembering its last input (the
 * pre-activations z) and output for diagnostics.
 *
 * @module
 */

import type { Activation } from "../activations/types.ts";
import type { Matrix } from "../core/matrix.ts";
import { requireNumber } from "../core/validate.ts";
import { MatrixCache } from "./_buffers.ts";
import { requireBackward, requireColumns } from "./_check.ts";
import type { ActivationLike, LayerJSON, Parameter } from "./layer.ts";

/**
 * Applies an activation function elementwise: `y = f(z)`; its backward pass returns
 * `gradOut * f'(z)` using the activation's fused kernel (and its output, for functions whose
 * derivative reuses it).
 *
 * @example
 * ```ts
 * import { ActivationLayer, createActivation, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const layer = new ActivationLayer(createActivation("relu"), 2);
 * const y = layer.forward(fromRows([[-1, 2]]));
 * assert.deepEqual(Array.from(y.data), [0, 2]);
 * assert.deepEqual(Array.from(layer.lastInput!.data), [-1, 2]);
 * ```
 */
export class ActivationLayer implements ActivationLike {
  /** Always `"activation"`. */
  readonly type = "activation";
  /** The activation function. */
  readonly activation: Activation;
  /** Number of neurons. */
  readonly size: number;
  /**
   * Whether f'(z) is 0 wherever f(z) is 0, so the layer above may skip gradients for zero
   * outputs: true for ReLU with the default convention f'(0) = 0.
   */
  readonly gradientZeroWhereOutputZero: boolean;
  #z: Matrix | undefined;
  #y: Matrix | undefined;
  #out: MatrixCache;
  #gradIn: MatrixCache;

  /**
   * Creates an activation layer.
   *
   * @param activation The function to apply, e.g. `createActivation("leakyRelu", { alpha: 0.01 })`.
   * @param size Number of neurons (columns), an integer >= 1.
   */
  constructor(activation: Activation, size: number) {
    if (typeof activation?.forward !== "function" || typeof activation?.backward !== "function") {
      throw new TypeError(
        `Cannot create an activation layer as activation must be an Activation object: activation=${
          String(activation)
        }`,
      );
    }
    requireNumber("create an activation layer", "size", size, { integer: true, min: 1 });
    this.activation = activation;
    this.size = size;
    // ReLU is 0 exactly for z <= 0, where its derivative is 0 (given f'(0) = 0).
    this.gradientZeroWhereOutputZero = activation.name === "relu" && activation.grad(0) === 0;
    this.#out = new MatrixCache(size);
    this.#gradIn = new MatrixCache(size);
  }

  /** Number of input columns (= {@linkcode ActivationLayer.size}). */
  get inputSize(): number {
    return this.size;
  }

  /** Number of output columns (= {@linkcode ActivationLayer.size}). */
  get outputSize(): number {
    return this.size;
  }

  /** The pre-activations z of the last forward call. */
  get lastInput(): Matrix | undefined {
    return this.#z;
  }

  /** The outputs f(z) of the last forward call. */
  get lastOutput(): Matrix | undefined {
    return this.#y;
  }

  /**
   * Computes `f(z)` elementwise.
   *
   * @param z The pre-activations, `N x size`.
   * @returns The activations (a buffer owned by the layer).
   */
  forward(z: Matrix): Matrix {
    requireColumns(`run ${this.describe()}`, z, this.size);
    const out = this.#out.get(z.rows);
    this.activation.forward(z.data, out.data);
    this.#z = z;
    this.#y = out;
    return out;
  }

  /**
   * Computes `gradOut * f'(z)` for the last forward input.
   *
   * @param gradOut dLoss/dOutput, `N x size`.
   * @returns dLoss/dz (a buffer owned by the layer).
   */
  backward(gradOut: Matrix): Matrix {
    const z = requireBackward(this, this.#z, gradOut);
    const gradIn = this.#gradIn.get(z.rows);
    this.activation.backward(z.data, gradOut.data, gradIn.data, this.#y!.data);
    return gradIn;
  }

  /**
   * No trainable parameters.
   *
   * @returns An empty array.
   */
  params(): Parameter[] {
    return [];
  }

  /**
   * A one-line description.
   *
   * @returns E.g. `"Activation(Leaky ReLU (α = 0.01), 32)"`.
   */
  describe(): string {
    return `Activation(${this.activation.label ?? this.activation.name}, ${this.size})`;
  }

  /**
   * The JSON form: the activation's name and parameters, and the size.
   *
   * @returns The JSON object.
   */
  toJSON(): LayerJSON {
    return {
      type: "activation",
      size: this.size,
      activation: { name: this.activation.name, params: { ...this.activation.params } },
    };
  }
}
