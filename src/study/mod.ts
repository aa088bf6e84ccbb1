/**
 * The study kit the notebooks share: run an experiment over seeds keeping the diverged runs
 * ({@linkcode overSeeds}), summarise a measurement as mean ± sample sd with the diverged runs
 * counted ({@linkcode summarize}, {@linkcode measure}, {@linkcode formatSummary}), the one
 * beyond-noise rule ({@linkcode compareSummaries}: a difference beyond 2 standard errors of the
 * difference), the rules for a setting no worse than another or the same within a margin, on
 * per-seed differences ({@linkcode measurePaired}, {@linkcode noWorseWithin},
 * {@linkcode sameWithin}; unpaired: {@linkcode withinMargin}), and the one verdict rule
 * ({@linkcode verdictOf}). No prose: the notebooks write their own.
 *
 * @example A comparison over seeds, in view
 * ```ts
 * import { compareSummaries, measure, overSeeds, verdictOf } from "@relu-lab/relu-lab/study";
 * import assert from "node:assert/strict";
 *
 * const a = measure(overSeeds([0, 1, 2], (seed) => 1 + seed / 100), (v) => v);
 * const b = measure(overSeeds([0, 1, 2], (seed) => 2 + seed / 100), (v) => v);
 * const c = compareSummaries(b, a);
 * assert.equal(verdictOf([c.beyondNoise && c.direction === "higher"]), "supported");
 * ```
 *
 * @module
 */
export * from "./over_seeds.ts";
export * from "./summary.ts";
export * from "./beyond_noise.ts";
export * from "./paired.ts";
export * from "./time_ratio.ts";
