/**
 * The claims of the text's sections "Comparison with ReLU" and "Practical Considerations", its
 * CNN "Example", its summary's "robust alternative" and the per-neuron choice of α, re-measured
 * as notebooks/06-comparison-and-practice.ipynb measures them with its default parameters (the
 * same depths, seeds, sizes, epochs and learning rates, and each run's two moons drawn from its
 * own seed), with the library's public API and the study kit. The notebook's depth experiment
 * trains notebook 03's two-moons network (hidden layers of 16, Adam at 0.01, 20 epochs) with 1
 * to 16 hidden layers and both activations on every seed; the comparison and the advice on when
 * to use which activation read its results. The other claims have runs of their own: a digit
 * through a convolution, three initialisations, fixed and learned slopes at 12 hidden layers,
 * and two regularisers on 60 noisy points. Each claim's findings are decided by the notebook's
 * rules (`compareSummaries`: beyond noise when the difference of means exceeds 2 standard errors;
 * for a claim that one setting is no worse than another, `measurePaired` and `noWorseWithin`: the
 * per-seed difference of test accuracy, two standard errors towards worse, within the margin of 1
 * percentage point fixed before measuring, false with a diverged pair; `verdictOf`: supported when
 * the claim held in every condition measured, not supported in none, qualified in some), and the
 * test asserts that the verdict is the claims registry's, and the main numbers of the registry's
 * finding at their printed precision. Where our measurement contradicts the text, or supports it
 * only in part, the test name says so. Reads the digits bundled with the library; no permissions
 * needed.
 */
import assert from "node:assert/strict";
import {
  accuracy,
  activationSparsity,
  conv2d,
  createActivation,
  type Dataset,
  deadNeurons,
  digitImage,
  edgeKernel,
  fromRows,
  loadDigits,
  type Matrix,
  measure,
  measurePaired,
  mlp,
  type MlpOptions,
  normalInit,
  noWorseWithin,
  optionsFor,
  overSeeds,
  type SeedRun,
  type Sequential,
  type Summary,
  train,
  trainTestSplit,
  twoMoons,
} from "../../src/mod.ts";
import { assertAbout, assertPaired, assertPercent, assertVerdict, beyond, once } from "./_rules.ts";

// Notebook 06's parameters cell.
const ALPHA = 0.01;
const SEEDS = [0, 1, 2, 3, 4]; // runs = 5 from seed = 0
const DEPTHS = [1, 2, 4, 8, 12, 16];
const DEPTH_EPOCHS = 20;
const DIGIT = 9;
const FILTER_BIAS = -0.25;
const INIT_DEPTH = 8;
const TUNING_DEPTH = 12;
const TUNED_ALPHAS = [0.01, 0.1];
const YARDSTICK_ALPHAS = [0.05, 0.3];
const DEPTH_RATE = 0.01;
const DARK_BELOW = 0.1;
const INIT_EPOCHS = 20;
const INIT_RATE = 0.1;
const REGULAR_EPOCHS = 200;
const REGULAR_RATE = 0.01;
const REGULAR_POINTS = 60;
const REGULAR_NOISE = 0.35;
const DROPOUT_RATE = 0.3;
const WEIGHT_DECAY = 1e-3;
const ACCURACY_MARGIN = 0.01; // "no worse" = at most 1 point less test accuracy; fixed in advance

/** A run's two moons, drawn from its seed: 200 training points and 500 fresh test points. */
const moonsFor = (s: number) =>
  trainTestSplit(twoMoons({ n: 700, noise: 0.1, seed: s }), { testFraction: 500 / 700, seed: s });
const accuracyOn = (model: Sequential, data: Dataset) =>
  accuracy(model.predict(data.x), data.y as Int32Array);
/** The share of all hidden neurons that are inactive: z ≤ 0 on every training point. */
const inactiveShare = (model: Sequential, data: Dataset) => {
  const layers = deadNeurons(model, data);
  return layers.reduce((n, l) => n + l.dead.length, 0) / layers.reduce((n, l) => n + l.size, 0);
};
/** Test accuracy of a minus b, seed by seed (measurePaired throws unless the seeds match). */
type Scored = SeedRun<{ testAccuracy: number }>[];
const accuracyGap = (a: Scored, b: Scored) => measurePaired(a, b, (r) => r.testAccuracy);
/** Whether a is no worse than b, d = a − b: mean − 2 SE ≥ −1 point, no pair diverged. */
const noWorse = (d: Summary) => noWorseWithin(d, ACCURACY_MARGIN, "lower");
/** Asserts a paired difference's mean and 2 SE in points, at the printed 0.01, over 5 pairs. */
const assertPoints = (d: Summary, mean: number, twoSe: number, what: string) =>
  assertPaired(d, mean, twoSe, 0.01, 100, `${what} (points)`);

