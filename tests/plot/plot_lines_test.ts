import assert from "node:assert/strict";
import { createDocument, plotLines, toHtmlString } from "../../src/plot/mod.ts";

const x = [0, 1, 2, 3];
const twoSeries = [
  { name: "linear", x, y: x },
  { name: "square", x, y: x.map((v) => v * v) },
];

Deno.test("plotLines() draws one path per series", () => {
  const figure = plotLines(twoSeries);
  assert.equal(figure.querySelectorAll("g[aria-label=line] path").length, 2);
});

Deno.test("plotLines() names each series in a legend when there are several", () => {
  const figure = plotLines(twoSeries);
  assert.equal(figure.tagName, "FIGURE");
  const text = figure.textContent ?? "";
  assert.ok(text.includes("linear") && text.includes("square"));
});

Deno.test("plotLines() returns a bare <svg> for one series without title or caption", () => {
  const svg = plotLines([{ name: "only", x, y: x }]);
  assert.equal(svg.tagName.toLowerCase(), "svg");
});

Deno.test("plotLines() wraps the chart in a figure with title, subtitle and caption", () => {
  const figure = plotLines(twoSeries, { title: "T", subtitle: "S", caption: "C" });
  assert.equal(figure.querySelector("h2")?.textContent, "T");
  assert.equal(figure.querySelector("h3")?.textContent, "S");
  assert.equal(figure.querySelector("figcaption")?.textContent, "C");
});

Deno.test("plotLines() labels the axes with xLabel and yLabel", () => {
  const svg = plotLines([{ name: "a", x, y: x }], { xLabel: "epoch", yLabel: "loss" });
  const labels = Array.from(svg.querySelectorAll("g[aria-label$='axis label'] text"))
    .map((t) => t.textContent);
  assert.deepEqual(labels.sort(), ["epoch", "loss"]);
});

Deno.test("plotLines() accepts rows with a series field", () => {
  const rows = [
    { x: 0, y: 1, series: "a" },
    { x: 1, y: 2, series: "a" },
    { x: 0, y: 3, series: "b" },
    { x: 1, y: 1, series: "b" },
  ];
  assert.equal(plotLines(rows).querySelectorAll("g[aria-label=line] path").length, 2);
});

Deno.test("plotLines() draws extra marks, a zero rule and dots when asked", () => {
  const svg = plotLines([{ name: "a", x, y: [-1, 0, 1, 2] }], { zeroRule: true, dots: true });
  assert.equal(svg.querySelectorAll("g[aria-label=rule] line").length, 1);
  assert.equal(svg.querySelectorAll("g[aria-label=dot] circle").length, 4);
});

Deno.test("plotLines() uses a log y scale with plain tick labels", () => {
  const svg = plotLines([{ name: "a", x: [1, 2, 3], y: [1, 0.1, 0.01] }], { logY: true });
  const ticks = Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => t.textContent);
  assert.ok(ticks.includes("0.1"), `ticks were ${ticks.join(", ")}`);
});

Deno.test("plotLines() gives the same markup for the same call", () => {
  assert.equal(
    toHtmlString(plotLines(twoSeries, { title: "Same" })),
    toHtmlString(plotLines(twoSeries, { title: "Same" })),
  );
});

Deno.test("plotLines() draws through the document it is given", () => {
  const document = createDocument();
  const svg = plotLines([{ name: "a", x, y: x }], { document, width: 300, height: 200 });
  assert.equal(svg.getAttribute("width"), "300");
  assert.equal(svg.getAttribute("height"), "200");
});

Deno.test("plotLines() rejects bad input with house-style errors", async (t) => {
  await t.step("x and y of different lengths", () => {
    assert.throws(
      () => plotLines([{ name: "a", x: [0, 1], y: [0] }]),
      { name: "RangeError", message: /^Cannot plot lines as series\[0\]\.y\.length must/ },
    );
  });
  await t.step("a series that is not an object", () => {
    assert.throws(() => plotLines([3 as never]), TypeError);
  });
  await t.step("a width that is not positive", () => {
    assert.throws(() => plotLines(twoSeries, { width: 0 }), RangeError);
  });
  await t.step("a width that is NaN", () => {
    assert.throws(() => plotLines(twoSeries, { width: NaN }), RangeError);
  });
});
