import assert from "node:assert/strict";
import {
  activationScale,
  compareConventions,
  describeConventions,
  describeGradientSigns,
  describeScale,
  describeSweep,
  exactZeros,
  gradientSigns,
  growthPerLayer,
  learningRateSweep,
  normalInit,
  sweepTable,
} from "../../src/mod.ts";

Deno.test("exactZeros() counts no exact zeros on ordinary data", () => {
  const run = exactZeros({ epochs: 2 });
  assert.deepEqual(run.zeros, [0, 0]);
  assert.equal(run.stepsWithZeros, 0);
  assert.equal(run.steps, 26);
  assert.equal(run.seen, 2 * 200 * 32);
  assert.equal(run.gradAtZero, 0);
});

Deno.test("exactZeros() finds zeros from zero rows only while the biases are zero", async (t) => {
  await t.step("zero biases: the first step sees them", () => {
    const run = exactZeros({ zeroRows: 0.3, epochs: 3 });
    assert.ok(run.zeros[0] > 0 && run.zeros[1] > 0);
    assert.equal(run.stepsWithZeros, 1);
  });
  await t.step("non-zero biases: none", () => {
    assert.deepEqual(exactZeros({ zeroRows: 0.3, epochs: 3, biasInit: 0.1 }).zeros, [0, 0]);
  });
  await t.step("a bad fraction is refused", () => {
    assert.throws(() => exactZeros({ zeroRows: 2 }), RangeError);
  });
});

Deno.test("compareConventions() measures weight differences from the first convention", () => {
  const runs = compareConventions([0, "right"], { zeroRows: 0.3, epochs: 3 });
  assert.equal(runs[0].maxWeightDiff, 0);
  assert.ok(runs[1].maxWeightDiff > 0);
  assert.equal(runs[1].gradAtZero, 1);
  const text = describeConventions(runs);
  assert.match(text, /steps with an exact zero: 1 of 39/);
  assert.match(text, /f'\(0\) = 1: final loss [\d.]+, largest weight difference/);
});

Deno.test("activationScale() returns one statistic per hidden layer and per dense layer", () => {
  const result = activationScale({ depth: 4, width: 8, samples: 16 });
  assert.equal(result.meanAbs.length, 4);
  assert.equal(result.mean.length, 4);
  assert.equal(result.gradNorm.length, 5);
  // ReLU outputs are >= 0, so the mean equals the mean absolute value.
  assert.deepEqual(result.mean, result.meanAbs);
  const big = activationScale({ depth: 4, width: 8, init: normalInit({ sigma: 1 }) });
  assert.match(describeScale("big", big), /^big: layer 4 mean \|a\| /);
});

Deno.test("growthPerLayer() is the geometric mean ratio", () => {
  assert.equal(growthPerLayer([2, 2, 2]), 1);
  assert.ok(Math.abs(growthPerLayer([1, 10, 100, 1000]) - 10) < 1e-12);
});

Deno.test("gradientSigns() finds one-sign gradients exactly when the inputs are non-negative", () => {
  const relu = gradientSigns({ activation: "relu", seed: 3 });
  assert.equal(relu.sameSignSamples, 1);
  assert.equal(relu.majorityShare, 1);
  assert.ok(relu.inputMean > 0);
  const tanh = gradientSigns({ activation: "tanh", seed: 3 });
  assert.ok(tanh.majorityShare < 0.8);
  assert.match(describeGradientSigns("tanh", tanh), /^tanh: input mean -?[\d.]+; one-sign samples/);
});

Deno.test("learningRateSweep() summarises seeds per rate and leaves diverged runs out", () => {
  const sweep = learningRateSweep([0.1, 1e6], { hidden: [8], epochs: 3, seeds: [0, 1] });
  assert.equal(sweep[0].seeds, 2);
  assert.equal(sweep[0].diverged, 0);
  assert.equal(sweep[1].diverged, 2);
  assert.ok(Number.isNaN(sweep[1].finalLoss) && Number.isNaN(sweep[1].deadFraction));
  assert.match(describeSweep(sweep), /diverged runs: 2\/2 at η = 1000000$/);
  assert.match(sweepTable({ A: sweep }), /\nη = 1000000: A diverged$/);
  assert.equal(describeSweep(sweep.slice(1)), "ReLU: every run diverged");
});
