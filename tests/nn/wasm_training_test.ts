/**
 * The training step kept in WebAssembly memory (`src/nn/_wasm_training.ts`): which runs take
 * it, and that a run taking it gives the bits of the layer-by-layer loop (the same run with the
 * optimizer passed as an object, which always takes the loop).
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type Activation,
  ActivationLayer,
  adam,
  adamW,
  correctCount,
  createActivation,
  createPrng,
  dataset,
  Dense,
  type History,
  type Layer,
  type Loss,
  matrix,
  mlp,
  type Optimizer,
  randomNormal,
  Sequential,
  sgd,
  softmaxCrossEntropy,
  softmaxCrossEntropyGrad,
  softmaxCrossEntropyValue,
  sumOfSquares,
  train,
  trainAsync,
  TrainingDivergedError,
  type TrainOptions,
  twoMoons,
} from "../../src/mod.ts";
import { ActivationFunction } from "../../src/activations/mod.ts";
import { instantiateDenseModule } from "../../src/nn/_gemm.ts";
import { keptMemory, type StepExports, wasmTraining } from "../../src/nn/_wasm_training.ts";
import { reluForward64 } from "../../src/activations/relu.ts";
import type { Dataset } from "../../src/core/dataset.ts";
import { fromRows } from "../../src/core/matrix.ts";

/** 8x8-image-like data: about half the pixels 0, the rest sixteenths; ten classes. */
function pixels(rows: number, seed: number): Dataset {
  const prng = createPrng(seed);
  const x = matrix(rows, 64);
  for (let i = 0; i < x.data.length; i++) {
    x.data[i] = prng() < 0.5 ? 0 : Math.floor(prng() * 16) / 16;
  }
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) y[i] = Math.floor(prng() * 10);
  return dataset(x, y);
}

/** Batch and evaluation rows for the planning checks. */
const ROWS = { batchRows: 32, evaluationRows: 64, dataRows: 100 };

/** The history without the timings. */
function figures(history: History): unknown[] {
  return history.map(({ seconds: _, ...record }) => record);
}

/**
 * Every weight, bias and gradient of a model, as bits, and what its activation layers saw in the
 * last forward pass.
 */
function state(model: Sequential): string[] {
  return [
    ...model.params().flatMap((p) => [bitsOf(p.value), bitsOf(p.grad)]),
    ...model.layers.flatMap((layer) => layer instanceof ActivationLayer ? lastValues(layer) : []),
  ];
}

/** An activation layer's last input and output: shapes and bits. */
function lastValues(layer: ActivationLayer | Layer): string[] {
  assert.ok(layer instanceof ActivationLayer);
  const { lastInput: z, lastOutput: y } = layer;
  assert.ok(z !== undefined && y !== undefined, "the layer has values of a forward pass");
  return [`${z.rows}x${z.cols}`, bitsOf(z.data), `${y.rows}x${y.cols}`, bitsOf(y.data)];
}

function bitsOf(values: Float64Array): string {
  return Array.from(new BigUint64Array(values.slice().buffer), (b) => b.toString(16)).join(",");
}

/**
 * Trains two copies of a model on `data`: one with the optimizer by name (the WebAssembly step),
 * one with the same optimizer as an object (the layer-by-layer loop), and checks they agree.
 * The model: `mlp(sizes, { seed: 7 })` (a ReLU network), or what `build` returns.
 */
function assertSameRun(
  model: number[] | (() => Sequential),
  data: Dataset,
  name: "sgd" | "adam" | "adamW",
  object: () => Optimizer,
  options: TrainOptions,
): History {
  const build = typeof model === "function" ? model : () => mlp(model, { seed: 7 });
  const byName = build(), byObject = build();
  assert.ok(wasmTraining(byName, name, object(), ROWS) !== undefined, "the run takes the step");
  const { weightDecay: _, ...rest } = options;
  const a = train(byName, data, { ...options, optimizer: name });
  assertRanInMemory(byName);
  const b = train(byObject, data, { ...rest, optimizer: object() });
  assert.deepEqual(figures(a), figures(b));
  assert.deepEqual(state(byName), state(byObject));
  backwardAfterRun(byName);
  backwardAfterRun(byObject);
  assert.deepEqual(state(byName), state(byObject), "a backward pass after the run");
  return a;
}

