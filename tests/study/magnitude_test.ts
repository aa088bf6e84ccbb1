import assert from "node:assert/strict";
import {
  compareSummaries,
  formatSummary,
  measure,
  noWorseWithin,
  overSeeds,
  summarize,
  TrainingDivergedError,
  withinMargin,
} from "../../src/mod.ts";

/** The gap between `x` and the next float64 away from 0 (2^-1074 below the normal range). */
function ulp(x: number): number {
  const magnitude = Math.abs(x);
  if (magnitude < 2 ** -1022) return 2 ** -1074;
  return 2 ** (Math.floor(Math.log2(magnitude)) - 52);
}

/** Asserts that `actual` is within `ulps` steps of float64 of `expected`. */
function assertWithinUlps(actual: number, expected: number, ulps: number, label: string) {
  assert.ok(
    Math.abs(actual - expected) <= ulps * ulp(expected),
    `${label}: ${actual}, expected ${expected} (within ${ulps} ulps)`,
  );
}

Deno.test("summarize() gives n equal values exactly their value as the mean and 0 as the sd", () => {
  for (const x of [0.1, 0.3, 0.7, 0.83, 0.935, 1 / 3, -0.95, 1e-310, 1.7e308]) {
    for (let n = 2; n <= 20; n++) {
      const s = summarize(Array(n).fill(x));
      assert.deepEqual([s.mean, s.sd, s.se], [x, 0, 0], `${n} copies of ${x}`);
    }
  }
});

Deno.test("compareSummaries() calls the same value on every run a tie within noise, whatever the counts", async (t) => {
  await t.step("every accuracy k/200 with 2 to 10 runs a side", () => {
    const called: string[] = [];
    for (let k = 1; k < 200; k++) {
      for (let na = 2; na <= 10; na++) {
        for (let nb = 2; nb <= 10; nb++) {
          const c = compareSummaries(
            summarize(Array(na).fill(k / 200)),
            summarize(Array(nb).fill(k / 200)),
          );
          if (c.beyondNoise || c.direction !== "tie") called.push(`${k}/200, ${na} vs ${nb}`);
        }
      }
    }
    assert.deepEqual(called, []);
  });
  await t.step("five runs of 0.935 against four and one diverged, as a notebook meets it", () => {
    const a = measure(overSeeds([0, 1, 2, 3, 4], () => 0.935), (v) => v);
    const b = measure(
      overSeeds([0, 1, 2, 3, 4], (seed) => {
        if (seed === 4) throw new TrainingDivergedError([], 1, 1, NaN);
        return 0.935;
      }),
      (v) => v,
    );
    const c = compareSummaries(a, b);
    assert.deepEqual([c.difference, c.direction, c.beyondNoise], [0, "tie", false]);
  });
});

Deno.test("summarize() agrees with Python's exact statistics.mean and stdev to a few ulps, at any magnitude", () => {
  // Expected: statistics.mean, statistics.variance on fractions.Fraction of each float (exact),
  // the square root taken to 60 digits, each rounded to the nearest float64.
  const cases: [string, number[], number, number][] = [
    ["ordinary", [0.9, 1.0, 0.8], 0.9, 0.09999999999999998],
    ["tiny (squares underflow)", [1e-200, 3e-200], 2e-200, 1.414213562373095e-200],
    ["subnormal", [1e-310, 3e-310, 2.5e-310], 2.16666666666665e-310, 1.04083299973307e-310],
    ["huge (sums overflow)", [1.5e308, 1.7e308, 1.6e308], 1.6e308, 9.999999999999996e306],
    ["opposite (squares overflow)", [1e200, -1e200], 0, 1.414213562373095e200],
    ["cancelling", [1e16, 1, -1e16, 3], 1, 8164965809277260],
  ];
  for (const [label, values, mean, sd] of cases) {
    const s = summarize(values);
    assertWithinUlps(s.mean, mean, 1, `${label} mean`);
    assertWithinUlps(s.sd, sd, 2, `${label} sd`);
    assertWithinUlps(s.se, sd / Math.sqrt(values.length), 3, `${label} se`);
  }
});

Deno.test("formatSummary() prints values near float64's limit, not Infinity ± Infinity", () => {
  assert.equal(formatSummary(summarize([1e308, 1e308])), "1e+308 ± 0.000 (n = 2)");
  assert.equal(
    formatSummary(summarize([1.5e308, 1.7e308, 1.6e308]), { scale: 1e-307 }),
    "16.000 ± 1.000 (n = 3)",
  );
});

Deno.test("the rules give the same verdicts whatever the data's unit: times 1e-200 or 1e300", async (t) => {
  const scaled = (values: number[], unit: number) => summarize(values.map((v) => v * unit));
  for (const unit of [1e-200, 1e300]) {
    await t.step(`compareSummaries, in units of ${unit}`, () => {
      // In plain units: difference −0.5, se 1, within noise; and 0.5 apart with se 0.05, beyond.
      const wide = compareSummaries(scaled([1, 3], unit), scaled([2.5, 2.5], unit));
      assert.deepEqual([wide.beyondNoise, wide.direction], [false, "lower"]);
      const tight = compareSummaries(scaled([1.45, 1.55], unit), scaled([1, 1], unit));
      assert.deepEqual([tight.beyondNoise, tight.direction], [true, "higher"]);
    });
    await t.step(`withinMargin, in units of ${unit}`, () => {
      // |−0.5| + 2 · 1 = 2.5: inside a margin of 2.6, outside one of 2.4.
      const [a, b] = [scaled([1, 3], unit), scaled([2.5, 2.5], unit)];
      assert.equal(withinMargin(a, b, 2.6 * unit), true);
      assert.equal(withinMargin(a, b, 2.4 * unit), false);
    });
    await t.step(`noWorseWithin, in units of ${unit}`, () => {
      // Mean −0.5, se 1: −0.5 − 2 = −2.5 (lower is worse); −0.5 + 2 = 1.5 (higher is worse).
      const d = scaled([-1.5, 0.5], unit);
      assert.equal(noWorseWithin(d, 2.6 * unit, "lower"), true);
      assert.equal(noWorseWithin(d, 2.4 * unit, "lower"), false);
      assert.equal(noWorseWithin(d, 1.6 * unit, "higher"), true);
      assert.equal(noWorseWithin(d, 1.4 * unit, "higher"), false);
    });
  }
});

Deno.test("noWorseWithin() decides near float64's limit where two standard errors overflow", () => {
  // Mean 0.7e308, se 1e308: mean − 2·se = −1.3e308, inside a margin of 1.5e308; 2·se alone
  // is beyond float64's range.
  const d = summarize([1.7e308, -0.3e308]);
  assertWithinUlps(d.se, 1e308, 2, "se");
  assert.equal(noWorseWithin(d, 1.5e308, "lower"), true);
  assert.equal(noWorseWithin(d, 1.2e308, "lower"), false);
});
