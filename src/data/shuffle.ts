/**
 * Seeded random permutations and shuffled copies of data sets.
 *
 * @module
 */

import { requireDataset } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { type RandomOptions, resolvePrng } from "../core/prng.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { subset } from "./subset.ts";

const RANDOM_KEYS: OptionKeys<RandomOptions> = { seed: "number", prng: true };

/**
 * Returns a uniformly random permutation of `0 .. n - 1` (Fisher–Yates).
 *
 * @param n The number of indices, an integer >= 0.
 * @param options Randomness: `{ prng }` or `{ seed }` (default seed 0).
 * @returns The permuted indices.
 *
 * @example
 * ```ts
 * import { permutation } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const p = permutation(5, { seed: 3 });
 * assert.deepEqual(Array.from(p).sort(), [0, 1, 2, 3, 4]);
 * assert.deepEqual(permutation(5, { seed: 3 }), p);
 * ```
 */
export function permutation(n: number, options: RandomOptions = {}): Int32Array {
  requireOptions("create a permutation", options, RANDOM_KEYS);
  requireNumber("create a permutation", "n", n, { integer: true, min: 0 });
  const prng = resolvePrng(options);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(prng() * (i + 1));
    const value = out[i];
    out[i] = out[j];
    out[j] = value;
  }
  return out;
}

/**
 * Returns a copy of a data set with its samples in random order (inputs and targets moved
 * together).
 *
 * @param data The data set (not changed).
 * @param options Randomness: `{ prng }` or `{ seed }` (default seed 0).
 * @returns The shuffled copy.
 *
 * @example
 * ```ts
 * import { dataset, fromRows, shuffle } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = dataset(fromRows([[0], [1], [2], [3]]), new Int32Array([0, 1, 2, 3]));
 * const mixed = shuffle(data, { seed: 1 });
 * assert.deepEqual(Array.from(mixed.x.data), Array.from(mixed.y as Int32Array));
 * assert.deepEqual(Array.from(mixed.y as Int32Array).sort(), [0, 1, 2, 3]);
 * ```
 */
export function shuffle<D extends Dataset>(data: D, options: RandomOptions = {}): D {
  requireOptions("shuffle a dataset", options, RANDOM_KEYS);
  requireDataset("shuffle a dataset", "data", data);
  return subset(data, permutation(data.x.rows, options));
}
