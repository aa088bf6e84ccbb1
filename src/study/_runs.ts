/**
 * Private: the checks `measure` and `measurePaired` share on runs from `overSeeds` and on the
 * metric applied to them, and the check of repeated seeds they share with `overSeeds`.
 *
 * @module
 */

import { firstRepeat } from "../core/_require.ts";
import { formatValue, requireNumber } from "../core/validate.ts";
import { TrainingDivergedError } from "../nn/mod.ts";

/**
 * Throws a `TypeError` unless `runs` is an array of runs from overSeeds, each `{ seed, result }`
 * (a run that finished; its result may be `undefined`) or `{ seed, diverged }` (a run that
 * diverged, `diverged` its `TrainingDivergedError`) and not both, with a numeric seed; a
 * `RangeError` when there is no run, when a seed is not a safe integer (overSeeds takes no other) or when two runs
 * have one seed: one run counted as two (overSeeds refuses a seed given twice; this catches runs
 * put together by hand, or two sweeps concatenated).
 */
export function requireRuns(action: string, name: string, runs: unknown): void {
  if (!Array.isArray(runs)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an array of runs from overSeeds: ${name}=${
        formatValue(runs)
      }`,
    );
  }
  if (runs.length === 0) {
    // As overSeeds refuses no seed: no run would print as "no finished run" and count as a
    // condition measured.
    throw new RangeError(
      `Cannot ${action} as ${name} must hold at least one run (overSeeds makes one per seed): ${name}=[]`,
    );
  }
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const finished = typeof run === "object" && run !== null && "result" in run;
    const diverged = typeof run === "object" && run !== null && run.diverged !== undefined;
    if (typeof run?.seed !== "number" || finished === diverged) {
      throw new TypeError(
        `Cannot ${action} as every run must be a run from overSeeds { seed, result } or { seed, diverged }${
          finished && diverged ? ", not both" : ""
        }: ${name}[${i}]=${formatValue(run)}`,
      );
    }
    requireNumber(action, `${name}[${i}].seed`, run.seed, { integer: true });
    if (diverged && !(run.diverged instanceof TrainingDivergedError)) {
      throw new TypeError(
        `Cannot ${action} as ${name}[${i}].diverged must be the TrainingDivergedError that ended the run: ${name}[${i}].diverged=${
          formatValue(run.diverged)
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
