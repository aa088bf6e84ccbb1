import assert from "node:assert/strict";
import {
  compareSummaries,
  measure,
  measurePaired,
  mlp,
  noWorseWithin,
  overSeeds,
  sameWithin,
  type SeedRun,
  summarize,
  train,
  TrainingDivergedError,
  twoMoons,
} from "../../src/mod.ts";

const seeds = [0, 1, 2, 3, 4];

Deno.test("measurePaired() summarises a − b seed by seed, so the luck both sides share cancels", () => {
  const luck = [0.3, -0.2, 0.1, -0.4, 0.2];
  const a = overSeeds(seeds, (s) => 1 + luck[s] + 0.01 * s);
  const b = overSeeds(seeds, (s) => 0.9 + luck[s]);
  const d = measurePaired(a, b, (v) => v);
  assert.deepEqual(d.values.map((v) => Math.round(v * 1e9) / 1e9), [0.1, 0.11, 0.12, 0.13, 0.14]);
  assert.equal(d.n, 5);
  assert.ok(Math.abs(d.mean - 0.12) < 1e-12);
  const unpaired = compareSummaries(measure(a, (v) => v), measure(b, (v) => v));
  assert.ok(d.se < unpaired.se / 10, `paired se ${d.se}, unpaired ${unpaired.se}`);
});

Deno.test("measurePaired() counts a seed that diverged or gave no finite value on either side", () => {
  const diverged = (seed: number): SeedRun<number> => ({
    seed,
    diverged: new TrainingDivergedError([], 1, 1, NaN),
  });
  const a: SeedRun<number>[] = [{ seed: 0, result: 1 }, diverged(1), { seed: 2, result: 3 }];
  const b: SeedRun<number>[] = [{ seed: 0, result: 0.5 }, { seed: 1, result: 2 }, {
    seed: 2,
    result: NaN,
  }];
  const d = measurePaired(a, b, (v) => v);
  assert.deepEqual([d.n, d.diverged, d.values], [1, 2, [0.5]]);
});

Deno.test("measurePaired() refuses runs whose seeds differ, and what is not runs or a metric", () => {
  const a = overSeeds([0, 1], (s) => s);
  assert.throws(() => measurePaired(a, overSeeds([1, 0], (s) => s), (v) => v), {
    name: "RangeError",
    message:
      "Cannot measure paired differences as a and b must have the same seeds in the same order: a's seeds=[0, 1], b's seeds=[1, 0]",
  });
  assert.throws(() => measurePaired(a, overSeeds([0], (s) => s), (v) => v), RangeError);
  assert.throws(() => measurePaired(a, "runs" as never, (v: number) => v), {
    name: "TypeError",
    message:
      'Cannot measure paired differences as b must be an array of runs from overSeeds: b="runs"',
  });
  assert.throws(() => measurePaired([{ result: 1 }] as never, a, (v: number) => v), TypeError);
  assert.throws(() => measurePaired(a, a, "accuracy" as never), {
    name: "TypeError",
    message:
      'Cannot measure paired differences as metric must be a function of a run\'s result: metric="accuracy"',
  });
});

Deno.test("noWorseWithin() holds when the difference, two standard errors towards worse, stays in the margin", async (t) => {
  const d = summarize([-0.004, -0.006, -0.005, -0.003, -0.007]); // mean −0.005, se ≈ 0.0007
  await t.step("lower is worse: −0.005 − 2·0.0007 ≥ −0.01, but not ≥ −0.006", () => {
    assert.equal(noWorseWithin(d, 0.01, "lower"), true);
    assert.equal(noWorseWithin(d, 0.006, "lower"), false);
  });
  await t.step("higher is worse: a negative difference is better, whatever the margin", () => {
    assert.equal(noWorseWithin(d, 1e-9, "higher"), true);
  });
  await t.step("a difference within noise of 0 is not enough when the noise is wide", () => {
    const noisy = summarize([0.05, -0.06, 0.04, -0.05, 0.01]);
    assert.equal(compareSummaries(summarize(noisy.values), summarize([0, 0])).beyondNoise, false);
    assert.equal(noWorseWithin(noisy, 0.01, "lower"), false);
    assert.equal(noWorseWithin(noisy, 0.01, "higher"), false);
  });
  await t.step("a diverged pair, or fewer than two pairs, shows nothing", () => {
    assert.equal(noWorseWithin(summarize([0, 0, 0], { diverged: 1 }), 0.01, "lower"), false);
    assert.equal(noWorseWithin(summarize([0]), 0.01, "lower"), false);
    assert.equal(noWorseWithin(summarize([0, 0]), 0.01, "lower"), true, "two pairs are enough");
  });
  await t.step("at the edge: mean − 2·se equal to −margin holds, a hair beyond does not", () => {
    // [-1.5, 0.5] has mean −0.5 and se 1 exactly: −0.5 − 2 = −2.5.
    const edge = summarize([-1.5, 0.5]);
    assert.equal(edge.se, 1);
    assert.equal(noWorseWithin(edge, 2.5, "lower"), true);
    assert.equal(noWorseWithin(edge, 2.4999999, "lower"), false);
    // Mirrored, where higher is worse: 0.5 + 2 = 2.5.
    const mirrored = summarize([-0.5, 1.5]);
    assert.equal(noWorseWithin(mirrored, 2.5, "higher"), true);
    assert.equal(noWorseWithin(mirrored, 2.4999999, "higher"), false);
  });
});