// The depth experiment: the comparison and the advice on when to use which activation.

/** Notebook 03's network made `depth` hidden layers deep, trained on its seed's moons. */
function depthRun(depth: number, activation: string, s: number) {
  const { train: moons, test } = moonsFor(s);
  const model = mlp([2, ...Array(depth).fill(16), 2], {
    activation,
    ...optionsFor(activation, { alpha: ALPHA }),
    seed: s,
  });
  const before = inactiveShare(model, moons);
  const options = { epochs: DEPTH_EPOCHS, batchSize: 16, learningRate: DEPTH_RATE, seed: s };
  train(model, moons, { ...options, optimizer: "adam" });
  const zeros = activationSparsity(model, moons);
  return {
    before,
    after: inactiveShare(model, moons),
    exactZeros: zeros.reduce((a, b) => a + b, 0) / zeros.length,
    testAccuracy: accuracyOn(model, test),
  };
}
const sweep = once(() =>
  DEPTHS.map((depth) => ({
    depth,
    relu: overSeeds(SEEDS, (s) => depthRun(depth, "relu", s)),
    leaky: overSeeds(SEEDS, (s) => depthRun(depth, "leakyRelu", s)),
  }))
);
type Measure = "before" | "after" | "exactZeros" | "testAccuracy";
const at = (depth: number) => sweep().find((p) => p.depth === depth)!;
const of = (depth: number, side: "relu" | "leaky", metric: Measure) =>
  measure(at(depth)[side], (r) => r[metric]);
/** The notebook's findings, one per depth, each computed once per file. */
const fewerInactive = once(() =>
  DEPTHS.map((d) => beyond(of(d, "leaky", "after"), of(d, "relu", "after"), "lower"))
);
/** Test accuracy, ReLU − Leaky ReLU and Leaky ReLU − ReLU, per seed, one per depth. */
const reluMinusLeaky = once(() => DEPTHS.map((d) => accuracyGap(at(d).relu, at(d).leaky)));
const leakyMinusRelu = once(() => DEPTHS.map((d) => accuracyGap(at(d).leaky, at(d).relu)));
const reluNoWorse = once(() => reluMinusLeaky().map(noWorse));
const leakyNotWorse = once(() => leakyMinusRelu().map(noWorse));
/** The depths at which a finding held. */
const where = (findings: boolean[]) => DEPTHS.filter((_, i) => findings[i]);

Deno.test("Leaky ReLU avoids ReLU's dead neurons (qualified, 1 of 6 depths): on two moons drawn per seed, with 1 to 16 hidden layers of 16, it leaves fewer neurons inactive after training than ReLU beyond noise over 5 seeds at 8 hidden layers only, and fewer on average at every depth", () => {
  for (const d of DEPTHS) {
    for (const side of ["relu", "leaky"] as const) {
      assert.equal(of(d, side, "after").diverged, 0, `${d} layers, ${side}: none diverged`);
    }
    assert.ok(of(d, "leaky", "after").mean < of(d, "relu", "after").mean, `${d} layers`);
  }
  assertVerdict("comparison-dying", fewerInactive());
  assert.deepEqual(where(fewerInactive()), [8]);
  assertPercent(of(8, "leaky", "after"), 10.3, 7.0, "8 layers, Leaky ReLU inactive");
  assertPercent(of(8, "relu", "after"), 19.5, 5.1, "8 layers, ReLU inactive");
});

Deno.test("ReLU is sparser than Leaky ReLU (supported): at every depth from 1 to 16 hidden layers more of its hidden outputs are exactly 0 on the training points, 48.9% to 63.2% against none, beyond noise over 5 seeds", () => {
  assertVerdict(
    "comparison-sparsity",
    DEPTHS.map((d) => beyond(of(d, "relu", "exactZeros"), of(d, "leaky", "exactZeros"), "higher")),
  );
  const relu = DEPTHS.map((d) => of(d, "relu", "exactZeros").mean);
  assertAbout(100 * Math.min(...relu), 48.9, 0.1, "fewest ReLU exact zeros (%)");
  assertAbout(100 * Math.max(...relu), 63.2, 0.1, "most ReLU exact zeros (%)");
  for (const d of DEPTHS) assert.equal(of(d, "leaky", "exactZeros").max, 0, `${d} layers`);
});

