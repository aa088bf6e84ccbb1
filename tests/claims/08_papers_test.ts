/**
 * The results of notebook 08 (four classic papers on rectifiers, reproduced small), re-measured
 * as notebooks/08-papers.ipynb measures them with its default parameters (the same inputs,
 * seeds, sizes, epochs and learning rates), with the library's public API and the study kit:
 * Lu et al. (2019) on born-dead networks, He et al. (2015) on the activation scale through
 * depth, Maas et al. (2013) on activation probabilities, Xu et al. (2015) on generalisation.
 * Each result's findings are decided by the notebook's rules (`compareSummaries`: beyond noise
 * when the difference of means exceeds 2 standard errors; for a claim of equality, the per-seed
 * difference (`measurePaired`) within a margin, 2 standard errors either side (`sameWithin`);
 * the He factors against the theory's within ±5%, 2 standard errors included, over 20 seeds;
 * `verdictOf`: supported when the result held in every condition measured, not supported in
 * none, qualified in some), and the test asserts that the verdict is the claims registry's, and
 * the main numbers of the registry's finding. Runs with no permissions.
 */
import assert from "node:assert/strict";
import {
  activationStatistics,
  heNormal,
  isActivationLayer,
  type Matrix,
  measure,
  measurePaired,
  mlp,
  optionsFor,
  overSeeds,
  sameWithin,
  type SeedRun,
  type Sequential,
  spirals,
  standardNormal,
  summarize,
  type Summary,
  train,
  trainTestSplit,
} from "../../src/mod.ts";
import { assertAbout, assertVerdict, beyond, once } from "./_rules.ts";

// Notebook 08's parameters cell.
const ALPHA = 0.01;
const SEED = 0;
const SEEDS = [0, 1, 2, 3, 4].map((i) => SEED + i); // runs = 5
const NETS = 100;
const WIDTHS = [2, 3, 4, 5];
const DEPTHS = [2, 5, 10, 20, 30];
const SCALE_DEPTH = 20;
const SCALE_WIDTH = 100;
const SCALE_SEEDS = Array.from({ length: 20 }, (_, i) => SEED + i); // scaleRunCount = 20
const STEEP_ALPHA = 0.5;
const HIDDEN = [32, 32];
const EPOCHS = 100;

const higher = (a: Summary, b: Summary) => beyond(a, b, "higher");
const lower = (a: Summary, b: Summary) => beyond(a, b, "lower");

// ---------------------------------------------------------------------------------------------
// Lu et al. 2019: untrained deep, narrow ReLU networks on 64 N(0, 1) inputs.

/** The first hidden layer (from 1) whose outputs are all exactly 0; Infinity if none. */
function firstDeadLayer(model: Sequential, x: Matrix): number {
  const dead = activationStatistics(model, x).findIndex((layer) => layer.sparsity === 1);
  return dead < 0 ? Infinity : dead + 1;
}

const MAX_DEPTH = Math.max(...DEPTHS);
/** Per width: the first dead layer of 100 untrained networks, each with a seed of its own. */
const firstDeadLayers = (init: "he" | "rai") => {
  const x = standardNormal(64, 1, { seed: SEED });
  return WIDTHS.map((width) =>
    Array.from({ length: NETS }, (_, i) => {
      const sizes = [1, ...Array(MAX_DEPTH).fill(width), 1];
      return firstDeadLayer(mlp(sizes, { init, seed: 1000 * (1000 * SEED + width) + i }), x);
    })
  );
};
const born = once(() => ({ he: firstDeadLayers("he"), rai: firstDeadLayers("rai") }));
const bornDead = (first: number[], depth: number) =>
  summarize(first.map((f) => (f <= depth ? 1 : 0)));
/** Per network, the share of the measured depths at which it is born dead. */
const earliness = (first: number[]) =>
  summarize(first.map((f) => DEPTHS.filter((d) => f <= d).length / DEPTHS.length));

