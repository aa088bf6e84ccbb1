/**
 * A small circle inside a larger one, as scikit-learn's `make_circles`.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import {
  allocatePoints,
  finishPoints,
  linspace,
  readCount,
  readNoise,
  refuseUnusedDraws,
} from "./_generate.ts";

/** Options of {@linkcode circles}. */
export interface CirclesOptions extends RandomOptions {
  /** Number of points, an integer >= 2. Default: 100. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. Default: 0. */
  noise?: number;
  /** Radius of the inner circle relative to the outer one, in [0, 1). Default: 0.8. */
  factor?: number;
  /** Shuffle the rows (otherwise class 0 comes first). Default: true. */
  shuffle?: boolean;
}

const CIRCLES_KEYS: OptionKeys<CirclesOptions> = {
  n: "number",
  prng: true,
  seed: "number",
  noise: "number",
  factor: "number",
  shuffle: true,
};

/**
 * Generates two concentric circles in 2-D, following scikit-learn's `make_circles`:
 * `floor(n / 2)` points of class 0 evenly spaced on the unit circle (angles `2πi / count`,
 * starting at (1, 0)), the rest, class 1, on the circle of radius `factor`; then the rows are
 * shuffled and N(0, noise²) is added to every coordinate.
 *
 * @param options Size, noise, inner radius, shuffling and randomness (`{ prng }` or `{ seed }`,
 *   default seed 0; refused with `noise: 0` and `shuffle: false`, where nothing is drawn).
 * @returns An n×2 data set with labels 0 (outer) and 1 (inner), `classes` = 2.
 *
 * @example
 * ```ts
 * import { circles } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = circles({ n: 100, factor: 0.5, seed: 1 });
 * const [a, b] = data.x.data;
 * const radius = Math.hypot(a, b);
 * assert.ok(Math.abs(radius - ((data.y as Int32Array)[0] === 0 ? 1 : 0.5)) < 1e-12);
 * ```
 */
export function circles(options?: CirclesOptions): Dataset;
export function circles(
  options: CirclesOptions = {},
  extra?: unknown,
  array?: unknown,
): Dataset {
  const action = "generate circles";
  refuseTrailing(action, "circles", "options alone", "second", extra, options, array);
  requireOptions(action, options, CIRCLES_KEYS);
  const n = readCount(action, options.n, 100, 2);
  const noise = readNoise(action, options.noise);
  const factor = requireNumber(action, "factor", options.factor ?? 0.8, {
    min: 0,
    max: 1,
    maxExclusive: true,
  });
  const shuffle = requireFlag(action, "shuffle", options.shuffle, true);
  refuseUnusedDraws(action, options, noise, shuffle);
  const prng = prngOf(options, action);
  const nOuter = Math.floor(n / 2);
  const nInner = n - nOuter;
  const { x, y } = allocatePoints(action, n, 2);
  const outer = linspace(0, 2 * Math.PI, nOuter, false);
  for (let i = 0; i < nOuter; i++) {
    x[2 * i] = Math.cos(outer[i]);
    x[2 * i + 1] = Math.sin(outer[i]);
  }
  const inner = linspace(0, 2 * Math.PI, nInner, false);
  for (let i = 0; i < nInner; i++) {
    const row = nOuter + i;
    x[2 * row] = factor * Math.cos(inner[i]);
    x[2 * row + 1] = factor * Math.sin(inner[i]);
    y[row] = 1;
  }
  return finishPoints(action, x, 2, y, 2, prng, noise, shuffle);
}
