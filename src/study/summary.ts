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

/** The mean and spread of one measurement over the runs that finished, and how many diverged. */
export interface Summary {
  /** The finite values, one per finished run, in order. */
  values: number[];
  /** The number of finished runs (finite values). */
  n: number;
  /** The number of runs that diverged (or gave a non-finite value). */
  diverged: number;
  /** The mean of `values` (NaN when n = 0). */
  mean: number;
  /** The sample standard deviation, n − 1 in the denominator (NaN when n < 2). */
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
 * ```
 */
export function summarize(values: readonly number[], options: SummarizeOptions = {}): Summary {
  if (!Array.isArray(values)) {
    throw new TypeError(
      `Cannot summarize as values must be an array of numbers: values=${String(values)}`,
    );
  }
  const { diverged } = requireOptions("summarize", options, SUMMARIZE_KEYS);
  const extra = requireNumber("summarize", "diverged", diverged ?? 0, { integer: true, min: 0 });
  for (const v of values) {
    if (typeof v !== "number") {
      throw new TypeError(`Cannot summarize as every value must be a number: value=${String(v)}`);
    }
  }
  const kept = values.filter((v) => Number.isFinite(v));
  const n = kept.length;
  let sum = 0;
  for (const v of kept) sum += v;
  const mean = n === 0 ? NaN : sum / n;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of kept) {
    squares += (v - mean) ** 2;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  return {
    values: kept,
    n,
    diverged: values.length - n + extra,
    mean,
    sd,
    se: sd / Math.sqrt(n),
    // A loop, not Math.min(...kept): spreading some 10^5 values overflows the call stack.
    min: n === 0 ? NaN : min,
    max: n === 0 ? NaN : max,
  };
}

/**
 * Summarises one measurement of runs from {@linkcode overSeeds}: `metric` is applied to each
 * finished run's result; diverged runs are counted.
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
 * ```
 */
export function measure<T>(runs: readonly SeedRun<T>[], metric: (result: T) => number): Summary {
  requireRuns("measure", "runs", runs);
  requireMetric("measure", metric);
  const finished = runs.filter((run) => run.diverged === undefined);
  return summarize(finished.map((run) => metric(run.result as T)), {
    diverged: runs.length - finished.length,
  });
}

/** Options of {@linkcode formatSummary}. */
export interface FormatSummaryOptions {
  /**
   * Multiply the values by this finite number before printing (100 for fractions as percentages;
   * a negative one flips the mean's sign, the spread stays ≥ 0). Default: 1.
   */
  scale?: number;
  /** Digits after the decimal point, an integer in 0..100. Default: 3. */
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
 * are any, of the diverged ones: `"0.900 ± 0.100 (n = 3, 1 diverged)"`.
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
 * ```
 */
export function formatSummary(summary: Summary, options: FormatSummaryOptions = {}): string {
  const action = "format a summary";
  const checked = requireOptions(action, options, FORMAT_SUMMARY_KEYS);
  const scale = requireNumber(action, "scale", checked.scale ?? 1);
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
  const mean = (summary.mean * scale).toFixed(digits);
  // A spread is never negative, whatever the sign of the scale.
  const spread = summary.n > 1 ? ` ± ${(summary.sd * Math.abs(scale)).toFixed(digits)}` : "";
  return `${mean}${spread}${unit} (n = ${summary.n}${diverged ? `, ${diverged}` : ""})`;
}

/**
 * Checks that `value` is a {@linkcode Summary} as {@linkcode summarize} makes one, or throws: a
 * `TypeError` when it is not an object or a field has the wrong type, a `RangeError` when a
 * field is out of range. It checks the fields that the study helpers read: `n` and `diverged`
 * integers >= 0, `mean` a number (NaN only when n = 0), `sd` and `se` numbers >= 0 (NaN only
 * when n < 2). A hand-made summary missing `diverged`, or with a negative `se`, would otherwise
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
 * ```
 */
export function requireSummary(action: string, name: string, value: unknown): Summary {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a Summary (from summarize or measure): ${name}=${
        formatValue(value)
      }`,
    );
  }
  const s = value as Record<keyof Summary, unknown>;
  const n = requireNumber(action, `${name}.n`, s.n, { integer: true, min: 0 });
  requireNumber(action, `${name}.diverged`, s.diverged, { integer: true, min: 0 });
  const field = (key: "mean" | "sd" | "se", requirement: string, ok: (v: number) => boolean) => {
    const v = s[key];
    const message = `Cannot ${action} as ${name}.${key} must be ${requirement}: ${name}.${key}=${
      formatValue(v)
    }`;
    if (typeof v !== "number") throw new TypeError(message);
    if (!ok(v)) throw new RangeError(message);
  };
  field("mean", `a number (NaN only when ${name}.n = 0)`, (v) => !Number.isNaN(v) || n === 0);
  for (const key of ["sd", "se"] as const) {
    field(
      key,
      `a number >= 0 (NaN only when ${name}.n < 2)`,
      (v) => Number.isNaN(v) ? n < 2 : v >= 0,
    );
  }
  return value as Summary;
}
