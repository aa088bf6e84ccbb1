/**
 * The claims of "Comparison with ReLU" and "Practical Considerations" (notebook 06), re-checked
 * with the library's public API and the study kit: notebook 03's two-moons network made 1 to 16
 * hidden layers deep and trained with both activations over five seeds, a digit through a
 * convolution, three initialisations, fixed and learned slopes, and two regularisers. A
 * difference counts only when it is beyond noise (`compareSummaries`). Where our measurement
 * qualifies the text, the test name says so.
 */
import assert from "node:assert/strict";
import {
  accuracy,
  activationSparsity,
  compareSummaries,
  conv2d,
  createActivation,
  deadNeurons,
  digitImage,
  edgeKernel,
  fromRows,
  loadDigits,
  type Matrix,
  measure,
  mlp,
  type MlpOptions,
  normalInit,
  optionsFor,
  overSeeds,
  type Sequential,
  type Summary,
  train,
  twoMoons,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];
const DEPTHS = [1, 2, 4, 8, 12, 16];
const MOONS = twoMoons({ n: 200, noise: 0.1, seed: 1 });
const TEST = twoMoons({ n: 500, noise: 0.1, seed: 2 });

const lower = (a: Summary, b: Summary) => {
  const c = compareSummaries(a, b);
  return c.beyondNoise && c.direction === "lower";
};
const inactiveShare = (model: Sequential) => {
  const layers = deadNeurons(model, MOONS);
  return layers.reduce((n, l) => n + l.dead.length, 0) / layers.reduce((n, l) => n + l.size, 0);
};

/** Notebook 06's deep two-moons network, trained with Adam for 20 epochs and measured. */
function deepRun(depth: number, options: MlpOptions, seed: number) {
  const model = mlp([2, ...Array(depth).fill(16), 2], { ...options, seed });
  const before = inactiveShare(model);
  const history = train(model, MOONS, {
    epochs: 20,
    batchSize: 16,
    optimizer: "adam",
    learningRate: 0.01,
    seed,
  });
  const zeros = activationSparsity(model, MOONS);
  return {
    before,
    after: inactiveShare(model),
    exactZeros: zeros.reduce((a, b) => a + b, 0) / zeros.length,
    testAccuracy: accuracy(model.predict(TEST.x), TEST.y as Int32Array),
    slopes: history.at(-1)!.preluSlopes ?? [],
  };
}
const sweep = DEPTHS.map((depth) => ({
  depth,
  relu: overSeeds(SEEDS, (s) => deepRun(depth, { activation: "relu" }, s)),
  leaky: overSeeds(SEEDS, (s) => deepRun(depth, { activation: "leakyRelu", alpha: 0.01 }, s)),
}));
type Measure = "before" | "after" | "exactZeros" | "testAccuracy";
const of = (depth: number, side: "relu" | "leaky", metric: Measure) =>
  measure(sweep.find((p) => p.depth === depth)![side], (r) => r[metric]);

Deno.test("comparison, dying neurons (measured over 6 depths and 5 seeds: Leaky ReLU leaves fewer neurons inactive than ReLU beyond noise at 12 hidden layers only)", () => {
  const fewer = DEPTHS.filter((d) => lower(of(d, "leaky", "after"), of(d, "relu", "after")));
  assert.deepEqual(fewer, [12]);
});

Deno.test("comparison, sparsity and performance (measured over 6 depths and 5 seeds: ReLU has more exact zeros at every depth, and the two activations' test accuracies are within noise of each other at every depth)", () => {
  for (const d of DEPTHS) {
    assert.ok(of(d, "relu", "exactZeros").mean > 0.3, `depth ${d}`);
    assert.equal(of(d, "leaky", "exactZeros").mean, 0, `depth ${d}`);
    const c = compareSummaries(of(d, "leaky", "testAccuracy"), of(d, "relu", "testAccuracy"));
    assert.ok(!c.beyondNoise, `depth ${d}: ${c.difference}`);
  }
});

Deno.test("when to use Leaky ReLU (measured over 6 depths and 5 seeds: inactive neurons pile up with depth, and Leaky ReLU is preferred, fewer inactive beyond noise without lower accuracy, at 12 hidden layers only)", () => {
  const reluAfter = DEPTHS.map((d) => of(d, "relu", "after").mean);
  assert.ok(reluAfter.at(-1)! > 5 * reluAfter[0], `ReLU inactive: ${reluAfter}`);
  assert.ok(of(16, "relu", "before").mean > of(1, "relu", "before").mean);
  const preferred = DEPTHS.filter((d) =>
    lower(of(d, "leaky", "after"), of(d, "relu", "after")) &&
    !lower(of(d, "leaky", "testAccuracy"), of(d, "relu", "testAccuracy"))
  );
  assert.deepEqual(preferred, [12]);
});

Deno.test("a robust alternative (measured over 6 depths and 5 seeds: Leaky ReLU's test accuracy is never below ReLU's beyond noise)", () => {
  for (const d of DEPTHS) {
    assert.ok(!lower(of(d, "leaky", "testAccuracy"), of(d, "relu", "testAccuracy")), `depth ${d}`);
  }
});

