import assert from "node:assert/strict";
import {
  alphaSweep,
  compareVariants,
  dataset,
  describeAlphaSweep,
  describeContrast,
  describeDyingSummary,
  describeScores,
  dyingReluSeeds,
  formatSpread,
  fromRows,
  noiseVerdict,
  outputMagnitude,
  RELU_VARIANTS,
  scoreActivation,
  seedSpread,
  spreadCurves,
  summarizeDying,
  trainTestSplit,
  twoMoons,
} from "../../src/mod.ts";

const SMALL = { seeds: [0, 1], epochs: 3, hidden: [8] };

Deno.test("seedSpread() summarises values over seeds", async (t) => {
  await t.step("mean, sample std, SE and the ±2·SE interval", () => {
    const s = seedSpread([1, 2, 3, 4]);
    assert.equal(s.mean, 2.5);
    assert.ok(Math.abs(s.std - Math.sqrt(5 / 3)) < 1e-12);
    assert.ok(Math.abs(s.se - s.std / 2) < 1e-12);
    assert.ok(Math.abs(s.low - (2.5 - 2 * s.se)) < 1e-12);
  });
  await t.step("drops NaN and ±Infinity (diverged runs)", () => {
    assert.deepEqual(seedSpread([1, NaN, Infinity, -Infinity, 3]).values, [1, 3]);
  });
  await t.step("one value has std 0; none has mean NaN", () => {
    assert.equal(seedSpread([0.7]).std, 0);
    assert.equal(seedSpread([0.7]).low, 0.7);
    assert.ok(Number.isNaN(seedSpread([]).mean));
    assert.equal(seedSpread([]).n, 0);
  });
});

Deno.test("formatSpread() prints mean ± std, or n/a for no values", () => {
  assert.equal(formatSpread(seedSpread([0.5, 0.5])), "50.0 ± 0.0%");
  assert.equal(formatSpread(seedSpread([1, 3]), { scale: 1, digits: 0, unit: " s" }), "2 ± 1 s");
  assert.equal(formatSpread(seedSpread([])), "n/a");
});

Deno.test("noiseVerdict() separates only non-overlapping intervals", async (t) => {
  const a = { label: "A", testAccuracy: seedSpread([0.9, 0.91, 0.92]) };
  const b = { label: "B", testAccuracy: seedSpread([0.5, 0.51, 0.52]) };
  const c = { label: "C", testAccuracy: seedSpread([0.89, 0.93, 0.9]) };
  await t.step("all pairs", () => {
    const verdict = noiseVerdict([a, b, c]);
    assert.deepEqual(verdict.separated, [["A", "B"], ["C", "B"]]);
    assert.equal(verdict.best, "A");
    assert.equal(verdict.worst, "B");
    assert.match(
      verdict.sentence,
      /^Beyond noise .*A > B; C > B\. Every other pair is within noise/,
    );
  });
  await t.step("within noise says so", () => {
    const verdict = noiseVerdict([a, c]);
    assert.equal(verdict.withinNoise, true);
    assert.match(verdict.sentence, /^All 2 are within noise of each other/);
  });
  await t.step("a reference compares only with it", () => {
    const verdict = noiseVerdict([a, b, c], { reference: "C" });
    assert.deepEqual(verdict.separated, [["C", "B"]]);
  });
  await t.step("another metric", () => {
    const x = { label: "x", gap: seedSpread([0.1, 0.1]), testAccuracy: seedSpread([1, 1]) };
    const y = { label: "y", gap: seedSpread([0.3, 0.3]), testAccuracy: seedSpread([1, 1]) };
    assert.deepEqual(noiseVerdict([x, y], { metric: "gap" }).separated, [["y", "x"]]);
  });
  await t.step("refuses a missing metric or an unknown reference", () => {
    assert.throws(() => noiseVerdict([{ label: "A" }]), TypeError);
    assert.throws(() => noiseVerdict([a], { reference: "Z" }), RangeError);
  });
});

Deno.test("describeContrast() names the higher setting and whether it is beyond noise", () => {
  const high = seedSpread([0.5, 0.52, 0.51]);
  const close = seedSpread([0.49, 0.53, 0.5]);
  assert.match(describeContrast("x", ["A", high], ["B", close]), /A is higher, but within noise/);
  assert.match(
    describeContrast("x", ["A", close], ["B", seedSpread([0.9, 0.91])]),
    /B is higher, beyond noise \(.*3 and 2 seeds\)/,
  );
  assert.match(describeContrast("x", ["A", high], ["B", high]), /equal means/);
  assert.match(describeContrast("x", ["A", high], ["B", seedSpread([])]), /nothing to compare/);
});

