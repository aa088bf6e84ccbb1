/**
 * The one data set type of relu-lab: inputs as a {@linkcode Matrix}, targets as integer class
 * labels (classification) or a matrix (regression). Generators in `data/` return it; the
 * training loop and the diagnostics read it.
 *
 * @module
 */

import type { Matrix } from "./matrix.ts";
import { refuseTrailing, requireMatrix, requireSameRows, requireTargets } from "./_require.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "./validate.ts";

/**
 * A data set: one sample per row of `x`, and its target at the same index of `y`.
 *
 * Classification targets are class labels `0 .. classes - 1` in an `Int32Array`; regression
 * targets are a `Matrix` with one row per sample.
 */
export interface Dataset {
  /** Inputs, one sample per row. */
  readonly x: Matrix;
  /** Targets: class labels (`Int32Array`, one per row of `x`) or a matrix with `x.rows` rows. */
  readonly y: Int32Array | Matrix;
  /** Number of classes, for classification data sets. Default: the largest label + 1. */
  readonly classes?: number;
}

const DATASET_KEYS: OptionKeys<{ classes?: number }> = { classes: "number" };

/**
 * Checks and builds a {@linkcode Dataset}: `x` and `y` must have the same number of rows, every
 * input and target must be finite, and labels must be integers in `0 .. classes - 1`.
 *
 * @param x Inputs, one sample per row (not copied).
 * @param y Class labels or a target matrix (not copied).
 * @param options `classes`: the number of classes, an integer >= 1 (default: largest label + 1;
 *   to be passed when y has no labels), for labels only: refused with a target matrix.
 * @returns The data set.
 *
 * @example
 * ```ts
 * import { dataset, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const d = dataset(fromRows([[0, 1], [1, 0]]), new Int32Array([0, 1]));
 * assert.equal(d.classes, 2);
 * assert.throws(() => dataset(fromRows([[0, 1]]), new Int32Array([0, 1])), RangeError);
 * ```
 */
export function dataset(x: Matrix, y: Int32Array | Matrix, options?: { classes?: number }): Dataset;
export function dataset(
  x: Matrix,
  y: Int32Array | Matrix,
  options: { classes?: number } = {},
  extra?: unknown,
): Dataset {
  const action = "create a dataset";
  refuseTrailing(action, "dataset", "x, y and options", "fourth", extra);
  requireOptions(action, options, DATASET_KEYS);
  if (options.classes !== undefined) {
    requireNumber(action, "classes", options.classes, { integer: true, min: 1 });
  }
  requireMatrix(action, "x", x);
  requireTargets(action, "y", y);
  requireSameRows(action, x, y);
  if (!(y instanceof Int32Array) && options.classes !== undefined) {
    // A regression data set has no classes: kept, it would be dropped unsaid.
    throw new TypeError(
      `Cannot ${action} as classes counts the class labels, and y is a matrix of regression targets (an Int32Array holds labels): classes=${options.classes}`,
    );
  }
  for (let i = 0; i < x.data.length; i++) {
    if (!Number.isFinite(x.data[i])) {
      throw new RangeError(
        `Cannot ${action} as x must hold finite numbers: x.data[${i}]=${formatValue(x.data[i])}`,
      );
    }
  }
  if (!(y instanceof Int32Array)) {
    for (let i = 0; i < y.data.length; i++) {
      if (!Number.isFinite(y.data[i])) {
        throw new RangeError(
          `Cannot ${action} as y must hold finite numbers: y.data[${i}]=${formatValue(y.data[i])}`,
        );
      }
    }
    return { x, y };
  }
  let largest = -1;
  for (let i = 0; i < y.length; i++) if (y[i] > largest) largest = y[i];
  if (options.classes === undefined && largest < 0) {
    // Nothing to infer classes from: say so, not that a classes of 0 (never passed) is wrong.
    throw new RangeError(
      y.length === 0
        ? `Cannot ${action} as classes must be passed when y has no labels to infer it from (e.g. { classes: 2 }): y.length=0`
        : `Cannot ${action} as every label must be an integer >= 0: y[0]=${y[0]}`,
    );
  }
  const classes = options.classes ?? largest + 1;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= classes) {
      throw new RangeError(
        `Cannot ${action} as every label must be in 0..${classes - 1}: y[${i}]=${y[i]}`,
      );
    }
  }
  return { x, y, classes };
}
