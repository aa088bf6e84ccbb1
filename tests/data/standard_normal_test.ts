import assert from "node:assert/strict";
import { createPrng, randomNormal } from "../../src/core/prng.ts";
import { standardNormal } from "../../src/data/standard_normal.ts";
import { counting } from "./_counting.ts";

Deno.test("standardNormal() fills its matrix row by row with the generator's normal draws", () => {
  const { prng, draws } = counting(3);
  const m = standardNormal(2, 3, { prng });
  const twin = createPrng(3);
  assert.deepEqual({ rows: m.rows, cols: m.cols }, { rows: 2, cols: 3 });
  assert.deepEqual(Array.from(m.data), Array.from({ length: 6 }, () => randomNormal(twin)));
  assert.equal(draws(), 12, "two uniform draws a normal sample");
});

Deno.test("standardNormal() refuses a size that is not a whole number of at least 1", () => {
  for (const [rows, cols, name, seen] of [[0, 2, "rows", 0], [2, 1.5, "cols", 1.5]] as const) {
    assert.throws(() => standardNormal(rows, cols), {
      name: "RangeError",
      message:
        `Cannot draw a standard normal matrix as ${name} must be a finite integer >= 1: ${name}=${seen}`,
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

Deno.test("standardNormal() names itself and its sizes when the matrix cannot be allocated", () => {
  assert.throws(() => standardNormal(1e5, 1e5, { seed: 1 }), {
    name: "RangeError",
    message:
      "Cannot draw a standard normal matrix as its 10000000000 float64 elements (80000000000 bytes) cannot be allocated: rows=100000, cols=100000",
  });
});
