/**
 * Timing one piece of code against another on a busy machine: the one timing rule the notebooks
 * share.
 *
 * @module
 */

import process from "node:process";
import { formatValue, requireNumber, requireOptions } from "../core/validate.ts";
import { isThenable, refuseTrailing } from "../core/_require.ts";

/** Options of {@linkcode timeRatio}. */
export interface TimeRatioOptions {
  /**
   * Timed rounds after the warm-up, each one batch of `a` and one of `b`; an integer >= 1,
   * default 9. The median shields the ratio from a round that something hit on one side only
   * from three rounds on; with one or two it is that round's ratio or the mean of the two.
   */
  rounds?: number;
  /**
   * The least time, in milliseconds, a batch of calls should take, a number in 0..10000
   * (default 5): after the warm-up
   * call of each, the number of calls grows until a batch of the slower function takes this
   * long on the clock (at most 2^24 calls).
   */
  batchMs?: number;
  /**
   * The clock, in milliseconds: by default the CPU time this process has used (user and system,
   * `process.cpuUsage()`), which does not count the time spent waiting for a core while other
   * processes ran. Pass `() => performance.now()` for wall-clock time. A reading that is not
   * a finite number throws, and so does a batch whose end reads earlier than its start (a clock
   * that runs backwards).
   */
  clock?: () => number;
}

/** What {@linkcode timeRatio} measured. */
export interface TimeRatio {
  /** The median over the rounds of `a`'s time over `b`'s: below 1 when `a` is faster. */
  ratio: number;
  /** The median time of one call of `a`, in milliseconds. */
  aMs: number;
  /** The median time of one call of `b`, in milliseconds. */
  bMs: number;
  /** Calls of each function per batch, grown after the warm-up until a batch took `batchMs`. */
  calls: number;
  /** `ratio < 0.8`: `a` took less than 0.8 of `b`'s time (the rule's margin for noise). */
  faster: boolean;
  /** `ratio > 1.25`: `a` took more than 1.25 times `b`'s time. */
  slower: boolean;
  /** Every round's ratio, in the order measured (the whole set the median is taken from). */
  ratios: number[];
}

/** The rule's margin: a ratio beyond a factor of 1.25 either way counts as a difference. */
const FACTOR = 1.25;

/** The most calls a batch may have (2^24): a call too short to time even then is refused. */
const MAX_CALLS = 2 ** 24;

/**
 * Times `a` against `b`. A warm-up call of each (compilation, caches), then the batch: as many
 * calls as make a batch of the slower one take `batchMs` on the clock, found by growing the
 * count and timing it. Then each round times one batch of `a` and one of `b` back to back, in
 * turns (`a` first in odd rounds), and takes the ratio of their times per call. The result is the
 * median of those ratios. The clock is the process's CPU time, so the time it spent waiting while
 * other processes had the cores does not count; what load still changes (caches, memory
 * bandwidth) it changes for both batches of a round alike, and the median (of three rounds or
 * more) ignores a round in which something hit one side only. **The rule**: `a` is *faster* than `b` when the ratio is below 0.8,
 * *slower* when it is above 1.25, and the two cost about the same in between. Timings still vary
 * from run to run and machine to machine, so cells that print them are tagged `nondeterministic`;
 * the margin keeps their verdicts stable where the effect is clear.
 *
 * @param a The code timed.
 * @param b The code it is timed against.
 * @param options `rounds` (default 9), `batchMs` (default 5) and `clock` (CPU time).
 * @returns The median ratio, the median times per call, the batch size, the verdict flags and
 * every round's ratio.
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
 * // An async function returns before its work is done: refused, not timed.
 * assert.throws(() => timeRatio(async () => await 1, copy), /a must return its result, not a promise/);
 * ```
 */
export function timeRatio(
  a: () => unknown,
  b: () => unknown,
  options?: TimeRatioOptions,
): TimeRatio;
export function timeRatio(
  a: () => unknown,
  b: () => unknown,
  options?: TimeRatioOptions,
  extra?: unknown,
): TimeRatio {
  const action = "time a against b";
  const { rounds = 9, batchMs = 5, clock = cpuMs } = requireOptions(action, options, {
    rounds: "number",
    batchMs: "number",
    clock: true,
  });
  if (typeof clock !== "function") {
    throw new TypeError(
      `Cannot ${action} as clock must be a function: clock=${formatValue(clock)}`,
    );
  }
  for (const [name, fn] of [["a", a], ["b", b]] as const) {
    if (typeof fn !== "function") {
      throw new TypeError(
        `Cannot ${action} as ${name} must be a function: ${name}=${formatValue(fn)}`,
      );
    }
  }
  requireNumber(action, "rounds", rounds, { integer: true, min: 1 });
  requireNumber(action, "batchMs", batchMs, { min: 0, max: 10_000 });
  refuseTrailing(action, "timeRatio", "a, b and options", "fourth", extra);
  // The clock's readings are checked (once per batch, outside the timed calls): a reading that
  // is not a finite number would make every ratio NaN, neither faster nor slower; a batch that
  // ends before it starts (a clock running backwards) would grow to 2^24 calls, then give a
  // negative time per call.
  const read = () => requireNumber(action, "clock()", clock());
  const timed = (fn: () => unknown, calls: number) => {
    const start = read();
    for (let i = 0; i < calls; i++) fn();
    const end = read();
    const elapsed = end - start;
    if (!(elapsed >= 0) || elapsed === Infinity) {
      throw new RangeError(
        `Cannot ${action} as a batch's elapsed time must be a finite number >= 0 (the clock ` +
          `must not run backwards): elapsed=${formatValue(elapsed)} (clock() read ` +
          `${formatValue(start)}, then ${formatValue(end)})`,
      );
    }
    return elapsed;
  };
  // An async function would be timed creating its promise, not doing its work: refused at its
  // warm-up call, before any batch is timed.
  const warmUp = (name: "a" | "b", fn: () => unknown) => {
    let result: unknown;
    const elapsed = timed(() => {
      result = fn();
    }, 1);
    if (isThenable(result)) {
      throw new TypeError(
        `Cannot ${action} as ${name} must return its result, not a promise: ${name}() returned a promise (timeRatio times synchronous code, whose work is done when it returns)`,
      );
    }
    return elapsed;
  };
  // The warm-up call of each (compilation, caches) is the first try at a batch. A call shorter
  // than a few of the clock's ticks cannot size the batch by itself (the CPU clock ticks in
  // microseconds or coarser), so the batch grows, at most tenfold a step, until a batch of the
  // slower of the two measures batchMs on the clock.
  let calls = 1;
  let slowest = Math.max(warmUp("b", b), warmUp("a", a));
  while (slowest < batchMs && calls < MAX_CALLS) {
    const factor = slowest > 0 ? Math.min(10, Math.max(2, Math.ceil(batchMs / slowest))) : 10;
    calls = Math.min(MAX_CALLS, calls * factor);
    slowest = Math.max(timed(a, calls), timed(b, calls));
  }
  const aMs: number[] = [], bMs: number[] = [], ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const aFirst = round % 2 === 1;
    const first = timed(aFirst ? a : b, calls) / calls;
    const second = timed(aFirst ? b : a, calls) / calls;
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
    calls,
    faster: ratio < 1 / FACTOR,
    slower: ratio > FACTOR,
    ratios,
  };
}

/** The CPU time this process has used, user and system, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function median(values: number[]): number {
  const sorted = values.toSorted((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
