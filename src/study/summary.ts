/**
 * Mean and spread of one measurement over seeds, with the diverged runs counted, not dropped.
 *
 * Convention, used everywhere in relu-lab: the spread is the **sample** standard deviation
 * (n − 1 in the denominator), printed as `mean ± sd`, and the standard error of the mean is
 * `sd / sqrt(n)`.
 *
 * @module
 */

import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import type { SeedRun } from "./over_seeds.ts";
import { requireMetric, requireRuns } from "./_runs.ts";
import { refuseTrailing } from "../core/_require.ts";
import { scaleFor } from "./_scale.ts";

/** The mean and spread of one measurement over the runs that finished, and how many diverged. */
export interface Summary {
  /** The finite values, one per finished run, in order. */
  values: number[];
  /** The number of finished runs (finite values). */
  n: number;
  /** The number of runs that diverged (or gave a non-finite value). */
  diverged: number;
  /** The mean of `values` (NaN when n = 0): exactly their value when they are all equal. */
  mean: number;
  /**
   * The sample standard deviation, n − 1 in the denominator (NaN when n < 2): exactly 0 when
   * the values are all equal; Infinity only when it exceeds float64's range (about 1.8e308).
   */
  sd: number;
  /** The standard error of the mean, `sd / sqrt(n)` (NaN when n < 2). */
  se: number;
  /** The smallest value (NaN when n = 0). */
  min: number;
  /** The largest value (NaN when n = 0). */
  max: number;
}

/** Options of {@linkcode summarize}. */
export interface SummarizeOptions {
  /** Runs that diverged before giving a value, added to the count. Default: 0. */
  diverged?: number;
}

const SUMMARIZE_KEYS: OptionKeys<SummarizeOptions> = { diverged: "number" };

/**
 * Summarises one measurement over seeds. A non-finite value (NaN, ±Infinity) is a run that
 * diverged: it is counted in `diverged`, and the mean and spread are over the others.
 *
 * The values are divided by a power of two near the largest of them (an exact step) before
 * they are summed and squared, and the results multiplied back, so that values of any
 * magnitude, 1e-300 or 1e300, give their mean and spread without underflow or overflow; only an
 * sd beyond float64's range (about 1.8e308) is Infinity. The sums are compensated, and the mean
 * takes one correction pass over the residuals, so that n equal values give exactly that value
 * as the mean and exactly 0 as the sd (a tie is never a difference of rounding), and the mean
 * and sd are within about one rounding of the exact ones.
 *
 * @param values One value per run.
 * @param options `diverged`: runs that gave no value at all, counted too.
 * @returns The {@linkcode Summary}.
 *
 * @example
 * ```ts
 * import { summarize } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const s = summarize([0.9, 1.0, 0.8, NaN]);
 * assert.equal(s.n, 3);
 * assert.equal(s.diverged, 1);
 * assert.ok(Math.abs(s.mean - 0.9) < 1e-12);
 * assert.ok(Math.abs(s.sd - 0.1) < 1e-12); // sample sd: n - 1 in the denominator
 * assert.ok(Math.abs(s.se - 0.1 / Math.sqrt(3)) < 1e-12);
 * // Equal values give their value and no spread, exactly, near float64's limit too.
 * const tie = summarize(Array(10).fill(0.1));
 * assert.deepEqual([tie.mean, tie.sd], [0.1, 0]);
 * const huge = summarize([1e308, 1e308]);
 * assert.deepEqual([huge.mean, huge.sd], [1e308, 0]);
 * ```
 */
