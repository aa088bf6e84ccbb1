import assert from "node:assert/strict";
import {
  ActivationLayer,
  createActivation,
  dataset,
  fromRows,
  mlp,
  type MlpOptions,
  PReLU,
  train,
} from "../../src/mod.ts";

// The calls a notebook without a type checker lets through.
const looseMlp = (options: unknown) => mlp([2, 4, 1], options as MlpOptions);

Deno.test("mlp() passes alpha to every activation that takes one", async (t) => {
  await t.step("ELU's alpha is its scale (it used to be ignored)", () => {
    const layer = mlp([2, 4, 1], { activation: "elu", alpha: 0.5 }).layers[1];
    assert.ok(layer instanceof ActivationLayer);
    assert.equal(layer.activation.params.alpha, 0.5);
    assert.equal(layer.activation.f(-Infinity), -0.5);
  });
  await t.step("Leaky ReLU's alpha is its slope", () => {
    const layer = mlp([2, 4, 1], { activation: "leakyRelu", alpha: 0.3 }).layers[1];
    assert.ok(layer instanceof ActivationLayer);
    assert.equal(layer.activation.params.alpha, 0.3);
  });
  await t.step("PReLU's alpha is its initial slope", () => {
    const layer = mlp([2, 4, 1], { activation: "prelu", alpha: 0.3 }).layers[1];
    assert.ok(layer instanceof PReLU);
    assert.equal(layer.alpha[0], 0.3);
  });
});

Deno.test("mlp() refuses an activation parameter the activation does not take", async (t) => {
  await t.step("alpha with relu", () => {
    assert.throws(() => mlp([2, 4, 1], { activation: "relu", alpha: 0.2 }), {
      name: "TypeError",
      message: "Cannot build an MLP as alpha applies only to the activations leakyRelu, prelu, " +
        'elu: activation="relu"',
    });
  });
  await t.step("alpha with the default activation (relu)", () => {
    assert.throws(() => mlp([2, 4, 1], { alpha: 0.2 }), { message: /activation="relu"/ });
  });
  for (const activation of ["tanh", "sigmoid", "selu", "softplus", "gelu", "rrelu"]) {
    await t.step(`alpha with ${activation}`, () => {
      assert.throws(() => mlp([2, 4, 1], { activation, alpha: 0.2 }), {
        name: "TypeError",
        message: new RegExp(`alpha applies only to .*: activation="${activation}"`),
      });
    });
  }
  await t.step("lower and upper with leakyRelu", () => {
    assert.throws(() => mlp([2, 4, 1], { activation: "leakyRelu", lower: 0.1 }), {
      message: "Cannot build an MLP as lower applies only to the activations rrelu: " +
        'activation="leakyRelu"',
    });
    assert.throws(() => mlp([2, 4, 1], { activation: "prelu", upper: 0.3 }), {
      message: /upper applies only to the activations rrelu/,
    });
  });
  await t.step("sharedSlope with leakyRelu", () => {
    assert.throws(() => mlp([2, 4, 1], { activation: "leakyRelu", sharedSlope: true }), {
      message: /sharedSlope applies only to the activations prelu/,
    });
  });
  await t.step("any of them beside an activation object, which carries its own", () => {
    const activation = createActivation("leakyRelu", { alpha: 0.1 });
    assert.throws(() => mlp([2, 4, 1], { activation, alpha: 0.1 }), {
      name: "TypeError",
      message: "Cannot build an MLP as alpha must be left out when activation is an object, " +
        "which carries its own parameters: activation=leakyRelu, alpha=0.1",
    });
  });
});

Deno.test("mlp() refuses unknown option keys and non-object options", async (t) => {
  await t.step("a typo", () => {
    assert.throws(() => looseMlp({ activation: "leakyRelu", alfa: 0.2 }), {
      name: "TypeError",
      message: "Cannot build an MLP as options must have only the keys activation, alpha, lower, " +
        'upper, sharedSlope, init, biasInit, dropout, seed: unknown key "alfa"',
    });
  });
  await t.step("an option of another function (train's learningRate)", () => {
    assert.throws(() => looseMlp({ learningRate: 0.1 }), { message: /unknown key "learningRate"/ });
  });
  await t.step("a number or a string in place of the options", () => {
    assert.throws(() => looseMlp(7), { name: "TypeError", message: /must be an object/ });
    assert.throws(() => looseMlp("relu"), { name: "TypeError", message: /must be an object/ });
  });
});

