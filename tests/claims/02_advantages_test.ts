/**
 * The claims of the text's section "Advantages of ReLU", re-measured as
 * notebooks/02-relu-advantages.ipynb measures them with its default parameters (the same data,
 * seeds, sizes, epochs and learning rates), with the library's public API and the study kit.
 * Each measured claim's findings are decided by the notebook's rule (`compareSummaries`: beyond
 * noise when the difference of means exceeds 2 standard errors; `verdictOf`: supported when the
 * claim held in every condition measured, not supported in none, qualified in some), and the
 * test asserts that the verdict is the claims registry's, and the main numbers of the registry's
 * finding. Where our measurement contradicts the text, or supports it only in part, the test
 * name says so. No permissions needed.
 *
 * The timing tests use the notebook's timing rule (`timeRatio`: the median of 9 interleaved
 * rounds of CPU time; faster below a ratio of 0.8). Where the notebook's ratio sits far from the
 * rule's threshold (ReLU's forward kernel against the exponentials: about 0.05) they assert the
 * rule's flag. Where it sits near it, the rule itself can flip from run to run (see notebook 04's
 * note on timing flips), so they assert a wider margin instead, and their names say which.
 */
import assert from "node:assert/strict";
import {
  accuracy,
  activationSparsity,
  compareSummaries,
  createActivation,
  dataset,
  Dense,
  gradientNorms,
  type History,
  loadDigits,
  measure,
  mlp,
  optionsFor,
  overSeeds,
  type SeedRun,
  standardNormal,
  symbolicDerivative,
  timeRatio,
  train,
  trainTestSplit,
  twoMoons,
} from "../../src/mod.ts";
import { assertAbout, assertVerdict, beyond, once } from "./_rules.ts";

// Notebook 02's parameters cell.
const ALPHA = 0.01;
const SEEDS = [0, 1, 2, 3, 4]; // runs = 5 from seed = 0
const DEPTH = 15;
const WIDTH = 32;
const PROBE_SAMPLES = 256;
const TIMING_SIZE = 200_000;
const TIMING_REPEATS = 9;
const OVERFIT_N = 60;
const OVERFIT_EPOCHS = 200;
const OVERFIT_NOISE = 0.35;
const OVERFIT_RATE = 0.01;
const EPOCHS = 30;
const LEARNING_RATE = 0.1;
const DIGITS_N = 300;
const DIGITS_EPOCHS = 8;

const meanOf = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

// 1. Avoids vanishing gradients: the probe at initialisation and the convergence runs.

/** Per-layer gradient norms of an untrained MLP with 15 hidden layers of 32, on N(0, 1) inputs. */
function probe(activation: string, s: number): number[] {
  const x = standardNormal(PROBE_SAMPLES, WIDTH, { seed: s });
  const labels = Int32Array.from({ length: PROBE_SAMPLES }, (_, i) => i % 2);
  const model = mlp([WIDTH, ...Array(DEPTH).fill(WIDTH), 2], {
    activation,
    ...optionsFor(activation, { alpha: ALPHA }),
    seed: s,
  });
  return gradientNorms(model, dataset(x, labels)).map((layer) => layer.total);
}
const flow = Object.fromEntries(
  ["sigmoid", "tanh", "relu"].map((
    name,
  ) => [name, once(() => overSeeds(SEEDS, (s) => probe(name, s)))]),
);
const logRatio = (norms: readonly number[]) => Math.log10(norms[0] / norms[norms.length - 1]);
const firstOverLast = (name: string) => measure(flow[name](), logRatio);

/** The convergence runs: 2-32x4-2 on 300 two-moons points, 30 epochs of plain SGD at 0.1. */
const histories: Record<string, () => SeedRun<History>[]> = Object.fromEntries(
  ["sigmoid", "tanh", "relu"].map((activation) => [
    activation,
    once(() =>
      overSeeds(SEEDS, (s) => {
        const data = twoMoons({ n: 300, noise: 0.1, seed: s });
        const model = mlp([2, 32, 32, 32, 32, 2], { activation, seed: s });
        return train(model, data, {
          epochs: EPOCHS,
          batchSize: 32,
          learningRate: LEARNING_RATE,
          seed: s,
        });
      })
    ),
  ]),
);
const meanLoss = (name: string) =>
  measure(histories[name](), (h) => meanOf(h.map((r) => r.trainLoss)));
const flowInTraining = (name: string) =>
  measure(histories[name](), (h) => meanOf(h.map((r) => logRatio(r.gradNorm))));

