/**
 * Two-dimensional convolution of one image with one kernel, and the classic edge-detection
 * kernels, to show what a convolutional layer computes before ReLU is applied to it.
 *
 * @module
 */

import { refuseTrailing, requireChoice, requireMatrix } from "../core/_require.ts";
import { PADDINGS } from "./_check.ts";
import type { Matrix } from "../core/matrix.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";

/** Options of {@linkcode conv2d}. */
export interface Conv2dOptions {
  /**
   * `"valid"`: the kernel stays inside the image, so the output shrinks to
   * `floor((H - kh) / stride) + 1` rows (likewise columns). `"same"`: the image is padded with
   * zeros so the output has `ceil(H / stride)` rows, as in TensorFlow; when the padding is
   * odd, the extra row (column) goes at the bottom (right). Default: `"valid"`.
   */
  padding?: "valid" | "same";
  /** Step between kernel positions, the same along rows and columns, an integer >= 1. Default: 1. */
  stride?: number;
}

const CONV2D_KEYS: OptionKeys<Conv2dOptions> = { padding: true, stride: "number" };

/**
 * Slides `kernel` over `image` and returns, at each position, the sum of the element-wise
 * products: `out[r][c] = Σᵢ Σⱼ image[r·s + i - top][c·s + j - left] · kernel[i][j]`, with
 * pixels outside the image taken as 0. This is cross-correlation (the kernel is not flipped),
 * which is what deep-learning frameworks (PyTorch, TensorFlow) call convolution; a kernel
 * learned by a network is the same either way, but a textbook convolution of a fixed kernel
 * equals `conv2d` with the kernel rotated by 180°.
 *
 * @param image The image, rows top to bottom, columns left to right.
 * @param kernel The kernel (filter), at least 1×1; with `"valid"` padding, no larger than the
 *   image.
 * @param options Padding (default `"valid"`) and stride (default 1).
 * @returns A new matrix of the output shape given under {@linkcode Conv2dOptions}.
 *
 * @example
 * ```ts
 * import { conv2d, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const image = fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
 * const kernel = fromRows([[1, 0], [0, -1]]);
 * const out = conv2d(image, kernel);
 * assert.deepEqual([out.rows, out.cols], [2, 2]);
 * assert.deepEqual(Array.from(out.data), [1 - 5, 2 - 6, 4 - 8, 5 - 9]);
 * assert.equal(conv2d(image, kernel, { padding: "same" }).rows, 3);
 * ```
 */
export function conv2d(image: Matrix, kernel: Matrix, options?: Conv2dOptions): Matrix;
export function conv2d(
  image: Matrix,
  kernel: Matrix,
  options: Conv2dOptions = {},
  extra?: unknown,
): Matrix {
  const action = "convolve an image";
  refuseTrailing(action, "conv2d", "image, kernel and options", "fourth", extra);
  requireOptions(action, options, CONV2D_KEYS);
  requireMatrix(action, "image", image);
  requireMatrix(action, "kernel", kernel);
  const padding = requireChoice(action, "padding", options.padding ?? "valid", PADDINGS);
  const stride = requireNumber(action, "stride", options.stride ?? 1, { integer: true, min: 1 });
  const height = image.rows, width = image.cols;
  const kh = kernel.rows, kw = kernel.cols;
  if (kh < 1 || kw < 1) {
    throw new RangeError(
      `Cannot ${action} as the kernel must be at least 1x1: kernel is ${kh}x${kw}`,
    );
  }
  let outRows: number, outCols: number, top: number, left: number;
  if (padding === "valid") {
    if (kh > height || kw > width) {
      throw new RangeError(
        `Cannot ${action} as the kernel must fit inside the image with "valid" padding: image is ${height}x${width}, kernel is ${kh}x${kw}`,
      );
    }
    outRows = Math.floor((height - kh) / stride) + 1;
    outCols = Math.floor((width - kw) / stride) + 1;
    top = 0;
    left = 0;
  } else {
    outRows = Math.ceil(height / stride);
    outCols = Math.ceil(width / stride);
    top = Math.floor(Math.max((outRows - 1) * stride + kh - height, 0) / 2);
    left = Math.floor(Math.max((outCols - 1) * stride + kw - width, 0) / 2);
  }
  const src = image.data, weights = kernel.data;
  const out = new Float64Array(outRows * outCols);
  for (let r = 0; r < outRows; r++) {
    const r0 = r * stride - top;
    // Kernel rows that land inside the image.
    const iStart = Math.max(0, -r0), iEnd = Math.min(kh, height - r0);
    for (let c = 0; c < outCols; c++) {
      const c0 = c * stride - left;
      const jStart = Math.max(0, -c0), jEnd = Math.min(kw, width - c0);
      let sum = 0;
      for (let i = iStart; i < iEnd; i++) {
        const rowOffset = (r0 + i) * width + c0;
        const kernelOffset = i * kw;
        for (let j = jStart; j < jEnd; j++) sum += src[rowOffset + j] * weights[kernelOffset + j];
      }
      out[r * outCols + c] = sum;
    }
  }
  return { rows: outRows, cols: outCols, data: out };
}

