/**
 * Matrices of standard normal values: the inputs of probes that push random data through a
 * network (activation scale, gradient flow, dead neurons at initialisation).
 *
 * @module
 */

import { allocate } from "../core/_allocate.ts";
import { drawNormal } from "../core/_draw.ts";
import { refuseTrailing } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import type { RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";

const RANDOM_KEYS: OptionKeys<RandomOptions> = { seed: "number", prng: true };

/**
 * A `rows` × `cols` matrix of independent N(0, 1) values, drawn row by row from one seeded
 * generator (`{ prng }` or `{ seed }`, default seed 0).
 *
 * @param rows Number of rows (samples), an integer >= 1.
 * @param cols Number of columns (features), an integer >= 1.
 * @param options The randomness: `{ seed }` or `{ prng }`.
 * @returns The matrix.
 *
 * @example
 * ```ts
 * import { standardNormal } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const x = standardNormal(2000, 3, { seed: 1 });
 * assert.deepEqual([x.rows, x.cols], [2000, 3]);
 * const mean = x.data.reduce((s, v) => s + v, 0) / x.data.length;
 * assert.ok(Math.abs(mean) < 0.05);
 * assert.deepEqual(standardNormal(2, 2, { seed: 1 }).data, standardNormal(2, 2, { seed: 1 }).data);
 * ```
 */
export function standardNormal(rows: number, cols: number, options?: RandomOptions): Matrix;
export function standardNormal(
  rows: number,
  cols: number,
  options: RandomOptions = {},
  extra?: unknown,
): Matrix {
  const action = "draw a standard normal matrix";
  refuseTrailing(action, "standardNormal", "rows, cols and options", "fourth", extra);
  requireOptions(action, options, RANDOM_KEYS);
  requireNumber(action, "rows", rows, { integer: true, min: 1 });
  requireNumber(action, "cols", cols, { integer: true, min: 1 });
  const prng = prngOf(options, action);
  const data = allocate(Float64Array, rows * cols, action, `: rows=${rows}, cols=${cols}`);
  for (let i = 0; i < data.length; i++) data[i] = drawNormal(action, prng);
  return { rows, cols, data };
}
