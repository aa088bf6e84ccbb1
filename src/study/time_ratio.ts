/**
 * Timing one piece of code against another on a busy machine: the one timing rule the notebooks
 * share.
 *
 * @module
 */

import { requireOptions } from "../core/validate.ts";

/** Options of {@linkcode timeRatio}. */
export interface TimeRatioOptions {
  /** Timed rounds after the warm-up round, each one call of `a` and one of `b`; default 15. */
  rounds?: number;
}

/** What {@linkcode timeRatio} measured. */
export interface TimeRatio {
  /** The median over the rounds of `a`'s time over `b`'s: below 1 when `a` is faster. */
  ratio: number;
  /** The median time of one call of `a`, in milliseconds. */
  aMs: number;
  /** The median time of one call of `b`, in milliseconds. */
  bMs: number;
  /** `ratio < 0.8`: `a` took less than 0.8 of `b`'s time (the rule's margin for noise). */
  faster: boolean;
  /** `ratio > 1.25`: `a` took more than 1.25 times `b`'s time. */
  slower: boolean;
  /** Every round's ratio, in the order measured (the whole set the median is taken from). */
  ratios: number[];
}

/** The rule's margin: a ratio beyond a factor of 1.25 either way counts as a difference. */
const FACTOR = 1.25;

/**
 * Times `a` against `b`. After one warm-up round, each round calls both back to back, in turns
 * (`a` first in odd rounds, `b` first in even ones), and takes the ratio of their times. The
 * result is the median of those ratios: load on a shared machine slows the two calls of a round
 * alike, and the median ignores the rounds in which a burst hit only one of them. **The rule**: `a`
 * is *faster* than `b` when the ratio is below 0.8, *slower* when it is above 1.25, and the two
 * cost about the same in between. Timings still vary from run to run and machine to machine, so
 * cells that print them are tagged `nondeterministic`; the margin keeps their verdicts stable
 * where the effect is clear.
 *
 * @param a The code timed, called once per round.
 * @param b The code it is timed against, called once per round.
 * @param options `rounds` (default 15).
 * @returns The median ratio, the median times, the verdict flags and every round's ratio.
 *
 * @example
 * ```ts
 * import { timeRatio } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const values = new Float64Array(100_000).map((_, i) => i / 1000);
 * const out = new Float64Array(values.length);
 * const copy = () => out.set(values);
 * const exps = () => {
 *   for (let i = 0; i < values.length; i++) out[i] = Math.exp(Math.sin(values[i]));
 * };
 * const t = timeRatio(copy, exps, { rounds: 5 });
 * assert.equal(t.ratios.length, 5);
 * assert.ok(t.faster && !t.slower, `a copy is faster than exp(sin(x)): ratio ${t.ratio}`);
 * ```
 */
export function timeRatio(
  a: () => unknown,
  b: () => unknown,
  options?: TimeRatioOptions,
): TimeRatio {
  const action = "time a against b";
  const { rounds = 15 } = requireOptions(action, options, { rounds: true });
  for (const [name, fn] of [["a", a], ["b", b]] as const) {
    if (typeof fn !== "function") {
      throw new TypeError(`Cannot ${action} as ${name} must be a function: ${name}=${String(fn)}`);
    }
  }
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new RangeError(
      `Cannot ${action} as rounds must be an integer >= 1: rounds=${String(rounds)}`,
    );
  }
  const aMs: number[] = [], bMs: number[] = [], ratios: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const aFirst = round % 2 === 1;
    const first = timed(aFirst ? a : b);
    const second = timed(aFirst ? b : a);
    if (round === 0) continue; // the warm-up round: compilation, caches
    const [ta, tb] = aFirst ? [first, second] : [second, first];
    if (ta === 0 || tb === 0) {
      throw new RangeError(
        `Cannot ${action} as a call took no measurable time (below the clock's resolution; ` +
          `time more work per call): a=${ta} ms, b=${tb} ms`,
      );
    }
    aMs.push(ta);
    bMs.push(tb);
    ratios.push(ta / tb);
  }
  const ratio = median(ratios);
  return {
    ratio,
    aMs: median(aMs),
    bMs: median(bMs),
    faster: ratio < 1 / FACTOR,
    slower: ratio > FACTOR,
    ratios,
  };
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = values.toSorted((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
