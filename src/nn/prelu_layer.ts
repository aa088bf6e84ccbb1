/**
 * The parametric ReLU layer (He et al. 2015): Leaky ReLU whose negative slope is learned, one
 * per neuron or one shared by the layer.
 *
 * @module
 */

import { allocate } from "../core/_allocate.ts";
import { refuseTrailing, requireFlag } from "../core/_require.ts";
import { preluForward } from "../activations/mod.ts";
import type { Matrix } from "../core/matrix.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";

import { decodeFloat64, encodeFloat64, readInteger, withKnownKeys } from "./_json.ts";
import { ElementwiseLayer } from "./elementwise_layer.ts";
import type { LayerJSON, Parameter } from "./layer.ts";

/** Options of {@linkcode PReLU}. */
export interface PReLUOptions {
  /** Initial slope for negative inputs. Default: 0.25 (He et al. 2015). */
  init?: number;
  /** One slope shared by all neurons instead of one per neuron. Default: false. */
  shared?: boolean;
}

const PRELU_LAYER_KEYS: OptionKeys<PReLUOptions> = { init: "number", shared: true };

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
export class PReLU extends ElementwiseLayer {
  /** Always `"prelu"`. */
  readonly type = "prelu";
  /** Whether one slope is shared by all neurons. */
  readonly shared: boolean;
  /** The negative slopes: one per neuron, or one when shared. */
  readonly alpha: Float64Array;
  /** Accumulated gradient of the slopes. */
  readonly alphaGrad: Float64Array;
  #params: Parameter[];

  /**
   * Creates a PReLU layer.
   *
   * @param size Number of neurons, an integer >= 1.
   * @param options Initial slope and sharing.
   */
  constructor(size: number, options?: PReLUOptions);
  constructor(size: number, options: PReLUOptions = {}, extra?: unknown) {
    const action = "create a PReLU layer";
    refuseTrailing(action, "PReLU", "size and options", "third", extra);
    requireOptions(action, options, PRELU_LAYER_KEYS);
    super(action, size);
    const init = requireNumber(action, "init", options.init ?? 0.25);
    this.shared = requireFlag(action, "shared", options.shared);
    const [length, shown] = [this.shared ? 1 : size, `: size=${size}`];
    this.alpha = allocate(Float64Array, length, action, shown).fill(init);
    this.alphaGrad = allocate(Float64Array, length, action, shown);
    this.#params = [{
      name: "alpha",
      value: this.alpha,
      grad: this.alphaGrad,
      shape: [this.alpha.length],
      decay: false,
    }];
  }

  /**
   * Computes `z > 0 ? z : a_j z` with the `preluForward` kernel.
   *
   * @param z The pre-activations.
   * @param out Where to write.
   */
  protected forwardInto(z: Matrix, out: Matrix): void {
    preluForward(z.data, this.shared ? this.alpha[0] : this.alpha, out.data, { cols: this.size });
  }

  /**
   * Adds `sum(gradOut * z)` over non-positive z to each slope's gradient and returns
   * `gradOut * (z > 0 ? 1 : a_j)`.
   *
   * @param z The last forward input.
   * @param _y The last forward output (not needed).
   * @param gradOut dLoss/dOutput.
   * @param gradIn Where to write.
   */
  protected backwardInto(z: Matrix, _y: Matrix, gradOut: Matrix, gradIn: Matrix): void {
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
  }

  /**
   * The slopes, as one parameter named `alpha` (not decayed).
   *
   * @returns The parameter list.
   */
  override params(): Parameter[] {
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
   * Rebuilds a layer from {@linkcode PReLU.toJSON}'s output, bit for bit. Every field is
   * required: a missing or malformed `size`, `shared` or `alpha` throws.
   *
   * @param json The JSON object.
   * @returns The layer.
   */
  static fromJSON(json: LayerJSON): PReLU {
    const action = "restore a PReLU layer";
    const size = readInteger(action, json, "size", 1);
    // Required here, though the constructor defaults it: a missing one would change the shape.
    if (typeof json.shared !== "boolean") {
      throw new TypeError(
        `Cannot ${action} as shared must be true or false: shared=${formatValue(json.shared)}`,
      );
    }
    const layer = new PReLU(size, { shared: json.shared });
    layer.alpha.set(decodeFloat64(action, "alpha", json.alpha, layer.alpha.length));
    return withKnownKeys(action, json, layer);
  }
}