Deno.test("sameWithin() asks noWorseWithin both ways: inside the margin on one side only is not the same", () => {
  const d = summarize([0.008, 0.012, 0.01, 0.009, 0.011]); // mean 0.01, 2 SE about 0.0014
  assert.equal(noWorseWithin(d, 0.005, "lower"), true);
  assert.equal(noWorseWithin(d, 0.005, "higher"), false);
  assert.equal(sameWithin(d, 0.005), false);
  assert.equal(sameWithin(d, 0.02), true);
  assert.equal(sameWithin(summarize([0, 0], { diverged: 1 }), 0.02), false);
});

Deno.test("noWorseWithin() refuses a bad margin, direction or summary", () => {
  const d = summarize([0, 0.001]);
  assert.throws(() => noWorseWithin(d, 0, "lower"), {
    name: "RangeError",
    message:
      "Cannot decide no worse within a margin as margin must be a finite number > 0: margin=0",
  });
  assert.throws(() => noWorseWithin(d, 0.01, "worse" as never), {
    name: "TypeError",
    message:
      'Cannot decide no worse within a margin as worse must be "lower" or "higher": worse="worse"',
  });
  assert.throws(() => noWorseWithin({ mean: 0 } as never, 0.01, "lower"), TypeError);
});

Deno.test("two activations trained on the same seeds compare more sharply paired than unpaired", () => {
  const accuracyOf = (activation: "relu" | "leakyRelu") =>
    overSeeds(seeds, (seed) => {
      const data = twoMoons({ n: 64, noise: 0.3, seed });
      const model = mlp([2, 8, 2], { activation, seed });
      return train(model, data, { epochs: 5, batchSize: 16, learningRate: 0.05, seed }).at(-1)!
        .trainAccuracy!;
    });
  const relu = accuracyOf("relu"), leaky = accuracyOf("leakyRelu");
  const paired = measurePaired(leaky, relu, (a) => a);
  const unpaired = compareSummaries(measure(leaky, (a) => a), measure(relu, (a) => a));
  assert.ok(Math.abs(paired.mean - unpaired.difference) < 1e-12, "same mean difference");
  assert.ok(paired.se < unpaired.se, `paired se ${paired.se} < unpaired ${unpaired.se}`);
});

Deno.test("measurePaired() refuses a metric that gives no number, as measure() does, not calling it divergence", () => {
  const a = overSeeds([0, 1, 2], (s) => ({ accuracy: 0.9 + 0.01 * s }));
  const b = overSeeds([0, 1, 2], (s) => ({ accuracy: 0.89 + 0.01 * s }));
  // deno-lint-ignore no-explicit-any
  const misspelt = (r: any) => r.acuracy;
  assert.throws(() => measure(a, misspelt), TypeError);
  assert.throws(() => measurePaired(a, b, misspelt), {
    name: "TypeError",
    message: "Cannot measure paired differences as the metric must give a number for every " +
      "finished run: a's seed 0 gave undefined",
  });
  assert.throws(() => measurePaired(a, b, (r) => String(r.accuracy) as never), /seed 0 gave "0.9"/);
  // A number that is not finite is still a diverged pair.
  const d = measurePaired(a, b, (r) => (r.accuracy > 0.905 ? NaN : r.accuracy));
  assert.deepEqual([d.n, d.diverged], [1, 2]);
});

Deno.test("measurePaired() refuses no runs and a difference beyond float64's range, never counting two finished runs as diverged", () => {
  assert.throws(() => measurePaired([], [], (r: number) => r), {
    name: "RangeError",
    message:
      "Cannot measure paired differences as a must hold at least one run (overSeeds makes one per seed): a=[]",
  });
  const a = overSeeds([0, 1, 2], (s) => (s === 0 ? 1e308 : s));
  const b = overSeeds([0, 1, 2], (s) => (s === 0 ? -1e308 : 0));
  assert.throws(() => measurePaired(a, b, (r) => r), {
    name: "RangeError",
    message:
      "Cannot measure paired differences as a difference must stay within float64's range: seed 0 gave a=1e+308 and b=-1e+308",
  });
});

Deno.test("sameWithin() names itself when it refuses a margin", () => {
  const d = measurePaired(overSeeds([0, 1], (s) => s), overSeeds([0, 1], (s) => s), (r) => r);
  assert.throws(() => sameWithin(d, -1), {
    name: "RangeError",
    message:
      "Cannot decide the same within a margin as margin must be a finite number > 0: margin=-1",
  });
  assert.throws(() => sameWithin(5 as never, 0.1), {
    name: "TypeError",
    message: /^Cannot decide the same within a margin as difference must be a Summary/,
  });
});
