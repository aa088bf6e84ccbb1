/**
 * Test helpers for the nn tests: seeded random matrices and finite-difference gradients of a
 * layer, so each layer's backward pass can be checked against its forward pass.
 *
 * @module
 */

import { createPrng, type Layer, type Matrix, randomNormal } from "../../src/mod.ts";

/** A `rows x cols` matrix of N(0, 1) samples, optionally pushed at least `margin` away from 0. */
export function randomMatrix(rows: number, cols: number, seed: number, margin = 0): Matrix {
  const prng = createPrng(seed);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) {
    const v = randomNormal(prng);
    data[i] = v >= 0 ? v + margin : v - margin;
  }
  return { rows, cols, data };
}

/** `|a - n| / max(|a|, |n|, 1e-8)`. */
export function relativeError(a: number, n: number): number {
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), 1e-8);
}

/** The largest relative errors of a layer's backward pass against central differences. */
export interface LayerGradientErrors {
  /** Largest relative error of dL/dx. */
  input: number;
  /** Largest relative error per parameter name. */
  params: Record<string, number>;
}

/**
 * Checks a layer's backward pass against central differences of `L = Σ G ⊙ layer(x)` for a
 * fixed random upstream gradient G, perturbing every input and parameter entry by ±h.
 */
export function layerGradientErrors(
  layer: Layer,
  x: Matrix,
  options: { seed?: number; h?: number } = {},
): LayerGradientErrors {
  const h = options.h ?? 1e-5;
  const probe = layer.forward(x);
  const upstream = randomMatrix(probe.rows, probe.cols, options.seed ?? 99);
  const lossAt = () => {
    const y = layer.forward(x).data;
    let sum = 0;
    for (let i = 0; i < y.length; i++) sum += upstream.data[i] * y[i];
    return sum;
  };
  for (const p of layer.params()) p.grad.fill(0);
  layer.forward(x);
  const gradIn = layer.backward(upstream).data.slice();
  const numeric = (values: Float64Array, i: number) => {
    const original = values[i];
    values[i] = original + h;
    const plus = lossAt();
    values[i] = original - h;
    const minus = lossAt();
    values[i] = original;
    return (plus - minus) / (2 * h);
  };
  let input = 0;
  for (let i = 0; i < x.data.length; i++) {
    input = Math.max(input, relativeError(gradIn[i], numeric(x.data, i)));
  }
  const params: Record<string, number> = {};
  for (const p of layer.params()) {
    let worst = 0;
    for (let i = 0; i < p.value.length; i++) {
      worst = Math.max(worst, relativeError(p.grad[i], numeric(p.value, i)));
    }
    params[p.name] = worst;
  }
  return { input, params };
}
