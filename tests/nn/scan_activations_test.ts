/**
 * The evaluation pass the training loop and the diagnostics share: `scanActivations`,
 * `recordActivations`, and the data-set check `checkDataset`.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  checkDataset,
  dataset,
  deadFractionOf,
  deadNeurons,
  Dense,
  Dropout,
  emptyActivationScans,
  fromRows,
  type Matrix,
  matrix,
  mlp,
  recordActivations,
  SCAN_CHUNK_ROWS,
  scanActivations,
  Sequential,
} from "../../src/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

Deno.test("scanActivations() refuses an empty input, which would call every neuron dead", () => {
  const model = mlp([2, 3, 1], { seed: 1 });
  assert.throws(() => scanActivations(model, matrix(0, 2)), {
    name: "RangeError",
    message:
      "Cannot scan activations as x must have at least one row and one column per model input: x is 0x2, the model takes Nx2",
  });
});

Deno.test("scanActivations() refuses what is not a matrix or not a model", () => {
  const model = mlp([2, 3, 1], { seed: 1 });
  assert.throws(() => scanActivations(model, [[1, 2]] as unknown as Matrix), {
    name: "TypeError",
    message:
      "Cannot scan activations as x must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): x=an array of 1",
  });
  assert.throws(() => scanActivations(model, undefined as never), {
    name: "TypeError",
    message: /^Cannot scan activations as x must be a matrix .*: x=undefined$/,
  });
  assert.throws(() => scanActivations(undefined as never, fromRows([[1, 2]])), {
    name: "TypeError",
    message:
      "Cannot scan activations as model must be a Sequential model (mlp or new Sequential builds one): model=undefined",
  });
});

Deno.test("recordActivations() refuses another model's scans, naming the mismatch", () => {
  const model = mlp([2, 3, 1], { seed: 1 });
  const other = mlp([2, 5, 5, 1], { seed: 1 });
  model.forward(fromRows([[1, 2]]));
  assert.throws(() => recordActivations(model, emptyActivationScans(other)), {
    name: "RangeError",
    message:
      "Cannot record activations as scans must come from emptyActivationScans of this model: scans[0] is for layer 1 of size 5, the model's layer there is Activation(ReLU, 3)",
  });
  // A scan of a deeper model's layer 3, past this model's three layers.
  const deeper = mlp([2, 3, 3, 3, 1], { seed: 1 });
  assert.throws(() => recordActivations(model, [emptyActivationScans(deeper)[1]]), {
    name: "RangeError",
    message:
      "Cannot record activations as scans must come from emptyActivationScans of this model: scans[0] is for layer 3 of size 3, the model's layer there is missing",
  });
});

/**
 * Feeds `batches` through a one-input model with its hidden layer's weights set to `weights`,
 * recording each, and compares the scan's count, sum and squared deviations with a two-pass sum
 * over every output, within `tolerance` of each.
 */
function assertMergedStatistics(
  weights: number[],
  biasInit: number,
  batches: number[][][],
  tolerance: number,
) {
  const model = mlp([1, weights.length, 1], { init: "zeros", biasInit });
  (model.layers[0] as Dense).weights.set(weights);
  const scans = emptyActivationScans(model);
  const outputs: number[] = [];
  for (const batch of batches) {
    const out = model.layers[1].forward(model.layers[0].forward(fromRows(batch)));
    outputs.push(...out.data);
    recordActivations(model, scans);
  }
  const sum = outputs.reduce((a, b) => a + b, 0), mean = sum / outputs.length;
  const squares = outputs.reduce((a, v) => a + (v - mean) ** 2, 0);
  const [scan] = scans;
  assert.equal(scan.count, outputs.length);
  assert.ok(Math.abs(scan.sum - sum) <= tolerance * sum, `${scan.sum} vs ${sum}`);
  assert.ok(
    Math.abs(scan.sumSquaredDeviations - squares) <= tolerance * squares,
    `${scan.sumSquaredDeviations} vs ${squares}`,
  );
}

Deno.test("recordActivations() merges batches into the outputs' exact squared deviations", () => {
  // Outputs near 1e4 with a spread of 4e-4: a sum of squares less the squared mean loses it all.
  assertMergedStatistics([1e-4, -1e-4], 1e4, [[[1], [2], [3]], [[4]], [[5], [6]]], 1e-9);
});

Deno.test("recordActivations() merges batches of a single value into exact squared deviations", () => {
  // One neuron and one row a batch: every batch holds one output, and after the first the
  // running count is 1, where the merge must still add the squared distance between the means.
  assertMergedStatistics([0.25], 10, [[[1]], [[2]], [[3]], [[4], [5]], [[6]]], 1e-12);
});

