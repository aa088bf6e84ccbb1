import assert from "node:assert/strict";
import { createPrng, randomNormal } from "../../src/core/prng.ts";
import { spirals } from "../../src/data/spirals.ts";
import { counting } from "./_counting.ts";

Deno.test("spirals() shares points between arms as evenly as possible", () => {
  const data = spirals({ n: 100, classes: 3, seed: 1 });
  const counts = [0, 0, 0];
  for (const label of data.y as Int32Array) counts[label]++;
  assert.deepEqual(counts, [34, 33, 33]);
  assert.equal(data.classes, 3);
});

Deno.test("spirals() without noise puts each point at angle 4 (j + r) and radius r", () => {
  const data = spirals({ n: 60, classes: 2, shuffle: false });
  const y = data.y as Int32Array;
  for (let i = 0; i < data.x.rows; i++) {
    const a = data.x.data[2 * i], b = data.x.data[2 * i + 1];
    const r = Math.hypot(a, b);
    assert.ok(r <= 1 + 1e-12);
    const t = 4 * (y[i] + r);
    assert.ok(Math.abs(a - r * Math.sin(t)) < 1e-12 && Math.abs(b - r * Math.cos(t)) < 1e-12);
  }
});

Deno.test("spirals() noise moves points along their circle, not off it", () => {
  const clean = spirals({ n: 90, shuffle: false });
  const noisy = spirals({ n: 90, shuffle: false, noise: 0.2, seed: 3 });
  let moved = 0;
  for (let i = 0; i < 90; i++) {
    const r0 = Math.hypot(clean.x.data[2 * i], clean.x.data[2 * i + 1]);
    const r1 = Math.hypot(noisy.x.data[2 * i], noisy.x.data[2 * i + 1]);
    assert.ok(Math.abs(r0 - r1) < 1e-12);
    if (Math.abs(clean.x.data[2 * i] - noisy.x.data[2 * i]) > 1e-9) moved++;
  }
  assert.ok(moved > 80);
});

Deno.test("spirals() is reproducible from a seed", () => {
  assert.deepEqual(spirals({ noise: 0.2, seed: 4 }), spirals({ noise: 0.2, seed: 4 }));
});

Deno.test("spirals() rejects bad options", async (t) => {
  await t.step("fewer points than arms", () => {
    assert.throws(() => spirals({ n: 2, classes: 3 }), {
      name: "RangeError",
      message: "Cannot generate spirals as n must be a finite integer >= 3: n=2",
    });
  });
  await t.step("classes 0 or fractional", () => {
    assert.throws(() => spirals({ classes: 0 }), RangeError);
    assert.throws(() => spirals({ classes: 2.5 }), RangeError);
  });
});

Deno.test("spirals() runs each arm's radius from 0 to 1 in equal steps", () => {
  const data = spirals({ n: 60, classes: 2, shuffle: false });
  assert.equal(data.x.data.length, 120);
  for (let row = 0; row < 60; row++) {
    const r = Math.hypot(data.x.data[2 * row], data.x.data[2 * row + 1]);
    assert.ok(Math.abs(r - (row % 30) / 29) < 1e-12, `row ${row}: radius ${r}`);
  }
});

Deno.test("spirals() turns each point by noise × the next normal draw, and draws nothing without noise", () => {
  const noisy = spirals({ n: 6, classes: 2, noise: 0.3, shuffle: false, seed: 9 });
  const twin = createPrng(9), expected: number[] = [];
  for (let j = 0; j < 2; j++) {
    for (const r of [0, 0.5, 1]) {
      const t = 4 * (j + r) + 0.3 * randomNormal(twin);
      expected.push(r * Math.sin(t), r * Math.cos(t));
    }
  }
  assert.deepEqual(Array.from(noisy.x.data), expected);
  // Without noise or shuffling nothing is drawn, so a prng is refused before any draw.
  const { prng, draws } = counting(9);
  assert.throws(() => spirals({ n: 6, shuffle: false, prng }), RangeError);
  assert.equal(draws(), 0);
});

Deno.test("spirals() with more classes than its default n says the default is what falls short", () => {
  assert.throws(() => spirals({ classes: 1000 }), {
    name: "RangeError",
    message:
      "Cannot generate spirals as n must be a finite integer >= 1000, and its default, 300, is not: pass n >= 1000",
  });
  assert.throws(() => spirals({ classes: 1000, n: 300 }), /n must be .*: n=300$/);
  assert.equal(spirals({ classes: 1000, n: 1000 }).x.rows, 1000);
});
