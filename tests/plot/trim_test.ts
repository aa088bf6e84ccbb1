import assert from "node:assert/strict";
import { trimLines } from "../../src/plot/_trim.ts";

Deno.test("trimLines() cuts each line at the domains' edges, in the scale's terms", () => {
  const rows = [
    { x: 1, y: 1, series: "a" },
    { x: 0, y: 0.5, series: "b" },
    { x: 100, y: 100, series: "a" },
    { x: 1, y: 0.5, series: "b" },
  ];
  assert.deepEqual(trimLines(rows, { yDomain: [1, 10], logX: true, logY: true }), [
    { x: 1, y: 1, series: "a" },
    { x: 10, y: 10, series: "a" }, // halfway in the logarithms, not at y = 10 of a straight line
    { x: 100, y: NaN, series: "a" },
    // b lies below the domain: nothing of it is drawn.
  ]);
  // A non-finite point breaks the line; a line re-entering the domain starts at its edge.
  const zigzag = [0, 2, NaN, 0, 2, 0].map((y, x) => ({ x, y, series: "z" }));
  assert.deepEqual(trimLines(zigzag, { yDomain: [0, 1] }).map((p) => [p.x, p.y]), [
    [0, 0],
    [0.5, 1],
    [1, NaN],
    [3, 0],
    [3.5, 1],
    [4, NaN],
    [4.5, 1],
    [5, 0],
  ]);
});
