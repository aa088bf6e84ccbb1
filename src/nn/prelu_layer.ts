/**
 * The parametric ReLU layer (He et al. 2015): Leaky ReLU whose negative slope is learned, one
 * per neuron or one shared by the layer.
 *
 * @module
 */

import { preluForward } from "../activations/mod.ts";
import type { Matrix } from "../core/matrix.ts";
import { requireNumber } from "../core/validate.ts";
import { MatrixCache } from "./_buffers.ts";
import { requireBackward, requireColumns } from "./_check.ts";
import { decodeFloat64, encodeFloat64, readInteger } from "./_json.ts";
import type { ActivationLike, LayerJSON, Parameter } from "./layer.ts";

/** Options of {@linkcode PReLU}. */
export interface PReLUOptions {
  /** Initial slope for negative inputs. Default: 0.25 (He et al. 2015). */
  init?: number;
  /** One slope shared by all neurons instead of one per neuron. Default: false. */
  shared?: boolean;
}

/**
 * Parametric ReLU: `y = z` for z > 0 and `y = a_j z` for z <= 0, with slopes `a` trained like
 * any parameter (no weight decay). Gradients: dy/dz = 1 for z > 0, `a_j` for z <= 0 (the left
 * branch at z = 0); dy/da_j = z for z <= 0, else 0.
 *
 * @example
 * ```ts
 * import { fromRows, PReLU } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const layer = new PReLU(2, { init: 0.1 });
 * assert.deepEqual(Array.from(layer.forward(fromRows([[-2, 3]])).data), [-0.2, 3]);
 * layer.backward(fromRows([[1, 1]]));
 * assert.deepEqual(Array.from(layer.alphaGrad), [-2, 0]);
 * ```
 */
export class PReLU implements ActivationLike {
  /** Always `"prelu"`. */
  readonly type = "prelu";
  /** Number of neurons. */
  readonly size: number;
  /** Whether one slope is shared by all neurons. */
  readonly shared: boolean;
  /** The negative slopes: one per neuron, or one when shared. */
  readonly alpha: Float64Array;
  /** Accumulated gradient of the slopes. */
  readonly alphaGrad: Float64Array;
  #z: Matrix | undefined;
  #y: Matrix | undefined;
  #out: MatrixCache;
  #gradIn: MatrixCache;
  #params: Parameter[];

  /**
   * Creates a PReLU layer.
   *
   * @param size Number of neurons, an integer >= 1.
   * @param options Initial slope and sharing.
   */
  constructor(size: number, options: PReLUOptions = {}) {
    const action = "create a PReLU layer";
    requireNumber(action, "size", size, { integer: true, min: 1 });
    const init = requireNumber(action, "init", options.init ?? 0.25);
    this.size = size;
    this.shared = options.shared ?? false;
    this.alpha = new Float64Array(this.shared ? 1 : size).fill(init);
    this.alphaGrad = new Float64Array(this.alpha.length);
    this.#out = new MatrixCache(size);
    this.#gradIn = new MatrixCache(size);
    this.#params = [{
      name: "alpha",
      value: this.alpha,
      grad: this.alphaGrad,
      shape: [this.alpha.length],
      decay: false,
    }];
  }

  /** Number of input columns (= size). */
  get inputSize(): number {
    return this.size;
  }

  /** Number of output columns (= size). */
  get outputSize(): number {
    return this.size;
  }

  /** The pre-activations z of the last forward call. */
  get lastInput(): Matrix | undefined {
    return this.#z;
  }

  /** The outputs of the last forward call. */
  get lastOutput(): Matrix | undefined {
    return this.#y;
  }

  /**
   * Computes `z > 0 ? z : a_j z` with the `preluForward` kernel.
   *
   * @param z The pre-activations, `N x size`.
   * @returns The activations (a buffer owned by the layer).
   */
  forward(z: Matrix): Matrix {
    requireColumns(`run ${this.describe()}`, z, this.size);
    const out = this.#out.get(z.rows);
    preluForward(z.data, this.shared ? this.alpha[0] : this.alpha, out.data, { cols: this.size });
    this.#z = z;
    this.#y = out;
    return out;
  }

  /**
   * Adds `sum(gradOut * z)` over non-positive z to each slope's gradient and returns
   * `gradOut * (z > 0 ? 1 : a_j)`.
   *
   * @param gradOut dLoss/dOutput, `N x size`.
   * @returns dLoss/dz (a buffer owned by the layer).
   */
  backward(gradOut: Matrix): Matrix {
    const z = requireBackward(this, this.#z, gradOut);
    const gradIn = this.#gradIn.get(z.rows);
    const zs = z.data, g = gradOut.data, gz = gradIn.data;
    const a = this.alpha, ga = this.alphaGrad, n = this.size;
    const step = this.shared ? 0 : 1;
    for (let i = 0, idx = 0; i < z.rows; i++) {
      for (let j = 0, aj = 0; j < n; j++, idx++, aj += step) {
        const v = zs[idx];
        if (v > 0) {
          gz[idx] = g[idx];
        } else {
          gz[idx] = a[aj] * g[idx];
          ga[aj] += g[idx] * v;
        }
      }
    }
    return gradIn;
  }

  /**
   * The slopes, as one parameter named `alpha` (not decayed).
   *
   * @returns The parameter list.
   */
  params(): Parameter[] {
    return this.#params;
  }

  /**
   * A one-line description.
   *
   * @returns E.g. `"PReLU(32, per neuron)"`.
   */
  describe(): string {
    return `PReLU(${this.size}, ${this.shared ? "shared" : "per neuron"})`;
  }

  /**
   * The JSON form: size, sharing, and the slopes as exact base64 float64.
   *
   * @returns The JSON object.
   */
  toJSON(): LayerJSON {
    return {
      type: "prelu",
      size: this.size,
      shared: this.shared,
      alpha: encodeFloat64(this.alpha),
    };
  }

  /**
   * Rebuilds a layer from {@linkcode PReLU.toJSON}'s output, bit for bit.
   *
   * @param json The JSON object.
   * @returns The layer.
   */
  static fromJSON(json: LayerJSON): PReLU {
    const action = "restore a PReLU layer";
    const size = readInteger(action, json, "size", 1);
    const layer = new PReLU(size, { shared: json.shared === true });
    layer.alpha.set(decodeFloat64(action, "alpha", json.alpha, layer.alpha.length));
    return layer;
  }
}
