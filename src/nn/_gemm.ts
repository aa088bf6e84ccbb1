/**
 * The matrix products of a dense layer, `y = x W + b` forward and `gW += xᵀ g`, `gx = g Wᵀ`
 * backward, all built on one product that skips zero entries:
 *
 *     out[r, :] = init[r, :] + Σ over t with A[r, t] ≠ 0 of A[r, t] · B[t, :]
 *
 * added one product at a time in increasing t, as the plain loop `acc += a * b` does. Two
 * implementations give the same bits: the WebAssembly kernels of `_wasm/dense.wat` (128-bit
 * SIMD, two columns per instruction; about 2.5 times the speed of the loops here), used where
 * the engine runs WebAssembly SIMD, and the TypeScript loops below, used elsewhere and as the
 * readable statement of what the kernels compute.
 *
 * The WebAssembly kernels work in their own memory: each call copies its operands in and its
 * results out (a few percent of the time), in blocks of rows so that the memory stays small
 * (the weight gradient sums the blocks in row order, so blocking changes no bit). The training
 * loop of a ReLU or Leaky ReLU network skips these copies: `_wasm_training.ts` keeps the whole
 * step in one memory and calls the same kernels there.
 *
 * @module
 */

import { compileWasm, instantiateWasm } from "../core/_wasm.ts";
import { DENSE_WASM_BASE64 } from "./_wasm/dense_wasm.ts";

/** The products one dense layer needs. */
export interface DenseKernels {
  /** `"wasm"` or `"typescript"`. */
  readonly name: string;
  /**
   * `y = x W + b`: `x` is `rows x nIn`, `w` is `nIn x nOut`, `y` is `rows x nOut`. Each
   * `y[i, j]` is `b[j]` plus the products `x[i, k] w[k, j]` of the non-zero `x[i, k]`, in
   * increasing k.
   */
  forward(
    x: Float64Array,
    rows: number,
    nIn: number,
    nOut: number,
    w: Float64Array,
    b: Float64Array,
    y: Float64Array,
  ): void;
  /**
   * `gw += xᵀ g` (each `gw[k, j]` plus the products `x[i, k] g[i, j]` of the non-zero
   * `x[i, k]`, in increasing i), `gb += Σ_i g[i, :]` (in increasing i) and, when `gx` is
   * given, `gx = g Wᵀ` (each `gx[i, k]` is 0 plus the products `g[i, j] w[k, j]` of the
   * non-zero `g[i, j]`, in increasing j).
   */
  backward(
    x: Float64Array,
    g: Float64Array,
    rows: number,
    nIn: number,
    nOut: number,
    w: Float64Array,
    gw: Float64Array,
    gb: Float64Array,
    gx: Float64Array | undefined,
  ): void;
}

/**
 * The kernels {@linkcode Dense} uses: WebAssembly where the engine can compile the SIMD module,
 * else TypeScript (same results).
 */
export function denseKernels(): DenseKernels {
  chosen ??= wasmKernels() ?? typescriptKernels;
  return chosen;
}

let chosen: DenseKernels | undefined;

// ---------------------------------------------------------------------------------------------
// TypeScript

/**
 * The product in plain loops: `out[outAt + r * cols + j] = init[initAt + r * initStride + j] +
 * Σ a[aAt + r * aRow + t * aCol] · b[t * bRow + j * bCol]` over non-zero a, t increasing.
 * `nonZero` has room for `inner` indices. `out` may be `init` (same offsets).
 */
function axpyRows(
  rows: number,
  inner: number,
  cols: number,
  a: Float64Array,
  aAt: number,
  aRow: number,
  aCol: number,
  b: Float64Array,
  bRow: number,
  bCol: number,
  init: Float64Array,
  initAt: number,
  initStride: number,
  out: Float64Array,
  outAt: number,
  nonZero: Int32Array,
): void {
  for (let r = 0; r < rows; r++) {
    const aStart = aAt + r * aRow;
    // The non-zero entries of row r of A, without a branch (as the kernel gathers them).
    let m = 0;
    for (let t = 0; t < inner; t++) {
      nonZero[m] = t;
      m += +(a[aStart + t * aCol] !== 0);
    }
    const o = outAt + r * cols, s = initAt + r * initStride;
    for (let j = 0; j < cols; j++) out[o + j] = init[s + j];
    for (let u = 0; u < m; u++) {
      const t = nonZero[u], v = a[aStart + t * aCol], bStart = t * bRow;
      for (let j = 0; j < cols; j++) out[o + j] += v * b[bStart + j * bCol];
    }
  }
}

