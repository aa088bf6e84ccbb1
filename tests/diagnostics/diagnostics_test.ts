import assert from "node:assert/strict";
import {
  ACTIVATION_NAMES,
  ActivationLayer,
  activationSparsity,
  activationStatistics,
  Conv2D,
  createActivation,
  createPrng,
  type Dataset,
  dataset,
  deadNeurons,
  Dense,
  diagnose,
  DiagnosticsReport,
  ElementwiseLayer,
  formatValue,
  fromRows,
  gradientCheck,
  gradientNorms,
  type LayerJSON,
  type Matrix,
  matrix,
  mlp,
  type MlpOptions,
  randomNormal,
  Sequential,
  softmaxCrossEntropy,
  train,
} from "../../src/mod.ts";
import { hardTanh } from "./_hard_tanh.ts";

function blobs(n: number, classes: number, seed: number): Dataset {
  const prng = createPrng(seed);
  const x = matrix(n, 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % classes;
    x.data[2 * i] = Math.cos(y[i]) + 0.3 * randomNormal(prng);
    x.data[2 * i + 1] = Math.sin(y[i]) + 0.3 * randomNormal(prng);
  }
  return dataset(x, y);
}

Deno.test("deadNeurons() lists the neurons whose pre-activation is <= 0 for every sample", () => {
  const model = mlp([2, 3, 2], { init: "zeros" });
  const first = model.layers[0] as Dense;
  // Neuron 0: z = x0 (positive for the first sample); neuron 1: z = -1 always; neuron 2: z = 0.
  first.weights.set([1, 0, 0, 0, 0, 0]);
  first.biases.set([0, -1, 0]);
  const [report] = deadNeurons(model, fromRows([[1, 5], [-2, 3]]));
  assert.deepEqual(report.dead, [1, 2]);
  assert.equal(report.deadFraction, 2 / 3);
  assert.equal(report.layerIndex, 1);
  assert.equal(report.layer, "Activation(ReLU, 3)");
});

Deno.test("deadNeurons() says whether a layer's dead neurons still pass a gradient back", async (t) => {
  const x = fromRows([[1, 2], [-3, 0.5]]);
  const canRecover = (options: MlpOptions) =>
    deadNeurons(mlp([2, 4, 2], { ...options, biasInit: -100, seed: 1 }), x)[0];
  await t.step("not for ReLU, nor for Leaky ReLU or ELU at α = 0", () => {
    for (
      const options of [{}, { activation: "leakyRelu", alpha: 0 }, { activation: "elu", alpha: 0 }]
    ) {
      const layer = canRecover(options);
      assert.equal(layer.deadFraction, 1, JSON.stringify(options));
      assert.equal(layer.canRecover, false, JSON.stringify(options));
    }
  });
  await t.step(
    "for Leaky ReLU and ELU at α > 0, PReLU even from a slope of 0, RReLU and the smooth activations",
    () => {
      for (
        const options of [
          { activation: "leakyRelu", alpha: 0.01 },
          { activation: "elu", alpha: 1 },
          { activation: "prelu", alpha: 0 },
          { activation: "rrelu" },
          { activation: "gelu" },
          { activation: "tanh" },
        ]
      ) {
        const layer = canRecover(options);
        assert.equal(layer.deadFraction, 1, JSON.stringify(options));
        assert.equal(layer.canRecover, true, JSON.stringify(options));
      }
    },
  );
  await t.step("with a yes or no for every built-in activation, no only for ReLU", () => {
    for (const activation of ACTIVATION_NAMES) {
      assert.equal(canRecover({ activation }).canRecover, activation !== "relu", activation);
    }
  });
  await t.step("not for RReLU whose slopes are all 0", () => {
    assert.equal(canRecover({ activation: "rrelu", lower: 0, upper: 0 }).canRecover, false);
  });
  await t.step("and cannot tell for an activation whose slope is 0 on part of z < 0 only", () => {
    const layer = canRecover({ activation: hardTanh });
    assert.equal(layer.deadFraction, 1);
    assert.equal(layer.canRecover, undefined);
  });
  await t.step("and does not know for an activation layer of a kind of its own", () => {
    // A user's elementwise layer (a ReLU written by hand): the diagnostics cannot read its slope.
    class OwnRelu extends ElementwiseLayer {
      readonly type = "ownRelu";
      constructor(size: number) {
        super("create an OwnRelu layer", size);
      }
      protected forwardInto(z: Matrix, out: Matrix): void {
        for (let i = 0; i < z.data.length; i++) out.data[i] = Math.max(0, z.data[i]);
      }
      protected backwardInto(z: Matrix, _y: Matrix, gradOut: Matrix, gradIn: Matrix): void {
        for (let i = 0; i < z.data.length; i++) {
          gradIn.data[i] = z.data[i] > 0 ? gradOut.data[i] : 0;
        }
      }
      describe(): string {
        return `OwnRelu(${this.size})`;
      }
      toJSON(): LayerJSON {
        return { type: "ownRelu", size: this.size };
      }
    }
    const model = new Sequential([new Dense(2, 4), new OwnRelu(4), new Dense(4, 2)]);
    (model.layers[0] as Dense).biases.fill(-100);
    const [layer] = deadNeurons(model, x);
    assert.equal(layer.layer, "OwnRelu(4)");
    assert.equal(layer.deadFraction, 1);
    assert.equal(layer.canRecover, undefined);
  });
});

Deno.test("deadNeurons() accepts a data set or a matrix, and does not change the model", () => {
  const model = mlp([2, 16, 16, 2], { biasInit: -1, seed: 2 });
  const data = blobs(40, 2, 1);
  const before = JSON.stringify(model);
  assert.deepEqual(deadNeurons(model, data), deadNeurons(model, data.x));
  assert.equal(JSON.stringify(model), before);
});

Deno.test("activationStatistics() reports mean, std, sparsity and dead fraction", () => {
  const model = mlp([1, 2, 1], { init: "zeros" });
  const first = model.layers[0] as Dense;
  first.weights.set([1, -1]); // neuron 0 outputs relu(x), neuron 1 relu(-x)
  const [stats] = activationStatistics(model, fromRows([[1], [3]]));
  // Outputs: [1, 0], [3, 0]: mean 1, mean of squares 2.5, variance 1.5.
  assert.equal(stats.mean, 1);
  assert.equal(stats.std, Math.sqrt(1.5));
  assert.equal(stats.sparsity, 0.5);
  assert.equal(stats.deadFraction, 0.5);
  assert.deepEqual(activationSparsity(model, fromRows([[1], [3]])), [0.5]);
});

