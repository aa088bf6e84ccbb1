/**
 * Splitting a data set into a training part and a test part, as scikit-learn's
 * `train_test_split`.
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

/** Options of {@linkcode trainTestSplit}. */
export interface TrainTestSplitOptions extends RandomOptions {
  /** Fraction of the samples that go to the test set, in (0, 1). Default: 0.25. */
  testFraction?: number;
  /**
   * Shuffle before splitting (otherwise the last samples are the test set, and a `seed` or
   * `prng`, which would go unused, is refused). Default: true.
   */
  shuffle?: boolean;
}

/** The two parts returned by {@linkcode trainTestSplit}. */
export interface TrainTestSplit<D extends Dataset = Dataset> {
  /** The training samples. */
  readonly train: D;
  /** The test samples. */
  readonly test: D;
}

const TRAIN_TEST_SPLIT_KEYS: OptionKeys<TrainTestSplitOptions> = {
  testFraction: "number",
  prng: true,
  seed: "number",
  shuffle: true,
};

/**
 * Splits a data set into disjoint training and test sets. As in scikit-learn, the test set has
 * `ceil(testFraction * n)` samples and the training set the rest; both must be non-empty. The
 * product is taken without float64's rounding noise: a test fraction of 0.07 of 100 samples is 7
 * (scikit-learn's `ceil(0.07 * 100)` gives 8).
 * Samples are shuffled first unless `shuffle: false`, so the same seed gives the same split;
 * without shuffling the last samples are the test set, and a `seed` or `prng` is refused, as it
 * would go unused.
 *
 * @param data The data set (not changed).
 * @param options Test fraction, shuffling and randomness (`{ prng }` or `{ seed }`, default seed
 *   0).
 * @returns `{ train, test }`, copies of the selected samples.
 *
 * @example
 * ```ts
 * import { trainTestSplit, twoMoons } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const { train, test } = trainTestSplit(twoMoons({ n: 100 }), { testFraction: 0.2, seed: 1 });
 * assert.equal(train.x.rows, 80);
 * assert.equal(test.x.rows, 20);
 *
 * // Without shuffling there is nothing for a seed to do: it is refused, not ignored.
 * const data = twoMoons({ n: 100 });
 * assert.throws(() => trainTestSplit(data, { shuffle: false, seed: 1 }), RangeError);
 * ```
 */
export function trainTestSplit<D extends Dataset>(
  data: D,
  options?: TrainTestSplitOptions,
): TrainTestSplit<D>;
export function trainTestSplit<D extends Dataset>(
  data: D,
  options: TrainTestSplitOptions = {},
  extra?: unknown,
): TrainTestSplit<D> {
  const action = "split a dataset";
  refuseTrailing(action, "trainTestSplit", "data and options", "third", extra);
  requireOptions(action, options, TRAIN_TEST_SPLIT_KEYS);
  requireDataset(action, "data", data);
  const testFraction = requireNumber(action, "testFraction", options.testFraction ?? 0.25, {
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
  });
  const shuffle = requireFlag(action, "shuffle", options.shuffle, true);
  if (!shuffle) refuseUnusedRandomness(action, options);
  const n = data.x.rows;
  // The product loses float64's rounding noise first: 0.07 * 100 is 7.000000000000001.
  const nTest = Math.ceil(testFraction * n * (1 - 1e-14));
  const nTrain = n - nTest;
  if (nTrain < 1) {
    throw new RangeError(
      `Cannot ${action} as the training set must not be empty: n=${n}, testFraction=${testFraction}`,
    );
  }
  const order = indexOrder(action, n, "data.x.rows", shuffle ? prngOf(options, action) : undefined);
  return {
    train: subset(data, order.subarray(0, nTrain)),
    test: subset(data, order.subarray(nTrain)),
  };
}
