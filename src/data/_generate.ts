/**
 * Private helpers shared by the point-cloud generators: argument checks, class sizes, the joint
 * shuffle of inputs and labels, and Gaussian noise on the inputs.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import { type Prng, randomNormal } from "../core/prng.ts";
import { requireNumber } from "../core/validate.ts";

/** Reads `options.n` (default `fallback`), an integer >= `min`. */
export function readCount(action: string, n: unknown, fallback: number, min = 1): number {
  if (n === undefined && fallback < min) {
    // Say that the default is what fails, not a value the caller never gave.
    throw new RangeError(
      `Cannot ${action} as n must be a finite integer >= ${min}, and its default, ${fallback}, is not: pass n >= ${min}`,
    );
  }
  return requireNumber(action, "n", n ?? fallback, { integer: true, min });
}

/** Reads `options.noise` (default 0), a finite number >= 0. */
export function readNoise(action: string, noise: unknown): number {
  return requireNumber(action, "noise", noise ?? 0, { min: 0 });
}

/**
 * Splits `n` samples into `k` groups as scikit-learn's `make_blobs` does: `floor(n / k)` each,
 * one more for the first `n % k` groups.
 */
export function groupSizes(n: number, k: number): number[] {
  const sizes: number[] = [];
  for (let j = 0; j < k; j++) sizes.push(Math.floor(n / k) + (j < n % k ? 1 : 0));
  return sizes;
}

/** `count` evenly spaced numbers from `start` to `stop`, like numpy's `linspace`. */
export function linspace(
  start: number,
  stop: number,
  count: number,
  endpoint = true,
): Float64Array {
  const out = new Float64Array(count);
  const steps = endpoint ? count - 1 : count;
  const step = steps > 0 ? (stop - start) / steps : 0;
  for (let i = 0; i < count; i++) out[i] = start + i * step;
  return out;
}

/**
 * Finishes a generated point cloud: shuffles rows of `x` (with `cols` columns) together with
 * their labels (Fisher–Yates) when `shuffle`, then adds N(0, noise²) to every input. Throws a
 * RangeError when a point is not finite (a noise, spread or centre too large for float64).
 */
export function finishPoints(
  action: string,
  x: Float64Array,
  cols: number,
  y: Int32Array,
  classes: number,
  prng: Prng,
  noise: number,
  shuffle: boolean,
): Dataset {
  const rows = y.length;
  if (shuffle) {
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(prng() * (i + 1));
      const label = y[i];
      y[i] = y[j];
      y[j] = label;
      for (let c = 0; c < cols; c++) {
        const value = x[i * cols + c];
        x[i * cols + c] = x[j * cols + c];
        x[j * cols + c] = value;
      }
    }
  }
  if (noise > 0) {
    for (let i = 0; i < x.length; i++) x[i] += noise * randomNormal(prng);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new RangeError(
        `Cannot ${action} as its points must be finite in float64 (a noise, spread or centre too large): x.data[${i}]=${
          x[i]
        }`,
      );
    }
  }
  return { x: { rows, cols, data: x }, y, classes };
}