Deno.test("Leaky ReLU layers are never sparse where ReLU layers are", () => {
  const data = blobs(50, 2, 3);
  const relu = activationSparsity(mlp([2, 16, 2], { seed: 1 }), data);
  const leaky = activationSparsity(mlp([2, 16, 2], { activation: "leakyRelu", seed: 1 }), data);
  assert.ok(relu[0] > 0.2);
  assert.equal(leaky[0], 0);
});

Deno.test("gradientNorms() gives zero gradients below a dead layer", () => {
  const model = mlp([2, 4, 4, 2], { seed: 1 });
  (model.layers[2] as Dense).biases.fill(-1e3); // the second hidden layer is dead
  // 11 samples of class 0 and 10 of class 1, so the output bias gradient does not cancel.
  const norms = gradientNorms(model, blobs(21, 2, 1));
  assert.deepEqual(norms.map((n) => n.layerIndex), [0, 2, 4]);
  assert.equal(norms[0].total, 0);
  assert.equal(norms[1].total, 0);
  assert.ok(norms[2].biases > 0);
  assert.equal(norms[2].weights, 0); // its inputs are all 0
});

Deno.test("gradientNorms() and diagnose() give a Conv2D layer its row, from its kernels' and biases' gradients", () => {
  // 6×6 one-channel images of two classes; two 3×3 filters, tanh (no kink for the finite
  // differences below to straddle), then a Dense layer.
  const prng = createPrng(1);
  const x = matrix(20, 36);
  for (let i = 0; i < x.data.length; i++) x.data[i] = randomNormal(prng);
  const data = dataset(x, Int32Array.from({ length: 20 }, (_, i) => i % 2));
  const conv = new Conv2D(6, 6, { filters: 2, seed: 1 });
  const model = new Sequential([
    conv,
    new ActivationLayer(createActivation("tanh"), 32),
    new Dense(32, 2, { seed: 2 }),
  ]);
  const norms = gradientNorms(model, data);
  assert.deepEqual(norms.map((n) => n.layerIndex), [0, 2]);
  assert.equal(norms[0].layer, "Conv2D(1×6×6 → 2×4×4, 3×3, valid)");
  // The gradients the call leaves behind are the ones it measured, and they are right.
  const length = (values: Float64Array) => Math.sqrt(values.reduce((s, v) => s + v * v, 0));
  assert.ok(Math.abs(norms[0].weights - length(conv.kernelGrad)) <= 1e-15 * norms[0].weights);
  assert.ok(Math.abs(norms[0].biases - length(conv.biasGrad)) <= 1e-15 * norms[0].biases);
  assert.ok(norms[0].weights > 0 && norms[0].biases > 0);
  assert.ok(gradientCheck(model, data).maxRelativeError < 1e-8);
  assert.match(String(diagnose(model, data)), /^0 {2}Conv2D\(1×6×6 → 2×4×4, 3×3, valid\) +\d/m);
});

Deno.test("gradientNorms() equals the norm of the full-batch gradient across chunks", () => {
  // 1,100 rows span three evaluation chunks; the result must not depend on the chunking.
  const data = blobs(1100, 3, 5);
  const model = mlp([2, 8, 3], { seed: 4 });
  const norms = gradientNorms(model, data);
  const dense = model.layers[0] as Dense;
  let sum = 0;
  for (const g of dense.weightGrad) sum += g * g;
  assert.equal(norms[0].weights, Math.sqrt(sum));
  // Compare with a single full-batch pass computed by hand.
  model.zeroGrad();
  const out = model.forward(data.x);
  const grad = matrix(out.rows, out.cols);
  const probs = out.data;
  for (let i = 0; i < out.rows; i++) {
    let max = -Infinity, s = 0;
    for (let j = 0; j < 3; j++) max = Math.max(max, probs[3 * i + j]);
    for (let j = 0; j < 3; j++) s += Math.exp(probs[3 * i + j] - max);
    for (let j = 0; j < 3; j++) {
      grad.data[3 * i + j] = (Math.exp(probs[3 * i + j] - max) / s -
        ((data.y as Int32Array)[i] === j ? 1 : 0)) / out.rows;
    }
  }
  model.backward(grad);
  let direct = 0;
  for (const g of dense.weightGrad) direct += g * g;
  assert.ok(Math.abs(Math.sqrt(direct) - norms[0].weights) < 1e-12 * norms[0].weights);
});

Deno.test("gradientCheck() divides by the step each weight took, not by 2h", () => {
  // The loss is the output itself, w x + b with x = 1 and b = 0: w exactly, so the weight's
  // slope is exactly 1 once the loss differences are divided by (w + h) - (w - h), which
  // float64 rounds away from 2h for a weight of 3 and h = 1e-8.
  const model = new Sequential([new Dense(1, 1, { seed: 0 })]);
  const dense = model.layers[0] as Dense;
  dense.weights[0] = 3;
  dense.biases[0] = 0;
  const sum = {
    name: "sum",
    value: (pred: { data: Float64Array }) => pred.data[0],
    valueAndGrad: (pred: { data: Float64Array }, _: unknown, grad: { data: Float64Array }) => {
      grad.data[0] = 1;
      return pred.data[0];
    },
  };
  assert.notEqual((3 + 1e-8) - (3 - 1e-8), 2e-8);
  const report = gradientCheck(model, dataset(fromRows([[1]]), fromRows([[0]])), {
    loss: sum,
    epsilon: 1e-8,
  });
  assert.equal(report.parameters[0].maxRelativeError, 0);
});

Deno.test("gradientCheck() confirms backpropagation through whole models (< 1e-6)", async (t) => {
  const data = blobs(6, 3, 7);
  const cases = [
    ["relu", mlp([2, 5, 4, 3], { seed: 1 })],
    ["leakyRelu", mlp([2, 5, 4, 3], { activation: "leakyRelu", alpha: 0.1, seed: 2 })],
    ["prelu", mlp([2, 5, 4, 3], { activation: "prelu", seed: 3 })],
    ["rrelu (evaluation mode)", mlp([2, 5, 3], { activation: "rrelu", seed: 4 })],
    ["dropout (evaluation mode)", mlp([2, 5, 3], { dropout: 0.5, seed: 5 })],
  ] as const;
  for (const [name, model] of cases) {
    await t.step(name, () => {
      const report = gradientCheck(model, data);
      assert.ok(report.maxRelativeError < 1e-6, `${name}: ${report.maxRelativeError}`);
      assert.equal(report.parameters.length, model.params().length);
      for (const p of report.parameters) {
        assert.ok(p.maxAbsoluteError < 1e-6, `${name} ${p.name}: ${p.maxAbsoluteError}`);
      }
    });
  }
  await t.step("with the mean squared error and binary cross-entropy", () => {
    const regression = dataset(data.x, fromRows(Array.from({ length: 6 }, (_, i) => [i / 6])));
    assert.ok(gradientCheck(mlp([2, 4, 1], { seed: 6 }), regression).maxRelativeError < 1e-6);
    const binary = dataset(data.x, Int32Array.from(data.y as Int32Array, (v) => v % 2));
    const report = gradientCheck(mlp([2, 4, 1], { seed: 7 }), binary, {
      loss: "binaryCrossEntropy",
    });
    assert.ok(report.maxRelativeError < 1e-6);
  });
});