/**
 * Checks that `train()` took the WebAssembly step for `model`'s run just ended: the memory it left
 * for the next run holds every trained weight and bias of the model's last layer (64-bit values
 * that do not turn up in a memory by chance).
 */
function assertRanInMemory(model: Sequential): void {
  const memory = keptMemory();
  assert.ok(memory !== undefined, "train() left a WebAssembly memory");
  const held = new Set(new BigUint64Array(memory.buffer));
  const last = model.params().slice(-2).flatMap((
    p,
  ) => [...new BigUint64Array(p.value.slice().buffer)]);
  const missing = last.filter((bits) => !held.has(bits));
  assert.equal(missing.length, 0, `train() took the WebAssembly step: ${missing.length} missing`);
}

/** A 64-33-17-10 network: a Leaky ReLU (alpha 0.2), then a ReLU. */
function leakyBelowRelu(): Sequential {
  const { layers } = mlp([64, 33, 17, 10], { activation: "leakyRelu", alpha: 0.2, seed: 7 });
  return new Sequential(
    layers.map((layer, i) => i === 3 ? new ActivationLayer(createActivation("relu"), 17) : layer),
  );
}

/** A backward pass after training, through what the last forward pass left in the layers. */
function backwardAfterRun(model: Sequential): void {
  const rows = (model.layers[1] as ActivationLayer).lastOutput!.rows;
  const grad = matrix(rows, model.outputSize);
  for (let i = 0; i < grad.data.length; i++) grad.data[i] = (i * 7) % 5 - 2;
  model.zeroGrad();
  model.backward(grad);
}

Deno.test("a run in WebAssembly memory gives the layer-by-layer loop's bits", async (t) => {
  await t.step("Adam on image-like data, running metrics, last batch short", () => {
    const history = assertSameRun([64, 64, 10], pixels(503, 1), "adam", () => adam(), {
      epochs: 8,
      batchSize: 200,
      learningRate: 1e-3,
      trainMetrics: "running",
      seed: 2,
    });
    assert.ok(history[7].trainLoss < history[0].trainLoss, "it learns");
  });
  await t.step("Adam, three layers of odd widths, end-of-epoch metrics and a test set", () => {
    assertSameRun([64, 33, 17, 10], pixels(301, 3), "adam", () => adam(), {
      epochs: 6,
      batchSize: 64,
      learningRate: 1e-2,
      test: pixels(50, 4),
      seed: 5,
    });
  });
  await t.step("Adam, evaluation over several chunks of the training and test sets", () => {
    assertSameRun([64, 20, 10], pixels(1100, 11), "adam", () => adam(), {
      epochs: 3,
      batchSize: 128,
      learningRate: 1e-2,
      test: pixels(600, 12),
      seed: 13,
    });
  });
  await t.step("SGD with weight decay on two moons", () => {
    const decayed = () => sgd({ weightDecay: 1e-3 });
    assertSameRun([2, 64, 64, 2], twoMoons({ n: 300, seed: 1 }), "sgd", decayed, {
      epochs: 10,
      batchSize: 32,
      learningRate: 0.1,
      weightDecay: 1e-3,
      seed: 6,
    });
  });
  await t.step("AdamW with weight decay, a batch larger than the data set", () => {
    const decayed = () => adamW({ weightDecay: 0.02 });
    assertSameRun([2, 9, 1, 2], twoMoons({ n: 40, seed: 2 }), "adamW", decayed, {
      epochs: 5,
      batchSize: 64,
      learningRate: 0.05,
      weightDecay: 0.02,
      trainMetrics: "running",
      seed: 7,
    });
  });
  await t.step("Leaky ReLU (alpha 0.01), Adam on image-like data, running metrics", () => {
    const leaky = () => mlp([64, 64, 10], { activation: "leakyRelu", seed: 7 });
    const history = assertSameRun(leaky, pixels(503, 1), "adam", () => adam(), {
      epochs: 6,
      batchSize: 200,
      learningRate: 1e-3,
      trainMetrics: "running",
      seed: 2,
    });
    assert.ok(history[5].trainLoss < history[0].trainLoss, "it learns");
  });
  await t.step("Leaky ReLU at alpha 0, run as a ReLU, SGD on two moons", () => {
    const leakyZero = () => mlp([2, 16, 16, 2], { activation: "leakyRelu", alpha: 0, seed: 7 });
    assertSameRun(leakyZero, twoMoons({ n: 200, seed: 3 }), "sgd", () => sgd(), {
      epochs: 5,
      batchSize: 32,
      learningRate: 0.1,
      seed: 4,
    });
  });
  await t.step(
    "Leaky ReLU (alpha 0.3), SGD with weight decay, end-of-epoch metrics, a test set",
    () => {
      const leaky = () => mlp([2, 32, 32, 2], { activation: "leakyRelu", alpha: 0.3, seed: 7 });
      const decayed = () => sgd({ weightDecay: 1e-3 });
      assertSameRun(leaky, twoMoons({ n: 300, seed: 1 }), "sgd", decayed, {
        epochs: 8,
        batchSize: 32,
        learningRate: 0.1,
        weightDecay: 1e-3,
        test: twoMoons({ n: 100, seed: 2 }),
        seed: 6,
      });
    },
  );
  await t.step(
    "a Leaky ReLU (alpha 0.2) below a ReLU, AdamW, evaluation over several chunks",
    () => {
      assertSameRun(leakyBelowRelu, pixels(1100, 11), "adamW", () => adamW({ weightDecay: 0.01 }), {
        epochs: 3,
        batchSize: 128,
        learningRate: 1e-2,
        weightDecay: 0.01,
        test: pixels(600, 12),
        seed: 13,
      });
    },
  );
  await t.step("a regression with matrix targets and mean squared error", () => {
    const prng = createPrng(8), x = matrix(90, 3), y = matrix(90, 2);
    for (let i = 0; i < x.data.length; i++) x.data[i] = randomNormal(prng);
    for (let i = 0; i < 90; i++) {
      y.data[2 * i] = x.data[3 * i] - x.data[3 * i + 2];
      y.data[2 * i + 1] = Math.abs(x.data[3 * i + 1]);
    }
    assertSameRun([3, 16, 2], dataset(x, y), "sgd", () => sgd(), {
      epochs: 4,
      batchSize: 16,
      learningRate: 0.05,
      seed: 9,
    });
  });
  await t.step(
    "SGD with weight decay on odd parameter counts (15 and 35 weights, 5 and 7 biases)",
    () => {
      // The step updates two values an instruction; an odd count leaves one to a scalar tail.
      const prng = createPrng(10), x = matrix(60, 3), y = matrix(60, 2);
      for (let i = 0; i < x.data.length; i++) x.data[i] = randomNormal(prng);
      for (let i = 0; i < y.data.length; i++) y.data[i] = randomNormal(prng);
      assertSameRun([3, 5, 7, 2], dataset(x, y), "sgd", () => sgd({ weightDecay: 1e-2 }), {
        epochs: 3,
        batchSize: 16,
        learningRate: 0.05,
        weightDecay: 1e-2,
        seed: 11,
      });
    },
  );
});

