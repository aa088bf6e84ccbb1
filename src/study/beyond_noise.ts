/**
 * The one rule relu-lab uses to call a difference between two settings real: **a difference of
 * means is beyond noise when it exceeds two standard errors of the difference**,
 * `|mean_a − mean_b| > 2 · sqrt(se_a² + se_b²)`, each `se` the standard error of the mean over
 * the runs that finished (see {@linkcode summarize}). It is a rough screen, not a significance
 * test, and needs at least two finished runs a side; with fewer, nothing is beyond noise. With
 * few runs it is looser than its "two" suggests: two standard errors stand in for a t quantile
 * that is larger for few runs (2.31 at 8 degrees of freedom, five runs a side). With normal
 * noise and no true difference it calls about 18% of differences beyond noise with 2 runs a
 * side, 12% with 3, 8% with 5 (the notebooks' usual count), 6% with 10 and 5% with 30
 * (simulated, 200,000 trials each): a beyond-noise verdict from five seeds is a screen, to be
 * read with its numbers.
 *
 * A difference within noise is not evidence of equality: few or noisy runs leave every
 * difference within noise. A claim of equality ("about as sparse", "the same within 1%")
 * therefore has a rule of its own, {@linkcode withinMargin}: **two means are the same within a
 * margin m when the difference and two standard errors on either side of it stay inside ±m**,
 * `|mean_a − mean_b| + 2 · sqrt(se_a² + se_b²) ≤ m`, with at least two finished runs and no
 * diverged run on either side (as {@linkcode sameWithin} asks of its pairs), the margin chosen
 * before measuring and stated with the claim.
 *
 * The beyond-noise rule compares the runs that finished. A diverged run enters neither mean nor
 * standard error: it is counted in the comparison's `diverged`, and where a divergence bears on
 * the claim (a "trains better" claim whose other side diverged, say) the finding weighs it too,
 * as {@linkcode withinMargin}, {@linkcode noWorseWithin} and {@linkcode sameWithin} do by
 * themselves (false on any divergence). The notebooks name every diverged run beside the verdict.
 * A spread of exactly 0 (every run of a side the same value, as an accuracy on a small test set
 * may be) makes any difference of means beyond noise: read such a verdict with its numbers.
 *
 * Both rules are decided in units of a power of two near the largest of the means, standard
 * errors and margin (an exact rescaling), so their verdicts do not depend on the data's unit:
 * data of magnitude 1e-200 or 1e300 get the verdicts the same data in ordinary units get, where
 * squaring a standard error would underflow to 0 or overflow to Infinity.
 *
 * @module
 */

import { requireSummary, type Summary } from "./summary.ts";
import { formatValue, requireNumber } from "../core/validate.ts";
import { refuseTrailing } from "../core/_require.ts";
import { scaleFor } from "./_scale.ts";

/** How two summaries compare, by {@linkcode compareSummaries}. */
export interface Comparison {
  /** `a.mean − b.mean` (±Infinity only where it exceeds float64's range). */
  difference: number;
  /** The standard error of the difference, `sqrt(a.se² + b.se²)` (NaN with fewer than 2 runs a side). */
  se: number;
  /**
   * Whether `|difference| > 2 · se`, with at least two finished runs a side (false with fewer),
   * decided without over- or underflow at any magnitude (see the module's documentation).
   */
  beyondNoise: boolean;
  /**
   * `"higher"` when a's mean is larger, `"lower"` when smaller, `"tie"` when they are equal,
   * `"undetermined"` when a side has no finished run (its mean is NaN).
   */
  direction: "higher" | "lower" | "tie" | "undetermined";
  /** Diverged runs of a and of b: counted, never dropped from the story. */
  diverged: [number, number];
}

