/**
 * The one representation of a batch of vectors in relu-lab: a row-major `Float64Array` with
 * its shape. Rows are samples, columns are features. Conversions happen at the edges.
 *
 * @module
 */

import { allocate } from "./_allocate.ts";
import { refuseTrailing, requireMatrix } from "./_require.ts";
import { formatValue, requireNumber } from "./validate.ts";

/** A row-major matrix: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  /** Number of rows (samples). */
  readonly rows: number;
  /** Number of columns (features). */
  readonly cols: number;
  /** The `rows * cols` elements, row after row. */
  readonly data: Float64Array;
}

/**
 * Creates a matrix of zeros, or wraps `data` (not copied) after checking its length.
 *
 * @param rows Number of rows, an integer >= 0.
 * @param cols Number of columns, an integer >= 0.
 * @param data Optional elements, row-major, of length `rows * cols`.
 * @returns The matrix.
 *
 * @example
 * ```ts
 * import { matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const m = matrix(2, 3);
 * assert.equal(m.data.length, 6);
 * assert.throws(() => matrix(2, 2, new Float64Array(3)), RangeError);
 * ```
 */
export function matrix(rows: number, cols: number, data?: Float64Array): Matrix;
export function matrix(rows: number, cols: number, data?: Float64Array, extra?: unknown): Matrix {
  refuseTrailing("create a matrix", "matrix", "rows, cols and data", "fourth", extra);
  requireNumber("create a matrix", "rows", rows, { integer: true, min: 0 });
  requireNumber("create a matrix", "cols", cols, { integer: true, min: 0 });
  if (data === undefined) {
    return {
      rows,
      cols,
      data: allocate(Float64Array, rows * cols, `create a ${rows}x${cols} matrix`),
    };
  }
  if (!(data instanceof Float64Array)) {
    throw new TypeError(
      `Cannot create a matrix as data must be a Float64Array: data=${formatValue(data)}`,
    );
  }
  if (data.length !== rows * cols) {
    throw new RangeError(
      `Cannot create a ${rows}x${cols} matrix as data must have ${
        rows * cols
      } elements: data.length=${data.length}`,
    );
  }
  return { rows, cols, data };
}

/**
 * Builds a matrix from nested arrays (one inner array per row), checking they are rectangular.
 *
 * @param rows The rows.
 * @returns A new matrix holding a copy of the numbers.
 *
 * @example
 * ```ts
 * import { fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const m = fromRows([[1, 2], [3, 4]]);
 * assert.equal(m.data[2], 3);
 * assert.throws(() => fromRows([[1, 2], [3]]), RangeError);
 * ```
 */
export function fromRows(rows: ArrayLike<ArrayLike<number>>): Matrix;
export function fromRows(
  rows: ArrayLike<ArrayLike<number>>,
  extra?: unknown,
  array?: unknown,
): Matrix {
  const action = "build a matrix from rows";
  refuseTrailing(action, "fromRows", "rows alone", "second", extra, rows, array);
  if (!isArrayLike(rows)) {
    throw new TypeError(
      `Cannot ${action} as rows must be an array of rows (arrays of numbers): rows=${
        formatValue(rows)
      }`,
    );
  }
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    if (!isArrayLike(rows[i])) {
      throw new TypeError(
        `Cannot ${action} as every row must be an array of numbers (one inner array per row, e.g. fromRows([[1, 2]])): rows[${i}]=${
          formatValue(rows[i])
        }`,
      );
    }
  }
  const cols = n === 0 ? 0 : rows[0].length;
  const data = allocate(
    Float64Array,
    n * cols,
    action,
    `: rows.length=${n}, rows[0].length=${cols}`,
  );
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.length !== cols) {
      throw new RangeError(
        `Cannot ${action} as every row must have ${cols} elements: rows[${i}].length=${row.length}`,
      );
    }
    for (let j = 0; j < cols; j++) {
      const value = row[j];
      if (typeof value !== "number") {
        throw new TypeError(
          `Cannot ${action} as every element must be a number: rows[${i}][${j}]=${
            formatValue(value)
          }`,
        );
      }
      data[i * cols + j] = value;
    }
  }
  return { rows: n, cols, data };
}

/** Whether `value` is an array or array-like object (a typed array, `{ length }`), not a string. */
function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return true;
  return typeof value === "object" && value !== null &&
    Number.isInteger((value as { length?: unknown }).length) &&
    (value as { length: number }).length >= 0;
}

/**
 * Returns the rows of a matrix as plain arrays (for plotting and printing).
 *
 * @param m The matrix.
 * @returns One `number[]` per row.
 *
 * @example
 * ```ts
 * import { fromRows, toRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(toRows(fromRows([[1, 2], [3, 4]])), [[1, 2], [3, 4]]);
 * // A matrix whose data is shorter than rows * cols is refused, not cut into a short last row.
 * assert.throws(() => toRows({ rows: 2, cols: 2, data: new Float64Array(3) }), RangeError);
 * ```
 */
export function toRows(m: Matrix): number[][];
export function toRows(m: Matrix, extra?: unknown, array?: unknown): number[][] {
  refuseTrailing("convert a matrix to rows", "toRows", "m alone", "second", extra, m, array);
  requireMatrix("convert a matrix to rows", "m", m);
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  }
  return out;
}
