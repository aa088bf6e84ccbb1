/**
 * Isotropic Gaussian clusters, as scikit-learn's `make_blobs`.
 *
 * @module
 */

import { requireFlag } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { fromRows, type Matrix } from "../core/matrix.ts";
import { randomNormal, type RandomOptions, resolvePrng } from "../core/prng.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { finishPoints, groupSizes, readCount } from "./_generate.ts";

/** Options of {@linkcode blobs}. */
export interface BlobsOptions extends RandomOptions {
  /** Number of points in all, an integer >= 1. Default: 100. */
  n?: number;
  /**
   * The cluster centres, one row each, or how many to draw uniformly in `box`. Default: 3.
   */
  centers?: number | ArrayLike<ArrayLike<number>>;
  /** Standard deviation of every cluster, the same along each axis, >= 0. Default: 1. */
  std?: number;
  /** Number of dimensions when `centers` is a count, an integer >= 1. Default: 2. */
  features?: number;
  /** The interval `[low, high]` in which random centres are drawn. Default: `[-10, 10]`. */
  box?: readonly [number, number];
  /** Shuffle the rows (otherwise class 0 comes first). Default: true. */
  shuffle?: boolean;
}

/** The data set returned by {@linkcode blobs}: the points and the centres they were drawn around. */
export interface BlobsDataset extends Dataset {
  /** The cluster centres, one row per class. */
  readonly centers: Matrix;
}

const BLOBS_KEYS: OptionKeys<BlobsOptions> = {
  n: "number",
  prng: true,
  seed: "number",
  centers: true,
  std: "number",
  features: "number",
  box: true,
  shuffle: true,
};

/**
 * Generates Gaussian clusters, following scikit-learn's `make_blobs`: cluster j gets
 * `floor(n / k)` points (one more for the first `n % k` clusters) drawn from
 * N(center_j, std² I) and label j. With `centers` a count k, the centres are drawn uniformly in
 * `box` along each of `features` axes, from the same generator.
 *
 * @param options Size, centres, spread, shuffling and randomness (`{ prng }` or `{ seed }`,
 *   default seed 0).
 * @returns An n×features data set with labels `0 .. k - 1`, and the centres.
 *
 * @example
 * ```ts
 * import { blobs } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = blobs({ n: 60, centers: [[-5, 0], [5, 0]], std: 0.5, seed: 2 });
 * assert.equal(data.classes, 2);
 * const [first] = data.x.data;
 * assert.equal((data.y as Int32Array)[0], first < 0 ? 0 : 1);
 * ```
 */
export function blobs(options: BlobsOptions = {}): BlobsDataset {
  const action = "generate blobs";
  requireOptions(action, options, BLOBS_KEYS);
  const n = readCount(action, options.n, 100);
  const std = requireNumber(action, "std", options.std ?? 1, { min: 0 });
  const shuffle = requireFlag(action, "shuffle", options.shuffle, true);
  const prng = resolvePrng(options);
  const centers = readCenters(action, options, prng);
  const k = centers.rows;
  const cols = centers.cols;
  const x = new Float64Array(n * cols);
  const y = new Int32Array(n);
  const sizes = groupSizes(n, k);
  let row = 0;
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < sizes[j]; i++, row++) {
      for (let c = 0; c < cols; c++) {
        x[row * cols + c] = centers.data[j * cols + c] + std * randomNormal(prng);
      }
      y[row] = j;
    }
  }
  return { ...finishPoints(action, x, cols, y, k, prng, 0, shuffle), centers };
}

function readCenters(action: string, options: BlobsOptions, prng: () => number): Matrix {
  const given = options.centers ?? 3;
  if (typeof given !== "number") {
    if (!Array.isArray(given)) {
      throw new TypeError(
        `Cannot ${action} as centers must be a number of centers or an array of center rows: centers=${
          formatValue(given)
        }`,
      );
    }
    if (given.length < 1 || given[0].length < 1) {
      throw new RangeError(
        `Cannot ${action} as centers must hold at least one non-empty row: centers.length=${given.length}`,
      );
    }
    const centers = fromRows(given);
    for (let i = 0; i < centers.data.length; i++) {
      requireNumber(action, `centers.data[${i}]`, centers.data[i]);
    }
    return centers;
  }
  const k = requireNumber(action, "centers", given, { integer: true, min: 1 });
  const features = requireNumber(action, "features", options.features ?? 2, {
    integer: true,
    min: 1,
  });
  const box = options.box ?? [-10, 10];
  const low = requireNumber(action, "box[0]", box[0]);
  const high = requireNumber(action, "box[1]", box[1]);
  if (!(low <= high) || !Number.isFinite(high - low)) {
    throw new RangeError(
      `Cannot ${action} as box must be an interval [low, high] with low <= high and a finite width: box=${
        formatValue([low, high])
      }`,
    );
  }
  const data = new Float64Array(k * features);
  for (let i = 0; i < data.length; i++) data[i] = low + (high - low) * prng();
  return { rows: k, cols: features, data };
}