Deno.test("ReLU is often sufficient and a good default (qualified, 5 of 6 depths): paired by seed over 5 seeds, its test accuracy is no worse than Leaky ReLU's within 1 point (mean − 2 SE of the difference ≥ −1 point) at 1 to 12 hidden layers, but not at 16, where it is 4.36 ± 3.59 points lower", () => {
  for (const d of DEPTHS) {
    assert.deepEqual(at(d).relu.map((r) => r.seed), SEEDS, `${d} layers: ReLU's seeds`);
    assert.deepEqual(at(d).leaky.map((r) => r.seed), SEEDS, `${d} layers: Leaky ReLU's seeds`);
  }
  assertVerdict("comparison-performance", reluNoWorse());
  assertVerdict("practice-relu-default", reluNoWorse());
  assert.deepEqual(where(reluNoWorse()), [1, 2, 4, 8, 12]);
  const [, , , eight, twelve, sixteen] = reluMinusLeaky();
  assertPoints(sixteen, -4.36, 3.59, "16 layers, ReLU − Leaky ReLU");
  assertAbout(100 * (sixteen.mean - 2 * sixteen.se), -7.95, 0.01, "16 layers, bound (points)");
  assertPoints(twelve, 1.8, 2.54, "12 layers, ReLU − Leaky ReLU");
  assertAbout(100 * (twelve.mean - 2 * twelve.se), -0.74, 0.01, "12 layers, bound (points)");
  assert.equal(sixteen.values.filter((v) => v < 0).length, 4, "Leaky ReLU higher on 4 seeds");
  assert.ok(eight.values.every((v) => v > 0), "8 layers: ReLU higher on every seed");
});

Deno.test("Leaky ReLU in deep networks where neurons die (not supported): inactive neurons pile up with depth, but at no depth from 1 to 16 hidden layers does Leaky ReLU leave fewer inactive than ReLU beyond noise and show a test accuracy no worse within 1 point, paired by seed over 5 seeds; at 8, the one depth where it leaves fewer, it is 0.76 ± 0.43 points lower (mean − 2 SE = −1.19)", () => {
  const preferred = DEPTHS.map((_, i) => fewerInactive()[i] && leakyNotWorse()[i]);
  assertVerdict("practice-leaky-deep", preferred);
  const reluBefore = DEPTHS.map((d) => of(d, "relu", "before").mean);
  assert.ok(reluBefore.every((m, i) => i === 0 || m >= reluBefore[i - 1]), `${reluBefore}`);
  assert.ok(beyond(of(16, "relu", "before"), of(1, "relu", "before"), "higher"), "before");
  assertPercent(of(1, "relu", "after"), 2.5, 3.4, "1 layer, ReLU inactive");
  assertPercent(of(16, "relu", "after"), 26.0, 5.8, "16 layers, ReLU inactive");
  assert.deepEqual(where(fewerInactive()), [8]);
  const eight = leakyMinusRelu()[DEPTHS.indexOf(8)];
  assert.equal(noWorse(eight), false, "8 layers: Leaky ReLU not shown no worse");
  assertPoints(eight, -0.76, 0.43, "8 layers, Leaky ReLU − ReLU");
  assertAbout(100 * (eight.mean - 2 * eight.se), -1.19, 0.01, "8 layers, bound (points)");
  assert.ok(eight.values.every((v) => v < 0), "8 layers: Leaky ReLU lower on every seed");
});

Deno.test("Leaky ReLU is a robust alternative (qualified, 4 of 6 depths): paired by seed over 5 seeds, its test accuracy is no worse than ReLU's within 1 point at 1, 2, 4 and 16 hidden layers, where ReLU loses up to 26% of its neurons, but not shown at 8 (0.76 ± 0.43 points lower) nor at 12 (1.80 ± 2.54 lower: too few seeds to tell)", () => {
  assertVerdict("summary-leaky-alternative", leakyNotWorse());
  assert.deepEqual(where(leakyNotWorse()), [1, 2, 4, 16]);
  const gaps = leakyMinusRelu();
  assertPoints(gaps[DEPTHS.indexOf(8)], -0.76, 0.43, "8 layers, Leaky ReLU − ReLU");
  assertPoints(gaps[DEPTHS.indexOf(12)], -1.8, 2.54, "12 layers, Leaky ReLU − ReLU");
  const reluAfter = DEPTHS.map((d) => of(d, "relu", "after").mean);
  assertAbout(100 * Math.max(...reluAfter), 26.0, 0.1, "most ReLU inactive (%)");
});