Deno.test("callbacks see the model as the loop leaves it, and what they change is trained on", () => {
  const run = (optimizer: "adam" | Optimizer) => {
    const model = mlp([2, 16, 16, 2], { seed: 3 });
    const points = twoMoons({ n: 10, seed: 9 }).x;
    const seen: number[] = [];
    const values: string[][] = [];
    const history = train(model, twoMoons({ n: 200, seed: 3 }), {
      epochs: 4,
      batchSize: 50,
      learningRate: 0.01,
      optimizer,
      onStep: ({ step }) => {
        const dense = model.params();
        seen.push(dense[0].value[0], dense[1].grad[3]);
        dense[2].value[5] = 0; // a connection cut after every step
        values.push(lastValues(model.layers[3])); // this step's batch
        if (step % 3 === 0) model.predict(points); // a forward pass of other points in between
        values.push(lastValues(model.layers[1]));
      },
      onEpoch: () => {
        model.params()[3].value.fill(0.25); // the second layer's biases reset each epoch
        values.push(lastValues(model.layers[1])); // the last evaluated chunk
      },
      seed: 4,
    });
    return { figures: figures(history), seen, values, state: state(model) };
  };
  assert.deepEqual(run("adam"), run(adam()));
});

Deno.test("a change to the training data in onEpoch is trained on from the next epoch", () => {
  const run = (optimizer: "sgd" | Optimizer) => {
    const data = twoMoons({ n: 150, seed: 6 });
    const model = mlp([2, 12, 2], { seed: 6 });
    const history = train(model, data, {
      epochs: 4,
      batchSize: 40,
      learningRate: 0.1,
      optimizer,
      onEpoch: (record) => {
        for (let i = 0; i < data.x.rows; i++) data.x.data[2 * i] += record.epoch; // a shift
      },
      seed: 8,
    });
    return { figures: figures(history), state: state(model) };
  };
  assert.deepEqual(run("sgd"), run(sgd()));
});

