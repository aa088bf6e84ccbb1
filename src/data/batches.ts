/**
 * Mini-batches of a data set, for hand-written training loops.
 *
 * @module
 */

import { refuseTrailing, requireDataset, requireFlag } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { indexOrder, refuseUnusedRandomness } from "./_generate.ts";
import { subset } from "./subset.ts";

/** Options of {@linkcode batches}. */
export interface BatchesOptions extends RandomOptions {
  /**
   * Shuffle the samples before cutting them into batches; without, a `seed` or `prng`, which
   * would go unused, is refused. Default: true.
   */
  shuffle?: boolean;
}

const BATCHES_KEYS: OptionKeys<BatchesOptions> = { prng: true, seed: "number", shuffle: true };

/**
 * Cuts a data set into consecutive mini-batches of `batchSize` samples (the last one may be
 * smaller), in a random order unless `shuffle: false` (which keeps the data's order, and refuses a
 * `seed` or `prng`, as it would go unused). Each batch is a copy.
 *
 * @param data The data set (not changed).
 * @param batchSize Samples per batch, an integer >= 1.
 * @param options Shuffling and randomness (`{ prng }` or `{ seed }`, default seed 0).
 * @returns The batches, in order.
 *
 * @example
 * ```ts
 * import { batches, twoMoons } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const sizes = batches(twoMoons({ n: 10 }), 4, { seed: 1 }).map((batch) => batch.x.rows);
 * assert.deepEqual(sizes, [4, 4, 2]);
 *
 * // Without shuffling there is nothing for a seed to do: it is refused, not ignored.
 * assert.throws(() => batches(twoMoons({ n: 10 }), 4, { shuffle: false, seed: 1 }), RangeError);
 * ```
 */
export function batches<D extends Dataset>(
  data: D,
  batchSize: number,
  options?: BatchesOptions,
): D[];
export function batches<D extends Dataset>(
  data: D,
  batchSize: number,
  options: BatchesOptions = {},
  extra?: unknown,
): D[] {
  const action = "make batches";
  refuseTrailing(action, "batches", "data, batchSize and options", "fourth", extra);
  requireOptions(action, options, BATCHES_KEYS);
  requireDataset(action, "data", data);
  requireNumber(action, "batchSize", batchSize, { integer: true, min: 1 });
  const n = data.x.rows;
  const shuffle = requireFlag(action, "shuffle", options.shuffle, true);
  if (!shuffle) refuseUnusedRandomness(action, options);
  const order = indexOrder(action, n, "data.x.rows", shuffle ? prngOf(options, action) : undefined);
  const out: D[] = [];
  for (let start = 0; start < n; start += batchSize) {
    out.push(subset(data, order.subarray(start, Math.min(n, start + batchSize))));
  }
  return out;
}
