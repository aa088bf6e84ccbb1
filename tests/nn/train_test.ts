import assert from "node:assert/strict";
import {
  accuracy,
  ActivationLayer,
  adam,
  adamW,
  batches,
  Conv2D,
  createActivation,
  createPrng,
  type Dataset,
  dataset,
  Dense,
  type EpochRecord,
  fromRows,
  gradientNorms,
  matrix,
  mlp,
  PReLU,
  randomNormal,
  Sequential,
  sgd,
  softmaxCrossEntropy,
  softmaxCrossEntropyValue,
  stepDecay,
  train,
  trainAsync,
  TrainingDivergedError,
  type TrainOptions,
} from "../../src/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

/** Two concentric rings (radius about 1 and about 2.5): separable, but not by a line. */
function rings(n: number, seed: number): Dataset {
  const prng = createPrng(seed);
  const x = matrix(n, 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const radius = (label === 0 ? 1 : 2.5) + 0.2 * randomNormal(prng);
    const angle = 2 * Math.PI * prng();
    x.data[2 * i] = radius * Math.cos(angle);
    x.data[2 * i + 1] = radius * Math.sin(angle);
    y[i] = label;
  }
  return dataset(x, y);
}

/** A record without its timing, which is the one field allowed to differ between runs. */
function withoutTime({ seconds: _, ...rest }: EpochRecord) {
  return rest;
}

Deno.test("train() teaches a 2-16-16-2 ReLU MLP to separate two rings (> 95%)", () => {
  const model = mlp([2, 16, 16, 2], { seed: 1 });
  const history = train(model, rings(400, 1), {
    epochs: 60,
    batchSize: 16,
    learningRate: 0.05,
    optimizer: "momentum",
    test: rings(200, 2),
    seed: 3,
  });
  const last = history.at(-1)!;
  assert.ok(last.trainAccuracy! > 0.95, `train accuracy ${last.trainAccuracy}`);
  assert.ok(last.testAccuracy! > 0.95, `test accuracy ${last.testAccuracy}`);
  assert.ok(last.testLoss! < history[0].testLoss!);
});

Deno.test("train() with the same seeds gives the same weights and history bit for bit", () => {
  const run = (shuffleSeed: number) => {
    const model = mlp([2, 8, 8, 2], { activation: "prelu", dropout: 0.1, seed: 5 });
    const history = train(model, rings(100, 4), {
      epochs: 5,
      batchSize: 7,
      learningRate: 0.05,
      optimizer: "adam",
      seed: shuffleSeed,
      test: rings(50, 6),
    });
    return { json: JSON.stringify(model), history: history.map(withoutTime) };
  };
  const a = run(1), b = run(1), c = run(2);
  assert.equal(a.json, b.json);
  assert.deepEqual(a.history, b.history);
  assert.notEqual(a.json, c.json);
});

Deno.test("trainAsync() gives the same result as train()", async () => {
  const data = rings(60, 8);
  const options = { epochs: 3, batchSize: 10, learningRate: 0.1, seed: 2 };
  const syncModel = mlp([2, 6, 2], { seed: 3 });
  const asyncModel = mlp([2, 6, 2], { seed: 3 });
  const syncHistory = train(syncModel, data, options);
  const asyncHistory = await trainAsync(asyncModel, data, options);
  assert.equal(JSON.stringify(asyncModel), JSON.stringify(syncModel));
  assert.deepEqual(asyncHistory.map(withoutTime), syncHistory.map(withoutTime));
});

/** The two training paths: the whole step in WebAssembly memory (by name), layer by layer. */
const PATHS = [["by name", () => "sgd" as const], ["layer by layer", () => sgd()]] as const;

/**
 * One epoch of a 2-8-2 network in two batches of 20 at a learning rate of 1e-300, which leaves
 * every weight as it was (the biases move by about 1e-300): each step sees the initial model.
 */
function frozenEpoch(data: Dataset, options: TrainOptions): EpochRecord {
  const settings = { epochs: 1, batchSize: 20, learningRate: 1e-300, ...options };
  return train(mlp([2, 8, 2], { seed: 3 }), data, settings)[0];
}

Deno.test("train() records each Dense layer's gradient norm before its update, averaged over the epoch's steps", async (t) => {
  // Each step's gradient is the initial model's on its batch: gradientNorms() of that batch.
  const data = rings(40, 3);
  const steps = batches(data, 20, { shuffle: false })
    .map((batch) => gradientNorms(mlp([2, 8, 2], { seed: 3 }), batch).map((n) => n.total));
  for (const [path, optimizer] of PATHS) {
    await t.step(path, () => {
      const record = frozenEpoch(data, { shuffle: false, optimizer: optimizer() });
      assert.equal(record.gradNorm.length, 2);
      record.gradNorm.forEach((norm, d) => {
        const want = (steps[0][d] + steps[1][d]) / 2;
        assert.ok(Math.abs(norm - want) <= 1e-12 * want, `layer ${d}: ${norm} vs ${want}`);
      });
    });
  }
});