/**
 * Compares the means of two summaries by the beyond-noise rule of this module. Nothing is
 * beyond noise unless both sides have at least two finished runs. Diverged runs are left out of
 * the rule, which compares the runs that finished, and returned in `diverged` for the finding to
 * weigh (see the module's documentation).
 *
 * @param a The first setting's summary.
 * @param b The second setting's summary.
 * @returns The {@linkcode Comparison}, read as "a is higher/lower than b".
 *
 * @example
 * ```ts
 * import { compareSummaries, summarize } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const relu = summarize([0.50, 0.60, 0.55]), leaky = summarize([0.10, 0.12, 0.11]);
 * const c = compareSummaries(relu, leaky);
 * assert.equal(c.direction, "higher");
 * assert.equal(c.beyondNoise, true);
 * assert.equal(compareSummaries(summarize([1, 2, 3]), summarize([1.5, 2.5, 2])).beyondNoise, false);
 * assert.equal(compareSummaries(summarize([0.83, 0.83]), summarize([0.83, 0.83])).direction, "tie");
 * // The same value on every run is a tie, whatever the number of runs a side.
 * const tie = compareSummaries(summarize(Array(6).fill(0.1)), summarize([0.1, 0.1]));
 * assert.deepEqual([tie.direction, tie.beyondNoise], ["tie", false]);
 * // Four of six runs diverged (NaN): the two that finished are beyond noise, the four counted.
 * const mostlyDiverged = compareSummaries(summarize([0.9, 0.91, NaN, NaN, NaN, NaN]), leaky);
 * assert.deepEqual([mostlyDiverged.beyondNoise, mostlyDiverged.diverged], [true, [4, 0]]);
 * ```
 */
export function compareSummaries(a: Summary, b: Summary): Comparison;
export function compareSummaries(a: Summary, b: Summary, extra?: unknown): Comparison {
  const action = "compare summaries";
  requireSummary(action, "a", a);
  requireSummary(action, "b", b);
  refuseTrailing(action, "compareSummaries", "a and b", "third", extra);
  const difference = a.mean - b.mean;
  const scaled = scaledDifference(a, b, 0);
  return {
    difference,
    se: scaled.se * scaled.scale,
    // A side with fewer than two finished runs has no standard error: nothing is beyond noise.
    beyondNoise: a.n >= 2 && b.n >= 2 && Math.abs(scaled.difference) > 2 * scaled.se,
    direction: directionOf(difference),
    diverged: [a.diverged, b.diverged],
  };
}

/**
 * Whether two summaries' means are the same within `margin`: `|difference| + 2 · se ≤ margin`,
 * the equivalence counterpart of the beyond-noise rule (see the module's documentation). False
 * when a side has fewer than two finished runs (the standard error is then unknown), and false
 * when a run diverged on either side: the mean and spread of the runs that finished say nothing
 * of those that did not, so a setting that sometimes diverges is not the same as one that does
 * not (as {@linkcode sameWithin} and {@linkcode noWorseWithin} say of a diverged pair).
 *
 * @param a The first setting's summary.
 * @param b The second setting's summary.
 * @param margin The largest difference that still counts as the same, a finite number > 0, in
 *   the summaries' unit; choose it before measuring and state it with the claim.
 * @returns Whether no run diverged and the difference's two-standard-error interval lies inside
 *   `[-margin, margin]`.
 *
 * @example
 * ```ts
 * import { summarize, withinMargin } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const relu = summarize([0.48, 0.50, 0.49]), leaky = summarize([0.50, 0.51, 0.50]);
 * assert.equal(withinMargin(relu, leaky, 0.05), true);
 * // Within noise of each other, but too noisy to call the same within 0.05:
 * const noisy = summarize([0.2, 0.8, 0.5]);
 * assert.equal(withinMargin(relu, noisy, 0.05), false);
 * // Close on the runs that finished, but one run of three diverged:
 * assert.equal(withinMargin(relu, summarize([0.50, 0.51, NaN]), 0.05), false);
 * ```
 */
