/**
 * One-dimensional regression problems: noisy samples of a named or given function.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import type { RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";
import { allocate } from "../core/_allocate.ts";
import { drawNormal, drawUniform } from "../core/_draw.ts";
import { readCount, readInterval, readNoise } from "./_generate.ts";

/** The named target functions of {@linkcode regression1d}. */
export type RegressionTarget = "sin" | "abs" | "square" | "cube" | "relu" | "step";

/** The named target functions, each a plain `(x) => y`. */
const TARGETS: Record<RegressionTarget, (x: number) => number> = {
  sin: Math.sin,
  abs: Math.abs,
  square: (x) => x * x,
  cube: (x) => x * x * x,
  relu: (x) => (x > 0 ? x : 0),
  step: (x) => (x > 0 ? 1 : 0),
};

/** Options of {@linkcode regression1d}. */
export interface Regression1dOptions extends RandomOptions {
  /** Number of samples, an integer >= 1. Default: 100. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each target. Default: 0. */
  noise?: number;
  /** The interval `[low, high]` in which inputs are drawn uniformly. Default: `[-3, 3]`. */
  range?: readonly [number, number];
}

const REGRESSION1D_KEYS: OptionKeys<Regression1dOptions> = {
  n: "number",
  prng: true,
  seed: "number",
  noise: "number",
  range: true,
};

/**
 * Generates a 1-D regression problem: inputs x uniform in `range` (in random order), targets
 * `fn(x) + noise · N(0, 1)`. Named targets: `"sin"`, `"abs"`, `"square"` (x²), `"cube"` (x³),
 * `"relu"` (max(0, x)) and `"step"` (1 for x > 0, else 0); any `(x) => y` function also works.
 *
 * @param fn The target function, by name or as a function returning finite numbers.
 * @param options Size, noise, input range and randomness (`{ prng }` or `{ seed }`, default
 *   seed 0).
 * @returns A data set with x an n×1 matrix and y an n×1 matrix.
 *
 * @example
 * ```ts
 * import { regression1d } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = regression1d("abs", { n: 20, range: [-1, 1], seed: 4 });
 * assert.equal(data.x.cols, 1);
 * const y = data.y as { data: Float64Array };
 * assert.equal(y.data[0], Math.abs(data.x.data[0]));
 * ```
 */
export function regression1d(
  fn: RegressionTarget | ((x: number) => number),
  options?: Regression1dOptions,
): Dataset;
export function regression1d(
  fn: RegressionTarget | ((x: number) => number),
  options: Regression1dOptions = {},
  extra?: unknown,
): Dataset {
  const action = "generate a regression problem";
  refuseTrailing(action, "regression1d", "fn and options", "third", extra);
  requireOptions(action, options, REGRESSION1D_KEYS);
  let target: (x: number) => number;
  if (typeof fn === "function") {
    target = fn;
  } else if (typeof fn === "string" && Object.hasOwn(TARGETS, fn)) {
    target = TARGETS[fn];
  } else {
    // An unknown name is a wrong value, anything else (not a function) a wrong type.
    throw new (typeof fn === "string" ? RangeError : TypeError)(
      `Cannot ${action} as fn must be a function or one of ${
        Object.keys(TARGETS).map((name) => `"${name}"`).join(", ")
      }: fn=${formatValue(fn)}`,
    );
  }
  const n = readCount(action, options.n, 100);
  const noise = readNoise(action, options.noise);
  const [low, high] = readInterval(action, "range", options.range, [-3, 3]);
  const prng = prngOf(options, action);
  const x = allocate(Float64Array, n, action, `: n=${n}`);
  const y = allocate(Float64Array, n, action, `: n=${n}`);
  for (let i = 0; i < n; i++) {
    x[i] = low + (high - low) * drawUniform(action, prng); // in range when the prng keeps [0, 1)
    const value = target(x[i]);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new (typeof value === "number" ? RangeError : TypeError)(
        `Cannot ${action} as fn must return finite numbers: fn(${x[i]})=${formatValue(value)}`,
      );
    }
    y[i] = noise > 0 ? value + noise * drawNormal(action, prng) : value;
    if (!Number.isFinite(y[i])) {
      throw new RangeError(
        `Cannot ${action} as noise must leave the targets finite in float64: noise=${noise}, y[${i}]=${
          y[i]
        }`,
      );
    }
  }
  return { x: { rows: n, cols: 1, data: x }, y: { rows: n, cols: 1, data: y } };
}
