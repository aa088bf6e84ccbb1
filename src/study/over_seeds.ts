/**
 * Running one experiment over several seeds, keeping the runs that diverged.
 *
 * @module
 */

import { TrainingDivergedError } from "../nn/mod.ts";

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
 * @param seeds The seeds, each a finite integer.
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
 * ```
 */
export function overSeeds<T>(seeds: readonly number[], run: (seed: number) => T): SeedRun<T>[] {
  if (!Array.isArray(seeds)) {
    throw new TypeError(`Cannot run over seeds as seeds must be an array: seeds=${String(seeds)}`);
  }
  for (const seed of seeds) {
    if (!Number.isInteger(seed)) {
      throw new RangeError(
        `Cannot run over seeds as every seed must be a finite integer: seed=${String(seed)}`,
      );
    }
  }
  if (typeof run !== "function") {
    throw new TypeError(`Cannot run over seeds as run must be a function: run=${String(run)}`);
  }
  return seeds.map((seed) => {
    try {
      return { seed, result: run(seed) };
    } catch (error) {
      if (error instanceof TrainingDivergedError) return { seed, diverged: error };
      throw error;
    }
  });
}
