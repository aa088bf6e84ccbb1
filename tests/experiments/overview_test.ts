import assert from "node:assert/strict";
import { createActivation, relu } from "../../src/activations/mod.ts";
import {
  denseLayerExample,
  describeNonLinearFit,
  edgeFeatureMaps,
  fitAbsoluteValue,
  fitXor,
  kinkDerivatives,
  sparsityAtInit,
  subgradientLines,
} from "../../src/experiments/overview.ts";

Deno.test("fitAbsoluteValue() returns curves on a 101-point grid over [-1, 1] and both MSEs", () => {
  const fit = fitAbsoluteValue({ epochs: 20, seed: 3 });
  assert.equal(fit.grid.length, 101);
  assert.equal(fit.grid[0], -1);
  assert.equal(fit.grid[100], 1);
  assert.deepEqual(fit.target, fit.grid.map(Math.abs));
  assert.equal(fit.linear.length, 101);
  assert.equal(fit.relu.length, 101);
  assert.ok(Number.isFinite(fit.linearMse) && fit.linearMse >= 0);
  assert.ok(Number.isFinite(fit.reluMse) && fit.reluMse >= 0);
  // The linear model is one Dense unit: its curve is a straight line.
  const slope = (fit.linear[100] - fit.linear[0]) / 2;
  fit.linear.forEach((y, i) =>
    assert.ok(Math.abs(y - (fit.linear[0] + slope * (fit.grid[i] + 1))) < 1e-12)
  );
});

Deno.test("fitAbsoluteValue() and fitXor() give the same results for the same seed", () => {
  assert.deepEqual(
    fitAbsoluteValue({ epochs: 5, seed: 2 }).relu,
    fitAbsoluteValue({ epochs: 5, seed: 2 }).relu,
  );
  const a = fitXor({ epochs: 5, seed: 2 }), b = fitXor({ epochs: 5, seed: 2 });
  assert.equal(a.reluAccuracy, b.reluAccuracy);
  assert.equal(a.linearAccuracy, b.linearAccuracy);
});

Deno.test("fitXor() trains on n XOR points and reports accuracies in [0, 1]", () => {
  const fit = fitXor({ n: 100, epochs: 10, seed: 1 });
  assert.equal(fit.data.x.rows, 100);
  for (const v of [fit.linearAccuracy, fit.reluAccuracy]) assert.ok(v >= 0 && v <= 1);
  assert.equal(fit.models.linear.layers.length, 1);
  assert.equal(fit.models.relu.layers.length, 3);
});

Deno.test("fitAbsoluteValue() and fitXor() reject bad settings with RangeError", async (t) => {
  await t.step(
    "hidden = 0",
    () => assert.throws(() => fitAbsoluteValue({ hidden: 0 }), RangeError),
  );
  await t.step(
    "learningRate = 0",
    () => assert.throws(() => fitXor({ learningRate: 0 }), RangeError),
  );
  await t.step("epochs = 1.5", () => assert.throws(() => fitXor({ epochs: 1.5 }), RangeError));
});

Deno.test("describeNonLinearFit() states the numbers and the direction they show", () => {
  const abs = fitAbsoluteValue({ epochs: 5 });
  const xorFit = fitXor({ epochs: 5 });
  const text = describeNonLinearFit(abs, xorFit);
  assert.ok(text.includes(abs.linearMse.toFixed(4)));
  assert.ok(text.includes(`${(100 * xorFit.reluAccuracy).toFixed(1)}%`));
  const flipped = describeNonLinearFit(
    { ...abs, linearMse: 0.001, reluMse: 0.01 },
    { ...xorFit, linearAccuracy: 0.9, reluAccuracy: 0.5 },
  );
  assert.match(flipped, /10\.0 times higher than/);
  assert.match(flipped, /does not beat the linear model/);
});

Deno.test("sparsityAtInit() measures ReLU zeros per layer and none for Leaky ReLU", () => {
  const result = sparsityAtInit({ hidden: [16, 8], n: 50, seed: 2 });
  assert.equal(result.relu.sparsity.length, 2);
  assert.equal(result.leakyRelu.sparsity.length, 2);
  assert.equal(result.firstLayerZ.length, 50 * 16);
  assert.equal(result.relu.sparsity[0], result.firstLayerNonPositive);
  assert.deepEqual(result.leakyRelu.sparsity, [0, 0]);
  assert.equal(result.leakyRelu.label, "Leaky ReLU (α = 0.01)");
  assert.throws(() => sparsityAtInit({ alpha: -1 }), RangeError);
});

