import assert from "node:assert/strict";
import {
  compareSummaries,
  formatSummary,
  measure,
  measurePaired,
  noWorseWithin,
  overSeeds,
  overSeedsAsync,
  sameWithin,
  summarize,
  timeRatio,
  verdictOf,
  withinMargin,
} from "../../src/mod.ts";

// Each study function refuses an argument past the last one it takes, naming itself and the
// argument: a notebook without a type checker would otherwise have it ignored without a word
// (sameWithin(d, 0.1, "higher") asks both ways whatever its third argument says).

// deno-lint-ignore no-explicit-any
type Loose = (...args: any[]) => unknown;
const runs = overSeeds([0, 1], (seed) => seed);
const s = summarize([1, 2]), d = summarize([0, 0.001]);
const noop = () => {};

Deno.test("every study function refuses an argument past its last one, naming both", async (t) => {
  const calls: [string, () => unknown, string][] = [
    [
      "summarize",
      () => (summarize as Loose)([1, 2], undefined, 3),
      "Cannot summarize as summarize takes values and options, no third argument: third=3",
    ],
    [
      "measure",
      () => (measure as Loose)(runs, (v: number) => v, "accuracy"),
      'Cannot measure as measure takes runs and metric, no third argument: third="accuracy"',
    ],
    [
      "formatSummary",
      () => (formatSummary as Loose)(s, { digits: 2 }, "%"),
      'Cannot format a summary as formatSummary takes summary and options, no third argument: third="%"',
    ],
    [
      "compareSummaries",
      () => (compareSummaries as Loose)(s, s, 3),
      "Cannot compare summaries as compareSummaries takes a and b, no third argument: third=3",
    ],
    [
      "withinMargin",
      () => (withinMargin as Loose)(s, s, 0.1, "lower"),
      'Cannot compare summaries within a margin as withinMargin takes a, b and margin, no fourth argument: fourth="lower"',
    ],
    [
      "verdictOf",
      () => (verdictOf as Loose)([true], "extra"),
      'Cannot decide a verdict as verdictOf takes findings, no second argument: second="extra"',
    ],
    [
      "overSeeds",
      () => (overSeeds as Loose)([1], (seed: number) => seed, { typo: 1 }),
      "Cannot run over seeds as overSeeds takes seeds and run, no third argument: third={ typo: 1 }",
    ],
    [
      "measurePaired",
      () => (measurePaired as Loose)(runs, runs, (v: number) => v, { paired: true }),
      "Cannot measure paired differences as measurePaired takes a, b and metric, no fourth argument: fourth={ paired: true }",
    ],
    [
      "noWorseWithin",
      () => (noWorseWithin as Loose)(d, 0.1, "lower", {}),
      "Cannot decide no worse within a margin as noWorseWithin takes difference, margin and worse, no fourth argument: fourth={}",
    ],
    [
      "sameWithin",
      () => (sameWithin as Loose)(d, 0.1, "higher"),
      'Cannot decide the same within a margin as sameWithin takes difference and margin, no third argument: third="higher"',
    ],
    [
      "timeRatio",
      () => (timeRatio as Loose)(noop, noop, { rounds: 1 }, "extra"),
      'Cannot time a against b as timeRatio takes a, b and options, no fourth argument: fourth="extra"',
    ],
  ];
  for (const [name, call, message] of calls) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
  await t.step("overSeedsAsync, as a rejection", async () => {
    await assert.rejects(() => (overSeedsAsync as Loose)([1], (seed: number) => seed, 5) as never, {
      name: "TypeError",
      message:
        "Cannot run over seeds as overSeedsAsync takes seeds and run, no third argument: third=5",
    });
  });
});