Deno.test("gradientCheck()'s finite difference is fourth order, as documented: tripling the step multiplies the error by about 3⁴", () => {
  // A smooth network (tanh), so that only the truncation error of the difference is measured:
  // the order is log(error(3h) / error(h)) / log 3, about 2 for a plain central difference.
  const model = mlp([2, 5, 4, 3], { activation: "tanh", seed: 1 }), data = blobs(6, 3, 7);
  const error = (epsilon: number) => gradientCheck(model, data, { epsilon }).maxRelativeError;
  const order = Math.log(error(3e-2) / error(1e-2)) / Math.log(3);
  assert.ok(order > 3.5 && order < 4.5, `order ${order}`);
});

Deno.test("gradientCheck() catches a wrong gradient", () => {
  const model = mlp([2, 3, 2], { seed: 1 });
  const dense = model.layers[0] as Dense;
  // A layer whose backward forgets the bias gradient.
  const backward = dense.backward.bind(dense);
  dense.backward = (g) => {
    const out = backward(g);
    dense.biasGrad.fill(0);
    return out;
  };
  const report = gradientCheck(model, blobs(4, 2, 1));
  const biases = report.parameters.find((p) => p.name === "0.biases")!;
  assert.ok(biases.maxRelativeError > 0.5, `${biases.maxRelativeError}`);
});

Deno.test("gradientCheck() finds one wrong entry among right ones and points at it", () => {
  const model = mlp([2, 3, 2], { seed: 1 });
  const dense = model.layers[2] as Dense; // the output layer, weights 3 x 2
  // A backward pass that doubles the gradient of weight 4 (of 6) and gets the rest right.
  const backward = dense.backward.bind(dense);
  dense.backward = (g) => {
    const before = dense.weightGrad[4];
    const out = backward(g);
    dense.weightGrad[4] += dense.weightGrad[4] - before;
    return out;
  };
  const report = gradientCheck(model, blobs(4, 2, 1));
  const weights = report.parameters.find((p) => p.name === "2.weights")!;
  assert.equal(weights.worstIndex, 4);
  assert.ok(weights.maxRelativeError > 0.3, `${weights.maxRelativeError}`);
  assert.equal(report.maxRelativeError, weights.maxRelativeError);
  for (const p of report.parameters.filter((p) => p !== weights)) {
    assert.ok(p.maxRelativeError < 1e-6, `${p.name}: ${p.maxRelativeError}`);
  }
});

Deno.test("gradientCheck() restores parameters and gradients bit for bit", () => {
  const model = mlp([2, 4, 2], { seed: 1 });
  model.params()[0].grad.fill(0.5);
  const before = model.params().map((p) => [p.value.slice(), p.grad.slice()]);
  gradientCheck(model, blobs(5, 2, 2), { maxPerParameter: 3, seed: 1 });
  model.params().forEach((p, i) => {
    assert.deepEqual(p.value, before[i][0]);
    assert.deepEqual(p.grad, before[i][1]);
  });
});

Deno.test("gradientCheck() samples at most maxPerParameter entries", () => {
  const report = gradientCheck(mlp([2, 6, 2], { seed: 1 }), blobs(4, 2, 1), {
    maxPerParameter: 2,
  });
  assert.deepEqual(report.parameters.map((p) => p.checked), [2, 2, 2, 2]);
});

Deno.test("gradientCheck() refuses a sample size or seed it cannot use, and draws with seed 0 by default", async (t) => {
  const model = mlp([2, 6, 2], { seed: 1 }), data = blobs(4, 2, 1);
  await t.step("maxPerParameter 0, -1 and 1.5, and seed 1.5, are refused", () => {
    for (
      const [key, value, rule] of [
        ["maxPerParameter", 0, "a finite integer >= 1"],
        ["maxPerParameter", -1, "a finite integer >= 1"],
        ["maxPerParameter", 1.5, "a finite integer >= 1"],
        ["seed", 1.5, "a finite integer"],
      ] as const
    ) {
      assert.throws(() => gradientCheck(model, data, { [key]: value }), {
        name: "RangeError",
        message: `Cannot check gradients as ${key} must be ${rule}: ${key}=${value}`,
      });
    }
  });
  await t.step("a seed without maxPerParameter, which would go unused", () => {
    assert.throws(() => gradientCheck(model, data, { seed: 5 }), {
      name: "RangeError",
      message:
        "Cannot check gradients as seed picks the entries maxPerParameter samples, and maxPerParameter is not given (every entry is checked): seed=5",
    });
  });
  await t.step("the default draw is seed 0's, and seed 1 draws other entries", () => {
    const worst = (seed?: number) =>
      gradientCheck(model, data, { maxPerParameter: 2, seed }).parameters.map((p) => p.worstIndex);
    assert.deepEqual(worst(), worst(0));
    assert.notDeepEqual(worst(1), worst(0));
  });
});

Deno.test("gradientCheck() draws every entry with equal chance (a chi-square test over 600 seeds)", () => {
  // One entry per parameter: the entry checked is the one reported as worst.
  const model = mlp([2, 3, 2], { seed: 1 }), data = blobs(4, 2, 1);
  const drawn = new Array(6).fill(0); // the first layer's 2 x 3 weights
  for (let seed = 0; seed < 600; seed++) {
    drawn[gradientCheck(model, data, { maxPerParameter: 1, seed }).parameters[0].worstIndex]++;
  }
  const chiSquare = drawn.reduce((sum, n) => sum + (n - 100) ** 2 / 100, 0);
  // 20.5 is the 0.999 quantile of chi-square with 5 degrees of freedom.
  assert.ok(chiSquare < 20.5, `chi-square ${chiSquare} over the counts ${drawn}`);
});

