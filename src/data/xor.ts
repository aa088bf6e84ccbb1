/**
 * The XOR problem: four quadrants, opposite ones sharing a class.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { drawUniform } from "../core/_draw.ts";
import { allocatePoints, finishPoints, readCount, readNoise } from "./_generate.ts";
import { type OptionKeys, requireOptions } from "../core/validate.ts";

/** Options of {@linkcode xor}. */
export interface XorOptions extends RandomOptions {
  /** Number of points, an integer >= 1. Default: 100. */
  n?: number;
  /**
   * Standard deviation of the Gaussian noise added to each coordinate after labelling, so that
   * some points cross into a quadrant of the other class. Default: 0.
   */
  noise?: number;
}

const XOR_KEYS: OptionKeys<XorOptions> = {
  n: "number",
  prng: true,
  seed: "number",
  noise: "number",
};

/**
 * Generates the XOR problem in 2-D: points uniform in the square [-1, 1)², labelled 1 when
 * exactly one coordinate is positive (`(x₀ > 0) xor (x₁ > 0)`) and 0 otherwise; then
 * N(0, noise²) is added to every coordinate. No single linear unit separates the classes; two
 * ReLU units do.
 *
 * @param options Size, noise and randomness (`{ prng }` or `{ seed }`, default seed 0).
 * @returns An n×2 data set with labels 0 and 1 (`classes` = 2).
 *
 * @example
 * ```ts
 * import { xor } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = xor({ n: 50, seed: 3 });
 * const [a, b] = data.x.data;
 * assert.equal((data.y as Int32Array)[0], (a > 0) !== (b > 0) ? 1 : 0);
 * ```
 */
export function xor(options?: XorOptions): Dataset;
export function xor(
  options: XorOptions = {},
  extra?: unknown,
  array?: unknown,
): Dataset {
  const action = "generate xor";
  refuseTrailing(action, "xor", "options alone", "second", extra, options, array);
  requireOptions(action, options, XOR_KEYS);
  const n = readCount(action, options.n, 100);
  const noise = readNoise(action, options.noise);
  const prng = prngOf(options, action);
  const { x, y } = allocatePoints(action, n, 2);
  for (let i = 0; i < n; i++) {
    const a = 2 * drawUniform(action, prng) - 1; // in [-1, 1) when the prng keeps its promise
    const b = 2 * drawUniform(action, prng) - 1;
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = (a > 0) !== (b > 0) ? 1 : 0;
  }
  return finishPoints(action, x, 2, y, 2, prng, noise, false);
}