export function summarize(values: readonly number[], options?: SummarizeOptions): Summary;
export function summarize(
  values: readonly number[],
  options: SummarizeOptions = {},
  extra?: unknown,
): Summary {
  const action = "summarize";
  if (!Array.isArray(values)) {
    throw new TypeError(
      `Cannot ${action} as values must be an array of numbers${
        ArrayBuffer.isView(values) ? " (Array.from makes one of a typed array)" : ""
      }: values=${formatValue(values)}`,
    );
  }
  refuseTrailing(action, "summarize", "values and options", "third", extra);
  const { diverged } = requireOptions(action, options, SUMMARIZE_KEYS);
  const extraRuns = requireNumber(action, "diverged", diverged ?? 0, { integer: true, min: 0 });
  // An index loop, not for...of: a hole in a sparse array is refused as undefined.
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== "number") {
      throw new TypeError(
        `Cannot ${action} as every value must be a number: values[${i}]=${formatValue(values[i])}`,
      );
    }
  }
  const kept = values.filter((v) => Number.isFinite(v));
  const n = kept.length;
  // Loops, not Math.min(...kept): spreading some 10^5 values overflows the call stack.
  let min = Infinity;
  let max = -Infinity;
  for (const v of kept) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Everything below is in units of `scale` (exact), where no sum or square over- or underflows.
  const scale = scaleFor([min, max]); // the largest magnitude is one of them
  let mean = compensatedSum(kept, scale, 0) / n;
  // One correction pass: what the rounding of the sum and of the division left, measured on the
  // residuals and added back (0 when the values are all equal, and the mean exactly their value).
  mean += compensatedSum(kept, scale, mean) / n;
  // The squared deviations, summed with the same compensation (their rounding would otherwise
  // grow with the number of runs).
  let squares = 0;
  let lost = 0;
  for (const v of kept) {
    const square = (v / scale - mean) ** 2;
    const next = squares + square;
    lost += twoSumError(squares, square, next);
    squares = next;
  }
  squares += lost;
  const spread = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  // The mean of finite values lies between the smallest and the largest of them, which a last
  // rounding could otherwise pass (and, next to float64's largest value, overflow).
  mean *= scale;
  if (mean > max) mean = max;
  else if (mean < min) mean = min;
  return {
    values: kept,
    n,
    diverged: values.length - n + extraRuns,
    mean: n === 0 ? NaN : mean,
    sd: spread * scale,
    // From the scaled spread, so that it stays finite where only the sd exceeds float64's range.
    se: (spread / Math.sqrt(n)) * scale,
    min: n === 0 ? NaN : min,
    max: n === 0 ? NaN : max,
  };
}

/**
 * The sum of `v / scale - shift` over `values`, compensated: the rounding error of each
 * subtraction and of each addition (Knuth's two-sum, exact in float64) is kept apart and added
 * at the end, so that the sum is accurate to about one rounding even where terms cancel.
 */
function compensatedSum(values: readonly number[], scale: number, shift: number): number {
  let sum = 0;
  let lost = 0;
  for (const v of values) {
    const x = v / scale;
    const term = x - shift;
    const next = sum + term;
    lost += twoSumError(x, -shift, term) + twoSumError(sum, term, next);
    sum = next;
  }
  return sum + lost;
}

/** The exact error `a + b - s` of the float64 sum `s = a + b` (Knuth's two-sum). */
function twoSumError(a: number, b: number, s: number): number {
  const bPart = s - a;
  return (a - (s - bPart)) + (b - bPart);
}

/**
 * Summarises one measurement of runs from {@linkcode overSeeds}: `metric` is applied to each
 * finished run's result; diverged runs are counted. A metric that gives no number (a misspelt
 * field) is a mistake and throws a `TypeError` naming the seed; a non-finite number (NaN,
 * ±Infinity) counts as a diverged run.
 *
 * @param runs The runs.
 * @param metric What to measure in a finished run's result.
 * @returns The {@linkcode Summary}.
 *
 * @example
 * ```ts
 * import { measure, overSeeds, TrainingDivergedError } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const runs = overSeeds([0, 1, 2], (seed) => {
 *   if (seed === 1) throw new TrainingDivergedError([], 2, 5, Infinity);
 *   return { loss: seed + 1 };
 * });
 * const loss = measure(runs, (r) => r.loss);
 * assert.deepEqual([loss.n, loss.diverged, loss.mean], [2, 1, 2]);
 * // @ts-expect-error: a misspelt field gives undefined
 * assert.throws(() => measure(runs, (r) => r.los), {
 *   name: "TypeError",
 *   message:
 *     "Cannot measure as the metric must give a number for every finished run: seed 0 gave undefined",
 * });
 * ```
 */
export function measure<T>(runs: readonly SeedRun<T>[], metric: (result: T) => number): Summary;
export function measure<T>(
  runs: readonly SeedRun<T>[],
  metric: (result: T) => number,
  extra?: unknown,
): Summary {
  const action = "measure";
  requireRuns(action, "runs", runs);
  requireMetric(action, metric);
  refuseTrailing(action, "measure", "runs and metric", "third", extra);
  const values: number[] = [];
  let diverged = 0;
  for (const run of runs) {
    if (run.diverged !== undefined) {
      diverged++;
      continue;
    }
    const value = metric(run.result as T);
    if (typeof value !== "number") {
      throw new TypeError(
        `Cannot ${action} as the metric must give a number for every finished run: seed ${run.seed} gave ${
          formatValue(value)
        }`,
      );
    }
    values.push(value);
  }
  return summarize(values, { diverged });
}

