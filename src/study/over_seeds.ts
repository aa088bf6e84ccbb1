/**
 * Running one experiment over several seeds, keeping the runs that diverged.
 *
 * @module
 */

import { TrainingDivergedError } from "../nn/mod.ts";
import { formatValue, requireNumber } from "../core/validate.ts";
import { isThenable, refuseTrailing } from "../core/_require.ts";
import { refuseRepeatedSeed } from "./_runs.ts";

/** One seed's run in {@linkcode overSeeds}: its result, or the divergence that ended it. */
export interface SeedRun<T> {
  /** The seed the run was given. */
  seed: number;
  /** What the run returned; absent when it diverged. */
  result?: T;
  /** The error thrown when training diverged (a non-finite loss); absent when it finished. */
  diverged?: TrainingDivergedError;
}

/**
 * Runs `run(seed)` once per seed, in order. A run that throws a
 * {@linkcode TrainingDivergedError} is a result too: it is kept, with `diverged` set, so that
 * summaries can count it. Any other error is thrown on.
 *
 * `run` must return its result: a promise (an `async` run, or one returning `trainAsync(...)`)
 * throws a `TypeError`, as its divergence could not be caught here; use
 * {@linkcode overSeedsAsync} for those.
 *
 * @param seeds The seeds, at least one, each a safe integer (|seed| <= 2^53 - 1, as `createPrng`
 *   takes), no two the same.
 * @param run The experiment: builds, trains and measures a network from a seed.
 * @returns One {@linkcode SeedRun} per seed, in the order of `seeds`.
 *
 * @example
 * ```ts
 * import { overSeeds, TrainingDivergedError } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const runs = overSeeds([1, 2, 3], (seed) => {
 *   if (seed === 2) throw new TrainingDivergedError([], 1, 1, NaN);
 *   return seed * 10;
 * });
 * assert.deepEqual(runs.map((r) => r.result), [10, undefined, 30]);
 * assert.deepEqual(runs.map((r) => r.diverged !== undefined), [false, true, false]);
 * // A seed given twice would be one run counted as two:
 * assert.throws(() => overSeeds([1, 2, 1], (seed) => seed), RangeError);
 * // A seed beyond 2^53 - 1 would be its neighbour too, and createPrng refuses it:
 * assert.throws(() => overSeeds([2 ** 60], (seed) => seed), RangeError);
 * assert.throws(() => overSeeds([1], async (seed) => seed), {
 *   name: "TypeError",
 *   message:
 *     "Cannot run over seeds as run must return its result, not a promise: run(1) returned a promise (overSeedsAsync awaits each run)",
 * });
 * ```
 */
export function overSeeds<T>(seeds: readonly number[], run: (seed: number) => T): SeedRun<T>[];
export function overSeeds<T>(
  seeds: readonly number[],
  run: (seed: number) => T,
  extra?: unknown,
): SeedRun<T>[] {
  checkArguments("overSeeds", seeds, run, extra);
  return seeds.map((seed) => {
    let result: T;
    try {
      result = run(seed);
    } catch (error) {
      return divergedRun(seed, error);
    }
    if (isThenable(result)) {
      // Its rejection (a divergence) would otherwise be unhandled: this call has refused it.
      Promise.resolve(result).catch(() => {});
      throw new TypeError(
        `Cannot run over seeds as run must return its result, not a promise: run(${seed}) returned a promise (overSeedsAsync awaits each run)`,
      );
    }
    return { seed, result };
  });
}

/**
 * Like {@linkcode overSeeds} for a run that returns a promise (one that calls `trainAsync`):
 * awaits each run before starting the next, in the order of `seeds`. A run that rejects with a
 * {@linkcode TrainingDivergedError} is kept with `diverged` set; any other error rejects.
 *
 * @param seeds The seeds, at least one, each a safe integer (|seed| <= 2^53 - 1, as `createPrng`
 *   takes), no two the same.
 * @param run The experiment, returning its result or a promise of it.
 * @returns A promise of one {@linkcode SeedRun} per seed, in the order of `seeds`.
 *
 * @example
 * ```ts
 * import { overSeedsAsync, TrainingDivergedError } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const runs = await overSeedsAsync([1, 2, 3], async (seed) => {
 *   if (seed === 2) throw new TrainingDivergedError([], 1, 1, NaN);
 *   return seed * 10;
 * });
 * assert.deepEqual(runs.map((r) => r.result), [10, undefined, 30]);
 * assert.deepEqual(runs.map((r) => r.diverged !== undefined), [false, true, false]);
 * ```
 */
export function overSeedsAsync<T>(
  seeds: readonly number[],
  run: (seed: number) => T | Promise<T>,
): Promise<SeedRun<T>[]>;
export async function overSeedsAsync<T>(
  seeds: readonly number[],
  run: (seed: number) => T | Promise<T>,
  extra?: unknown,
): Promise<SeedRun<T>[]> {
  checkArguments("overSeedsAsync", seeds, run, extra);
  const runs: SeedRun<T>[] = [];
  for (const seed of seeds) {
    try {
      runs.push({ seed, result: await run(seed) });
    } catch (error) {
      runs.push(divergedRun(seed, error));
    }
  }
  return runs;
}

/** A run that diverged is a result, counted; any other error stops the sweep. */
function divergedRun(
  seed: number,
  error: unknown,
): { seed: number; diverged: TrainingDivergedError } {
  if (error instanceof TrainingDivergedError) return { seed, diverged: error };
  throw error;
}

/**
 * The checks shared by {@linkcode overSeeds} and {@linkcode overSeedsAsync} (`name`): an array
 * of different safe integers (a seed given twice would be one run counted as two), a function,
 * and no third argument.
 */
function checkArguments(
  name: string,
  seeds: readonly number[],
  run: unknown,
  extra: unknown,
): void {
  const action = "run over seeds";
  if (!Array.isArray(seeds)) {
    throw new TypeError(
      `Cannot ${action} as seeds must be an array of integers: seeds=${formatValue(seeds)}`,
    );
  }
  if (seeds.length === 0) {
    // No seed is no run: measure and the verdicts would read it as a finding.
    throw new RangeError(`Cannot ${action} as seeds must hold at least one seed: seeds=[]`);
  }
  for (let i = 0; i < seeds.length; i++) {
    const seed: unknown = seeds[i];
    if (typeof seed !== "number" || !Number.isInteger(seed)) {
      const message = `Cannot ${action} as every seed must be a finite integer: seeds[${i}]=${
        formatValue(seed)
      }`;
      throw typeof seed === "number" ? new RangeError(message) : new TypeError(message);
    }
    // Beyond 2^53 - 1 neighbouring seeds are one number, and createPrng refuses them.
    requireNumber(action, `seeds[${i}]`, seed, { integer: true });
  }
  refuseRepeatedSeed(
    action,
    "every seed must be different (a seed given twice is one run counted as two)",
    seeds,
    (i) => `seeds[${i}]`,
  );
  if (typeof run !== "function") {
    throw new TypeError(`Cannot ${action} as run must be a function: run=${formatValue(run)}`);
  }
  refuseTrailing(action, name, "seeds and run", "third", extra);
}