Deno.test("a loss that throws mid-epoch leaves the weights of the last step and its batch's values", () => {
  const run = (optimizer: "adam" | Optimizer) => {
    const model = mlp([2, 10, 2], { seed: 2 });
    let calls = 0;
    const failing: Loss = {
      name: "failing",
      value: softmaxCrossEntropy.value,
      valueAndGrad: (out, y, grad) => {
        if (++calls === 7) throw new Error("the seventh batch");
        return softmaxCrossEntropy.valueAndGrad(out, y, grad);
      },
    };
    assert.throws(
      () =>
        train(model, twoMoons({ n: 100, seed: 4 }), {
          epochs: 3,
          batchSize: 25,
          learningRate: 0.05,
          optimizer,
          loss: failing,
        }),
      /seventh batch/,
    );
    // The weights, and the ReLU's values of the seventh batch's forward pass.
    return [...model.params().map((p) => bitsOf(p.value)), ...lastValues(model.layers[1])];
  };
  assert.deepEqual(run("adam"), run(adam()));
});

Deno.test("a diverging run stops at the same step, leaving the same weights and zero gradients", async (t) => {
  for (const activation of ["relu", "leakyRelu"]) {
    await t.step(activation, () => assertSameDivergence(activation));
  }
});

/** A run of a 2-8-2 network at learning rate 1e20: the same error and state on both paths. */
function assertSameDivergence(activation: string): void {
  const run = (optimizer: "sgd" | Optimizer) => {
    const model = mlp([2, 8, 2], { activation, seed: 1 });
    const error = assert.throws(
      () =>
        train(model, twoMoons({ n: 64, seed: 5 }), {
          epochs: 50,
          batchSize: 8,
          learningRate: 1e20,
          optimizer,
        }),
      TrainingDivergedError,
    );
    return { error, state: state(model) };
  };
  const byName = run("sgd"), byObject = run(sgd());
  assert.equal(String(byName.error), String(byObject.error));
  assert.deepEqual(byName.state, byObject.state);
  const zeros = bitsOf(new Float64Array(16));
  assert.equal(byName.state[1], zeros, "the first weight gradient is zero");
}

Deno.test("a run on the memory an earlier run left gives the layer-by-layer loop's bits", () => {
  // An earlier run leaves its memory full of values: weights, Adam's moments, flags, lists.
  train(mlp([64, 40, 30, 10], { seed: 4 }), pixels(400, 9), {
    epochs: 3,
    batchSize: 100,
    learningRate: 1e-2,
    optimizer: "adam",
    seed: 4,
  });
  const left = keptMemory();
  assert.ok(left !== undefined, "the run kept its memory");
  assert.ok(new Float64Array(left.buffer).some((v) => v !== 0), "holding its values");
  // A smaller run with other layers takes it (moments and flags must start at zero again).
  const options: TrainOptions = { epochs: 4, batchSize: 50, learningRate: 1e-2, seed: 5 };
  const data = pixels(170, 10);
  const byName = mlp([64, 24, 10], { seed: 5 }), byObject = mlp([64, 24, 10], { seed: 5 });
  const a = train(byName, data, { ...options, optimizer: "adam" });
  assert.equal(keptMemory(), left, "the second run ran on it and left it again");
  const b = train(byObject, data, { ...options, optimizer: adam() });
  assert.deepEqual(figures(a), figures(b));
  assert.deepEqual(state(byName), state(byObject));
});

Deno.test("runs that interleave each take a memory of their own", async () => {
  const data = twoMoons({ n: 200, seed: 3 });
  const options: TrainOptions = { epochs: 5, batchSize: 16, learningRate: 0.1, seed: 6 };
  const run = (optimizer: "sgd" | Optimizer, seed: number, inMemory = false) => {
    const model = mlp([2, 16, 16, 2], { seed });
    return trainAsync(model, data, { ...options, optimizer }).then((history) => {
      // Checked as each run ends, when the memory it leaves is the one kept.
      if (inMemory) assertRanInMemory(model);
      return { figures: figures(history), state: state(model) };
    });
  };
  // trainAsync gives the event loop a turn after each epoch: the two runs alternate.
  const [first, second] = await Promise.all([run("sgd", 1, true), run("sgd", 2, true)]);
  assert.deepEqual(first, await run(sgd(), 1));
  assert.deepEqual(second, await run(sgd(), 2));
  assert.notDeepEqual(first.state, second.state);
});

