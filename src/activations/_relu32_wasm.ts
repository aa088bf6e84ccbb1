/**
 * Private: float32 ReLU forward in WebAssembly with 128-bit SIMD (`_wasm/relu32.wat`), four
 * elements per instruction, for long arrays.
 *
 * WebAssembly cannot read a JavaScript array in place: the inputs go into the module's memory a
 * chunk at a time (65,536 elements, 256 KiB, which stays in the CPU's cache between the copy in,
 * the kernel and the copy out), and the outputs come back out. Measured by
 * `bench/activations_bench.ts` (10^7 elements, same run): 0.57 to 0.68 of a copy's throughput in
 * six runs, where the JavaScript loop, one element per pass, took 0.29 to 0.49 depending on the
 * CPU's moment; on a second machine of the same kind (AVX-512, faster large copies) 0.42 to 0.53,
 * the JavaScript loop 0.34 to 0.44. On short arrays, called over and over (in cache), it took 0.7 times the JavaScript
 * loop's time at 256 elements and 0.3 times at 2,048; at 128 both took the same, and below that the
 * calls cost more than they save: hence {@linkcode RELU32_WASM_MIN_LENGTH}.
 *
 * @module
 */

import { compileWasm } from "../core/_wasm.ts";
import { kernelLengthError } from "./_arrays.ts";
import { RELU32_WASM_BASE64 } from "./_wasm/relu32_wasm.ts";

/** Elements per pass through the module's memory (its 4 pages). */
const CHUNK = 65_536;

/** The shortest array the WebAssembly kernel takes; shorter ones run in JavaScript. */
export const RELU32_WASM_MIN_LENGTH = 256;

interface Relu32Module {
  /** The module's memory as float32: the chunk is its first elements. */
  memory: Float32Array;
  /** ReLU on the first n elements of memory, in place. */
  relu: (n: number) => void;
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
  if (compiled === undefined) return undefined;
  try {
    const { exports } = new WebAssembly.Instance(compiled);
    if (!(exports.memory instanceof WebAssembly.Memory) || typeof exports.relu !== "function") {
      return undefined;
    }
    return {
      memory: new Float32Array(exports.memory.buffer, 0, CHUNK),
      relu: exports.relu as (n: number) => void,
    };
  } catch {
    return undefined;
  }
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
  const { memory, relu } = module;
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(start + CHUNK, n);
    memory.set(x.subarray(start, end));
    relu(end - start);
    out.set(end - start === CHUNK ? memory : memory.subarray(0, end - start), start);
  }
  return true;
}
