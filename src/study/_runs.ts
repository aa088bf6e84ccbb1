/**
 * Private: the checks `measure` and `measurePaired` share on runs from `overSeeds` and on the
 * metric applied to them, and the check of repeated seeds they share with `overSeeds`.
 *
 * @module
 */

import { firstRepeat } from "../core/_require.ts";
import { formatValue } from "../core/validate.ts";

/**
 * Throws a `TypeError` unless `runs` is an array of `{ seed, ... }` records from overSeeds, each with
 * a numeric seed (overSeeds takes finite integers; measurePaired matches runs by seed), and a
 * `RangeError` when two runs have one seed: one run counted as two (overSeeds refuses a seed
 * given twice; this catches runs put together by hand, or two sweeps concatenated).
 */
export function requireRuns(action: string, name: string, runs: unknown): void {
  if (!Array.isArray(runs)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an array of runs from overSeeds: ${name}=${
        formatValue(runs)
      }`,
    );
  }
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (typeof run !== "object" || run === null || typeof run.seed !== "number") {
      throw new TypeError(
        `Cannot ${action} as every run must be a run from overSeeds { seed, result } or { seed, diverged }: ${name}[${i}]=${
          formatValue(run)
        }`,
      );
    }
  }
  refuseRepeatedSeed(
    action,
    "every run must have a different seed (one run counted as two otherwise)",
    runs.map((run) => run.seed),
    (i) => `${name}[${i}].seed`,
  );
}

/**
 * Throws a `RangeError` at the first of `seeds` that an earlier one repeats (-0 and 0 are one
 * seed to createPrng, and one key to a Map), naming both places (`label(i)`) after
 * `requirement`: a seed given twice is one run counted as two.
 */
export function refuseRepeatedSeed(
  action: string,
  requirement: string,
  seeds: readonly number[],
  label: (index: number) => string,
): void {
  const repeat = firstRepeat(seeds);
  if (repeat === undefined) return;
  const [i, earlier] = repeat;
  throw new RangeError(
    `Cannot ${action} as ${requirement}: ${label(i)}=${formatValue(seeds[i])}, as ${
      label(earlier)
    }`,
  );
}

/** Throws a `TypeError` unless `metric` is a function. */
export function requireMetric(action: string, metric: unknown): void {
  if (typeof metric !== "function") {
    throw new TypeError(
      `Cannot ${action} as metric must be a function of a run's result: metric=${
        formatValue(metric)
      }`,
    );
  }
}
