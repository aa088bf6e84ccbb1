/**
 * A 2-D convolution layer (stride 1) over images stored one per row, channel-major: the
 * trainable counterpart of {@linkcode conv2d}, with its backward pass beside it.
 *
 * @module
 */

import { refuseTrailing, requireChoice } from "../core/_require.ts";
import { allocate } from "../core/_allocate.ts";
import type { Matrix } from "../core/matrix.ts";
import { type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { apartFrom, MatrixCache } from "./_buffers.ts";
import {
  type LayerActions,
  layerActions,
  PADDINGS,
  requireBackward,
  requireBackwardOptions,
  requireColumns,
  requireForwardOptions,
} from "./_check.ts";
import { decodeFloat64, encodeFloat64, readInteger, withKnownKeys } from "./_json.ts";
import { heNormal } from "./init.ts";
import type { BackwardOptions, ForwardOptions, Layer, LayerJSON, Parameter } from "./layer.ts";

/** Options of {@linkcode Conv2D}. */
export interface Conv2DOptions extends RandomOptions {
  /** Number of input channels. Default: 1. */
  channels?: number;
  /** Number of filters (output channels). Default: 1. */
  filters?: number;
  /** Kernel height and width. Default: 3. */
  kernelSize?: number;
  /**
   * `"valid"`: no padding, the output shrinks by `kernelSize - 1`; `"same"`: zero padding
   * keeps the size, the extra row and column going at the bottom and right (as in
   * TensorFlow and {@linkcode conv2d}). Default: `"valid"`.
   */
  padding?: "valid" | "same";
  /** Initial value of every bias. Default: 0. */
  biasInit?: number;
}

const CONV2D_LAYER_KEYS: OptionKeys<Conv2DOptions> = {
  prng: true,
  seed: "number",
  channels: "number",
  filters: "number",
  kernelSize: "number",
  padding: true,
  biasInit: "number",
};

/**
 * A convolution layer with stride 1. Each input row holds one image of `channels` planes of
 * `height x width` pixels (channel-major, row-major within a plane); each output row holds
 * `filters` planes of `outHeight x outWidth`. Output plane f is the bias plus the sum over
 * channels c of `conv2d(plane c, kernel[f][c])` (cross-correlation, as deep-learning
 * frameworks compute it). Kernels start He normal with fan-in `channels * kernelSize²`.
 *
 * @example
 * ```ts
 * import { Conv2D, matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const layer = new Conv2D(5, 5, { filters: 4, kernelSize: 3, padding: "same", seed: 1 });
 * assert.equal(layer.outputSize, 4 * 5 * 5);
 * assert.equal(layer.forward(matrix(2, 25)).rows, 2);
 * ```
 */
export class Conv2D implements Layer {
  /** Always `"conv2d"`. */
  readonly type = "conv2d";
  /** Image height. */
  readonly height: number;
  /** Image width. */
  readonly width: number;
  /** Input channels. */
  readonly channels: number;
  /** Output channels. */
  readonly filters: number;
  /** Kernel height and width. */
  readonly kernelSize: number;
  /** The padding mode. */
  readonly padding: "valid" | "same";
  /** Output plane height. */
  readonly outHeight: number;
  /** Output plane width. */
  readonly outWidth: number;
  /** Kernels, `[filter][channel][row][column]` flattened. */
  readonly kernels: Float64Array;
  /** Biases, one per filter. */
  readonly biases: Float64Array;
  /** Accumulated gradient of the kernels. */
  readonly kernelGrad: Float64Array;
  /** Accumulated gradient of the biases. */
  readonly biasGrad: Float64Array;
  #top: number;
  #left: number;
  #x: Matrix | undefined;
  /** The actions of the error messages, made on first use. */
  #actions: LayerActions | undefined;
  #out: MatrixCache;
  #gradIn: MatrixCache;
  #params: Parameter[];

  /**
   * Creates a convolution layer.
   *
   * @param height Image height, an integer >= 1.
   * @param width Image width, an integer >= 1.
   * @param options Channels, filters, kernel size, padding, bias and randomness.
   */
  constructor(height: number, width: number, options?: Conv2DOptions);
  constructor(height: number, width: number, options: Conv2DOptions = {}, extra?: unknown) {
    const action = "create a Conv2D layer";
    refuseTrailing(action, "Conv2D", "height, width and options", "fourth", extra);
    requireOptions(action, options, CONV2D_LAYER_KEYS);
    const whole = { integer: true, min: 1 };
    this.height = requireNumber(action, "height", height, whole);
    this.width = requireNumber(action, "width", width, whole);
    this.channels = requireNumber(action, "channels", options.channels ?? 1, whole);
    this.filters = requireNumber(action, "filters", options.filters ?? 1, whole);
    const k = requireNumber(action, "kernelSize", options.kernelSize ?? 3, whole);
    this.kernelSize = k;
    const padding = requireChoice(action, "padding", options.padding ?? "valid", PADDINGS);
    this.padding = padding;
    if (padding === "valid" && (k > height || k > width)) {
      throw new RangeError(
        `Cannot ${action} as the kernel must fit inside the image with "valid" padding: image is ${height}x${width}, kernel is ${k}x${k}`,
      );
    }
    this.outHeight = padding === "valid" ? height - k + 1 : height;
    this.outWidth = padding === "valid" ? width - k + 1 : width;
    this.#top = padding === "valid" ? 0 : Math.floor((k - 1) / 2);
    this.#left = this.#top;
    const biasInit = requireNumber(action, "biasInit", options.biasInit ?? 0);
    const fanIn = this.channels * k * k;
    const sizes = `: filters=${this.filters}, channels=${this.channels}, kernelSize=${k}`;
    this.kernels = allocate(Float64Array, this.filters * fanIn, action, sizes);
    this.biases = allocate(Float64Array, this.filters, action, sizes).fill(biasInit);
    this.kernelGrad = allocate(Float64Array, this.kernels.length, action, sizes);
    this.biasGrad = allocate(Float64Array, this.filters, action, sizes);
    // He normal with fan-in channels * k²: the weight matrix seen as fanIn x filters.
    heNormal().fill(
      { rows: fanIn, cols: this.filters, data: this.kernels },
      this.biases,
      prngOf(options, action),
    );
    this.#out = new MatrixCache(this.outputSize);
    this.#gradIn = new MatrixCache(this.inputSize);
    this.#params = [
      {
        name: "kernels",
        value: this.kernels,
        grad: this.kernelGrad,
        shape: [this.filters, this.channels, k, k],
        decay: true,
      },
      {
        name: "biases",
        value: this.biases,
        grad: this.biasGrad,
        shape: [this.filters],
        decay: false,
      },
    ];
  }

  /** Number of input columns: `channels * height * width`. */
  get inputSize(): number {
    return this.channels * this.height * this.width;
  }

  /** Number of output columns: `filters * outHeight * outWidth`. */
  get outputSize(): number {
    return this.filters * this.outHeight * this.outWidth;
  }

  /** The actions of the error messages. */
  get #action(): LayerActions {
    return this.#actions ??= layerActions(this.describe());
  }

  /**
   * Convolves every image of the batch with every kernel.
   *
   * @param images Images, `N x (channels * height * width)`.
   * @param options `training` (default false): the same computation either way; checked like
   *   every layer's options.
   * @returns Feature maps, `N x (filters * outHeight * outWidth)` (a buffer owned by the layer).
   */
  forward(images: Matrix, options?: ForwardOptions): Matrix;
  forward(images: Matrix, options?: ForwardOptions, extra?: unknown): Matrix {
    const action = this.#action.run;
    refuseTrailing(action, "forward", "images and options", "third", extra);
    requireColumns(action, images, this.inputSize);
    requireForwardOptions(action, options);
    const out = this.#out.get(images.rows);
    // The images may be this layer's own last output: read from a copy, and keep that.
    const x = apartFrom(images, out);
    const y = out.data, xs = x.data, w = this.kernels, b = this.biases;
    const { height, width, channels, filters, kernelSize: k, outHeight, outWidth } = this;
    const top = this.#top, left = this.#left;
    const inPlane = height * width, outPlane = outHeight * outWidth;
    for (let n = 0; n < x.rows; n++) {
      const xBase = n * this.inputSize, yBase = n * this.outputSize;
      for (let f = 0; f < filters; f++) {
        const yPlane = yBase + f * outPlane;
        y.fill(b[f], yPlane, yPlane + outPlane);
        for (let c = 0; c < channels; c++) {
          const xPlane = xBase + c * inPlane;
          const wBase = (f * channels + c) * k * k;
          for (let ky = 0; ky < k; ky++) {
            // Output rows whose input row oy + ky - top is inside the image.
            const oyStart = Math.max(0, top - ky), oyEnd = Math.min(outHeight, height + top - ky);
            for (let kx = 0; kx < k; kx++) {
              const weight = w[wBase + ky * k + kx];
              const oxStart = Math.max(0, left - kx), oxEnd = Math.min(outWidth, width + left - kx);
              for (let oy = oyStart; oy < oyEnd; oy++) {
                const yRow = yPlane + oy * outWidth;
                const xRow = xPlane + (oy + ky - top) * width + kx - left;
                for (let ox = oxStart; ox < oxEnd; ox++) y[yRow + ox] += weight * xs[xRow + ox];
              }
            }
          }
        }
      }
    }
    this.#x = x;
    return out;
  }

  /**
   * Adds the kernel and bias gradients and returns the gradient of the images.
   *
   * @param gradOut dLoss/dOutput, `N x outputSize`.
   * @param options `skipZeroInputs` and `skipInputGradient` (default false): checked, and
   *   every entry is computed either way.
   * @returns dLoss/dInput, `N x inputSize` (a buffer owned by the layer).
   */
  backward(gradOut: Matrix, options?: BackwardOptions): Matrix;
  backward(gradOut: Matrix, options?: BackwardOptions, extra?: unknown): Matrix {
    const action = this.#action.backpropagate;
    refuseTrailing(action, "backward", "gradOut and options", "third", extra);
    requireBackwardOptions(action, options);
    const x = requireBackward(action, this.#x, gradOut, this.outputSize);
    const gradIn = this.#gradIn.get(x.rows);
    // gradOut may be this layer's own last gradIn, which is zeroed below before it is read.
    const gx = gradIn.data, g = apartFrom(gradOut, gradIn).data, xs = x.data, w = this.kernels;
    const gw = this.kernelGrad, gb = this.biasGrad;
    const { height, width, channels, filters, kernelSize: k, outHeight, outWidth } = this;
    const top = this.#top, left = this.#left;
    const inPlane = height * width, outPlane = outHeight * outWidth;
    gx.fill(0);
    for (let n = 0; n < x.rows; n++) {
      const xBase = n * this.inputSize, gBase = n * this.outputSize;
      for (let f = 0; f < filters; f++) {
        const gPlane = gBase + f * outPlane;
        let biasSum = 0;
        for (let i = 0; i < outPlane; i++) biasSum += g[gPlane + i];
        gb[f] += biasSum;
        for (let c = 0; c < channels; c++) {
          const xPlane = xBase + c * inPlane;
          const wBase = (f * channels + c) * k * k;
          for (let ky = 0; ky < k; ky++) {
            const oyStart = Math.max(0, top - ky), oyEnd = Math.min(outHeight, height + top - ky);
            for (let kx = 0; kx < k; kx++) {
              const weight = w[wBase + ky * k + kx];
              const oxStart = Math.max(0, left - kx), oxEnd = Math.min(outWidth, width + left - kx);
              let weightSum = 0;
              for (let oy = oyStart; oy < oyEnd; oy++) {
                const gRow = gPlane + oy * outWidth;
                const xRow = xPlane + (oy + ky - top) * width + kx - left;
                for (let ox = oxStart; ox < oxEnd; ox++) {
                  const gv = g[gRow + ox];
                  weightSum += gv * xs[xRow + ox];
                  gx[xRow + ox] += weight * gv;
                }
              }
              gw[wBase + ky * k + kx] += weightSum;
            }
          }
        }
      }
    }
    return gradIn;
  }

  /**
   * The parameters: `kernels` (decayed) and `biases` (not decayed).
   *
   * @returns The two parameters, sharing this layer's arrays.
   */
  params(): Parameter[] {
    return this.#params;
  }

  /**
   * A one-line description.
   *
   * @returns E.g. `"Conv2D(1×28×28 → 8×26×26, 3×3, valid)"`.
   */
  describe(): string {
    const k = this.kernelSize;
    return `Conv2D(${this.channels}×${this.height}×${this.width} → ${this.filters}×${this.outHeight}×${this.outWidth}, ${k}×${k}, ${this.padding})`;
  }

  /**
   * The JSON form: shape settings, and kernels and biases as exact base64 float64.
   *
   * @returns The JSON object.
   */
  toJSON(): LayerJSON {
    return {
      type: "conv2d",
      height: this.height,
      width: this.width,
      channels: this.channels,
      filters: this.filters,
      kernelSize: this.kernelSize,
      padding: this.padding,
      kernels: encodeFloat64(this.kernels),
      biases: encodeFloat64(this.biases),
    };
  }

  /**
   * Rebuilds a layer from {@linkcode Conv2D.toJSON}'s output, bit for bit. Every field is
   * required: a missing or malformed one (`padding` included) throws.
   *
   * @param json The JSON object.
   * @returns The layer.
   */
  static fromJSON(json: LayerJSON): Conv2D {
    const action = "restore a Conv2D layer";
    // Required here, though the constructor defaults it: a missing one would change the shape.
    const padding = requireChoice(action, "padding", json.padding, PADDINGS);
    const layer = new Conv2D(
      readInteger(action, json, "height", 1),
      readInteger(action, json, "width", 1),
      {
        channels: readInteger(action, json, "channels", 1),
        filters: readInteger(action, json, "filters", 1),
        kernelSize: readInteger(action, json, "kernelSize", 1),
        padding,
      },
    );
    layer.kernels.set(decodeFloat64(action, "kernels", json.kernels, layer.kernels.length));
    layer.biases.set(decodeFloat64(action, "biases", json.biases, layer.biases.length));
    return withKnownKeys(action, json, layer);
  }
}