Deno.test("a run's memory is kept for the next run only up to 32 MiB", () => {
  const sizes = [64, 8, 2];
  const small = wasmTraining(mlp(sizes), "sgd", sgd(), ROWS)!;
  small.settle();
  small.release();
  const kept = keptMemory();
  assert.ok(kept !== undefined && kept.buffer.byteLength <= 32 * 2 ** 20);
  // 2^16 rows of 64 doubles: 32 MiB of training data, and the rest.
  const large = wasmTraining(mlp(sizes), "sgd", sgd(), { ...ROWS, dataRows: 2 ** 16 })!;
  assert.equal(keptMemory(), undefined, "the large run took the kept instance");
  assert.ok(large !== undefined);
  large.settle();
  large.release();
  assert.equal(keptMemory(), undefined, "and did not keep it");
});

Deno.test("only ReLU and Leaky ReLU networks with SGD, Adam or AdamW by name take the WebAssembly step", () => {
  const plain = mlp([2, 4, 2]);
  assert.ok(wasmTraining(plain, "sgd", sgd(), ROWS));
  assert.ok(wasmTraining(plain, "adamW", adamW(), ROWS));
  const huge = { ...ROWS, dataRows: 2 ** 27 }; // 2 GiB of data: copied in batch by batch instead
  assert.ok(wasmTraining(plain, "sgd", sgd(), huge));
  assert.equal(wasmTraining(plain, undefined, adam(), ROWS), undefined, "an optimizer object");
  assert.equal(wasmTraining(plain, "momentum", sgd({ momentum: 0.9 }), ROWS), undefined);
  assert.ok(wasmTraining(mlp([2, 4, 2], { activation: "leakyRelu" }), "sgd", sgd(), ROWS));
  assert.ok(wasmTraining(leakyBelowRelu(), "adam", adam(), ROWS), "Leaky ReLU and ReLU mixed");
  const leakyZero = mlp([2, 4, 2], { activation: "leakyRelu", alpha: 0 });
  assert.ok(wasmTraining(leakyZero, "sgd", sgd(), ROWS), "Leaky ReLU, alpha 0: run as a ReLU");
  const rightKink = mlp([2, 4, 2], { activation: createActivation("relu", { atZero: "right" }) });
  assert.equal(wasmTraining(rightKink, "sgd", sgd(), ROWS), undefined, "f'(0) = 1");
  const leakyRight = createActivation("leakyRelu", { alpha: 0.1, atZero: "right" });
  assert.equal(
    wasmTraining(mlp([2, 4, 2], { activation: leakyRight }), "sgd", sgd(), ROWS),
    undefined,
    "Leaky ReLU with f'(0) = 1",
  );
  for (const activation of ["prelu", "rrelu", "elu"]) {
    assert.equal(wasmTraining(mlp([2, 4, 2], { activation }), "sgd", sgd(), ROWS), undefined);
  }
  assert.equal(wasmTraining(mlp([2, 4, 2], { dropout: 0.5 }), "sgd", sgd(), ROWS), undefined);
  const lookalike = new ActivationFunction({
    name: "relu",
    label: "ReLU",
    params: { atZero: "left" },
    f: (z) => Math.max(z, 0),
    grad: (z) => (z > 0 ? 1 : 0),
    forward64: reluForward64,
    forward32: () => {},
    backward64: () => {},
    backward32: () => {},
    expression: "z > 0 ? z : 0",
    latex: "",
    gradLatex: "",
    kinks: [0],
  });
  assert.equal(
    wasmTraining(mlp([2, 4, 2], { activation: lookalike }), "sgd", sgd(), ROWS),
    undefined,
  );
  assert.equal(
    wasmTraining(mlp([2, 2]), "sgd", sgd(), ROWS) !== undefined,
    true,
    "one Dense layer",
  );
  class LoudDense extends Dense {}
  const subclassed = new Sequential([
    new LoudDense(2, 3),
    new ActivationLayer(createActivation("relu"), 3),
    new Dense(3, 2),
  ]);
  assert.equal(wasmTraining(subclassed, "sgd", sgd(), ROWS), undefined, "a subclass of Dense");
});

