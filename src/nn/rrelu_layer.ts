/**
 * The randomized leaky ReLU layer (Xu et al. 2015): in training each element gets its own
 * negative slope drawn uniformly from [lower, upper]; in evaluation the mean slope is used.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { rreluBackward, rreluForward, type RReluOptions } from "../activations/mod.ts";
import { requireRReluBounds } from "../activations/rrelu.ts";
import type { Matrix } from "../core/matrix.ts";
import { type Prng, type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { MatrixCache } from "./_buffers.ts";
import { readInteger, readSeed, withKnownKeys } from "./_json.ts";
import { ElementwiseLayer } from "./elementwise_layer.ts";
import type { ForwardOptions, LayerJSON } from "./layer.ts";

/** Options of {@linkcode RReLU}. */
export interface RReLUOptions extends RandomOptions {
  /** Smallest slope. Default: 1/8. */
  lower?: number;
  /** Largest slope. Default: 1/3. */
  upper?: number;
}

const RRELU_LAYER_KEYS: OptionKeys<RReLUOptions> = {
  lower: "number",
  prng: true,
  seed: "number",
  upper: "number",
};

/**
 * Randomized leaky ReLU: `y = z` for z > 0 and `y = a z` for z <= 0. In training, `a` is drawn
 * from U(lower, upper) for every non-positive element of every forward call (in index order,
 * from the layer's own seeded generator, by the `rreluForward` kernel); in evaluation
 * `a = (lower + upper) / 2`. The backward pass uses the slopes of the last forward call (the
 * left branch at z = 0).
 *
 * @example
 * ```ts
 * import { fromRows, RReLU } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const layer = new RReLU(2, { lower: 0.1, upper: 0.3, seed: 1 });
 * assert.deepEqual(Array.from(layer.forward(fromRows([[-1, 2]])).data), [-0.2, 2]);
 * const slope = -layer.forward(fromRows([[-1, 2]]), { training: true }).data[0];
 * assert.ok(slope >= 0.1 && slope <= 0.3);
 * ```
 */
export class RReLU extends ElementwiseLayer {
  /** Always `"rrelu"`. */
  readonly type = "rrelu";
  /** Smallest slope. */
  readonly lower: number;
  /** Largest slope. */
  readonly upper: number;
  /** The seed of the layer's generator, when it was made from one. */
  readonly seed: number | undefined;
  #prng: Prng;
  #slopes: Matrix | undefined;
  #training: RReluOptions;
  #evaluation: RReluOptions;
  #slopeCache: MatrixCache;

  /**
   * Creates an RReLU layer.
   *
   * @param size Number of neurons, an integer >= 1.
   * @param options Slope range and randomness (`prng`, or `seed`, default 0).
   */
  constructor(size: number, options?: RReLUOptions);
  constructor(size: number, options: RReLUOptions = {}, extra?: unknown) {
    const action = "create an RReLU layer";
    refuseTrailing(action, "RReLU", "size and options", "third", extra);
    requireOptions(action, options, RRELU_LAYER_KEYS);
    super(action, size);
    const [lower, upper] = requireRReluBounds(action, options.lower, options.upper);
    this.lower = lower;
    this.upper = upper;
    this.seed = options.prng === undefined ? (options.seed ?? 0) : undefined;
    this.#prng = prngOf(options, action);
    this.#training = { lower, upper, training: true, prng: this.#prng };
    this.#evaluation = { lower, upper };
    this.#slopeCache = new MatrixCache(size);
  }

  /** The mean slope, used in evaluation. */
  get meanSlope(): number {
    return (this.lower + this.upper) / 2;
  }

  /**
   * Computes `z > 0 ? z : a z`, with random slopes in training and the mean slope otherwise,
   * and keeps the slopes for the backward pass.
   *
   * @param z The pre-activations.
   * @param out Where to write.
   * @param options `training` (default false).
   */
  protected forwardInto(z: Matrix, out: Matrix, options: ForwardOptions): void {
    const slopes = this.#slopeCache.get(z.rows);
    rreluForward(
      z.data,
      options.training ? this.#training : this.#evaluation,
      out.data,
      slopes.data,
    );
    this.#slopes = slopes;
  }

  /**
   * Writes `gradOut * slope` with the slopes of the last forward call (`rreluBackward`).
   *
   * @param _z The last forward input (not needed: the slopes are kept).
   * @param _y The last forward output (not needed).
   * @param gradOut dLoss/dOutput.
   * @param gradIn Where to write.
   */
  protected backwardInto(_z: Matrix, _y: Matrix, gradOut: Matrix, gradIn: Matrix): void {
    rreluBackward(gradOut.data, this.#slopes!.data, gradIn.data);
  }

  /**
   * A one-line description.
   *
   * @returns E.g. `"RReLU(32, a ∈ [0.125, 0.333])"`.
   */
  describe(): string {
    return `RReLU(${this.size}, a ∈ [${round(this.lower)}, ${round(this.upper)}])`;
  }

  /**
   * The JSON form: size, slope range and seed. A restored layer restarts its random stream
   * from the seed.
   *
   * @returns The JSON object.
   */
  toJSON(): LayerJSON {
    return {
      type: "rrelu",
      size: this.size,
      lower: this.lower,
      upper: this.upper,
      seed: this.seed ?? null,
    };
  }

  /**
   * Rebuilds a layer from {@linkcode RReLU.toJSON}'s output. Every field is required: a
   * missing or malformed `size`, `lower`, `upper` or `seed` throws (a `seed` of `null`, written
   * for a layer that drew from a `prng`, restores with seed 0).
   *
   * @param json The JSON object.
   * @returns The layer, its generator seeded afresh.
   */
  static fromJSON(json: LayerJSON): RReLU {
    const action = "restore an RReLU layer";
    const size = readInteger(action, json, "size", 1);
    const lower = requireNumber(action, "lower", json.lower, { min: 0 });
    const upper = requireNumber(action, "upper", json.upper, { min: lower });
    return withKnownKeys(
      action,
      json,
      new RReLU(size, { lower, upper, seed: readSeed(action, json) }),
    );
  }
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
