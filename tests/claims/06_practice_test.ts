/**
 * The claims of "Comparison with ReLU" and "Practical Considerations" (notebook 06), each
 * checked at a small scale over five seeds. Where our measurement does not support the text,
 * the test name says so.
 */
import assert from "node:assert/strict";
import {
  compareInits,
  compareRegularization,
  compareVariants,
  deadByDepth,
  dyingReluSeeds,
  lowIntensityFeatures,
  noiseVerdict,
  preluSlopeTrace,
  summarizeDying,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];
const CLASSIFIER = { seeds: SEEDS, hidden: [32, 32], epochs: 60 };

Deno.test("comparison, dying neurons: after plain SGD at a high learning rate Leaky ReLU leaves fewer inactive neurons than ReLU (mean of 5 seeds)", () => {
  const setup = { hidden: [16, 16, 16], epochs: 30, learningRate: 1 };
  const relu = summarizeDying(dyingReluSeeds(SEEDS, setup));
  const leaky = summarizeDying(dyingReluSeeds(SEEDS, { ...setup, activation: "leakyRelu" }));
  assert.ok(leaky.deadAtEnd.mean < relu.deadAtEnd.mean);
});

Deno.test("comparison, sparsity and performance: ReLU is sparser (exact zeros), while Leaky ReLU's test accuracy is within noise of ReLU's", () => {
  const [relu, leaky] = compareVariants(["relu", "leakyRelu"], CLASSIFIER);
  assert.ok(relu.exactZeros.mean > 0.3);
  assert.equal(leaky.exactZeros.mean, 0);
  assert.ok(leaky.nearZeros.mean < relu.nearZeros.mean);
  assert.ok(noiseVerdict([relu, leaky]).withinNoise);
});

Deno.test("comparison, CNN example (holds only with a negative response): with a bias Leaky ReLU keeps every dark pixel non-zero; with a zero-sum edge filter and no bias most dark pixels stay exactly 0 for both", async () => {
  for (const index of [0, 1, 2]) {
    const bright = await lowIntensityFeatures({ index, kernel: "box", bias: -0.25 });
    assert.ok(bright.reluZeroLow > 0.9);
    assert.equal(bright.leakyZeroLow, 0);
    assert.ok(Math.abs(bright.leakyMaxAbsLow - 0.0025) < 1e-12);
    const edges = await lowIntensityFeatures({ index, kernel: "sobelX", bias: 0 });
    assert.ok(edges.leakyZeroLow > 0.5, `digit ${index}: ${edges.leakyZeroLow}`);
    assert.ok(edges.leakyZeroLow < edges.reluZeroLow);
  }
});

Deno.test("when to use Leaky ReLU: inactive neurons pile up with depth, and at 12 hidden layers Leaky ReLU has fewer than ReLU (mean of 5 seeds)", () => {
  const relu = deadByDepth([2, 12], { seeds: SEEDS });
  const leaky = deadByDepth([2, 12], { seeds: SEEDS, activation: "leakyRelu" });
  assert.ok(relu[1].summary.deadAtEnd.mean > relu[0].summary.deadAtEnd.mean);
  assert.ok(relu[1].summary.deadAtStart.mean > relu[0].summary.deadAtStart.mean);
  assert.ok(leaky[1].summary.deadAtEnd.mean < relu[1].summary.deadAtEnd.mean);
});

Deno.test("He initialisation (text: reduces dying; measured: the same dead fraction at initialisation as Xavier and a naive one, but fewer dead after training, and the naive one stalls)", () => {
  const [he, xavier, naive] = compareInits(undefined, { seeds: SEEDS });
  assert.equal(he.summary.deadAtStart.mean, xavier.summary.deadAtStart.mean);
  assert.equal(he.summary.deadAtStart.mean, naive.summary.deadAtStart.mean);
  assert.ok(he.summary.deadAtEnd.mean < xavier.summary.deadAtEnd.mean);
  assert.ok(he.summary.deadAtEnd.mean < naive.summary.deadAtEnd.mean);
  assert.ok(Math.abs(naive.summary.finalLoss.mean - Math.log(2)) < 0.01);
  assert.ok(naive.meanAbs[7] < 1e-6 * he.meanAbs[7]);
});

Deno.test("tuning α or learning it: PReLU's learned slopes spread across neurons and differ between layers, and α = 0.01, 0.1 and PReLU are within noise of each other", () => {
  const [prelu] = compareVariants(["prelu"], CLASSIFIER);
  const fixed = [0.01, 0.1].flatMap((alpha) =>
    compareVariants(["leakyRelu"], { ...CLASSIFIER, alpha })
  );
  assert.ok(noiseVerdict([...fixed, prelu]).withinNoise);
  for (const run of prelu.runs) {
    const [first, second] = preluSlopeTrace(run.history);
    const last = first.epochs.length - 1;
    assert.ok(first.max[last] - first.min[last] > 0.3, `seed ${run.seed}: spread in layer 1`);
    assert.notEqual(first.mean[last], second.mean[last]);
  }
});

Deno.test("regularisation (text: dropout and weight decay manage overfitting; measured: both lower the mean train-test gap on noisy data, within noise, and leave test accuracy within noise)", () => {
  const [none, dropout, decay] = compareRegularization(undefined, { seeds: SEEDS });
  assert.ok(none.gap.mean > 0.05, `the unregularised network overfits: gap ${none.gap.mean}`);
  assert.ok(dropout.gap.mean < none.gap.mean);
  assert.ok(decay.gap.mean < none.gap.mean);
  assert.ok(noiseVerdict([none, dropout, decay], { reference: "none" }).withinNoise);
  const gaps = noiseVerdict([none, dropout, decay], { metric: "gap", reference: "none" });
  assert.ok(gaps.withinNoise, gaps.sentence);
});
