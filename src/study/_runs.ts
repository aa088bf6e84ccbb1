/**
 * Private: the checks `measure` and `measurePaired` share on runs from `overSeeds` and on the
 * metric applied to them.
 *
 * @module
 */

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
  const first = new Map<number, number>();
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (typeof run !== "object" || run === null || typeof run.seed !== "number") {
      throw new TypeError(
        `Cannot ${action} as every run must be a run from overSeeds { seed, result } or { seed, diverged }: ${name}[${i}]=${
          formatValue(run)
        }`,
      );
    }
    const earlier = first.get(run.seed);
    if (earlier !== undefined) {
      throw new RangeError(
        `Cannot ${action} as every run must have a different seed (one run counted as two ` +
          `otherwise): ${name}[${i}].seed=${formatValue(run.seed)}, as ${name}[${earlier}].seed`,
      );
    }
    first.set(run.seed, i);
  }
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