/** The names of the kernels returned by {@linkcode edgeKernel}. */
export type EdgeKernelName =
  | "sobelX"
  | "sobelY"
  | "prewittX"
  | "prewittY"
  | "laplacian"
  | "laplacianDiagonal";

const EDGE_KERNELS: Record<EdgeKernelName, readonly number[]> = {
  sobelX: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  sobelY: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  prewittX: [-1, 0, 1, -1, 0, 1, -1, 0, 1],
  prewittY: [-1, -1, -1, 0, 0, 0, 1, 1, 1],
  laplacian: [0, 1, 0, 1, -4, 1, 0, 1, 0],
  laplacianDiagonal: [1, 1, 1, 1, -8, 1, 1, 1, 1],
};

/**
 * The names accepted by {@linkcode edgeKernel}, in a fixed order (for loops and legends).
 *
 * @example
 * ```ts
 * import { EDGE_KERNEL_NAMES, edgeKernel } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(EDGE_KERNEL_NAMES.length, 6);
 * for (const name of EDGE_KERNEL_NAMES) {
 *   const sum = edgeKernel(name).data.reduce((a, b) => a + b, 0);
 *   assert.equal(sum, 0); // every edge kernel ignores flat regions
 * }
 * ```
 */
export const EDGE_KERNEL_NAMES: readonly EdgeKernelName[] = Object.freeze([
  "sobelX",
  "sobelY",
  "prewittX",
  "prewittY",
  "laplacian",
  "laplacianDiagonal",
]);

/**
 * Returns a fresh copy of a classic 3×3 edge-detection kernel, oriented for {@linkcode conv2d}
 * (cross-correlation): `"sobelX"` and `"prewittX"` respond positively where intensity increases
 * to the right, `"sobelY"` and `"prewittY"` where it increases downwards (rows go down);
 * `"laplacian"` (4 neighbours) and `"laplacianDiagonal"` (8 neighbours) respond to any change
 * and sum to 0, so a flat region gives 0. Applying ReLU to the output keeps one direction of
 * edge only.
 *
 * @param name The kernel's name, one of {@linkcode EDGE_KERNEL_NAMES}.
 * @returns A new 3×3 matrix (safe to change).
 *
 * @example
 * ```ts
 * import { conv2d, edgeKernel, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const step = fromRows([[0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 1, 1]]); // dark left, bright right
 * const edges = conv2d(step, edgeKernel("sobelX"));
 * assert.deepEqual(Array.from(edges.data), [4, 4]);
 * ```
 */
export function edgeKernel(name: EdgeKernelName): Matrix;
export function edgeKernel(name: EdgeKernelName, extra?: unknown, array?: unknown): Matrix {
  refuseTrailing("create an edge kernel", "edgeKernel", "name alone", "second", extra, name, array);
  requireChoice("create an edge kernel", "name", name, EDGE_KERNEL_NAMES);
  return { rows: 3, cols: 3, data: Float64Array.from(EDGE_KERNELS[name]) };
}
