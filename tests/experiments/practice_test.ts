import assert from "node:assert/strict";
import {
  compareInits,
  compareRegularization,
  comparisonBars,
  comparisonRow,
  deadByDepth,
  defaultNoisyData,
  describeInits,
  describeSlopes,
  formatComparisonTable,
  fromRows,
  INIT_SCHEMES,
  lowIntensityFeatures,
  preluSlopeTrace,
  REGULARIZATION_SETTINGS,
  scoreActivation,
  seedSpread,
  zeroMask,
} from "../../src/mod.ts";

Deno.test("comparisonRow() gives a verdict from the spreads", async (t) => {
  await t.step("lower or higher, beyond or within noise", () => {
    const low = seedSpread([0.1, 0.12, 0.11]);
    const high = seedSpread([0.5, 0.52, 0.51]);
    const wide = seedSpread([0.05, 0.6, 0.3]);
    assert.equal(comparisonRow("r", high, low).verdict, "Leaky lower, beyond noise");
    assert.equal(comparisonRow("r", low, high).verdict, "Leaky higher, beyond noise");
    assert.equal(comparisonRow("r", wide, low).verdict, "Leaky lower, within noise");
  });
  await t.step("equal, no data, single values", () => {
    assert.equal(comparisonRow("r", seedSpread([1, 1]), seedSpread([1, 1])).verdict, "equal");
    assert.equal(comparisonRow("r", seedSpread([]), seedSpread([1])).verdict, "no data");
    const single = comparisonRow("r", seedSpread([0.2]), seedSpread([0.9]));
    assert.equal(single.verdict, "Leaky higher (one measurement, no spread)");
    assert.equal(single.relu, "20.0%");
  });
  await t.step("keeps the means and a short name for bars", () => {
    const row = comparisonRow("long name", seedSpread([0.2]), seedSpread([0.4]), { short: "s" });
    assert.deepEqual(comparisonBars([row], "L").map((b) => [b.layer, b.value, b.series]), [
      ["s", 0.2, "ReLU"],
      ["s", 0.4, "L"],
    ]);
    assert.equal(
      comparisonBars([comparisonRow("n", seedSpread([1]), seedSpread([2]))])[0].layer,
      "n",
    );
  });
});

Deno.test("formatComparisonTable() aligns its columns", () => {
  const table = formatComparisonTable([
    { row: "a long row", relu: "1%", leaky: "22%", verdict: "v1" },
    { row: "b", relu: "333%", leaky: "4%", verdict: "v2" },
  ], "Leaky (0.1)");
  const lines = table.split("\n");
  assert.equal(lines.length, 4);
  assert.match(lines[1], /^-+$/);
  assert.equal(lines[2].indexOf("v1"), lines[3].indexOf("v2"));
  assert.equal(lines[0].indexOf("verdict"), lines[2].indexOf("v1"));
  assert.equal(lines[0].indexOf("Leaky (0.1)"), lines[3].indexOf("4%"));
});

Deno.test("lowIntensityFeatures() measures dark pixels through a filter", async (t) => {
  await t.step(
    "a negative bias: ReLU zeroes the background, Leaky ReLU keeps alpha * bias",
    async () => {
      const r = await lowIntensityFeatures({ kernel: "box", bias: -0.5, alpha: 0.1 });
      assert.ok(r.lowFraction > 0.5 && r.lowFraction < 1);
      assert.equal(r.leakyZeroLow, 0);
      assert.equal(r.leakyZero, 0);
      assert.ok(Math.abs(r.leakyMaxAbsLow - 0.05) < 1e-12);
      assert.deepEqual([r.z.rows, r.z.cols], [28, 28]);
    },
  );
  await t.step(
    "a zero-sum filter without bias: flat background is exactly 0 for both",
    async () => {
      const r = await lowIntensityFeatures({ kernel: "laplacian", bias: 0 });
      assert.ok(r.leakyZeroLow <= r.reluZeroLow);
      assert.ok(r.leakyZeroLow > 0.5);
      assert.ok(r.leakyZero <= r.reluZero);
    },
  );
  await t.step("a matrix kernel and a positive bias", async () => {
    const one = { rows: 1, cols: 1, data: new Float64Array([1]) };
    const r = await lowIntensityFeatures({ kernel: one, bias: 1 });
    assert.equal(r.reluZero, 0);
    assert.equal(r.reluZeroLow, 0);
  });
  await t.step("refuses bad options", async () => {
    await assert.rejects(() => lowIntensityFeatures({ bias: NaN }), RangeError);
    await assert.rejects(() => lowIntensityFeatures({ alpha: -1 }), RangeError);
    await assert.rejects(() => lowIntensityFeatures({ index: 1.5 }), RangeError);
  });
});

Deno.test("zeroMask() marks exact zeros of either sign", () => {
  const mask = zeroMask(fromRows([[0, 1e-300], [-0, NaN]]));
  assert.deepEqual(Array.from(mask.data), [1, 0, 1, 0]);
  assert.deepEqual([mask.rows, mask.cols], [2, 2]);
});

Deno.test("deadByDepth() summarises one point per depth", () => {
  const points = deadByDepth([1, 3], { seeds: [0], epochs: 1, width: 4 });
  assert.deepEqual(points.map((p) => p.depth), [1, 3]);
  assert.equal(points[0].summary.runs, 1);
  assert.throws(() => deadByDepth([0]), RangeError);
  assert.throws(() => deadByDepth([2], { width: 0 }), RangeError);
});

Deno.test("compareInits() runs each scheme and measures the scale", () => {
  const results = compareInits(INIT_SCHEMES, { depth: 3, width: 8, seeds: [0], epochs: 1 });
  assert.deepEqual(results.map((r) => r.name), ["He", "Xavier", "naive N(0, 0.01²)"]);
  for (const r of results) assert.equal(r.meanAbs.length, 3);
  assert.equal(describeInits(results).split("\n").length, 3);
  const leaky = compareInits([{ name: "He", init: "he" }], {
    activation: "leakyRelu",
    alpha: 0.2,
    depth: 2,
    seeds: [0],
    epochs: 1,
  });
  assert.equal(leaky[0].summary.label, "Leaky ReLU (α = 0.2)");
});

Deno.test("preluSlopeTrace() follows each PReLU layer", () => {
  const scores = scoreActivation("prelu", { seeds: [0], epochs: 3, hidden: [8, 8] });
  const traces = preluSlopeTrace(scores.runs[0].history);
  assert.equal(traces.length, 2);
  for (const t of traces) {
    assert.deepEqual(t.epochs, [1, 2, 3]);
    for (let e = 0; e < 3; e++) assert.ok(t.min[e] <= t.mean[e] && t.mean[e] <= t.max[e]);
  }
  assert.match(describeSlopes(traces), /^layer 1: mean slope 0\.250 at the start, /);
  assert.deepEqual(preluSlopeTrace([]), []);
  assert.deepEqual(preluSlopeTrace([{ epoch: 1 }]), []);
});

Deno.test("compareRegularization() labels each setting and passes it on", () => {
  const { train, test } = defaultNoisyData();
  assert.equal(train.x.rows, 60);
  assert.equal(test.x.rows, 500);
  const scores = compareRegularization(REGULARIZATION_SETTINGS, { seeds: [0], epochs: 2 });
  assert.deepEqual(scores.map((s) => s.label), ["none", "dropout 0.3", "weight decay 1e-3"]);
  assert.notEqual(
    scores[0].runs[0].history[1].trainLoss,
    scores[1].runs[0].history[1].trainLoss,
  );
});
