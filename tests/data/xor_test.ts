import assert from "node:assert/strict";
import { createPrng, randomNormal } from "../../src/core/prng.ts";
import { xor } from "../../src/data/xor.ts";

Deno.test("xor() labels a point 1 exactly when one coordinate is positive", () => {
  const data = xor({ n: 500, seed: 2 });
  const y = data.y as Int32Array;
  for (let i = 0; i < 500; i++) {
    const a = data.x.data[2 * i], b = data.x.data[2 * i + 1];
    assert.ok(a >= -1 && a < 1 && b >= -1 && b < 1);
    assert.equal(y[i], (a > 0) !== (b > 0) ? 1 : 0);
  }
});

Deno.test("xor() fills all four quadrants with about a quarter of the points each", () => {
  const data = xor({ n: 4000, seed: 5 });
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 4000; i++) {
    counts[(data.x.data[2 * i] > 0 ? 1 : 0) + (data.x.data[2 * i + 1] > 0 ? 2 : 0)]++;
  }
  for (const count of counts) assert.ok(Math.abs(count - 1000) < 100, `counts=${counts}`);
});

Deno.test("xor() noise moves points after labelling, so some cross the axes", () => {
  const data = xor({ n: 1000, noise: 0.2, seed: 6 });
  const y = data.y as Int32Array;
  let crossed = 0;
  for (let i = 0; i < 1000; i++) {
    const a = data.x.data[2 * i], b = data.x.data[2 * i + 1];
    if (y[i] !== ((a > 0) !== (b > 0) ? 1 : 0)) crossed++;
  }
  assert.ok(crossed > 20 && crossed < 400, `crossed=${crossed}`);
});

Deno.test("xor() is reproducible from a seed", () => {
  assert.deepEqual(xor({ seed: 11, noise: 0.1 }), xor({ seed: 11, noise: 0.1 }));
});

Deno.test("xor() rejects bad options", () => {
  assert.throws(() => xor({ n: 0 }), {
    name: "RangeError",
    message: "Cannot generate xor as n must be a finite integer >= 1: n=0",
  });
  assert.throws(() => xor({ noise: NaN }), RangeError);
});

Deno.test("xor() draws each point's coordinates as 2u - 1 in turn, then the noise for every input", () => {
  const data = xor({ n: 40, noise: 0.3, seed: 12 });
  const twin = createPrng(12);
  const clean = Array.from({ length: 80 }, () => 2 * twin() - 1);
  assert.deepEqual({ rows: data.x.rows, cols: data.x.cols, classes: data.classes }, {
    rows: 40,
    cols: 2,
    classes: 2,
  });
  assert.deepEqual(Array.from(data.x.data), clean.map((v) => v + 0.3 * randomNormal(twin)));
  const y = data.y as Int32Array;
  for (let i = 0; i < 40; i++) {
    assert.equal(y[i], (clean[2 * i] > 0) !== (clean[2 * i + 1] > 0) ? 1 : 0);
  }
});

Deno.test("xor() counts a coordinate of exactly 0 as not positive", () => {
  const draws = [0.5, 0.75, 0.75, 0.5, 0.5, 0.5];
  const data = xor({ n: 3, prng: () => draws.shift()! });
  assert.deepEqual(Array.from(data.x.data), [0, 0.5, 0.5, 0, 0, 0]);
  assert.deepEqual(data.y, Int32Array.of(1, 1, 0));
});