Deno.test("train() records a Conv2D layer's gradient norm too, as gradientNorms() measures it", () => {
  // 6×6 images, two 3×3 filters, tanh, a Dense layer; one full batch at a learning rate of
  // 1e-300, so the epoch's one step sees the initial model, whose full-batch gradient
  // gradientNorms() measures.
  const prng = createPrng(4);
  const x = matrix(12, 36);
  for (let i = 0; i < x.data.length; i++) x.data[i] = randomNormal(prng);
  const data = dataset(x, Int32Array.from({ length: 12 }, (_, i) => i % 2));
  const model = () =>
    new Sequential([
      new Conv2D(6, 6, { filters: 2, seed: 1 }),
      new ActivationLayer(createActivation("tanh"), 32),
      new Dense(32, 2, { seed: 2 }),
    ]);
  const want = gradientNorms(model(), data).map((n) => n.total);
  const [record] = train(model(), data, { epochs: 1, batchSize: 12, learningRate: 1e-300 });
  assert.equal(record.gradNorm.length, 2);
  record.gradNorm.forEach((norm, d) => {
    assert.ok(
      norm > 0 && Math.abs(norm - want[d]) <= 1e-12 * want[d],
      `${d}: ${norm} vs ${want[d]}`,
    );
  });
});

Deno.test("train() records each PReLU layer's slope gradient norm, as the full-batch gradient of its slopes", async (t) => {
  // One full batch at a learning rate of 1e-300: the epoch's one step sees the initial model.
  const data = rings(30, 5);
  const model = () => mlp([2, 6, 6, 2], { activation: "prelu", alpha: 0.1, seed: 5 });
  const slopeNorms = () => {
    const reference = model();
    gradientNorms(reference, data); // leaves the full-batch gradient in the model
    return reference.layers.filter((layer) => layer instanceof PReLU)
      .map((layer) => Math.hypot(...layer.alphaGrad));
  };
  await t.step("one norm per PReLU layer, next to its slopes", () => {
    const want = slopeNorms();
    const [record] = train(model(), data, { epochs: 1, batchSize: 30, learningRate: 1e-300 });
    assert.equal(record.preluSlopeGradNorm!.length, 2);
    record.preluSlopeGradNorm!.forEach((norm, p) => {
      assert.ok(
        norm > 0 && Math.abs(norm - want[p]) <= 1e-12 * want[p],
        `PReLU layer ${p}: ${norm} vs ${want[p]}`,
      );
    });
  });
  await t.step("0 where every pre-activation is positive, as the slopes act on z <= 0 only", () => {
    // |w · x| is a few units at most here, so a bias of 100 keeps the one hidden layer's z > 0.
    const [record] = train(
      mlp([2, 6, 2], { activation: "prelu", biasInit: 100, seed: 5 }),
      data,
      { epochs: 1, batchSize: 30 },
    );
    assert.deepEqual(record.preluSlopeGradNorm, [0]);
    assert.ok(record.gradNorm.every((norm) => norm > 0));
  });
  await t.step("absent without PReLU layers", () => {
    const [record] = train(mlp([2, 4, 2]), data, { epochs: 1 });
    assert.equal(record.preluSlopeGradNorm, undefined);
  });
});

Deno.test("train() reports the loss and accuracy it saw: over the batches as they came (running) or over the whole set after the epoch (end)", async (t) => {
  // The model stays as it was, so both equal the initial model's loss and accuracy on the set.
  const data = rings(40, 3), y = data.y as Int32Array;
  const logits = mlp([2, 8, 2], { seed: 3 }).forward(data.x);
  const want = { loss: softmaxCrossEntropyValue(logits, y), accuracy: accuracy(logits, y) };
  for (const [path, optimizer] of PATHS) {
    for (const trainMetrics of ["running", "end"] as const) {
      await t.step(`${path}, ${trainMetrics}`, () => {
        const record = frozenEpoch(data, { optimizer: optimizer(), trainMetrics });
        assert.equal(record.trainAccuracy, want.accuracy);
        assert.ok(Math.abs(record.trainLoss - want.loss) <= 1e-12, `${record.trainLoss}`);
      });
    }
  }
});

