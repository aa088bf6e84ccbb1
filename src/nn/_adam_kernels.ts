/**
 * The loop of an Adam step, in two implementations with the same bits: TypeScript (the
 * readable statement of the formula, used where WebAssembly is not available) and the
 * WebAssembly function `adam` of `_wasm/dense.wat` (two values per SIMD instruction; about half
 * the time of the TypeScript loop, which waits on its divisions and square root). Each
 * operation is one IEEE operation in the same order in both (square root and division are
 * correctly rounded), so they agree bit for bit.
 *
 * Each kernel keeps the moments `m` and `v` of every parameter it has seen, keyed by the
 * parameter's value array; the WebAssembly one keeps them in its own memory, so that a step
 * copies only the values and gradients in and the values out.
 *
 * @module
 */

import { bytes, doublesOf, instantiateDenseModule, windows } from "./_gemm.ts";

/** The settings of one step, the same for every parameter. */
export interface AdamStepSettings {
  /** AdamW (decay applied to the values) rather than Adam (decay added to the gradient). */
  decoupled: boolean;
  beta1: number;
  beta2: number;
  epsilon: number;
  learningRate: number;
  /** `1 - beta1^t`. */
  correction1: number;
  /** `1 - beta2^t`. */
  correction2: number;
}

/** Updates values and moments in place. */
export interface AdamKernel {
  /** `"wasm"` or `"typescript"`. */
  readonly name: string;
  /**
   * One step for one parameter: `w` its values (updated), `g` its gradient, `decay` its weight
   * decay (0 for parameters not decayed).
   */
  update(w: Float64Array, g: Float64Array, decay: number, s: AdamStepSettings): void;
}

/** The kernel an optimizer uses: WebAssembly where available, else TypeScript (same bits). */
export function adamKernel(): AdamKernel {
  return wasmAdam() ?? typescriptAdam();
}

/** The step in a TypeScript loop, moments in Float64Arrays. */
export function typescriptAdam(): AdamKernel {
  const moments = new Map<Float64Array, { m: Float64Array; v: Float64Array }>();
  return {
    name: "typescript",
    update(w, g, decay, s) {
      const n = w.length;
      let state = moments.get(w);
      if (state === undefined) {
        state = { m: new Float64Array(n), v: new Float64Array(n) };
        moments.set(w, state);
      }
      const { m, v } = state;
      const { decoupled, beta1, beta2, epsilon, learningRate, correction1, correction2 } = s;
      for (let i = 0; i < n; i++) {
        let gi = g[i];
        if (decoupled) w[i] -= learningRate * decay * w[i];
        else gi += decay * w[i];
        const mi = beta1 * m[i] + (1 - beta1) * gi;
        const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        w[i] -= learningRate * (mi / correction1) / (Math.sqrt(vi / correction2) + epsilon);
      }
    },
  };
}

/** The exported function `adam` of `_wasm/dense.wat`. */
export type WasmAdam = (
  n: number,
  w: number,
  g: number,
  m: number,
  v: number,
  decoupled: number,
  decay: number,
  lrDecay: number,
  beta1: number,
  oneMinusBeta1: number,
  beta2: number,
  oneMinusBeta2: number,
  learningRate: number,
  correction1: number,
  correction2: number,
  epsilon: number,
) => void;

/**
 * The step in WebAssembly, in an instance of its own whose memory holds the moments (m then v
 * of each parameter, in the order first seen) and, after them, the values and gradient of the
 * parameter being updated. Undefined where WebAssembly SIMD is not available.
 */
export function wasmAdam(): AdamKernel | undefined {
  const instance = instantiateDenseModule();
  if (instance === undefined) return undefined;
  const step = instance.exports.adam as WasmAdam;
  const reserve = doublesOf(instance.exports.memory as WebAssembly.Memory);
  const window = windows();
  /** Byte offset of each parameter's m (its v follows). */
  const offsets = new Map<Float64Array, number>();
  let top = 0;

  return {
    name: "wasm",
    update(w, g, decay, s) {
      const n = w.length, size = bytes(n);
      let m = offsets.get(w);
      if (m === undefined) {
        m = top;
        top += 2 * size;
        reserve(top).fill(0, m / 8, top / 8); // fresh moments are zero
        offsets.set(w, m);
      }
      const W = top, G = W + size;
      const f = reserve(G + size);
      f.set(w, W / 8);
      f.set(g, G / 8);
      runWasmAdam(step, n, W, G, m, m + size, decay, s);
      w.set(window(f, W / 8, n));
    },
  };
}

/**
 * Calls the module's `adam` on `n` values at byte offsets `w`, `g` and moments `m`, `v`, with the
 * settings of one step (`decay` for these values): the one place its arguments are formed.
 */
export function runWasmAdam(
  step: WasmAdam,
  n: number,
  w: number,
  g: number,
  m: number,
  v: number,
  decay: number,
  s: AdamStepSettings,
): void {
  step(
    n,
    w,
    g,
    m,
    v,
    s.decoupled ? 1 : 0,
    decay,
    s.learningRate * decay,
    s.beta1,
    1 - s.beta1,
    s.beta2,
    1 - s.beta2,
    s.learningRate,
    s.correction1,
    s.correction2,
    s.epsilon,
  );
}