/** The notebook's three conditions against `other`: ahead at initialisation, in training, in speed. */
const vanishingConditions = (other: string) => [
  beyond(firstOverLast("relu"), firstOverLast(other), "higher"),
  beyond(flowInTraining("relu"), flowInTraining(other), "higher"),
  beyond(meanLoss("relu"), meanLoss(other), "lower"),
];

Deno.test("ReLU's gradient is 1 for z > 0, while the sigmoid's never exceeds 1/4 and tanh's never exceeds 1", () => {
  const grid = Array.from({ length: 2001 }, (_, i) => (i - 1000) / 100);
  const peaks = ["sigmoid", "tanh", "relu", "leakyRelu"].map((name) => {
    const fn = createActivation(name);
    const derivative = symbolicDerivative(fn.expression);
    for (const z of grid) {
      if (z !== 0) {
        assert.ok(Math.abs(derivative.evaluate(z) - fn.grad(z)) < 1e-12, `${name}(${z})`);
      }
    }
    return Math.max(...grid.map((z) => fn.grad(z)));
  });
  assert.deepEqual(peaks, [0.25, 1, 1, 1]);
  const sigmoid = symbolicDerivative(createActivation("sigmoid").expression);
  assert.equal(sigmoid.evaluate(0), 0.25);
  const second = symbolicDerivative(sigmoid.expression);
  assert.ok(second.evaluate(-1) > 0 && second.evaluate(1) < 0, "the sigmoid's f' peaks at 0");
  for (const z of [1e-9, 0.5, 3, 1e6]) assert.equal(createActivation("relu").grad(z), 1);
});

Deno.test("ReLU avoids the sigmoid's vanishing gradients (supported): its first layer keeps more of the gradient than the sigmoid's, beyond noise over 5 seeds, at initialisation through 15 hidden layers and in training, and its training loss falls faster", () => {
  assertVerdict("relu-vanishing-sigmoid", vanishingConditions("sigmoid"));
  assertAbout(firstOverLast("sigmoid").mean, -9.6, 0.1, "sigmoid, log10 first/last at init");
  assertAbout(firstOverLast("relu").mean, -0.6, 0.1, "ReLU, log10 first/last at init");
  assertAbout(flowInTraining("sigmoid").mean, -2.2, 0.1, "sigmoid, log10 first/last in training");
  assertAbout(flowInTraining("relu").mean, 0.05, 0.01, "ReLU, log10 first/last in training");
});

Deno.test("ReLU avoids tanh's vanishing gradients (qualified, 1 of 3 conditions): a Xavier-initialised tanh network keeps more of its first layer's gradient than ReLU at initialisation and in training, yet ReLU's training loss falls faster, beyond noise over 5 seeds", () => {
  const conditions = vanishingConditions("tanh");
  assertVerdict("relu-vanishing-tanh", conditions);
  assert.deepEqual(conditions, [false, false, true]);
  assert.ok(beyond(firstOverLast("tanh"), firstOverLast("relu"), "higher"), "tanh ahead at init");
  assertAbout(flowInTraining("tanh").mean, 0.49, 0.01, "tanh, log10 first/last in training");
  assertAbout(flowInTraining("relu").mean, 0.05, 0.01, "ReLU, log10 first/last in training");
  assertAbout(meanLoss("relu").mean, 0.167, 0.001, "ReLU mean training loss");
  assertAbout(meanLoss("tanh").mean, 0.247, 0.001, "tanh mean training loss");
});

// 2. Computational efficiency: the notebook's kernels and timings, in its order.

const timing = once(() => {
  const [reluFn, ...others] = ["relu", "sigmoid", "tanh"].map((name) => createActivation(name));
  const values = standardNormal(1, TIMING_SIZE, { seed: 0 }).data;
  const ones = new Float64Array(TIMING_SIZE).fill(1);
  const out = new Float64Array(TIMING_SIZE), grad = new Float64Array(TIMING_SIZE);
  const forwardOf = (fn: typeof reluFn) => () => fn.forward(values, out);
  const backwardOf = (fn: typeof reluFn) => () => fn.backward(values, ones, grad, out);
  const rounds = { rounds: TIMING_REPEATS };
  return others.map((other) => ({ // ReLU's time over the other's
    other: other.name,
    forward: timeRatio(forwardOf(reluFn), forwardOf(other), rounds),
    backward: timeRatio(backwardOf(reluFn), backwardOf(other), rounds),
  }));
});

Deno.test("ReLU is computationally efficient (supported by the timing rule): its forward kernel takes less than 0.8 of the sigmoid's and of tanh's time", () => {
  const fasterForward = timing().map((t) => t.forward.faster);
  assertVerdict("relu-efficient", fasterForward);
});