Deno.test("train() refuses unknown option keys before it changes the model", () => {
  const data = dataset(fromRows([[0, 1], [1, 0]]), new Int32Array([0, 1]));
  const model = mlp([2, 4, 2], { seed: 1 });
  const before = JSON.stringify(model.toJSON());
  assert.throws(() => train(model, data, { epochs: 2, learningrate: 0.5 } as never), {
    name: "TypeError",
    message:
      /^Cannot train as options must have only the keys epochs, batchSize, learningRate, .*: unknown key "learningrate"$/,
  });
  assert.throws(() => train(model, data, 5 as never), {
    name: "TypeError",
    message: "Cannot train as options must be an object such as { epochs: 5 }: options=5",
  });
  assert.equal(JSON.stringify(model.toJSON()), before);
});

Deno.test("mlp() says which type it wanted for sizes and activation, showing the value", () => {
  assert.throws(() => mlp(new Int32Array([2, 3, 2]) as never), {
    name: "TypeError",
    message:
      "Cannot build an MLP as sizes must be an array of layer widths, such as [2, 16, 2]: sizes=Int32Array(3) [2, 3, 2]",
  });
  assert.throws(() => looseMlp({ activation: {} }), {
    name: "TypeError",
    message:
      'Cannot build an MLP as activation must be a name such as "relu" or an Activation object (createActivation makes one); it lacks name (a string), grad (a function), forward (a function), backward (a function): activation={}',
  });
  assert.throws(() => looseMlp({ activation: 5 }), {
    name: "TypeError",
    message:
      'Cannot build an MLP as activation must be a name such as "relu" or an Activation object (createActivation makes one): activation=5',
  });
  assert.throws(() => new ActivationLayer({ name: "mine" } as never, 2), {
    name: "TypeError",
    message:
      'Cannot create an activation layer as activation must be an Activation object (createActivation makes one); it lacks grad (a function), forward (a function), backward (a function): activation={ name: "mine" }',
  });
});

Deno.test("mlp() refuses an activation object without the backward pass or the derivative a layer and the diagnostics call", () => {
  const { name, grad, forward, backward } = createActivation("relu");
  const message = (lacks: string) => new RegExp(`; it lacks ${lacks}: activation=\\{ name: "relu"`);
  assert.throws(() => looseMlp({ activation: { name, grad, forward } }), {
    name: "TypeError",
    message: message(String.raw`backward \(a function\)`),
  });
  assert.throws(() => looseMlp({ activation: { name, forward, backward } }), {
    name: "TypeError",
    message: message(String.raw`grad \(a function\)`),
  });
  assert.throws(() => looseMlp({ activation: { name: 3, grad, forward, backward } }), {
    name: "TypeError",
    message: /; it lacks name \(a string\): activation=\{ name: 3,/,
  });
  const model = looseMlp({ activation: { name, grad, forward, backward } });
  assert.equal(model.layers[1].describe(), "Activation(relu, 4)");
});

Deno.test("mlp() checks RReLU's bounds and PReLU's sharing itself, naming the option", async (t) => {
  await t.step("a lower bound that is not a number", () => {
    assert.throws(() => mlp([2, 3, 1], { activation: "rrelu", lower: "a" as never }), {
      name: "TypeError",
      message: 'Cannot build an MLP as lower must be a finite number >= 0: lower="a"',
    });
  });
  await t.step("an upper bound below the lower one", () => {
    assert.throws(() => mlp([2, 3, 1], { activation: "rrelu", lower: 0.3, upper: 0.1 }), {
      name: "RangeError",
      message: "Cannot build an MLP as upper must be a finite number >= 0.3: upper=0.1",
    });
  });
  await t.step(
    "a lower bound above the default upper one, explained as the RReLU layer does",
    () => {
      assert.throws(() => mlp([2, 2, 2], { activation: "rrelu", lower: 0.5 }), {
        name: "RangeError",
        message:
          "Cannot build an MLP as lower must be at most upper, which was left out for its default 1/3 (set upper too): lower=0.5, upper=0.3333333333333333",
      });
      assert.throws(() => mlp([2, 2, 2], { activation: "rrelu", upper: 0.1 }), {
        name: "RangeError",
        message:
          "Cannot build an MLP as upper must be at least lower, which was left out for its default 1/8 (set lower too): upper=0.1, lower=0.125",
      });
    },
  );
  await t.step("a sharedSlope that is not a boolean", () => {
    assert.throws(() => looseMlp({ activation: "prelu", sharedSlope: 1 }), {
      name: "TypeError",
      message: "Cannot build an MLP as sharedSlope must be true or false: sharedSlope=1",
    });
  });
});
