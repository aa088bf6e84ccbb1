/**
 * The claims of the text's section "ReLU (Rectified Linear Unit) Overview", re-measured as
 * notebooks/01-relu-overview.ipynb measures them with its default parameters (the same data,
 * seeds, sizes, epochs and learning rates), with the library's public API and the study kit.
 * Each measured claim's findings are decided by the notebook's rule (`compareSummaries`: beyond
 * noise when the difference of means exceeds 2 standard errors; `noWorseWithin` on the per-seed
 * difference for "no better than" within a stated margin; `verdictOf`: supported when the
 * claim held in every condition measured, not supported in none, qualified in some), and the
 * test asserts that the verdict is the claims registry's, and the main numbers of the registry's
 * finding. Definitions and identities are checked exactly. No permissions needed.
 */
import assert from "node:assert/strict";
import {
  accuracy,
  activationSparsity,
  conv2d,
  createActivation,
  Dense,
  digitImage,
  edgeKernel,
  leakyRelu,
  loadDigits,
  type Matrix,
  meanSquaredErrorValue,
  measure,
  mlp,
  noWorseWithin,
  overSeeds,
  regression1d,
  relu,
  reluGrad,
  type SeedRun,
  standardNormal,
  train,
  twoMoons,
  xor,
} from "../../src/mod.ts";
import { assertAbout, assertVerdict, beyond, once } from "./_rules.ts";

// Notebook 01's parameters cell.
const ALPHA = 0.01;
const SEEDS = [0, 1, 2, 3, 4]; // runs = 5 from seed = 0
const HIDDEN = 8;
const EPOCHS = 150;
const LEARNING_RATE = 0.01;
const MSE_MARGIN = 0.001; // the control's margin: the identity network may be this much better
const SPARSITY_WIDTHS = [64, 64];
const DIGIT_COUNT = 5;
const KERNEL_NAME = "sobelX";

/** Notebook 01's training of its small networks: Adam, batches of 32, `EPOCHS` epochs. */
const adamFit = (s: number) => ({
  epochs: EPOCHS,
  batchSize: 32,
  learningRate: LEARNING_RATE,
  optimizer: "adam" as const,
  seed: s,
});

/** Notebook 01's |x| runs: a line, a ReLU network and an identity network per seed. */
type AbsRun = { linear: number; relu: number; identity: number };
const absRuns = once((): SeedRun<AbsRun>[] =>
  overSeeds(SEEDS, (s) => {
    const data = regression1d("abs", { n: 200, range: [-1, 1], seed: s });
    const fit = (sizes: number[], activation: string) => {
      const model = mlp(sizes, { activation, seed: s });
      train(model, data, adamFit(s));
      return meanSquaredErrorValue(model.predict(data.x), data.y as Matrix);
    };
    return {
      linear: fit([1, 1], "identity"),
      relu: fit([1, HIDDEN, 1], "relu"),
      identity: fit([1, HIDDEN, 1], "identity"),
    };
  })
);
const absMse = (key: keyof AbsRun) => measure(absRuns(), (r) => r[key]);

/** The edge maps of digit `i` of notebook 01's seeded sample (Sobel x, same padding). */
function edgeMaps(digits: Awaited<ReturnType<typeof loadDigits>>, i: number) {
  const response = conv2d(digitImage(digits, i), edgeKernel(KERNEL_NAME), { padding: "same" });
  const after = createActivation("relu").forward(response.data);
  const share = (keep: (v: number) => boolean) =>
    response.data.filter(keep).length / response.data.length;
  return {
    response: response.data,
    after,
    positive: share((v) => v > 0),
    negative: share((v) => v < 0),
    flat: share((v) => v === 0),
  };
}
const scenario = async () => {
  const digits = await loadDigits({ n: DIGIT_COUNT, seed: 0 });
  return Array.from({ length: DIGIT_COUNT }, (_, i) => edgeMaps(digits, i));
};
const percentRange = (
  shares: number[],
) => [Math.round(100 * Math.min(...shares)), Math.round(100 * Math.max(...shares))];