Deno.test("diagnose() gathers the findings and prints them as a table", () => {
  const data = blobs(60, 2, 1);
  const model = mlp([2, 8, 8, 2], { seed: 3 });
  train(model, data, { epochs: 3 });
  const report = diagnose(model, data);
  assert.ok(report instanceof DiagnosticsReport);
  assert.equal(report.activations.length, 2);
  assert.equal(report.gradients.length, 3);
  assert.ok(report.accuracy! >= 0 && report.accuracy! <= 1);
  const text = String(report);
  assert.equal(Deno.inspect(report), text);
  const lines = text.split("\n");
  assert.match(lines[0], /^loss \d\.\d+, accuracy \d+\.\d%$/);
  assert.match(text, /activation layer\s+dead\s+can recover\s+sparsity\s+mean\s+std/);
  assert.match(text, /Dense\(8 → 2\)/);
});

Deno.test("diagnose() and gradientCheck() report the mean loss over every row, as one forward pass gives it", () => {
  // 1,024 rows: two whole chunks of the 512 rows the diagnostics pass through at a time.
  const data = blobs(1024, 2, 4);
  const model = mlp([2, 8, 2], { seed: 5 });
  const whole = softmaxCrossEntropy.value(model.forward(data.x), data.y as Int32Array);
  const losses = {
    diagnose: diagnose(model, data).loss,
    gradientCheck: gradientCheck(model, data, { maxPerParameter: 1 }).loss,
  };
  for (const [name, loss] of Object.entries(losses)) {
    assert.ok(Math.abs(loss - whole) <= 1e-14 * whole, `${name}: ${loss} against ${whole}`);
  }
});

Deno.test("a DiagnosticsReport prints its findings as two tables, numbers right-aligned and words left, and says what dead means", () => {
  const report = new DiagnosticsReport({
    loss: 0.123456,
    accuracy: 0.875,
    activations: [
      {
        layerIndex: 1,
        layer: "ReLU",
        size: 8,
        mean: 0.5,
        std: 1.25,
        sparsity: 0.625,
        deadFraction: 0.25,
      },
      {
        layerIndex: 3,
        layer: "LeakyReLU(0.01)",
        size: 16,
        mean: -0.0123,
        std: 12.5,
        sparsity: 0.5,
        deadFraction: 0,
      },
    ],
    dead: [
      {
        layerIndex: 1,
        layer: "ReLU",
        size: 8,
        dead: [0, 5],
        deadFraction: 0.25,
        canRecover: false,
      },
      {
        layerIndex: 3,
        layer: "LeakyReLU(0.01)",
        size: 16,
        dead: [],
        deadFraction: 0,
        canRecover: true,
      },
    ],
    gradients: [
      { layerIndex: 0, layer: "Dense(2 → 8)", weights: 0.375, biases: 3.5e-7, total: 0.375 },
      { layerIndex: 4, layer: "Dense(16 → 2)", weights: 12.5, biases: 1, total: 12.54 },
    ],
  });
  assert.equal(
    String(report),
    [
      "loss 0.1235, accuracy 87.5%",
      "",
      "#  activation layer  dead  can recover  sparsity     mean   std",
      "1  ReLU               2/8  no              62.5%    0.500  1.25",
      "3  LeakyReLU(0.01)   0/16  yes             50.0%  -0.0123  12.5",
      "A neuron counts as dead when its pre-activation z is ≤ 0 on every input. A ReLU",
      "neuron then passes no gradient back, nor does a Leaky ReLU or ELU one at α = 0;",
      "at α > 0 they still do, as PReLU neurons and RReLU ones with upper > 0 do, so",
      "they can recover.",
      "",
      "#  layer with weights     ‖∇W‖     ‖∇b‖",
      "0  Dense(2 → 8)        3.75e-1  3.50e-7",
      "4  Dense(16 → 2)       1.25e+1  1.00e+0",
    ].join("\n"),
  );
});

Deno.test('a DiagnosticsReport says what a "?" under "can recover" means, and only when it shows one', () => {
  const data = blobs(20, 2, 1);
  const note = 'A "?" under "can recover": the diagnostics cannot tell';
  const unknown = String(diagnose(mlp([2, 4, 2], { activation: hardTanh, seed: 1 }), data));
  assert.match(unknown, /^1 {2}Activation\(hard tanh, 4\) +\d\/4 {2}\? /m);
  assert.ok(unknown.replaceAll("\n", " ").includes(note), unknown);
  const known = String(diagnose(mlp([2, 4, 2], { seed: 1 }), data));
  assert.ok(!known.replaceAll("\n", " ").includes(note), known);
});

Deno.test("a report on a model without activation layers says nothing about dead neurons", () => {
  const data = blobs(20, 2, 1);
  const text = String(diagnose(mlp([2, 2], { seed: 1 }), data));
  assert.match(text, /activation layer/);
  assert.doesNotMatch(text, /counts as dead/);
  assert.match(String(diagnose(mlp([2, 3, 2], { seed: 1 }), data)), /counts as dead/);
});

Deno.test("the diagnostics refuse data that does not fit the model", async (t) => {
  const model = mlp([2, 4, 2]);
  await t.step("inputs of the wrong width, naming both shapes", () => {
    assert.throws(() => deadNeurons(model, matrix(3, 5)), {
      name: "RangeError",
      message:
        "Cannot find dead neurons as the inputs must have one column per model input: x is 3x5, the model takes Nx2",
    });
  });
  await t.step("an empty data set, though one row will do", () => {
    assert.throws(() => activationStatistics(model, matrix(0, 2)), {
      name: "RangeError",
      message: "Cannot measure activations as data must not be empty: x is 0x2",
    });
    assert.equal(activationStatistics(model, fromRows([[1, 2]])).length, 1);
  });
  await t.step("what is neither a matrix nor a data set, named as it was passed", () => {
    assert.throws(() => deadNeurons(model, null as never), {
      name: "TypeError",
      message:
        "Cannot find dead neurons as data must be a Matrix { rows, cols, data } or a Dataset { x, y }: data=null",
    });
    // Labels without inputs are no matrix with its rows missing, but half a data set.
    assert.throws(() => deadNeurons(model, { y: Int32Array.of(0) } as never), {
      name: "TypeError",
      message:
        "Cannot find dead neurons as data must be a Matrix { rows, cols, data } or a Dataset { x, y }: data={ y: Int32Array(1) [0] }",
    });
  });
  await t.step("NaN inputs", () => {
    assert.throws(() => deadNeurons(model, fromRows([[NaN, 1]])), RangeError);
  });
  await t.step("a label out of range", () => {
    assert.throws(() => gradientNorms(model, { x: fromRows([[0, 1]]), y: new Int32Array([3]) }), {
      name: "RangeError",
      message: "Cannot compute gradient norms as every label must be in 0..1: data.y[0]=3",
    });
  });
  await t.step("a bad epsilon", () => {
    assert.throws(() => gradientCheck(model, blobs(2, 2, 1), { epsilon: 0 }), RangeError);
  });
});

