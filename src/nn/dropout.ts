/**
 * Inverted dropout: in training each element is zeroed with probability `rate` and the rest are
 * scaled by 1 / (1 - rate), so evaluation is the identity.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { drawUniform } from "../core/_draw.ts";
import type { Matrix } from "../core/matrix.ts";
import { type Prng, type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { MatrixCache } from "./_buffers.ts";
import {
  type LayerActions,
  layerActions,
  requireBackward,
  requireBackwardOptions,
  requireColumns,
  requireForwardOptions,
} from "./_check.ts";
import { readInteger, readSeed, withKnownKeys } from "./_json.ts";
import type { BackwardOptions, ForwardOptions, Layer, LayerJSON, Parameter } from "./layer.ts";

/** Options of {@linkcode Dropout}. */
export interface DropoutOptions extends RandomOptions {
  /** Probability of dropping an element, in [0, 1). Default: 0.5. */
  rate?: number;
}

const DROPOUT_KEYS: OptionKeys<DropoutOptions> = { rate: "number", prng: true, seed: "number" };

/**
 * Inverted dropout. In training, `y = x * m` with `m = 0` (probability `rate`) or
 * `1 / (1 - rate)`, drawn per element from the layer's seeded generator; the backward pass
 * multiplies by the same mask. In evaluation the layer passes its input through unchanged.
 *
 * @example
 * ```ts
 * import { Dropout, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const layer = new Dropout(4, { rate: 0.5, seed: 3 });
 * const x = fromRows([[1, 1, 1, 1]]);
 * assert.equal(layer.forward(x), x); // evaluation: identity
 * const y = layer.forward(x, { training: true });
 * assert.ok(Array.from(y.data).every((v) => v === 0 || v === 2));
 * ```
 */
export class Dropout implements Layer {
  /** Always `"dropout"`. */
  readonly type = "dropout";
  /** Number of columns. */
  readonly size: number;
  /** Probability of dropping an element. */
  readonly rate: number;
  /** The seed of the layer's generator, when it was made from one. */
  readonly seed: number | undefined;
  #prng: Prng;
  #mask: Matrix | undefined;
  /** The last input (its shape for the backward pass), undefined before the first call. */
  #x: Matrix | undefined;
  /** The actions of the error messages, made on first use. */
  #actions: LayerActions | undefined;
  #out: MatrixCache;
  #gradIn: MatrixCache;
  #maskCache: MatrixCache;

  /**
   * Creates a dropout layer.
   *
   * @param size Number of columns, an integer >= 1.
   * @param options Rate and randomness (`prng`, or `seed`, default 0).
   */
  constructor(size: number, options?: DropoutOptions);
  constructor(size: number, options: DropoutOptions = {}, extra?: unknown) {
    const action = "create a Dropout layer";
    refuseTrailing(action, "Dropout", "size and options", "third", extra);
    requireOptions(action, options, DROPOUT_KEYS);
    requireNumber(action, "size", size, { integer: true, min: 1 });
    this.rate = requireNumber(action, "rate", options.rate ?? 0.5, {
      min: 0,
      max: 1,
      maxExclusive: true,
    });
    this.size = size;
    this.seed = options.prng === undefined ? (options.seed ?? 0) : undefined;
    this.#prng = prngOf(options, action);
    this.#out = new MatrixCache(size);
    this.#gradIn = new MatrixCache(size);
    this.#maskCache = new MatrixCache(size);
  }

  /** Number of input columns (= size). */
  get inputSize(): number {
    return this.size;
  }

  /** Number of output columns (= size). */
  get outputSize(): number {
    return this.size;
  }

  /** The actions of the error messages. */
  get #action(): LayerActions {
    return this.#actions ??= layerActions(this.describe());
  }

  /**
   * Drops and rescales in training; returns `x` itself in evaluation.
   *
   * @param x The input, `N x size`.
   * @param options `training` (default false).
   * @returns The output (a buffer owned by the layer, or `x` in evaluation).
   */
  forward(x: Matrix, options?: ForwardOptions): Matrix;
  forward(x: Matrix, options?: ForwardOptions, extra?: unknown): Matrix {
    const action = this.#action.run;
    refuseTrailing(action, "forward", "x and options", "third", extra);
    requireColumns(action, x, this.size);
    const training = requireForwardOptions(action, options);
    this.#x = x;
    if (!training || this.rate === 0) {
      this.#mask = undefined;
      return x;
    }
    const mask = this.#maskCache.get(x.rows);
    const out = this.#out.get(x.rows);
    const m = mask.data, xs = x.data, y = out.data, prng = this.#prng;
    const rate = this.rate, keep = 1 / (1 - rate);
    for (let i = 0; i < xs.length; i++) {
      const factor = drawUniform(action, prng) < rate ? 0 : keep;
      m[i] = factor;
      y[i] = xs[i] * factor;
    }
    this.#mask = mask;
    return out;
  }

  /**
   * Multiplies by the mask of the last forward call (or passes through after evaluation).
   *
   * @param gradOut dLoss/dOutput, `N x size`.
   * @param options `skipZeroInputs` and `skipInputGradient` (default false): checked, and
   *   every entry is computed either way.
   * @returns dLoss/dInput.
   */
  backward(gradOut: Matrix, options?: BackwardOptions): Matrix;
  backward(gradOut: Matrix, options?: BackwardOptions, extra?: unknown): Matrix {
    const action = this.#action.backpropagate;
    refuseTrailing(action, "backward", "gradOut and options", "third", extra);
    requireBackwardOptions(action, options);
    requireBackward(action, this.#x, gradOut, this.size);
    const mask = this.#mask;
    if (mask === undefined) return gradOut;
    const gradIn = this.#gradIn.get(gradOut.rows);
    const m = mask.data, g = gradOut.data, gx = gradIn.data;
    for (let i = 0; i < g.length; i++) gx[i] = g[i] * m[i];
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
   * @returns E.g. `"Dropout(32, rate 0.5)"`.
   */
  describe(): string {
    return `Dropout(${this.size}, rate ${this.rate})`;
  }

  /**
   * The JSON form: size, rate and seed. A restored layer restarts its random stream.
   *
   * @returns The JSON object.
   */
  toJSON(): LayerJSON {
    return { type: "dropout", size: this.size, rate: this.rate, seed: this.seed ?? null };
  }

  /**
   * Rebuilds a layer from {@linkcode Dropout.toJSON}'s output. Every field is required: a
   * missing or malformed `size`, `rate` or `seed` throws (a `seed` of `null`, written for a
   * layer that drew from a `prng`, restores with seed 0).
   *
   * @param json The JSON object.
   * @returns The layer, its generator seeded afresh.
   */
  static fromJSON(json: LayerJSON): Dropout {
    const action = "restore a Dropout layer";
    const size = readInteger(action, json, "size", 1);
    const rate = requireNumber(action, "rate", json.rate, { min: 0, max: 1, maxExclusive: true });
    return withKnownKeys(action, json, new Dropout(size, { rate, seed: readSeed(action, json) }));
  }
}
