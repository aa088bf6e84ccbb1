import assert from "node:assert/strict";
import {
  compareSummaries,
  dataset,
  formatSummary,
  fromRows,
  measure,
  mlp,
  overSeeds,
  overSeedsAsync,
  requireSummary,
  summarize,
  type Summary,
  train,
  trainAsync,
  TrainingDivergedError,
  verdictOf,
  withinMargin,
} from "../../src/mod.ts";

const tiny = dataset(
  fromRows([[-1, 0], [-0.8, 0.2], [1, 0], [0.9, -0.1]]),
  new Int32Array([0, 0, 1, 1]),
);

Deno.test("overSeeds() keeps a run that diverged in training as a result, with its seed", () => {
  const runs = overSeeds([0, 1], (seed) => {
    const model = mlp([2, 8, 2], { seed });
    const learningRate = seed === 1 ? 1e300 : 0.1;
    return train(model, tiny, { epochs: 3, batchSize: 2, learningRate, seed }).at(-1)!.trainLoss;
  });
  assert.equal(runs.length, 2);
  assert.equal(runs[0].diverged, undefined);
  assert.ok(Number.isFinite(runs[0].result));
  assert.ok(runs[1].diverged instanceof TrainingDivergedError);
  assert.equal(runs[1].seed, 1);
  assert.equal(measure(runs, (loss) => loss).diverged, 1);
});

Deno.test("overSeeds() throws on errors other than divergence, and refuses bad seeds", async (t) => {
  await t.step("another error is thrown on", () => {
    assert.throws(() =>
      overSeeds([0], () => {
        throw new Error("boom");
      }), /boom/);
  });
  await t.step("a seed that is not an integer", () => {
    assert.throws(() => overSeeds([0.5], (s) => s), {
      name: "RangeError",
      message: "Cannot run over seeds as every seed must be a finite integer: seeds[0]=0.5",
    });
  });
  await t.step("seeds that are not an array", () => {
    assert.throws(() => overSeeds(3 as unknown as number[], (s) => s), TypeError);
  });
});

Deno.test("summarize() counts non-finite values as diverged runs, never silently drops them", async (t) => {
  await t.step("NaN and Infinity count as diverged", () => {
    const s = summarize([1, NaN, 3, Infinity]);
    assert.deepEqual([s.n, s.diverged, s.mean, s.min, s.max], [2, 2, 2, 1, 3]);
  });
  await t.step("the diverged option adds runs that gave no value", () => {
    assert.equal(summarize([1, 2], { diverged: 3 }).diverged, 3);
  });
  await t.step("the spread is the sample standard deviation (n - 1)", () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    assert.ok(Math.abs(s.sd - Math.sqrt(32 / 7)) < 1e-12);
    assert.ok(Math.abs(s.se - s.sd / Math.sqrt(8)) < 1e-12);
  });
  await t.step("one value has no spread; none has no mean", () => {
    assert.ok(Number.isNaN(summarize([1]).sd));
    assert.ok(Number.isNaN(summarize([]).mean));
  });
  await t.step("bad input is refused", () => {
    assert.throws(() => summarize(["1" as unknown as number]), TypeError);
    assert.throws(() => summarize([1], { diverged: -1 }), RangeError);
    assert.throws(() => summarize([1], { divergd: 1 } as never), {
      name: "TypeError",
      message:
        'Cannot summarize as options must have only the keys diverged: unknown key "divergd"',
    });
  });
});

Deno.test("formatSummary() labels mean ± sd with n and the diverged runs", () => {
  assert.equal(formatSummary(summarize([1, 2, 3])), "2.000 ± 1.000 (n = 3)");
  assert.equal(formatSummary(summarize([0.5, NaN])), "0.500 (n = 1, 1 diverged)");
  assert.equal(formatSummary(summarize([])), "no finished run");
  assert.throws(() => formatSummary(summarize([1]), { digit: 2 } as never), TypeError);
});

