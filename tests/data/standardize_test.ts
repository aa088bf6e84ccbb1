import assert from "node:assert/strict";
import fc from "fast-check";
import { fromRows, type Matrix, matrix } from "../../src/core/matrix.ts";
import { standardize } from "../../src/data/standardize.ts";

Deno.test("standardize() gives the fitted columns mean 0 and standard deviation 1", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.double({ min: -1e3, max: 1e3, noNaN: true }),
          fc.double({ min: -1, max: 1, noNaN: true }),
        ),
        {
          minLength: 2,
          maxLength: 30,
        },
      ),
      (rows) => {
        const x = fromRows(rows);
        const scaler = standardize(x);
        const z = scaler.apply(x);
        for (let c = 0; c < 2; c++) {
          let sum = 0, sumSquares = 0;
          for (let i = 0; i < z.rows; i++) {
            sum += z.data[2 * i + c];
            sumSquares += z.data[2 * i + c] ** 2;
          }
          assert.ok(Math.abs(sum / z.rows) < 1e-9);
          const variance = sumSquares / z.rows;
          if (Math.abs(variance - 1) < 1e-6) continue;
          // Only a column with no spread stays unscaled (std 1): centred, and nothing else.
          assert.equal(scaler.std[c], 1, `variance=${variance}`);
          let largest = 0, spread = 0;
          for (let i = 0; i < x.rows; i++) {
            const v = x.data[2 * i + c];
            assert.equal(z.data[2 * i + c], v - scaler.mean[c]);
            largest = Math.max(largest, Math.abs(v));
            spread += (v - scaler.mean[c]) ** 2;
          }
          const sd = Math.sqrt(spread / x.rows);
          assert.ok(sd <= 2e-12 * largest || largest < 2.3e-308, `sd=${sd}, largest=${largest}`);
        }
      },
    ),
  );
});

Deno.test("standardize() applies the training statistics to other data unchanged", () => {
  const scaler = standardize(fromRows([[0], [2], [4], [6]]));
  assert.equal(scaler.mean[0], 3);
  assert.ok(Math.abs(scaler.std[0] - Math.sqrt(5)) < 1e-15);
  const z = scaler.apply(fromRows([[3], [3 + Math.sqrt(5)]]));
  assert.deepEqual(Array.from(z.data), [0, 1]);
});

Deno.test("standardize() leaves the input untouched and returns a new matrix", () => {
  const x = fromRows([[1], [3]]);
  const z = standardize(x).apply(x);
  assert.deepEqual(Array.from(x.data), [1, 3]);
  assert.notEqual(z.data, x.data);
});

Deno.test("standardize() rejects empty, non-finite and mismatched inputs", async (t) => {
  await t.step("no rows", () => {
    assert.throws(() => standardize(matrix(0, 2)), {
      name: "RangeError",
      message: "Cannot fit a standardization as x must have at least one row: x.rows=0",
    });
  });
  await t.step("NaN and Infinity", () => {
    assert.throws(() => standardize(fromRows([[1], [NaN]])), RangeError);
    assert.throws(() => standardize(fromRows([[Infinity]])), RangeError);
  });
  await t.step("wrong number of columns when applying", () => {
    assert.throws(() => standardize(fromRows([[1, 2]])).apply(fromRows([[1]])), {
      name: "RangeError",
      message:
        "Cannot apply a standardization as x must have 2 columns like the fitted data: x is 1x1",
    });
  });
});

Deno.test("standardize() judges a column constant relative to its own scale", async (t) => {
  await t.step("tiny values with a real spread are scaled like any others", () => {
    const x = fromRows([[1e-13], [-1e-13], [3e-13]]);
    const scaler = standardize(x);
    assert.ok(Math.abs(scaler.std[0] / 1.632993161855452e-13 - 1) < 1e-12, `${scaler.std[0]}`);
    const z = scaler.apply(x).data;
    const variance = z.reduce((s, v) => s + v * v, 0) / z.length;
    assert.ok(Math.abs(variance - 1) < 1e-12, `variance=${variance}`);
  });
  await t.step("a constant column keeps std 1 at any scale, rounding in its mean or not", () => {
    for (const value of [0, 0.1, 1e-300, 7, 1e150]) {
      const scaler = standardize(fromRows([[value], [value], [value]]));
      assert.equal(scaler.std[0], 1, `${value}`);
      assert.ok(Math.abs(scaler.mean[0] - value) <= 1e-15 * value, `${value}: ${scaler.mean[0]}`);
    }
  });
  await t.step("so is a column below float64's normal range, where no mean can be computed", () => {
    assert.equal(standardize(fromRows([[0], [-5e-324]])).std[0], 1);
    assert.equal(standardize(fromRows([[1e-310], [3e-310]])).std[0], 1);
  });
});