/** Options of {@linkcode formatSummary}. */
export interface FormatSummaryOptions {
  /**
   * Multiply the values by this finite number before printing (100 for fractions as percentages;
   * a negative one flips the mean's sign, the spread stays ≥ 0). Default: 1. A scale of 0,
   * which would print every summary as 0, and a scale that makes a finite mean or sd infinite
   * are refused, rather than printed as 0 or Infinity.
   */
  scale?: number;
  /**
   * Digits after the decimal point, an integer in 0..100. Default: 3. A number of magnitude 1e21
   * or more prints in exponent form, as `Number.prototype.toFixed` gives it.
   */
  digits?: number;
  /** Appended to the numbers, e.g. `"%"`. Default: none. */
  unit?: string;
}

const FORMAT_SUMMARY_KEYS: OptionKeys<FormatSummaryOptions> = {
  scale: "number",
  digits: "number",
  unit: true,
};

/**
 * Formats a summary as `mean ± sd` (sample sd), with the number of finished runs and, when there
 * are any, of the diverged ones: `"0.900 ± 0.100 (n = 3, 1 diverged)"`. One finished run has no
 * spread and prints its value alone (`"0.500 (n = 1)"`); none prints `"no finished run"`.
 *
 * @param summary A {@linkcode Summary}; anything else throws, as {@linkcode requireSummary} says.
 * @param options Scale, digits and unit.
 * @returns The text.
 *
 * @example
 * ```ts
 * import { formatSummary, summarize } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatSummary(summarize([0.9, 1.0, 0.8, NaN])), "0.900 ± 0.100 (n = 3, 1 diverged)");
 * assert.equal(
 *   formatSummary(summarize([0.9, 1.0]), { scale: 100, digits: 1, unit: "%" }),
 *   "95.0 ± 7.1% (n = 2)",
 * );
 * assert.equal(formatSummary(summarize([NaN, NaN])), "no finished run (2 diverged)");
 * assert.throws(() => formatSummary(summarize([2, 3]), { scale: 1e308 }), {
 *   name: "RangeError",
 *   message:
 *     "Cannot format a summary as scale must keep the summary's mean finite: scale=1e+308 makes mean 2.5 print as Infinity",
 * });
 * ```
 */
export function formatSummary(summary: Summary, options?: FormatSummaryOptions): string;
export function formatSummary(
  summary: Summary,
  options: FormatSummaryOptions = {},
  extra?: unknown,
): string {
  const action = "format a summary";
  refuseTrailing(action, "formatSummary", "summary and options", "third", extra);
  const checked = requireOptions(action, options, FORMAT_SUMMARY_KEYS);
  const scale = requireNumber(action, "scale", checked.scale ?? 1);
  if (scale === 0) {
    throw new RangeError(
      `Cannot ${action} as scale must not be 0, which prints every summary as 0: scale=0`,
    );
  }
  const digits = requireNumber(action, "digits", checked.digits ?? 3, {
    integer: true,
    min: 0,
    max: 100,
  });
  const unit = checked.unit ?? "";
  if (typeof unit !== "string") {
    throw new TypeError(`Cannot ${action} as unit must be a string: unit=${formatValue(unit)}`);
  }
  requireSummary(action, "summary", summary);
  const diverged = summary.diverged > 0 ? `${summary.diverged} diverged` : "";
  if (summary.n === 0) return `no finished run${diverged ? ` (${diverged})` : ""}`;
  // A spread is never negative, whatever the sign of the scale.
  const scaledMean = summary.mean * scale, scaledSd = summary.sd * Math.abs(scale);
  for (
    const [field, value, scaled] of [
      ["mean", summary.mean, scaledMean],
      ["sd", summary.n > 1 ? summary.sd : NaN, scaledSd],
    ] as const
  ) {
    if (Number.isFinite(value) && !Number.isFinite(scaled)) {
      throw new RangeError(
        `Cannot format a summary as scale must keep the summary's ${field} finite: scale=${
          formatValue(scale)
        } makes ${field} ${formatValue(value)} print as ${formatValue(scaled)}`,
      );
    }
  }
  const mean = scaledMean.toFixed(digits);
  const spread = summary.n > 1 ? ` ± ${scaledSd.toFixed(digits)}` : "";
  return `${mean}${spread}${unit} (n = ${summary.n}${diverged ? `, ${diverged}` : ""})`;
}

