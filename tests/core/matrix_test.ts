import assert from "node:assert/strict";
import { fromRows, type Matrix, matrix, toRows } from "../../src/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

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

Deno.test("matrix() gives rows x cols zeros, or wraps data of that length without copying", () => {
  const m = matrix(2, 3);
  assert.deepEqual([m.rows, m.cols, Array.from(m.data)], [2, 3, [0, 0, 0, 0, 0, 0]]);
  const data = Float64Array.of(1, 2, 3, 4);
  assert.equal(matrix(2, 2, data).data, data);
  assert.equal(matrix(0, 3).data.length, 0);
  assert.equal(matrix(2, 0, new Float64Array(0)).cols, 0);
});

Deno.test("matrix() refuses a size that is no count, and data of another type or length", () => {
  const refusals: [() => unknown, string, string][] = [
    [
      () => matrix(1.5, 2),
      "RangeError",
      "Cannot create a matrix as rows must be a finite integer >= 0: rows=1.5",
    ],
    [
      () => matrix(2, -1),
      "RangeError",
      "Cannot create a matrix as cols must be a finite integer >= 0: cols=-1",
    ],
    [
      () => matrix(2, 0.5),
      "RangeError",
      "Cannot create a matrix as cols must be a finite integer >= 0: cols=0.5",
    ],
    [
      () => matrix(2, NaN),
      "RangeError",
      "Cannot create a matrix as cols must be a finite integer >= 0: cols=NaN",
    ],
    [
      () => matrix(2, 2, [1, 2, 3, 4] as never),
      "TypeError",
      "Cannot create a matrix as data must be a Float64Array: data=[1, 2, 3, 4]",
    ],
    [
      () => matrix(2, 3, new Float64Array(5)),
      "RangeError",
      "Cannot create a 2x3 matrix as data must have 6 elements: data.length=5",
    ],
  ];
  for (const [make, name, message] of refusals) assert.throws(make, { name, message });
});

Deno.test("toRows refuses a malformed matrix rather than returning a short last row", () => {
  assert.throws(() => toRows({ rows: 2, cols: 2, data: new Float64Array(3) }), {
    name: "RangeError",
    message:
      "Cannot convert a matrix to rows as m.data must hold rows * cols = 4 elements for a 2x2 matrix: m.data.length=3",
  });
  assert.throws(() => toRows(null as unknown as Matrix), {
    name: "TypeError",
    message:
      "Cannot convert a matrix to rows as m must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): m=null",
  });
});

Deno.test("fromRows says which size it could not allocate, like matrix", () => {
  const rows = Array(2 ** 20).fill({ length: 2 ** 21 });
  assert.throws(() => fromRows(rows), {
    name: "RangeError",
    message:
      "Cannot build a matrix from rows as its 2199023255552 float64 elements (17592186044416 bytes) cannot be allocated: rows.length=1048576, rows[0].length=2097152",
  });
});

Deno.test("matrix(), fromRows() and toRows() refuse an argument past their last, which would go unused", () => {
  assert.throws(() => loose(lib.matrix)(1, 2, new Float64Array(2), 5), {
    name: "TypeError",
    message:
      "Cannot create a matrix as matrix takes rows, cols and data, no fourth argument: fourth=5",
  });
  assert.throws(() => loose(lib.fromRows)([[1, 2]], { cols: 2 }), {
    name: "TypeError",
    message:
      "Cannot build a matrix from rows as fromRows takes rows alone, no second argument: second={ cols: 2 }",
  });
  assert.throws(() => loose(lib.toRows)(lib.fromRows([[1, 2]]), 1), {
    name: "TypeError",
    message:
      "Cannot convert a matrix to rows as toRows takes m alone, no second argument: second=1",
  });
  const rows = [[[1, 2]], [[3], [4]]];
  assert.deepEqual(rows.map(lib.fromRows).map(lib.toRows), rows);
});
