/**
 * The fully connected layer `y = x W + b`, its backward pass beside it.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import { type RandomOptions, resolvePrng } from "../core/prng.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { MatrixCache } from "./_buffers.ts";
import { requireColumns, shapeOf } from "./_check.ts";
import { decodeFloat64, encodeFloat64, readInteger } from "./_json.ts";
import { heNormal, type Initializer, type InitializerName, resolveInitializer } from "./init.ts";
import type { BackwardOptions, Layer, LayerJSON, Parameter } from "./layer.ts";

/** Options of {@linkcode Dense}. */
export interface DenseOptions extends RandomOptions {
  /** Weight initialiser, by name or object. Default: He normal (`heNormal()`). */
  init?: Initializer | InitializerName;
  /** Initial value of every bias (e.g. -3 starts ReLU neurons dead). Default: 0. */
  biasInit?: number;
}

const DENSE_KEYS: OptionKeys<DenseOptions> = { prng: true, seed: true, init: true, biasInit: true };

/**
 * A fully connected layer: `y = x W + b`, with `W` of shape `inputSize x outputSize` (one
 * column per neuron) and `b` of length `outputSize`.
 *
 * Forward and backward run plain row-major loops in i-k-j order over buffers reused per batch
 * size, skipping zero inputs (the sparse outputs of a ReLU below). The backward pass adds `xᵀ gradOut` to the weight gradient and the column sums of
 * `gradOut` to the bias gradient, and returns `gradOut Wᵀ`.
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
  #out: MatrixCache;
  #gradIn: MatrixCache;
  #params: Parameter[];
  #nonZero: Int32Array;
  #zero: Int32Array;

  /**
   * Creates a dense layer, drawing its weights with `options.init` from `options.prng` (or a
   * generator seeded with `options.seed`, default 0).
   *
   * @param inputSize Number of inputs, an integer >= 1.
   * @param outputSize Number of neurons, an integer >= 1.
   * @param options Initialiser, bias value and randomness.
   */
  constructor(inputSize: number, outputSize: number, options: DenseOptions = {}) {
    const action = "create a Dense layer";
    requireOptions(action, options, DENSE_KEYS);
    requireNumber(action, "inputSize", inputSize, { integer: true, min: 1 });
    requireNumber(action, "outputSize", outputSize, { integer: true, min: 1 });
    const biasInit = requireNumber(action, "biasInit", options.biasInit ?? 0);
    const init = options.init === undefined ? heNormal() : resolveInitializer(options.init);
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.weights = new Float64Array(inputSize * outputSize);
    this.biases = new Float64Array(outputSize).fill(biasInit);
    this.weightGrad = new Float64Array(inputSize * outputSize);
    this.biasGrad = new Float64Array(outputSize);
    init.fill(
      { rows: inputSize, cols: outputSize, data: this.weights },
      this.biases,
      resolvePrng(options),
    );
    this.#out = new MatrixCache(outputSize);
    this.#gradIn = new MatrixCache(inputSize);
    this.#nonZero = new Int32Array(inputSize);
    this.#zero = new Int32Array(inputSize);
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

  /**
   * Computes `x W + b`, remembering `x` for the backward pass.
   *
   * @param x The input, `N x inputSize`.
   * @returns The output, `N x outputSize` (a buffer owned by the layer).
   */
  forward(x: Matrix): Matrix {
    requireColumns(`run ${this.describe()}`, x, this.inputSize);
    const rows = x.rows, nIn = this.inputSize, nOut = this.outputSize;
    const out = this.#out.get(rows);
    const xs = x.data, w = this.weights, b = this.biases, y = out.data;
    const nonZero = this.#nonZero, zero = this.#zero;
    for (let i = 0; i < rows; i++) {
      const yRow = i * nOut, xRow = i * nIn;
      // ReLU outputs are sparse: take the row's non-zero inputs (NaN included), then add eight
      // (then four, two, one) weight rows per pass over y, saving loads and stores.
      const m = splitByZero(xs, xRow, nIn, nonZero, zero);
      for (let j = 0; j < nOut; j++) y[yRow + j] = b[j];
      let t = 0;
      for (; t + 7 < m; t += 8) {
        const w0 = nonZero[t] * nOut, w1 = nonZero[t + 1] * nOut;
        const w2 = nonZero[t + 2] * nOut, w3 = nonZero[t + 3] * nOut;
        const w4 = nonZero[t + 4] * nOut, w5 = nonZero[t + 5] * nOut;
        const w6 = nonZero[t + 6] * nOut, w7 = nonZero[t + 7] * nOut;
        const a0 = xs[xRow + nonZero[t]], a1 = xs[xRow + nonZero[t + 1]];
        const a2 = xs[xRow + nonZero[t + 2]], a3 = xs[xRow + nonZero[t + 3]];
        const a4 = xs[xRow + nonZero[t + 4]], a5 = xs[xRow + nonZero[t + 5]];
        const a6 = xs[xRow + nonZero[t + 6]], a7 = xs[xRow + nonZero[t + 7]];
        for (let j = 0; j < nOut; j++) {
          y[yRow + j] += a0 * w[w0 + j] + a1 * w[w1 + j] + a2 * w[w2 + j] + a3 * w[w3 + j] +
            a4 * w[w4 + j] + a5 * w[w5 + j] + a6 * w[w6 + j] + a7 * w[w7 + j];
        }
      }
      for (; t + 3 < m; t += 4) {
        const k0 = nonZero[t], k1 = nonZero[t + 1], k2 = nonZero[t + 2], k3 = nonZero[t + 3];
        const a0 = xs[xRow + k0], a1 = xs[xRow + k1], a2 = xs[xRow + k2], a3 = xs[xRow + k3];
        const w0 = k0 * nOut, w1 = k1 * nOut, w2 = k2 * nOut, w3 = k3 * nOut;
        for (let j = 0; j < nOut; j++) {
          y[yRow + j] += a0 * w[w0 + j] + a1 * w[w1 + j] + a2 * w[w2 + j] + a3 * w[w3 + j];
        }
      }
      if (t + 1 < m) {
        const w0 = nonZero[t] * nOut, w1 = nonZero[t + 1] * nOut;
        const a0 = xs[xRow + nonZero[t]], a1 = xs[xRow + nonZero[t + 1]];
        for (let j = 0; j < nOut; j++) y[yRow + j] += a0 * w[w0 + j] + a1 * w[w1 + j];
        t += 2;
      }
      if (t < m) {
        const k = nonZero[t], a = xs[xRow + k], wRow = k * nOut;
        for (let j = 0; j < nOut; j++) y[yRow + j] += a * w[wRow + j];
      }
    }
    this.#x = x;
    return out;
  }

  /**
   * Adds `xᵀ gradOut` to the weight gradient and the column sums of `gradOut` to the bias
   * gradient, and returns `gradOut Wᵀ`.
   *
   * With `skipZeroInputs`, entries of dLoss/dInput where the input was exactly 0 are set to 0
   * without being computed: the caller promises the layer below discards them (a ReLU, whose
   * derivative is 0 wherever its output is 0). {@linkcode Sequential} sets it when that holds,
   * which halves the cost of this pass behind a ReLU.
   *
   * @param gradOut dLoss/dOutput, `N x outputSize`, for the last forward input.
   * @param options `skipZeroInputs` (default false).
   * @returns dLoss/dInput, `N x inputSize` (a buffer owned by the layer).
   */
  backward(gradOut: Matrix, options: BackwardOptions = {}): Matrix {
    const x = this.#x;
    const action = `backpropagate through ${this.describe()}`;
    if (x === undefined) {
      throw new RangeError(`Cannot ${action} as forward must run first: lastInput=undefined`);
    }
    if (gradOut.rows !== x.rows || gradOut.cols !== this.outputSize) {
      throw new RangeError(
        `Cannot ${action} as gradOut must match the output shape: gradOut is ${
          shapeOf(gradOut)
        }, output is ${x.rows}x${this.outputSize}`,
      );
    }
    const rows = x.rows, nIn = this.inputSize, nOut = this.outputSize;
    const xs = x.data, g = gradOut.data, w = this.weights;
    const gw = this.weightGrad, gb = this.biasGrad;
    const gradIn = this.#gradIn.get(rows);
    const gx = gradIn.data;
    const nonZero = this.#nonZero, zero = this.#zero;
    const skipZeroInputs = options.skipZeroInputs === true;
    for (let i = 0; i < rows; i++) {
      const gRow = i * nOut, xRow = i * nIn;
      for (let j = 0; j < nOut; j++) gb[j] += g[gRow + j];
      const m = splitByZero(xs, xRow, nIn, nonZero, zero);
      // Non-zero inputs: weight gradients and input gradients together, four (then two, one)
      // inputs at a time so that each load of gradOut serves four weight rows.
      let t = 0;
      for (; t + 3 < m; t += 4) {
        const k0 = nonZero[t], k1 = nonZero[t + 1], k2 = nonZero[t + 2], k3 = nonZero[t + 3];
        const a0 = xs[xRow + k0], a1 = xs[xRow + k1], a2 = xs[xRow + k2], a3 = xs[xRow + k3];
        const w0 = k0 * nOut, w1 = k1 * nOut, w2 = k2 * nOut, w3 = k3 * nOut;
        let sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
        for (let j = 0; j < nOut; j++) {
          const gj = g[gRow + j];
          gw[w0 + j] += a0 * gj;
          gw[w1 + j] += a1 * gj;
          gw[w2 + j] += a2 * gj;
          gw[w3 + j] += a3 * gj;
          sum0 += gj * w[w0 + j];
          sum1 += gj * w[w1 + j];
          sum2 += gj * w[w2 + j];
          sum3 += gj * w[w3 + j];
        }
        gx[xRow + k0] = sum0;
        gx[xRow + k1] = sum1;
        gx[xRow + k2] = sum2;
        gx[xRow + k3] = sum3;
      }
      for (; t + 1 < m; t += 2) {
        const k0 = nonZero[t], k1 = nonZero[t + 1];
        const a0 = xs[xRow + k0], a1 = xs[xRow + k1];
        const w0 = k0 * nOut, w1 = k1 * nOut;
        let sum0 = 0, sum1 = 0;
        for (let j = 0; j < nOut; j++) {
          const gj = g[gRow + j];
          gw[w0 + j] += a0 * gj;
          gw[w1 + j] += a1 * gj;
          sum0 += gj * w[w0 + j];
          sum1 += gj * w[w1 + j];
        }
        gx[xRow + k0] = sum0;
        gx[xRow + k1] = sum1;
      }
      if (t < m) {
        const k = nonZero[t], a = xs[xRow + k], wRow = k * nOut;
        let sum = 0;
        for (let j = 0; j < nOut; j++) {
          const gj = g[gRow + j];
          gw[wRow + j] += a * gj;
          sum += gj * w[wRow + j];
        }
        gx[xRow + k] = sum;
      }
      // Zero inputs add nothing to the weight gradient; their input gradient is skipped when
      // the layer below discards it (a ReLU), else computed.
      for (let u = 0; u < nIn - m; u++) {
        const k = zero[u], wRow = k * nOut;
        let sum = 0;
        if (!skipZeroInputs) { for (let j = 0; j < nOut; j++) sum += g[gRow + j] * w[wRow + j]; }
        gx[xRow + k] = sum;
      }
    }
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
   * Rebuilds a layer from {@linkcode Dense.toJSON}'s output, bit for bit.
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
    return layer;
  }
}

/**
 * Splits the inputs `xs[start .. start + n)` of one row into the indices of the non-zero ones
 * (NaN included), in order, and of the zero ones, and returns how many are non-zero. Without a
 * branch (one on ReLU's random zeros mispredicts half the time): each index is written to both
 * lists, and the count of non-zeros so far, m, places it (the zeros so far are k - m).
 */
function splitByZero(
  xs: Float64Array,
  start: number,
  n: number,
  nonZero: Int32Array,
  zero: Int32Array,
): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    nonZero[m] = k;
    zero[k - m] = k;
    m += +(xs[start + k] !== 0);
  }
  return m;
}