Deno.test("gradientCheck() fails visibly on a NaN gradient, pointing at it", () => {
  const model = mlp([2, 3, 2], { seed: 1 });
  const dense = model.layers[0] as Dense;
  // A layer whose backward returns NaN for one weight's gradient.
  const backward = dense.backward.bind(dense);
  dense.backward = (g, options) => {
    const out = backward(g, options);
    dense.weightGrad[4] = NaN;
    return out;
  };
  const report = gradientCheck(model, blobs(4, 2, 1));
  const weights = report.parameters.find((p) => p.name === "0.weights")!;
  assert.ok(Number.isNaN(weights.maxRelativeError), `${weights.maxRelativeError}`);
  assert.ok(Number.isNaN(weights.maxAbsoluteError));
  assert.equal(weights.worstIndex, 4);
  assert.ok(Number.isNaN(report.maxRelativeError));
  assert.equal(report.maxRelativeError < 1e-6, false);
});

Deno.test("gradientCheck() restores the parameter it perturbed when the loss throws midway", () => {
  const model = mlp([2, 4, 2], { seed: 1 });
  model.params()[0].grad.fill(0.5);
  const before = model.params().map((p) => [p.value.slice(), p.grad.slice()]);
  let calls = 0;
  const loss = {
    name: "flaky",
    value: (pred: Matrix, target: Int32Array | Matrix) => {
      if (++calls === 3) throw new Error("flaky loss");
      return softmaxCrossEntropy.value(pred, target);
    },
    valueAndGrad: softmaxCrossEntropy.valueAndGrad,
  };
  assert.throws(() => gradientCheck(model, blobs(5, 2, 2), { loss }), /flaky loss/);
  model.params().forEach((p, i) => {
    assert.deepEqual(p.value, before[i][0], p.name);
    assert.deepEqual(p.grad, before[i][1], p.name);
  });
});

Deno.test("activationStatistics() keeps its precision where the mean is large against the spread", () => {
  const model = mlp([1, 2, 1], { init: "zeros", biasInit: 1e4 });
  (model.layers[0] as Dense).weights.set([1e-3, 1e-3]);
  const x = fromRows(Array.from({ length: 1100 }, (_, i) => [Math.sin(i) * 0.4 + 0.1]));
  const outputs: number[] = [];
  for (let i = 0; i < 1100; i++) outputs.push(1e4 + 1e-3 * x.data[i], 1e4 + 1e-3 * x.data[i]);
  const mean = outputs.reduce((a, b) => a + b, 0) / outputs.length;
  const std = Math.sqrt(outputs.reduce((a, v) => a + (v - mean) ** 2, 0) / outputs.length);
  const [stats] = activationStatistics(model, x);
  assert.ok(std > 2e-4 && std < 4e-4, `the spread is about 3e-4: ${std}`);
  assert.ok(Math.abs(stats.std - std) < 1e-9 * std, `${stats.std} vs ${std}`);
  assert.ok(Math.abs(stats.mean - mean) < 1e-12 * mean);
});

Deno.test("diagnose() reports a model whose outputs are NaN with 0% accuracy", () => {
  const model = mlp([2, 3, 2], { seed: 1 });
  (model.layers[2] as Dense).biases.fill(NaN);
  const report = diagnose(model, blobs(10, 2, 1));
  assert.ok(Number.isNaN(report.loss));
  assert.equal(report.accuracy, 0);
  assert.match(String(report), /^loss NaN, accuracy 0\.0%/);
});

Deno.test("the diagnostics refuse a missing model and malformed matrices", async (t) => {
  const model = mlp([2, 4, 2], { seed: 1 });
  await t.step("no model", () => {
    assert.throws(() => deadNeurons(undefined as never, fromRows([[1, 2]])), {
      name: "TypeError",
      message:
        "Cannot find dead neurons as model must be a Sequential model (mlp or new Sequential builds one): model=undefined",
    });
    assert.throws(() => gradientNorms(undefined as never, blobs(4, 2, 1)), {
      name: "TypeError",
      message: /^Cannot compute gradient norms as model must be a Sequential model/,
    });
  });
  await t.step("inputs whose data is short", () => {
    assert.throws(() => deadNeurons(model, { rows: 2, cols: 2, data: new Float64Array(3) }), {
      name: "RangeError",
      message:
        "Cannot find dead neurons as data.data must hold rows * cols = 4 elements for a 2x2 matrix: data.data.length=3",
    });
  });
  await t.step("nested arrays", () => {
    assert.throws(() => activationStatistics(model, [[1, 2]] as never), {
      name: "TypeError",
      message:
        "Cannot measure activations as data must be a Matrix { rows, cols, data } or a Dataset { x, y }: data=[[1, 2]]",
    });
  });
  await t.step("a data set whose inputs have fractional rows", () => {
    const x = { rows: 0.5, cols: 2, data: new Float64Array(1) };
    assert.throws(() => deadNeurons(model, { x, y: Int32Array.of(0) }), {
      name: "RangeError",
      message: "Cannot find dead neurons as data.x.rows must be an integer >= 0: data.x.rows=0.5",
    });
  });
});

Deno.test("deadNeurons() does not count a neuron whose pre-activation is NaN as dead (NaN is not <= 0)", () => {
  const model = mlp([2, 3, 2], { init: "zeros" });
  const first = model.layers[0] as Dense;
  // Neuron 0: z = NaN (a weight gone NaN); neuron 1: z = -1 always; neuron 2: z = x0.
  first.weights.set([NaN, 0, 1, 0, 0, 0]);
  first.biases.set([0, -1, 0]);
  const [report] = deadNeurons(model, fromRows([[1, 5], [2, 3]]));
  assert.deepEqual(report.dead, [1]);
  assert.ok(
    String(diagnose(model, dataset(fromRows([[1, 5]]), new Int32Array([0])))).includes("1/3"),
  );
});