Deno.test("Lu et al.: the share of born-dead ReLU networks (He init) rises from depth 2 to depth 30 beyond noise at every width from 2 to 5", () => {
  const { he } = born();
  assertVerdict(
    "paper-lu-depth",
    he.map((first) => higher(bornDead(first, MAX_DEPTH), bornDead(first, DEPTHS[0]))),
  );
  assertAbout(bornDead(he[0], 2).mean, 0.22, 0.01, "width 2, depth 2");
  assertAbout(bornDead(he[0], 30).mean, 1, 0.01, "width 2, depth 30");
  assertAbout(bornDead(he[3], 2).mean, 0, 0.01, "width 5, depth 2");
  assertAbout(bornDead(he[3], 30).mean, 0.52, 0.01, "width 5, depth 30");
});

Deno.test("Lu et al.: narrower networks are born dead more often: over depths 2 to 30, each width from 2 to 4 is born dead more often than the next wider one, beyond noise", () => {
  const means = born().he.map(earliness);
  assertVerdict("paper-lu-width", WIDTHS.slice(1).map((_, w) => higher(means[w], means[w + 1])));
  [0.78, 0.61, 0.38, 0.21].forEach((stated, w) =>
    assertAbout(means[w].mean, stated, 0.01, `He, width ${WIDTHS[w]}`)
  );
});

Deno.test("Lu et al.: RAI networks are born dead less often than He networks at every width from 2 to 5, beyond noise", () => {
  const { he, rai } = born();
  assertVerdict("paper-lu-rai", WIDTHS.map((_, w) => lower(earliness(rai[w]), earliness(he[w]))));
  [0.30, 0.13, 0.03, 0.02].forEach((stated, w) =>
    assertAbout(earliness(rai[w]).mean, stated, 0.01, `RAI, width ${WIDTHS[w]}`)
  );
  assertAbout(bornDead(rai[1], 30).mean, 0.35, 0.01, "RAI, width 3, depth 30");
  assertAbout(bornDead(he[1], 30).mean, 0.97, 0.01, "He, width 3, depth 30");
});

// ---------------------------------------------------------------------------------------------
// He et al. 2015: 100 N(0, 1) inputs through 20 untrained layers of width 100.

/** The mean of the layer-to-layer ratios of the hidden layers' mean square outputs. */
function perLayerFactor(model: Sequential, x: Matrix): number {
  const squares = activationStatistics(model, x).map((l) => l.std ** 2 + l.mean ** 2);
  let sum = 0;
  for (let l = 1; l < squares.length; l++) sum += squares[l] / squares[l - 1];
  return sum / (squares.length - 1);
}

/** The per-layer factor over part 2's 20 seeds for one slope and initialiser. */
function factor(
  alpha: number,
  init: "he" | "xavier" | ReturnType<typeof heNormal>,
): SeedRun<number>[] {
  return overSeeds(SCALE_SEEDS, (seed) => {
    const activation = alpha === 0 ? "relu" : "leakyRelu";
    const model = mlp([SCALE_WIDTH, ...Array(SCALE_DEPTH).fill(SCALE_WIDTH), 1], {
      activation,
      ...optionsFor(activation, { alpha }),
      init,
      seed,
    });
    return perLayerFactor(model, standardNormal(100, SCALE_WIDTH, { seed }));
  });
}

/**
 * The notebook's rule for part 2: the factor matches the theory's within 5% when each seed's
 * factor / predicted − 1, with 2 standard errors on either side, stays inside ±0.05.
 */
function within5Percent(runs: SeedRun<number>[], predicted: number): boolean {
  const deviation = measure(runs, (f) => f / predicted - 1);
  return sameWithin(deviation, 0.05);
}
const meanOf = (runs: SeedRun<number>[]) => measure(runs, (f) => f).mean;