Deno.test("statistics: false marks the neurons seen positive and gathers no statistics", () => {
  const model = mlp([2, 4, 1], { seed: 3 });
  const x = fromRows([[1, -2], [-3, 0.5], [0.25, 2]]);
  const full = scanActivations(model, x);
  const [marked] = scanActivations(model, x, { statistics: false });
  assert.deepEqual(marked.everPositive, full[0].everPositive);
  assert.ok(full[0].count === 12 && full[0].sum > 0, "the full scan gathers statistics");
  assert.deepEqual(
    [marked.zeros, marked.count, marked.sum, marked.sumSquaredDeviations],
    [0, 0, 0, 0],
  );
  const scans = emptyActivationScans(model);
  model.forward(x);
  recordActivations(model, scans, { statistics: false });
  assert.deepEqual(scans[0], marked);
});

Deno.test("scanActivations() hands onOutput each chunk's output with the chunk's first row", () => {
  const model = mlp([2, 3, 2], { seed: 5 });
  const rows = 2 * SCAN_CHUNK_ROWS + 7;
  const x = matrix(rows, 2);
  for (let i = 0; i < x.data.length; i++) x.data[i] = Math.sin(i);
  const whole = model.predict(x);
  const starts: number[] = [];
  const seen = new Float64Array(rows * 2);
  scanActivations(model, x, {
    onOutput: (out, start) => {
      starts.push(start);
      seen.set(out.data, start * 2);
    },
  });
  assert.deepEqual(starts, [0, SCAN_CHUNK_ROWS, 2 * SCAN_CHUNK_ROWS]);
  assert.deepEqual(seen, whole.data);
  assert.throws(() => scanActivations(model, x, { onOutput: 1 as never }), {
    name: "TypeError",
    message: "Cannot scan activations as onOutput must be a function: onOutput=1",
  });
});

Deno.test("recordActivations() refuses a scan of a layer that is not an activation, or with a plain array", () => {
  const model = new Sequential([new Dense(2, 2, { seed: 1 }), new Dropout(2, { seed: 1 })]);
  const scan = { ...emptyActivationScans(mlp([2, 2, 1]))[0] };
  model.forward(fromRows([[1, 2]]));
  assert.throws(() => recordActivations(model, [scan]), {
    name: "RangeError",
    message:
      /^Cannot record activations as scans must come from emptyActivationScans of this model: scans\[0\] is for layer 1 of size 2, the model's layer there is Dropout/,
  });
  const relu = mlp([2, 2, 1], { seed: 1 });
  relu.forward(fromRows([[1, 2]]));
  assert.throws(() => recordActivations(relu, [{ ...scan, everPositive: [0, 0] as never }]), {
    name: "RangeError",
    message:
      /scans\[0\] is for layer 1 of size 2, the model's layer there is Activation\(ReLU, 2\)$/,
  });
});

Deno.test("recordActivations() refuses a model that has seen no rows, whose neurons would read as dead", () => {
  const model = mlp([2, 3, 1], { seed: 1 });
  const scans = emptyActivationScans(model);
  const refused = (state: string) => ({
    name: "RangeError",
    message:
      `Cannot record activations as the model must have run forward on at least one row first: layer 1 (Activation(ReLU, 3)) has ${state}`,
  });
  assert.throws(() => recordActivations(model, scans), refused("not run"));
  model.forward(matrix(0, 2));
  assert.throws(() => recordActivations(model, scans), refused("run on 0 rows"));
  model.forward(fromRows([[1, 2]]));
  recordActivations(model, scans);
  assert.ok(deadFractionOf(scans[0]) < 1);
});

Deno.test("deadFractionOf() reads a scan, and refuses what is not one instead of answering NaN", () => {
  const model = mlp([2, 4, 1], { seed: 3 });
  const x = fromRows([[1, 2], [-1, 0.5], [0, -3]]);
  const scans = scanActivations(model, x);
  const dead = scans[0].everPositive.filter((flag) => flag === 0).length;
  assert.equal(deadFractionOf(scans[0]), dead / 4);
  const report = deadNeurons(model, dataset(x, fromRows([[0], [1], [0]])));
  for (
    const notAScan of [report, report[0], undefined, { size: 0, everPositive: new Uint8Array() }]
  ) {
    assert.throws(() => deadFractionOf(notAScan as never), {
      name: "TypeError",
      message:
        /^Cannot compute a dead fraction as scan must be one of scanActivations' scans .*: scan=/,
    });
  }
  assert.throws(() => deadFractionOf({ ...scans[0], everPositive: [1, 0, 1, 0] } as never), {
    name: "TypeError",
    message:
      /everPositive a Uint8Array of size flags\): scan=\{ layerIndex: 1, size: 4, everPositive: \[1, 0, 1, 0\]/,
  });
});

