/**
 * The rules every claim test applies, the notebooks' own: a difference is beyond noise when it
 * exceeds two standard errors (`compareSummaries`); a claim that one setting is no worse than
 * another uses the per-seed difference within a stated margin (`measurePaired`, `noWorseWithin`,
 * imported from the module where used); a claim's verdict comes from its findings
 * (`verdictOf`) and must be the registry's, and a number of a registry finding is checked at the
 * precision it is printed with. Test helpers, not part of the module.
 *
 * @module
 */
import assert from "node:assert/strict";
import {
  compareSummaries,
  measure,
  type SeedRun,
  summarize,
  type Summary,
  verdictOf,
} from "../../src/mod.ts";
import { CLAIMS } from "./registry.ts";

/** Asserts that the notebook's rule gives the registry's verdict for claim `id`. */
export function assertVerdict(id: string, findings: boolean[]): void {
  const record = CLAIMS.find((r) => r.id === id);
  assert.ok(record, `${id} is in the registry`);
  assert.equal(verdictOf(findings), record.verdict, `${id}: findings ${findings}`);
}

/** Asserts that `actual` rounds to `stated`, a number of the registry's finding, at `unit`. */
export function assertAbout(actual: number, stated: number, unit: number, what: string): void {
  assert.ok(Math.abs(actual - stated) <= unit / 2 + 1e-12, `${what}: ${actual}, stated ${stated}`);
}

/** Asserts a summary's mean and sd, in percent, at the printed 0.1, and that no run diverged. */
export function assertPercent(s: Summary, mean: number, sd: number, what: string): void {
  assertAbout(100 * s.mean, mean, 0.1, `${what}, mean (%)`);
  assertAbout(100 * s.sd, sd, 0.1, `${what}, sd (%)`);
  assert.deepEqual([s.n, s.diverged], [5, 0], `${what}: 5 finished runs`);
}

/**
 * Asserts a paired difference's mean and 2 SE, times `scale`, at the printed `unit`, and that all
 * 5 pairs finished.
 */
export function assertPaired(
  d: Summary,
  mean: number,
  twoSe: number,
  unit: number,
  scale: number,
  what: string,
): void {
  assertAbout(scale * d.mean, mean, unit, `${what}, mean`);
  assertAbout(scale * 2 * d.se, twoSe, unit, `${what}, 2 SE`);
  assert.deepEqual([d.n, d.diverged], [5, 0], `${what}: 5 finished pairs`);
}

/** Whether a's mean is above (or below) b's beyond noise: the study kit's one rule. */
export function beyond(a: Summary, b: Summary, direction: "higher" | "lower"): boolean {
  const c = compareSummaries(a, b);
  return c.beyondNoise && c.direction === direction;
}

/** Caches a computation shared by several tests, so each runs once per file. */
export function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/**
 * The unbounded-output findings of notebooks 03 and 05: for each pair of a rectifier's runs and
 * tanh's with the same weights (one pair per initialisation), whether the rectifier's activations
 * grow (their factor per layer above 1 and above tanh's, each beyond noise), then whether log10 of
 * its first layer's gradient norm is above tanh's beyond noise.
 */
export function unboundedFindings<T>(
  pairs: readonly (readonly [SeedRun<T>[], SeedRun<T>[]])[],
  growth: (result: T) => number,
  logGradient: (result: T) => number,
): boolean[] {
  return pairs.flatMap(([rectifier, tanh]) => [
    beyond(measure(rectifier, growth), summarize([1, 1]), "higher") &&
    beyond(measure(rectifier, growth), measure(tanh, growth), "higher"),
    beyond(measure(rectifier, logGradient), measure(tanh, logGradient), "higher"),
  ]);
}