/** A new instance of the kernels, as the training step sees them. */
function stepExports(): StepExports {
  return instantiateDenseModule()?.exports as unknown as StepExports;
}

/** Every pair of these edge cases, as z and as the incoming gradient. */
const EDGES = [0, -0, 1, -1, 5e-324, -5e-324, Infinity, -Infinity, NaN, 1e308, -1e-308, 2.5];

/** Activations and the slope the step's backward kernel runs them at. */
const KINKS: [string, Activation, number][] = [
  ["ReLU", createActivation("relu"), 0],
  ...[0.01, 0.3, 1, 0, -0].map((alpha): [string, Activation, number] => [
    `Leaky ReLU, alpha ${Object.is(alpha, -0) ? "-0" : alpha}`,
    createActivation("leakyRelu", { alpha }),
    alpha,
  ]),
];

Deno.test("the step's backward kernel gives the left-kink gradient's bits of ReLU and Leaky ReLU", async (t) => {
  for (const [label, activation, slope] of KINKS) {
    await t.step(label, () => assertKinkBackward(slope, activation));
  }
});

/** The kernel at `slope` against `activation`'s backward pass on every pair of {@linkcode EDGES}. */
function assertKinkBackward(slope: number, activation: Activation): void {
  const ex = stepExports();
  const n = EDGES.length * EDGES.length + 1; // odd: the last element runs alone
  const heap = new Float64Array(ex.memory.buffer);
  const z = heap.subarray(0, n), g = heap.subarray(n, 2 * n);
  for (let i = 0; i < n; i++) {
    z[i] = EDGES[i % EDGES.length];
    g[i] = EDGES[Math.floor(i / EDGES.length) % EDGES.length];
  }
  ex.kinkBackward(0, n * 8, 3 * n * 8, n, slope);
  const gradient = new Float64Array(n);
  activation.backward(z.slice(), g.slice(), gradient);
  assert.equal(bitsOf(heap.slice(3 * n, 4 * n)), bitsOf(gradient));
}

Deno.test("the step's Leaky ReLU forward kernel gives the activation's bits", () => {
  const ex = stepExports();
  const heap = new Float64Array(ex.memory.buffer);
  // Odd: the last element, negative, runs alone.
  const values = [...EDGES, ...EDGES.map((v) => -3 * v), -2.5], n = values.length;
  heap.set(values);
  const z = heap.subarray(0, n);
  for (const alpha of [0.01, 0.3, 1, 5e-324]) {
    ex.leakyForward(0, n * 8, n, alpha);
    const y = createActivation("leakyRelu", { alpha }).forward(z.slice());
    assert.equal(bitsOf(heap.slice(n, 2 * n)), bitsOf(y), `alpha ${alpha}`);
  }
});

Deno.test("the products read a ReLU's input as its output: relu = 1 on z gives the bits of relu = 0 on reluForward64(z)", async (t) => {
  const ex = stepExports();
  const heap = new Float64Array(ex.memory.buffer);
  const words = new BigUint64Array(ex.memory.buffer);
  const edges = [0, -0, 1, -1, 5e-324, -5e-324, Infinity, -Infinity, NaN, 1e308, -1e-308, 2.5];
  const prng = createPrng(5);
  // Rows of A one by one (A = z) and two at a time (A = the transpose of z), with an odd count
  // of each so that the pair loops and the one-at-a-time loops all run.
  for (const [rows, inner, cols] of [[5, 13, 7], [4, 26, 24], [1, 5, 2]]) {
    for (const transposed of [false, true]) {
      await t.step(
        `${rows} x ${inner} times ${inner} x ${cols}, A ${transposed ? "transposed" : "by rows"}`,
        () => {
          const size = rows * inner;
          const Z = 0, Y = Z + 8 * size, B = Y + 8 * size, ZERO = B + 8 * inner * cols;
          const OUT = [0, 1, 2].map((k) => ZERO + 8 * cols + k * 8 * rows * cols);
          const S = OUT[2] + 8 * rows * cols;
          heap.fill(0, 0, S / 8 + 4 * Math.max(rows, inner));
          for (let i = 0; i < size; i++) {
            heap[Z / 8 + i] = i < 2 * edges.length ? edges[i % edges.length] : 4 * prng() - 2;
          }
          // A NaN with its sign bit set (not in the smallest case: every output would be NaN).
          if (size > 2 * edges.length) words[Z / 8 + size - 1] = 0xfff8000000000001n;
          for (let i = 0; i < inner * cols; i++) heap[B / 8 + i] = 2 * prng() - 1;
          const y = new Float64Array(size);
          reluForward64(heap.slice(Z / 8, Z / 8 + size), y);
          heap.set(y, Y / 8);
          const [rowStride, colStride] = transposed ? [8, rows * 8] : [inner * 8, 8];
          const product = (a: number, out: number, relu: number) => {
            ex.axpyRows(rows, inner, cols, a, rowStride, colStride, B, ZERO, 0, out, S, relu);
            return bitsOf(heap.slice(out / 8, out / 8 + rows * cols));
          };
          const fused = product(Z, OUT[0], 1);
          assert.equal(fused, product(Y, OUT[1], 0));
          assert.notEqual(fused, product(Z, OUT[2], 0), "relu = 0 takes the negative entries");
        },
      );
    }
  }
});

