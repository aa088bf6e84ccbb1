import assert from "node:assert/strict";
import { dataset } from "../../src/core/dataset.ts";
import { fromRows } from "../../src/core/matrix.ts";
import { subset, takeRows } from "../../src/data/subset.ts";
import { permutation, shuffle } from "../../src/data/shuffle.ts";
import { batches } from "../../src/data/batches.ts";
import { digitImage } from "../../src/data/digit_image.ts";
import { trainTestSplit } from "../../src/data/train_test_split.ts";
import { standardize } from "../../src/data/standardize.ts";
import { indexed } from "./_indexed.ts";
import { loose } from "../_loose.ts";

Deno.test("takeRows() copies whole rows in the order of the indices, repeats allowed", () => {
  const m = fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
  const rows = takeRows(m, [2, 0, 2]);
  assert.deepEqual({ rows: rows.rows, cols: rows.cols }, { rows: 3, cols: 3 });
  assert.deepEqual(Array.from(rows.data), [7, 8, 9, 1, 2, 3, 7, 8, 9]);
  assert.equal(takeRows(m, []).data.length, 0);
});

Deno.test("subset() takes inputs and labels together and keeps the other fields", () => {
  const data = dataset(fromRows([[0, 1], [10, 11], [20, 21]]), Int32Array.of(5, 6, 7), {
    classes: 9,
  });
  const part = subset(data, [1, 2, 1]);
  assert.deepEqual(Array.from(part.x.data), [10, 11, 20, 21, 10, 11]);
  assert.deepEqual(part.y, Int32Array.of(6, 7, 6));
  assert.equal(part.classes, 9);
});

Deno.test("subset() takes a matrix of targets row by row, as it takes the inputs", () => {
  const data = dataset(fromRows([[0], [1], [2]]), fromRows([[0, -1], [1, -2], [2, -3]]));
  const y = subset(data, [2, 0]).y;
  assert.ok(!(y instanceof Int32Array));
  assert.deepEqual({ rows: y.rows, cols: y.cols, data: Array.from(y.data) }, {
    rows: 2,
    cols: 2,
    data: [2, -3, 0, -1],
  });
});

Deno.test("subset() refuses data that is not a dataset, naming it", () => {
  for (const [data, seen] of [[null, "null"], [3, "3"]] as const) {
    assert.throws(() => subset(data as never, [0]), {
      name: "TypeError",
      message: `Cannot take a subset of a dataset as data must be a dataset { x, y }: data=${seen}`,
    });
  }
});

Deno.test("subset() rejects indices out of range", () => {
  assert.throws(() => subset(indexed(3), [0, 3]), {
    name: "RangeError",
    message:
      "Cannot take a subset of a dataset as every index must be an integer in 0..2: indices[1]=3",
  });
  assert.throws(() => subset(indexed(3), [0.5]), RangeError);
});

Deno.test("subset() refuses an index that is not a number with a TypeError", () => {
  const data = dataset(fromRows([[1], [2], [3]]), new Int32Array([0, 1, 0]));
  assert.throws(() => subset(data, ["1"] as never), {
    name: "TypeError",
    message:
      'Cannot take a subset of a dataset as every index must be an integer in 0..2: indices[0]="1"',
  });
});

Deno.test("subset() refuses indices that are not an array, which would give a subset without rows", () => {
  for (const indices of [2, null, "01"]) {
    assert.throws(() => subset(indexed(3), indices as unknown as number[]), {
      name: "TypeError",
      message:
        /^Cannot take a subset of a dataset as indices must be an array of row indices: indices=/,
    });
  }
});

