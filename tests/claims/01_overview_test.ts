/**
 * The claims of the text's section "ReLU (Rectified Linear Unit) Overview", each measured at a
 * small scale over several seeds, asserting the direction notebooks/01-relu-overview.ipynb
 * reports. No permissions needed.
 */
import assert from "node:assert/strict";
import { createActivation, leakyRelu, relu, reluGrad } from "../../src/activations/mod.ts";
import { regression1d } from "../../src/data/mod.ts";
import {
  denseLayerExample,
  edgeFeatureMaps,
  fitAbsoluteValue,
  fitXor,
  kinkDerivatives,
  sparsityAtInit,
} from "../../src/experiments/overview.ts";
import { meanSquaredErrorValue, mlp, train } from "../../src/nn/mod.ts";
import type { Matrix } from "../../src/core/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];

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
  for (const seed of SEEDS) {
    const fit = fitAbsoluteValue({ seed });
    assert.ok(fit.linearMse > 0.07, `seed ${seed}: linear MSE ${fit.linearMse}`);
    assert.ok(fit.reluMse * 100 < fit.linearMse, `seed ${seed}: ReLU MSE ${fit.reluMse}`);
  }
});

Deno.test("ReLU is non-linear: one hidden ReLU layer classifies XOR with accuracy >= 95% where a linear model stays below 75%, on 5 of 5 seeds", () => {
  for (const seed of SEEDS) {
    const fit = fitXor({ seed });
    assert.ok(fit.reluAccuracy >= 0.95, `seed ${seed}: ReLU accuracy ${fit.reluAccuracy}`);
    assert.ok(fit.linearAccuracy < 0.75, `seed ${seed}: linear accuracy ${fit.linearAccuracy}`);
  }
});

Deno.test("without a non-linear activation, a hidden layer adds nothing: an identity network fits |x| no better than a line, on 5 of 5 seeds", () => {
  for (const seed of SEEDS) {
    const data = regression1d("abs", { n: 200, range: [-1, 1], seed });
    const model = mlp([1, 8, 1], { activation: "identity", seed });
    train(model, data, { epochs: 150, learningRate: 0.01, optimizer: "adam", seed });
    const mse = meanSquaredErrorValue(model.predict(data.x), data.y as Matrix);
    assert.ok(mse > 0.07, `seed ${seed}: identity network MSE ${mse}`);
  }
});

Deno.test("ReLU activations are sparse: at initialisation 35% to 65% of each hidden layer's outputs are exactly 0 with ReLU and none with Leaky ReLU, on 5 of 5 seeds", () => {
  for (const seed of SEEDS) {
    const result = sparsityAtInit({ seed, n: 200 });
    for (const s of result.relu.sparsity) {
      assert.ok(s > 0.35 && s < 0.65, `seed ${seed}: ReLU sparsity ${result.relu.sparsity}`);
    }
    assert.deepEqual(result.leakyRelu.sparsity, [0, 0]);
  }
});

Deno.test("ReLU is not differentiable at 0: its one-sided slopes are 0 and 1, and the library uses the subgradient 0 unless told otherwise", () => {
  const result = kinkDerivatives(createActivation("relu"), { steps: [1, 1e-2, 1e-4, 1e-8, 1e-12] });
  for (const row of result.differences) assert.deepEqual([row.left, row.right], [0, 1]);
  assert.deepEqual(result.subgradient, [0, 1]);
  assert.equal(reluGrad(0), 0);
  assert.equal(reluGrad(0, { atZero: "right" }), 1);
  assert.equal(reluGrad(0, { atZero: "mean" }), 0.5);
});

Deno.test("in a layer, ReLU follows z = Wx + b and zeroes exactly the neurons with z <= 0, on 5 of 5 seeds", () => {
  for (const seed of SEEDS) {
    const layer = denseLayerExample({ seed, inputs: 5, neurons: 8 });
    assert.ok(layer.checkError < 1e-12);
    layer.z.forEach((z, j) => assert.equal(layer.relu[j] === 0, z <= 0));
  }
});

Deno.test("after an edge filter on a real digit, ReLU keeps the positive responses unchanged and zeroes the negative ones (5 to 25% of the pixels), on 5 of 5 digits", async () => {
  for (const seed of SEEDS) {
    const maps = await edgeFeatureMaps({ seed });
    maps.featureMap.data.forEach((z, i) => assert.equal(maps.reluMap.data[i], z > 0 ? z : 0));
    assert.ok(
      maps.negativeFraction > 0.05 && maps.negativeFraction < 0.25,
      `seed ${seed}: negative fraction ${maps.negativeFraction}`,
    );
    assert.ok(maps.positiveFraction > 0.05, `seed ${seed}: positive ${maps.positiveFraction}`);
  }
});

Deno.test("our finding beyond the text: on a digit, most zeros after ReLU were already 0 before it (flat background), on 5 of 5 digits", async () => {
  for (const seed of SEEDS) {
    const maps = await edgeFeatureMaps({ seed });
    assert.ok(maps.flatFraction > maps.negativeFraction, `seed ${seed}`);
    assert.ok(maps.flatFraction > 0.5, `seed ${seed}: flat ${maps.flatFraction}`);
  }
});
