/**
 * Private: float32 ReLU forward in WebAssembly with 128-bit SIMD (`_wasm/relu32.wat`), four
 * elements per instruction, for long arrays.
 *
 * WebAssembly cannot read a JavaScript array in place: the inputs go into the module's memory a
 * chunk at a time (65,536 elements, 256 KiB, which stays in the CPU's cache between the copy in,
 * the kernel and the copy out), and the outputs come back out. Measured by
 * `bench/activations_bench.ts` (10^7 elements, same run): 0.57 to 0.68 of a copy's throughput in
 * six runs, where the JavaScript loop, one element per pass, took 0.29 to 0.49 depending on the
 * CPU's moment; on a second machine of the same kind (AVX-512) 0.39 to 0.53 with the chunk at
 * address 0, 0.475 to 0.540 in six runs with the chunks placed by {@linkcode chunkStart} (the
 * JavaScript loop 0.34 to 0.44). On short arrays, called over and over (in cache), it took 0.7
 * times the JavaScript loop's time at 256 elements and 0.3 times at 2,048; at 128 both took the
 * same, and below that the calls cost more than they save: hence
 * {@linkcode RELU32_WASM_MIN_LENGTH}.
 *
 * @module
 */

import { compileWasm, instantiateWasm } from "../core/_wasm.ts";
import { kernelLengthError } from "./_arrays.ts";
import { RELU32_WASM_BASE64 } from "./_wasm/relu32_wasm.ts";

/** Elements per pass through the module's memory (256 KiB of its 5 pages). */
const CHUNK = 65_536;

/** Where a chunk may start in the module's memory: byte addresses 0, 512, ..., 3584. */
const STARTS = 8, START_STEP = 512;

/** The shortest array the WebAssembly kernel takes; shorter ones run in JavaScript. */
export const RELU32_WASM_MIN_LENGTH = 256;

interface Relu32Module {
  /** A chunk of the module's memory from each start (`chunks[k]` from byte `k * START_STEP`). */
  chunks: Float32Array[];
  /** ReLU in place on n elements of memory from byte address `at`. */
  relu: (at: number, n: number) => void;
}

/** The instance, `null` where WebAssembly SIMD is missing, `undefined` before the first call. */
let instance: Relu32Module | null | undefined;

/** The module's instance, made on the first call; undefined where it cannot run. */
function relu32Module(): Relu32Module | undefined {
  if (instance === undefined) instance = instantiate() ?? null;
  return instance ?? undefined;
}

function instantiate(): Relu32Module | undefined {
  const compiled = compileWasm(RELU32_WASM_BASE64);
  const exports = compiled === undefined ? undefined : instantiateWasm(compiled)?.exports;
  if (exports === undefined || typeof exports.relu !== "function") return undefined;
  const memory = new Float32Array((exports.memory as WebAssembly.Memory).buffer);
  const chunks: Float32Array[] = [];
  for (let k = 0; k < STARTS; k++) {
    chunks.push(memory.subarray(k * START_STEP / 4, k * START_STEP / 4 + CHUNK));
  }
  return { chunks, relu: exports.relu as (at: number, n: number) => void };
}

/**
 * `out[i] = relu(x[i])` on float32 through the WebAssembly kernel, for `x` and `out` in
 * different buffers. Returns false (and writes nothing) where WebAssembly SIMD is missing.
 */
export function reluForward32Wasm(x: Float32Array, out: Float32Array): boolean {
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("reluForward32", "out", out.length, n);
  const module = relu32Module();
  if (module === undefined) return false;
  const k = chunkStart(x.byteOffset, out.byteOffset), at = k * START_STEP;
  const chunk = module.chunks[k];
  for (let start = 0; start < n; start += CHUNK) {
    const length = Math.min(CHUNK, n - start);
    chunk.set(x.subarray(start, start + length));
    module.relu(at, length);
    out.set(length === CHUNK ? chunk : chunk.subarray(0, length), start);
  }
  return true;
}

/**
 * Which start the chunks take (`k` of `k * START_STEP` bytes): the one farthest, modulo 4 KiB,
 * from the addresses of `x` and `out`. A copy whose source and destination lie a multiple of
 * 4 KiB apart makes the processor take each load for one that depends on an earlier store
 * ("4K aliasing"): the chunks' two copies alone ran at 0.56 to 0.58 of a copy's throughput with
 * the chunk at address 0 and page-aligned arrays, 0.62 to 0.69 with it 64 to 3,072 bytes off
 * (10^7 elements, same run, two runs). JavaScript does not see a buffer's address; large
 * buffers, the ones this kernel runs on, start at or a few bytes after a page boundary, so an
 * array's byte offset gives its address modulo 4 KiB to within those few bytes.
 */
export function chunkStart(xOffset: number, outOffset: number): number {
  let best = 0, bestGap = -1;
  for (let k = 0; k < STARTS; k++) {
    const gap = Math.min(gap4k(k * START_STEP - xOffset), gap4k(k * START_STEP - outOffset));
    if (gap > bestGap) {
      best = k;
      bestGap = gap;
    }
  }
  return best;
}

/** The distance of a byte difference from the nearest multiple of 4 KiB. */
function gap4k(difference: number): number {
  const d = ((difference % 4096) + 4096) % 4096;
  return Math.min(d, 4096 - d);
}