Deno.test("He et al.: through 20 ReLU layers the per-layer factor of the mean square is 1 with He and 1/2 with Xavier, within ±5% with 2 SE either side, over 20 seeds", () => {
  const [xavier, he] = [factor(0, "xavier"), factor(0, "he")];
  assertVerdict("paper-he-gain", [within5Percent(xavier, 1 / 2), within5Percent(he, 1)]);
  assertAbout(meanOf(he), 0.99, 0.01, "He");
  assertAbout(meanOf(xavier), 0.495, 0.001, "Xavier");
  // One measurement: Xavier's weights are He's scaled by 1/√2, so each seed's factor halves.
  xavier.forEach((x, i) => {
    const ratio = x.result! / he[i].result!;
    assert.ok(Math.abs(ratio - 0.5) < 1e-12, `seed ${x.seed}: Xavier / He = ${ratio}`);
  });
  // Seeds 0 to 4 alone, as before: the mean within 5%, the interval not.
  const firstFive = he.slice(0, 5);
  assertAbout(meanOf(firstFive), 0.96, 0.01, "He, seeds 0-4");
  assert.equal(within5Percent(firstFive, 1), false, "seeds 0-4 cannot show it within 5%");
});

Deno.test("He et al.: the plain He gain multiplies the scale by 1 + alpha² per layer and the alpha-aware gain by 1, within ±5% with 2 SE either side, at alpha = 0.01 and 0.5, over 20 seeds", () => {
  const factors = [ALPHA, STEEP_ALPHA].map((a) => ({
    plain: factor(a, heNormal()),
    aware: factor(a, heNormal({ alpha: a })),
  }));
  const matches = [ALPHA, STEEP_ALPHA].flatMap((a, i) => [
    within5Percent(factors[i].plain, 1 + a ** 2),
    within5Percent(factors[i].aware, 1),
  ]);
  assertVerdict("paper-he-alpha", matches);
  assertAbout(meanOf(factors[1].plain), 1.24, 0.01, "α = 0.5, plain gain");
  assertAbout(meanOf(factors[1].aware), 0.995, 0.001, "α = 0.5, gain with α");
  assertAbout(meanOf(factors[0].plain), 0.99, 0.01, "α = 0.01, plain gain");
  assertAbout(meanOf(factors[0].aware), 0.99, 0.01, "α = 0.01, gain with α");
});

// ---------------------------------------------------------------------------------------------
// Maas et al. 2013 and Xu et al. 2015: 2-32-32-3 MLPs on 120 noisy spiral points.

const data = once(() =>
  trainTestSplit(spirals({ n: 600, classes: 3, noise: 0.3, seed: SEED }), {
    testFraction: 0.8,
    seed: SEED,
  })
);

function fit(activation: string, seed: number, alpha?: number) {
  const model = mlp([2, ...HIDDEN, 3], { activation, ...optionsFor(activation, { alpha }), seed });
  const history = train(model, data().train, {
    epochs: EPOCHS,
    batchSize: 16,
    learningRate: 0.01,
    optimizer: "adam",
    seed,
    test: data().test,
  });
  return { model, history };
}
type Fit = ReturnType<typeof fit>;

/** P(z > 0) of every hidden unit on the test points. */
function activationProbabilities(model: Sequential): number[] {
  model.forward(data().test.x, { training: false });
  return model.layers.filter(isActivationLayer).flatMap((layer) => {
    const z = layer.lastInput!;
    return Array.from({ length: z.cols }, (_, j) => {
      let active = 0;
      for (let r = 0; r < z.rows; r++) if (z.data[r * z.cols + j] > 0) active++;
      return active / z.rows;
    });
  });
}

const variants: Record<string, () => SeedRun<Fit>[]> = {
  relu: once(() => overSeeds(SEEDS, (seed) => fit("relu", seed))),
  leaky: once(() => overSeeds(SEEDS, (seed) => fit("leakyRelu", seed, ALPHA))),
  veryLeaky: once(() => overSeeds(SEEDS, (seed) => fit("leakyRelu", seed, 1 / 5.5))),
  prelu: once(() => overSeeds(SEEDS, (seed) => fit("prelu", seed, 0.25))),
  rrelu: once(() => overSeeds(SEEDS, (seed) => fit("rrelu", seed))),
};
const mean = (p: number[]) => p.reduce((s, v) => s + v, 0) / p.length;

