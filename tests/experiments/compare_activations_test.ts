import assert from "node:assert/strict";
import {
  CLASSIC_ACTIVATIONS,
  compareActivations,
  epochsToThreshold,
} from "../../src/experiments/compare_activations.ts";
import { twoMoons } from "../../src/data/mod.ts";

const data = twoMoons({ n: 64, noise: 0.1, seed: 2 });
const test = twoMoons({ n: 40, noise: 0.1, seed: 3 });

Deno.test("compareActivations() trains one network per activation and seed with the same settings", () => {
  const runs = compareActivations(data, { seeds: [1, 2], epochs: 4, hidden: [8], test });
  assert.deepEqual(runs.map((r) => r.activation), [...CLASSIC_ACTIVATIONS]);
  assert.deepEqual(runs.map((r) => r.label), ["Sigmoid", "tanh", "ReLU"]);
  for (const run of runs) {
    assert.deepEqual(run.seeds, [1, 2]);
    assert.equal(run.histories.length, 2);
    for (const history of run.histories) {
      assert.equal(history.length, 4);
      assert.ok(history.every((record) => record.testAccuracy !== undefined));
    }
    assert.equal(run.sparsity.length, 2);
    assert.equal(run.sparsity[0].length, 1);
    assert.ok(run.trainAccuracy.every((a) => a >= 0 && a <= 1));
    assert.ok(run.testAccuracy.every((a) => a >= 0 && a <= 1));
  }
});

Deno.test("compareActivations() reports the final test accuracy of the last history record", () => {
  const [relu] = compareActivations(data, {
    activations: ["relu"],
    seeds: [1],
    epochs: 3,
    test,
  });
  assert.equal(relu.testAccuracy[0], relu.histories[0][2].testAccuracy);
  assert.equal(relu.trainAccuracy[0], relu.histories[0][2].trainAccuracy);
});

Deno.test("compareActivations() is deterministic and labels Leaky ReLU with its alpha", () => {
  const options = { activations: ["leakyRelu"], alpha: 0.2, seeds: [4], epochs: 3 };
  const [first] = compareActivations(data, options);
  const [second] = compareActivations(data, options);
  assert.equal(first.label, "Leaky ReLU (α = 0.2)");
  assert.deepEqual(
    first.histories[0].map((r) => r.trainLoss),
    second.histories[0].map((r) => r.trainLoss),
  );
  assert.deepEqual(first.sparsity, [[0, 0]]);
});

Deno.test("compareActivations() with evaluateEachEpoch false evaluates the test set once, at the end", () => {
  const [relu] = compareActivations(data, {
    activations: ["relu"],
    seeds: [1],
    epochs: 2,
    test,
    evaluateEachEpoch: false,
  });
  assert.equal(relu.histories[0][1].testAccuracy, undefined);
  assert.ok(relu.testAccuracy[0] >= 0 && relu.testAccuracy[0] <= 1);
});

Deno.test("compareActivations() refuses bad options", async (t) => {
  await t.step("a negative alpha", () => {
    assert.throws(() => compareActivations(data, { alpha: -1 }), RangeError);
  });
  await t.step("an unknown activation", () => {
    assert.throws(() => compareActivations(data, { activations: ["nope"], epochs: 1 }), RangeError);
  });
});

Deno.test("epochsToThreshold() returns the first epoch at or below the threshold, or null", async (t) => {
  const history = [0.9, 0.5, 0.6, 0.2].map((trainLoss, i) => ({ epoch: i + 1, trainLoss }));
  await t.step("exactly at the threshold counts", () => {
    assert.equal(epochsToThreshold(history, 0.5), 2);
  });
  await t.step("never reached", () => {
    assert.equal(epochsToThreshold(history, 0.1), null);
  });
  await t.step("an empty history", () => {
    assert.equal(epochsToThreshold([], 1), null);
  });
  await t.step("a NaN threshold is refused", () => {
    assert.throws(() => epochsToThreshold(history, NaN), RangeError);
  });
});