Deno.test("a DiagnosticsReport refuses findings that are missing, mistyped or out of range when it is made", async (t) => {
  const report = diagnose(mlp([2, 4, 2], { seed: 1 }), blobs(6, 2, 1));
  const fields = {
    loss: report.loss,
    accuracy: report.accuracy,
    activations: report.activations,
    dead: report.dead,
    gradients: report.gradients,
  };
  const action = "Cannot create a DiagnosticsReport as";
  await t.step("no findings, or none of their fields", () => {
    assert.throws(() => new DiagnosticsReport(undefined as never), {
      name: "TypeError",
      message:
        `${action} fields must be an object { loss, accuracy, activations, dead, gradients } (diagnose makes one): fields=undefined`,
    });
    assert.throws(() => new DiagnosticsReport({} as never), {
      name: "TypeError",
      message: `${action} fields.loss must be a number: fields.loss=undefined`,
    });
    assert.throws(() => new DiagnosticsReport({ ...fields, gradients: undefined } as never), {
      name: "TypeError",
      message:
        `${action} fields.gradients must be an array of LayerGradientNorm entries: fields.gradients=undefined`,
    });
  });
  await t.step("a field of the wrong type, or one it does not know", () => {
    assert.throws(() => new DiagnosticsReport({ ...fields, loss: "0.5" as never }), {
      name: "TypeError",
      message: `${action} fields.loss must be a number: fields.loss="0.5"`,
    });
    assert.throws(() => new DiagnosticsReport({ ...fields, accuarcy: 0.5 } as never), {
      name: "TypeError",
      message:
        `${action} fields must have only the keys loss, accuracy, activations, dead, gradients: unknown key "accuarcy"`,
    });
    const layer = { ...fields.activations[0], mean: undefined } as never;
    assert.throws(() => new DiagnosticsReport({ ...fields, activations: [layer] }), {
      name: "TypeError",
      message:
        `${action} fields.activations[0].mean must be a number: fields.activations[0].mean=undefined`,
    });
  });
  await t.step("an accuracy outside [0, 1], which would print as 200.0%", () => {
    assert.throws(() => new DiagnosticsReport({ ...fields, accuracy: 2 }), {
      name: "RangeError",
      message: `${action} fields.accuracy must be a finite number >= 0 and <= 1: fields.accuracy=2`,
    });
  });
  await t.step("dead entries that do not pair with the activation layers", () => {
    assert.throws(() => new DiagnosticsReport({ ...fields, dead: [] }), {
      name: "RangeError",
      message:
        `${action} fields.dead must have one entry per entry of fields.activations (1): fields.dead.length=0`,
    });
    const elsewhere = { ...fields.dead[0], layerIndex: 3 };
    assert.throws(() => new DiagnosticsReport({ ...fields, dead: [elsewhere] }), {
      name: "RangeError",
      message:
        `${action} fields.dead[0].layerIndex must be fields.activations[0].layerIndex (1), the layer it pairs with: fields.dead[0].layerIndex=3`,
    });
    const outside = { ...fields.dead[0], dead: [4] };
    assert.throws(() => new DiagnosticsReport({ ...fields, dead: [outside] }), {
      name: "RangeError",
      message:
        `${action} fields.dead[0].dead[0] must be a finite integer >= 0 and <= 3: fields.dead[0].dead[0]=4`,
    });
  });
  await t.step("a key an entry does not have, which a typo would make", () => {
    const typo = { ...fields.activations[0], sparsty: 0.5 };
    assert.throws(() => new DiagnosticsReport({ ...fields, activations: [typo] }), {
      name: "TypeError",
      message:
        `${action} fields.activations[0] must have only the keys layerIndex, layer, size, mean, std, sparsity, deadFraction: unknown key "sparsty"`,
    });
  });
  await t.step("a standard deviation or a gradient norm below 0, which no data gives", () => {
    const spread = { ...fields.activations[0], std: -5 };
    assert.throws(() => new DiagnosticsReport({ ...fields, activations: [spread] }), {
      name: "RangeError",
      message:
        `${action} fields.activations[0].std must be >= 0 (or NaN or Infinity, for a model that diverged): fields.activations[0].std=-5`,
    });
    const norm = { ...fields.gradients[1], total: -Infinity };
    assert.throws(
      () => new DiagnosticsReport({ ...fields, gradients: [fields.gradients[0], norm] }),
      {
        name: "RangeError",
        message:
          /fields\.gradients\[1\]\.total must be >= 0 .*: fields\.gradients\[1\]\.total=-Infinity$/,
      },
    );
  });
  await t.step("a NaN loss passes, as diagnose() reports it for a model that diverged", () => {
    const diverged = new DiagnosticsReport({ ...fields, loss: NaN });
    assert.match(String(diverged), /^loss NaN, accuracy /);
    const infinite = { ...fields.gradients[0], total: Infinity, weights: NaN };
    const reports = [new DiagnosticsReport({ ...fields, gradients: [infinite] }), diverged];
    assert.ok(reports.every((r) => String(r).length > 0));
    assert.equal(String(new DiagnosticsReport(fields)), String(report));
  });
});

Deno.test("a DiagnosticsReport keeps frozen copies of its findings, so what it shows cannot be changed after the check", () => {
  const report = diagnose(mlp([2, 4, 2], { seed: 1 }), blobs(6, 2, 1));
  const dead = [...report.dead[0].dead];
  const fields = {
    loss: report.loss,
    accuracy: report.accuracy,
    activations: [...report.activations],
    dead: [{ ...report.dead[0], dead }],
    gradients: [...report.gradients],
  };
  const copy = new DiagnosticsReport(fields);
  const text = String(copy);
  // The caller's arrays stay the caller's: changing them leaves the report as it was.
  fields.dead.pop();
  dead.push(3);
  fields.gradients.length = 0;
  assert.equal(String(copy), text);
  // And the report refuses changes itself (modules run in strict mode, where they throw).
  assert.throws(() => (copy as { loss: unknown }).loss = "0.5", TypeError);
  assert.throws(() => (copy.dead as unknown[]).pop(), TypeError);
  assert.throws(() => copy.dead[0].dead.push(3), TypeError);
  assert.throws(() => (copy.activations[0] as { std: number }).std = -1, TypeError);
  assert.equal(String(copy), text);
});

