import assert from "node:assert/strict";
import { batches } from "../../src/data/batches.ts";
import { trainTestSplit } from "../../src/data/train_test_split.ts";
import { permutation } from "../../src/data/shuffle.ts";
import { indexed } from "./_indexed.ts";

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

Deno.test("batches() and trainTestSplit() refuse a seed or prng without shuffling, which would change nothing", () => {
  const prng = () => 0.5;
  const cases: [Record<string, unknown>, string][] = [
    [{ seed: 1 }, "seed=1"],
    [{ prng }, "prng=function prng"],
    [{ seed: 2, prng }, "seed=2, prng=function prng"],
  ];
  const calls: [string, (options: Record<string, unknown>) => unknown][] = [
    ["make batches", (options) => batches(indexed(5), 2, options)],
    ["split a dataset", (options) => trainTestSplit(indexed(5), options)],
  ];
  for (const [action, call] of calls) {
    for (const [given, seen] of cases) {
      assert.throws(() => call({ ...given, shuffle: false }), {
        name: "RangeError",
        message:
          `Cannot ${action} as seed and prng shuffle the samples, and shuffle is false: shuffle=false, ${seen}`,
      });
    }
  }
  // Left out, or undefined as left out, they are not given: the data's order is kept.
  const kept = batches(indexed(5), 2, { shuffle: false, prng: undefined });
  assert.deepEqual(kept.map((part) => Array.from(part.x.data)), [[0, 1], [2, 3], [4]]);
  const split = trainTestSplit(indexed(10), { shuffle: false, seed: undefined });
  assert.deepEqual(Array.from(split.test.x.data), [7, 8, 9]);
});

Deno.test("batches() shuffles by default, in the order permutation() gives for the same seed", () => {
  const parts = batches(indexed(7), 3, { seed: 5 });
  assert.deepEqual(
    parts.flatMap((part) => Array.from(part.x.data)),
    Array.from(permutation(7, { seed: 5 })),
  );
  assert.deepEqual(batches(indexed(7), 3, { seed: 5, shuffle: true }), parts);
});

Deno.test("batches() of a multiple of batchSize ends with a full batch, not an empty one", () => {
  assert.deepEqual(batches(indexed(9), 3, { shuffle: false }).map((part) => part.x.rows), [
    3,
    3,
    3,
  ]);
  assert.deepEqual(batches(indexed(1), 1).map((part) => part.x.rows), [1]);
});

Deno.test("batches() rejects a batch size below 1", () => {
  assert.throws(() => batches(indexed(5), 0), {
    name: "RangeError",
    message: "Cannot make batches as batchSize must be a finite integer >= 1: batchSize=0",
  });
});