Deno.test("scoreActivation() trains one network per seed and scores it", async (t) => {
  await t.step("is deterministic", () => {
    const first = scoreActivation("leakyRelu", SMALL);
    const second = scoreActivation("leakyRelu", SMALL);
    assert.deepEqual(
      first.runs.map((r) => [r.testAccuracy, r.deadFraction, r.nearZeros]),
      second.runs.map((r) => [r.testAccuracy, r.deadFraction, r.nearZeros]),
    );
  });
  await t.step("fractions are in [0, 1] and consistent", () => {
    for (const activation of ["relu", "leakyRelu", "prelu", "rrelu", "elu"]) {
      const scores = scoreActivation(activation, SMALL);
      for (const run of scores.runs) {
        for (const v of [run.deadFraction, run.exactZeros, run.nearZeros, run.negativeZ]) {
          assert.ok(v >= 0 && v <= 1, `${activation}: ${v}`);
        }
        assert.ok(run.exactZeros <= run.nearZeros);
        assert.equal(run.history.length, SMALL.epochs);
      }
    }
  });
  await t.step("Leaky ReLU's slope is recorded; ELU has none", () => {
    assert.equal(scoreActivation("leakyRelu", { ...SMALL, alpha: 0.2 }).alpha, 0.2);
    assert.equal(scoreActivation("prelu", SMALL).alpha, 0.25);
    assert.ok(Number.isNaN(scoreActivation("elu", SMALL).alpha));
  });
  await t.step("a diverging run is marked and left out of the spreads", () => {
    const scores = scoreActivation("leakyRelu", {
      ...SMALL,
      optimizer: "sgd",
      learningRate: 1e6,
      alpha: 0.5,
    });
    assert.equal(scores.diverged, 2);
    assert.ok(scores.runs.every((r) => r.diverged && Number.isNaN(r.testAccuracy)));
    assert.equal(scores.testAccuracy.n, 0);
    assert.match(describeScores([scores]), /2\/2 diverged/);
  });
  await t.step("dropout and weight decay are passed on", () => {
    const plain = scoreActivation("relu", SMALL);
    const regular = scoreActivation("relu", { ...SMALL, dropout: 0.5, weightDecay: 0.1 });
    assert.notDeepEqual(
      plain.runs.map((r) => r.history.at(-1)?.trainLoss),
      regular.runs.map((r) => r.history.at(-1)?.trainLoss),
    );
  });
  await t.step("refuses regression targets and bad options", () => {
    const x = fromRows([[0, 1], [1, 0], [1, 1], [0, 0]]);
    const data = dataset(x, fromRows([[1], [2], [3], [4]]));
    assert.throws(
      () => scoreActivation("relu", { data: { train: data, test: data }, ...SMALL }),
      TypeError,
    );
    assert.throws(() => scoreActivation("relu", { ...SMALL, epochs: 0 }), RangeError);
    assert.throws(() => scoreActivation("leakyRelu", { ...SMALL, alpha: -1 }), RangeError);
    assert.throws(() => scoreActivation("relu", { ...SMALL, nearZero: NaN }), RangeError);
  });
});

Deno.test("alphaSweep() runs Leaky ReLU once per slope on the same data", () => {
  const data = trainTestSplit(twoMoons({ n: 80, noise: 0.1, seed: 3 }), { seed: 3 });
  const sweep = alphaSweep([0, 0.05, 1], { ...SMALL, data });
  assert.deepEqual(sweep.map((p) => p.alpha), [0, 0.05, 1]);
  assert.deepEqual(sweep.map((p) => p.label), [
    "Leaky ReLU (α = 0)",
    "Leaky ReLU (α = 0.05)",
    "Leaky ReLU (α = 1)",
  ]);
  // alpha = 0 is ReLU: its exact zeros are its non-positive pre-activations.
  assert.equal(sweep[0].exactZeros.mean, sweep[0].negativeZ.mean);
  assert.match(describeAlphaSweep(sweep), /\nBest mean test accuracy: Leaky ReLU \(α = [\d.]+\); /);
});

Deno.test("compareVariants() labels PReLU and RReLU by their slopes", () => {
  const scores = compareVariants(RELU_VARIANTS, { ...SMALL, seeds: [0] });
  assert.deepEqual(scores.map((s) => s.label), [
    "ReLU",
    "Leaky ReLU (α = 0.01)",
    "PReLU (α₀ = 0.25)",
    "ELU (α = 1)",
    "RReLU (α ~ U[1/8, 1/3])",
  ]);
  assert.equal(compareVariants(["prelu"], { ...SMALL, preluInit: 0.1 })[0].alpha, 0.1);
});

Deno.test("spreadCurves() draws mean ± std against alpha, with ReLU flat", () => {
  const point = (alpha: number, values: number[]) => ({
    alpha,
    deadFraction: seedSpread(values),
  });
  const curves = spreadCurves([point(0.01, [0.1, 0.3]), point(0.1, [0, 0])], "deadFraction", "m");
  assert.deepEqual(curves.map((c) => c.name), ["m", "mean + std", "mean − std"]);
  assert.ok(Math.abs(curves[1].y[0] - (0.2 + Math.SQRT2 / 10)) < 1e-12);
});

Deno.test("summarizeDying() counts diverged runs and recoveries", () => {
  const runs = dyingReluSeeds([1, 2], { hidden: [8], epochs: 2, biasInit: -3 });
  const summary = summarizeDying(runs);
  assert.equal(summary.diverged, 0);
  assert.equal(summary.startedDead, runs[0].startedDead + runs[1].startedDead);
  assert.match(describeDyingSummary(summary), /^ReLU: dead /);
  const diverged = dyingReluSeeds([1], { hidden: [8], epochs: 3, learningRate: 1e6 });
  if (diverged[0].diverged) {
    const text = describeDyingSummary(summarizeDying(diverged));
    assert.match(text, /1 of 1 runs diverged/);
  }
  assert.throws(() => summarizeDying([]), RangeError);
});

Deno.test("outputMagnitude() grows with a large init and stays level with He", () => {
  const big = outputMagnitude({ depth: 5 });
  const he = outputMagnitude({ depth: 5, init: "he" });
  assert.ok(big.maxAbs[4] > 50 * big.maxAbs[0]);
  assert.ok(he.maxAbs[4] < 10 * he.maxAbs[0]);
  for (let l = 0; l < 5; l++) assert.ok(big.meanAbs[l] <= big.maxAbs[l]);
  assert.equal(
    outputMagnitude({ activation: "leakyRelu", alpha: 0.2, depth: 1 }).label,
    "Leaky ReLU (α = 0.2)",
  );
  assert.throws(() => outputMagnitude({ depth: 0 }), RangeError);
});
