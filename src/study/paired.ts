/**
 * Paired comparisons, and the rule for claims that one setting is **no worse** than another.
 *
 * When two settings run with the same seeds (the same data, batch order and initial draws), the
 * seed-to-seed spread they share cancels in the per-seed difference: {@linkcode measurePaired}
 * summarises `metric(a) − metric(b)` seed by seed, so its standard error is that of the
 * difference itself, usually far below the unpaired `sqrt(se_a² + se_b²)`.
 *
 * A difference within noise does not show that a setting is no worse: few or noisy runs leave
 * every difference within noise. {@linkcode noWorseWithin} asks for more: **a is no worse than b
 * within a margin m when the paired difference, two standard errors towards "worse", stays
 * within m**: `mean − 2·se ≥ −m` when lower values are worse (an accuracy), `mean + 2·se ≤ m`
 * when higher values are worse (a loss), with no pair diverged and at least two pairs. It is the
 * one-sided counterpart of {@linkcode withinMargin}; a claim of equality asks it both ways
 * ({@linkcode sameWithin}). The margin is chosen before measuring and stated with the claim.
 * As with the beyond-noise rule, two standard errors are looser than a t quantile for few pairs
 * (2.78 at 4 degrees of freedom, five pairs): where a is worse by exactly the margin, with normal
 * noise, the rule still finds it no worse in about 15% of trials with 2 pairs, 9% with 3, 6%
 * with 5 and 4% with 10, where 2.5% is the nominal one-sided level (simulated, 200,000 trials
 * each).
 *
 * @module
 */

import { formatValue, requireNumber } from "../core/validate.ts";
import type { SeedRun } from "./over_seeds.ts";
import { requireMetric, requireRuns } from "./_runs.ts";
import { requireSummary, summarize, type Summary } from "./summary.ts";
import { refuseTrailing } from "../core/_require.ts";
import { scaleFor } from "./_scale.ts";

/**
 * Summarises the per-seed difference `metric(a) − metric(b)` of two sets of runs made with the
 * same seeds, in the same order. A seed whose run diverged on either side, or whose metric is
 * not finite on either side, gives no difference and is counted in `diverged`. Two finite
 * values whose difference exceeds float64's range (1e308 and −1e308) throw a `RangeError`.
 *
 * @param a The first setting's runs, from {@linkcode overSeeds}.
 * @param b The second setting's runs, with the same seeds in the same order.
 * @param metric What to measure in a finished run's result.
 * @returns The {@linkcode Summary} of the differences, read as "a minus b".
 *
 * @example
 * ```ts
 * import { compareSummaries, measure, measurePaired, overSeeds } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // Both settings share each seed's luck (seed * 0.1); b is 0.01 lower on every seed.
 * const a = overSeeds([0, 1, 2, 3], (seed) => ({ accuracy: 0.5 + seed * 0.1 }));
 * const b = overSeeds([0, 1, 2, 3], (seed) => ({ accuracy: 0.49 + seed * 0.1 }));
 * const d = measurePaired(a, b, (r) => r.accuracy);
 * assert.ok(Math.abs(d.mean - 0.01) < 1e-12 && d.sd < 1e-12);
 * // Unpaired, the shared luck hides the difference:
 * const unpaired = compareSummaries(measure(a, (r) => r.accuracy), measure(b, (r) => r.accuracy));
 * assert.equal(unpaired.beyondNoise, false);
 * ```
 */
export function measurePaired<T>(
  a: readonly SeedRun<T>[],
  b: readonly SeedRun<T>[],
  metric: (result: T) => number,
): Summary;
export function measurePaired<T>(
  a: readonly SeedRun<T>[],
  b: readonly SeedRun<T>[],
  metric: (result: T) => number,
  extra?: unknown,
): Summary {
  const action = "measure paired differences";
  requireRuns(action, "a", a);
  requireRuns(action, "b", b);
  requireMetric(action, metric);
  refuseTrailing(action, "measurePaired", "a, b and metric", "fourth", extra);
  const seedsOf = (runs: readonly SeedRun<unknown>[]) => runs.map((r) => r.seed).join(", ");
  if (a.length !== b.length || a.some((run, i) => run.seed !== b[i].seed)) {
    throw new RangeError(
      `Cannot ${action} as a and b must have the same seeds in the same order: a's seeds=[${
        seedsOf(a)
      }], b's seeds=[${seedsOf(b)}]`,
    );
  }
  const differences: number[] = [];
  let diverged = 0;
  // A metric that gives no number (a misspelt field) is a mistake, as measure() says; only a
  // non-finite number (NaN, ±Infinity) counts as a diverged run.
  const measured = (side: string, run: SeedRun<T>): number => {
    if (run.diverged !== undefined) return NaN;
    const value = metric(run.result as T);
    if (typeof value !== "number") {
      throw new TypeError(
        `Cannot ${action} as the metric must give a number for every finished run: ${side}'s ` +
          `seed ${run.seed} gave ${formatValue(value)}`,
      );
    }
    return value;
  };
  for (let i = 0; i < a.length; i++) {
    const left = measured("a", a[i]);
    const right = measured("b", b[i]);
    if (!Number.isFinite(left) || !Number.isFinite(right)) {
      diverged++;
      continue;
    }
    const difference = left - right;
    if (!Number.isFinite(difference)) {
      // Two finished runs are no diverged pair: their difference exceeds float64's range.
      throw new RangeError(
        `Cannot ${action} as a difference must stay within float64's range: seed ${
          a[i].seed
        } gave a=${formatValue(left)} and b=${formatValue(right)}`,
      );
    }
    differences.push(difference);
  }
  return summarize(differences, { diverged });
}

