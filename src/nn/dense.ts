/**
 * The fully connected layer `y = x W + b`, its backward pass beside it.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { allocate } from "../core/_allocate.ts";
import type { Matrix } from "../core/matrix.ts";
import { type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { apartFrom, MatrixCache } from "./_buffers.ts";
import { type DenseKernels, denseKernels } from "./_gemm.ts";
import {
  type LayerActions,
  layerActions,
  requireBackward,
  requireBackwardOptions,
  requireColumns,
  requireForwardOptions,
} from "./_check.ts";
import { deferredValues } from "./_deferred_values.ts";
import { decodeFloat64, encodeFloat64, readInteger, withKnownKeys } from "./_json.ts";
import { heNormal, type Initializer, type InitializerName, resolveInitializer } from "./init.ts";
import { refuseBiasInit } from "./_bias_init.ts";
import type { BackwardOptions, ForwardOptions, Layer, LayerJSON, Parameter } from "./layer.ts";

/** Options of {@linkcode Dense}. */
export interface DenseOptions extends RandomOptions {
  /** Weight initialiser, by name or object. Default: He normal (`heNormal()`). */
  init?: Initializer | InitializerName;
  /**
   * Initial value of every bias (e.g. -3 starts ReLU neurons dead). Default: 0. Refused with
   * an initialiser that sets the biases itself (`"rai"`).
   */
  biasInit?: number;
}

const DENSE_KEYS: OptionKeys<DenseOptions> = {
  prng: true,
  seed: "number",
  init: true,
  biasInit: "number",
};

/**
 * A fully connected layer: `y = x W + b`, with `W` of shape `inputSize x outputSize` (one
 * column per neuron) and `b` of length `outputSize`.
 *
 * Forward and backward are matrix products that skip zero inputs (the sparse outputs of a ReLU
 * below, blank pixels), run by WebAssembly SIMD kernels where the engine has them and by TypeScript
 * loops elsewhere, with the same results: each sum is formed in index order, one product at a time.
 * A zero input adds nothing, even against a NaN or infinite weight, where IEEE's 0 × ∞ would give
 * NaN: a non-finite weight shows only where it meets a non-zero input (forward) or a non-zero
 * output gradient (backward). Buffers are reused per batch size. The backward pass adds `xᵀ
 * gradOut` to the weight gradient and the column sums of `gradOut` to the bias gradient, and
 * returns `gradOut Wᵀ`.
 *
 * @example
 * ```ts
 * import { Dense, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const layer = new Dense(2, 1, { init: "zeros", biasInit: 0.5 });
 * layer.weights.set([1, 2]);
 * const y = layer.forward(fromRows([[3, 4]]));
 * assert.deepEqual(Array.from(y.data), [3 + 8 + 0.5]);
 * ```
 */
export class Dense implements Layer {
  /** Always `"dense"`. */
  readonly type = "dense";
  /** Number of inputs. */
  readonly inputSize: number;
  /** Number of neurons. */
  readonly outputSize: number;
  /** The weights, `inputSize x outputSize` row-major: `weights[k * outputSize + j]` links input k to neuron j. */
  readonly weights: Float64Array;
  /** The biases, one per neuron. */
  readonly biases: Float64Array;
  /** Accumulated gradient of the weights. */
  readonly weightGrad: Float64Array;
  /** Accumulated gradient of the biases. */
  readonly biasGrad: Float64Array;
  #x: Matrix | undefined;
  /** Where the last input is until first used, when a forward pass ran elsewhere. */
  #xSource: (() => Matrix) | undefined;
  #out: MatrixCache;
  #gradIn: MatrixCache;
  #params: Parameter[];
  #kernels: DenseKernels = denseKernels();
  /** The actions of the error messages, made on first use. */
  #actions: LayerActions | undefined;