Deno.test("train() records one entry per epoch with the documented fields", () => {
  const model = mlp([2, 4, 4, 2], { activation: "prelu", seed: 1 });
  const history = train(model, rings(40, 1), {
    epochs: 4,
    batchSize: 8,
    learningRate: stepDecay({ initial: 0.1, every: 2 }),
    test: rings(20, 2),
  });
  assert.deepEqual(history.map((r) => r.epoch), [1, 2, 3, 4]);
  assert.deepEqual(history.map((r) => r.learningRate), [0.1, 0.1, 0.05, 0.05]);
  for (const record of history) {
    assert.equal(record.deadFraction.length, 2);
    assert.equal(record.gradNorm.length, 3);
    assert.ok(record.gradNorm.every((g) => g > 0));
    assert.equal(record.preluSlopes!.length, 2);
    assert.equal(record.preluSlopes![0].length, 4);
    assert.equal(record.preluSlopeGradNorm!.length, 2);
    assert.ok(record.seconds >= 0);
    for (
      const v of [record.trainLoss, record.testLoss!, record.trainAccuracy!, record.testAccuracy!]
    ) {
      assert.ok(Number.isFinite(v));
    }
  }
  const relu = train(mlp([2, 4, 2]), rings(20, 1), { epochs: 1 });
  assert.equal(relu[0].preluSlopes, undefined);
  assert.equal(relu[0].testLoss, undefined);
});

Deno.test("train() reports neurons that start dead with a bias of -3", () => {
  // Inputs of norm about 0.3 and He weights (std 1) almost never lift z over a bias of -3.
  const small = rings(100, 1);
  small.x.data.forEach((v, i) => (small.x.data[i] = v / 8));
  const history = train(mlp([2, 32, 2], { biasInit: -3, seed: 1 }), small, {
    epochs: 1,
    learningRate: 0.01,
  });
  assert.ok(history[0].deadFraction[0] > 0.9, `${history[0].deadFraction}`);
  const healthy = train(mlp([2, 32, 2], { seed: 1 }), small, { epochs: 1 });
  assert.ok(healthy[0].deadFraction[0] < 0.2, `${healthy[0].deadFraction}`);
});

Deno.test("train() measures the training set after each epoch in evaluation mode", () => {
  const data = rings(50, 3);
  const model = mlp([2, 6, 2], { seed: 2, dropout: 0.5 });
  const [record] = train(model, data, { epochs: 1, batchSize: 10 });
  const loss = softmaxCrossEntropyValue(model.predict(data.x), data.y as Int32Array);
  assert.ok(Math.abs(record.trainLoss - loss) < 1e-12);
});

Deno.test("train() with trainMetrics 'running' averages the mini-batch losses", () => {
  const data = rings(25, 3);
  const losses: number[] = [];
  const [record] = train(mlp([2, 6, 2], { seed: 2 }), data, {
    epochs: 1,
    batchSize: 10,
    trainMetrics: "running",
    onStep: (info) => losses.push(info.loss),
  });
  // Batches of 10, 10 and 5 rows, each loss a mean over its rows.
  const expected = (10 * losses[0] + 10 * losses[1] + 5 * losses[2]) / 25;
  assert.ok(Math.abs(record.trainLoss - expected) < 1e-12);
  assert.throws(
    () => train(mlp([2, 6, 2]), data, { trainMetrics: "sometimes" as "end" }),
    RangeError,
  );
});

Deno.test("train() calls onStep every step and stops when onEpoch returns false", () => {
  const steps: number[] = [];
  const history = train(mlp([2, 4, 2]), rings(25, 1), {
    epochs: 10,
    batchSize: 10,
    onStep: (info) => steps.push(info.step),
    onEpoch: (record) => record.epoch < 2,
  });
  assert.equal(history.length, 2);
  assert.deepEqual(steps, [1, 2, 3, 1, 2, 3]);
});

Deno.test("trainAsync() awaits an async onEpoch: its false stops training, its error reaches the caller", async () => {
  const data = rings(20, 1);
  const stopped = await trainAsync(mlp([2, 4, 2]), data, {
    epochs: 5,
    onEpoch: async (record) => {
      await Promise.resolve();
      return record.epoch < 2;
    },
  });
  assert.equal(stopped.length, 2);
  await assert.rejects(
    () =>
      trainAsync(mlp([2, 4, 2]), data, {
        epochs: 5,
        onEpoch: async () => {
          await Promise.resolve();
          throw new Error("the caller's own");
        },
      }),
    { message: "the caller's own" },
  );
});