Deno.test("ReLU outputs its input when it is positive and 0 otherwise", () => {
  for (const z of [-1e6, -2, -0.5, -1e-300, 0, 1e-300, 0.5, 3, 1e6]) {
    assert.equal(relu(z), z > 0 ? z : 0);
    assert.equal(relu(z), Math.max(0, z));
  }
});

Deno.test("the examples: f(3) = 3 and f(-2) = 0; Leaky ReLU gives 3 and -2α (-0.02 at α = 0.01)", () => {
  assert.equal(relu(3), 3);
  assert.equal(relu(-2), 0);
  assert.equal(leakyRelu(3, { alpha: 0.01 }), 3);
  assert.equal(leakyRelu(-2, { alpha: 0.01 }), -0.02);
  assert.equal(leakyRelu(-2, { alpha: 0.2 }), -0.4);
});

Deno.test("ReLU is non-linear (supported): one hidden layer of 8 ReLU neurons fits |x| with a lower MSE than a line, beyond noise over 5 seeds", () => {
  const [reluMse, linearMse] = [absMse("relu"), absMse("linear")];
  assertVerdict("relu-non-linear-abs", [beyond(reluMse, linearMse, "lower")]);
  assertAbout(reluMse.mean * 1e5, 1.6, 0.1, "ReLU MSE (1e-5)");
  assertAbout(linearMse.mean, 0.080, 0.001, "linear MSE");
});

Deno.test("ReLU is non-linear (supported): one hidden layer of 8 ReLU neurons classifies XOR more accurately than a linear model, beyond noise over 5 seeds", () => {
  const runs = overSeeds(SEEDS, (s) => {
    const data = xor({ n: 400, seed: s });
    const fit = (sizes: number[]) => {
      const model = mlp(sizes, { activation: "relu", seed: s });
      train(model, data, adamFit(s));
      return accuracy(model.predict(data.x), data.y as Int32Array);
    };
    return { linear: fit([2, 2]), relu: fit([2, HIDDEN, 2]) };
  });
  const [reluAccuracy, linearAccuracy] = [
    measure(runs, (r) => r.relu),
    measure(runs, (r) => r.linear),
  ];
  assertVerdict("relu-non-linear-xor", [beyond(reluAccuracy, linearAccuracy, "higher")]);
  assertAbout(100 * reluAccuracy.mean, 99.2, 0.1, "ReLU accuracy (%)");
  assertAbout(100 * linearAccuracy.mean, 59.6, 0.1, "linear accuracy (%)");
});

Deno.test("without a non-linear activation a hidden layer adds nothing (supported): an identity network fits |x| no better than a line, within an MSE of 0.001 on the per-seed difference over 5 seeds", () => {
  const [identity, linear] = [absMse("identity"), absMse("linear")];
  const lineMinusIdentity = measure(absRuns(), (r) => r.linear - r.identity);
  assertVerdict("relu-non-linear-control", [
    noWorseWithin(lineMinusIdentity, MSE_MARGIN, "higher"),
  ]);
  assertAbout(identity.mean, 0.0800, 0.0001, "identity network MSE");
  assertAbout(linear.mean, 0.0797, 0.0001, "linear MSE");
  assertAbout(lineMinusIdentity.mean * 1e4, -3.3, 0.1, "line − identity (1e-4)");
  assertAbout(
    (lineMinusIdentity.mean + 2 * lineMinusIdentity.se) * 1e4,
    2.4,
    0.1,
    "its upper bound",
  );
});

