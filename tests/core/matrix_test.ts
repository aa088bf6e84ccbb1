import assert from "node:assert/strict";
import { fromRows, matrix } from "../../src/mod.ts";

Deno.test("fromRows builds a row-major matrix from arrays and typed arrays", () => {
  const m = fromRows([[1, 2], new Float64Array([3, 4])]);
  assert.deepEqual([m.rows, m.cols, Array.from(m.data)], [2, 2, [1, 2, 3, 4]]);
  assert.deepEqual(fromRows([]), { rows: 0, cols: 0, data: new Float64Array(0) });
});

Deno.test("fromRows refuses a flat array, which would give a matrix without columns", () => {
  assert.throws(() => fromRows([5, 6] as unknown as number[][]), {
    name: "TypeError",
    message:
      "Cannot build a matrix from rows as every row must be an array of numbers (one inner array per row, e.g. fromRows([[1, 2]])): rows[0]=5",
  });
  assert.throws(() => fromRows(Float64Array.of(1, 2) as unknown as number[][]), TypeError);
});

Deno.test("fromRows refuses what is not rows of numbers", () => {
  assert.throws(() => fromRows(null as unknown as number[][]), {
    name: "TypeError",
    message:
      "Cannot build a matrix from rows as rows must be an array of rows (arrays of numbers): rows=null",
  });
  assert.throws(() => fromRows([[1, "2"]] as unknown as number[][]), {
    name: "TypeError",
    message: 'Cannot build a matrix from rows as every element must be a number: rows[0][1]="2"',
  });
});

Deno.test("matrix says which size it could not allocate", () => {
  assert.throws(() => matrix(1e9, 1e9), {
    name: "RangeError",
    message:
      "Cannot create a 1000000000x1000000000 matrix as its 1000000000000000000 float64 elements (8000000000000000000 bytes) cannot be allocated",
  });
});
