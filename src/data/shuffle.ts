/**
 * Seeded random permutations and shuffled copies of data sets.
 *
 * @module
 */

import { refuseTrailing, requireDataset } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { indexOrder } from "./_generate.ts";
import { subset } from "./subset.ts";

const RANDOM_KEYS: OptionKeys<RandomOptions> = { seed: "number", prng: true };

/**
 * Returns a uniformly random permutation of `0 .. n - 1` (Fisher–Yates from the last place
 * down: for i = n - 1 … 1, places i and `floor(u * (i + 1))` swap, one draw u each).
 *
 * @param n The number of indices, an integer from 0 to 2^31 (the indices are int32).
 * @param options Randomness: `{ prng }` or `{ seed }` (default seed 0). A generator that
 *   returns a number outside [0, 1) gets a RangeError, not a permutation with repeats.
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
 * assert.throws(() => permutation(5, { prng: () => 1 }), {
 *   name: "RangeError",
 *   message: "Cannot create a permutation as prng must return numbers in [0, 1): drew 1",
 * });
 * ```
 */
export function permutation(n: number, options?: RandomOptions): Int32Array;
export function permutation(
  n: number,
  options: RandomOptions = {},
  extra?: unknown,
): Int32Array {
  const action = "create a permutation";
  refuseTrailing(action, "permutation", "n and options", "third", extra);
  requireOptions(action, options, RANDOM_KEYS);
  requireNumber(action, "n", n, { integer: true, min: 0 });
  return indexOrder(action, n, "n", prngOf(options, action));
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
export function shuffle<D extends Dataset>(data: D, options?: RandomOptions): D;
export function shuffle<D extends Dataset>(
  data: D,
  options: RandomOptions = {},
  extra?: unknown,
): D {
  const action = "shuffle a dataset";
  refuseTrailing(action, "shuffle", "data and options", "third", extra);
  requireOptions(action, options, RANDOM_KEYS);
  requireDataset(action, "data", data);
  return subset(data, indexOrder(action, data.x.rows, "data.x.rows", prngOf(options, action)));
}