Deno.test("ReLU activations are sparse (supported): at initialisation each hidden layer has more exact zeros with ReLU than with Leaky ReLU on the same weights, beyond noise over 5 seeds", () => {
  const sizes = [2, ...SPARSITY_WIDTHS, 2];
  const runs = overSeeds(SEEDS, (s) => {
    const data = twoMoons({ n: 500, noise: 0.1, seed: s });
    const reluNet = mlp(sizes, { activation: "relu", seed: s });
    const leakyNet = mlp(sizes, { activation: "leakyRelu", alpha: ALPHA, seed: s });
    leakyNet.params().forEach((p, k) => p.value.set(reluNet.params()[k].value));
    return { relu: activationSparsity(reluNet, data), leaky: activationSparsity(leakyNet, data) };
  });
  const zeros = SPARSITY_WIDTHS.map((_, l) => ({
    relu: measure(runs, (r) => r.relu[l]),
    leaky: measure(runs, (r) => r.leaky[l]),
  }));
  assertVerdict("relu-sparse", zeros.map((z) => beyond(z.relu, z.leaky, "higher")));
  assertAbout(100 * zeros[0].relu.mean, 48.2, 0.1, "layer 1, ReLU zeros (%)");
  assertAbout(100 * zeros[1].relu.mean, 52.1, 0.1, "layer 2, ReLU zeros (%)");
  for (const z of zeros) assert.equal(z.leaky.max, 0, "no exact zero with Leaky ReLU");
});

Deno.test("ReLU is not differentiable at 0: its one-sided slopes are 0 and 1, and the library uses the subgradient 0 unless told otherwise", () => {
  for (const h of [1, 1e-2, 1e-4, 1e-8, 1e-12]) {
    assert.equal((relu(0) - relu(-h)) / h, 0);
    assert.equal((relu(h) - relu(0)) / h, 1);
  }
  assert.equal(reluGrad(0), 0);
  assert.equal(reluGrad(0, { atZero: "right" }), 1);
  assert.equal(reluGrad(0, { atZero: "mean" }), 0.5);
});

Deno.test("in a layer, ReLU follows z = Wx + b and zeroes exactly the neurons with z <= 0: 2 of the 4 in the notebook's layer, and on 5 of 5 other seeds", () => {
  const check = (layer: Dense, x: Matrix) => {
    const [inputs, outputs] = [x.cols, layer.biases.length];
    const z = layer.forward(x).data;
    for (let j = 0; j < outputs; j++) {
      let sum = layer.biases[j];
      for (let k = 0; k < inputs; k++) sum += layer.weights[k * outputs + j] * x.data[k];
      assert.ok(Math.abs(sum - z[j]) < 1e-12, `neuron ${j}`);
    }
    const a = createActivation("relu").forward(z);
    z.forEach((v, j) => assert.equal(a[j], v > 0 ? v : 0));
    return a.filter((v) => v === 0).length;
  };
  // The notebook's layer: 3 inputs, 4 neurons, values rounded to 3 decimals.
  const round3 = (v: number) => Math.round(v * 1000) / 1000;
  const shown = new Dense(3, 4, { seed: 0 });
  shown.weights.set(shown.weights.map(round3));
  shown.biases.set(standardNormal(1, 4, { seed: 1 }).data.map((v) => round3(v / 2)));
  const x = standardNormal(1, 3, { seed: 2 });
  x.data.set(x.data.map(round3));
  assert.equal(check(shown, x), 2, "ReLU zeroes 2 of the notebook's 4 neurons");
  for (const seed of SEEDS) {
    const layer = new Dense(5, 8, { seed });
    layer.biases.set(standardNormal(1, 8, { seed: seed + 1 }).data);
    check(layer, standardNormal(1, 5, { seed: seed + 2 }));
  }
});

Deno.test("after an edge filter on real digits, ReLU keeps the positive responses unchanged and zeroes the negative ones (supported: 5 of 5 digits, 12% to 20% of the pixels zeroed)", async () => {
  const maps = await scenario();
  const keepsEdges = maps.map((m) =>
    m.positive > 0 && m.negative > 0 && m.response.every((z, p) => m.after[p] === (z > 0 ? z : 0))
  );
  assertVerdict("relu-scenario-edges", keepsEdges);
  assert.deepEqual(percentRange(maps.map((m) => m.negative)), [12, 20]);
});

Deno.test("our finding beyond the text: on real digits most zeros after ReLU were already 0 before it (supported: the flat background, 63% to 76% of the pixels, outnumbers the negative responses on 5 of 5 digits)", async () => {
  const maps = await scenario();
  assertVerdict("relu-scenario-background", maps.map((m) => m.flat > m.negative));
  assert.deepEqual(percentRange(maps.map((m) => m.flat)), [63, 76]);
});
