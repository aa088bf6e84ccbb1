/**
 * Interleaved spiral arms, one per class, as in the CS231n neural-network case study.
 *
 * @module
 */

import { drawNormal } from "../core/_draw.ts";
import { refuseTrailing, requireFlag } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import type { RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import {
  allocatePoints,
  finishPoints,
  groupSizes,
  linspace,
  readCount,
  readNoise,
  refuseUnusedDraws,
} from "./_generate.ts";

/** Options of {@linkcode spirals}. */
export interface SpiralsOptions extends RandomOptions {
  /** Number of points in all, an integer >= `classes`. Default: 300. */
  n?: number;
  /** Number of spiral arms (classes), an integer >= 1. Default: 3. */
  classes?: number;
  /**
   * Standard deviation of the Gaussian noise added to each point's angle, in radians
   * (CS231n's picture uses 0.2). Default: 0.
   */
  noise?: number;
  /** Shuffle the rows (otherwise class 0 comes first). Default: true. */
  shuffle?: boolean;
}

const SPIRALS_KEYS: OptionKeys<SpiralsOptions> = {
  n: "number",
  prng: true,
  seed: "number",
  classes: "number",
  noise: "number",
  shuffle: true,
};

/**
 * Generates `classes` spiral arms in 2-D, the data set of the CS231n case study: arm j has
 * points at radius r evenly spaced in [0, 1] and angle `t = 4 (j + r) + noise · N(0, 1)`, placed
 * at `(r sin t, r cos t)`. Points are shared between arms as evenly as possible (the first
 * `n % classes` arms get one more). All points lie in the unit disc; the arms meet at the origin.
 *
 * @param options Size, number of arms, angle noise, shuffling and randomness (`{ prng }` or
 *   `{ seed }`, default seed 0; refused with `noise: 0` and `shuffle: false`, where nothing is
 *   drawn).
 * @returns An n×2 data set with labels `0 .. classes - 1`.
 *
 * @example
 * ```ts
 * import { spirals } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = spirals({ n: 300, classes: 3, noise: 0.2, seed: 0 });
 * assert.equal(data.x.rows, 300);
 * assert.equal(data.classes, 3);
 * ```
 */
export function spirals(options?: SpiralsOptions): Dataset;
export function spirals(
  options: SpiralsOptions = {},
  extra?: unknown,
  array?: unknown,
): Dataset {
  const action = "generate spirals";
  refuseTrailing(action, "spirals", "options alone", "second", extra, options, array);
  requireOptions(action, options, SPIRALS_KEYS);
  const classes = requireNumber(action, "classes", options.classes ?? 3, {
    integer: true,
    min: 1,
  });
  const n = readCount(action, options.n, 300, classes);
  const noise = readNoise(action, options.noise);
  const shuffle = requireFlag(action, "shuffle", options.shuffle, true);
  refuseUnusedDraws(action, options, noise, shuffle);
  const prng = prngOf(options, action);
  const { x, y } = allocatePoints(action, n, 2);
  let row = 0;
  const sizes = groupSizes(n, classes);
  for (let j = 0; j < classes; j++) {
    const radii = linspace(0, 1, sizes[j]);
    for (let i = 0; i < sizes[j]; i++, row++) {
      const r = radii[i];
      const t = 4 * (j + r) + (noise > 0 ? noise * drawNormal(action, prng) : 0);
      x[2 * row] = r * Math.sin(t);
      x[2 * row + 1] = r * Math.cos(t);
      y[row] = j;
    }
  }
  return finishPoints(action, x, 2, y, classes, prng, 0, shuffle);
}