Deno.test("compareSummaries() calls a difference beyond noise only past 2 standard errors", async (t) => {
  await t.step("just inside and just outside the threshold", () => {
    // For [m - 0.5, m + 0.5]: sd = sqrt(0.5), se = 0.5; the difference's se = sqrt(0.5),
    // so the threshold 2 se is 2 sqrt(0.5) = 1.414...
    const zero = summarize([-0.5, 0.5]);
    assert.ok(Math.abs(zero.se - 0.5) < 1e-15);
    assert.equal(compareSummaries(summarize([0.91, 1.91]), zero).beyondNoise, false);
    assert.equal(compareSummaries(summarize([0.92, 1.92]), zero).beyondNoise, true);
  });
  await t.step("direction reads as a against b, and a tie is a tie", () => {
    const c = compareSummaries(summarize([1, 1.1]), summarize([2, 2.1]));
    assert.equal(c.direction, "lower");
    assert.ok(Math.abs(c.difference + 1) < 1e-12);
    assert.equal(
      compareSummaries(summarize([0.83, 0.83]), summarize([0.83, 0.83])).direction,
      "tie",
    );
    assert.equal(compareSummaries(summarize([2, 2.1]), summarize([1.5, 1.6])).direction, "higher");
  });
  await t.step("a side with no finished run leaves the direction undetermined", () => {
    const c = compareSummaries(summarize([NaN, NaN]), summarize([1, 2]));
    assert.equal(c.direction, "undetermined");
    assert.equal(c.beyondNoise, false);
  });
  await t.step("with fewer than two finished runs a side nothing is beyond noise", () => {
    assert.equal(compareSummaries(summarize([1, NaN]), summarize([5, 6])).beyondNoise, false);
  });
  await t.step("the diverged counts travel with the comparison", () => {
    assert.deepEqual(compareSummaries(summarize([1, 2, NaN]), summarize([1, 2])).diverged, [1, 0]);
  });
  await t.step("a non-summary is refused", () => {
    assert.throws(() => compareSummaries({} as never, summarize([1])), TypeError);
  });
  await t.step(
    "a summary with a negative se or no diverged count is refused, naming the field",
    () => {
      const good = summarize([1, 2, 3]);
      assert.throws(() => compareSummaries({ ...good, se: -0.1 }, good), {
        name: "RangeError",
        message:
          "Cannot compare summaries as a.se must be a number >= 0 (NaN only when a.n < 2): a.se=-0.1",
      });
      const { diverged: _, ...noDiverged } = good;
      assert.throws(() => compareSummaries(good, noDiverged as never), {
        name: "TypeError",
        message: /^Cannot compare summaries as b\.diverged must be/,
      });
    },
  );
});

Deno.test("verdictOf() is supported in every condition, not supported in none, qualified between", () => {
  assert.equal(verdictOf([true, true, true]), "supported");
  assert.equal(verdictOf([true, false, false, false, false, false]), "qualified");
  assert.equal(verdictOf([false, false]), "not supported");
  assert.throws(() => verdictOf([]), RangeError);
  assert.throws(() => verdictOf([1 as unknown as boolean]), TypeError);
});

Deno.test("summarize() refuses options that are not an object instead of ignoring them", () => {
  assert.throws(() => summarize([1, 2, 3], 2 as never), {
    name: "TypeError",
    message: "Cannot summarize as options must be an object such as { diverged: 2 }: options=2",
  });
  assert.throws(() => summarize([1, 2, 3], null as never), {
    name: "TypeError",
    message: "Cannot summarize as options must be an object such as { diverged: … }: options=null",
  });
  assert.throws(() => summarize([1], { diverged: 1.5 }), {
    name: "RangeError",
    message: "Cannot summarize as diverged must be a finite integer >= 0: diverged=1.5",
  });
});