Deno.test("Maas et al.: after training, ReLU and Leaky ReLU (0.01) units are about equally sparse (supported): seed by seed, ReLU's mean activation probability minus Leaky ReLU's, two standard errors on either side, stays within ±0.05, over 5 seeds", () => {
  const probability = (run: Fit) => mean(activationProbabilities(run.model));
  const [relu, leaky] = [variants.relu(), variants.leaky()].map((runs) =>
    measure(runs, probability)
  );
  const apart = measurePaired(variants.relu(), variants.leaky(), probability);
  assert.deepEqual([apart.n, apart.diverged], [5, 0], "no run diverged");
  assertVerdict("paper-maas-sparsity", [
    sameWithin(apart, 0.05),
  ]);
  assertAbout(relu.mean, 0.486, 0.001, "ReLU");
  assertAbout(leaky.mean, 0.504, 0.001, "Leaky ReLU");
  assertAbout(apart.mean, -0.017, 0.001, "ReLU − Leaky ReLU");
  assertAbout(apart.mean - 2 * apart.se, -0.028, 0.001, "its lower bound");
  assertAbout(apart.mean + 2 * apart.se, -0.007, 0.001, "its upper bound");
});

Deno.test("Maas et al. (our addition): ReLU leaves more rarely active units (on < 5% of the test inputs) than Leaky ReLU, beyond noise over 5 seeds", () => {
  const [relu, leaky] = [variants.relu(), variants.leaky()].map((runs) =>
    measure(runs, (run) => mean(activationProbabilities(run.model).map((p) => (p < 0.05 ? 1 : 0))))
  );
  assertVerdict("paper-maas-rare", [higher(relu, leaky)]);
  assertAbout(100 * relu.mean, 9.1, 0.1, "ReLU (%)");
  assertAbout(100 * leaky.mean, 3.1, 0.1, "Leaky ReLU (%)");
});

const last = (run: Fit) => run.history.at(-1)!;

Deno.test("Xu et al. (not reproduced at our scale): no leaky variant (Leaky ReLU 0.01 and 1/5.5, PReLU, RReLU) reaches a test accuracy above ReLU's beyond noise over 5 seeds", () => {
  const accuracy = (runs: SeedRun<Fit>[]) => measure(runs, (r) => last(r).testAccuracy!);
  const [relu, ...others] = Object.values(variants).map((runs) => accuracy(runs()));
  for (const other of others) assert.equal(other.n, 5, "no run diverged");
  assertVerdict("paper-xu-accuracy", others.map((other) => higher(other, relu)));
  assertAbout(100 * relu.mean, 95.1, 0.1, "ReLU (%)");
  [94.9, 94.6, 94.7, 94.3].forEach((stated, i) =>
    assertAbout(100 * others[i].mean, stated, 0.1, `${Object.keys(variants)[i + 1]} (%)`)
  );
});

Deno.test("Xu et al. (not reproduced at our scale): RReLU's train/test loss gap is not below ReLU's beyond noise over 5 seeds", () => {
  const gap = (runs: SeedRun<Fit>[]) => measure(runs, (r) => last(r).testLoss! - last(r).trainLoss);
  const [relu, rrelu] = [gap(variants.relu()), gap(variants.rrelu())];
  assert.equal(relu.n + rrelu.n, 10, "no run diverged");
  assertVerdict("paper-xu-gap", [lower(rrelu, relu)]);
  assertAbout(rrelu.mean, 0.47, 0.01, "RReLU");
  assertAbout(relu.mean, 0.51, 0.01, "ReLU");
});