Deno.test("a DiagnosticsReport refuses dead fractions that disagree with the dead neurons it lists, or a neuron listed twice", async (t) => {
  const action = "Cannot create a DiagnosticsReport as";
  const layer = { layerIndex: 1, layer: "ReLU", size: 4 };
  const report = (dead: number[], deadFraction: number, listed = deadFraction) =>
    new DiagnosticsReport({
      loss: 0.5,
      accuracy: 0.75,
      activations: [{ ...layer, mean: 0.5, std: 1, sparsity: 0.75, deadFraction }],
      dead: [{ ...layer, dead, deadFraction: listed, canRecover: false }],
      gradients: [],
    });
  await t.step("findings that agree pass, the text counting the neurons listed", () => {
    assert.match(String(report([0, 2, 3], 0.75)), /3\/4/);
    assert.match(String(report([], 0)), /0\/4/);
  });
  await t.step(
    "an activation layer's dead fraction that is not the share of its neurons listed",
    () => {
      // The text would print 0/4 while the rich view drew a bar at 75%.
      assert.throws(() => report([], 0.75, 0), {
        name: "RangeError",
        message:
          `${action} fields.activations[0].deadFraction must be the share of layer #1 (ReLU) that fields.dead[0].dead lists as dead (0/4 = 0): fields.activations[0].deadFraction=0.75`,
      });
    },
  );
  await t.step("a dead entry's dead fraction that is not the share of its neurons listed", () => {
    assert.throws(() => report([1], 0.5), {
      name: "RangeError",
      message:
        `${action} fields.dead[0].deadFraction must be the share of layer #1 (ReLU) that fields.dead[0].dead lists as dead (1/4 = 0.25): fields.dead[0].deadFraction=0.5`,
    });
  });
  await t.step("a neuron listed twice, which the text would count twice", () => {
    assert.throws(() => report([2, 0, 2], 0.75), {
      name: "RangeError",
      message:
        `${action} fields.dead[0].dead must list each dead neuron of layer #1 (ReLU) once (fields.dead[0].dead[0] is the same): fields.dead[0].dead[2]=2`,
    });
  });
  await t.step("dead neurons out of ascending order, as deadNeurons() never lists them", () => {
    assert.throws(() => report([2, 0, 1], 0.75), {
      name: "RangeError",
      message:
        `${action} fields.dead[0].dead must list the dead neurons of layer #1 (ReLU) in ascending order (fields.dead[0].dead[0] is 2): fields.dead[0].dead[1]=0`,
    });
  });
  await t.step("every report diagnose() makes passes, dead or alive, ReLU or Leaky ReLU", () => {
    const shares = new Set<number>();
    for (const activation of ["relu", "leakyRelu"] as const) {
      for (const biasInit of [0, -1, 1]) {
        const model = mlp([2, 3, 5, 2], { seed: 2, activation, biasInit });
        const found = diagnose(model, blobs(9, 2, 3));
        assert.doesNotThrow(() => new DiagnosticsReport({ ...found }));
        found.activations.forEach((a, i) => {
          assert.equal(a.deadFraction, found.dead[i].dead.length / a.size);
          shares.add(a.deadFraction);
        });
      }
    }
    // Shares such as 1/3 that a float cannot hold exactly, and layers alive and dead.
    assert.ok(shares.has(1 / 3) && shares.has(0) && shares.size >= 3, [...shares].join(", "));
  });
});

Deno.test("a DiagnosticsReport refuses a layer listed twice or out of model order, which it would print so", () => {
  const found = diagnose(mlp([2, 3, 5, 2], { seed: 2 }), blobs(9, 2, 3));
  const [first, second] = found.gradients;
  assert.throws(() => new DiagnosticsReport({ ...found, gradients: [first, first] }), {
    name: "RangeError",
    message:
      "Cannot create a DiagnosticsReport as fields.gradients must list each layer once, in model order (fields.gradients[0].layerIndex is 0): fields.gradients[1].layerIndex=0",
  });
  assert.throws(() => new DiagnosticsReport({ ...found, gradients: [second, first] }), {
    name: "RangeError",
    message: /fields\.gradients\[1\]\.layerIndex=0$/,
  });
  const activations = [...found.activations].reverse(), dead = [...found.dead].reverse();
  assert.throws(() => new DiagnosticsReport({ ...found, activations, dead }), {
    name: "RangeError",
    message:
      "Cannot create a DiagnosticsReport as fields.activations must list each layer once, in model order (fields.activations[0].layerIndex is 3): fields.activations[1].layerIndex=1",
  });
  assert.doesNotThrow(() => new DiagnosticsReport({ ...found }));
});

Deno.test("a DiagnosticsReport takes its findings alone, not an argument after them", () => {
  const found = diagnose(mlp([2, 3, 2], { seed: 2 }), blobs(4, 2, 1));
  const Report = DiagnosticsReport as unknown as new (fields: unknown, extra: unknown) => unknown;
  assert.throws(() => new Report({ ...found }, 5), {
    name: "TypeError",
    message:
      "Cannot create a DiagnosticsReport as DiagnosticsReport takes fields alone, no second argument: second=5",
  });
});

Deno.test("gradientNorms(), gradientCheck() and diagnose() refuse a loss that does not fit the targets, naming themselves", async (t) => {
  const model = mlp([2, 4, 2], { seed: 1 }), labels = blobs(4, 2, 1);
  const targets = dataset(labels.x, fromRows([[1, 0], [0, 1], [1, 0], [0, 1]]));
  const calls = [
    [
      "compute gradient norms",
      (data: Dataset, loss: never) => gradientNorms(model, data, { loss }),
    ],
    ["check gradients", (data: Dataset, loss: never) => gradientCheck(model, data, { loss })],
    ["diagnose a model", (data: Dataset, loss: never) => diagnose(model, data, { loss })],
  ] as const;
  for (const [action, call] of calls) {
    await t.step(action, () => {
      assert.throws(() => call(labels, "mse" as never), {
        name: "TypeError",
        message:
          `Cannot ${action} as data.y must be a matrix of targets for the loss "mse" (class labels take "softmaxCrossEntropy" or "binaryCrossEntropy"): data.y=Int32Array(4) [0, 1, 0, 1]`,
      });
      assert.throws(() => call(targets, "crossEntropy" as never), {
        name: "TypeError",
        message:
          `Cannot ${action} as data.y must be an Int32Array of class labels for the loss "crossEntropy" (a matrix of targets takes "mse" or "binaryCrossEntropy"): data.y=${
            formatValue(targets.y)
          }`,
      });
      assert.throws(() => call(labels, "binaryCrossEntropy" as never), {
        name: "RangeError",
        message:
          `Cannot ${action} as model.outputSize must be 1 (one logit per row) for class labels with the loss "binaryCrossEntropy" ("softmaxCrossEntropy" takes one output per class): model.outputSize=2`,
      });
      // The check train() makes too: binary cross-entropy takes targets in [0, 1].
      const outside = dataset(labels.x, fromRows([[2, 0], [0, 1], [1, 0], [0, 1]]));
      assert.throws(() => call(outside, "binaryCrossEntropy" as never), {
        name: "RangeError",
        message:
          `Cannot ${action} as data.y must hold targets in [0, 1] for the loss "binaryCrossEntropy": data.y.data[0]=2`,
      });
      assert.throws(() => call(labels, "foo" as never), {
        name: "RangeError",
        message:
          `Cannot ${action} as loss must be a Loss (name, value, valueAndGrad) or one of "mse", "meanSquaredError", "softmaxCrossEntropy", "crossEntropy", "binaryCrossEntropy": loss="foo"`,
      });
      assert.throws(() => call(labels, 5 as never), {
        name: "TypeError",
        message: new RegExp(
          `^Cannot ${action} as loss must be a Loss \\(name, value, valueAndGrad\\) or one of .*: loss=5$`,
        ),
      });
    });
  }
  await t.step("the losses that fit still work, binary cross-entropy on a matrix too", () => {
    assert.equal(gradientNorms(model, targets, { loss: "mse" }).length, 2);
    assert.equal(gradientNorms(model, targets, { loss: "binaryCrossEntropy" }).length, 2);
    assert.equal(gradientNorms(model, labels, { loss: "crossEntropy" }).length, 2);
  });
});