Deno.test("formatSummary() refuses options and summaries it would print as NaN or ignore", async (t) => {
  const s = summarize([1, 2, 3]);
  await t.step("options that are not an object", () => {
    assert.throws(() => formatSummary(s, 1 as never), {
      name: "TypeError",
      message:
        "Cannot format a summary as options must be an object such as { scale: 1 }: options=1",
    });
    assert.throws(() => formatSummary(s, null as never), {
      name: "TypeError",
      message: /^Cannot format a summary as options must be an object .*: options=null$/,
    });
  });
  await t.step("a scale that is not finite", () => {
    assert.throws(() => formatSummary(s, { scale: NaN }), {
      name: "RangeError",
      message: "Cannot format a summary as scale must be a finite number: scale=NaN",
    });
  });
  await t.step("digits toFixed cannot print", () => {
    assert.throws(() => formatSummary(s, { digits: 200 }), {
      name: "RangeError",
      message:
        "Cannot format a summary as digits must be a finite integer >= 0 and <= 100: digits=200",
    });
  });
  await t.step("a unit that is not a string", () => {
    assert.throws(() => formatSummary(s, { unit: 5 as never }), {
      name: "TypeError",
      message: "Cannot format a summary as unit must be a string: unit=5",
    });
  });
  await t.step("a value that is not a summary", () => {
    assert.throws(() => formatSummary(5 as never), {
      name: "TypeError",
      message:
        "Cannot format a summary as summary must be a Summary (from summarize, measure or measurePaired): summary=5",
    });
  });
  await t.step("an object without the fields of a summary", () => {
    assert.throws(() => formatSummary({} as Summary), {
      name: "TypeError",
      message:
        "Cannot format a summary as summary.n must be a finite integer >= 0: summary.n=undefined",
    });
  });
});

Deno.test("requireSummary() refuses a hand-made summary, naming the field, and passes summarize's", async (t) => {
  const s = summarize([1, 2, 3]);
  await t.step("without diverged", () => {
    const { diverged: _, ...partial } = s;
    assert.throws(() => requireSummary("compare summaries", "a", partial), {
      name: "TypeError",
      message:
        "Cannot compare summaries as a.diverged must be a finite integer >= 0: a.diverged=undefined",
    });
    assert.throws(() => formatSummary(partial as Summary), {
      name: "TypeError",
      message:
        "Cannot format a summary as summary.diverged must be a finite integer >= 0: summary.diverged=undefined",
    });
  });
  await t.step("with a negative se or sd", () => {
    assert.throws(() => requireSummary("compare summaries", "b", { ...s, se: -0.5 }), {
      name: "RangeError",
      message:
        "Cannot compare summaries as b.se must be a number >= 0 (NaN only when b.n < 2): b.se=-0.5",
    });
    assert.throws(() => formatSummary({ ...s, sd: -1 }), {
      name: "RangeError",
      message:
        "Cannot format a summary as summary.sd must be a number >= 0 (NaN only when summary.n < 2): summary.sd=-1",
    });
  });
  await t.step("with NaN where finished runs give a value", () => {
    assert.throws(() => requireSummary("compare summaries", "a", { ...s, mean: NaN }), {
      name: "RangeError",
      message:
        "Cannot compare summaries as a.mean must be a finite number (NaN only when a.n = 0): a.mean=NaN",
    });
    assert.throws(() => requireSummary("compare summaries", "a", { ...s, se: NaN }), {
      name: "RangeError",
      message:
        "Cannot compare summaries as a.se must be a number >= 0 (NaN only when a.n < 2): a.se=NaN",
    });
    // Two finished runs are the fewest with a spread.
    assert.throws(
      () => requireSummary("compare summaries", "a", { ...summarize([1, 2]), sd: NaN }),
      {
        name: "RangeError",
        message:
          "Cannot compare summaries as a.sd must be a number >= 0 (NaN only when a.n < 2): a.sd=NaN",
      },
    );
  });
  await t.step("every summary summarize makes, even with no or one finished run", () => {
    for (const values of [[], [NaN], [0.5], [1, 2, NaN], [1e308, -1e308], [1e308, 1e308]]) {
      const made = summarize(values);
      assert.equal(requireSummary("compare summaries", "a", made), made);
    }
  });
});

Deno.test("measure() refuses runs that are not an array and a metric that is not a function", () => {
  assert.throws(() => measure(5 as never, (r) => r as number), {
    name: "TypeError",
    message: "Cannot measure as runs must be an array of runs from overSeeds: runs=5",
  });
  const runs = overSeeds([0, 1], (seed) => seed);
  assert.throws(() => measure(runs, 5 as never), {
    name: "TypeError",
    message: "Cannot measure as metric must be a function of a run's result: metric=5",
  });
  assert.throws(() => measure([3] as never, (r) => r as number), {
    name: "TypeError",
    message:
      "Cannot measure as every run must be a run from overSeeds { seed, result } or { seed, diverged }: runs[0]=3",
  });
  assert.throws(() => measure([{ seed: "0", result: 1 }] as never, (r: number) => r), {
    name: "TypeError",
    message:
      'Cannot measure as every run must be a run from overSeeds { seed, result } or { seed, diverged }: runs[0]={ seed: "0", result: 1 }',
  });
  assert.throws(() => measure([{ seed: 0, result: 1 }, null] as never, (r: number) => r), {
    name: "TypeError",
    message:
      "Cannot measure as every run must be a run from overSeeds { seed, result } or { seed, diverged }: runs[1]=null",
  });
});

