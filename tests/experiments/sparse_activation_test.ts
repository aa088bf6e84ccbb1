import assert from "node:assert/strict";
import {
  describeSparsityAndOverfitting,
  SPARSITY_ACTIVATIONS,
  sparsityAndOverfitting,
} from "../../src/experiments/sparse_activation.ts";

const small = { seeds: [1, 2], hidden: [16, 16], epochs: 10, testN: 100 };

Deno.test("sparsityAndOverfitting() reports sparsity per hidden layer and accuracies per seed", () => {
  const results = sparsityAndOverfitting(small);
  assert.deepEqual(results.map((r) => r.activation), [...SPARSITY_ACTIVATIONS]);
  for (const r of results) {
    assert.equal(r.sparsity.length, 2);
    assert.equal(r.gap.length, 2);
    r.gap.forEach((gap, i) => assert.equal(gap, r.trainAccuracy[i] - r.testAccuracy[i]));
    assert.equal(r.meanGap, (r.gap[0] + r.gap[1]) / 2);
  }
  assert.ok(results[0].sparsity.every((s) => s > 0));
  assert.deepEqual(results[2].sparsity, [0, 0]);
});

Deno.test("sparsityAndOverfitting() is deterministic", () => {
  assert.deepEqual(sparsityAndOverfitting(small), sparsityAndOverfitting(small));
});

Deno.test("sparsityAndOverfitting() refuses bad data sizes", () => {
  assert.throws(() => sparsityAndOverfitting({ n: 1 }), RangeError);
  assert.throws(() => sparsityAndOverfitting({ noise: -1 }), RangeError);
});

Deno.test("describeSparsityAndOverfitting() says when the sparsest network also overfits least", () => {
  const row = (label: string, sparsity: number, meanGap: number) => ({
    activation: label,
    label,
    sparsity: [sparsity],
    trainAccuracy: [1],
    testAccuracy: [1 - meanGap],
    gap: [meanGap],
    meanGap,
    meanTestAccuracy: 1 - meanGap,
  });
  const text = describeSparsityAndOverfitting([row("ReLU", 0.5, 0.05), row("tanh", 0, 0.1)]);
  assert.match(text, /The sparsest network \(ReLU\) also had the smallest gap\./);
  assert.equal(text.split("\n").length, 4);
});