Deno.test("train() refuses a callback whose promise it cannot await, an async one before anything changes", async (t) => {
  const data = rings(20, 1);
  await t.step("an async onEpoch, or any async onStep, refused up front", async () => {
    const model = mlp([2, 4, 2], { seed: 2 });
    const before = JSON.stringify(model);
    assert.throws(() => train(model, data, { onEpoch: async () => await Promise.resolve(false) }), {
      name: "TypeError",
      message:
        "Cannot train as onEpoch must not be an async function, whose promise train cannot await (trainAsync awaits an async onEpoch): onEpoch=async function onEpoch",
    });
    const tally = { onStep: async function tally() {} };
    const refused = {
      name: "TypeError",
      message:
        /^Cannot train as onStep must not be an async function, .*: onStep=async function tally$/,
    };
    assert.throws(() => train(model, data, tally), refused);
    await assert.rejects(() => trainAsync(model, data, tally), refused);
    assert.equal(JSON.stringify(model), before);
  });
  await t.step("a plain function returning a promise, refused when it returns it", async () => {
    const rejected = () => Promise.reject(new Error("never unhandled"));
    assert.throws(() => train(mlp([2, 4, 2]), data, { onEpoch: rejected as never }), {
      name: "TypeError",
      message:
        "Cannot train as onEpoch must return its result, not a promise (trainAsync awaits an async onEpoch): onEpoch returned a promise",
    });
    await assert.rejects(() => trainAsync(mlp([2, 4, 2]), data, { onStep: rejected as never }), {
      name: "TypeError",
      message:
        /^Cannot train as onStep must return its result, not a promise .*: onStep returned a promise$/,
    });
    // Their rejections were handled: the test would fail on an unhandled one.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});

Deno.test("train() hands each record to a progress function and is quiet by default", () => {
  const seen: number[] = [];
  train(mlp([2, 4, 2]), rings(20, 1), {
    epochs: 3,
    progress: (record, { epochs }) => {
      seen.push(record.epoch);
      assert.equal(epochs, 3);
    },
  });
  assert.deepEqual(seen, [1, 2, 3]);
});

Deno.test("train() with clipNorm bounds each SGD step by lr * clipNorm", () => {
  const data = rings(30, 1);
  const model = mlp([2, 8, 2], { seed: 1 });
  const before = model.params().map((p) => p.value.slice());
  train(model, data, { epochs: 1, batchSize: 30, learningRate: 0.5, clipNorm: 0.01 });
  let moved = 0;
  model.params().forEach((p, i) => p.value.forEach((v, j) => (moved += (v - before[i][j]) ** 2)));
  assert.ok(Math.sqrt(moved) <= 0.5 * 0.01 * (1 + 1e-12), `moved ${Math.sqrt(moved)}`);
  assert.ok(moved > 0);
});

Deno.test("train() fits a regression with the mean squared error by default", () => {
  const x = fromRows([[-1], [-0.5], [0], [0.5], [1]]);
  const y = fromRows([[1], [0.25], [0], [0.25], [1]]);
  const history = train(mlp([1, 16, 1], { seed: 2 }), dataset(x, y), {
    epochs: 300,
    batchSize: 5,
    learningRate: 0.05,
    optimizer: "adam",
  });
  assert.equal(history[0].trainAccuracy, undefined);
  assert.ok(history.at(-1)!.trainLoss < 0.01, `${history.at(-1)!.trainLoss}`);
});

Deno.test("train() throws TrainingDivergedError with the history so far on a non-finite loss", () => {
  const x = fromRows([[1e3, -1e3], [2e3, 5e2]]);
  const y = fromRows([[1e3, 0], [0, 1e3]]);
  const model = mlp([2, 8, 2], { activation: "leakyRelu", seed: 1 });
  let epochsSeen = 0;
  try {
    train(model, dataset(x, y), {
      epochs: 50,
      batchSize: 1,
      learningRate: 10,
      onEpoch: () => void epochsSeen++,
    });
    assert.fail("training should have diverged");
  } catch (error) {
    assert.ok(error instanceof TrainingDivergedError);
    assert.ok(error instanceof RangeError);
    assert.equal(error.history.length, epochsSeen);
    assert.equal(error.epoch, epochsSeen + 1);
    assert.ok(error.step >= 1 && !Number.isFinite(error.loss));
    assert.match(error.message, /^Cannot continue training as the loss must be finite: loss=/);
  }
});

Deno.test("train() records no epoch whose last step broke the weights: the run diverged in it", async (t) => {
  // One step an epoch: its loss, at the initial weights, is finite; its update is not.
  const onePerEpoch = (scale: number) =>
    dataset(fromRows([[scale, 0], [0, scale]]), new Int32Array([0, 1]));
  const cases: [string, number, TrainOptions["trainMetrics"]][] = [
    ["the end-of-epoch loss is NaN", 1, "end"],
    ["with running metrics, a weight is not finite", 1e10, "running"],
  ];
  for (const [what, scale, trainMetrics] of cases) {
    for (const optimizer of ["sgd", sgd()] as const) {
      const path = typeof optimizer === "string" ? "one WebAssembly step" : "layer by layer";
      await t.step(`${what} (${path})`, () => {
        for (const epochs of [1, 3]) {
          const model = mlp([2, 8, 2], { seed: 1 });
          assert.throws(
            () =>
              train(model, onePerEpoch(scale), {
                epochs,
                batchSize: 2,
                learningRate: 1e300,
                optimizer,
                trainMetrics,
              }),
            (error) =>
              error instanceof TrainingDivergedError && error.epoch === 1 && error.step === 1 &&
              error.history.length === 0 && Number.isNaN(error.loss),
            `${epochs} epochs`,
          );
          assert.ok(
            model.params().every((p) => p.grad.every((v) => v === 0)),
            "left as a step's divergence leaves it: zero gradients",
          );
        }
      });
    }
  }
  await t.step("running metrics of finite weights keep the epoch's own record", () => {
    // The documented limit: huge but finite weights are not looked at until a loss is.
    const history = train(mlp([2, 8, 2], { seed: 1 }), onePerEpoch(1), {
      epochs: 1,
      batchSize: 2,
      learningRate: 1e300,
      trainMetrics: "running",
    });
    assert.equal(history.length, 1);
    assert.ok(Number.isFinite(history[0].trainLoss));
  });
});

Deno.test("train() with dropout drops hidden activations in training only, reproducibly", () => {
  const data = rings(120, 6);
  const run = (options: Parameters<typeof train>[2]) => {
    const model = mlp([2, 12, 12, 2], { seed: 8 });
    const history = train(model, data, { epochs: 4, batchSize: 10, seed: 9, ...options });
    return { model, history };
  };
  const plain = run({});
  const none = run({ dropout: 0 });
  const dropped = run({ dropout: 0.5 });
  const again = run({ dropout: 0.5 });
  // dropout 0 is no dropout, to the bit; the same seed gives the same dropped run, to the bit
  assert.deepEqual(none.model.toJSON(), plain.model.toJSON());
  assert.deepEqual(again.model.toJSON(), dropped.model.toJSON());
  assert.deepEqual(again.history.map(withoutTime), dropped.history.map(withoutTime));
  // dropout changed the training, and left the model's layers as they were
  assert.notDeepEqual(dropped.model.toJSON(), plain.model.toJSON());
  assert.deepEqual(
    dropped.model.layers.map((layer) => layer.type),
    plain.model.layers.map((layer) => layer.type),
  );
  // the history is measured without dropout: its loss is the model's loss on the data
  const out = dropped.model.forward(data.x);
  const loss = softmaxCrossEntropyValue(out, data.y as Int32Array);
  assert.ok(Math.abs(dropped.history.at(-1)!.trainLoss - loss) < 1e-12);
  // running metrics average the dropped forward passes: higher than the clean loss here
  const running = run({ dropout: 0.5, trainMetrics: "running", epochs: 1 });
  const clean = run({ trainMetrics: "running", epochs: 1 });
  assert.ok(running.history[0].trainLoss > clean.history[0].trainLoss);
});

Deno.test("train() draws other dropout masks for every seed, also seeds 2^32 apart", () => {
  const data = rings(60, 3);
  // Without shuffling, the masks are all the seed changes: the same masks, the same weights.
  const weightsAfter = (seed: number) => {
    const model = mlp([2, 12, 12, 2], { seed: 8 });
    train(model, data, { epochs: 2, batchSize: 10, seed, shuffle: false, dropout: 0.5 });
    return JSON.stringify(model);
  };
  assert.equal(weightsAfter(3), weightsAfter(3));
  for (const [a, b] of [[0, 2 ** 32], [3, 3 + 2 ** 32], [-1, 2 ** 32 - 1], [5, 6]]) {
    assert.notEqual(weightsAfter(a), weightsAfter(b), `seeds ${a} and ${b}`);
  }
  // Every safe seed trains, the lowest ones too, whose mixed high bits reach -2^53.
  const lowest = -(2 ** 53) + 0x2545f491;
  assert.ok(Number.isSafeInteger(lowest));
  assert.equal(weightsAfter(lowest), weightsAfter(lowest));
  assert.notEqual(weightsAfter(lowest), weightsAfter(lowest + 1));
  assert.notEqual(weightsAfter(-(2 ** 53) + 1), weightsAfter(lowest));
});

Deno.test("train() refuses a loss that does not fit the targets or outputs before the first step, leaving gradients and last inputs as they were", async (t) => {
  const labels = rings(12, 2);
  const targets = dataset(labels.x, fromRows(Array.from(labels.y as Int32Array, (c) => [c, -c])));
  const probabilities = dataset(labels.x, fromRows(Array.from({ length: 12 }, () => [2])));
  const cases: [string, number, Dataset, TrainOptions["loss"], string, string][] = [
    [
      "mean squared error with labels",
      2,
      labels,
      "mse",
      "TypeError",
      'Cannot train as data.y must be a matrix of targets for the loss "mse" (class labels take "softmaxCrossEntropy" or "binaryCrossEntropy"): data.y=Int32Array(12) [0, 1, 0, 1, 0, 1, 0, 1, … 4 more]',
    ],
    [
      "binary cross-entropy with labels and two outputs",
      2,
      labels,
      "binaryCrossEntropy",
      "RangeError",
      'Cannot train as model.outputSize must be 1 (one logit per row) for class labels with the loss "binaryCrossEntropy" ("softmaxCrossEntropy" takes one output per class): model.outputSize=2',
    ],
    [
      "binary cross-entropy with a target outside [0, 1]",
      1,
      probabilities,
      "binaryCrossEntropy",
      "RangeError",
      'Cannot train as data.y must hold targets in [0, 1] for the loss "binaryCrossEntropy": data.y.data[0]=2',
    ],
    [
      "softmax cross-entropy with one output",
      1,
      labels,
      "softmaxCrossEntropy",
      "RangeError",
      'Cannot train as model.outputSize must be 2 or more (one score per class) for the loss "softmaxCrossEntropy" ("binaryCrossEntropy" takes one logit per row): model.outputSize=1',
    ],
    [
      "softmax cross-entropy with matrix targets",
      2,
      targets,
      "crossEntropy",
      "TypeError",
      'Cannot train as data.y must be an Int32Array of class labels for the loss "crossEntropy" (a matrix of targets takes "mse" or "binaryCrossEntropy"): data.y={ rows: 12, cols: 2, data: Float64Array(24) [0, -0, 1, -1, 0, -0, 1, -1, … 16 more] }',
    ],
  ];
  for (const [label, outputs, data, loss, name, message] of cases) {
    await t.step(label, () => {
      const model = mlp([2, 3, outputs], { seed: 1 });
      model.forward(fromRows([[1, 2]]), { training: true });
      model.backward(fromRows([Array(outputs).fill(1)]));
      const hidden = model.layers[1] as ActivationLayer;
      const lastInput = hidden.lastInput, seen = Array.from(lastInput!.data);
      const grads = model.params().map((p) => Array.from(p.grad));
      assert.ok(grads.flat().some((g) => g !== 0));
      assert.throws(() => train(model, data, { loss, epochs: 1 }), { name, message });
      assert.equal(hidden.lastInput, lastInput);
      assert.deepEqual(Array.from(hidden.lastInput!.data), seen);
      assert.deepEqual(model.params().map((p) => Array.from(p.grad)), grads);
    });
  }
  await t.step("an object that is no loss is a TypeError, in train's name", () => {
    assert.throws(() => train(mlp([2, 3, 2]), labels, { loss: {} as never }), {
      name: "TypeError",
      message:
        'Cannot train as loss must be a Loss (name, value, valueAndGrad) or one of "mse", "meanSquaredError", "softmaxCrossEntropy", "crossEntropy", "binaryCrossEntropy"; it lacks name (a string), value (a function), valueAndGrad (a function): loss={}',
    });
  });
  await t.step("a loss of the caller's own without value, refused before the model changes", () => {
    const model = mlp([2, 3, 2], { seed: 4 });
    const before = JSON.stringify(model);
    const { name, valueAndGrad } = softmaxCrossEntropy;
    assert.throws(
      () => train(model, labels, { epochs: 2, loss: { name, valueAndGrad } as never }),
      {
        name: "TypeError",
        message:
          /; it lacks value \(a function\): loss=\{ name: "softmaxCrossEntropy", valueAndGrad: /,
      },
    );
    assert.equal(JSON.stringify(model), before, "no step taken");
  });
  await t.step("a loss whose valueAndGrad returns no number, refused at the first step", () => {
    const model = mlp([2, 3, 2], { seed: 4 });
    const before = JSON.stringify(model);
    const mine = { ...softmaxCrossEntropy, name: "mine", valueAndGrad: () => "0.5" as never };
    assert.throws(() => train(model, labels, { epochs: 2, loss: mine }), {
      name: "TypeError",
      message:
        'Cannot train as loss.valueAndGrad must return the mean loss, a number: loss "mine" returned "0.5"',
    });
    assert.equal(JSON.stringify(model), before, "the first step's update not made");
  });
});

Deno.test("train() refuses bad input and leaves the model unchanged", async (t) => {
  const data = rings(20, 1);
  const model = mlp([2, 4, 2], { seed: 1 });
  const before = JSON.stringify(model);
  const refuse = (
    options: Parameters<typeof train>[2],
    expected: { name: string; message?: string | RegExp },
    trainData: Dataset = data,
  ) => {
    assert.throws(() => train(model, trainData, options), expected);
    assert.equal(JSON.stringify(model), before);
  };
  await t.step("a learning rate of 0", () =>
    refuse({ learningRate: 0 }, {
      name: "RangeError",
      message: "Cannot train as learningRate must be a finite number > 0: learningRate=0",
    }));
  await t.step("a NaN learning rate", () => refuse({ learningRate: NaN }, { name: "RangeError" }));
  await t.step(
    "a schedule that turns negative at epoch 3",
    () =>
      refuse({ epochs: 5, learningRate: (e) => 0.1 - 0.04 * e }, {
        name: "RangeError",
        message: /learningRate\(3\) must be a finite number > 0/,
      }),
  );
  await t.step("a seed, epoch count or batch size that is not an integer", () => {
    for (
      const [key, value, rule] of [
        ["seed", 1.5, "a finite integer"],
        ["epochs", 2.5, "a finite integer >= 1"],
        ["batchSize", 0, "a finite integer >= 1"],
      ] as const
    ) {
      refuse({ [key]: value }, {
        name: "RangeError",
        message: `Cannot train as ${key} must be ${rule}: ${key}=${value}`,
      });
    }
  });
  await t.step(
    "more epochs than memory holds learning rates for",
    () =>
      refuse({ epochs: 2 ** 40 }, {
        name: "RangeError",
        message:
          "Cannot train as its 1099511627776 float64 elements (8796093022208 bytes) cannot be allocated: epochs=1099511627776",
      }),
  );
  await t.step("a dropout rate of 1", () =>
    refuse({ dropout: 1 }, {
      name: "RangeError",
      message: "Cannot train as dropout must be a finite number >= 0 and < 1: dropout=1",
    }));
  await t.step("dropout for a model that has Dropout layers", () => {
    const withLayers = mlp([2, 4, 2], { dropout: 0.2, seed: 1 });
    const saved = JSON.stringify(withLayers);
    assert.throws(() => train(withLayers, data, { dropout: 0.3 }), {
      name: "TypeError",
      message:
        "Cannot train as the model has Dropout layers of its own: dropout=0.3 would add more (set one or the other)",
    });
    assert.equal(JSON.stringify(withLayers), saved);
  });
  await t.step("a batch size of 0", () =>
    refuse({ batchSize: 0 }, {
      name: "RangeError",
      message: "Cannot train as batchSize must be a finite integer >= 1: batchSize=0",
    }));
  await t.step("an empty data set", () =>
    refuse({}, {
      name: "RangeError",
      message: "Cannot train as data must not be empty: data.x is 0x2",
    }, { x: matrix(0, 2), y: new Int32Array(0) }));
  await t.step("a non-finite input, naming the first, the very first element included", () => {
    const cases: [number[][], string][] = [
      [[[0, 1], [NaN, 2]], "data.x.data[2]=NaN"],
      [[[Infinity, 1], [0, 2]], "data.x.data[0]=Infinity"],
    ];
    for (const [rows, named] of cases) {
      refuse({}, {
        name: "RangeError",
        message: `Cannot train as data.x.data must hold finite numbers: ${named}`,
      }, { x: fromRows(rows), y: new Int32Array([0, 1]) });
    }
  });
  await t.step("NaN in regression targets, naming it", () => {
    const y = fromRows([[NaN, 0], [0, 0]]);
    refuse({ loss: "mse" }, {
      name: "RangeError",
      message: "Cannot train as data.y.data must hold finite numbers: data.y.data[0]=NaN",
    }, { x: fromRows([[0, 1], [1, 0]]), y });
  });
  await t.step("a label out of range, naming it", () =>
    refuse({}, {
      name: "RangeError",
      message: "Cannot train as every label must be in 0..1: data.y[1]=5",
    }, { x: fromRows([[0, 1], [1, 0]]), y: new Int32Array([0, 5]) }));
  await t.step(
    "a data set of more classes than the model outputs, its labels all in range",
    () =>
      refuse({}, {
        name: "RangeError",
        message:
          "Cannot train as the model must output every class of data (one output per class, or one output for two classes): data.classes=3, the model has 2 outputs",
      }, dataset(fromRows([[0, 1], [1, 0]]), new Int32Array([0, 1]), { classes: 3 })),
  );
  await t.step("a test set of more classes than the model outputs", () =>
    refuse({
      test: dataset(fromRows([[0, 1]]), new Int32Array([1]), { classes: 10 }),
    }, {
      name: "RangeError",
      message: /: test\.classes=10, the model has 2 outputs$/,
    }));
  await t.step("inputs of the wrong width, naming both shapes", () =>
    refuse({}, {
      name: "RangeError",
      message:
        "Cannot train as data.x must have one column per model input: data.x is 2x3, the model takes Nx2",
    }, { x: fromRows([[0, 1, 2], [1, 0, 2]]), y: new Int32Array([0, 1]) }));
  await t.step(
    "test data of the wrong width",
    () => refuse({ test: { x: fromRows([[0]]), y: new Int32Array([0]) } }, { name: "RangeError" }),
  );
  await t.step(
    "weightDecay beside an optimizer object",
    () =>
      refuse({ optimizer: { name: "x", options: {}, step() {} }, weightDecay: 0.1 }, {
        name: "TypeError",
      }),
  );
  await t.step("a negative clipNorm", () => refuse({ clipNorm: -1 }, { name: "RangeError" }));
  await t.step(
    "an unknown optimizer",
    () => refuse({ optimizer: "lion" as "sgd" }, { name: "RangeError" }),
  );
  await t.step("momentum for an optimizer that has none", () => {
    for (const optimizer of ["sgd", "adam", "adamW"] as const) {
      refuse({ optimizer, momentum: 0.9 }, {
        name: "TypeError",
        message:
          `Cannot train as momentum applies only to the optimizers "momentum" and "nesterov": optimizer="${optimizer}"`,
      });
    }
    refuse({ momentum: 0.9 }, {
      name: "TypeError",
      message:
        'Cannot train as momentum applies only to the optimizers "momentum" and "nesterov": optimizer="sgd"',
    });
  });
  await t.step(
    "momentum beside an optimizer object",
    () =>
      refuse({ optimizer: adam(), momentum: 0.9 }, {
        name: "TypeError",
        message:
          "Cannot train as momentum must be given to the optimizer's factory when optimizer is an object: momentum=0.9",
      }),
  );
  await t.step("a NaN momentum", () =>
    refuse({ optimizer: "momentum", momentum: NaN }, {
      name: "RangeError",
      message: "Cannot train as momentum must be a finite number >= 0 and < 1: momentum=NaN",
    }));
  await t.step("flags that are not booleans", () => {
    refuse({ shuffle: "no" as never }, {
      name: "TypeError",
      message: 'Cannot train as shuffle must be true or false: shuffle="no"',
    });
    refuse({ progress: "yes" as never }, {
      name: "TypeError",
      message: 'Cannot train as progress must be a boolean or a function: progress="yes"',
    });
  });
  await t.step("callbacks that are not functions, before the first step", () => {
    refuse({ onEpoch: true as never }, {
      name: "TypeError",
      message: "Cannot train as onEpoch must be a function: onEpoch=true",
    });
    refuse({ onStep: 5 as never }, {
      name: "TypeError",
      message: "Cannot train as onStep must be a function: onStep=5",
    });
  });
  await t.step("a layer in place of the model", () => {
    assert.throws(() => train(new Dense(2, 2) as never, data), {
      name: "TypeError",
      message:
        "Cannot train as model must be a Sequential model (mlp or new Sequential builds one): model=Dense(2 → 2)",
    });
  });
});

Deno.test("train() with adamW by name applies adamW's own default weight decay, 0.01", () => {
  const data = rings(40, 3);
  const options = { epochs: 2, batchSize: 8, learningRate: 0.01, seed: 4 };
  const run = (optimizer: TrainOptions["optimizer"]) => {
    const model = mlp([2, 6, 2], { seed: 2 });
    const history = train(model, data, { ...options, optimizer });
    return { json: JSON.stringify(model), history: history.map(withoutTime) };
  };
  const byName = run("adamW");
  assert.deepEqual(byName, run(adamW()));
  assert.deepEqual(byName, run(adamW({ weightDecay: 0.01 })));
  assert.notDeepEqual(byName.json, run("adam").json);
  // The same holds on the layer-by-layer loop (a PReLU model does not take the WebAssembly step).
  const prelu = (optimizer: TrainOptions["optimizer"]) => {
    const model = mlp([2, 6, 2], { activation: "prelu", seed: 2 });
    train(model, data, { ...options, optimizer });
    return JSON.stringify(model);
  };
  assert.equal(prelu("adamW"), prelu(adamW()));
});

Deno.test("train() and trainAsync() refuse a fourth argument, which would go unused, and leave the model as it was", async () => {
  const data = lib.dataset(lib.fromRows([[0, 0], [1, 1]]), Int32Array.of(0, 1));
  const model = lib.mlp([2, 3, 2], { seed: 1 });
  const before = JSON.stringify(model);
  assert.throws(() => loose(lib.train)(model, data, { epochs: 5 }, { learningRate: 0.1 }), {
    name: "TypeError",
    message:
      "Cannot train as train takes model, data and options, no fourth argument: fourth={ learningRate: 0.1 }",
  });
  await assert.rejects(
    async () => await loose(lib.trainAsync)(model, data, { epochs: 5 }, { learningRate: 0.1 }),
    {
      name: "TypeError",
      message:
        "Cannot train as trainAsync takes model, data and options, no fourth argument: fourth={ learningRate: 0.1 }",
    },
  );
  assert.equal(JSON.stringify(model), before);
});