export function withinMargin(a: Summary, b: Summary, margin: number): boolean;
export function withinMargin(a: Summary, b: Summary, margin: number, extra?: unknown): boolean {
  const action = "compare summaries within a margin";
  requireSummary(action, "a", a);
  requireSummary(action, "b", b);
  requireNumber(action, "margin", margin, { min: 0, minExclusive: true });
  refuseTrailing(action, "withinMargin", "a, b and margin", "fourth", extra);
  if (a.diverged > 0 || b.diverged > 0 || a.n < 2 || b.n < 2) return false;
  const { difference, se, scale } = scaledDifference(a, b, margin);
  return Math.abs(difference) + 2 * se <= margin / scale;
}

/**
 * `a.mean − b.mean` and its standard error `sqrt(a.se² + b.se²)`, both divided by `scale`, a
 * power of two near the largest of the means, standard errors and `margin`: exact, so in the
 * usual range the rules' verdicts are those of the unscaled arithmetic, and nothing squared or
 * summed over- or underflows (an se of 1e-200 squared is 0 in float64, one of 1e200 Infinity).
 */
function scaledDifference(
  a: Summary,
  b: Summary,
  margin: number,
): { difference: number; se: number; scale: number } {
  const scale = scaleFor([margin, a.mean, b.mean, a.se, b.se]);
  return {
    difference: a.mean / scale - b.mean / scale,
    se: Math.sqrt((a.se / scale) ** 2 + (b.se / scale) ** 2),
    scale,
  };
}

function directionOf(difference: number): Comparison["direction"] {
  if (Number.isNaN(difference)) return "undetermined";
  if (difference === 0) return "tie";
  return difference > 0 ? "higher" : "lower";
}

/** A claim's verdict, decided by {@linkcode verdictOf}. */
export type Verdict = "supported" | "qualified" | "not supported";

/**
 * The verdict of a claim from its findings, one per measured condition (a depth, a learning
 * rate, a data set...), each `true` when the claim held there: **supported** when it held in
 * every condition measured, **not supported** when it held in none, **qualified** when it held
 * in some. A finding from a comparison is usually `c.beyondNoise && c.direction === "higher"`
 * (or `"lower"`, as the claim says), with `c.diverged` weighed where a divergence bears on the
 * claim. A condition where a side has no finished run gives direction `"undetermined"` and
 * beyondNoise false: it counts as a condition where the claim did not hold (no evidence is no
 * support). Give every condition measured, never a chosen subset.
 *
 * @param findings Whether the claim held, per condition; at least one.
 * @returns The verdict.
 *
 * @example
 * ```ts
 * import { verdictOf } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(verdictOf([true, true]), "supported");
 * assert.equal(verdictOf([false, false, true]), "qualified");
 * assert.equal(verdictOf([false]), "not supported");
 * ```
 */
export function verdictOf(findings: readonly boolean[]): Verdict;
export function verdictOf(findings: readonly boolean[], extra?: unknown): Verdict {
  const action = "decide a verdict";
  if (!Array.isArray(findings)) {
    throw new TypeError(
      `Cannot ${action} as findings must be a non-empty array of booleans: findings=${
        formatValue(findings)
      }`,
    );
  }
  refuseTrailing(action, "verdictOf", "findings", "second", extra);
  if (findings.length === 0) {
    throw new RangeError(
      `Cannot ${action} as findings must be a non-empty array of booleans: findings=[]`,
    );
  }
  // An index loop, not for...of: a hole in a sparse array is refused as undefined.
  for (let i = 0; i < findings.length; i++) {
    if (typeof findings[i] !== "boolean") {
      throw new TypeError(
        `Cannot ${action} as every finding must be a boolean: findings[${i}]=${
          formatValue(findings[i])
        }`,
      );
    }
  }
  const held = findings.filter((f) => f).length;
  return held === findings.length ? "supported" : held === 0 ? "not supported" : "qualified";
}
