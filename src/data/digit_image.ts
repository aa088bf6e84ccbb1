/**
 * One digit image of a data set as a 28×28 matrix, for plotting.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import { describeValue, refuseTrailing, requireMatrix } from "../core/_require.ts";
import { formatValue, requireNumber } from "../core/validate.ts";
import { DIGIT_PIXELS } from "./load_digits.ts";

/**
 * Returns sample i of a digits data set (or of a matrix of flattened images) as a 28×28
 * matrix: element (r, c) is the pixel in row r from the top and column c from the left.
 *
 * @param data A data set, or a matrix, with 784 columns per sample.
 * @param i The sample index, an integer in `0 .. rows - 1`.
 * @returns A new 28×28 matrix (a copy).
 *
 * @example
 * ```ts
 * import { digitImage, matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const images = matrix(2, 784);
 * images.data[784 + 28 * 5 + 3] = 1; // sample 1, row 5, column 3
 * const image = digitImage(images, 1);
 * assert.equal(image.rows, 28);
 * assert.equal(image.data[5 * 28 + 3], 1);
 * ```
 */
export function digitImage(data: Dataset | Matrix, i: number): Matrix;
export function digitImage(
  data: Dataset | Matrix,
  i: number,
  extra?: unknown,
): Matrix {
  const action = "take a digit image";
  refuseTrailing(action, "digitImage", "data and i", "third", extra);
  if (typeof data !== "object" || data === null) {
    throw new TypeError(
      `Cannot ${action} as data must be a dataset { x, y } or a matrix of images: data=${
        describeValue(data)
      }`,
    );
  }
  const ofDataset = "x" in data;
  const x = ofDataset ? data.x : data;
  requireMatrix(action, ofDataset ? "data.x" : "data", x);
  if (x.cols !== DIGIT_PIXELS) {
    throw new RangeError(
      `Cannot ${action} as the samples must have ${DIGIT_PIXELS} columns (28x28 pixels): x is ${x.rows}x${x.cols}`,
    );
  }
  if (x.rows === 0) {
    // Else i would be refused against an empty range, "<= -1".
    throw new RangeError(
      `Cannot ${action} as the data must hold at least one image: ${
        ofDataset ? "data.x" : "data"
      }.rows=0, i=${formatValue(i)}`,
    );
  }
  requireNumber(action, "i", i, { integer: true, min: 0, max: x.rows - 1 });
  return {
    rows: 28,
    cols: 28,
    data: x.data.slice(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS),
  };
}
