/**
 * Private helpers shared by the data functions: argument checks, class sizes, allocation of the
 * points and of index arrays, checked draws of random indices, the Fisher–Yates shuffle of
 * indices and the joint shuffle of inputs and labels, Gaussian noise on the inputs, and the
 * refusal of a seed that shuffles nothing.
 *
 * @module
 */

import { allocate } from "../core/_allocate.ts";
import { drawNormal, drawUniform } from "../core/_draw.ts";
import type { Dataset } from "../core/dataset.ts";
import type { Prng, RandomOptions } from "../core/prng.ts";
import { formatValue, requireNumber } from "../core/validate.ts";

/** The largest index an `Int32Array` holds: 2^31 - 1. */
const MAX_INDEX = 0x7fffffff;

/**
 * `floor(u * bound)` for the next number u of `prng`, an index in `0 .. bound - 1` when the
 * generator keeps its promise of [0, 1); a RangeError naming `action` when it does not (a 1
 * would give `bound`, a NaN index 0 every time: a sample taken twice and another lost).
 */
export function drawIndex(action: string, prng: Prng, bound: number): number {
  return Math.floor(drawUniform(action, prng) * bound);
}

/**
 * The indices `0 .. n - 1` in a new `Int32Array`: in order, or, given `prng`, shuffled by
 * Fisher–Yates from the last place down (for i = n - 1 … 1, places i and `floor(u * (i + 1))`
 * swap, one draw u each, n - 1 draws in all). Refuses an `n` beyond 2^31 (an `Int32Array`
 * cannot hold such indices), says what could not be allocated, and refuses a `prng` outside
 * [0, 1) ({@linkcode drawIndex}), all naming `action`.
 *
 * @param action What was being attempted, e.g. `"create a permutation"`.
 * @param n The number of indices, an integer >= 0.
 * @param name What set `n` in messages, e.g. `"n"` or `"data.x.rows"`.
 * @param prng The generator to shuffle with; none for the indices in order.
 */
export function indexOrder(action: string, n: number, name: string, prng?: Prng): Int32Array {
  if (n > MAX_INDEX + 1) {
    throw new RangeError(
      `Cannot ${action} as ${name} must be at most ${
        MAX_INDEX + 1
      } (2^31: the indices are int32): ${name}=${n}`,
    );
  }
  const order = allocate(Int32Array, n, action, `: ${name}=${n}`);
  for (let i = 0; i < n; i++) order[i] = i;
  if (prng === undefined) return order;
  for (let i = n - 1; i > 0; i--) {
    const j = drawIndex(action, prng, i + 1);
    const value = order[i];
    order[i] = order[j];
    order[j] = value;
  }
  return order;
}

/**
 * New zeroed inputs (`n * cols`) and labels (`n`) of a generated point cloud, or a RangeError
 * saying what could not be allocated, followed by `cause` (default `: n=<n>`).
 */
export function allocatePoints(
  action: string,
  n: number,
  cols: number,
  cause = `: n=${n}`,
): { x: Float64Array; y: Int32Array } {
  return {
    x: allocate(Float64Array, n * cols, action, cause),
    y: allocate(Int32Array, n, action, cause),
  };
}

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
 * Reads an interval option such as `box` or `range` (default `fallback`): an array (or typed
 * array) of exactly two finite numbers `[low, high]` with low <= high and a finite width. A
 * TypeError when it is no array, a RangeError when it holds another count of numbers (a third
 * would be ignored) or its bounds are out of order or too far apart for float64; the messages
 * show the value given.
 */
export function readInterval(
  action: string,
  name: string,
  value: unknown,
  fallback: readonly [number, number],
): [low: number, high: number] {
  const interval = value ?? fallback;
  const shape = `${name} must be an interval [low, high], an array of two finite numbers`;
  if (!(Array.isArray(interval) || ArrayBuffer.isView(interval)) || interval instanceof DataView) {
    throw new TypeError(`Cannot ${action} as ${shape}: ${name}=${formatValue(interval)}`);
  }
  const bounds = interval as ArrayLike<unknown>;
  if (bounds.length !== 2) {
    throw new RangeError(`Cannot ${action} as ${shape}: ${name}=${formatValue(interval)}`);
  }
  const low = requireNumber(action, `${name}[0]`, bounds[0]);
  const high = requireNumber(action, `${name}[1]`, bounds[1]);
  if (!(low <= high) || !Number.isFinite(high - low)) {
    throw new RangeError(
      `Cannot ${action} as ${name} must be an interval [low, high] with low <= high and a finite width: ${name}=${
        formatValue([low, high])
      }`,
    );
  }
  return [low, high];
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
      const j = drawIndex(action, prng, i + 1);
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
    for (let i = 0; i < x.length; i++) x[i] += noise * drawNormal(action, prng);
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

/**
 * Refuses a `seed` or `prng` given with `shuffle: false`: they only shuffle the samples, so
 * they would go unused, and two seeds would give the same result without a word.
 */
export function refuseUnusedRandomness(action: string, options: RandomOptions): void {
  refuseGiven(
    action,
    options,
    "seed and prng shuffle the samples, and shuffle is false",
    "shuffle=false",
  );
}

/**
 * Refuses a `seed` or `prng` given to a generator of points that would draw nothing from it: one
 * without noise (`noise` 0) whose points are not shuffled (`shuffle: false`).
 */
export function refuseUnusedDraws(
  action: string,
  options: RandomOptions,
  noise: number,
  shuffle: boolean,
): void {
  if (shuffle || noise > 0) return;
  refuseGiven(
    action,
    options,
    "seed and prng draw the noise and shuffle the points, and noise is 0 and shuffle is false",
    "noise=0, shuffle=false",
  );
}

/** Throws a RangeError naming the `seed` or `prng` given, `why` they go unused, and `settings`. */
function refuseGiven(action: string, options: RandomOptions, why: string, settings: string): void {
  const given = (["seed", "prng"] as const).filter((key) => options[key] !== undefined);
  if (given.length === 0) return;
  throw new RangeError(
    `Cannot ${action} as ${why}: ${settings}, ${
      given.map((key) => `${key}=${formatValue(options[key])}`).join(", ")
    }`,
  );
}
