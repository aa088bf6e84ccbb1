import assert from "node:assert/strict";
import { fromRows, type Matrix } from "../../src/core/matrix.ts";
import { plotDecisionBoundary, toHtmlString } from "../../src/plot/mod.ts";

/** Class 1 where x1 + x2 > 0, as a probability. */
function linear(x: Matrix): Matrix {
  const data = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    data[i] = 1 / (1 + Math.exp(-(x.data[2 * i] + x.data[2 * i + 1])));
  }
  return { rows: x.rows, cols: 1, data };
}

/** Three scores per point: x1, x2 and -(x1 + x2). */
function threeScores(x: Matrix): Matrix {
  const data = new Float64Array(x.rows * 3);
  for (let i = 0; i < x.rows; i++) {
    data[3 * i] = x.data[2 * i];
    data[3 * i + 1] = x.data[2 * i + 1];
    data[3 * i + 2] = -(x.data[2 * i] + x.data[2 * i + 1]);
  }
  return { rows: x.rows, cols: 3, data };
}

const data = {
  x: fromRows([[-1, -1], [-0.5, -1], [1, 1], [1, 0.5]]),
  y: new Int32Array([0, 0, 1, 1]),
};

Deno.test("plotDecisionBoundary() draws every data point on top of the regions", () => {
  const figure = plotDecisionBoundary(linear, data, { resolution: 10 });
  assert.equal(figure.querySelectorAll("g[aria-label=dot] circle").length, 4);
  assert.ok(figure.querySelectorAll("g[aria-description=region] rect").length > 0);
});

Deno.test("plotDecisionBoundary() calls predict once on a resolution² x 2 grid", () => {
  const shapes: string[] = [];
  plotDecisionBoundary(
    (x) => {
      shapes.push(`${x.rows}x${x.cols}`);
      return linear(x);
    },
    data,
    { resolution: 7 },
  );
  assert.deepEqual(shapes, ["49x2"]);
});

Deno.test("plotDecisionBoundary() merges runs of equal cells along each row", () => {
  // Without shading, each grid row of a linear boundary has at most two runs.
  const figure = plotDecisionBoundary(linear, data, { resolution: 20, confidence: false });
  assert.ok(figure.querySelectorAll("g[aria-description=region] rect").length <= 40);
});

Deno.test("plotDecisionBoundary() names the classes in a legend", async (t) => {
  await t.step("class 0, class 1 by default", () => {
    const text = plotDecisionBoundary(linear, data, { resolution: 5 }).textContent ?? "";
    assert.ok(text.includes("class 0") && text.includes("class 1"));
  });
  await t.step("classNames when given, one per score column", () => {
    const text = plotDecisionBoundary(threeScores, data, {
      resolution: 5,
      classNames: ["left", "up", "down"],
    }).textContent ?? "";
    assert.ok(text.includes("left") && text.includes("up") && text.includes("down"));
  });
});

Deno.test("plotDecisionBoundary() gives the same markup for the same call", () => {
  const a = plotDecisionBoundary(threeScores, data, { resolution: 12, title: "Same" });
  const b = plotDecisionBoundary(threeScores, data, { resolution: 12, title: "Same" });
  assert.equal(toHtmlString(a), toHtmlString(b));
});

Deno.test("plotDecisionBoundary() rejects bad input with house-style errors", async (t) => {
  await t.step("inputs that are not 2-D", () => {
    const x = fromRows([[1, 2, 3]]);
    assert.throws(() => plotDecisionBoundary(linear, { x, y: new Int32Array([0]) }), {
      name: "RangeError",
      message: /^Cannot plot a decision boundary as data\.x\.cols must be 2/,
    });
  });
  await t.step("labels that are not an Int32Array", () => {
    assert.throws(
      () => plotDecisionBoundary(linear, { x: data.x, y: fromRows([[0], [0], [1], [1]]) }),
      TypeError,
    );
  });
  await t.step("a predict that returns the wrong number of rows", () => {
    assert.throws(
      () => plotDecisionBoundary(() => fromRows([[1]]), data, { resolution: 4 }),
      TypeError,
    );
  });
  await t.step("a resolution below 2", () => {
    assert.throws(() => plotDecisionBoundary(linear, data, { resolution: 1 }), RangeError);
  });
});
