/**
 * Gradient norms and clipping by global norm.
 *
 * @module
 */

import { requireNumber } from "../core/validate.ts";
import type { Parameter } from "./layer.ts";

/**
 * The global L2 norm of the gradients of `params`: `sqrt(Σ g²)` over every value.
 *
 * @param params The parameters.
 * @returns The norm.
 *
 * @example
 * ```ts
 * import { gradNorm } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const p = { name: "w", value: new Float64Array(2), grad: new Float64Array([3, 4]), shape: [2], decay: true };
 * assert.equal(gradNorm([p]), 5);
 * ```
 */
export function gradNorm(params: readonly Parameter[]): number {
  let sum = 0;
  for (const p of params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  }
  return Math.sqrt(sum);
}

/**
 * Clips gradients by global norm: when their global norm exceeds `maxNorm`, every gradient is
 * scaled by `maxNorm / norm`, keeping its direction.
 *
 * @param params The parameters whose gradients to clip in place.
 * @param maxNorm The largest allowed global norm, a finite number > 0.
 * @returns The global norm before clipping.
 *
 * @example
 * ```ts
 * import { clipGradNorm } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const p = { name: "w", value: new Float64Array(2), grad: new Float64Array([3, 4]), shape: [2], decay: true };
 * assert.equal(clipGradNorm([p], 2.5), 5);
 * assert.deepEqual(Array.from(p.grad), [1.5, 2]);
 * ```
 */
export function clipGradNorm(params: readonly Parameter[], maxNorm: number): number {
  requireNumber("clip gradients", "maxNorm", maxNorm, { min: 0, minExclusive: true });
  const norm = gradNorm(params);
  if (norm > maxNorm) {
    const scale = maxNorm / norm;
    for (const p of params) {
      const g = p.grad;
      for (let i = 0; i < g.length; i++) g[i] *= scale;
    }
  }
  return norm;
}