Deno.test("the step's sum of squares gives sumOfSquares' bits for every length mod 4", () => {
  const ex = stepExports();
  const heap = new Float64Array(ex.memory.buffer);
  const prng = createPrng(11);
  for (let n = 0; n <= 13; n++) {
    const values = heap.subarray(3, 3 + n); // byte offset 24: not 16-aligned
    for (let i = 0; i < n; i++) values[i] = (prng() - 0.5) * 10 ** Math.floor(prng() * 8);
    assert.equal(ex.sumSquares(24, n), sumOfSquares(values.slice()), `n = ${n}`);
  }
});

Deno.test("the step's softmax kernel gives softmaxCrossEntropyGrad's bits, the loss with the log, and correctCount's count", () => {
  const ex = stepExports();
  const heap = new Float64Array(ex.memory.buffer);
  // Rows that send exp through each of its cases: differences from 0 down to the subnormal
  // results (-708 to -745), underflow, -Infinity, and NaN (from a NaN or from +Infinity).
  const edges = [
    [0, -0, 3, -2],
    [0, -700, -720, -745.1],
    [1e3, 1e3 - 745.2, -Infinity, 1e3 - 1e-9],
    [NaN, 1, 2, 3],
    [Infinity, 0, -1, -Infinity],
    [-Infinity, -Infinity, -Infinity, -Infinity],
  ];
  const prng = createPrng(3);
  // From 2 columns: softmaxCrossEntropyGrad refuses one (its loss would be 0 whatever the logit),
  // as train refuses softmax cross-entropy on a model of one output.
  for (const cols of [2, 3, 4, 10]) {
    for (const rows of [1, 2, 7, 8]) {
      const values = Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => {
          const edge = edges[(i + cols) % edges.length];
          return j < edge.length && prng() < 0.5 ? edge[j] : (prng() - 0.5) * 60;
        }));
      const logits = fromRows(values);
      const labels = Int32Array.from({ length: rows }, () => Math.floor(prng() * cols));
      const n = rows * cols, g = 8 * n, at = 16 * n, stats = 17 * n * 8;
      heap.set(logits.data, 0);
      new Int32Array(ex.memory.buffer, at * 8, rows).set(labels);
      const correct = ex.softmaxRows(0, at * 8, rows, cols, g * 8, 1 / rows, stats);
      const where = `${rows} rows of ${cols}`;
      const expected = softmaxCrossEntropyGrad(logits, labels).data;
      // Strict deep equality: the same value (Object.is) in every entry, -0 apart from 0.
      assert.deepEqual(Array.from(heap.subarray(g, g + n)), Array.from(expected), where);
      let total = 0;
      for (let i = 0; i < rows; i++) {
        const max = heap[stats / 8 + 2 * i], sum = heap[stats / 8 + 2 * i + 1];
        total += max - logits.data[i * cols + labels[i]] + Math.log(sum);
      }
      assert.ok(Object.is(total / rows, softmaxCrossEntropyValue(logits, labels)), where);
      // correctCount reads one column as a binary output; the kernel counts for two or more.
      if (cols > 1) assert.equal(correct, correctCount(logits, labels), where);
    }
  }
});
