import assert from "node:assert/strict";
import fc from "fast-check";
import {
  ActivationLayer,
  Conv2D,
  createActivation,
  createPrng,
  Dense,
  Dropout,
  fromRows,
  type Layer,
  type Matrix,
  matrix,
  mlp,
  modelFromJSON,
  PReLU,
  RReLU,
  Sequential,
  type SequentialJSON,
} from "../../src/mod.ts";
import { randomMatrix } from "./_helpers.ts";
import * as lib from "../../src/mod.ts";
import { loose, looseNew } from "../_loose.ts";

Deno.test("Sequential runs its layers in order and backpropagates in reverse", () => {
  const first = new Dense(1, 1, { init: "zeros" });
  const second = new Dense(1, 1, { init: "zeros" });
  first.weights[0] = 2;
  second.weights[0] = 3;
  const model = new Sequential([first, second]);
  assert.deepEqual(Array.from(model.forward(fromRows([[1]])).data), [6]);
  const gradIn = model.backward(fromRows([[1]]));
  assert.deepEqual(Array.from(gradIn.data), [6]);
  assert.equal(first.weightGrad[0], 3);
  assert.equal(second.weightGrad[0], 2);
});

Deno.test("Sequential names its parameters by layer index", () => {
  const model = mlp([2, 3, 1], { activation: "prelu" });
  assert.deepEqual(model.params().map((p) => p.name), [
    "0.weights",
    "0.biases",
    "1.alpha",
    "2.weights",
    "2.biases",
  ]);
});

Deno.test("Sequential.zeroGrad() clears every gradient", () => {
  const model = mlp([2, 3, 2], { seed: 1 });
  model.forward(fromRows([[1, 2]]));
  model.backward(fromRows([[1, -1]]));
  assert.ok(model.params().some((p) => p.grad.some((g) => g !== 0)));
  model.zeroGrad();
  assert.ok(model.params().every((p) => p.grad.every((g) => g === 0)));
});

Deno.test("Sequential.predict() returns a copy that the next call does not overwrite", () => {
  const model = mlp([2, 3, 2], { seed: 1 });
  const a = model.predict(fromRows([[1, 2]]));
  const before = a.data.slice();
  model.predict(fromRows([[-5, 7]]));
  assert.deepEqual(a.data, before);
});

Deno.test("Sequential refuses layers whose sizes do not chain", () => {
  assert.throws(() => new Sequential([new Dense(2, 3), new Dense(4, 1)]), {
    name: "RangeError",
    message:
      "Cannot create a Sequential model as layer 1 must take the 3 outputs of layer 0: Dense(2 → 3) then Dense(4 → 1)",
  });
  assert.throws(() => new Sequential([]), {
    name: "RangeError",
    message: "Cannot create a Sequential model as layers must not be empty: layers.length=0",
  });
  assert.throws(() => new Sequential(new Dense(2, 3) as unknown as Layer[]), {
    name: "TypeError",
    message: /^Cannot create a Sequential model as layers must be an array: layers=/,
  });
});

Deno.test("Sequential refuses an entry that is not a layer, naming its position", () => {
  for (const entry of [null, undefined, {}, mlp([2, 2])]) {
    assert.throws(() => new Sequential([new Dense(2, 2), entry as unknown as Layer]), {
      name: "TypeError",
      message: new RegExp(
        `^Cannot create a Sequential model as layer 1 must be a layer \\(an object with forward, backward, params and describe\\): layer 1=`,
      ),
    });
  }
  assert.throws(() => new Sequential([{} as unknown as Layer, new Dense(2, 2)]), {
    name: "TypeError",
    message: /^Cannot create a Sequential model as layer 0 must be a layer .*: layer 0=/,
  });
});

