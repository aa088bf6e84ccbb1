/**
 * Runs of rows of a matrix, as the evaluation passes take them.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";

/**
 * Calls `fn` with each run of up to `rowsPerChunk` rows of `x` in order (a view sharing `x`'s
 * data) and the index of its first row.
 */
export function forEachChunk(
  x: Matrix,
  rowsPerChunk: number,
  fn: (chunk: Matrix, start: number) => void,
): void {
  const cols = x.cols;
  for (let start = 0; start < x.rows; start += rowsPerChunk) {
    const end = Math.min(x.rows, start + rowsPerChunk);
    fn({ rows: end - start, cols, data: x.data.subarray(start * cols, end * cols) }, start);
  }
}
