import assert from "node:assert/strict";
import {
  compareSummaries,
  createPrng,
  measurePaired,
  noWorseWithin,
  overSeeds,
  randomNormal,
  summarize,
} from "../../src/mod.ts";

// The module docs of beyond_noise.ts and paired.ts quote how often the two-standard-error rules
// fire on pure noise. These tests redraw those rates with the library's own rules (100,000
// seeded trials a count) and check each against the quoted figure.

const TRIALS = 100_000;

function draws(prng: () => number, n: number): number[] {
  return Array.from({ length: n }, () => randomNormal(prng));
}

/** The share of trials, with no true difference, that compareSummaries calls beyond noise. */
function beyondNoiseRate(n: number, seed: number): number {
  const prng = createPrng(seed);
  let fired = 0;
  for (let t = 0; t < TRIALS; t++) {
    const a = summarize(draws(prng, n)), b = summarize(draws(prng, n));
    if (compareSummaries(a, b).beyondNoise) fired++;
  }
  return fired / TRIALS;
}

/** The share of trials where a, worse by exactly the margin, is still found no worse. */
function noWorseRate(n: number, seed: number): number {
  const prng = createPrng(seed);
  const seeds = Array.from({ length: n }, (_, i) => i);
  const margin = 1;
  let passed = 0;
  for (let t = 0; t < TRIALS; t++) {
    const d = draws(prng, n).map((v) => v - margin); // a − b, worse ("lower") by the margin
    const a = overSeeds(seeds, (s) => d[s]);
    const b = overSeeds(seeds, () => 0);
    if (noWorseWithin(measurePaired(a, b, (r) => r), margin, "lower")) passed++;
  }
  return passed / TRIALS;
}

// Each quoted rate with the band a 100,000-trial estimate falls in (about four binomial sds).
const BEYOND_NOISE: [number, number][] = [[2, 0.18], [3, 0.12], [5, 0.08], [10, 0.06], [30, 0.05]];
const NO_WORSE: [number, number][] = [[2, 0.15], [3, 0.09], [5, 0.06], [10, 0.04]];

Deno.test("the beyond-noise rule fires on pure noise as often as its docs say", async (t) => {
  for (const [n, quoted] of BEYOND_NOISE) {
    await t.step(`with ${n} runs a side, in about ${quoted * 100}% of trials`, () => {
      const rate = beyondNoiseRate(n, n);
      assert.ok(Math.abs(rate - quoted) < 0.006, `${n} runs a side: ${rate}`);
    });
  }
  await t.step("above the 5% a t test would give, for five runs a side", () => {
    assert.ok(beyondNoiseRate(5, 105) > 0.07);
  });
});

Deno.test("the no-worse rule passes a setting worse by the margin as often as its docs say", async (t) => {
  for (const [n, quoted] of NO_WORSE) {
    await t.step(`with ${n} pairs, in about ${quoted * 100}% of trials`, () => {
      const rate = noWorseRate(n, 1000 + n);
      assert.ok(Math.abs(rate - quoted) < 0.006, `${n} pairs: ${rate}`);
    });
  }
});