/**
 * Whether a paired difference `a − b` (from {@linkcode measurePaired}) shows a no worse than b
 * within `margin`, by the rule of this module: `mean − 2·se ≥ −margin` when `worse` is
 * `"lower"`, `mean + 2·se ≤ margin` when it is `"higher"`. False when a pair diverged or fewer
 * than two pairs finished: the difference is then not known well enough to show anything.
 *
 * @param difference The summary of the per-seed differences a − b.
 * @param margin The largest loss that still counts as no worse, a finite number > 0, in the
 *   metric's unit; choose it before measuring and state it with the claim.
 * @param worse Which way is worse for this metric: `"lower"` (an accuracy) or `"higher"` (a loss).
 * @returns Whether a is no worse than b within the margin.
 *
 * @example
 * ```ts
 * import { measurePaired, noWorseWithin, overSeeds } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const seeds = [0, 1, 2, 3, 4];
 * const relu = overSeeds(seeds, (s) => 0.90 + 0.02 * s);
 * const leaky = overSeeds(seeds, (s) => 0.905 + 0.02 * s - 0.002 * (s % 2));
 * const d = measurePaired(leaky, relu, (accuracy) => accuracy); // leaky − relu, per seed
 * assert.equal(noWorseWithin(d, 0.01, "lower"), true); // leaky no worse within 1 point
 * assert.equal(noWorseWithin(d, 0.01, "higher"), true); // nor better beyond 1 point
 * assert.equal(noWorseWithin(d, 0.001, "higher"), false); // but not within 0.1 point
 * ```
 */
export function noWorseWithin(
  difference: Summary,
  margin: number,
  worse: "lower" | "higher",
): boolean;
export function noWorseWithin(
  difference: Summary,
  margin: number,
  worse: "lower" | "higher",
  extra?: unknown,
): boolean {
  const action = "decide no worse within a margin";
  requireDifference(action, difference, margin);
  if (worse !== "lower" && worse !== "higher") {
    throw new TypeError(
      `Cannot ${action} as worse must be "lower" or "higher": worse=${formatValue(worse)}`,
    );
  }
  refuseTrailing(action, "noWorseWithin", "difference, margin and worse", "fourth", extra);
  return noWorse(difference, margin, worse);
}

/** Throws unless `difference` is a summary and `margin` a finite number > 0. */
function requireDifference(action: string, difference: Summary, margin: number): void {
  requireSummary(action, "difference", difference);
  requireNumber(action, "margin", margin, { min: 0, minExclusive: true });
}

/** noWorseWithin's rule, on checked arguments. */
function noWorse(difference: Summary, margin: number, worse: "lower" | "higher"): boolean {
  if (difference.diverged > 0 || difference.n < 2) return false;
  // In units of a power of two near the largest magnitude (exact): 2·se cannot overflow, and the
  // verdict does not depend on the data's unit.
  const scale = scaleFor([margin, difference.mean, difference.se]);
  const mean = difference.mean / scale, se = difference.se / scale;
  return worse === "lower" ? mean - 2 * se >= -margin / scale : mean + 2 * se <= margin / scale;
}

/**
 * Whether a paired difference `a − b` (from {@linkcode measurePaired}) shows a and b the same
 * within `margin`: {@linkcode noWorseWithin} both ways, that is the mean with two standard errors
 * on either side inside `[-margin, margin]`, no pair diverged and at least two pairs.
 *
 * @param difference The summary of the per-seed differences a − b.
 * @param margin The largest difference that still counts as the same, a finite number > 0, in
 *   the metric's unit; choose it before measuring and state it with the claim.
 * @returns Whether a and b are the same within the margin.
 *
 * @example
 * ```ts
 * import { measurePaired, overSeeds, sameWithin } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const a = overSeeds([0, 1, 2, 3], (s) => 0.3 + 0.1 * s);
 * const b = overSeeds([0, 1, 2, 3], (s) => 0.302 + 0.1 * s - 0.001 * (s % 2));
 * const d = measurePaired(a, b, (loss) => loss); // about −0.0015 on every seed
 * assert.equal(sameWithin(d, 0.01), true);
 * assert.equal(sameWithin(d, 0.001), false);
 * assert.throws(() => sameWithin(d, -1), RangeError);
 * // @ts-expect-error: sameWithin asks both ways, and takes no direction
 * assert.throws(() => sameWithin(d, 0.01, "higher"), TypeError);
 * ```
 */
export function sameWithin(difference: Summary, margin: number): boolean;
export function sameWithin(difference: Summary, margin: number, extra?: unknown): boolean {
  const action = "decide the same within a margin";
  refuseTrailing(action, "sameWithin", "difference and margin", "third", extra);
  requireDifference(action, difference, margin);
  return noWorse(difference, margin, "lower") && noWorse(difference, margin, "higher");
}