Deno.test("comparison, CNN example (holds only with a negative response): with a bias Leaky ReLU keeps every dark pixel non-zero; with a zero-sum edge filter and no bias most dark pixels stay exactly 0 for both", async (t) => {
  const box = fromRows(Array.from({ length: 3 }, () => [1 / 9, 1 / 9, 1 / 9]));
  for (const digit of [9, 3, 0]) {
    await t.step(`a ${digit}`, async () => {
      const image = digitImage(await loadDigits({ n: 1, digits: [digit], seed: 0 }), 0);
      const dark = [...image.data.keys()].filter((i) => image.data[i] < 0.1);
      const zeroShare = (kernel: Matrix, bias: number, name: string) => {
        const z = conv2d(image, kernel, { padding: "same" });
        z.data.forEach((v, i) => (z.data[i] = v + bias));
        const out = createActivation(name, optionsFor(name, { alpha: 0.01 })).forward(z.data);
        return dark.filter((i) => out[i] === 0).length / dark.length;
      };
      assert.ok(zeroShare(box, -0.25, "relu") > 0.9);
      assert.equal(zeroShare(box, -0.25, "leakyRelu"), 0);
      assert.ok(zeroShare(edgeKernel("sobelX"), 0, "leakyRelu") > 0.5);
    });
  }
});

Deno.test("He initialisation (text: reduces dying; measured: the same dead fraction at initialisation as Xavier and a naive one, but fewer dead after training, and the naive one stalls)", () => {
  const runs = (init: MlpOptions["init"]) =>
    overSeeds(SEEDS, (seed) => {
      const model = mlp([2, ...Array(8).fill(32), 2], { init, seed });
      const before = inactiveShare(model);
      const history = train(model, MOONS, { epochs: 20, batchSize: 16, learningRate: 0.1, seed });
      return { before, after: inactiveShare(model), loss: history.at(-1)!.trainLoss };
    });
  const [he, xavier, naive] = [runs("he"), runs("xavier"), runs(normalInit({ sigma: 0.01 }))];
  const before = [he, xavier, naive].map((r) => measure(r, (x) => x.before).values);
  assert.deepEqual(before[0], before[1]);
  assert.deepEqual(before[0], before[2]);
  const after = [he, xavier, naive].map((r) => measure(r, (x) => x.after));
  assert.ok(lower(after[0], after[1]) && lower(after[0], after[2]));
  assert.ok(Math.abs(measure(naive, (x) => x.loss).mean - Math.log(2)) < 0.01, "stalls at ln 2");
});

Deno.test("tuning α or learning it (measured at 12 hidden layers over 5 seeds: α = 0.01, 0.1 and PReLU score within noise of each other, and PReLU's learned slopes span more than 0.1 in every run)", () => {
  const runs = [
    sweep.find((p) => p.depth === 12)!.leaky,
    overSeeds(SEEDS, (s) => deepRun(12, { activation: "leakyRelu", alpha: 0.1 }, s)),
    overSeeds(SEEDS, (s) => deepRun(12, { activation: "prelu", alpha: 0.25 }, s)),
  ];
  const accuracies = runs.map((r) => measure(r, (x) => x.testAccuracy));
  for (const a of accuracies) {
    for (const b of accuracies) assert.ok(!compareSummaries(a, b).beyondNoise);
  }
  for (const run of runs[2]) {
    const slopes = run.result!.slopes.flat();
    assert.ok(Math.max(...slopes) - Math.min(...slopes) > 0.1, `seed ${run.seed}`);
  }
});

Deno.test("regularisation (text: dropout and weight decay manage overfitting; measured on 60 noisy points over 5 seeds: dropout lowers the train-test gap beyond noise, weight decay within noise; neither changes test accuracy beyond noise)", () => {
  const noisy = twoMoons({ n: 60, noise: 0.35, seed: 1 });
  const fresh = twoMoons({ n: 500, noise: 0.35, seed: 2 });
  const runs = (options: { dropout?: number; weightDecay?: number }) =>
    overSeeds(SEEDS, (seed) => {
      const model = mlp([2, 32, 32, 2], { activation: "leakyRelu", alpha: 0.01, seed });
      train(model, noisy, {
        epochs: 200,
        batchSize: 16,
        optimizer: "adam",
        learningRate: 0.01,
        seed,
        ...options,
      });
      const acc = (d: typeof noisy) => accuracy(model.predict(d.x), d.y as Int32Array);
      return { gap: acc(noisy) - acc(fresh), test: acc(fresh) };
    });
  const [none, dropout, decay] = [runs({}), runs({ dropout: 0.3 }), runs({ weightDecay: 1e-3 })];
  const gap = (r: typeof none) => measure(r, (x) => x.gap);
  const test = (r: typeof none) => measure(r, (x) => x.test);
  assert.ok(lower(gap(dropout), gap(none)), "dropout");
  assert.ok(!lower(gap(decay), gap(none)), "weight decay");
  for (const r of [dropout, decay]) assert.ok(!compareSummaries(test(r), test(none)).beyondNoise);
});