// The convolutional example.

Deno.test("Leaky ReLU keeps the neurons of dark pixels active in a convolution (supported, 2 of 2 filters): after a 3×3 mean filter with bias -0.25 and after a zero-sum edge filter without bias, ReLU passes no gradient to the filter at 96.7% and 89.4% of a 9's dark pixels, Leaky ReLU at none; after the edge filter 79.2% of them output exactly 0 under Leaky ReLU too, where its gradient is α", async () => {
  const image = digitImage(await loadDigits({ n: 1, digits: [DIGIT], seed: 0 }), 0);
  const box = fromRows(Array.from({ length: 3 }, () => [1 / 9, 1 / 9, 1 / 9]));
  const [relu, leaky] = [createActivation("relu"), createActivation("leakyRelu", { alpha: ALPHA })];
  const respond = (kernel: Matrix, bias: number) => {
    const z = conv2d(image, kernel, { padding: "same" });
    z.data.forEach((v, i) => (z.data[i] = v + bias));
    return { z: z.data, relu: relu.forward(z.data), leaky: leaky.forward(z.data) };
  };
  const bright = respond(box, FILTER_BIAS), edges = respond(edgeKernel("sobelX"), 0);
  const dark = [...image.data.keys()].filter((i) => image.data[i] < DARK_BELOW);
  const share = (test: (i: number) => boolean) => dark.filter(test).length / dark.length;
  const zeroShare = (out: ArrayLike<number>) => share((i) => out[i] === 0);
  // Where f'(z) = 0 with each activation's own convention at z = 0 (ReLU's 0, Leaky ReLU's α).
  const blocked = (z: ArrayLike<number>, f: typeof relu) => share((i) => f.grad(z[i]) === 0);
  const keepsDarkActive = [bright, edges].map((r) =>
    blocked(r.z, relu) > 0.5 && blocked(r.z, leaky) === 0
  );
  assertVerdict("comparison-cnn", keepsDarkActive);
  assertVerdict("leaky-example-scenario", keepsDarkActive);
  assertAbout(100 * dark.length / image.data.length, 84.1, 0.1, "dark pixels (%)");
  assertAbout(100 * blocked(bright.z, relu), 96.7, 0.1, "mean filter, ReLU blocks (%)");
  assertAbout(100 * blocked(edges.z, relu), 89.4, 0.1, "edge filter, ReLU blocks (%)");
  assert.deepEqual([blocked(bright.z, leaky), blocked(edges.z, leaky)], [0, 0]);
  // ReLU blocks exactly where it outputs 0 (z ≤ 0); Leaky ReLU outputs 0 where z = 0 exactly.
  assertAbout(100 * zeroShare(bright.relu), 96.7, 0.1, "mean filter, ReLU zeros (%)");
  assert.equal(zeroShare(bright.leaky), 0, "mean filter, Leaky ReLU zeros");
  assertAbout(100 * zeroShare(edges.leaky), 79.2, 0.1, "edge filter, Leaky ReLU zeros (%)");
  assert.equal(share((i) => edges.z[i] === 0), zeroShare(edges.leaky));
  assert.equal(leaky.grad(0), ALPHA, "Leaky ReLU's gradient where z = 0");
  const kept = dark.filter((i) => bright.relu[i] === 0).map((i) => Math.abs(bright.leaky[i]));
  assertAbout(Math.max(...kept), 0.0025, 1e-6, "largest |Leaky output| there");
});

// Initialisation: He, Xavier, naive.

