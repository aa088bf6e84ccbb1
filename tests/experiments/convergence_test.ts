import assert from "node:assert/strict";
import { convergenceComparison, describeConvergence } from "../../src/experiments/convergence.ts";

Deno.test("convergenceComparison() records curves, epochs to the threshold and final losses", () => {
  const results = convergenceComparison({ seeds: [1, 2], epochs: 5, n: 80, threshold: 0.6 });
  assert.deepEqual(results.map((r) => r.activation), ["sigmoid", "tanh", "relu"]);
  for (const r of results) {
    assert.equal(r.threshold, 0.6);
    assert.equal(r.histories.length, 2);
    assert.equal(r.epochsToThreshold.length, 2);
    r.histories.forEach((history, i) => {
      assert.equal(history.length, 5);
      assert.equal(r.finalLoss[i], history[4].trainLoss);
      const first = history.find((record) => record.trainLoss <= 0.6)?.epoch ?? null;
      assert.equal(r.epochsToThreshold[i], first);
    });
  }
});

Deno.test("convergenceComparison() refuses a bad threshold or data size", () => {
  assert.throws(() => convergenceComparison({ threshold: -1 }), RangeError);
  assert.throws(() => convergenceComparison({ n: 1 }), RangeError);
});

Deno.test("describeConvergence() ranks by seeds reaching the threshold, then by epochs", () => {
  const run = (label: string, epochs: (number | null)[]) => ({
    activation: label,
    label,
    seeds: [1, 2],
    histories: [],
    sparsity: [],
    trainAccuracy: [1, 1],
    testAccuracy: [NaN, NaN],
    epochsToThreshold: epochs,
    finalLoss: [0.1, 0.3],
    threshold: 0.2,
  });
  const text = describeConvergence([run("A", [3, null]), run("B", [9, 10])]);
  assert.match(text, /A: epochs 3, –; final loss 0\.100, 0\.300/);
  assert.match(text, /B reached it first: 2 of 2 seeds, mean 9\.5 epochs\./);
  assert.match(
    describeConvergence([run("A", [null, null])]),
    /No activation reached it\./,
  );
});