Deno.test("beyond the text, ReLU's advantage is in the forward pass only (supported by notebook 02's timing, whose verdict the stored-output test checks; here the forward kernel is faster than the sigmoid's and tanh's by the timing rule, and the backward kernel, near the rule's threshold, is not under half of their time)", () => {
  // The notebook's findings are [forward faster, backward not faster] per other activation. The
  // forward ratio (about 0.05) is far from the rule's 0.8 and is asserted by the rule; the
  // backward ratio (about 0.8 to 1.5) is near it, so a rerun here could give either flag: only
  // that it is not under half is asserted, and the verdict itself is the notebook's, which
  // tests/notebooks/claims_registry_test.ts checks against the registry.
  for (const t of timing()) {
    assert.ok(t.forward.faster, `forward against ${t.other}: ratio ${t.forward.ratio}`);
    assert.ok(t.backward.ratio >= 0.5, `backward against ${t.other}: ratio ${t.backward.ratio}`);
  }
});

// 3. Sparse activation: the overfitting runs and the timing of a layer on sparse inputs.

/** A 2-64-64-2 network trained full-batch with Adam on 60 noisy points, tested on 500 more. */
function overfitRun(activation: string, s: number) {
  const all = twoMoons({ n: OVERFIT_N + 500, noise: OVERFIT_NOISE, seed: s });
  const testFraction = 500 / (OVERFIT_N + 500);
  const { train: data, test } = trainTestSplit(all, { testFraction, seed: s });
  const model = mlp([2, 64, 64, 2], {
    activation,
    ...optionsFor(activation, { alpha: ALPHA }),
    seed: s,
  });
  train(model, data, {
    epochs: OVERFIT_EPOCHS,
    batchSize: OVERFIT_N,
    learningRate: OVERFIT_RATE,
    optimizer: "adam",
    seed: s,
    trainMetrics: "running",
  });
  return {
    sparsity: activationSparsity(model, test),
    gap: accuracy(model.predict(data.x), data.y as Int32Array) -
      accuracy(model.predict(test.x), test.y as Int32Array),
  };
}
const overfitRuns = Object.fromEntries(
  ["relu", "leakyRelu", "tanh"].map((
    name,
  ) => [name, once(() => overSeeds(SEEDS, (s) => overfitRun(name, s)))]),
);
const zeros = (name: string, layer: number) =>
  measure(overfitRuns[name](), (r) => r.sparsity[layer]);
const gap = (name: string) => measure(overfitRuns[name](), (r) => r.gap);

Deno.test("ReLU's activations are sparse (supported): in trained 2-64-64-2 networks each hidden layer has more exact zeros with ReLU than with Leaky ReLU or tanh, beyond noise over 5 seeds", () => {
  const findings = [0, 1].flatMap((layer) =>
    ["leakyRelu", "tanh"].map((other) =>
      beyond(zeros("relu", layer), zeros(other, layer), "higher")
    )
  );
  assertVerdict("relu-sparse-advantage", findings);
  assertAbout(100 * zeros("relu", 0).mean, 49.1, 0.1, "layer 1, ReLU zeros (%)");
  assertAbout(100 * zeros("relu", 1).mean, 58.9, 0.1, "layer 2, ReLU zeros (%)");
  for (const other of ["leakyRelu", "tanh"]) {
    for (const layer of [0, 1]) assert.equal(zeros(other, layer).max, 0, `${other}: no exact 0`);
  }
});

Deno.test("sparsity reduces computation only where the code skips zeros (qualified by notebook 02's timing, whose verdict the stored-output test checks; here, away from the rule's threshold, relu-lab's Dense layer takes under 0.9 of its time on Leaky ReLU outputs of the same z, a plain product over 0.7)", () => {
  const z = standardNormal(256, 256, { seed: 0 }).data;
  const reluOut = createActivation("relu").forward(z);
  const leakyOut = createActivation("leakyRelu", { alpha: ALPHA }).forward(z);
  const share = reluOut.filter((v) => v === 0).length / reluOut.length;
  assertAbout(100 * share, 50, 1, "ReLU's outputs that are exactly 0 (%)");
  const layer = new Dense(256, 256, { seed: 0 });
  const y = new Float64Array(256 * 256);
  const plainProduct = (data: Float64Array) => { // x W with no test for zeros
    y.fill(0);
    for (let i = 0; i < 256; i++) {
      for (let k = 0; k < 256; k++) {
        const xik = data[i * 256 + k];
        for (let j = 0; j < 256; j++) y[i * 256 + j] += xik * layer.weights[k * 256 + j];
      }
    }
  };
  const denseOn = (data: Float64Array) => () => layer.forward({ rows: 256, cols: 256, data });
  const dense = timeRatio(denseOn(reluOut), denseOn(leakyOut));
  const plain = timeRatio(() => plainProduct(reluOut), () => plainProduct(leakyOut));
  // The notebook's findings are [dense.faster, plain.faster]: ratios of about 0.5 to 0.65 and
  // 0.9 to 1.0 against the rule's 0.8, near enough that either can flip on a busy machine. So
  // the ratios are asserted away from the threshold, and the verdict is the notebook's, which
  // tests/notebooks/claims_registry_test.ts checks against the registry.
  assert.ok(dense.ratio < 0.9, `Dense on ReLU's outputs over Leaky ReLU's: ${dense.ratio}`);
  assert.ok(plain.ratio >= 0.7, `a plain product, the same: ${plain.ratio}`);
});