Deno.test("checkDataset() refuses malformed matrices and a missing model", async (t) => {
  const model = mlp([2, 3, 2], { seed: 1 });
  await t.step("inputs whose data is short", () => {
    const x = { rows: 2, cols: 2, data: new Float64Array(3) };
    assert.throws(() => checkDataset(model, { x, y: Int32Array.of(0, 1) }), {
      name: "RangeError",
      message:
        "Cannot use the data set as data.x.data must hold rows * cols = 4 elements for a 2x2 matrix: data.x.data.length=3",
    });
  });
  await t.step("a fractional number of rows", () => {
    const x = { rows: 1.5, cols: 2, data: new Float64Array(3) };
    assert.throws(() => checkDataset(model, { x, y: Int32Array.of(0) }), {
      name: "RangeError",
      message: "Cannot use the data set as data.x.rows must be an integer >= 0: data.x.rows=1.5",
    });
  });
  await t.step("matrix targets whose data is short", () => {
    const y = { rows: 1, cols: 2, data: new Float64Array(1) };
    assert.throws(() => checkDataset(model, { x: fromRows([[0, 1]]), y }), {
      name: "RangeError",
      message:
        "Cannot use the data set as data.y.data must hold rows * cols = 2 elements for a 1x2 matrix: data.y.data.length=1",
    });
  });
  await t.step("no model", () => {
    assert.throws(
      () => checkDataset(undefined as never, dataset(fromRows([[0, 1]]), Int32Array.of(1))),
      {
        name: "TypeError",
        message:
          "Cannot use the data set as model must be a Sequential model (mlp or new Sequential builds one): model=undefined",
      },
    );
  });
});

Deno.test("checkDataset() holds a data set's classes to what the model can output", async (t) => {
  const x = fromRows([[0, 1], [1, 0]]);
  const labels = Int32Array.of(0, 1);
  await t.step("as many classes as outputs, or fewer, pass", () => {
    for (const classes of [1, 2]) {
      checkDataset(mlp([2, 3, 2], { seed: 1 }), dataset(x, labels.map(() => 0), { classes }));
    }
    checkDataset(mlp([2, 3, 4], { seed: 1 }), dataset(x, labels, { classes: 3 }));
  });
  await t.step("a one-output model takes two classes, not three", () => {
    const oneOutput = mlp([2, 3, 1], { seed: 1 });
    checkDataset(oneOutput, dataset(x, labels, { classes: 2 }));
    assert.throws(() => checkDataset(oneOutput, dataset(x, labels, { classes: 3 })), {
      name: "RangeError",
      message:
        "Cannot use the data set as the model must output every class of data (one output per class, or one output for two classes): data.classes=3, the model has 1 output",
    });
  });
  await t.step("a subset keeps its parent's classes, however few of them it holds", () => {
    const three = dataset(fromRows([[0, 1], [1, 0], [1, 1]]), Int32Array.of(0, 1, 2));
    const firstTwo = lib.subset(three, [0, 1]);
    assert.equal(firstTwo.classes, 3);
    assert.throws(() => checkDataset(mlp([2, 3, 2], { seed: 1 }), firstTwo), {
      name: "RangeError",
      message: /data\.classes=3, the model has 2 outputs$/,
    });
  });
  await t.step("classes that are no count, on a data set built by hand", () => {
    const model = mlp([2, 3, 2], { seed: 1 });
    assert.throws(() => checkDataset(model, { x, y: labels, classes: "2" as never }), {
      name: "TypeError",
      message:
        'Cannot use the data set as data.classes must be a finite integer >= 1: data.classes="2"',
    });
    assert.throws(() => checkDataset(model, { x, y: labels, classes: 1.5 }), {
      name: "RangeError",
      message:
        "Cannot use the data set as data.classes must be a finite integer >= 1: data.classes=1.5",
    });
  });
});

Deno.test("the activation scans and checkDataset refuse an argument past their last, which would go unused", async (t) => {
  const model = lib.mlp([2, 3, 2], { seed: 1 });
  const data = lib.dataset(lib.fromRows([[0, 1]]), Int32Array.of(1));
  const cases: [string, () => unknown, string][] = [
    [
      "scanActivations",
      () => loose(lib.scanActivations)(model, data.x, {}, { statistics: false }),
      "Cannot scan activations as scanActivations takes model, x and options, no fourth argument: fourth={ statistics: false }",
    ],
    [
      "emptyActivationScans",
      () => loose(lib.emptyActivationScans)(model, 1),
      "Cannot create activation scans as emptyActivationScans takes model alone, no second argument: second=1",
    ],
    [
      "recordActivations",
      () => loose(lib.recordActivations)(model, [], {}, { statistics: false }),
      "Cannot record activations as recordActivations takes model, scans and options, no fourth argument: fourth={ statistics: false }",
    ],
    [
      "checkDataset",
      () => loose(lib.checkDataset)(model, data, {}, { name: "test" }),
      'Cannot check a data set as checkDataset takes model, data and options, no fourth argument: fourth={ name: "test" }',
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
});
