import assert from "node:assert/strict";
import {
  describeDigitsAccuracy,
  digitsComparison,
} from "../../src/experiments/digits_comparison.ts";

Deno.test("digitsComparison() trains on the training split and reports test accuracy per seed", async () => {
  const results = await digitsComparison({
    activations: ["relu", "tanh"],
    n: 60,
    testN: 40,
    epochs: 2,
    seeds: [1, 2],
  });
  assert.deepEqual(results.map((r) => r.activation), ["relu", "tanh"]);
  for (const r of results) {
    assert.equal(r.testAccuracy.length, 2);
    assert.ok(r.testAccuracy.every((a) => a >= 0 && a <= 1 && Math.round(a * 40) === a * 40));
    assert.equal(r.meanTestAccuracy, (r.testAccuracy[0] + r.testAccuracy[1]) / 2);
  }
});

Deno.test("digitsComparison() refuses bad sizes", async () => {
  await assert.rejects(() => digitsComparison({ n: 0 }), RangeError);
  await assert.rejects(() => digitsComparison({ testN: 1e9 }), RangeError);
});

Deno.test("describeDigitsAccuracy() names the best and the worst", () => {
  const run = (label: string, testAccuracy: number[]) => ({
    activation: label,
    label,
    seeds: [1, 2],
    histories: [],
    sparsity: [],
    trainAccuracy: [1, 1],
    testAccuracy,
    meanTestAccuracy: (testAccuracy[0] + testAccuracy[1]) / 2,
  });
  const text = describeDigitsAccuracy([run("A", [0.5, 0.7]), run("B", [0.9, 0.8])]);
  assert.match(text, /A: mean 60\.0% \(seeds: 50\.0%, 70\.0%\)/);
  assert.match(text, /Best: B, 25\.0 points above A\./);
});
