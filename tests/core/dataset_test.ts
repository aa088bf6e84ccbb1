import assert from "node:assert/strict";
import { dataset, fromRows, type Matrix } from "../../src/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

const x = fromRows([[1], [2]]);

Deno.test("dataset refuses labels given as a plain or float array, saying how to convert them", () => {
  for (
    const [labels, seen] of [[[0, 1], "an array of 2"], [Float64Array.of(0, 1), "a Float64Array"]]
  ) {
    assert.throws(() => dataset(x, labels as unknown as Int32Array), {
      name: "TypeError",
      message:
        `Cannot create a dataset as y must be an Int32Array of class labels or a matrix of targets (new Int32Array(labels) converts an array): y=${seen}`,
    });
  }
});

Deno.test("dataset refuses a matrix whose data does not match its shape", () => {
  const short: Matrix = { rows: 2, cols: 3, data: new Float64Array(1) };
  assert.throws(() => dataset(short, Int32Array.of(0, 1)), {
    name: "RangeError",
    message:
      "Cannot create a dataset as x.data must hold rows * cols = 6 elements for a 2x3 matrix: x.data.length=1",
  });
  assert.throws(() => dataset(x, { rows: 2, cols: 1, data: new Float64Array(1) }), {
    name: "RangeError",
    message: /^Cannot create a dataset as y\.data must hold rows \* cols = 2 elements/,
  });
  assert.throws(
    () => dataset({ rows: 1.5, cols: 1, data: new Float64Array(1) }, Int32Array.of(0)),
    {
      name: "RangeError",
      message: "Cannot create a dataset as x.rows must be an integer >= 0: x.rows=1.5",
    },
  );
});

Deno.test("dataset refuses classes: null rather than taking the default", () => {
  assert.throws(() => dataset(x, Int32Array.of(0, 1), { classes: null as unknown as number }), {
    name: "TypeError",
    message:
      "Cannot create a dataset as classes must be a value or left out (for its default), not null: classes=null",
  });
});

Deno.test("dataset without classes says what it cannot infer them from, not that classes is 0", async (t) => {
  await t.step("no samples: classes must be passed", () => {
    assert.throws(() => dataset(fromRows([]), new Int32Array(0)), {
      name: "RangeError",
      message:
        "Cannot create a dataset as classes must be passed when y has no labels to infer it from (e.g. { classes: 2 }): y.length=0",
    });
    assert.equal(dataset(fromRows([]), new Int32Array(0), { classes: 2 }).classes, 2);
  });
  await t.step("only negative labels: the first is named", () => {
    assert.throws(() => dataset(x, Int32Array.of(-2, -1)), {
      name: "RangeError",
      message: "Cannot create a dataset as every label must be an integer >= 0: y[0]=-2",
    });
  });
});

Deno.test("dataset checks classes whatever the targets, and refuses it beside a target matrix", async (t) => {
  const labels = Int32Array.of(0, 1);
  await t.step("a classes that is not a number is a TypeError, a bad number a RangeError", () => {
    assert.throws(() => dataset(x, labels, { classes: "2" as unknown as number }), {
      name: "TypeError",
      message: 'Cannot create a dataset as classes must be a finite integer >= 1: classes="2"',
    });
    for (const [classes, shown] of [[0, "0"], [2.5, "2.5"], [NaN, "NaN"]] as const) {
      assert.throws(() => dataset(x, labels, { classes }), {
        name: "RangeError",
        message:
          `Cannot create a dataset as classes must be a finite integer >= 1: classes=${shown}`,
      });
    }
  });
  await t.step("a regression data set has no classes to count", () => {
    const targets = fromRows([[0.5], [1.5]]);
    assert.throws(() => dataset(x, targets, { classes: 2 }), {
      name: "TypeError",
      message:
        "Cannot create a dataset as classes counts the class labels, and y is a matrix of regression targets (an Int32Array holds labels): classes=2",
    });
    assert.throws(() => dataset(x, targets, { classes: -5 }), RangeError);
    assert.deepEqual(Object.keys(dataset(x, targets)), ["x", "y"]);
  });
});

Deno.test("dataset() refuses a fourth argument, which would go unused", () => {
  assert.throws(
    () => loose(lib.dataset)(lib.fromRows([[0]]), Int32Array.of(0), {}, { classes: 3 }),
    {
      name: "TypeError",
      message:
        "Cannot create a dataset as dataset takes x, y and options, no fourth argument: fourth={ classes: 3 }",
    },
  );
});