Deno.test("standardize() is as accurate for columns whose squares overflow or underflow float64", () => {
  const cases: [number[], number, number][] = [
    [[1, 1e200], 5e199, 5e199],
    [[1.5e308, 1.6e308], 1.55e308, 5e306],
    [[0, -4e-162, 0], -4e-162 / 3, Math.sqrt(2 / 9) * 4e-162],
    [[3e-200, 1e-200], 2e-200, 1e-200],
  ];
  for (const [column, mean, std] of cases) {
    const x = fromRows(column.map((v) => [v]));
    const scaler = standardize(x);
    assert.ok(Math.abs(scaler.mean[0] / mean - 1) < 1e-14, `mean of ${column}: ${scaler.mean[0]}`);
    assert.ok(Math.abs(scaler.std[0] / std - 1) < 1e-14, `std of ${column}: ${scaler.std[0]}`);
    const z = scaler.apply(x).data;
    const variance = z.reduce((s, v) => s + v * v, 0) / z.length;
    assert.ok(Math.abs(variance - 1) < 1e-12, `variance of ${column}: ${variance}`);
  }
});

Deno.test("standardize() refuses what is not a matrix", () => {
  assert.throws(() => standardize([[1], [2]] as unknown as Matrix), {
    name: "TypeError",
    message:
      "Cannot fit a standardization as x must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): x=an array of 2",
  });
  assert.throws(() => standardize(fromRows([[1]])).apply(undefined as unknown as Matrix), {
    name: "TypeError",
    message: /^Cannot apply a standardization as x must be a matrix/,
  });
});

Deno.test("standardize().apply() refuses non-finite inputs, as fitting does", () => {
  const scaler = standardize(fromRows([[1, 2], [3, 5]]));
  for (const [value, shown] of [[NaN, "NaN"], [Infinity, "Infinity"], [-Infinity, "-Infinity"]]) {
    assert.throws(() => scaler.apply(fromRows([[0, 1], [value as number, 1]])), {
      name: "RangeError",
      message: `Cannot apply a standardization as x must hold finite numbers: x.data[2]=${shown}`,
    });
  }
});

Deno.test("standardize() fits and applies columns whose differences overflow float64", () => {
  // 1.7e308 - (-1.7e308) is beyond float64: the difference is taken in the column's scale.
  const column = [1.7e308, -1.7e308, 1e308];
  const x = fromRows(column.map((v) => [v]));
  const scaler = standardize(x);
  const mean = 1e308 / 3;
  const std = Math.sqrt(column.reduce((s, v) => s + (v / 1e308 - mean / 1e308) ** 2, 0) / 3) *
    1e308;
  assert.ok(Math.abs(scaler.mean[0] / mean - 1) < 1e-14, `mean ${scaler.mean[0]}`);
  assert.ok(Math.abs(scaler.std[0] / std - 1) < 1e-14, `std ${scaler.std[0]}`);
  const z = Array.from(scaler.apply(x).data);
  z.forEach((v, i) => {
    const expected = (column[i] / 1e308 - mean / 1e308) / (std / 1e308);
    assert.ok(Math.abs(v - expected) < 1e-14, `z[${i}] = ${v}, expected ${expected}`);
  });
  assert.ok(Math.abs(z.reduce((s, v) => s + v * v, 0) / 3 - 1) < 1e-12);
});

Deno.test("standardize().apply() refuses a value whose standardised form overflows", () => {
  const scaler = standardize(fromRows([[0], [1]])); // mean 0.5, std 0.5
  assert.throws(() => scaler.apply(fromRows([[0], [1.7e308]])), {
    name: "RangeError",
    message:
      "Cannot apply a standardization as (x - mean) / std must be finite in float64: x.data[1]=1.7e+308, mean=0.5, std=0.5",
  });
});

Deno.test("standardize().apply() takes x alone", () => {
  const scaler = standardize(fromRows([[1], [3]]));
  assert.throws(
    () => (scaler.apply as (x: Matrix, extra: unknown) => Matrix)(fromRows([[1]]), 5),
    {
      name: "TypeError",
      message:
        /^Cannot apply a standardization as apply takes x alone, no second argument: second=5$/,
    },
  );
});
