/**
 * A layer applying any {@linkcode Activation} elementwise, remembering its last input (the
 * pre-activations z) and output for diagnostics.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Activation } from "../activations/types.ts";
import type { Matrix } from "../core/matrix.ts";
import { requireActivation } from "./_check.ts";
import { ElementwiseLayer } from "./elementwise_layer.ts";
import type { LayerJSON } from "./layer.ts";

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
export class ActivationLayer extends ElementwiseLayer {
  /** Always `"activation"`. */
  readonly type = "activation";
  /** The activation function. */
  readonly activation: Activation;
  /**
   * Whether f'(z) is 0 wherever f(z) is 0, so the layer above may skip gradients for zero
   * outputs: true for ReLU with the default convention f'(0) = 0.
   */
  readonly gradientZeroWhereOutputZero: boolean;

  /**
   * Creates an activation layer.
   *
   * @param activation The function to apply, e.g. `createActivation("leakyRelu", { alpha: 0.01 })`.
   * @param size Number of neurons (columns), an integer >= 1.
   */
  constructor(activation: Activation, size: number);
  constructor(activation: Activation, size: number, extra?: unknown) {
    super("create an activation layer", size);
    refuseTrailing(
      "create an activation layer",
      "ActivationLayer",
      "activation and size",
      "third",
      extra,
    );
    requireActivation("create an activation layer", activation);
    this.activation = activation;
    // ReLU is 0 exactly for z <= 0, where its derivative is 0 (given f'(0) = 0).
    this.gradientZeroWhereOutputZero = activation.name === "relu" && activation.grad(0) === 0;
  }

  /**
   * Computes `f(z)` elementwise.
   *
   * @param z The pre-activations.
   * @param out Where to write.
   */
  protected forwardInto(z: Matrix, out: Matrix): void {
    this.activation.forward(z.data, out.data);
  }

  /**
   * Computes `gradOut * f'(z)` with the activation's fused kernel (given f(z) too, which
   * sigmoid, tanh and ELU reuse).
   *
   * @param z The last forward input.
   * @param y The last forward output.
   * @param gradOut dLoss/dOutput.
   * @param gradIn Where to write.
   */
  protected backwardInto(z: Matrix, y: Matrix, gradOut: Matrix, gradIn: Matrix): void {
    this.activation.backward(z.data, gradOut.data, gradIn.data, y.data);
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