Deno.test("He initialisation reduces dying (qualified, 2 of 4 findings): in a ReLU network with 8 hidden layers of 32 it starts with the same inactive share as Xavier and a naive N(0, 0.01²), but after training on two moons leaves fewer neurons inactive than both, beyond noise over 5 seeds; the naive one stalls at ln 2", () => {
  const runs = (init: MlpOptions["init"]) =>
    overSeeds(SEEDS, (s) => {
      const { train: moons } = moonsFor(s);
      const model = mlp([2, ...Array(INIT_DEPTH).fill(32), 2], { init, seed: s });
      const before = inactiveShare(model, moons);
      const history = train(model, moons, {
        epochs: INIT_EPOCHS,
        batchSize: 16,
        learningRate: INIT_RATE,
        seed: s,
      });
      return { before, after: inactiveShare(model, moons), loss: history.at(-1)!.trainLoss };
    });
  const [he, xavier, naive] = [runs("he"), runs("xavier"), runs(normalInit({ sigma: 0.01 }))];
  const of = (r: typeof he, m: "before" | "after" | "loss") => measure(r, (x) => x[m]);
  const heFewer = (["before", "after"] as const).flatMap((m) =>
    [xavier, naive].map((other) => beyond(of(he, m), of(other, m), "lower"))
  );
  assertVerdict("practice-he-init", heFewer);
  assert.deepEqual(heFewer, [false, false, true, true]);
  assert.deepEqual(of(he, "before").values, of(xavier, "before").values);
  assert.deepEqual(of(he, "before").values, of(naive, "before").values);
  assertPercent(of(he, "before"), 14.5, 1.1, "inactive before training");
  assertPercent(of(he, "after"), 7.5, 1.9, "He, inactive after training");
  assertPercent(of(xavier, "after"), 13.1, 0.8, "Xavier, inactive after training");
  assertPercent(of(naive, "after"), 42.0, 2.7, "naive, inactive after training");
  assertAbout(of(naive, "loss").mean, 0.692, 0.001, "naive final loss");
  assert.ok(Math.abs(of(naive, "loss").mean - Math.log(2)) < 0.01, "stalls at ln 2");
});

// Tuning α, or learning it: the depth experiment's network at 12 hidden layers.

/** The depth experiment's network at TUNING_DEPTH layers with one activation, on its seed's moons. */
function tuningRun(options: MlpOptions, s: number) {
  const { train: moons, test } = moonsFor(s);
  const model = mlp([2, ...Array(TUNING_DEPTH).fill(16), 2], { ...options, seed: s });
  const fit = { epochs: DEPTH_EPOCHS, batchSize: 16, learningRate: DEPTH_RATE, seed: s };
  const history = train(model, moons, { ...fit, optimizer: "adam" });
  const slopes = history.at(-1)!.preluSlopes ?? [];
  return { testAccuracy: accuracyOn(model, test), slopes };
}
const tuning = once(() => {
  const preluRuns = overSeeds(SEEDS, (s) => tuningRun({ activation: "prelu" }, s));
  // The runs at α from the depth sweep are reused, as in the notebook.
  const fixed: SeedRun<{ testAccuracy: number }>[][] = TUNED_ALPHAS.map((a) =>
    a === ALPHA && DEPTHS.includes(TUNING_DEPTH)
      ? at(TUNING_DEPTH).leaky
      : overSeeds(SEEDS, (s) => tuningRun({ activation: "leakyRelu", alpha: a }, s))
  );
  const accuracyOf = (runs: SeedRun<{ testAccuracy: number }>[]) =>
    measure(runs, (x) => x.testAccuracy);
  // The uncommon slopes that set the bar with the common choices.
  const yardsticks = YARDSTICK_ALPHAS.map((a) =>
    overSeeds(SEEDS, (s) => tuningRun({ activation: "leakyRelu", alpha: a }, s))
  );
  const runs = [...fixed, preluRuns, ...yardsticks]; // α = 0.01, α = 0.1, PReLU, 0.05, 0.3
  const settings = runs.map(accuracyOf);
  const slopes = preluRuns.flatMap((run) => run.result ? [run.result.slopes] : []);
  return { runs, settings, slopes };
});

Deno.test("common slopes 0.01 or 0.1, or a learned one (qualified, 1 of 3): at 12 hidden layers α = 0.1 scores best of five settings, the yardsticks α = 0.05 and 0.3 included, and paired by seed over 5 seeds neither α = 0.01 (2.84 ± 1.84 points lower) nor PReLU (7.00 ± 8.97 lower) is shown no worse than it within 1 point of test accuracy", () => {
  const { runs, settings } = tuning();
  const best = settings.reduce((b, s) => (s.mean > b.mean ? s : b));
  assert.equal(best, settings[1], "α = 0.1 is best");
  const belowBest = runs.map((r) => accuracyGap(r, runs[1]));
  const findings = belowBest.slice(0, 3).map(noWorse);
  assertVerdict("practice-tuning-alpha", findings);
  assert.deepEqual(findings, [false, true, false]);
  // The yardsticks came close: within noise of the best, and no worse than it within 1 point.
  assertAbout(100 * (settings[1].mean - settings[4].mean), 0.04, 0.01, "α = 0.1 − α = 0.3");
  assertAbout(100 * (settings[1].mean - settings[3].mean), 0.32, 0.01, "α = 0.1 − α = 0.05");
  assert.deepEqual(belowBest.slice(3).map(noWorse), [true, true]);
  assertPercent(settings[1], 99.5, 0.4, "α = 0.1");
  assertPoints(belowBest[0], -2.84, 1.84, "α = 0.01 − α = 0.1");
  assertPoints(belowBest[2], -7, 8.97, "PReLU − α = 0.1");
  const lost = belowBest[2].values.filter((v) => v < -0.1).sort((a, b) => b - a);
  assert.equal(lost.length, 2, "PReLU seeds more than 10 points below α = 0.1");
  assertAbout(-100 * lost[0], 16.2, 0.1, "PReLU, one seed's loss (points)");
  assertAbout(-100 * lost[1], 19.6, 0.1, "PReLU, another seed's loss (points)");
});

