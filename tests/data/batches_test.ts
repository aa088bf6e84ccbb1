import assert from "node:assert/strict";
import { dataset } from "../../src/core/dataset.ts";
import { matrix } from "../../src/core/matrix.ts";
import { batches } from "../../src/data/batches.ts";
import { permutation, shuffle } from "../../src/data/shuffle.ts";
import { standardNormal } from "../../src/data/standard_normal.ts";
import { subset } from "../../src/data/subset.ts";

function indexed(n: number) {
  const x = matrix(n, 1);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) x.data[i] = y[i] = i;
  return dataset(x, y);
}

Deno.test("batches() covers every sample once, in batches of batchSize and a smaller last one", () => {
  const parts = batches(indexed(10), 3, { seed: 4 });
  assert.deepEqual(parts.map((part) => part.x.rows), [3, 3, 3, 1]);
  const seen = parts.flatMap((part) => Array.from(part.x.data)).sort((a, b) => a - b);
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  for (const part of parts) {
    assert.deepEqual(Array.from(part.x.data), Array.from(part.y as Int32Array));
  }
});

Deno.test("batches() without shuffling keeps the original order", () => {
  const parts = batches(indexed(5), 2, { shuffle: false });
  assert.deepEqual(parts.map((part) => Array.from(part.x.data)), [[0, 1], [2, 3], [4]]);
});

Deno.test("batches() rejects a batch size below 1", () => {
  assert.throws(() => batches(indexed(5), 0), {
    name: "RangeError",
    message: "Cannot make batches as batchSize must be a finite integer >= 1: batchSize=0",
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

Deno.test("subset() rejects indices out of range", () => {
  assert.throws(() => subset(indexed(3), [0, 3]), {
    name: "RangeError",
    message:
      "Cannot take a subset of a dataset as every index must be an integer in 0..2: indices[1]=3",
  });
  assert.throws(() => subset(indexed(3), [0.5]), RangeError);
});

Deno.test("subset() refuses indices that are not an array, which would give a subset without rows", () => {
  for (const indices of [2, null, "01"]) {
    assert.throws(() => subset(indexed(3), indices as unknown as number[]), {
      name: "TypeError",
      message:
        /^Cannot take a subset of a dataset as indices must be an array of row indices: indices=/,
    });
  }
});

Deno.test("standardNormal() checks its options like every random function", () => {
  assert.throws(() => standardNormal(2, 2, { sed: 7 } as unknown as { seed: number }), {
    name: "TypeError",
    message:
      'Cannot draw a standard normal matrix as options must have only the keys seed, prng: unknown key "sed"',
  });
  assert.throws(() => standardNormal(2, 2, 5 as unknown as { seed: number }), {
    name: "TypeError",
    message:
      "Cannot draw a standard normal matrix as options must be an object such as { seed: 5 }: options=5",
  });
});
