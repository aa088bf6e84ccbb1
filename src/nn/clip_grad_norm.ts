/**
 * Gradient norms and clipping by global norm.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { formatValue, requireNumber } from "../core/validate.ts";
import { clipTo, normOf, squares } from "./_grad_norm.ts";
import type { Parameter } from "./layer.ts";

/**
 * The sum of the squares of `values`, in the order {@linkcode gradNorm} and the training step's
 * WebAssembly kernel both use: four partial sums `s0..s3` (`s_k` over the values whose index is
 * `k` mod 4, in order, of the first `n - n % 4`), then `(s0 + s1) + (s2 + s3)`, then the last
 * `n % 4` squares one at a time. Four chains of additions rather than one: a single chain waits
 * on each addition in turn.
 *
 * @param values The values.
 * @returns `Σ v²`, +0 for no values.
 *
 * @example
 * ```ts
 * import { sumOfSquares } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sumOfSquares(new Float64Array([1, 2, 3, 4, 5])), 55);
 * assert.equal(sumOfSquares(new Float64Array(0)), 0);
 * ```
 */
export function sumOfSquares(values: Float64Array): number;
export function sumOfSquares(values: Float64Array, extra?: unknown, array?: unknown): number {
  refuseTrailing("sum squares", "sumOfSquares", "values alone", "second", extra, values, array);
  if (!(values instanceof Float64Array)) {
    throw new TypeError(
      `Cannot sum squares as values must be a Float64Array: values=${formatValue(values)}`,
    );
  }
  return squares(values);
}

/**
 * The global L2 norm of the gradients of `params`: `sqrt(Σ g²)` over every value, each
 * parameter's squares summed by {@linkcode sumOfSquares} and those sums added in order.
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
export function gradNorm(params: readonly Parameter[]): number;
export function gradNorm(params: readonly Parameter[], extra?: unknown, array?: unknown): number {
  refuseTrailing(
    "compute a gradient norm",
    "gradNorm",
    "params alone",
    "second",
    extra,
    params,
    array,
  );
  requireGradients("compute a gradient norm", params);
  return normOf(params);
}

/**
 * Clips gradients by global norm: when their global norm exceeds `maxNorm`, every gradient is
 * scaled by `maxNorm / norm`, keeping its direction. Unlike PyTorch's `clip_grad_norm_`, which
 * scales by `maxNorm / (norm + 1e-6)`, no ε is added, so the clipped norm is `maxNorm` to
 * rounding. A NaN gradient makes the norm NaN, which is returned and clips nothing (PyTorch
 * would turn every gradient into NaN); an infinite norm scales every gradient by 0 (an infinite
 * one becomes NaN), as PyTorch's does.
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
 * const q = { ...p, grad: new Float64Array([NaN, 4]) };
 * assert.ok(Number.isNaN(clipGradNorm([q], 2.5)));
 * assert.equal(q.grad[1], 4);
 * ```
 */
export function clipGradNorm(params: readonly Parameter[], maxNorm: number): number;
export function clipGradNorm(
  params: readonly Parameter[],
  maxNorm: number,
  extra?: unknown,
): number {
  refuseTrailing("clip gradients", "clipGradNorm", "params and maxNorm", "third", extra);
  requireGradients("clip gradients", params);
  requireNumber("clip gradients", "maxNorm", maxNorm, { min: 0, minExclusive: true });
  return clipTo(params, maxNorm);
}

/**
 * Throws a TypeError unless `params` is an array of parameters whose `grad` is a Float64Array
 * (what `model.params()` gives), naming the first that is not.
 */
function requireGradients(action: string, params: unknown): asserts params is Parameter[] {
  if (!Array.isArray(params)) {
    throw new TypeError(
      `Cannot ${action} as params must be an array of parameters { name, value, grad, ... } (model.params() gives them): params=${
        formatValue(params)
      }`,
    );
  }
  for (let i = 0; i < params.length; i++) {
    const grad = (params[i] as Partial<Parameter> | null)?.grad;
    if (!(grad instanceof Float64Array)) {
      throw new TypeError(
        `Cannot ${action} as params[${i}].grad must be a Float64Array: params[${i}]=${
          formatValue(params[i])
        }`,
      );
    }
  }
}
