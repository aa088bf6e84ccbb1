/**
 * The claims of the text's section "Advantages of ReLU", each measured at a small scale over
 * several seeds, asserting the direction notebooks/02-relu-advantages.ipynb reports. Where our
 * measurement contradicts the text, the test name says so. No permissions needed.
 *
 * The timing tests compare kernels whose costs differ many times over (an exponential against a
 * comparison, a skipped half of a matrix product), and assert far weaker ratios than the
 * notebook measures, so a loaded machine does not flip them.
 */
import assert from "node:assert/strict";
import {
  convergenceComparison,
  derivativePeaks,
  digitsComparison,
  gradientFlow,
  sparsityAndOverfitting,
  timeActivationKernels,
  timeDenseOnSparseInput,
} from "../../src/experiments/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];
const RUN_SEEDS = [1, 2, 3, 4, 5];

Deno.test("ReLU's gradient is 1 for z > 0, while the sigmoid's never exceeds 1/4 and tanh's never exceeds 1", () => {
  const [sigmoid, tanh, relu, leaky] = derivativePeaks(["sigmoid", "tanh", "relu", "leakyRelu"]);
  assert.equal(sigmoid.max, 0.25);
  assert.equal(sigmoid.at, 0);
  assert.equal(tanh.max, 1);
  assert.equal(tanh.at, 0);
  assert.equal(relu.max, 1);
  assert.equal(leaky.max, 1);
});

Deno.test("ReLU avoids vanishing gradients: through 15 hidden layers at initialisation the sigmoid's first-layer gradient is below 1e-6 of its last layer's, while ReLU's and Leaky ReLU's layers stay within a factor of 100, on 5 of 5 seeds", () => {
  for (const seed of SEEDS) {
    const [sigmoid, , relu, leaky] = gradientFlow({ seed, n: 64 });
    assert.ok(sigmoid.firstOverLast < 1e-6, `seed ${seed}: sigmoid ${sigmoid.firstOverLast}`);
    assert.ok(relu.spread < 100, `seed ${seed}: ReLU spread ${relu.spread}`);
    assert.ok(leaky.spread < 100, `seed ${seed}: Leaky ReLU spread ${leaky.spread}`);
  }
});

Deno.test("contrary to the text's contrast with tanh, a Xavier-initialised tanh network keeps its gradient at initialisation too (first layer above 0.1 of the last) on 5 of 5 seeds", () => {
  for (const seed of SEEDS) {
    const [tanh] = gradientFlow({ seed, n: 64, activations: ["tanh"] });
    assert.ok(tanh.firstOverLast > 0.1, `seed ${seed}: tanh ${tanh.firstOverLast}`);
    assert.ok(tanh.spread < 100, `seed ${seed}: tanh spread ${tanh.spread}`);
  }
});

Deno.test("ReLU is computationally efficient: its forward kernel takes less than half the time of the sigmoid's and tanh's", () => {
  const [relu, sigmoid, tanh] = timeActivationKernels({
    activations: ["relu", "sigmoid", "tanh"],
    size: 200_000,
    repeats: 7,
  });
  assert.equal(relu.forwardRatio, 1);
  assert.ok(sigmoid.forwardRatio > 2, `sigmoid/ReLU ${sigmoid.forwardRatio}`);
  assert.ok(tanh.forwardRatio > 2, `tanh/ReLU ${tanh.forwardRatio}`);
});

Deno.test("beyond the text: the sigmoid's and tanh's backward kernels, computed from their outputs, cost no more than about ReLU's (under 3×)", () => {
  const [, sigmoid, tanh] = timeActivationKernels({
    activations: ["relu", "sigmoid", "tanh"],
    size: 200_000,
    repeats: 7,
  });
  assert.ok(sigmoid.backwardRatio < 3, `sigmoid/ReLU backward ${sigmoid.backwardRatio}`);
  assert.ok(tanh.backwardRatio < 3, `tanh/ReLU backward ${tanh.backwardRatio}`);
});

Deno.test("ReLU's activations are sparse: over 30% of its hidden outputs are exactly 0, none of Leaky ReLU's or tanh's, on 5 of 5 seeds", () => {
  const results = sparsityAndOverfitting({
    seeds: RUN_SEEDS,
    hidden: [32, 32],
    epochs: 20,
    testN: 200,
  });
  const [relu, leaky, tanh] = results;
  for (const fraction of relu.sparsity) assert.ok(fraction > 0.3, `ReLU sparsity ${fraction}`);
  assert.deepEqual(leaky.sparsity, [0, 0]);
  assert.deepEqual(tanh.sparsity, [0, 0]);
});

Deno.test("sparsity reduces computation only where the code skips zeros: relu-lab's dense layer runs faster on ReLU outputs than on Leaky ReLU outputs of the same z", () => {
  const timing = timeDenseOnSparseInput({ rows: 128, width: 128, repeats: 9 });
  assert.ok(timing.reluSparsity > 0.4 && timing.reluSparsity < 0.6);
  assert.equal(timing.leakySparsity, 0);
  assert.ok(timing.ratio < 0.9, `ReLU-input/Leaky-input time ${timing.ratio}`);
});

Deno.test("contrary to the text, ReLU's sparsity does not mitigate overfitting: on 60 noisy points tanh's train-test gap is smaller than ReLU's on at least 4 of 5 seeds", () => {
  const [relu, tanh] = sparsityAndOverfitting({
    activations: ["relu", "tanh"],
    seeds: RUN_SEEDS,
    hidden: [32, 32],
    epochs: 150,
    testN: 300,
  });
  const wins = tanh.gap.filter((gap, i) => gap < relu.gap[i]).length;
  assert.ok(wins >= 4, `tanh gaps ${tanh.gap}, ReLU gaps ${relu.gap}`);
  assert.ok(relu.meanGap > 0.05, `ReLU still overfits: mean gap ${relu.meanGap}`);
});

Deno.test("ReLU improves convergence: in a 4-hidden-layer network it reaches a training loss of 0.2 in fewer epochs than tanh on at least 4 of 5 seeds, and the sigmoid never does", () => {
  const [sigmoid, tanh, relu] = convergenceComparison({ seeds: RUN_SEEDS, epochs: 20 });
  const epochs = (e: number | null) => e ?? Infinity;
  const wins =
    relu.epochsToThreshold.filter((e, i) => epochs(e) < epochs(tanh.epochsToThreshold[i])).length;
  assert.ok(wins >= 4, `ReLU ${relu.epochsToThreshold}, tanh ${tanh.epochsToThreshold}`);
  assert.deepEqual(sigmoid.epochsToThreshold, [null, null, null, null, null]);
});

Deno.test("ReLU is widely effective: on real digits its test accuracy is within 5 points of the best activation and above the sigmoid's on every seed", async () => {
  const results = await digitsComparison({
    activations: ["sigmoid", "tanh", "relu"],
    n: 300,
    testN: 200,
    epochs: 5,
    seeds: [1, 2, 3],
  });
  const [sigmoid, , relu] = results;
  const best = Math.max(...results.map((r) => r.meanTestAccuracy));
  assert.ok(best - relu.meanTestAccuracy <= 0.05, `ReLU ${relu.meanTestAccuracy}, best ${best}`);
  relu.testAccuracy.forEach((accuracy, i) =>
    assert.ok(accuracy > sigmoid.testAccuracy[i], `seed ${relu.seeds[i]}`)
  );
});
