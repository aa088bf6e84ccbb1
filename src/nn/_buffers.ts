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

/**
 * `m` itself, or a copy of it when its data shares memory with `buffer`'s: a layer given back a
 * buffer it owns (`layer.forward(layer.forward(x))`) would overwrite what it still has to read.
 */
export function apartFrom(m: Matrix, buffer: Matrix): Matrix {
  const a = m.data, b = buffer.data;
  const shared = a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength &&
    b.byteOffset < a.byteOffset + a.byteLength;
  return shared ? { rows: m.rows, cols: m.cols, data: a.slice() } : m;
}
