/**
 * Private: the sums of squares, norms and clipping behind `sumOfSquares`, `gradNorm` and
 * `clipGradNorm`, without their argument checks, for the training loop, which calls them every
 * step on parameters it took from the model itself (and checked `clipNorm` once, up front).
 *
 * @module
 */

import type { Parameter } from "./layer.ts";

/** `Σ v²` in the order `sumOfSquares` documents (four partial sums, then the tail). */
export function squares(values: Float64Array): number {
  const n = values.length, quadsEnd = n - (n % 4);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = 0; i < quadsEnd; i += 4) {
    const a = values[i], b = values[i + 1], c = values[i + 2], d = values[i + 3];
    s0 += a * a;
    s1 += b * b;
    s2 += c * c;
    s3 += d * d;
  }
  let sum = (s0 + s1) + (s2 + s3);
  for (let i = quadsEnd; i < n; i++) sum += values[i] * values[i];
  return sum;
}

/** The global L2 norm of the gradients of `params`, as `gradNorm` computes it. */
export function normOf(params: readonly Parameter[]): number {
  let sum = 0;
  for (const p of params) sum += squares(p.grad);
  return Math.sqrt(sum);
}

/** Scales the gradients to the global norm `maxNorm` when above it; returns the norm before. */
export function clipTo(params: readonly Parameter[], maxNorm: number): number {
  const norm = normOf(params);
  if (norm > maxNorm) {
    const scale = maxNorm / norm;
    for (const p of params) {
      const g = p.grad;
      for (let i = 0; i < g.length; i++) g[i] *= scale;
    }
  }
  return norm;
}
