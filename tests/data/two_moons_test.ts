import assert from "node:assert/strict";
import { twoMoons } from "../../src/data/two_moons.ts";

Deno.test("twoMoons() returns n points in 2-D with half of them in each class", () => {
  const data = twoMoons({ n: 101, seed: 1 });
  assert.equal(data.x.rows, 101);
  assert.equal(data.x.cols, 2);
  assert.equal(data.classes, 2);
  const ones = (data.y as Int32Array).reduce((sum, label) => sum + label, 0);
  assert.equal(ones, 51); // scikit-learn gives the extra point to the inner moon (class 1)
});

Deno.test("twoMoons() without noise puts class 0 on the upper unit circle and class 1 on the shifted lower one", () => {
  const data = twoMoons({ n: 50 });
  const y = data.y as Int32Array;
  for (let i = 0; i < data.x.rows; i++) {
    const a = data.x.data[2 * i], b = data.x.data[2 * i + 1];
    if (y[i] === 0) {
      assert.ok(Math.abs(a * a + b * b - 1) < 1e-12);
      assert.ok(b >= -1e-12);
    } else {
      assert.ok(Math.abs((a - 1) ** 2 + (b - 0.5) ** 2 - 1) < 1e-12);
      assert.ok(b <= 0.5 + 1e-12);
    }
  }
});

Deno.test("twoMoons() without shuffling lists class 0 first, from (1, 0) to (-1, 0)", () => {
  const data = twoMoons({ n: 4, shuffle: false });
  assert.deepEqual(Array.from(data.y as Int32Array), [0, 0, 1, 1]);
  const rounded = Array.from(data.x.data, (v) => Math.round(v * 1e9) / 1e9 + 0);
  assert.deepEqual(rounded, [1, 0, -1, 0, 0, 0.5, 2, 0.5]);
});

Deno.test("twoMoons() is reproducible from a seed and differs between seeds", () => {
  assert.deepEqual(twoMoons({ noise: 0.1, seed: 5 }), twoMoons({ noise: 0.1, seed: 5 }));
  assert.notDeepEqual(twoMoons({ noise: 0.1, seed: 5 }).x, twoMoons({ noise: 0.1, seed: 6 }).x);
});

Deno.test("twoMoons() noise spreads points off the arcs by about its standard deviation", () => {
  const clean = twoMoons({ n: 2000, shuffle: false });
  const noisy = twoMoons({ n: 2000, shuffle: false, noise: 0.3, seed: 2 });
  let sumSquares = 0;
  for (let i = 0; i < clean.x.data.length; i++) {
    sumSquares += (noisy.x.data[i] - clean.x.data[i]) ** 2;
  }
  const std = Math.sqrt(sumSquares / clean.x.data.length);
  assert.ok(Math.abs(std - 0.3) < 0.02, `std=${std}`);
});

Deno.test("twoMoons() rejects bad options with house-style errors", async (t) => {
  await t.step("n below 2", () => {
    assert.throws(() => twoMoons({ n: 1 }), {
      name: "RangeError",
      message: "Cannot generate two moons as n must be a finite integer >= 2: n=1",
    });
  });
  await t.step("n not an integer, NaN or Infinity", () => {
    for (const n of [2.5, NaN, Infinity]) assert.throws(() => twoMoons({ n }), RangeError);
  });
  await t.step("negative noise", () => {
    assert.throws(() => twoMoons({ noise: -0.1 }), {
      name: "RangeError",
      message: "Cannot generate two moons as noise must be a finite number >= 0: noise=-0.1",
    });
  });
  await t.step("noise of the wrong type", () => {
    assert.throws(() => twoMoons({ noise: "0.1" as unknown as number }), TypeError);
  });
  await t.step("shuffle of the wrong type", () => {
    assert.throws(() => twoMoons({ shuffle: 1 as unknown as boolean }), TypeError);
  });
});

Deno.test("twoMoons() matches scikit-learn's make_moons(n_samples=5, shuffle=False) point for point", () => {
  // Printed by scikit-learn 1.2: X.round(6).tolist(), y.tolist()
  const expectedX = [[1, 0], [-1, 0], [0, 0.5], [1, -0.5], [2, 0.5]].flat();
  const data = twoMoons({ n: 5, shuffle: false });
  const rounded = Array.from(data.x.data, (v) => Math.round(v * 1e6) / 1e6 + 0);
  assert.deepEqual(rounded, expectedX);
  assert.deepEqual(Array.from(data.y as Int32Array), [0, 0, 1, 1, 1]);
});

Deno.test("twoMoons() refuses a noise or spread that makes points infinite in float64", () => {
  assert.throws(() => twoMoons({ n: 200, noise: 1e308 }), {
    name: "RangeError",
    message:
      /^Cannot generate two moons as its points must be finite in float64 \(a noise, spread or centre too large\): x\.data\[\d+\]=-?Infinity$/,
  });
});