Deno.test("Sequential refuses one layer object at two positions, which would backpropagate wrongly", () => {
  const relu = new ActivationLayer(createActivation("relu"), 4);
  assert.throws(
    () => new Sequential([new Dense(2, 4), relu, new Dense(4, 4), relu, new Dense(4, 1)]),
    {
      name: "RangeError",
      message:
        "Cannot create a Sequential model as layer 3 is the same object as layer 1, Activation(ReLU, 4): a layer keeps its last input for its backward pass, so each position needs a layer of its own",
    },
  );
  const tied = new Dense(4, 4);
  assert.throws(() => new Sequential([new Dense(2, 4), tied, tied]), {
    name: "RangeError",
    message:
      /^Cannot create a Sequential model as layer 2 is the same object as layer 1, Dense\(4 → 4\)/,
  });
  // Two layers of their own at those positions are what the message asks for, and they work.
  const model = new Sequential([
    new Dense(2, 4),
    new ActivationLayer(createActivation("relu"), 4),
    new Dense(4, 4),
    new ActivationLayer(createActivation("relu"), 4),
    new Dense(4, 1),
  ]);
  assert.equal(model.layers.length, 5);
});

Deno.test("Sequential prints a summary with layers, shapes and parameter count", () => {
  const model = mlp([2, 32, 32, 2], { seed: 1 });
  const text = Deno.inspect(model);
  assert.equal(text, model.summary());
  assert.equal(String(model), model.summary());
  const lines = text.split("\n");
  assert.equal(lines[0], "Sequential(2 → 2), 1,218 parameters");
  assert.match(lines[2], /^\s+0\s+Dense\(2 → 32\)\s+N×32\s+96$/);
  assert.match(lines[3], /^\s+1\s+Activation\(ReLU, 32\)\s+N×32\s+0$/);
  assert.equal(lines.length, 2 + 5);
  // The columns line up: every row is as long as the header, each column starts where its
  // heading does, and the counts end under "params".
  const [header, ...rows] = lines.slice(1);
  for (const row of rows) {
    assert.equal(row.length, header.length, row);
    assert.equal(row.indexOf("N×"), header.indexOf("output"), row);
    assert.equal(row.indexOf(row.trimStart().split(/\s+/)[1]), header.indexOf("layer"), row);
  }
});

Deno.test("modelFromJSON() restores a model bit for bit", async (t) => {
  await t.step("for random architectures, activations and seeds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom("relu", "leakyRelu", "prelu", "rrelu"),
        fc.integer({ min: -1000, max: 1000 }),
        (sizes, activation, seed) => {
          const model = mlp(sizes, { activation, seed, dropout: 0.2 });
          const copy = modelFromJSON(JSON.parse(JSON.stringify(model)) as SequentialJSON);
          assert.deepEqual(copy.toJSON(), model.toJSON());
          const x = randomMatrix(3, sizes[0], seed);
          assert.deepEqual(copy.predict(x).data, model.predict(x).data);
        },
      ),
      { numRuns: 40 },
    );
  });
  await t.step("from the JSON text, after training changed PReLU slopes", () => {
    const model = mlp([2, 4, 2], { activation: "prelu", seed: 2 });
    (model.layers[1] as PReLU).alpha[2] = Math.PI / 7;
    const copy = modelFromJSON(JSON.stringify(model));
    assert.deepEqual(copy.params().map((p) => p.value), model.params().map((p) => p.value));
  });
});

Deno.test("modelFromJSON() refuses foreign JSON and unknown layer types", () => {
  assert.throws(() => modelFromJSON("{}"), TypeError);
  assert.throws(
    () =>
      modelFromJSON({
        format: "relu-lab/sequential",
        version: 1,
        layers: [{ type: "conv" }],
      }),
    { name: "TypeError", message: /type must be one of "dense"/ },
  );
});

Deno.test("modelFromJSON() says a truncated or empty text is not JSON, in its own name", () => {
  const text = JSON.stringify(mlp([2, 3, 1], { seed: 1 }));
  assert.throws(() => modelFromJSON(text.slice(0, 50)), {
    name: "RangeError",
    message:
      /^Cannot restore a model from JSON as json must be JSON text \(a damaged or truncated file\?\): Unterminated string in JSON at position 50.*; json="\{\\"format\\":/,
  });
  assert.throws(() => modelFromJSON(""), {
    name: "RangeError",
    message:
      'Cannot restore a model from JSON as json must be JSON text (a damaged or truncated file?): Unexpected end of JSON input; json=""',
  });
  assert.equal(JSON.stringify(modelFromJSON(text)), text);
});

