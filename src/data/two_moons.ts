/**
 * Two interleaving half circles, as scikit-learn's `make_moons`.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import {
  allocatePoints,
  finishPoints,
  linspace,
  readCount,
  readNoise,
  refuseUnusedDraws,
} from "./_generate.ts";
import { type OptionKeys, requireOptions } from "../core/validate.ts";

/** Options of {@linkcode twoMoons}. */
export interface TwoMoonsOptions extends RandomOptions {
  /** Number of points, an integer >= 2. Default: 100. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. Default: 0. */
  noise?: number;
  /** Shuffle the rows (otherwise class 0 comes first). Default: true. */
  shuffle?: boolean;
}

const TWO_MOONS_KEYS: OptionKeys<TwoMoonsOptions> = {
  n: "number",
  prng: true,
  seed: "number",
  noise: "number",
  shuffle: true,
};

/**
 * Generates two interleaving half circles in 2-D, a data set no straight line can separate,
 * following scikit-learn's `make_moons`: `floor(n / 2)` points of class 0 evenly spaced on the
 * upper unit half circle `(cos t, sin t)` for t in [0, π], and the rest, class 1, on the lower
 * half circle `(1 - cos t, 0.5 - sin t)`; then the rows are shuffled and N(0, noise²) is added to
 * every coordinate. Without noise, x lies in [-1, 2] and y in [-0.5, 1].
 *
 * @param options Size, noise, shuffling and randomness (`{ prng }` or `{ seed }`, default seed 0;
 *   refused with `noise: 0` and `shuffle: false`, where nothing is drawn).
 * @returns An n×2 data set with labels 0 and 1 (`classes` = 2).
 *
 * @example
 * ```ts
 * import { twoMoons } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const moons = twoMoons({ n: 200, noise: 0.1, seed: 1 });
 * assert.equal(moons.x.rows, 200);
 * assert.equal(moons.x.cols, 2);
 * assert.equal(moons.classes, 2);
 * assert.deepEqual(twoMoons({ n: 200, noise: 0.1, seed: 1 }), moons);
 * ```
 */
export function twoMoons(options?: TwoMoonsOptions): Dataset;
export function twoMoons(
  options: TwoMoonsOptions = {},
  extra?: unknown,
  array?: unknown,
): Dataset {
  const action = "generate two moons";
  refuseTrailing(action, "twoMoons", "options alone", "second", extra, options, array);
  requireOptions(action, options, TWO_MOONS_KEYS);
  const n = readCount(action, options.n, 100, 2);
  const noise = readNoise(action, options.noise);
  const shuffle = requireFlag(action, "shuffle", options.shuffle, true);
  refuseUnusedDraws(action, options, noise, shuffle);
  const prng = prngOf(options, action);
  const nOuter = Math.floor(n / 2);
  const nInner = n - nOuter;
  const { x, y } = allocatePoints(action, n, 2);
  const outer = linspace(0, Math.PI, nOuter);
  for (let i = 0; i < nOuter; i++) {
    x[2 * i] = Math.cos(outer[i]);
    x[2 * i + 1] = Math.sin(outer[i]);
  }
  const inner = linspace(0, Math.PI, nInner);
  for (let i = 0; i < nInner; i++) {
    const row = nOuter + i;
    x[2 * row] = 1 - Math.cos(inner[i]);
    x[2 * row + 1] = 1 - Math.sin(inner[i]) - 0.5;
    y[row] = 1;
  }
  return finishPoints(action, x, 2, y, 2, prng, noise, shuffle);
}