Deno.test("subset() refuses a y whose rows do not match x's, rather than reading labels as 0", async (t) => {
  const x = fromRows([[1], [2], [3]]);
  await t.step("labels shorter than x", () => {
    assert.throws(() => subset({ x, y: new Int32Array([5, 6]), classes: 7 }, [2]), {
      name: "RangeError",
      message: "Cannot take a subset of a dataset as x and y must have the same number of rows: " +
        "x is 3x1, y has 2 rows",
    });
  });
  await t.step("a target matrix with fewer rows, named as such rather than as a bad index", () => {
    assert.throws(
      () => subset({ x, y: fromRows([[1], [2]]) }, [2]),
      /x and y must have the same number of rows: x is 3x1, y has 2 rows$/,
    );
  });
  await t.step("shuffle and trainTestSplit, which take their rows through subset", () => {
    const data = { x, y: new Int32Array([5, 6]), classes: 7 };
    assert.throws(() => shuffle(data, { seed: 1 }), /same number of rows/);
    assert.throws(() => trainTestSplit(data, { shuffle: false }), /same number of rows/);
  });
});

Deno.test("the data helpers refuse what is not a data set with their own message, not a crash on null", async (t) => {
  const cases: [string, () => unknown, RegExp][] = [
    ["batches", () => batches(null as never, 2), /^Cannot make batches as data must be a dataset/],
    [
      "shuffle",
      () => shuffle(null as never),
      /^Cannot shuffle a dataset as data must be a dataset/,
    ],
    [
      "trainTestSplit",
      () => trainTestSplit(null as never),
      /^Cannot split a dataset as data must be a dataset \{ x, y \}: data=null$/,
    ],
    [
      "digitImage",
      () => digitImage(null as never, 0),
      /^Cannot take a digit image as data must be/,
    ],
    [
      "trainTestSplit with a y that is a plain array",
      () => trainTestSplit({ x: fromRows([[1], [2]]), y: [0, 1] } as never),
      /^Cannot split a dataset as data\.y must be an Int32Array of class labels/,
    ],
    [
      "batches with an x that is not a matrix",
      () => batches({ x: [[1]], y: new Int32Array([0]) } as never, 1),
      /^Cannot make batches as data\.x must be a matrix/,
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
});

Deno.test("the data helpers refuse an argument after their last, which they would ignore", async (t) => {
  const data = indexed(4);
  const cases: [string, () => unknown, string][] = [
    [
      "takeRows",
      () => loose(takeRows)(data.x, [0], { seed: 1 }),
      "Cannot take rows as takeRows takes m and indices, no third argument: third={ seed: 1 }",
    ],
    [
      "subset",
      () => loose(subset)(data, [0], 5),
      "Cannot take a subset of a dataset as subset takes data and indices, no third argument: third=5",
    ],
    [
      "permutation",
      () => loose(permutation)(3, {}, 5),
      "Cannot create a permutation as permutation takes n and options, no third argument: third=5",
    ],
    [
      "shuffle",
      () => loose(shuffle)(data, {}, 5),
      "Cannot shuffle a dataset as shuffle takes data and options, no third argument: third=5",
    ],
    [
      "trainTestSplit",
      () => loose(trainTestSplit)(data, {}, { seed: 1 }),
      "Cannot split a dataset as trainTestSplit takes data and options, no third argument: third={ seed: 1 }",
    ],
    [
      "batches",
      () => loose(batches)(data, 2, {}, 5),
      "Cannot make batches as batches takes data, batchSize and options, no fourth argument: fourth=5",
    ],
    [
      "standardize",
      () => loose(standardize)(data.x, 5),
      "Cannot fit a standardization as standardize takes x alone, no second argument: second=5",
    ],
    [
      "digitImage",
      () => loose(digitImage)({ rows: 1, cols: 784, data: new Float64Array(784) }, 0, 5),
      "Cannot take a digit image as digitImage takes data and i, no third argument: third=5",
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call as () => unknown, { name: "TypeError", message }));
  }
  await t.step("standardize still works as a map callback", () => {
    const fitted = [data.x].map(standardize);
    assert.deepEqual(fitted[0].mean, standardize(data.x).mean);
  });
});
