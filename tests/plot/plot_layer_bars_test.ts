import assert from "node:assert/strict";
import { plotLayerBars, toHtmlString } from "../../src/plot/mod.ts";

Deno.test("plotLayerBars() draws one bar per layer, labelled from 1", () => {
  const svg = plotLayerBars([0.1, 0.35, 0.6], { yLabel: "dead fraction" });
  assert.equal(svg.querySelectorAll("g[aria-label=bar] rect").length, 3);
  const ticks = Array.from(svg.querySelectorAll("g[aria-label='x-axis tick label'] text"))
    .map((t) => t.textContent);
  assert.deepEqual(ticks, ["1", "2", "3"]);
});

Deno.test("plotLayerBars() groups bars by series with a legend", () => {
  const rows = [1, 2].flatMap((layer) => [
    { layer, value: 0.1 * layer, series: "ReLU" },
    { layer, value: 0.01 * layer, series: "Leaky ReLU" },
  ]);
  const figure = plotLayerBars(rows);
  assert.equal(figure.querySelectorAll("g[aria-label=bar] rect").length, 4);
  const text = figure.textContent ?? "";
  assert.ok(text.includes("ReLU") && text.includes("Leaky ReLU"));
});

Deno.test("plotLayerBars() on a log scale ticks at powers of ten and shows the smallest bar", () => {
  const svg = plotLayerBars([1e-4, 1e-2, 1], { logY: true });
  const ticks = Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => t.textContent);
  assert.deepEqual(ticks, ["1e-5", "1e-4", "0.001", "0.01", "0.1", "1"]);
  const heights = Array.from(svg.querySelectorAll("g[aria-label=bar] rect"))
    .map((r) => Number(r.getAttribute("height")));
  assert.ok(heights.every((h) => h > 0));
});

Deno.test("plotLayerBars() gives the same markup for the same call", () => {
  assert.equal(toHtmlString(plotLayerBars([1, 2, 3])), toHtmlString(plotLayerBars([1, 2, 3])));
});

Deno.test("plotLayerBars() rejects bad input with house-style errors", () => {
  assert.throws(() => plotLayerBars("1,2" as never), TypeError);
  assert.throws(() => plotLayerBars([{ layer: 1 } as never]), {
    name: "TypeError",
    message: /^Cannot plot layer bars as perLayer\[0\] must be/,
  });
});