/** A zero row per width, the `init` of the input gradient. */
const zeroRows = new Map<number, Float64Array>();
function zeroRow(n: number): Float64Array {
  let row = zeroRows.get(n);
  if (row === undefined) {
    row = new Float64Array(n);
    zeroRows.set(n, row);
  }
  return row;
}

/** A row of ones, at least `n` long, reused: the `A` of the bias gradient. */
let ones = new Float64Array(64).fill(1);
function onesRow(n: number): Float64Array {
  if (ones.length < n) ones = new Float64Array(n).fill(1);
  return ones;
}

/** Index scratch of at least `n` entries, reused. */
let indexScratch = new Int32Array(64);
function nonZeroScratch(n: number): Int32Array {
  if (indexScratch.length < n) indexScratch = new Int32Array(n);
  return indexScratch;
}

/** The products in TypeScript loops. */
export const typescriptKernels: DenseKernels = {
  name: "typescript",
  forward(x, rows, nIn, nOut, w, b, y) {
    axpyRows(rows, nIn, nOut, x, 0, nIn, 1, w, nOut, 1, b, 0, 0, y, 0, nonZeroScratch(nIn));
  },
  backward(x, g, rows, nIn, nOut, w, gw, gb, gx) {
    // gw[k, :] += Σ_i x[i, k] g[i, :]: A is xᵀ (row k of A is column k of x).
    const scratch = nonZeroScratch(Math.max(rows, nOut));
    axpyRows(nIn, rows, nOut, x, 0, 1, nIn, g, nOut, 1, gw, 0, nOut, gw, 0, scratch);
    // gb += Σ_i 1 · g[i, :]: A is one row of ones.
    axpyRows(1, rows, nOut, onesRow(rows), 0, 0, 1, g, nOut, 1, gb, 0, 0, gb, 0, scratch);
    if (gx === undefined) return;
    // gx[i, :] = Σ_j g[i, j] W[:, j]: B is Wᵀ (row j of B is column j of W).
    axpyRows(rows, nOut, nIn, g, 0, nOut, 1, w, 1, nOut, zeroRow(nIn), 0, 0, gx, 0, scratch);
  },
};

// ---------------------------------------------------------------------------------------------
// WebAssembly

/** The exports of `_wasm/dense.wat` (byte offsets into `memory`). */
export interface DenseWasmExports {
  memory: WebAssembly.Memory;
  axpyRows(
    rows: number,
    inner: number,
    cols: number,
    a: number,
    aRowStride: number,
    aColStride: number,
    b: number,
    init: number,
    initStride: number,
    out: number,
    scratch: number,
    relu: number,
  ): void;
  transpose(rows: number, cols: number, src: number, dst: number): void;
}

/** Rows per kernel call: x, y (or g, gx) blocks of about 1 MiB together. */
const BLOCK_DOUBLES = 1 << 17;

/** Byte size of `doubles` f64 values, rounded up to 16 (every region starts 16-aligned). */
export function bytes(doubles: number): number {
  return Math.ceil(doubles / 2) * 16;
}

/**
 * A view of a WebAssembly memory as doubles: `reserve(size)` grows the memory to at least `size`
 * bytes and returns the view, made anew only when growing replaced the buffer.
 */
export function doublesOf(memory: WebAssembly.Memory): (size: number) => Float64Array {
  let heap = new Float64Array(memory.buffer);
  return (size) => {
    if (memory.buffer.byteLength < size) {
      memory.grow(Math.ceil((size - memory.buffer.byteLength) / 65536));
    }
    if (heap.buffer !== memory.buffer) heap = new Float64Array(memory.buffer);
    return heap;
  };
}

/**
 * Views of a memory's doubles by start and length, each made once and then reused while the
 * memory's buffer stays the same (`window(heap, at, length)` is `heap.subarray(at, at + length)`).
 * `subarray` allocates a typed array at every call, about 0.4 us each inside the training loop
 * (18 calls a step for a two-layer network and Adam: 2.7% of a digits fit's profile).
 */
export function windows(): (heap: Float64Array, at: number, length: number) => Float64Array {
  let owner: Float64Array | undefined;
  const views = new Map<number, Float64Array>();
  return (heap, at, length) => {
    if (at >= KEY_LIMIT || length >= KEY_LIMIT) return heap.subarray(at, at + length);
    if (heap !== owner || views.size > 64) {
      views.clear();
      owner = heap;
    }
    const key = at * KEY_LIMIT + length;
    let view = views.get(key);
    if (view === undefined) {
      view = heap.subarray(at, at + length);
      views.set(key, view);
    }
    return view;
  };
}

