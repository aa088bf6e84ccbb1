/**
 * The claims of the text's section "ReLU (Rectified Linear Unit) Overview", each measured at a
 * small scale over several seeds with the library's public API and the study kit, asserting
 * what notebooks/01-relu-overview.ipynb reports. No permissions needed.
 */
import assert from "node:assert/strict";
import {
  accuracy,
  activationSparsity,
  compareSummaries,
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
  overSeeds,
  regression1d,
  relu,
  reluGrad,
  standardNormal,
  train,
  twoMoons,
  xor,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];

/** Trains `sizes` with `activation` on |x| (200 samples on [-1, 1]) as notebook 01 does. */
function absMse(sizes: number[], activation: string, seed: number): number {
  const data = regression1d("abs", { n: 200, range: [-1, 1], seed });
  const model = mlp(sizes, { activation, seed });
  train(model, data, { epochs: 150, batchSize: 32, learningRate: 0.01, optimizer: "adam", seed });
  return meanSquaredErrorValue(model.predict(data.x), data.y as Matrix);
}

/** The edge maps of image `i` of a seeded digit sample, as in notebook 01's scenario. */
function edgeMaps(digits: Awaited<ReturnType<typeof loadDigits>>, i: number) {
  const response = conv2d(digitImage(digits, i), edgeKernel("sobelX"), { padding: "same" });
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

Deno.test("ReLU is non-linear: one hidden ReLU layer fits |x| with an MSE at least 100 times lower than a linear model's, on 5 of 5 seeds", () => {
  const runs = overSeeds(SEEDS, (seed) => ({
    linear: absMse([1, 1], "identity", seed),
    relu: absMse([1, 8, 1], "relu", seed),
  }));
  for (const run of runs) {
    const { linear, relu } = run.result!;
    assert.ok(linear > 0.07, `seed ${run.seed}: linear MSE ${linear}`);
    assert.ok(relu * 100 < linear, `seed ${run.seed}: ReLU MSE ${relu}`);
  }
  const c = compareSummaries(measure(runs, (r) => r.relu), measure(runs, (r) => r.linear));
  assert.ok(c.beyondNoise && c.direction === "lower", `difference ${c.difference}, se ${c.se}`);
});

Deno.test("ReLU is non-linear: one hidden ReLU layer classifies XOR with accuracy >= 95% where a linear model stays below 75%, on 5 of 5 seeds", () => {
  const runs = overSeeds(SEEDS, (seed) => {
    const data = xor({ n: 400, seed });
    const fit = (sizes: number[]) => {
      const model = mlp(sizes, { seed });
      train(model, data, {
        epochs: 150,
        batchSize: 32,
        learningRate: 0.01,
        optimizer: "adam",
        seed,
      });
      return accuracy(model.predict(data.x), data.y as Int32Array);
    };
    return { linear: fit([2, 2]), relu: fit([2, 8, 2]) };
  });
  for (const run of runs) {
    assert.ok(run.result!.relu >= 0.95, `seed ${run.seed}: ReLU accuracy ${run.result!.relu}`);
    assert.ok(run.result!.linear < 0.75, `seed ${run.seed}: linear ${run.result!.linear}`);
  }
  const c = compareSummaries(measure(runs, (r) => r.relu), measure(runs, (r) => r.linear));
  assert.ok(c.beyondNoise && c.direction === "higher");
});

Deno.test("without a non-linear activation, a hidden layer adds nothing: an identity network fits |x| no better than a line, on 5 of 5 seeds", () => {
  const runs = overSeeds(SEEDS, (seed) => ({
    linear: absMse([1, 1], "identity", seed),
    identity: absMse([1, 8, 1], "identity", seed),
  }));
  for (const run of runs) {
    assert.ok(
      run.result!.identity > 0.07,
      `seed ${run.seed}: identity MSE ${run.result!.identity}`,
    );
  }
  const c = compareSummaries(measure(runs, (r) => r.identity), measure(runs, (r) => r.linear));
  assert.ok(!(c.beyondNoise && c.direction === "lower"), `difference ${c.difference}, se ${c.se}`);
});

Deno.test("ReLU activations are sparse: at initialisation 35% to 65% of each hidden layer's outputs are exactly 0 with ReLU and none with Leaky ReLU, on 5 of 5 seeds", () => {
  for (const seed of SEEDS) {
    const data = twoMoons({ n: 200, noise: 0.1, seed });
    const reluNet = mlp([2, 64, 64, 2], { activation: "relu", seed });
    const leakyNet = mlp([2, 64, 64, 2], { activation: "leakyRelu", alpha: 0.01, seed });
    leakyNet.params().forEach((p, k) => p.value.set(reluNet.params()[k].value));
    const sparsity = activationSparsity(reluNet, data);
    for (const s of sparsity) assert.ok(s > 0.35 && s < 0.65, `seed ${seed}: ReLU ${sparsity}`);
    assert.deepEqual(activationSparsity(leakyNet, data), [0, 0]);
  }
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

Deno.test("in a layer, ReLU follows z = Wx + b and zeroes exactly the neurons with z <= 0, on 5 of 5 seeds", () => {
  for (const seed of SEEDS) {
    const layer = new Dense(5, 8, { seed });
    layer.biases.set(standardNormal(1, 8, { seed: seed + 1 }).data);
    const x = standardNormal(1, 5, { seed: seed + 2 });
    const z = layer.forward(x).data;
    for (let j = 0; j < 8; j++) {
      let sum = layer.biases[j];
      for (let k = 0; k < 5; k++) sum += layer.weights[k * 8 + j] * x.data[k];
      assert.ok(Math.abs(sum - z[j]) < 1e-12, `seed ${seed}, neuron ${j}`);
    }
    const a = createActivation("relu").forward(z);
    z.forEach((v, j) => assert.equal(a[j] === 0, v <= 0));
  }
});

Deno.test("after an edge filter on a real digit, ReLU keeps the positive responses unchanged and zeroes the negative ones (5 to 25% of the pixels), on 5 of 5 digits", async () => {
  const digits = await loadDigits({ n: 5, seed: 0 });
  for (let i = 0; i < 5; i++) {
    const maps = edgeMaps(digits, i);
    maps.response.forEach((z, p) => assert.equal(maps.after[p], z > 0 ? z : 0));
    assert.ok(maps.negative > 0.05 && maps.negative < 0.25, `digit ${i}: ${maps.negative}`);
    assert.ok(maps.positive > 0.05, `digit ${i}: positive ${maps.positive}`);
  }
});

Deno.test("our finding beyond the text: on a digit, most zeros after ReLU were already 0 before it (flat background), on 5 of 5 digits", async () => {
  const digits = await loadDigits({ n: 5, seed: 0 });
  for (let i = 0; i < 5; i++) {
    const maps = edgeMaps(digits, i);
    assert.ok(maps.flat > maps.negative, `digit ${i}`);
    assert.ok(maps.flat > 0.5, `digit ${i}: flat ${maps.flat}`);
  }
});
