import assert from "node:assert/strict";
import { createPrng, type Prng } from "../../src/core/prng.ts";
import {
  batches,
  blobs,
  circles,
  loadDigits,
  permutation,
  regression1d,
  shuffle,
  spirals,
  trainTestSplit,
  twoMoons,
  xor,
} from "../../src/data/mod.ts";
import { indexed } from "./_indexed.ts";

/** Every random function of data/ that draws uniform numbers, with the action its errors name. */
const USERS: [string, (prng: Prng) => unknown][] = [
  ["create a permutation", (prng) => permutation(5, { prng })],
  ["shuffle a dataset", (prng) => shuffle(indexed(10), { prng })],
  ["split a dataset", (prng) => trainTestSplit(indexed(10), { prng })],
  ["make batches", (prng) => batches(indexed(10), 4, { prng })],
  ["generate two moons", (prng) => twoMoons({ n: 6, prng })],
  ["generate circles", (prng) => circles({ n: 6, prng })],
  ["generate spirals", (prng) => spirals({ n: 6, prng })],
  ["generate xor", (prng) => xor({ n: 3, prng })],
  ["generate a regression problem", (prng) => regression1d("sin", { range: [0, 1], prng })],
  ["generate blobs", (prng) => blobs({ n: 4, centers: 2, prng })],
];

/** Values a broken generator returns, and how messages show them. */
const BROKEN: [unknown, string][] = [[1, "1"], [NaN, "NaN"], [-0.5, "-0.5"], [2, "2"], [
  "0.5",
  '"0.5"',
]];

Deno.test("every data function that draws refuses a prng outside [0, 1), naming what it did", async (t) => {
  for (const [action, use] of USERS) {
    await t.step(action, () => {
      for (const [value, shown] of BROKEN) {
        assert.throws(() => use(() => value as number), {
          name: "RangeError",
          message: `Cannot ${action} as prng must return numbers in [0, 1): drew ${shown}`,
        });
      }
    });
  }
});

Deno.test("every data function checks each draw, not only the first, and stops at the bad one", async (t) => {
  for (const [action, use] of USERS) {
    await t.step(action, () => {
      // Good draws, then a 1: permutation(5) with it gave [0, 0, 1, 2, 3], a sample twice.
      const inner = createPrng(3);
      let draws = 0;
      const prng = () => ++draws < 3 ? inner() : 1;
      assert.throws(() => use(prng), {
        name: "RangeError",
        message: `Cannot ${action} as prng must return numbers in [0, 1): drew 1`,
      });
      assert.equal(draws, 3, "no draw after the broken one");
    });
  }
});

Deno.test("loadDigits() refuses a prng outside [0, 1) instead of reading past its pool", async () => {
  for (const [value, shown] of BROKEN) {
    await assert.rejects(() => loadDigits({ digits: [5], n: 2, prng: () => value as number }), {
      name: "RangeError",
      message: `Cannot load digits as prng must return numbers in [0, 1): drew ${shown}`,
    });
  }
});