  /**
   * Creates a dense layer, drawing its weights with `options.init` from `options.prng` (or a
   * generator seeded with `options.seed`, default 0).
   *
   * @param inputSize Number of inputs, an integer >= 1.
   * @param outputSize Number of neurons, an integer >= 1.
   * @param options Initialiser, bias value and randomness.
   */
  constructor(inputSize: number, outputSize: number, options?: DenseOptions);
  constructor(
    inputSize: number,
    outputSize: number,
    options: DenseOptions = {},
    extra?: unknown,
  ) {
    const action = "create a Dense layer";
    refuseTrailing(action, "Dense", "inputSize, outputSize and options", "fourth", extra);
    requireOptions(action, options, DENSE_KEYS);
    requireNumber(action, "inputSize", inputSize, { integer: true, min: 1 });
    requireNumber(action, "outputSize", outputSize, { integer: true, min: 1 });
    const biasInit = requireNumber(action, "biasInit", options.biasInit ?? 0);
    const init = options.init === undefined ? heNormal() : resolveInitializer(options.init);
    refuseBiasInit(action, init, options.biasInit);
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    // Named, with its sizes, when too large: not the engine's 'Array buffer allocation failed'.
    const sizes = `: inputSize=${inputSize}, outputSize=${outputSize}`;
    this.weights = allocate(Float64Array, inputSize * outputSize, action, sizes);
    this.biases = allocate(Float64Array, outputSize, action, sizes).fill(biasInit);
    this.weightGrad = allocate(Float64Array, inputSize * outputSize, action, sizes);
    this.biasGrad = allocate(Float64Array, outputSize, action, sizes);
    init.fill(
      { rows: inputSize, cols: outputSize, data: this.weights },
      this.biases,
      prngOf(options, action),
    );
    this.#out = new MatrixCache(outputSize);
    this.#gradIn = new MatrixCache(inputSize);
    this.#params = [
      {
        name: "weights",
        value: this.weights,
        grad: this.weightGrad,
        shape: [inputSize, outputSize],
        decay: true,
      },
      {
        name: "biases",
        value: this.biases,
        grad: this.biasGrad,
        shape: [outputSize],
        decay: false,
      },
    ];
  }

  /** The actions of the error messages. */
  get #action(): LayerActions {
    return this.#actions ??= layerActions(this.describe());
  }

  /**
   * Computes `x W + b`, remembering `x` for the backward pass.
   *
   * @param input The input, `N x inputSize`.
   * @param options `training` (default false): the same computation either way; checked like
   *   every layer's options.
   * @returns The output, `N x outputSize` (a buffer owned by the layer).
   */
  forward(input: Matrix, options?: ForwardOptions): Matrix;
  forward(input: Matrix, options?: ForwardOptions, extra?: unknown): Matrix {
    const action = this.#action.run;
    refuseTrailing(action, "forward", "input and options", "third", extra);
    requireColumns(action, input, this.inputSize);
    requireForwardOptions(action, options);
    const out = this.#out.get(input.rows);
    // The input may be this layer's own last output: read from a copy, and keep that, which the
    // weight gradient is taken from.
    const x = apartFrom(input, out);
    this.#kernels.forward(
      x.data,
      x.rows,
      this.inputSize,
      this.outputSize,
      this.weights,
      this.biases,
      out.data,
    );
    this.#xSource = undefined;
    this.#x = x;
    return out;
  }

  static {
    deferredValues.deferInput = (layer, source) => {
      layer.#xSource = source;
    };
    deferredValues.settleInput = (layer) => {
      if (layer.#xSource !== undefined) layer.#settle();
    };
  }

  /** Takes the last input from where the last forward pass ran. */
  #settle(): void {
    const x = this.#xSource!();
    this.#xSource = undefined;
    this.#x = x;
  }

  /**
   * Adds `xᵀ gradOut` to the weight gradient and the column sums of `gradOut` to the bias
   * gradient, and returns `gradOut Wᵀ`.
   *
   * With `skipInputGradient` (set by {@linkcode Sequential.backward} for the first layer when
   * training), `gradOut Wᵀ` is not computed and the returned matrix holds zeros. The option
   * `skipZeroInputs` changes nothing here: every entry is computed.
   *
   * @param gradOut dLoss/dOutput, `N x outputSize`, for the last forward input.
   * @param options `skipInputGradient` (default false).
   * @returns dLoss/dInput, `N x inputSize` (a buffer owned by the layer).
   */
  backward(gradOut: Matrix, options?: BackwardOptions): Matrix;
  backward(gradOut: Matrix, options?: BackwardOptions, extra?: unknown): Matrix {
    const action = this.#action.backpropagate;
    refuseTrailing(action, "backward", "gradOut and options", "third", extra);
    const skip = requireBackwardOptions(action, options).skipInputGradient === true;
    if (this.#xSource !== undefined) this.#settle();
    const x = requireBackward(action, this.#x, gradOut, this.outputSize);
    const gradIn = this.#gradIn.get(x.rows);
    this.#kernels.backward(
      x.data,
      apartFrom(gradOut, gradIn).data, // it may be this layer's own last gradIn
      x.rows,
      this.inputSize,
      this.outputSize,
      this.weights,
      this.weightGrad,
      this.biasGrad,
      skip ? undefined : gradIn.data,
    );
    if (skip) gradIn.data.fill(0);
    return gradIn;
  }

  /**
   * The parameters: `weights` (decayed) and `biases` (not decayed).
   *
   * @returns The two parameters, sharing this layer's arrays.
   */
  params(): Parameter[] {
    return this.#params;
  }

  /**
   * A one-line description.
   *
   * @returns E.g. `"Dense(2 → 32)"`.
   */
  describe(): string {
    return `Dense(${this.inputSize} → ${this.outputSize})`;
  }

  /**
   * The JSON form: sizes, and weights and biases as exact base64 float64.
   *
   * @returns The JSON object.
   */
  toJSON(): LayerJSON {
    return {
      type: "dense",
      inputSize: this.inputSize,
      outputSize: this.outputSize,
      weights: encodeFloat64(this.weights),
      biases: encodeFloat64(this.biases),
    };
  }

  /**
   * Rebuilds a layer from {@linkcode Dense.toJSON}'s output, bit for bit. Every field is
   * required: a missing or malformed one throws.
   *
   * @param json The JSON object.
   * @returns The layer.
   */
  static fromJSON(json: LayerJSON): Dense {
    const action = "restore a Dense layer";
    const nIn = readInteger(action, json, "inputSize", 1);
    const nOut = readInteger(action, json, "outputSize", 1);
    const weights = decodeFloat64(action, "weights", json.weights, nIn * nOut);
    const biases = decodeFloat64(action, "biases", json.biases, nOut);
    const layer = new Dense(nIn, nOut, { init: "zeros" });
    layer.weights.set(weights);
    layer.biases.set(biases);
    return withKnownKeys(action, json, layer);
  }
}