Deno.test("a fixed α may not be optimal for every neuron (qualified, 1 of 2 findings): at 12 hidden layers PReLU's learned slopes spread, spanning more than 0.1 within every run, yet its test accuracy is not above α = 0.01's or α = 0.1's beyond noise over 5 seeds", () => {
  const { settings, slopes } = tuning();
  const spans = slopes.map((layers) => Math.max(...layers.flat()) - Math.min(...layers.flat()));
  const prelu = settings[2];
  assertVerdict("leaky-alpha-per-neuron", [
    spans.length > 0 && spans.every((s) => s > 0.1),
    settings.slice(0, 2).every((s) => beyond(prelu, s, "higher")),
  ]);
  const all = slopes.flat(2);
  assert.equal(all.length, 960);
  assertAbout(Math.min(...all), -0.461, 0.001, "smallest learned slope");
  assertAbout(Math.max(...all), 1.216, 0.001, "largest learned slope");
  assertAbout(Math.min(...spans), 1.2, 0.01, "narrowest span within a run");
  assertAbout(Math.max(...spans), 1.61, 0.01, "widest span within a run");
});

// Dropout and weight decay.

/** A run's noisy two moons, drawn from its seed: 60 points to train on, 500 to test on. */
const noisyFor = (s: number) =>
  trainTestSplit(twoMoons({ n: REGULAR_POINTS + 500, noise: REGULAR_NOISE, seed: s }), {
    testFraction: 500 / (REGULAR_POINTS + 500),
    seed: s,
  });

Deno.test("dropout or weight decay manage overfitting (not supported): on 60 noisy points drawn per seed neither dropout 0.3 nor weight decay 1e-3 lowers a Leaky ReLU network's train-test gap beyond noise over 5 seeds, and neither changes its test accuracy beyond noise", () => {
  const runs = (options: { dropout?: number; weightDecay?: number }) =>
    overSeeds(SEEDS, (s) => {
      const { train: noisy, test: fresh } = noisyFor(s);
      const model = mlp([2, 32, 32, 2], { activation: "leakyRelu", alpha: ALPHA, seed: s });
      const fit = { epochs: REGULAR_EPOCHS, batchSize: 16, learningRate: REGULAR_RATE, seed: s };
      train(model, noisy, { ...fit, ...options, optimizer: "adam" });
      return { train: accuracyOn(model, noisy), test: accuracyOn(model, fresh) };
    });
  const [none, dropout, decay] = [
    runs({}),
    runs({ dropout: DROPOUT_RATE }),
    runs({ weightDecay: WEIGHT_DECAY }),
  ];
  const gap = (r: typeof none) => measure(r, (x) => x.train - x.test);
  const test = (r: typeof none) => measure(r, (x) => x.test);
  assertVerdict(
    "practice-regularisation",
    [dropout, decay].map((r) => beyond(gap(r), gap(none), "lower")),
  );
  for (const r of [dropout, decay]) assert.ok(!beyond(test(r), test(none), "higher"));
  assertPercent(gap(none), 14.9, 4.9, "gap without regularisation");
  assertPercent(gap(dropout), 9.8, 3.0, "gap with dropout");
  assertPercent(gap(decay), 13.7, 3.2, "gap with weight decay");
  assertPercent(test(none), 83.1, 4.3, "test accuracy without regularisation");
  assertPercent(test(dropout), 84.2, 3.5, "test accuracy with dropout");
  assertPercent(test(decay), 82.9, 4.7, "test accuracy with weight decay");
});