Deno.test("overSeeds() refuses a run that returns a promise, pointing to overSeedsAsync", async () => {
  let rejected = false;
  assert.throws(
    () =>
      overSeeds(
        [4, 5],
        (seed) =>
          Promise.reject(new TrainingDivergedError([], 1, seed, NaN)).finally(() => {
            rejected = true;
          }),
      ),
    {
      name: "TypeError",
      message:
        "Cannot run over seeds as run must return its result, not a promise: run(4) returned a promise (overSeedsAsync awaits each run)",
    },
  );
  // The refused promise's rejection is handled (no unhandled rejection fails this test).
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.ok(rejected);
});

Deno.test("overSeedsAsync() awaits each run and keeps the ones that diverged", async () => {
  const runs = await overSeedsAsync([0, 1], async (seed) => {
    const model = mlp([2, 8, 2], { seed });
    const learningRate = seed === 1 ? 1e300 : 0.1;
    const history = await trainAsync(model, tiny, { epochs: 2, batchSize: 2, learningRate, seed });
    return history.at(-1)!.trainLoss;
  });
  assert.equal(runs[0].diverged, undefined);
  assert.ok(Number.isFinite(runs[0].result));
  assert.ok(runs[1].diverged instanceof TrainingDivergedError);
  assert.equal(measure(runs, (loss) => loss).diverged, 1);
  await assert.rejects(() => overSeedsAsync([0.5], (s) => s), {
    name: "RangeError",
    message: "Cannot run over seeds as every seed must be a finite integer: seeds[0]=0.5",
  });
});

Deno.test("withinMargin() calls two means the same only when the difference and 2 SE stay inside the margin", async (t) => {
  const a = summarize([0.48, 0.5, 0.49]);
  await t.step("a close and steady pair is the same within 0.05, not within 0.01", () => {
    const b = summarize([0.5, 0.51, 0.5]);
    assert.equal(withinMargin(a, b, 0.05), true);
    assert.equal(withinMargin(a, b, 0.01), false);
  });
  await t.step("a pair within noise of each other is not the same when the noise is wide", () => {
    const noisy = summarize([0.2, 0.8, 0.5]);
    assert.equal(compareSummaries(a, noisy).beyondNoise, false);
    assert.equal(withinMargin(a, noisy, 0.05), false);
  });
  await t.step("fewer than two finished runs a side: never the same", () => {
    assert.equal(withinMargin(a, summarize([0.49]), 1), false);
  });
  await t.step(
    "at the edge: |difference| + 2 SE equal to the margin is the same, a hair over is not",
    () => {
      // [1, 3] has mean 2 and se 1 exactly; [1.5, 1.5] has se 0: |0.5| + 2 · 1 = 2.5.
      const wide = summarize([1, 3]), steady = summarize([1.5, 1.5]);
      assert.equal(wide.se, 1);
      assert.equal(withinMargin(wide, steady, 2.5), true);
      assert.equal(withinMargin(wide, steady, 2.4999999), false);
      assert.equal(withinMargin(steady, wide, 2.5), true);
    },
  );
  await t.step("a margin that is not a finite number > 0 is refused", () => {
    assert.throws(() => withinMargin(a, a, 0), {
      name: "RangeError",
      message:
        "Cannot compare summaries within a margin as margin must be a finite number > 0: margin=0",
    });
    assert.throws(() => withinMargin(a, a, "0.05" as never), { name: "TypeError" });
    assert.throws(() => withinMargin(a, a, NaN), { name: "RangeError" });
  });
});

Deno.test("formatSummary() prints a spread >= 0 with a negative scale, which flips the mean only", () => {
  assert.equal(
    formatSummary(summarize([0.5, 0.7]), { scale: -100, digits: 1, unit: "%" }),
    "-60.0 ± 14.1% (n = 2)",
  );
});