Deno.test("deadNeurons(), activationStatistics() and activationSparsity() refuse a data set without y as neither a matrix nor a data set", () => {
  const model = mlp([2, 4, 2], { seed: 1 }), x = fromRows([[0.1, 0.2]]);
  const calls = [
    ["find dead neurons", () => deadNeurons(model, { x } as never)],
    ["measure activations", () => activationStatistics(model, { x } as never)],
    ["measure activations", () => activationSparsity(model, { x } as never)],
    ["measure activations", () => activationSparsity(model, { inputs: x } as never)],
  ] as const;
  for (const [action, call] of calls) {
    assert.throws(call, {
      name: "TypeError",
      message: new RegExp(
        `^Cannot ${action} as data must be a Matrix \\{ rows, cols, data \\} or a Dataset \\{ x, y \\}: data=\\{ (x|inputs): \\{ rows: 1, cols: 2, data: Float64Array\\(2\\) \\} \\}$`,
      ),
    });
  }
});

Deno.test("deadNeurons(), activationStatistics() and activationSparsity() refuse a data set whose labels do not match its inputs", () => {
  const model = mlp([2, 4, 2], { seed: 1 }), x = fromRows([[0.1, 0.2], [0.3, 0.4]]);
  const calls = [
    ["find dead neurons", (data: never) => deadNeurons(model, data)],
    ["measure activations", (data: never) => activationStatistics(model, data)],
    ["measure activations", (data: never) => activationSparsity(model, data)],
  ] as const;
  for (const [action, call] of calls) {
    assert.throws(() => call({ x, y: new Int32Array([1]) } as never), {
      name: "RangeError",
      message:
        `Cannot ${action} as x and y must have the same number of rows: x is 2x2, y has 1 rows`,
    });
    assert.throws(() => call({ x, y: [0, 1] } as never), {
      name: "TypeError",
      message: new RegExp(`^Cannot ${action} as data\\.y must be an Int32Array of class labels`),
    });
  }
});

Deno.test("gradientCheck() refuses a step or floor outside the range where the check means something", () => {
  const model = mlp([2, 3, 2], { seed: 1 }), data = blobs(4, 2, 1);
  for (const epsilon of [1e-320, 1e-9, 0.2, 1e300]) {
    assert.throws(() => gradientCheck(model, data, { epsilon }), {
      name: "RangeError",
      message:
        `Cannot check gradients as epsilon must be a finite number >= 1e-8 and <= 0.1: epsilon=${epsilon}`,
    });
  }
  for (const floor of [2, 1e300]) {
    assert.throws(() => gradientCheck(model, data, { floor }), {
      name: "RangeError",
      message:
        `Cannot check gradients as floor must be a finite number > 0 and <= 1: floor=${floor}`,
    });
  }
  for (const options of [{ epsilon: 1e-8 }, { epsilon: 0.1 }, { floor: 1 }]) {
    assert.ok(Number.isFinite(gradientCheck(model, data, options).maxRelativeError));
  }
});

Deno.test("every diagnostic refuses an argument past its last one, naming itself", () => {
  const model = mlp([2, 3, 2], { seed: 1 }), data = blobs(4, 2, 1);
  // deno-lint-ignore no-explicit-any
  type Loose = (...args: any[]) => unknown;
  const calls: [() => unknown, string][] = [
    [
      () => (deadNeurons as Loose)(model, data, { loss: "mse" }),
      'Cannot find dead neurons as deadNeurons takes model and data, no third argument: third={ loss: "mse" }',
    ],
    [
      () => (activationStatistics as Loose)(model, data, 1),
      "Cannot measure activations as activationStatistics takes model and data, no third argument: third=1",
    ],
    [
      () => (activationSparsity as Loose)(model, data, 1),
      "Cannot measure activations as activationSparsity takes model and data, no third argument: third=1",
    ],
    [
      () => (gradientNorms as Loose)(model, data, {}, 7),
      "Cannot compute gradient norms as gradientNorms takes model, data and options, no fourth argument: fourth=7",
    ],
    [
      () => (gradientCheck as Loose)(model, data, {}, 7),
      "Cannot check gradients as gradientCheck takes model, data and options, no fourth argument: fourth=7",
    ],
    [
      () => (diagnose as Loose)(model, data, {}, 7),
      "Cannot diagnose a model as diagnose takes model, data and options, no fourth argument: fourth=7",
    ],
  ];
  for (const [call, message] of calls) assert.throws(call, { name: "TypeError", message });
});

Deno.test("diagnose(), gradientNorms() and gradientCheck() refuse a data set of more classes than the model outputs, as train() does", () => {
  const model = mlp([2, 3, 2], { seed: 1 });
  const data = dataset(fromRows([[0, 1], [1, 0]]), Int32Array.of(0, 1), { classes: 10 });
  const checks: [string, () => unknown][] = [
    ["diagnose a model", () => diagnose(model, data)],
    ["compute gradient norms", () => gradientNorms(model, data)],
    ["check gradients", () => gradientCheck(model, data)],
  ];
  for (const [action, call] of checks) {
    assert.throws(call, {
      name: "RangeError",
      message:
        `Cannot ${action} as the model must output every class of data (one output per class, or one output for two classes): data.classes=10, the model has 2 outputs`,
    });
  }
  const fits = dataset(data.x, data.y as Int32Array, { classes: 2 });
  assert.equal(diagnose(model, fits).gradients.length > 0, true);
});
