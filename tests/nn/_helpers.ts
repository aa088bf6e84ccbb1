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

/** `|a - n| / max(|a|, |n|, floor)`: relative, but never against less than `floor`. */
export function relativeError(a: number, n: number, floor = 1e-8): number {
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), floor);
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
 *
 * A central difference carries the rounding of L itself, a few ulps of the size of its terms
 * (S = Σ |G ⊙ layer(x)|) divided by 2h: with h = 1e-5, about 1e-11 S. Measured relative to a
 * gradient entry that nearly cancels (-4.2e-5 for one weight of a 3-5 Dense layer, seed 967),
 * that noise alone came to 1.2e-6, over the tests' 1e-6. So each entry's error is relative to at
 * least 1e-4 S (rounding then counts about 1e-7); a wrong gradient is off by far more.
 */
export function layerGradientErrors(
  layer: Layer,
  x: Matrix,
  options: { seed?: number; h?: number } = {},
): LayerGradientErrors {
  const h = options.h ?? 1e-5;
  const probe = layer.forward(x);
  const upstream = randomMatrix(probe.rows, probe.cols, options.seed ?? 99);
  let size = 0; // S, the size of the loss's terms
  for (let i = 0; i < probe.data.length; i++) size += Math.abs(upstream.data[i] * probe.data[i]);
  const floor = Math.max(1e-8, 1e-4 * size);
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
    input = Math.max(input, relativeError(gradIn[i], numeric(x.data, i), floor));
  }
  const params: Record<string, number> = {};
  for (const p of layer.params()) {
    let worst = 0;
    for (let i = 0; i < p.value.length; i++) {
      worst = Math.max(worst, relativeError(p.grad[i], numeric(p.value, i), floor));
    }
    params[p.name] = worst;
  }
  return { input, params };
}