/**
 * Checks that `value` is a {@linkcode Summary} as {@linkcode summarize} makes one, or throws: a
 * `TypeError` when it is not an object or a field has the wrong type, a `RangeError` when a
 * field is out of range or disagrees with the others. It checks the fields that the study
 * helpers read: `n` and `diverged` integers >= 0; `values`, when given, an array of `n` values;
 * `mean` a finite number when n >= 1, NaN when n = 0; `sd` and `se` numbers >= 0 when n >= 2
 * (Infinity only where the sd exceeds float64's range), NaN when n < 2; and `se` equal to
 * `sd / sqrt(n)` (to 1e-9 of it). A hand-made summary missing `diverged`, with a negative `se`,
 * with an `se` from fewer than two runs, or claiming more runs than its values would otherwise
 * give a wrong comparison or text without a word.
 *
 * @param action What was being attempted, e.g. `"compare summaries"`.
 * @param name The parameter's name, e.g. `"a"`.
 * @param value The value received.
 * @returns The value, typed as a Summary.
 *
 * @example
 * ```ts
 * import { requireSummary, summarize } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const s = summarize([1, 2, 3]);
 * assert.equal(requireSummary("compare summaries", "a", s), s);
 * assert.throws(() => requireSummary("compare summaries", "a", { ...s, se: -1 }), {
 *   name: "RangeError",
 *   message: "Cannot compare summaries as a.se must be a number >= 0 (NaN only when a.n < 2): a.se=-1",
 * });
 * // One run has no spread: an se of 0 would make any difference beyond noise.
 * assert.throws(() => requireSummary("compare summaries", "a", { ...summarize([1]), se: 0 }), {
 *   name: "RangeError",
 *   message: "Cannot compare summaries as a.se must be NaN when a.n < 2 (no spread from fewer than two runs): a.se=0",
 * });
 * ```
 */
export function requireSummary(action: string, name: string, value: unknown): Summary {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a Summary (from summarize, measure or measurePaired): ${name}=${
        formatValue(value)
      }`,
    );
  }
  const s = value as Record<keyof Summary, unknown>;
  const n = requireNumber(action, `${name}.n`, s.n, { integer: true, min: 0 });
  requireNumber(action, `${name}.diverged`, s.diverged, { integer: true, min: 0 });
  if (s.values !== undefined) {
    // n is what the standard error divides by: a summary claiming more runs than it holds would
    // make a difference beyond noise that is not.
    const requirement =
      `${name}.values, when given, must hold ${name}.n values (one per finished run)`;
    if (!Array.isArray(s.values)) {
      throw new TypeError(
        `Cannot ${action} as ${requirement}: ${name}.values=${
          formatValue(s.values)
        }, ${name}.n=${n}`,
      );
    }
    if (s.values.length !== n) {
      throw new RangeError(
        `Cannot ${action} as ${requirement}: ${name}.values.length=${s.values.length}, ${name}.n=${n}`,
      );
    }
  }
  const field = (key: "mean" | "sd" | "se", requirement: string, ok: (v: number) => boolean) => {
    const v = s[key];
    const message = `Cannot ${action} as ${name}.${key} must be ${requirement}: ${name}.${key}=${
      formatValue(v)
    }`;
    if (typeof v !== "number") throw new TypeError(message);
    if (!ok(v)) throw new RangeError(message);
    return v;
  };
  if (n === 0) field("mean", `NaN when ${name}.n = 0 (no finished run)`, Number.isNaN);
  else field("mean", `a finite number (NaN only when ${name}.n = 0)`, Number.isFinite);
  const [sd, se] = (["sd", "se"] as const).map((key) =>
    n < 2
      ? field(key, `NaN when ${name}.n < 2 (no spread from fewer than two runs)`, Number.isNaN)
      : field(key, `a number >= 0 (NaN only when ${name}.n < 2)`, (v) => v >= 0)
  );
  if (n >= 2 && !seAgrees(sd, se, n)) {
    throw new RangeError(
      `Cannot ${action} as ${name}.se must be ${name}.sd / sqrt(${name}.n): ${name}.se=${
        formatValue(se)
      }, ${name}.sd=${formatValue(sd)}, ${name}.n=${n}`,
    );
  }
  return value as Summary;
}

/**
 * Whether `se` is `sd / sqrt(n)` to 1e-9 of it, or a few steps of float64's subnormal grid
 * (where summarize's se, computed from the scaled spread, and sd / sqrt(n) round apart). An
 * infinite sd (beyond float64's range) leaves the se, computed apart, unchecked.
 */
function seAgrees(sd: number, se: number, n: number): boolean {
  if (sd === Infinity) return true;
  const expected = sd / Math.sqrt(n);
  return Math.abs(se - expected) <= 1e-9 * expected + 4 * Number.MIN_VALUE;
}
