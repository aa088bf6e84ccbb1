/**
 * The claims of "Leaky ReLU Overview", "How Leaky ReLU Fixes ReLU Limitations" and the Leaky ReLU
 * "Example" (notebook 04), each checked at a small scale over five seeds. Where our measurement
 * qualifies the text, the test name says so.
 */
import assert from "node:assert/strict";
import {
  activationSparsity,
  defaultDyingData,
  dyingRelu,
  dyingReluSeeds,
  leakyRelu,
  leakyReluGrad,
  lossSpread,
  maxFormGap,
  positiveFraction,
  timeActivationKernels,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];

Deno.test("Leaky ReLU is z for z > 0 and alpha z otherwise: f(3) = 3 and f(-2) = -0.02 at alpha = 0.01", () => {
  assert.equal(leakyRelu(3, { alpha: 0.01 }), 3);
  assert.equal(leakyRelu(-2, { alpha: 0.01 }), -0.02);
  assert.equal(leakyRelu(-2, { alpha: 0.2 }), -0.4);
});

Deno.test("the alternative form max(alpha z, z) is Leaky ReLU for 0 <= alpha <= 1, and a different function for alpha > 1", () => {
  for (const alpha of [0, 0.01, 0.2, 0.5, 1]) assert.equal(maxFormGap(alpha), 0, `α = ${alpha}`);
  for (const alpha of [1.5, 2, 10]) assert.ok(maxFormGap(alpha) > 1, `α = ${alpha}`);
});

Deno.test("Leaky ReLU is non-linear: f(a + b) differs from f(a) + f(b) across the kink", () => {
  const f = (z: number) => leakyRelu(z, { alpha: 0.01 });
  assert.notEqual(f(1 + -2), f(1) + f(-2));
  assert.equal(f(1 + 2), f(1) + f(2)); // linear on one side
});

Deno.test("Leaky ReLU is differentiable except at 0, with slopes alpha and 1 and the convention f'(0) = alpha", () => {
  assert.equal(leakyReluGrad(-1e-9, { alpha: 0.01 }), 0.01);
  assert.equal(leakyReluGrad(1e-9, { alpha: 0.01 }), 1);
  assert.equal(leakyReluGrad(0, { alpha: 0.01 }), 0.01);
});

Deno.test("reduced sparsity: trained Leaky ReLU layers have no exactly-zero outputs, ReLU layers over 30%, on 5 of 5 seeds", () => {
  const x = defaultDyingData().x;
  for (const seed of SEEDS) {
    const relu = activationSparsity(dyingRelu({ seed }).model, x);
    const leaky = activationSparsity(dyingRelu({ seed, activation: "leakyRelu" }).model, x);
    assert.ok(relu.every((s) => s > 0.3), `seed ${seed}: ReLU ${relu}`);
    assert.deepEqual(leaky, [0, 0, 0], `seed ${seed}`);
  }
});

Deno.test("reduced sparsity (measured: it does not put more neurons in their linear part; the share of z > 0 stays within 10 points of ReLU's)", () => {
  const x = defaultDyingData().x;
  for (const seed of SEEDS) {
    const relu = positiveFraction(dyingRelu({ seed }).model, x);
    const leaky = positiveFraction(dyingRelu({ seed, activation: "leakyRelu" }).model, x);
    relu.forEach((r, l) => assert.ok(Math.abs(r - leaky[l]) < 0.1, `seed ${seed}, layer ${l + 1}`));
  }
});

const RECOVERY = { hidden: [16, 16], epochs: 60, biasInit: -3 } as const;

Deno.test("Leaky ReLU fixes dying ReLU: with Adam, neurons that start dead come back under Leaky ReLU on 5 of 5 seeds and never under ReLU", () => {
  const adam = { ...RECOVERY, optimizer: "adam" as const, learningRate: 0.01 };
  for (const seed of SEEDS) {
    const relu = dyingRelu({ ...adam, seed });
    const leaky = dyingRelu({ ...adam, seed, activation: "leakyRelu" });
    assert.equal(relu.recovered, 0, `seed ${seed}`);
    assert.ok(leaky.recovered > leaky.startedDead / 4, `seed ${seed}: ${leaky.recovered}`);
  }
});

Deno.test("Leaky ReLU fixes dying ReLU (measured: with plain SGD the recovery is slow, under 10% of the neurons that start dead in 60 epochs)", () => {
  const sgd = { ...RECOVERY, optimizer: "sgd" as const, learningRate: 0.1 };
  const relu = dyingReluSeeds(SEEDS, sgd);
  const leaky = dyingReluSeeds(SEEDS, { ...sgd, activation: "leakyRelu" });
  const total = (runs: typeof relu, field: "recovered" | "startedDead") =>
    runs.reduce((s, r) => s + r[field], 0);
  assert.equal(total(relu, "recovered"), 0);
  assert.ok(total(leaky, "recovered") < 0.1 * total(leaky, "startedDead"));
});

Deno.test("improves training stability: at a high learning rate (1), Leaky ReLU's finished runs spread less in final loss than ReLU's over 5 seeds (though a run can diverge)", () => {
  const relu = lossSpread(dyingReluSeeds(SEEDS, { learningRate: 1 }));
  const leaky = lossSpread(dyingReluSeeds(SEEDS, { learningRate: 1, activation: "leakyRelu" }));
  assert.ok(leaky.finished >= 3);
  assert.ok(leaky.std < relu.std, `std: Leaky ${leaky.std}, ReLU ${relu.std}`);
  assert.ok(leaky.max < relu.max);
});

Deno.test("maintains simplicity: Leaky ReLU's forward kernel takes less than 3 times ReLU's (a loose bound: timings are noisy)", () => {
  const [, leaky] = timeActivationKernels({
    activations: ["relu", "leakyRelu"],
    size: 200_000,
    repeats: 9,
  });
  assert.ok(leaky.forwardRatio < 3, `ratio ${leaky.forwardRatio}`);
});
