/**
 * Selecting rows of a data set by index.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import {
  refuseTrailing,
  requireDataset,
  requireIndexArray,
  requireMatrix,
} from "../core/_require.ts";
import { formatValue } from "../core/validate.ts";

/**
 * Copies the rows of a matrix at `indices`, in that order.
 *
 * @param m The matrix.
 * @param indices Row indices, each an integer in `0 .. m.rows - 1` (repeats allowed).
 * @returns A new `indices.length × m.cols` matrix.
 *
 * @example
 * ```ts
 * import { fromRows, takeRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(takeRows(fromRows([[1, 2], [3, 4]]), [1, 1]).data), [3, 4, 3, 4]);
 * assert.throws(() => takeRows(fromRows([[1, 2]]), [1]), {
 *   name: "RangeError",
 *   message: "Cannot take rows as every index must be an integer in 0..0: indices[0]=1",
 * });
 * ```
 */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix;
export function takeRows(m: Matrix, indices: ArrayLike<number>, extra?: unknown): Matrix {
  refuseTrailing("take rows", "takeRows", "m and indices", "third", extra);
  return copyRows("take rows", m, indices);
}

/** {@linkcode takeRows}, its errors naming `action` (what the caller was attempting). */
function copyRows(action: string, m: Matrix, indices: ArrayLike<number>): Matrix {
  requireMatrix(action, "m", m);
  requireIndexArray(action, "indices", "row indices", indices);
  const cols = m.cols;
  const data = new Float64Array(indices.length * cols);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i];
    if (!Number.isInteger(row) || row < 0 || row >= m.rows) {
      // A number out of range is a wrong value, anything else (a string, say) a wrong type.
      throw new (typeof row === "number" ? RangeError : TypeError)(
        `Cannot ${action} as every index must be an integer in 0..${m.rows - 1}: indices[${i}]=${
          formatValue(row)
        }`,
      );
    }
    data.set(m.data.subarray(row * cols, (row + 1) * cols), i * cols);
  }
  return { rows: indices.length, cols, data };
}

/**
 * Copies the samples of a data set at `indices`, in that order: rows of `x` and the matching
 * targets. Every other field (such as `classes`) is kept.
 *
 * @param data The data set.
 * @param indices Sample indices, each an integer in `0 .. data.x.rows - 1` (repeats allowed).
 * @returns A new data set of `indices.length` samples.
 *
 * @example
 * ```ts
 * import { dataset, fromRows, subset } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = dataset(fromRows([[0], [10], [20]]), new Int32Array([0, 1, 2]));
 * const picked = subset(data, [2, 0]);
 * assert.deepEqual(Array.from(picked.x.data), [20, 0]);
 * assert.deepEqual(Array.from(picked.y as Int32Array), [2, 0]);
 * assert.equal(picked.classes, 3);
 * ```
 */
export function subset<D extends Dataset>(data: D, indices: ArrayLike<number>): D;
export function subset<D extends Dataset>(
  data: D,
  indices: ArrayLike<number>,
  extra?: unknown,
): D {
  const action = "take a subset of a dataset";
  refuseTrailing(action, "subset", "data and indices", "third", extra);
  requireDataset(action, "data", data);
  const x = copyRows(action, data.x, indices); // checks indices
  let y: Int32Array | Matrix;
  if (data.y instanceof Int32Array) {
    const labels = new Int32Array(indices.length);
    for (let i = 0; i < indices.length; i++) labels[i] = data.y[indices[i]];
    y = labels;
  } else {
    y = copyRows(action, data.y, indices);
  }
  return { ...data, x, y };
}