Deno.test("summarize() takes 150,000 values, with their min and max (no spread onto the stack)", () => {
  const values = Array.from({ length: 150_000 }, (_, i) => (i % 7) - 3);
  const s = summarize(values);
  assert.deepEqual([s.n, s.min, s.max], [150_000, -3, 3]);
});

Deno.test("requireSummary() refuses a summary whose fields disagree with its count of runs", async (t) => {
  const one = summarize([5]);
  await t.step("a spread from one run, which would make any difference beyond noise", () => {
    const handMade = { ...one, sd: 0, se: 0 };
    assert.throws(() => requireSummary("compare summaries", "a", handMade), {
      name: "RangeError",
      message:
        "Cannot compare summaries as a.sd must be NaN when a.n < 2 (no spread from fewer than two runs): a.sd=0",
    });
    assert.throws(() => compareSummaries(handMade, { ...summarize([6]), sd: 0, se: 0 }), {
      name: "RangeError",
    });
    assert.throws(() => requireSummary("compare summaries", "a", { ...one, se: 0 }), {
      name: "RangeError",
      message:
        "Cannot compare summaries as a.se must be NaN when a.n < 2 (no spread from fewer than two runs): a.se=0",
    });
  });
  await t.step("a mean with no finished run, or an infinite one", () => {
    assert.throws(() => requireSummary("compare summaries", "a", { ...summarize([]), mean: 5 }), {
      name: "RangeError",
      message:
        "Cannot compare summaries as a.mean must be NaN when a.n = 0 (no finished run): a.mean=5",
    });
    assert.throws(() => requireSummary("compare summaries", "b", { ...one, mean: Infinity }), {
      name: "RangeError",
      message:
        "Cannot compare summaries as b.mean must be a finite number (NaN only when b.n = 0): b.mean=Infinity",
    });
  });
  await t.step("a standard error that is not sd / sqrt(n)", () => {
    const s = summarize([1, 2, 3]); // sd 1, se 1 / sqrt(3)
    assert.throws(() => requireSummary("compare summaries", "a", { ...s, se: 1 }), {
      name: "RangeError",
      message: "Cannot compare summaries as a.se must be a.sd / sqrt(a.n): a.se=1, a.sd=1, a.n=3",
    });
    const rounded = { ...s, se: Math.round(s.se * 1e12) / 1e12 };
    assert.equal(requireSummary("compare summaries", "a", rounded), rounded, "to 1e-9 of it");
  });
});

Deno.test("withinMargin() is false when a run diverged on either side, as sameWithin() is for a pair", () => {
  const steady = summarize([1, 1.001]);
  assert.equal(withinMargin(steady, summarize([1, 1.001]), 0.1), true);
  assert.equal(withinMargin(summarize([1, 1.001, NaN, NaN, NaN]), steady, 0.1), false);
  assert.equal(withinMargin(steady, summarize([1, 1.001], { diverged: 1 }), 0.1), false);
});

Deno.test("overSeeds() refuses a seed given twice, which would count one run as two", async () => {
  let calls = 0;
  const run = (seed: number) => {
    calls++;
    return seed;
  };
  assert.throws(() => overSeeds([3, 1, 4, 1], run), {
    name: "RangeError",
    message:
      "Cannot run over seeds as every seed must be different (a seed given twice is one run counted as two): seeds[3]=1, as seeds[1]",
  });
  assert.throws(() => overSeeds([0, -0], run), { name: "RangeError", message: /seeds\[1\]=-0/ });
  await assert.rejects(() => overSeedsAsync([2, 2], run), {
    name: "RangeError",
    message: /seeds\[1\]=2, as seeds\[0\]$/,
  });
  assert.equal(calls, 0, "refused before any run");
});

Deno.test("measure() refuses runs that share a seed, put together by hand or concatenated", () => {
  const runs = [...overSeeds([0, 1], (seed) => seed), ...overSeeds([1], (seed) => seed)];
  assert.throws(() => measure(runs, (v) => v), {
    name: "RangeError",
    message:
      "Cannot measure as every run must have a different seed (one run counted as two otherwise): runs[2].seed=1, as runs[1].seed",
  });
});