Deno.test("kinkDerivatives() measures one-sided slopes without the derivative", async (t) => {
  await t.step("ReLU at 0: left 0, right 1, convention 0", () => {
    const result = kinkDerivatives(createActivation("relu"));
    for (const row of result.differences) assert.deepEqual([row.left, row.right], [0, 1]);
    assert.deepEqual(result.subgradient, [0, 1]);
    assert.equal(result.convention, 0);
  });
  await t.step("Leaky ReLU at 0: left alpha, right 1", () => {
    const result = kinkDerivatives(createActivation("leakyRelu", { alpha: 0.2 }), {
      steps: [1e-3],
    });
    assert.ok(Math.abs(result.subgradient[0] - 0.2) < 1e-12);
    assert.equal(result.subgradient[1], 1);
    assert.equal(result.convention, 0.2);
  });
  await t.step("the convention follows atZero", () => {
    assert.equal(kinkDerivatives(createActivation("relu", { atZero: "right" })).convention, 1);
  });
  await t.step("away from a kink both slopes agree", () => {
    const result = kinkDerivatives(createActivation("relu"), { at: 2, steps: [1e-3] });
    for (const slope of result.subgradient) assert.ok(Math.abs(slope - 1) < 1e-9);
  });
  await t.step("bad steps throw RangeError", () => {
    assert.throws(() => kinkDerivatives(createActivation("relu"), { steps: [] }), RangeError);
    assert.throws(() => kinkDerivatives(createActivation("relu"), { steps: [0] }), RangeError);
  });
});

Deno.test("subgradientLines() draws each slope through the kink, then the activation", () => {
  const lines = subgradientLines(createActivation("relu"), [0, 0.5, 1], [-1, 1]);
  assert.equal(lines.length, 4);
  assert.equal(lines[3].name, "ReLU");
  assert.deepEqual(lines[3].y, lines[3].x.map(relu));
  assert.equal(lines[1].name, "line of slope 0.5");
  lines[1].x.forEach((z, i) => assert.equal(lines[1].y[i], 0.5 * z));
});

Deno.test("denseLayerExample() computes z = Wx + b with W as neurons x inputs", () => {
  const layer = denseLayerExample({ inputs: 5, neurons: 2, alpha: 0.1, seed: 4 });
  assert.equal(layer.x.length, 5);
  assert.equal(layer.weights.length, 2);
  assert.equal(layer.weights[0].length, 5);
  for (let j = 0; j < 2; j++) {
    let sum = layer.biases[j];
    for (let k = 0; k < 5; k++) sum += layer.weights[j][k] * layer.x[k];
    assert.ok(Math.abs(sum - layer.z[j]) < 1e-12);
    assert.equal(layer.relu[j], relu(layer.z[j]));
    assert.equal(layer.leakyRelu[j], layer.z[j] > 0 ? layer.z[j] : 0.1 * layer.z[j]);
  }
  assert.ok(layer.checkError < 1e-12);
  assert.deepEqual(denseLayerExample({ seed: 4 }), denseLayerExample({ seed: 4 }));
});

Deno.test("edgeFeatureMaps() filters one digit and splits its pixels by sign", async () => {
  const maps = await edgeFeatureMaps({ index: 2, seed: 1, kernel: "laplacian", alpha: 0.2 });
  assert.ok(maps.digit >= 0 && maps.digit <= 9);
  assert.deepEqual([maps.image.rows, maps.image.cols], [28, 28]);
  assert.deepEqual([maps.featureMap.rows, maps.featureMap.cols], [28, 28]);
  assert.deepEqual(Array.from(maps.kernel.data), [0, 1, 0, 1, -4, 1, 0, 1, 0]);
  const total = maps.positiveFraction + maps.negativeFraction + maps.flatFraction;
  assert.ok(Math.abs(total - 1) < 1e-12);
  maps.featureMap.data.forEach((z, i) => {
    assert.equal(maps.reluMap.data[i], z > 0 ? z : 0);
    assert.equal(maps.leakyMap.data[i], z > 0 ? z : 0.2 * z);
  });
  assert.equal(maps.leakyZeroFraction, maps.flatFraction);
  await assert.rejects(() => edgeFeatureMaps({ index: -1 }), RangeError);
});

Deno.test("sparsityAtInit() gives ReLU and Leaky ReLU the very same weights", () => {
  const result = sparsityAtInit({ alpha: 0.3, seed: 5, n: 20 });
  const reluParams = result.models.relu.params();
  const leakyParams = result.models.leakyRelu.params();
  assert.equal(reluParams.length, leakyParams.length);
  reluParams.forEach((p, i) => assert.deepEqual(p.value, leakyParams[i].value));
});
