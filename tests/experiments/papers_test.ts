import assert from "node:assert/strict";
import {
  activationProbabilities,
  bornDeadAt,
  bornDeadProbability,
  dataset,
  depthScale,
  describeActivationProbabilities,
  describeBornDead,
  describeDepthScale,
  describeGap,
  fromRows,
  heNormal,
  overfittingGap,
  papersData,
  trainTestSplit,
  xuVariants,
} from "../../src/mod.ts";

Deno.test("bornDeadProbability() returns one non-decreasing curve per width, in [0, 1]", () => {
  const result = bornDeadProbability({ depths: [1, 5, 10], widths: [2, 4], nets: 30, seed: 3 });
  assert.equal(result.init, "heNormal");
  assert.deepEqual(result.curves.map((c) => c.width), [2, 4]);
  for (const c of result.curves) {
    assert.deepEqual(c.depths, [1, 5, 10]);
    for (let i = 1; i < c.probability.length; i++) {
      assert.ok(c.probability[i] >= c.probability[i - 1]);
    }
    assert.ok(c.probability.every((p) => p >= 0 && p <= 1));
    assert.ok(c.standardError.every((s) => s >= 0 && s <= 0.5 / Math.sqrt(30) + 1e-12));
  }
});

Deno.test("bornDeadProbability() is deterministic for a seed and accepts RAI by name", () => {
  const options = { depths: [3, 8], widths: [3], nets: 20, seed: 5, init: "rai" } as const;
  assert.deepEqual(bornDeadProbability(options), bornDeadProbability(options));
  assert.equal(bornDeadProbability(options).init, "randomAsymmetric");
});

Deno.test("bornDeadProbability() rejects non-integer or non-positive sizes", async (t) => {
  await t.step(
    "depth 0",
    () => assert.throws(() => bornDeadProbability({ depths: [0] }), RangeError),
  );
  await t.step(
    "width 1.5",
    () => assert.throws(() => bornDeadProbability({ widths: [1.5] }), RangeError),
  );
  await t.step(
    "nets NaN",
    () => assert.throws(() => bornDeadProbability({ nets: NaN }), RangeError),
  );
});

Deno.test("bornDeadAt() reads one point and describeBornDead() prints one line per width", () => {
  const result = bornDeadProbability({ depths: [2, 4], widths: [2, 10], nets: 10, seed: 1 });
  assert.equal(bornDeadAt(result, 10, 4), result.curves[1].probability[1]);
  assert.throws(() => bornDeadAt(result, 10, 3), RangeError);
  const lines = describeBornDead(result, "He").split("\n");
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^He, width 2: P\(born dead\) at depth 2\/4 = [\d.]+ [\d.]+$/);
});

Deno.test("depthScale() follows the theory's per-layer factor for ReLU and Leaky ReLU", () => {
  const traces = depthScale([
    { label: "ReLU, Xavier", alpha: 0, init: "xavier" },
    { label: "Leaky 1, He √2", alpha: 1, init: heNormal() },
  ], { depth: 12, width: 80, samples: 40, seed: 2 });
  for (const trace of traces) {
    assert.equal(trace.meanSquare.length, 12);
    assert.ok(Math.abs(trace.ratio / trace.predictedRatio - 1) < 0.1, describeDepthScale(trace));
  }
  // alpha = 1 makes the network linear: with gain sqrt(2) the scale doubles per layer.
  assert.ok(Math.abs(traces[1].predictedRatio - 2) < 0.2);
  assert.match(describeDepthScale(traces[0]), /^ReLU, Xavier: per-layer ratio 0\.\d{3} \(theory/);
});

Deno.test("depthScale() rejects a negative slope", () => {
  assert.throws(() => depthScale([{ label: "x", alpha: -1, init: "he" }]), RangeError);
});

Deno.test("papersData() splits 600 spiral points into 120 for training and 480 for testing", () => {
  const data = papersData();
  assert.equal(data.train.x.rows, 120);
  assert.equal(data.test.x.rows, 480);
  assert.deepEqual(papersData().train.x.data, data.train.x.data);
});

Deno.test("activationProbabilities() reports one sorted probability per hidden unit and seed", () => {
  const result = activationProbabilities({ hidden: [6, 5], seeds: [0, 1], epochs: 3, alpha: 0.1 });
  assert.equal(result.label, "Leaky ReLU (α = 0.1)");
  assert.equal(result.probabilities.length, 22);
  for (let i = 1; i < result.probabilities.length; i++) {
    assert.ok(result.probabilities[i] <= result.probabilities[i - 1]);
  }
  assert.equal(result.testAccuracy.n, 2);
  assert.match(describeActivationProbabilities(result), /^Leaky ReLU \(α = 0\.1\): mean/);
});

Deno.test("activationProbabilities() on two test points gives probabilities 0, 1/2 or 1", () => {
  const data = trainTestSplit(
    dataset(fromRows([[0, 0], [1, 1], [2, 2], [3, 3]]), new Int32Array([0, 1, 0, 1])),
    { testFraction: 0.5, seed: 0 },
  );
  const result = activationProbabilities({ hidden: [3], seeds: [0], epochs: 1, data });
  assert.ok(result.probabilities.every((p) => p === 0 || p === 0.5 || p === 1));
});

Deno.test("xuVariants() lists the five rectifiers of Xu et al. with the first slope as given", () => {
  const variants = xuVariants(0.05);
  assert.equal(variants.length, 5);
  assert.equal(variants[1].alpha, 0.05);
  assert.equal(variants[2].alpha, 1 / 5.5);
});

Deno.test("overfittingGap() records per-epoch curves and the gap as test minus training loss", () => {
  const scores = overfittingGap(xuVariants().slice(3), { seeds: [0, 1], epochs: 4, hidden: [8] });
  assert.deepEqual(scores.map((s) => s.label), ["PReLU (α₀ = 0.25)", "RReLU (α ~ U[1/8, 1/3])"]);
  for (const s of scores) {
    assert.equal(s.trainLossCurves.length, 2);
    assert.equal(s.meanTestLoss.length, 4);
    for (let i = 0; i < 2; i++) {
      const gap = s.testLossCurves[i][3] - s.trainLossCurves[i][3];
      assert.ok(Math.abs(gap - s.lossGap.values[i]) < 1e-12);
    }
    assert.match(describeGap(s), /train loss [\d.]+ ± [\d.]+ +test loss/);
  }
});