Deno.test("the study functions' messages show what they received, and name the seed and the action", async (t) => {
  await t.step("verdictOf: not an array is a TypeError, showing it", () => {
    assert.throws(() => verdictOf({} as never), {
      name: "TypeError",
      message:
        "Cannot decide a verdict as findings must be a non-empty array of booleans: findings={}",
    });
    assert.throws(() => verdictOf([true, "false"] as never), {
      name: "TypeError",
      message: 'Cannot decide a verdict as every finding must be a boolean: findings[1]="false"',
    });
    // A hole in a sparse array is no finding.
    assert.throws(() => verdictOf([true, , true] as never), {
      name: "TypeError",
      message: "Cannot decide a verdict as every finding must be a boolean: findings[1]=undefined",
    });
  });
  await t.step("summarize: a typed array, shown as one, with the way to an array", () => {
    assert.throws(() => summarize(new Float64Array([1, 2, 3]) as never), {
      name: "TypeError",
      message:
        "Cannot summarize as values must be an array of numbers (Array.from makes one of a typed array): values=Float64Array(3) [1, 2, 3]",
    });
    assert.throws(() => summarize([1, "2"] as never), {
      name: "TypeError",
      message: 'Cannot summarize as every value must be a number: values[1]="2"',
    });
  });
  await t.step("overSeeds: an array-like object, a seed that is no number, a run", () => {
    assert.throws(() => overSeeds({ length: 1, 0: 1 } as never, (s) => s), {
      name: "TypeError",
      message:
        'Cannot run over seeds as seeds must be an array of integers: seeds={ "0": 1, length: 1 }',
    });
    assert.throws(() => overSeeds([0, "1"] as never, (s) => s), {
      name: "TypeError",
      message: 'Cannot run over seeds as every seed must be a finite integer: seeds[1]="1"',
    });
    assert.throws(() => overSeeds([0], { run: true } as never), {
      name: "TypeError",
      message: "Cannot run over seeds as run must be a function: run={ run: true }",
    });
  });
  await t.step("overSeeds and overSeedsAsync: no seed at all, which is no run", async () => {
    let calls = 0;
    const message = "Cannot run over seeds as seeds must hold at least one seed: seeds=[]";
    assert.throws(() => overSeeds([], () => calls++), { name: "RangeError", message });
    await assert.rejects(() => overSeedsAsync([], () => calls++), { name: "RangeError", message });
    assert.equal(calls, 0);
  });
  await t.step("measure: a metric that gives no number names measure and the seed", () => {
    const runs = overSeeds([1, 2], (seed) => ({ accuracy: seed / 10 }));
    // @ts-expect-error: a misspelt field
    assert.throws(() => measure(runs, (r) => r.acuracy), {
      name: "TypeError",
      message:
        "Cannot measure as the metric must give a number for every finished run: seed 1 gave undefined",
    });
  });
});

Deno.test("measure() refuses a run with neither result nor diverged, a seed that is no integer, and a diverged that is no TrainingDivergedError", () => {
  const action = "Cannot measure as";
  const shape = "every run must be a run from overSeeds { seed, result } or { seed, diverged }";
  assert.throws(() => measure([{ seed: 0 }, { seed: 1 }] as never, (r: { acc: number }) => r.acc), {
    name: "TypeError",
    message: `${action} ${shape}: runs[0]={ seed: 0 }`,
  });
  const diverged = new TrainingDivergedError([], 1, 1, NaN);
  assert.throws(() => measure([{ seed: 0, result: 1, diverged }] as never, (r: number) => r), {
    name: "TypeError",
    message: new RegExp(`^${action} ${shape.replace(/[{}]/g, "\\$&")}, not both: runs\\[0\\]=`),
  });
  assert.throws(() => measure([{ seed: 1.5, result: 1 }], (r) => r), {
    name: "RangeError",
    message: `${action} runs[0].seed must be a finite integer: runs[0].seed=1.5`,
  });
  assert.throws(() => measure([{ seed: 2 ** 60, result: 1 }], (r) => r), {
    name: "RangeError",
    message:
      `${action} runs[0].seed must be a safe integer (|runs[0].seed| <= 2^53 - 1): runs[0].seed=${
        2 ** 60
      }`,
  });
  assert.throws(
    () => measure([{ seed: 0, diverged: "x" }, { seed: 1, result: 1 }] as never, (r: number) => r),
    {
      name: "TypeError",
      message:
        `${action} runs[0].diverged must be the TrainingDivergedError that ended the run: runs[0].diverged="x"`,
    },
  );
  // What overSeeds makes passes: a result of undefined, and a divergence.
  const runs = [{ seed: 0, result: undefined }, { seed: 1, diverged }, { seed: 2, result: 2 }];
  assert.deepEqual(measure(runs, (r) => r ?? 1).values, [1, 2]);
});

