import assert from "node:assert/strict";
import { oneHot } from "../../src/data/one_hot.ts";

Deno.test("oneHot() puts a single 1 in the column of each label", () => {
  const m = oneHot(new Int32Array([1, 0, 2, 1]));
  assert.equal(m.rows, 4);
  assert.equal(m.cols, 3);
  assert.deepEqual(Array.from(m.data), [0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0]);
});

Deno.test("oneHot() takes one class more than the largest label, wherever it stands", () => {
  assert.deepEqual(Array.from(oneHot([2, 0]).data), [0, 0, 1, 1, 0, 0]);
  assert.equal(oneHot([0, 3, 1]).cols, 4);
});

Deno.test("oneHot() widens to the given number of classes", () => {
  assert.equal(oneHot([0, 1], 10).cols, 10);
});

Deno.test("oneHot() of no labels is an empty matrix with one column by default", () => {
  const m = oneHot([]);
  assert.equal(m.rows, 0);
  assert.equal(m.cols, 1);
});

Deno.test("oneHot() rejects labels outside 0..classes-1", async (t) => {
  await t.step("too large", () => {
    assert.throws(() => oneHot([0, 3], 3), {
      name: "RangeError",
      message:
        "Cannot one-hot encode labels as every label must be an integer in 0..2: labels[1]=3",
    });
  });
  await t.step("negative, fractional, NaN", () => {
    for (const label of [-1, 0.5, NaN]) assert.throws(() => oneHot([label], 2), RangeError);
  });
  await t.step("classes 0", () => {
    assert.throws(() => oneHot([0], 0), RangeError);
  });
});

Deno.test("oneHot() refuses labels that are not an array", () => {
  assert.throws(() => oneHot(null as unknown as number[]), {
    name: "TypeError",
    message:
      "Cannot one-hot encode labels as labels must be an array of integer labels: labels=null",
  });
  assert.throws(() => oneHot(3 as unknown as number[]), TypeError);
});

Deno.test("oneHot() without classes names a bad label, not the classes it would derive from it", () => {
  for (const [label, shown] of [[1.5, "1.5"], [Infinity, "Infinity"], [-1, "-1"], [NaN, "NaN"]]) {
    assert.throws(() => oneHot([0, label as number]), {
      name: "RangeError",
      message:
        `Cannot one-hot encode labels as every label must be an integer >= 0: labels[1]=${shown}`,
    });
  }
});

Deno.test("oneHot() refuses a label that is not a number with a TypeError, with or without classes", () => {
  for (const classes of [undefined, 3]) {
    assert.throws(() => oneHot([0, "1" as unknown as number], classes), {
      name: "TypeError",
      message: classes === undefined
        ? 'Cannot one-hot encode labels as every label must be an integer >= 0: labels[1]="1"'
        : 'Cannot one-hot encode labels as every label must be an integer in 0..2: labels[1]="1"',
    });
  }
});

Deno.test("oneHot() refuses a third argument, which it would ignore", () => {
  assert.throws(() => (oneHot as (...args: unknown[]) => unknown)([1], 2, 3), {
    name: "TypeError",
    message:
      "Cannot one-hot encode labels as oneHot takes labels and classes, no third argument: third=3",
  });
});

Deno.test("oneHot() refuses a null classes rather than taking it for the default", () => {
  const message =
    "Cannot one-hot encode labels as classes must be an integer >= 1 or left out (for its default, the largest label + 1), not null: classes=null";
  assert.throws(() => oneHot([0, 2], null as unknown as number), { name: "TypeError", message });
  // Not a classes of 2.5 derived from a fractional label that was never checked.
  assert.throws(() => oneHot([0, 1.5], null as unknown as number), { name: "TypeError", message });
});

Deno.test("oneHot() names itself and its sizes when the matrix cannot be allocated", () => {
  assert.throws(() => oneHot([0, 1], 1e12), {
    name: "RangeError",
    message:
      "Cannot one-hot encode labels as its 2000000000000 float64 elements (16000000000000 bytes) cannot be allocated: labels.length=2, classes=1000000000000",
  });
});
