/**
 * The claims of "Advantages of Leaky ReLU" and "Limitations of Leaky ReLU" (notebook 05), each
 * checked at a small scale over five seeds. Where our measurement does not support the text,
 * the test name says so.
 */
import assert from "node:assert/strict";
import {
  type ActivationScores,
  alphaSweep,
  compareVariants,
  dyingReluSeeds,
  gradientFlow,
  leakyRelu,
  leakyReluGrad,
  leakyReluMaxForm,
  noiseVerdict,
  outputMagnitude,
  summarizeDying,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];
const DYING = { hidden: [16, 16, 16], epochs: 30, learningRate: 1 };

let sweepCache: ActivationScores[] | undefined;
/** The alpha sweep of the notebook at a smaller scale, computed once for several claims. */
function sweep(): ActivationScores[] {
  sweepCache ??= alphaSweep([0, 0.01, 0.1, 1], { seeds: SEEDS });
  return sweepCache;
}
const at = (alpha: number) => sweep().find((point) => point.alpha === alpha)!;

Deno.test("mitigates dying ReLU: after training at a high learning rate Leaky ReLU leaves fewer neurons inactive than ReLU (mean of 5 seeds)", () => {
  const relu = summarizeDying(dyingReluSeeds(SEEDS, DYING));
  const leaky = summarizeDying(
    dyingReluSeeds(SEEDS, { ...DYING, activation: "leakyRelu", alpha: 0.01 }),
  );
  assert.ok(
    leaky.deadAtEnd.mean < relu.deadAtEnd.mean,
    `inactive after training: ReLU ${relu.deadAtEnd.mean}, Leaky ${leaky.deadAtEnd.mean}`,
  );
  assert.ok(leaky.diverged < SEEDS.length, "most Leaky ReLU runs finish");
});

Deno.test("preserves ReLU benefits: Leaky ReLU has slope 1 for z > 0 and passes the gradient through 15 layers like ReLU, unlike sigmoid", () => {
  assert.equal(leakyReluGrad(3), 1);
  assert.equal(leakyRelu(3), 3);
  const [sigmoid, relu, leaky] = gradientFlow({
    activations: ["sigmoid", "relu", "leakyRelu"],
    n: 64,
  });
  assert.ok(Math.abs(leaky.firstOverLast / relu.firstOverLast - 1) < 0.1);
  assert.ok(leaky.firstOverLast > 1e4 * sigmoid.firstOverLast);
});

Deno.test("improves learning: at a high learning rate Leaky ReLU ends with a lower training loss than ReLU (runs that diverged left out)", () => {
  const relu = summarizeDying(dyingReluSeeds(SEEDS, DYING));
  const leaky = summarizeDying(
    dyingReluSeeds(SEEDS, { ...DYING, activation: "leakyRelu", alpha: 0.01 }),
  );
  assert.ok(leaky.finalLoss.mean < relu.finalLoss.mean);
});

Deno.test("simple implementation: Leaky ReLU equals max(αz, z) for 0 ≤ α ≤ 1", () => {
  for (const alpha of [0, 0.01, 0.3, 1]) {
    for (let z = -5; z <= 5; z += 0.25) {
      assert.ok(
        leakyRelu(z, { alpha }) === leakyReluMaxForm(z, { alpha }),
        `α = ${alpha}, z = ${z}`,
      );
    }
  }
});

Deno.test("choice of α: a poor choice hurts at the large end (α = 1 makes the network linear and near chance), while α = 0.01 and 0.1 are within noise of each other", () => {
  assert.ok(at(1).testAccuracy.mean < 0.6, `α = 1: ${at(1).testAccuracy.mean}`);
  assert.ok(at(0.01).testAccuracy.mean > 0.9);
  assert.ok(noiseVerdict([at(0.01), at(0.1)]).withinNoise);
});

Deno.test("choice of α (text: too small hurts; measured: α = 0 leaves more neurons inactive than α = 0.1, but its accuracy is within noise of α = 0.01)", () => {
  assert.ok(at(0).deadFraction.mean > at(0.1).deadFraction.mean);
  assert.ok(noiseVerdict([at(0), at(0.01)]).withinNoise);
});

Deno.test("non-differentiable at 0: Leaky ReLU's one-sided slopes are α and 1, and the default convention picks α", () => {
  assert.equal(leakyReluGrad(0, { alpha: 0.1 }), 0.1);
  assert.equal(leakyReluGrad(0, { alpha: 0.1, atZero: "right" }), 1);
  assert.equal(leakyReluGrad(-1e-300, { alpha: 0.1 }), 0.1);
  assert.equal(leakyReluGrad(1e-300, { alpha: 0.1 }), 1);
});

Deno.test("reduced sparsity: exact zeros vanish for every α > 0, while about half of the pre-activations stay ≤ 0", () => {
  assert.ok(at(0).exactZeros.mean > 0.4);
  for (const alpha of [0.01, 0.1, 1]) assert.equal(at(alpha).exactZeros.mean, 0);
  for (const alpha of [0.01, 0.1]) {
    assert.ok(Math.abs(at(alpha).negativeZ.mean - at(0).negativeZ.mean) < 0.1);
  }
  // Near zeros (|f| < 0.01) remain for a tiny slope and fade for a larger one.
  assert.ok(at(0.01).nearZeros.mean > 5 * at(0.1).nearZeros.mean);
});

Deno.test("reduced sparsity (text: overfitting risk; measured: the train-test gap of α = 0.01 is within noise of ReLU's)", () => {
  assert.ok(noiseVerdict([at(0), at(0.01)], { metric: "gap" }).withinNoise);
});

Deno.test("limited empirical superiority: over 5 seeds Leaky ReLU does not beat ReLU, PReLU or RReLU beyond noise", () => {
  const scores = compareVariants(["relu", "leakyRelu", "prelu", "rrelu"], {
    seeds: SEEDS,
    epochs: 40,
  });
  const leaky = scores[1].label;
  const wins = noiseVerdict(scores).separated.filter(([better]) => better === leaky);
  assert.deepEqual(wins, []);
});

Deno.test("unbounded output: with N(0, 1) weights the largest activation grows about 4× per layer for both ReLU and Leaky ReLU", () => {
  for (const seed of SEEDS) {
    const relu = outputMagnitude({ activation: "relu", depth: 6, seed });
    const leaky = outputMagnitude({ activation: "leakyRelu", depth: 6, seed });
    for (const m of [relu, leaky]) {
      const rate = (m.maxAbs[5] / m.maxAbs[0]) ** (1 / 5);
      assert.ok(rate > 2.5 && rate < 6, `${m.label}, seed ${seed}: ×${rate} per layer`);
    }
    assert.ok(Math.abs(leaky.maxAbs[5] / relu.maxAbs[5] - 1) < 0.1);
  }
});
