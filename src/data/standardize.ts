/**
 * Standardisation of features: fit the mean and standard deviation of each column on the
 * training inputs, then apply the same shift and scale to any inputs.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import { formatValue } from "../core/validate.ts";

/** The fitted standardisation returned by {@linkcode standardize}. */
export interface Standardizer {
  /** Mean of each column of the fitted inputs. */
  readonly mean: Float64Array;
  /**
   * Population standard deviation of each column of the fitted inputs; a column with no
   * spread gets 1 (as scikit-learn's `StandardScaler`), so it is only centred.
   */
  readonly std: Float64Array;
  /**
   * Returns a new matrix `(x - mean) / std`, column by column.
   *
   * @param x Inputs with as many columns as the fitted ones.
   * @returns The standardised copy.
   */
  apply(x: Matrix): Matrix;
}

/**
 * Fits a standardisation on `x` (usually the training inputs): the mean and population standard
 * deviation of every column. Apply it to the training and the test inputs alike, so that no
 * statistic of the test set leaks into training.
 *
 * @param x The inputs to fit on, at least one row of finite numbers.
 * @returns `{ mean, std, apply(x) }`.
 *
 * @example
 * ```ts
 * import { fromRows, standardize } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const scaler = standardize(fromRows([[1, 10], [3, 10]]));
 * assert.deepEqual(Array.from(scaler.mean), [2, 10]);
 * assert.deepEqual(Array.from(scaler.std), [1, 1]);
 * assert.deepEqual(Array.from(scaler.apply(fromRows([[5, 12]])).data), [3, 2]);
 * ```
 */
export function standardize(x: Matrix): Standardizer {
  const action = "fit a standardization";
  if (x.rows < 1) {
    throw new RangeError(`Cannot ${action} as x must have at least one row: x.rows=${x.rows}`);
  }
  const cols = x.cols;
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (let i = 0; i < x.data.length; i++) {
    if (!Number.isFinite(x.data[i])) {
      throw new RangeError(
        `Cannot ${action} as x must hold finite numbers: x.data[${i}]=${formatValue(x.data[i])}`,
      );
    }
    mean[i % cols] += x.data[i];
  }
  for (let c = 0; c < cols; c++) mean[c] /= x.rows;
  for (let i = 0; i < x.data.length; i++) std[i % cols] += (x.data[i] - mean[i % cols]) ** 2;
  for (let c = 0; c < cols; c++) {
    std[c] = Math.sqrt(std[c] / x.rows);
    // A constant column: scale by 1, as scikit-learn does, rather than divide by zero.
    if (!(std[c] > 1e-12 * Math.max(1, Math.abs(mean[c])))) std[c] = 1;
  }
  return {
    mean,
    std,
    apply(input: Matrix): Matrix {
      if (input.cols !== cols) {
        throw new RangeError(
          `Cannot apply a standardization as x must have ${cols} columns like the fitted data: x is ${input.rows}x${input.cols}`,
        );
      }
      const data = new Float64Array(input.data.length);
      for (let i = 0; i < data.length; i++) {
        const c = i % cols;
        data[i] = (input.data[i] - mean[c]) / std[c];
      }
      return { rows: input.rows, cols, data };
    },
  };
}
