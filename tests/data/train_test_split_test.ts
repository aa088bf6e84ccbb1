import assert from "node:assert/strict";
import fc from "fast-check";
import { dataset } from "../../src/core/dataset.ts";
import { fromRows, matrix } from "../../src/core/matrix.ts";
import { trainTestSplit } from "../../src/data/train_test_split.ts";

function indexed(n: number) {
  const x = matrix(n, 1);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x.data[i] = i;
    y[i] = i % 3;
  }
  return dataset(x, y, { classes: 3 });
}

Deno.test("trainTestSplit() puts ceil(testFraction * n) samples in the test set, like scikit-learn", () => {
  const { train, test } = trainTestSplit(indexed(10), { testFraction: 0.25 });
  assert.equal(test.x.rows, 3);
  assert.equal(train.x.rows, 7);
});

Deno.test("trainTestSplit() rounds up the fraction asked for, not float64's noise in it", () => {
  // Each product is a hair above the whole number in float64 (0.07 * 100 = 7.000000000000001).
  for (const [testFraction, expected] of [[0.07, 7], [0.14, 14], [0.28, 28], [0.56, 56]]) {
    assert.ok(testFraction * 100 > expected, `${testFraction} * 100 = ${testFraction * 100}`);
    assert.equal(trainTestSplit(indexed(100), { testFraction }).test.x.rows, expected);
  }
  // A fraction truly above a whole number still rounds up.
  assert.equal(trainTestSplit(indexed(100), { testFraction: 0.0701 }).test.x.rows, 8);
  assert.equal(trainTestSplit(indexed(1000), { testFraction: 0.0005 }).test.x.rows, 1);
});

Deno.test("trainTestSplit() defaults to a 25% test set", () => {
  assert.equal(trainTestSplit(indexed(100)).test.x.rows, 25);
});

Deno.test("trainTestSplit() parts are disjoint, cover every sample and keep x and y together", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 60 }),
      fc.double({ min: 0.01, max: 0.5, noNaN: true }),
      fc.integer(),
      (n, testFraction, seed) => {
        const { train, test } = trainTestSplit(indexed(n), { testFraction, seed });
        const seen = [...train.x.data, ...test.x.data].sort((a, b) => a - b);
        assert.deepEqual(seen, Array.from({ length: n }, (_, i) => i));
        for (const part of [train, test]) {
          for (let i = 0; i < part.x.rows; i++) {
            assert.equal((part.y as Int32Array)[i], part.x.data[i] % 3);
          }
          assert.equal(part.classes, 3);
        }
      },
    ),
  );
});

Deno.test("trainTestSplit() gives the same split for the same seed", () => {
  const data = indexed(50);
  assert.deepEqual(trainTestSplit(data, { seed: 9 }), trainTestSplit(data, { seed: 9 }));
  assert.notDeepEqual(
    trainTestSplit(data, { seed: 9 }).test,
    trainTestSplit(data, { seed: 10 }).test,
  );
});

Deno.test("trainTestSplit() without shuffling keeps the last samples for testing", () => {
  const { train, test } = trainTestSplit(indexed(4), { testFraction: 0.5, shuffle: false });
  assert.deepEqual(Array.from(train.x.data), [0, 1]);
  assert.deepEqual(Array.from(test.x.data), [2, 3]);
});

Deno.test("trainTestSplit() splits regression targets row by row", () => {
  const data = dataset(fromRows([[0], [1], [2], [3]]), fromRows([[0], [10], [20], [30]]));
  const { train, test } = trainTestSplit(data, { seed: 4 });
  for (const part of [train, test]) {
    const y = part.y as { data: Float64Array };
    for (let i = 0; i < part.x.rows; i++) assert.equal(y.data[i], 10 * part.x.data[i]);
  }
});

Deno.test("trainTestSplit() rejects bad fractions and too small data sets", async (t) => {
  await t.step("testFraction 0, 1, NaN", () => {
    for (const testFraction of [0, 1, NaN]) {
      assert.throws(() => trainTestSplit(indexed(10), { testFraction }), RangeError);
    }
  });
  await t.step("message in house style", () => {
    assert.throws(() => trainTestSplit(indexed(10), { testFraction: 1.5 }), {
      name: "RangeError",
      message:
        "Cannot split a dataset as testFraction must be a finite number > 0 and < 1: testFraction=1.5",
    });
  });
  await t.step("a single sample leaves no training set", () => {
    assert.throws(() => trainTestSplit(indexed(1)), {
      name: "RangeError",
      message:
        "Cannot split a dataset as the training set must not be empty: n=1, testFraction=0.25",
    });
  });
});
