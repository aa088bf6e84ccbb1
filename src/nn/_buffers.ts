/**
 * Output buffers reused per shape: a layer asks for a `rows x cols` matrix and gets the same
 * one back every time that shape comes again, so training allocates nothing per step.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";

/** How many shapes a cache keeps: a training batch, the last short batch, evaluation chunks. */
const CAPACITY = 4;

/** A small most-recently-used cache of matrices keyed by their number of rows. */
export class MatrixCache {
  #cols: number;
  #entries: Matrix[] = [];

  constructor(cols: number) {
    this.#cols = cols;
  }

  /** Returns a `rows x cols` matrix (contents unspecified), reusing an earlier one. */
  get(rows: number): Matrix {
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i++) {
      if (entries[i].rows === rows) return entries[i];
    }
    const m: Matrix = { rows, cols: this.#cols, data: new Float64Array(rows * this.#cols) };
    if (entries.length === CAPACITY) entries.shift();
    entries.push(m);
    return m;
  }
}
