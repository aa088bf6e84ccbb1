import assert from "node:assert/strict";
import type { Matrix } from "../../src/core/matrix.ts";
import {
  batches,
  blobs,
  circles,
  loadDigits,
  permutation,
  regression1d,
  shuffle,
  spirals,
  standardNormal,
  trainTestSplit,
  twoMoons,
  xor,
} from "../../src/data/mod.ts";
import { counting } from "./_counting.ts";
import { indexed } from "./_indexed.ts";

// Stored notebooks and the PyTorch reference were drawn with these exact values: a change to a
// generator, split or shuffle must leave them as they are.

const labels = (data: { y: unknown }) => Array.from(data.y as Int32Array);

Deno.test("permutation(), shuffle(), trainTestSplit() and batches() keep their seeded orders", () => {
  assert.deepEqual(Array.from(permutation(10, { seed: 0 })), [3, 1, 6, 5, 8, 0, 4, 2, 7, 9]);
  assert.deepEqual(Array.from(permutation(10, { seed: 42 })), [6, 7, 8, 3, 4, 9, 1, 0, 5, 2]);
  assert.deepEqual(labels(shuffle(indexed(6), { seed: 1 })), [0, 4, 1, 5, 3, 2]);
  const { train, test } = trainTestSplit(indexed(10), { seed: 0 });
  assert.deepEqual([labels(train), labels(test)], [[3, 1, 6, 5, 8, 0, 4], [2, 7, 9]]);
  assert.deepEqual(batches(indexed(7), 3, { seed: 2 }).map(labels), [[2, 4, 1], [6, 0, 3], [5]]);
});

Deno.test("the point-cloud generators keep their seeded points and labels", () => {
  const moons = twoMoons({ n: 6, noise: 0.1, seed: 1 });
  assert.deepEqual(labels(moons), [0, 1, 0, 1, 1, 0]);
  assert.deepEqual(Array.from(moons.x.data.subarray(0, 4)), [
    1.0001617020275237,
    -0.0032483168450162083,
    1.1840626522911355,
    -0.575277203035139,
  ]);
  const ring = circles({ n: 6, noise: 0.05, seed: 3 });
  assert.deepEqual(labels(ring), [0, 1, 0, 1, 1, 0]);
  assert.deepEqual(Array.from(ring.x.data.subarray(0, 2)), [
    -0.49086494651659984,
    0.8221520189989514,
  ]);
  const arms = spirals({ n: 6, noise: 0.2, seed: 0 });
  assert.deepEqual(labels(arms), [1, 0, 2, 0, 1, 2]);
  assert.deepEqual(Array.from(arms.x.data.subarray(0, 2)), [
    0.8811542965369746,
    -0.47282883340002574,
  ]);
  const quadrants = xor({ n: 3, seed: 3 });
  assert.deepEqual(Array.from(quadrants.x.data), [
    -0.17622496746480465,
    0.2007603975944221,
    0.1315350728109479,
    -0.3433525301516056,
    -0.3157091913744807,
    0.122016625944525,
  ]);
  const clusters = blobs({ n: 4, centers: 2, seed: 5 });
  assert.deepEqual(Array.from(clusters.centers.data), [
    3.173792753368616,
    3.3215197501704097,
    7.650076393038034,
    6.6558427875861526,
  ]);
  assert.deepEqual(labels(clusters), [1, 0, 1, 0]);
  assert.deepEqual(Array.from(clusters.x.data.subarray(0, 2)), [
    6.137236641661927,
    6.999577096327186,
  ]);
});

Deno.test("regression1d(), standardNormal() and loadDigits() keep their seeded values", async () => {
  const curve = regression1d("sin", { n: 3, noise: 0.1, seed: 4 });
  assert.deepEqual(Array.from(curve.x.data), [
    -2.731357851997018,
    0.5827995864674449,
    -2.982822386082262,
  ]);
  assert.deepEqual(Array.from((curve.y as Matrix).data), [
    -0.4039520738887955,
    0.46073584946207585,
    -0.0163811489828819,
  ]);
  assert.deepEqual(Array.from(standardNormal(1, 2, { seed: 1 }).data), [
    0.3283934773363103,
    -0.8499123426248046,
  ]);
  const digits = await loadDigits({ n: 8, digits: [3, 8], split: "test", seed: 1 });
  assert.deepEqual(Array.from(digits.y), [0, 1, 1, 1, 1, 1, 1, 1]);
});

Deno.test("each random data function draws as many numbers as it did, one per index or input", async () => {
  const counts: [string, number, (prng: () => number) => unknown][] = [
    ["permutation(9)", 8, (prng) => permutation(9, { prng })],
    ["twoMoons without noise", 5, (prng) => twoMoons({ n: 6, prng })],
    ["xor", 6, (prng) => xor({ n: 3, prng })],
    ["regression1d without noise", 3, (prng) => regression1d("abs", { n: 3, prng })],
    // 2 x 2 centre coordinates, 4 x 2 normal coordinates of two draws each, 3 shuffle draws.
    ["blobs", 4 + 16 + 3, (prng) => blobs({ n: 4, centers: 2, prng })],
  ];
  for (const [name, expected, use] of counts) {
    const { prng, draws } = counting(1);
    use(prng);
    assert.equal(draws(), expected, name);
  }
  const { prng, draws } = counting(1);
  await loadDigits({ n: 5, digits: [1], prng });
  assert.equal(draws(), 5, "loadDigits");
});

Deno.test("a prng at the edges of [0, 1) still gives every index once and points in range", () => {
  const below1 = 1 - 2 ** -53;
  // j = floor(u (i + 1)) is i for u just below 1, and 0 for u = 0: no index repeats.
  assert.deepEqual(Array.from(permutation(5, { prng: () => below1 })), [0, 1, 2, 3, 4]);
  assert.deepEqual(Array.from(permutation(5, { prng: () => 0 })), [1, 2, 3, 4, 0]);
  const x = xor({ n: 1, prng: () => below1 }).x.data;
  assert.ok(x.every((v) => v >= -1 && v < 1), `x=${x}`);
});
