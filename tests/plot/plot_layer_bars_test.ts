import assert from "node:assert/strict";
import { plotLayerBars, toHtmlString } from "../../src/plot/mod.ts";
import { tickAt } from "./_ticks.ts";

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

Deno.test("plotLayerBars() marks a value that is not finite with an × and says so", async (t) => {
  const rows = [
    { layer: "seed 0", value: 0.2, series: "ReLU" },
    { layer: "seed 0", value: NaN, series: "Leaky ReLU" },
    { layer: "seed 1", value: 0.1, series: "ReLU" },
    { layer: "seed 1", value: 0.05, series: "Leaky ReLU" },
  ];
  await t.step("grouped: three bars and one ×, named in the legend", () => {
    const figure = plotLayerBars(rows);
    assert.equal(figure.querySelectorAll("g[aria-label=bar] rect").length, 3);
    const marks = figure.querySelectorAll("g[aria-description='no value'] text");
    assert.deepEqual(Array.from(marks).map((m) => m.textContent), ["×"]);
    assert.ok((figure.textContent ?? "").includes("a run that diverged"));
  });
  await t.step("one series, on a log scale: the × sits at the foot of the axis", () => {
    const figure = plotLayerBars([1e-3, Infinity, 0.1], { logY: true });
    assert.equal(figure.querySelectorAll("g[aria-label=bar] rect").length, 2);
    assert.equal(figure.querySelectorAll("g[aria-description='no value'] text").length, 1);
    assert.ok((figure.textContent ?? "").includes("a run that diverged"));
  });
  await t.step("without such values, no × and no note", () => {
    const figure = plotLayerBars(rows.filter((row) => Number.isFinite(row.value)));
    assert.equal(figure.querySelectorAll("g[aria-description='no value'] text").length, 0);
    assert.ok(!(figure.textContent ?? "").includes("diverged"));
  });
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

Deno.test("plotLayerBars() refuses a y domain that is not two finite numbers, min < max", () => {
  assert.throws(() => plotLayerBars([0.1, 0.2], { yDomain: [1] as never }), {
    name: "RangeError",
    message:
      "Cannot plot layer bars as yDomain must be an array [min, max] of two numbers: yDomain=[1]",
  });
  assert.throws(() => plotLayerBars([0.1, 0.2], { yDomain: ["0", 1] as never }), {
    name: "TypeError",
    message: 'Cannot plot layer bars as yDomain[0] must be a finite number: yDomain[0]="0"',
  });
  assert.throws(() => plotLayerBars([0.1, 0.2], { logY: true, yDomain: [0, 1] }), {
    name: "RangeError",
    message:
      "Cannot plot layer bars as yDomain must be [min, max] with 0 < min < max on a log scale: yDomain=[0, 1]",
  });
});

Deno.test("plotLayerBars() refuses a logY that is not a boolean", () => {
  assert.throws(() => plotLayerBars([0.1, 0.2], { logY: 1 as never }), {
    name: "TypeError",
    message: "Cannot plot layer bars as logY must be true or false: logY=1",
  });
});

Deno.test("plotLayerBars() on a log scale with a yDomain starts every bar at its foot and ticks within it", () => {
  const svg = plotLayerBars([1e-2, 0.5], { logY: true, yDomain: [1e-4, 1], height: 200 });
  const ticks = Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => t.textContent);
  assert.deepEqual(ticks, ["1e-4", "0.001", "0.01", "0.1", "1"]);
  const feet = Array.from(svg.querySelectorAll("g[aria-label=bar] rect"))
    .map((r) => Number(r.getAttribute("y")) + Number(r.getAttribute("height")));
  // The lowest tick (1e-4) marks the foot of the axis.
  const tickYs = Array.from(svg.querySelectorAll("g[aria-label='y-axis tick'] path"))
    .map((p) => Number(p.getAttribute("transform")?.match(/translate\([\d.]+,([\d.]+)\)/)?.[1]));
  const axisFoot = Math.max(...tickYs);
  assert.equal(feet.length, 2);
  for (const foot of feet) assert.ok(Math.abs(foot - axisFoot) < 0.5, `${foot} vs ${axisFoot}`);
});

Deno.test("plotLayerBars() stands its bars on 0 on a linear scale, with a rule there", () => {
  const figure = plotLayerBars([0.5, 1, 2]);
  assert.equal(
    figure.tagName.toLowerCase(),
    "svg",
    "one series, all finite, no text: a bare chart",
  );
  const zero = tickAt(figure, "y", "0.0");
  const rule = figure.querySelector("g[aria-label=rule] line");
  assert.equal(Number(rule?.getAttribute("y1")), zero);
  for (const bar of Array.from(figure.querySelectorAll("g[aria-label=bar] rect"))) {
    assert.equal(Number(bar.getAttribute("y")) + Number(bar.getAttribute("height")), zero);
  }
});

Deno.test("plotLayerBars() on a log scale within two decades ticks at 1, 2 and 5 times the powers of ten", () => {
  const labels = (values: number[]) =>
    Array.from(
      plotLayerBars(values, { logY: true }).querySelectorAll(
        "g[aria-label='y-axis tick label'] text",
      ),
    ).map((t) => t.textContent);
  // Values from 0.3 to 0.8 stand on 0.1: one power of ten alone would leave the axis unreadable.
  assert.deepEqual(labels([0.3, 0.8, 0.79]), ["0.1", "0.2", "0.5"]);
  assert.deepEqual(labels([0.05, 0.8]), ["0.01", "0.02", "0.05", "0.1", "0.2", "0.5"]);
  assert.deepEqual(labels([3e4, 9e4]), ["10000", "20000", "50000"]);
  // Three decades or more keep the powers of ten alone.
  assert.deepEqual(labels([0.5, 20]), ["0.1", "1", "10"]);
});

Deno.test("plotLayerBars() on a log scale marks a zero with a 0 and finds its foot without it", () => {
  // 0.5 is the smallest positive value: the foot is 0.1, a third of a decade or more below it.
  const figure = plotLayerBars([0, 0.5, 20], { logY: true });
  const ticks = Array.from(figure.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => t.textContent);
  assert.deepEqual(ticks, ["0.1", "1", "10"]);
  assert.equal(figure.querySelectorAll("g[aria-label=bar] rect").length, 2);
  const zeros = figure.querySelectorAll("g[aria-description='not above 0'] text");
  assert.deepEqual(Array.from(zeros).map((mark) => mark.textContent), ["0"]);
  assert.ok((figure.textContent ?? "").includes("0: a value of 0 or below, under the log axis"));
  // On a linear scale a zero is a bar of height 0, not a mark.
  const linear = plotLayerBars([0, 0.5, 20]);
  assert.equal(linear.querySelectorAll("g[aria-description='not above 0'] text").length, 0);
  assert.equal(linear.tagName.toLowerCase(), "svg");
  const alone = plotLayerBars([0.5], { logY: true });
  assert.equal(
    alone.querySelector("g[aria-label='y-axis tick label'] text")?.textContent,
    "0.1",
    "one value",
  );
});

Deno.test("plotLayerBars() names a row that is null", () => {
  assert.throws(() => plotLayerBars([1, null] as never), {
    name: "TypeError",
    message:
      "Cannot plot layer bars as perLayer[1] must be a number or a { layer, value, series } row: perLayer[1]=null",
  });
});