Deno.test("modelFromJSON() refuses a layer field its toJSON does not write, which it would drop", () => {
  const json = mlp([2, 3, 2], { seed: 1, activation: "prelu" }).toJSON();
  const withField = (index: number, field: Record<string, unknown>) => ({
    ...json,
    layers: json.layers.map((layer, i) => i === index ? { ...layer, ...field } : layer),
  });
  assert.throws(() => modelFromJSON(withField(0, { stride: 2 })), {
    name: "TypeError",
    message:
      'Cannot restore layer 0 ("dense") of the model as its JSON must have only the keys type, inputSize, outputSize, weights, biases: unknown key "stride"',
  });
  assert.throws(() => modelFromJSON(withField(1, { init: 0.1, seed: 3 })), {
    name: "TypeError",
    message: /^Cannot restore layer 1 \("prelu"\) of the model as .*: unknown keys "init", "seed"$/,
  });
  const conv = new Sequential([new Conv2D(3, 3, { kernelSize: 2 })]).toJSON();
  assert.throws(
    () => modelFromJSON({ ...conv, layers: [{ ...conv.layers[0], stride: 2 }] }),
    { name: "TypeError", message: /\(\"conv2d\"\) .*: unknown key "stride"$/ },
  );
});

Deno.test("Dense.fromJSON() refuses weights of the wrong length", () => {
  const json = { ...new Dense(2, 2).toJSON(), inputSize: 3 };
  assert.throws(() => Dense.fromJSON(json), {
    name: "RangeError",
    message: "Cannot restore a Dense layer as weights must hold 6 float64 values: weights holds 4",
  });
  assert.throws(() => new Sequential([new Dense(2, 2)]).forward(matrix(1, 3)), RangeError);
});

Deno.test("Sequential.backward() with skipInputGradient returns zeros and the same parameter gradients", () => {
  const model = mlp([3, 4, 2], { seed: 6 });
  const x = randomMatrix(5, 3, 1), g = randomMatrix(5, 2, 2);
  model.zeroGrad();
  model.forward(x, { training: true });
  const gx = Float64Array.from(model.backward(g).data);
  const grads = model.params().map((p) => p.grad.slice());
  assert.ok(gx.some((v) => v !== 0));
  model.zeroGrad();
  model.forward(x, { training: true });
  const skipped = model.backward(g, { skipInputGradient: true });
  assert.ok(skipped.data.every((v) => v === 0));
  assert.deepEqual(model.params().map((p) => p.grad), grads);
});

Deno.test("Sequential.forward() refuses a typo in its options instead of running in evaluation mode", async (t) => {
  const model = mlp([2, 4, 2], { dropout: 0.5, seed: 1 });
  const x = fromRows([[1, 2]]);
  await t.step("an unknown key", () => {
    assert.throws(() => model.forward(x, { train: true } as never), {
      name: "TypeError",
      message:
        'Cannot run a Sequential model as options must have only the keys training: unknown key "train"',
    });
  });
  await t.step("a number in place of the options", () => {
    assert.throws(() => model.forward(x, 3 as never), {
      name: "TypeError",
      message:
        "Cannot run a Sequential model as options must be an object such as { training: … }: options=3",
    });
  });
  await t.step("a training flag that is not a boolean", () => {
    assert.throws(() => model.forward(x, { training: "yes" } as never), {
      name: "TypeError",
      message: 'Cannot run a Sequential model as training must be true or false: training="yes"',
    });
  });
  await t.step("a layer called on its own checks them too", () => {
    assert.throws(
      () => model.layers[1].forward(fromRows([[1, 2, 3, 4]]), { train: true } as never),
      {
        name: "TypeError",
        message:
          'Cannot run Activation(ReLU, 4) as options must have only the keys training: unknown key "train"',
      },
    );
  });
});

Deno.test("Sequential.backward() refuses options it does not take", () => {
  const model = mlp([2, 4, 2], { seed: 1 });
  model.forward(fromRows([[1, 2]]));
  assert.throws(() => model.backward(fromRows([[1, 1]]), { skipInput: true } as never), {
    name: "TypeError",
    message:
      'Cannot backpropagate through a Sequential model as options must have only the keys skipInputGradient: unknown key "skipInput"',
  });
  assert.throws(() => model.backward(fromRows([[1, 1]]), { skipInputGradient: "no" } as never), {
    name: "TypeError",
    message:
      'Cannot backpropagate through a Sequential model as skipInputGradient must be true or false: skipInputGradient="no"',
  });
});

Deno.test("modelFromJSON() says what is wrong with a malformed layer or version", async (t) => {
  const json = () => JSON.parse(JSON.stringify(mlp([2, 3, 1], { seed: 1 })));
  await t.step("an activation layer without its activation", () => {
    const broken = json();
    delete broken.layers[1].activation;
    assert.throws(() => modelFromJSON(broken), {
      name: "TypeError",
      message:
        'Cannot restore layer 1 ("activation") of the model as activation must be an object { name, params }: activation=undefined',
    });
  });
  await t.step("weights that are not whole float64 values", () => {
    const broken = json();
    broken.layers[0].weights = btoa("abc");
    assert.throws(() => modelFromJSON(broken), {
      name: "RangeError",
      message:
        'Cannot restore layer 0 ("dense") of the model as weights must hold 6 float64 values: weights holds 3 bytes, not a whole number of float64 values',
    });
  });
  await t.step("a field left out, named with its layer's index, never taken as a default", () => {
    const model = new Sequential([
      new Conv2D(4, 4, { padding: "same", seed: 1 }),
      new PReLU(16),
      new RReLU(16, { lower: 0.01, upper: 0.02, seed: 5 }),
      new Dropout(16, { rate: 0.2, seed: 3 }),
      new ActivationLayer(createActivation("leakyRelu", { alpha: 0.2 }), 16),
    ]);
    const cases: [number, string, string, string][] = [
      [0, "padding", "conv2d", 'padding must be "valid" or "same": padding=undefined'],
      [1, "shared", "prelu", "shared must be true or false: shared=undefined"],
      [2, "lower", "rrelu", "lower must be a finite number >= 0: lower=undefined"],
      [2, "upper", "rrelu", "upper must be a finite number >= 0.01: upper=undefined"],
      [
        2,
        "seed",
        "rrelu",
        "seed must be an integer, or null for a layer that drew from a prng: seed=undefined",
      ],
      [3, "rate", "dropout", "rate must be a finite number >= 0 and < 1: rate=undefined"],
      [
        3,
        "seed",
        "dropout",
        "seed must be an integer, or null for a layer that drew from a prng: seed=undefined",
      ],
    ];
    for (const [index, field, type, rest] of cases) {
      const broken = JSON.parse(JSON.stringify(model));
      delete broken.layers[index][field];
      assert.throws(() => modelFromJSON(broken), {
        name: "TypeError",
        message: `Cannot restore layer ${index} ("${type}") of the model as ${rest}`,
      }, field);
    }
    const noAlpha = JSON.parse(JSON.stringify(model));
    delete noAlpha.layers[4].activation.params.alpha;
    assert.throws(() => modelFromJSON(noAlpha), {
      name: "TypeError",
      message:
        'Cannot restore layer 4 ("activation") of the model as activation.params must give every parameter of leakyRelu (alpha, atZero): activation.params.alpha=undefined',
    });
    const noParams = JSON.parse(JSON.stringify(model));
    delete noParams.layers[4].activation.params;
    assert.throws(() => modelFromJSON(noParams), {
      name: "TypeError",
      message:
        'Cannot restore layer 4 ("activation") of the model as activation.params must be an object: activation.params=undefined',
    });
  });
  await t.step("a malformed seed, while the null a prng-drawn layer writes restores", () => {
    const model = new Sequential([new Dropout(2, { rate: 0.5, seed: 3 })]);
    for (const seed of ["oops", 1.5]) {
      const broken = JSON.parse(JSON.stringify(model));
      broken.layers[0].seed = seed;
      assert.throws(() => modelFromJSON(broken), {
        name: typeof seed === "string" ? "TypeError" : "RangeError",
        message: typeof seed === "string"
          ? 'Cannot restore layer 0 ("dropout") of the model as seed must be an integer, or null for a layer that drew from a prng: seed="oops"'
          : 'Cannot restore layer 0 ("dropout") of the model as seed must be a finite integer: seed=1.5',
      });
    }
    const drawn = new Sequential([
      new Dropout(2, { prng: createPrng(1) }),
      new RReLU(2, { prng: createPrng(2) }),
    ]);
    const copy = modelFromJSON(JSON.stringify(drawn));
    assert.deepEqual(copy.toJSON(), new Sequential([new Dropout(2), new RReLU(2)]).toJSON());
  });
  await t.step("a version this library does not read", () => {
    const later = json();
    later.version = 2;
    assert.throws(() => modelFromJSON(later), {
      name: "RangeError",
      message:
        "Cannot restore a model from JSON as version must be 1, the one format version this library reads: version=2",
    });
  });
});

Deno.test("Sequential, its methods and modelFromJSON refuse an argument past their last, which would go unused", async (t) => {
  const model = lib.mlp([2, 3, 2], { seed: 1 });
  const m = model as unknown as Record<string, (...args: unknown[]) => unknown>;
  const x = lib.fromRows([[0, 1]]);
  const cases: [string, () => unknown, string][] = [
    [
      "new Sequential",
      () => new (looseNew(lib.Sequential))([new lib.Dense(2, 2)], { seed: 1 }),
      "Cannot create a Sequential model as Sequential takes layers alone, no second argument: second={ seed: 1 }",
    ],
    [
      "forward",
      () => m.forward(x, undefined, { training: true }),
      "Cannot run a Sequential model as forward takes x and options, no third argument: third={ training: true }",
    ],
    [
      "backward",
      () => (model.forward(x), m.backward(lib.fromRows([[1, 1]]), {}, 5)),
      "Cannot backpropagate through a Sequential model as backward takes gradOut and options, no third argument: third=5",
    ],
    [
      "predict",
      () => m.predict(x, { training: true }),
      "Cannot predict with a Sequential model as predict takes x alone, no second argument: second={ training: true }",
    ],
    [
      "summary",
      () => m.summary({ verbose: true }),
      "Cannot summarize a Sequential model as summary takes no arguments, no first argument: first={ verbose: true }",
    ],
    [
      "toJSON",
      () => m.toJSON({ space: 2 }),
      "Cannot write a Sequential model as JSON as toJSON takes no argument but the key JSON.stringify passes, no first argument: first={ space: 2 }",
    ],
    [
      "modelFromJSON",
      () => loose(lib.modelFromJSON)(model.toJSON(), { seed: 1 }),
      "Cannot restore a model from JSON as modelFromJSON takes json alone, no second argument: second={ seed: 1 }",
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
  await t.step(
    "JSON.stringify still passes toJSON its key, and map modelFromJSON its index",
    () => {
      const text = JSON.stringify(model);
      assert.equal(JSON.stringify({ model }), `{"model":${text}}`);
      assert.equal(JSON.stringify([text].map(lib.modelFromJSON)[0]), text);
    },
  );
});

Deno.test("a layer given back its own output, or its own input gradient, computes as on a copy", async (t) => {
  const x = fromRows([[-1, 2, -0.5, 3], [0.25, -2, 1, -3]]);
  const g = fromRows([[1, -1, 0.5, 2], [-0.5, 1, 1, -1]]);
  const layers: [string, () => Layer][] = [
    ["Leaky ReLU", () => new ActivationLayer(createActivation("leakyRelu", { alpha: 0.1 }), 4)],
    ["PReLU", () => new PReLU(4)],
    ["Dense", () => new Dense(4, 4, { seed: 1 })],
    ["Conv2D", () => new Conv2D(2, 2, { filters: 1, kernelSize: 2, padding: "same", seed: 1 })],
  ];
  const copy = (m: Matrix): Matrix => ({ ...m, data: m.data.slice() });
  for (const [name, make] of layers) {
    await t.step(name, () => {
      // The buffer a layer returns is its own, reused: passing it back must not corrupt it.
      const looped = make(), copied = make();
      const twice = copy(looped.forward(looped.forward(x)));
      const reference = copy(copied.forward(copy(copied.forward(x))));
      assert.deepEqual(twice, reference);
      const inputOf = (layer: Layer) => (layer as { lastInput?: Matrix }).lastInput;
      assert.deepEqual(inputOf(looped), inputOf(copied));
      const back = copy(looped.backward(looped.backward(g)));
      assert.deepEqual(back, copy(copied.backward(copy(copied.backward(g)))));
      assert.deepEqual(
        looped.params().map((p) => Array.from(p.grad)),
        copied.params().map((p) => Array.from(p.grad)),
      );
    });
  }
});

Deno.test("every layer, optimizer and loss method refuses an argument past its last", async (t) => {
  const x = fromRows([[-1, 2, -0.5, 3]]), g = fromRows([[1, -1, 0.5, 2]]);
  const layers: [string, Layer][] = [
    ["Dense", new Dense(4, 4, { seed: 1 })],
    ["Conv2D", new Conv2D(2, 2, { filters: 1, kernelSize: 2, padding: "same", seed: 1 })],
    ["ActivationLayer", new ActivationLayer(createActivation("relu"), 4)],
    ["PReLU", new PReLU(4)],
    ["Dropout", new Dropout(4)],
  ];
  for (const [name, layer] of layers) {
    await t.step(name, () => {
      const forward = layer.forward.bind(layer) as (...args: unknown[]) => unknown;
      assert.throws(() => forward(x, undefined, 5), {
        name: "TypeError",
        message: /as forward takes (x|z|input|images) and options, no third argument: third=5$/,
      });
      layer.forward(x);
      const backward = layer.backward.bind(layer) as (...args: unknown[]) => unknown;
      assert.throws(() => backward(g, undefined, 5), {
        name: "TypeError",
        message: /as backward takes gradOut and options, no third argument: third=5$/,
      });
    });
  }
  await t.step("optimizers and losses", () => {
    const params = mlp([2, 2], { seed: 1 }).params();
    for (const optimizer of [lib.sgd(), lib.adam()]) {
      const step = optimizer.step.bind(optimizer) as (...args: unknown[]) => unknown;
      assert.throws(() => step(params, 0.1, 5), {
        name: "TypeError",
        message: /as step takes params and learningRate, no third argument: third=5$/,
      });
    }
    const pred = fromRows([[0.2, 0.8]]), grad = fromRows([[0, 0]]);
    const cases: [lib.Loss, lib.Matrix | Int32Array][] = [
      [lib.meanSquaredError, fromRows([[0, 1]])],
      [lib.softmaxCrossEntropy, Int32Array.of(1)],
      [lib.binaryCrossEntropy, fromRows([[0, 1]])],
    ];
    for (const [loss, target] of cases) {
      const value = loss.value as (...args: unknown[]) => unknown;
      const valueAndGrad = loss.valueAndGrad as (...args: unknown[]) => unknown;
      assert.throws(() => value(pred, target, grad), {
        name: "TypeError",
        message: /as value takes \w+ and \w+, no third argument: third=/,
      });
      assert.throws(() => valueAndGrad(pred, target, grad, 5), {
        name: "TypeError",
        message: /as valueAndGrad takes \w+, \w+ and grad, no fourth argument: fourth=5$/,
      });
    }
  });
});
