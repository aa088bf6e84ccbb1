import assert from "node:assert/strict";
import { createPrng } from "../../src/core/prng.ts";
import { permutation, shuffle } from "../../src/data/shuffle.ts";
import { subset } from "../../src/data/subset.ts";
import { counting } from "./_counting.ts";
import { indexed } from "./_indexed.ts";

Deno.test("permutation() is Fisher–Yates from the last place down, n - 1 draws", () => {
  const { prng, draws } = counting(6);
  const p = permutation(9, { prng });
  assert.equal(draws(), 8);
  // The same swaps, drawn from a second generator of the same seed.
  const twin = createPrng(6), order = Array.from({ length: 9 }, (_, i) => i);
  for (let i = 8; i > 0; i--) {
    const j = Math.floor(twin() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  assert.deepEqual(Array.from(p), order);
  assert.equal(prng(), twin(), "no draw added or skipped");
});

Deno.test("shuffle() is the subset in the order permutation() gives for the same seed", () => {
  assert.deepEqual(
    shuffle(indexed(8), { seed: 3 }),
    subset(indexed(8), permutation(8, { seed: 3 })),
  );
});

Deno.test("permutation() refuses a size that is fractional or negative, and unknown options", () => {
  for (const n of [2.5, -1]) {
    assert.throws(() => permutation(n), {
      name: "RangeError",
      message: `Cannot create a permutation as n must be a finite integer >= 0: n=${n}`,
    });
  }
  assert.throws(() => shuffle(indexed(2), { sed: 1 } as never), {
    name: "TypeError",
    message:
      'Cannot shuffle a dataset as options must have only the keys seed, prng: unknown key "sed"',
  });
});

Deno.test("permutation() and shuffle() are reproducible from a seed and cover every index", () => {
  assert.deepEqual(permutation(20, { seed: 1 }), permutation(20, { seed: 1 }));
  assert.notDeepEqual(permutation(20, { seed: 1 }), permutation(20, { seed: 2 }));
  assert.deepEqual(Array.from(permutation(20, { seed: 1 })).sort((a, b) => a - b), [
    ...Array(20).keys(),
  ]);
  assert.deepEqual(permutation(0), new Int32Array(0));
  assert.deepEqual(shuffle(indexed(8), { seed: 3 }), shuffle(indexed(8), { seed: 3 }));
});

Deno.test("permutation() is roughly uniform: each index lands in each place about equally", () => {
  const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  for (let seed = 0; seed < 4000; seed++) {
    const p = permutation(4, { seed });
    for (let place = 0; place < 4; place++) counts[p[place]][place]++;
  }
  for (const row of counts) for (const count of row) assert.ok(Math.abs(count - 1000) < 120);
});

Deno.test("permutation() refuses a size beyond 2^31, whose indices an Int32Array cannot hold", () => {
  assert.throws(() => permutation(2 ** 40), {
    name: "RangeError",
    message:
      "Cannot create a permutation as n must be at most 2147483648 (2^31: the indices are int32): n=1099511627776",
  });
});
