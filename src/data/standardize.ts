/**
 * Standardisation of features: fit the mean and standard deviation of each column on the
 * training inputs, then apply the same shift and scale to any inputs.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import { refuseTrailing, requireMatrix } from "../core/_require.ts";
import { formatValue } from "../core/validate.ts";

/** The smallest positive normal float64, 2^-1022. */
const SMALLEST_NORMAL = 2 ** -1022;

/** The fitted standardisation returned by {@linkcode standardize}. */
export interface Standardizer {
  /** Mean of each column of the fitted inputs. */
  readonly mean: Float64Array;
  /**
   * Population standard deviation of each column of the fitted inputs; a column with no
   * spread gets 1 (as scikit-learn's `StandardScaler`), so it is only centred. "No spread"
   * means a standard deviation of at most 1e-12 times the column's largest magnitude (what
   * rounding leaves of a constant column, whatever its scale), or a column whose values are
   * all below float64's normal range (2.2e-308 in magnitude).
   */
  readonly std: Float64Array;
  /**
   * Returns a new matrix `(x - mean) / std`, column by column. A value so far from the fitted
   * ones that the result would overflow float64 is refused with a RangeError, not returned as
   * Infinity.
   *
   * @param x Inputs with as many columns as the fitted ones, finite numbers (as for fitting).
   * @returns The standardised copy.
   */
  apply(x: Matrix): Matrix;
}

/**
 * Fits a standardisation on `x` (usually the training inputs): the mean and population standard
 * deviation of every column. Apply it to the training and the test inputs alike, so that no
 * statistic of the test set leaks into training.
 *
 * @param x The inputs to fit on, at least one row of finite numbers. A column beyond 1e100 or
 *   within 1e-100 in magnitude is scaled by its largest value before it is summed, differenced and
 *   squared, when fitting and when applying, so that nothing overflows or underflows.
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
export function standardize(x: Matrix): Standardizer;
export function standardize(
  x: Matrix,
  extra?: unknown,
  array?: unknown,
): Standardizer {
  const action = "fit a standardization";
  refuseTrailing(action, "standardize", "x alone", "second", extra, x, array);
  requireMatrix(action, "x", x);
  if (x.rows < 1) {
    throw new RangeError(`Cannot ${action} as x must have at least one row: x.rows=${x.rows}`);
  }
  const cols = x.cols;
  const largest = new Float64Array(cols);
  for (let i = 0; i < x.data.length; i++) {
    const value = finiteAt(action, x, i);
    largest[i % cols] = Math.max(largest[i % cols], Math.abs(value));
  }
  // A column of ordinary magnitude is summed as it is. One whose sum or squares could overflow
  // or underflow float64 is divided by its largest magnitude first and the results multiplied
  // back, so its mean and spread are as accurate as an ordinary column's.
  const scale = largest.map((m) => m === 0 || (m >= 1e-100 && m <= 1e100) ? 1 : m);
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (let i = 0; i < x.data.length; i++) mean[i % cols] += x.data[i] / scale[i % cols];
  for (let c = 0; c < cols; c++) mean[c] = (mean[c] / x.rows) * scale[c];
  // (value - mean) / divisor for column c. value - mean itself can overflow (1.7e308 - -1e308):
  // then the difference is taken in the column's scale.
  const centred = (value: number, c: number, divisor: number) => {
    const d = value - mean[c];
    return Number.isFinite(d)
      ? d / divisor
      : (value / scale[c] - mean[c] / scale[c]) / (divisor / scale[c]);
  };
  for (let i = 0; i < x.data.length; i++) {
    const c = i % cols;
    std[c] += centred(x.data[i], c, scale[c]) ** 2;
  }
  for (let c = 0; c < cols; c++) {
    std[c] = Math.sqrt(std[c] / x.rows) * scale[c];
    // A constant column (its spread only rounding, relative to its values, or all of it below
    // float64's normal range, where a mean cannot be computed): scale by 1, as scikit-learn
    // does, rather than divide by zero.
    if (!(std[c] > 1e-12 * largest[c]) || largest[c] < SMALLEST_NORMAL) std[c] = 1;
  }
  return {
    mean,
    std,
    apply(input: Matrix, extra?: unknown): Matrix {
      refuseTrailing("apply a standardization", "apply", "x alone", "second", extra);
      requireMatrix("apply a standardization", "x", input);
      if (input.cols !== cols) {
        throw new RangeError(
          `Cannot apply a standardization as x must have ${cols} columns like the fitted data: x is ${input.rows}x${input.cols}`,
        );
      }
      const data = new Float64Array(input.data.length);
      for (let i = 0; i < data.length; i++) {
        // Refused as fitting refuses it: a NaN or infinity would pass into the inputs silently.
        const value = finiteAt("apply a standardization", input, i);
        const c = i % cols;
        data[i] = centred(value, c, std[c]);
        if (!Number.isFinite(data[i])) {
          throw new RangeError(
            `Cannot apply a standardization as (x - mean) / std must be finite in float64: x.data[${i}]=${
              formatValue(value)
            }, mean=${formatValue(mean[c])}, std=${formatValue(std[c])}`,
          );
        }
      }
      return { rows: input.rows, cols, data };
    },
  };
}

/** `x.data[i]`, refused with a RangeError naming `action` unless it is a finite number. */
function finiteAt(action: string, x: Matrix, i: number): number {
  const value = x.data[i];
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `Cannot ${action} as x must hold finite numbers: x.data[${i}]=${formatValue(value)}`,
    );
  }
  return value;
}
