/**
 * The claims of "Limitations of ReLU" (notebook 03), each checked at a small scale over five
 * seeds. Where our measurement disagrees with the text, the test name says so.
 */
import assert from "node:assert/strict";
import {
  activationScale,
  compareConventions,
  dyingRelu,
  gradientSigns,
  growthPerLayer,
  normalInit,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];
const HIDDEN = [16, 16, 16];
const EPOCHS = 30;

function countTrue(flags: boolean[]): number {
  return flags.filter(Boolean).length;
}

Deno.test("dying ReLU: a first-layer neuron dead on every training sample never comes back under plain SGD", () => {
  for (const seed of SEEDS) {
    const run = dyingRelu({ hidden: HIDDEN, epochs: EPOCHS, seed, biasInit: -1.5 });
    const first = run.layers[0];
    assert.ok(first.startedDead > 0, `seed ${seed}: some first-layer neurons start dead`);
    assert.equal(first.recovered, 0, `seed ${seed}: none of them comes back`);
  }
});

Deno.test("dying ReLU: negative initial biases start most ReLU neurons dead, and most stay dead", () => {
  const runs = SEEDS.map((seed) =>
    dyingRelu({ hidden: HIDDEN, epochs: EPOCHS, seed, biasInit: -1.5 })
  );
  assert.ok(runs.every((run) => run.startedDead > run.neurons / 2));
  assert.ok(countTrue(runs.map((run) => run.deadAtEnd > run.neurons / 2)) >= 4);
});

Deno.test("dying ReLU: a high learning rate (1.5) leaves more dead neurons than 0.1 on at least 4 of 5 seeds", () => {
  const more = SEEDS.map((seed) => {
    const base = dyingRelu({ hidden: HIDDEN, epochs: EPOCHS, seed, learningRate: 0.1 });
    const high = dyingRelu({ hidden: HIDDEN, epochs: EPOCHS, seed, learningRate: 1.5 });
    return high.deadAtEnd > base.deadAtEnd;
  });
  assert.ok(countTrue(more) >= 4, `more dead at the high rate: ${more}`);
});

Deno.test("non-differentiable at 0 (text: subgradients can cause instability; measured: on ordinary data no z is exactly 0, so the convention changes nothing)", () => {
  for (const seed of SEEDS) {
    const runs = compareConventions([0, 0.5, 1], { seed, epochs: 10 });
    assert.deepEqual(runs[0].zeros, [0, 0], `seed ${seed}: no exact zeros`);
    assert.deepEqual(runs.map((r) => r.maxWeightDiff), [0, 0, 0], `seed ${seed}: same weights`);
  }
});

Deno.test("non-differentiable at 0: exact zeros come from zero inputs meeting zero biases, and the convention then changes the final loss by less than 0.01", () => {
  for (const seed of SEEDS) {
    const runs = compareConventions([0, 0.5, 1], { seed, epochs: 10, zeroRows: 0.2 });
    assert.ok(runs[0].zeros[0] > 0, `seed ${seed}: exact zeros in layer 1`);
    assert.ok(runs[2].maxWeightDiff > 0, `seed ${seed}: the weights differ`);
    const losses = runs.map((r) => r.finalLoss);
    assert.ok(Math.max(...losses) - Math.min(...losses) < 0.01, `seed ${seed}: ${losses}`);
  }
});

Deno.test("unbounded output: with N(0, 1) weights the mean |activation| grows geometrically with depth, near sqrt(n/2) per layer, while He keeps it level", () => {
  const width = 32;
  for (const seed of SEEDS) {
    const big = activationScale({ depth: 10, width, seed, init: normalInit({ sigma: 1 }) });
    const he = activationScale({ depth: 10, width, seed });
    const factor = growthPerLayer(big.meanAbs);
    assert.ok(Math.abs(factor / Math.sqrt(width / 2) - 1) < 0.25, `seed ${seed}: ×${factor}`);
    assert.ok(growthPerLayer(he.meanAbs) < 1.25 && growthPerLayer(he.meanAbs) > 0.8);
    assert.ok(big.gradNorm[0] > 1000 * he.gradNorm[0], `seed ${seed}: gradients explode too`);
  }
});

Deno.test("non-zero-centred: every ReLU layer's mean activation is positive, while tanh layers average within 0.1 of 0", () => {
  for (const seed of SEEDS) {
    assert.ok(activationScale({ depth: 10, seed }).mean.every((m) => m > 0.1));
    assert.ok(
      activationScale({ depth: 10, seed, activation: "tanh" }).mean.every((m) => Math.abs(m) < 0.1),
    );
  }
});

Deno.test("non-zero-centred: every per-sample weight gradient fed by ReLU outputs has a single sign, against fewer than half with tanh inputs", () => {
  for (const seed of SEEDS) {
    assert.equal(gradientSigns({ activation: "relu", seed }).sameSignSamples, 1);
    assert.ok(gradientSigns({ activation: "tanh", seed }).sameSignSamples < 0.5);
  }
});

Deno.test("non-zero-centred (text: may slow convergence; measured: not observed, ReLU ends below tanh on at least 4 of 5 seeds)", () => {
  const lower = SEEDS.map((seed) => {
    const relu = dyingRelu({ hidden: HIDDEN, epochs: EPOCHS, seed });
    const tanh = dyingRelu({ hidden: HIDDEN, epochs: EPOCHS, seed, activation: "tanh" });
    return relu.finalLoss < tanh.finalLoss;
  });
  assert.ok(countTrue(lower) >= 4, `ReLU lower: ${lower}`);
});

Deno.test("sensitivity to the learning rate: at 2 more neurons die and the final loss is higher than at 0.1, on at least 4 of 5 seeds", () => {
  const worse = SEEDS.map((seed) => {
    const base = dyingRelu({ hidden: HIDDEN, epochs: EPOCHS, seed, learningRate: 0.1 });
    const high = dyingRelu({ hidden: HIDDEN, epochs: EPOCHS, seed, learningRate: 2 });
    return !high.diverged && high.deadAtEnd > base.deadAtEnd && high.finalLoss > base.finalLoss;
  });
  assert.ok(countTrue(worse) >= 4, `worse at 2: ${worse}`);
});
