import assert from "node:assert/strict";
import { circles } from "../../src/data/circles.ts";

Deno.test("circles() without noise puts class 0 on the unit circle and class 1 on radius factor", () => {
  const data = circles({ n: 101, factor: 0.3, seed: 2 });
  const y = data.y as Int32Array;
  let inner = 0;
  for (let i = 0; i < data.x.rows; i++) {
    const radius = Math.hypot(data.x.data[2 * i], data.x.data[2 * i + 1]);
    assert.ok(Math.abs(radius - (y[i] === 0 ? 1 : 0.3)) < 1e-12);
    inner += y[i];
  }
  assert.equal(inner, 51);
  assert.equal(data.classes, 2);
});

Deno.test("circles() without shuffling starts each circle at angle 0 and spaces points evenly", () => {
  const data = circles({ n: 8, factor: 0.5, shuffle: false });
  const rounded = Array.from(data.x.data, (v) => Math.round(v * 1e9) / 1e9 + 0);
  assert.deepEqual(rounded, [1, 0, 0, 1, -1, 0, 0, -1, 0.5, 0, 0, 0.5, -0.5, 0, 0, -0.5]);
  assert.deepEqual(Array.from(data.y as Int32Array), [0, 0, 0, 0, 1, 1, 1, 1]);
});

Deno.test("circles() defaults to 100 points with factor 0.8, like scikit-learn", () => {
  const data = circles();
  assert.equal(data.x.rows, 100);
  const radii = new Set<number>();
  for (let i = 0; i < 100; i++) {
    radii.add(Math.round(Math.hypot(data.x.data[2 * i], data.x.data[2 * i + 1]) * 1e9) / 1e9);
  }
  assert.deepEqual([...radii].sort(), [0.8, 1]);
});

Deno.test("circles() is reproducible from a seed", () => {
  assert.deepEqual(circles({ noise: 0.05, seed: 8 }), circles({ noise: 0.05, seed: 8 }));
  assert.notDeepEqual(circles({ noise: 0.05, seed: 8 }).x, circles({ noise: 0.05, seed: 9 }).x);
});

Deno.test("circles() rejects bad options", async (t) => {
  await t.step("factor 1 or above, negative, NaN", () => {
    for (const factor of [1, 1.5, -0.1, NaN]) {
      assert.throws(() => circles({ factor }), RangeError);
    }
    assert.throws(() => circles({ factor: 1 }), {
      message: "Cannot generate circles as factor must be a finite number >= 0 and < 1: factor=1",
    });
  });
  await t.step("factor exactly 0 is allowed (a point in the middle)", () => {
    const data = circles({ n: 4, factor: 0, shuffle: false });
    assert.deepEqual(Array.from(data.x.data.subarray(4)).map(Math.abs), [0, 0, 0, 0]);
  });
  await t.step("n below 2, negative noise", () => {
    assert.throws(() => circles({ n: 1 }), RangeError);
    assert.throws(() => circles({ noise: -1 }), RangeError);
  });
});

Deno.test("circles() matches scikit-learn's make_circles(n_samples=9, factor=0.5, shuffle=False)", () => {
  // Printed by scikit-learn 1.2: X.round(6).tolist(), y.tolist()
  const expectedX = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
    [0.5, 0],
    [0.154508, 0.475528],
    [-0.404508, 0.293893],
    [-0.404508, -0.293893],
    [0.154508, -0.475528],
  ].flat();
  const data = circles({ n: 9, factor: 0.5, shuffle: false });
  const rounded = Array.from(data.x.data, (v) => Math.round(v * 1e6) / 1e6 + 0);
  assert.deepEqual(rounded, expectedX);
  assert.deepEqual(Array.from(data.y as Int32Array), [0, 0, 0, 0, 1, 1, 1, 1, 1]);
});