Deno.test("sparsity mitigating overfitting is not shown: on 60 noisy points ReLU's train-test gap is not smaller beyond noise than Leaky ReLU's or tanh's over 5 seeds (ties, with 2 SE of the differences about 0.07: a smaller effect could not show)", () => {
  const smallerGap = ["leakyRelu", "tanh"].map((other) => beyond(gap("relu"), gap(other), "lower"));
  assertVerdict("relu-sparse-overfitting", smallerGap);
  assertAbout(gap("relu").mean, 0.157, 0.001, "ReLU gap");
  assertAbout(gap("leakyRelu").mean, 0.154, 0.001, "Leaky ReLU gap");
  assertAbout(gap("tanh").mean, 0.141, 0.001, "tanh gap");
  const twoSe = ["leakyRelu", "tanh"].map((other) =>
    2 * compareSummaries(gap("relu"), gap(other)).se
  );
  assertAbout(twoSe[0], 0.075, 0.001, "2 SE of the difference against Leaky ReLU");
  assertAbout(twoSe[1], 0.070, 0.001, "2 SE of the difference against tanh");
});

// 4. Improved convergence and 5. Widely effective.

Deno.test("ReLU improves convergence (supported): with 4 hidden layers and plain SGD its mean training loss over 30 epochs is lower than tanh's and the sigmoid's, beyond noise over 5 seeds", () => {
  const fasterThan = ["sigmoid", "tanh"].map((other) =>
    beyond(meanLoss("relu"), meanLoss(other), "lower")
  );
  assertVerdict("relu-convergence", fasterThan);
  assertAbout(meanLoss("relu").mean, 0.167, 0.001, "ReLU mean training loss");
  assertAbout(meanLoss("tanh").mean, 0.247, 0.001, "tanh mean training loss");
  assertAbout(meanLoss("sigmoid").mean, 0.702, 0.001, "sigmoid mean training loss");
});

Deno.test("ReLU is widely effective (qualified): on real digits its test accuracy is above the sigmoid's beyond noise but tied with tanh's, over 5 seeds; no NLP task was tested", async () => {
  const digitsTrain = await loadDigits({ n: DIGITS_N, split: "train", seed: 0 });
  const digitsTest = await loadDigits({ n: 300, split: "test", seed: 0 });
  const testAccuracy = Object.fromEntries(["sigmoid", "tanh", "relu"].map((activation) => [
    activation,
    measure(
      overSeeds(SEEDS, (s) => {
        const model = mlp([784, 32, 10], { activation, seed: s });
        train(model, digitsTrain, {
          epochs: DIGITS_EPOCHS,
          batchSize: 32,
          learningRate: LEARNING_RATE,
          seed: s,
          trainMetrics: "running",
        });
        return accuracy(model.predict(digitsTest.x), digitsTest.y);
      }),
      (a) => a,
    ),
  ]));
  const ahead = ["sigmoid", "tanh"].map((other) =>
    beyond(testAccuracy.relu, testAccuracy[other], "higher")
  );
  assertVerdict("relu-widely-effective", ahead);
  assert.deepEqual(ahead, [true, false], "above the sigmoid, not above tanh");
  assert.ok(!beyond(testAccuracy.tanh, testAccuracy.relu, "higher"), "tanh not above ReLU: a tie");
  assertAbout(100 * testAccuracy.relu.mean, 77.3, 0.1, "ReLU test accuracy (%)");
  assertAbout(100 * testAccuracy.sigmoid.mean, 62.5, 0.1, "sigmoid test accuracy (%)");
  assertAbout(100 * testAccuracy.tanh.mean, 79.5, 0.1, "tanh test accuracy (%)");
});
