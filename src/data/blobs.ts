/**
 * Isotropic Gaussian clusters, as scikit-learn's `make_blobs`.
 *
 * @module
 */

import { allocate } from "../core/_allocate.ts";
import { drawNormal, drawUniform } from "../core/_draw.ts";
import { refuseTrailing, requireFlag } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { fromRows, type Matrix } from "../core/matrix.ts";
import type { Prng, RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import {
  formatValue,
  type OptionKeys,
  requireNumber,
  requireNumberType,
  requireOptions,
} from "../core/validate.ts";
import { allocatePoints, finishPoints, groupSizes, readCount, readInterval } from "./_generate.ts";

/** Options of {@linkcode blobs}. */
export interface BlobsOptions extends RandomOptions {
  /** Number of points in all, an integer >= 1. Default: 100. */
  n?: number;
  /**
   * The cluster centres, one row each, or how many to draw uniformly in `box`; at most `n`, so
   * that every cluster gets a point. Default: 3.
   */
  centers?: number | ArrayLike<ArrayLike<number>>;
  /** Standard deviation of every cluster, the same along each axis, >= 0. Default: 1. */
  std?: number;
  /**
   * Number of dimensions, an integer >= 1. Default: 2 when `centers` is a count; with centre
   * rows it may be left out, else it must be their length.
   */
  features?: number;
  /**
   * The interval `[low, high]` in which random centres are drawn, when `centers` is a count
   * (with centre rows it must be left out). Default: `[-10, 10]`.
   */
  box?: readonly [number, number];
  /** Shuffle the rows (otherwise class 0 comes first). Default: true. */
  shuffle?: boolean;
}

/**
 * The data set returned by {@linkcode blobs}: the points and the centres they were drawn around.
 */
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
 * `box` along each of `features` axes, from the same generator. With centres given as rows,
 * `features` may be left out (else it must be their length) and `box` must be.
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
export function blobs(options?: BlobsOptions): BlobsDataset;
export function blobs(
  options: BlobsOptions = {},
  extra?: unknown,
  array?: unknown,
): BlobsDataset {
  const action = "generate blobs";
  refuseTrailing(action, "blobs", "options alone", "second", extra, options, array);
  requireOptions(action, options, BLOBS_KEYS);
  const n = readCount(action, options.n, 100);
  const std = requireNumber(action, "std", options.std ?? 1, { min: 0 });
  const shuffle = requireFlag(action, "shuffle", options.shuffle, true);
  const prng = prngOf(options, action);
  const centers = readCenters(action, options, prng, n);
  const k = centers.rows;
  const cols = centers.cols;
  const { x, y } = allocatePoints(action, n, cols, `: n=${n}, features=${cols}`);
  const sizes = groupSizes(n, k);
  let row = 0;
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < sizes[j]; i++, row++) {
      for (let c = 0; c < cols; c++) {
        x[row * cols + c] = centers.data[j * cols + c] + std * drawNormal(action, prng);
      }
      y[row] = j;
    }
  }
  return { ...finishPoints(action, x, cols, y, k, prng, 0, shuffle), centers };
}

function readCenters(action: string, options: BlobsOptions, prng: Prng, n: number): Matrix {
  const given = options.centers ?? 3;
  if (typeof given !== "number") return readCenterRows(action, given, options, n);
  const k = requireNumber(action, "centers", given, { integer: true, min: 1 });
  requireClustersFit(action, "be at most n", `centers=${k}`, k, n);
  const features = requireNumber(action, "features", options.features ?? 2, {
    integer: true,
    min: 1,
  });
  const [low, high] = readInterval(action, "box", options.box, [-10, 10]);
  const data = allocate(Float64Array, k * features, action, `: centers=${k}, features=${features}`);
  for (let i = 0; i < data.length; i++) data[i] = low + (high - low) * drawUniform(action, prng);
  return { rows: k, cols: features, data };
}

/**
 * The centres given as rows, checked: one array of finite numbers per centre, all of one length,
 * which `features` (when given) must equal; `box`, which bounds drawn centres, must be left out.
 * Every refusal names `action` (fromRows would name its own).
 */
function readCenterRows(
  action: string,
  given: unknown,
  options: BlobsOptions,
  n: number,
): Matrix {
  if (!Array.isArray(given)) {
    throw new TypeError(
      `Cannot ${action} as centers must be a number of centers or an array of center rows: centers=${
        formatValue(given)
      }`,
    );
  }
  for (let i = 0; i < given.length; i++) {
    const row = given[i];
    // An array, a typed array or another array-like object, as fromRows takes.
    const length = typeof row === "object" && row !== null && !(row instanceof DataView)
      ? (row as { length?: unknown }).length
      : undefined;
    if (!(typeof length === "number" && Number.isInteger(length) && length >= 0)) {
      throw new TypeError(
        `Cannot ${action} as every center must be a row of numbers (an array, e.g. [[0, 0], [5, 5]]): centers[${i}]=${
          formatValue(row)
        }`,
      );
    }
  }
  if (given.length < 1) {
    throw new RangeError(`Cannot ${action} as centers must hold at least one row: centers=[]`);
  }
  requireClustersFit(
    action,
    "list at most n rows",
    `centers.length=${given.length}`,
    given.length,
    n,
  );
  if (given[0].length < 1) {
    throw new RangeError(
      `Cannot ${action} as every center row must hold at least one number: centers[0]=${
        formatValue(given[0])
      }`,
    );
  }
  for (let i = 1; i < given.length; i++) {
    if (given[i].length !== given[0].length) {
      throw new RangeError(
        `Cannot ${action} as every center row must have ${
          given[0].length
        } numbers, as centers[0] has: centers[${i}].length=${given[i].length}`,
      );
    }
  }
  for (let i = 0; i < given.length; i++) {
    // Named here, as a center: fromRows would name itself and its rows.
    for (let j = 0; j < given[i].length; j++) {
      requireNumberType(action, `centers[${i}][${j}]`, given[i][j]);
    }
  }
  const centers = fromRows(given);
  for (let i = 0; i < centers.data.length; i++) {
    requireNumber(action, `centers.data[${i}]`, centers.data[i]);
  }
  if (options.features !== undefined) {
    const features = requireNumber(action, "features", options.features, {
      integer: true,
      min: 1,
    });
    if (features !== centers.cols) {
      throw new RangeError(
        `Cannot ${action} as features must be ${centers.cols}, the length of the center rows given, or be left out: features=${features}`,
      );
    }
  }
  if (options.box !== undefined) {
    throw new TypeError(
      `Cannot ${action} as box must be left out when centers are given as rows (it bounds drawn centers only): box=${
        formatValue(options.box)
      }`,
    );
  }
  return centers;
}

/**
 * Refuses more clusters than points (checked before anything is allocated): a cluster without a
 * point would still count as a class, one no label ever takes.
 */
function requireClustersFit(
  action: string,
  rule: string,
  shown: string,
  k: number,
  n: number,
): void {
  if (k > n) {
    throw new RangeError(
      `Cannot ${action} as centers must ${rule}, so that every cluster gets a point: ${shown}, n=${n}`,
    );
  }
}