Deno.test("overSeeds() and overSeedsAsync() refuse a seed beyond 2^53 - 1, which createPrng refuses", async () => {
  const message =
    "Cannot run over seeds as seeds[1] must be a safe integer (|seeds[1]| <= 2^53 - 1): seeds[1]=1152921504606847000";
  assert.throws(() => overSeeds([0, 2 ** 60], (seed) => seed), { name: "RangeError", message });
  await assert.rejects(() => overSeedsAsync([0, 2 ** 60], (seed) => seed), {
    name: "RangeError",
    message,
  });
  assert.deepEqual(
    overSeeds([2 ** 53 - 1, -(2 ** 53 - 1)], (seed) => seed).map((r) => r.result),
    [2 ** 53 - 1, -(2 ** 53 - 1)],
  );
});

Deno.test("formatSummary() refuses a scale that makes the mean or sd print as Infinity", () => {
  assert.throws(() => formatSummary(summarize([1, 2, 3]), { scale: 1e308, digits: 0 }), {
    name: "RangeError",
    message:
      "Cannot format a summary as scale must keep the summary's mean finite: scale=1e+308 makes mean 2 print as Infinity",
  });
  assert.throws(() => formatSummary(summarize([1e300, -1e300]), { scale: 1e10 }), {
    name: "RangeError",
    message:
      "Cannot format a summary as scale must keep the summary's sd finite: scale=10000000000 makes sd 1.4142135623730952e+300 print as Infinity",
  });
  // An sd already beyond float64's range is the summary's own, printed as it is.
  assert.equal(formatSummary(summarize([1.7e308, -1.7e308])), "0.000 ± Infinity (n = 2)");
});

Deno.test("no run at all is refused, not read as a condition measured", async (t) => {
  await t.step("measure of no run", () => {
    assert.throws(() => measure([], (r: number) => r), {
      name: "RangeError",
      message:
        "Cannot measure as runs must hold at least one run (overSeeds makes one per seed): runs=[]",
    });
  });
  await t.step("a summary of nothing finished is still one: the runs diverged", () => {
    const allDiverged = summarize([NaN, NaN]);
    assert.equal(formatSummary(allDiverged), "no finished run (2 diverged)");
    assert.equal(compareSummaries(allDiverged, summarize([1, 2])).direction, "undetermined");
  });
});

Deno.test("requireSummary() holds a summary's values to its n, which the standard error divides by", () => {
  const s = summarize([1, 2, 3]);
  // Claiming 30 runs from 3 makes the standard error 10 times too small.
  const inflated = { ...s, n: 30, se: s.sd / Math.sqrt(30) };
  assert.throws(() => compareSummaries(inflated, summarize([2.5, 2.6, 2.7])), {
    name: "RangeError",
    message:
      "Cannot compare summaries as a.values, when given, must hold a.n values (one per finished run): a.values.length=3, a.n=30",
  });
  assert.throws(() => requireSummary("compare summaries", "a", { ...s, values: "1,2,3" }), {
    name: "TypeError",
    message:
      'Cannot compare summaries as a.values, when given, must hold a.n values (one per finished run): a.values="1,2,3", a.n=3',
  });
  // Without values (a summary written by hand from its fields) n is taken as given.
  const { values: _, ...fields } = s;
  assert.equal(requireSummary("compare summaries", "a", fields), fields);
});

Deno.test("formatSummary() refuses a scale of 0, which would print every summary as 0", () => {
  assert.throws(() => formatSummary(summarize([0.5, 0.7]), { scale: 0 }), {
    name: "RangeError",
    message:
      "Cannot format a summary as scale must not be 0, which prints every summary as 0: scale=0",
  });
  assert.equal(formatSummary(summarize([0.5])), "0.500 (n = 1)");
});
