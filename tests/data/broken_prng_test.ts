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
  standardNormal,
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

/** Every random function of data/, given the randomness options, with the action its errors name. */
const SEEDED: [string, (options: object) => unknown][] = [
  ["create a permutation", (options) => permutation(5, options)],
  ["shuffle a dataset", (options) => shuffle(indexed(10), options)],
  ["split a dataset", (options) => trainTestSplit(indexed(10), options)],
  ["make batches", (options) => batches(indexed(10), 4, options)],
  ["generate two moons", (options) => twoMoons({ n: 6, ...options })],
  ["generate circles", (options) => circles({ n: 6, ...options })],
  ["generate spirals", (options) => spirals({ n: 6, ...options })],
  ["generate xor", (options) => xor({ n: 3, ...options })],
  ["generate a regression problem", (options) => regression1d("sin", options)],
  ["generate blobs", (options) => blobs({ n: 4, centers: 2, ...options })],
  ["draw a standard normal matrix", (options) => standardNormal(2, 2, options)],
];

/** Bad randomness options, the error class and the end of the message after the action. */
const BAD_RANDOMNESS: [object, string, string][] = [
  [{ seed: 1.5 }, "RangeError", "seed must be a finite integer: seed=1.5"],
  [{ seed: -Infinity }, "RangeError", "seed must be a finite integer: seed=-Infinity"],
  [{ seed: "1" }, "TypeError", 'seed must be a finite integer: seed="1"'],
  [
    { seed: 2 ** 53 },
    "RangeError",
    "seed must be a safe integer (|seed| <= 2^53 - 1): seed=9007199254740992",
  ],
  [{ prng: 5 }, "TypeError", "prng must be a function returning numbers in [0, 1): prng=5"],
  // Both: the seed would go unused, and a bad one pass unseen.
  [
    {
      seed: "abc",
      prng: function mine() {
        return 0.5;
      },
    },
    "TypeError",
    'seed and prng must not both be given (the prng would be drawn from, the seed unused): seed="abc", prng=function mine',
  ],
];

Deno.test("every data function that draws names itself for a bad seed or prng, not a Prng", async (t) => {
  for (const [action, use] of SEEDED) {
    await t.step(action, () => {
      for (const [options, name, rule] of BAD_RANDOMNESS) {
        assert.throws(() => use(options), { name, message: `Cannot ${action} as ${rule}` });
      }
      // A valid seed or prng draws as before.
      assert.deepEqual(use({ seed: 3 }), use({ prng: createPrng(3) }));
    });
  }
});

Deno.test("every data function that draws normal samples names itself for a prng stuck at 0", async (t) => {
  const stuck = () => 0;
  const users: [string, () => unknown][] = [
    ["generate two moons", () => twoMoons({ n: 6, noise: 0.1, prng: stuck })],
    ["generate circles", () => circles({ n: 6, noise: 0.1, prng: stuck })],
    ["generate spirals", () => spirals({ n: 6, noise: 0.1, prng: stuck })],
    ["generate a regression problem", () => regression1d("sin", { noise: 0.1, prng: stuck })],
    ["generate blobs", () => blobs({ n: 4, centers: [[0, 0], [1, 1]], prng: stuck })],
    ["draw a standard normal matrix", () => standardNormal(2, 2, { prng: stuck })],
  ];
  for (const [action, use] of users) {
    await t.step(action, () => {
      assert.throws(use, {
        name: "RangeError",
        message:
          `Cannot ${action} as prng must return numbers in (0, 1), not 0 64 times running: drew 0`,
      });
    });
  }
});

Deno.test("loadDigits() names itself for a bad seed or prng", async () => {
  for (const [options, name, rule] of BAD_RANDOMNESS) {
    await assert.rejects(() => loadDigits({ digits: [5], n: 2, ...options }), {
      name,
      message: `Cannot load digits as ${rule}`,
    });
  }
});
