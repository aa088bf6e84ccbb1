import assert from "node:assert/strict";
import {
  ActivationLayer,
  createActivation,
  createPrng,
  Dense,
  Dropout,
  heNormal,
  type Initializer,
  lecunNormal,
  mlp,
  type MlpOptions,
  PReLU,
  RReLU,
  xavierNormal,
} from "../../src/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

Deno.test("mlp() alternates Dense and activation layers and ends linear", () => {
  const model = mlp([2, 8, 8, 3]);
  assert.deepEqual(model.layers.map((l) => l.type), [
    "dense",
    "activation",
    "dense",
    "activation",
    "dense",
  ]);
  assert.equal(model.inputSize, 2);
  assert.equal(model.outputSize, 3);
});

Deno.test("mlp() builds the requested activation", async (t) => {
  await t.step("leakyRelu with its alpha", () => {
    const layer = mlp([2, 4, 1], { activation: "leakyRelu", alpha: 0.2 }).layers[1];
    assert.ok(layer instanceof ActivationLayer);
    assert.equal(layer.activation.params.alpha, 0.2);
  });
  await t.step("prelu with its initial slope", () => {
    const layer = mlp([2, 4, 1], { activation: "prelu", alpha: 0.1 }).layers[1];
    assert.ok(layer instanceof PReLU);
    assert.deepEqual(Array.from(layer.alpha), [0.1, 0.1, 0.1, 0.1]);
  });
  await t.step("rrelu with its range", () => {
    const layer = mlp([2, 4, 1], { activation: "rrelu", lower: 0.05, upper: 0.2 }).layers[1];
    assert.ok(layer instanceof RReLU);
    assert.equal(layer.meanSlope, 0.125);
  });
  await t.step("an Activation object", () => {
    const activation = createActivation("relu");
    const layer = mlp([2, 4, 1], { activation }).layers[1];
    assert.ok(layer instanceof ActivationLayer && layer.activation === activation);
  });
  await t.step("dropout after each hidden activation", () => {
    const model = mlp([2, 4, 4, 1], { dropout: 0.5 });
    assert.deepEqual(model.layers.map((l) => l instanceof Dropout), [
      false,
      false,
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});

Deno.test("mlp() sets hidden biases to biasInit and output biases to 0", () => {
  const model = mlp([2, 4, 4, 1], { biasInit: -3 });
  const dense = model.layers.filter((l): l is Dense => l instanceof Dense);
  assert.deepEqual(Array.from(dense[0].biases), [-3, -3, -3, -3]);
  assert.deepEqual(Array.from(dense[1].biases), [-3, -3, -3, -3]);
  assert.deepEqual(Array.from(dense[2].biases), [0]);
});

Deno.test("mlp() uses He initialisation with the Leaky ReLU gain by default", () => {
  // Weight variance ≈ 2 / ((1 + alpha²) fanIn) with alpha = 1: 1 / fanIn.
  const dense = mlp([400, 400, 1], { activation: "leakyRelu", alpha: 1, seed: 3 })
    .layers[0] as Dense;
  let sum = 0;
  for (const w of dense.weights) sum += w * w;
  const variance = sum / dense.weights.length;
  assert.ok(Math.abs(variance - 1 / 400) < 0.0001, `variance ${variance}`);
});

Deno.test("mlp() picks the initialiser that fits its activation, with the slope's He gain", async (t) => {
  // The first layer's weights are the first draws of the model's generator, seeded by `seed`.
  const cases: [string, MlpOptions, Initializer][] = [
    ["relu", {}, heNormal()],
    ["leakyRelu alpha 0.5", { activation: "leakyRelu", alpha: 0.5 }, heNormal({ alpha: 0.5 })],
    [
      "a Leaky ReLU object at alpha 1",
      { activation: createActivation("leakyRelu", { alpha: 1 }) },
      heNormal({ alpha: 1 }),
    ],
    [
      "a PReLU object, with its initial slope as for the name",
      { activation: createActivation("prelu", { alpha: 0.25 }) },
      heNormal({ alpha: 0.25 }),
    ],
    [
      "an RReLU object, with its mean slope as for the name",
      { activation: createActivation("rrelu", { lower: 0.1, upper: 0.3 }) },
      heNormal({ alpha: 0.2 }),
    ],
    ["an ELU object (no He slope)", { activation: createActivation("elu") }, heNormal()],
    ["elu", { activation: "elu" }, heNormal()],
    ["sigmoid", { activation: "sigmoid" }, xavierNormal()],
    ["tanh", { activation: "tanh" }, xavierNormal()],
    ["identity", { activation: "identity" }, xavierNormal()],
    ["selu", { activation: "selu" }, lecunNormal()],
  ];
  for (const [name, options, init] of cases) {
    await t.step(name, () => {
      const first = mlp([3, 4, 1], { ...options, seed: 7 }).layers[0] as Dense;
      const expected = new Dense(3, 4, { init, prng: createPrng(7) });
      assert.deepEqual(first.weights, expected.weights);
    });
  }
});

Deno.test("mlp() defaults to seed 0 and biases of 0, and checks the input size too", () => {
  const model = mlp([2, 3, 1]);
  assert.deepEqual(model.toJSON(), mlp([2, 3, 1], { seed: 0 }).toJSON());
  assert.deepEqual(Array.from((model.layers[0] as Dense).biases), [0, 0, 0]);
  assert.throws(() => mlp([0, 3, 1]), {
    name: "RangeError",
    message: "Cannot build an MLP as sizes[0] must be a finite integer >= 1: sizes[0]=0",
  });
  assert.throws(() => mlp([2, 3, 1], { seed: 1.5 }), {
    name: "RangeError",
    message: /^Cannot build an MLP as seed must be a finite integer.*: seed=1\.5$/,
  });
});

Deno.test("mlp() builds the same model from the same seed and another from another", () => {
  assert.deepEqual(mlp([3, 5, 2], { seed: 4 }).toJSON(), mlp([3, 5, 2], { seed: 4 }).toJSON());
  assert.notDeepEqual(mlp([3, 5, 2], { seed: 4 }).toJSON(), mlp([3, 5, 2], { seed: 5 }).toJSON());
});

Deno.test("mlp() refuses bad sizes and options", async (t) => {
  await t.step("fewer than two sizes", () => {
    assert.throws(() => mlp([2]), {
      name: "RangeError",
      message:
        "Cannot build an MLP as sizes must list at least an input and an output size: sizes=[2]",
    });
  });
  await t.step("a zero width", () => {
    assert.throws(() => mlp([2, 0, 1]), {
      name: "RangeError",
      message: "Cannot build an MLP as sizes[1] must be a finite integer >= 1: sizes[1]=0",
    });
  });
  await t.step("an unknown activation", () => {
    assert.throws(() => mlp([2, 3, 1], { activation: "swish2" }), RangeError);
  });
  await t.step("a dropout rate of 1", () => {
    assert.throws(() => mlp([2, 3, 1], { dropout: 1 }), RangeError);
  });
});

Deno.test("mlp() refuses a third argument, which would go unused", () => {
  assert.throws(() => loose(lib.mlp)([2, 4, 2], { seed: 1 }, { activation: "leakyRelu" }), {
    name: "TypeError",
    message:
      'Cannot build an MLP as mlp takes sizes and options, no third argument: third={ activation: "leakyRelu" }',
  });
});