/** Starts and lengths below 2^26 doubles make exact keys (below 2^52). */
const KEY_LIMIT = 2 ** 26;

/** `x`, or its rows `start .. start + n` of `cols` values where `x` holds more. */
function rowsOf(x: Float64Array, start: number, n: number, cols: number): Float64Array {
  return start === 0 && x.length === n * cols ? x : x.subarray(start * cols, (start + n) * cols);
}

/**
 * The WebAssembly kernels, or undefined where WebAssembly or its SIMD instructions are not
 * available (or compiling is not allowed).
 */
export function wasmKernels(): DenseKernels | undefined {
  const exports = instantiate();
  if (exports === undefined) return undefined;
  /** The memory as doubles, grown to at least `size` bytes. */
  const reserve = doublesOf(exports.memory);
  const window = windows();

  return {
    name: "wasm",
    forward(x, rows, nIn, nOut, w, b, y) {
      const block = Math.max(1, Math.min(rows, Math.floor(BLOCK_DOUBLES / (nIn + nOut))));
      const W = 0, B = W + bytes(nIn * nOut), X = B + bytes(nOut);
      const Y = X + bytes(block * nIn), S = Y + bytes(block * nOut);
      const f = reserve(S + 16 * nIn);
      f.set(w, W / 8);
      f.set(b, B / 8);
      for (let start = 0; start < rows; start += block) {
        const n = Math.min(block, rows - start);
        f.set(rowsOf(x, start, n, nIn), X / 8);
        exports.axpyRows(n, nIn, nOut, X, nIn * 8, 8, W, B, 0, Y, S, 0);
        y.set(window(f, Y / 8, n * nOut), start * nOut);
      }
    },
    backward(x, g, rows, nIn, nOut, w, gw, gb, gx) {
      const block = Math.max(1, Math.min(rows, Math.floor(BLOCK_DOUBLES / (2 * nIn + nOut))));
      const GW = 0, GB = GW + bytes(nIn * nOut), ONES = GB + bytes(nOut);
      const W = ONES + bytes(block), WT = W + bytes(nIn * nOut);
      const ZERO = WT + bytes(nIn * nOut), X = ZERO + bytes(nIn);
      const G = X + bytes(block * nIn), GX = G + bytes(block * nOut);
      const S = GX + bytes(block * nIn);
      const f = reserve(S + 32 * Math.max(block, nOut));
      f.set(gw, GW / 8);
      f.set(gb, GB / 8);
      f.fill(1, ONES / 8, ONES / 8 + block);
      if (gx !== undefined) {
        f.set(w, W / 8);
        exports.transpose(nIn, nOut, W, WT);
        f.fill(0, ZERO / 8, ZERO / 8 + nIn);
      }
      for (let start = 0; start < rows; start += block) {
        const n = Math.min(block, rows - start);
        f.set(rowsOf(x, start, n, nIn), X / 8);
        f.set(rowsOf(g, start, n, nOut), G / 8);
        // gw[k, :] += Σ_i x[i, k] g[i, :]: row k of A is column k of the x block (gathered
        // two columns at a time, one 16-byte load per row of x; scratch for two lists).
        exports.axpyRows(nIn, n, nOut, X, 8, nIn * 8, G, GW, nOut * 8, GW, S, 0);
        exports.axpyRows(1, n, nOut, ONES, 0, 8, G, GB, 0, GB, S, 0);
        if (gx !== undefined) {
          exports.axpyRows(n, nOut, nIn, G, nOut * 8, 8, WT, ZERO, 0, GX, S, 0);
          gx.set(window(f, GX / 8, n * nIn), start * nIn);
        }
      }
      gb.set(window(f, GB / 8, nOut));
      gw.set(window(f, GW / 8, nIn * nOut));
    },
  };
}

/**
 * A new instance of the module (with a memory of its own), or undefined where WebAssembly, its
 * SIMD instructions or compiling are not available. The module is compiled once.
 */
export function instantiateDenseModule(): WebAssembly.Instance | undefined {
  if (compiled === undefined) compiled = compileWasm(DENSE_WASM_BASE64) ?? null;
  return compiled === null ? undefined : instantiateWasm(compiled);
}

let compiled: WebAssembly.Module | null | undefined;

/** The products' exports of an instance, or undefined where there is none. */
function instantiate(): DenseWasmExports | undefined {
  const instance = instantiateDenseModule();
  if (instance === undefined) return undefined;
  const { memory, axpyRows, transpose } = instance.exports;
  return {
    memory: memory as WebAssembly.Memory,
    axpyRows: axpyRows as DenseWasmExports["axpyRows"],
    transpose: transpose as DenseWasmExports["transpose"],
  };
}
