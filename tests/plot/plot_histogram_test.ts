import assert from "node:assert/strict";
import {
  type FigureElement,
  plotHistogram,
  toHtmlString,
  toSvgString,
} from "../../src/plot/mod.ts";
import { tickAt } from "./_ticks.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

const values = [-1.5, -0.5, -0.2, 0.3, 0.4, 1.2, 2.5];

Deno.test("plotHistogram() draws bars and a dashed rule at z = 0", () => {
  const svg = plotHistogram(values, { bins: 4 });
  assert.ok(svg.querySelectorAll("g[aria-label=rect] rect").length >= 3);
  const rules = svg.querySelectorAll("g[aria-label=rule]");
  assert.equal(rules.length, 2); // the baseline and z = 0
  assert.equal(rules[1].getAttribute("stroke-dasharray"), "4,3");
});

Deno.test("plotHistogram() leaves out the rule at 0 with zeroRule: false", () => {
  const svg = plotHistogram(values, { zeroRule: false });
  assert.equal(svg.querySelectorAll("g[aria-label=rule]").length, 1);
});

Deno.test("plotHistogram() draws one row per group, named in a legend", () => {
  const figure = plotHistogram([
    { name: "layer 1", values },
    { name: "layer 2", values: values.map((v) => v - 1) },
  ]);
  assert.equal(figure.tagName, "FIGURE");
  const text = figure.textContent ?? "";
  assert.ok(text.includes("layer 1") && text.includes("layer 2"));
  const rows = Array.from(figure.querySelectorAll("g[aria-label='fy-axis tick label'] text"))
    .map((t) => t.textContent);
  assert.deepEqual(rows, ["layer 1", "layer 2"]);
});

Deno.test("plotHistogram() labels the x axis as pre-activations by default", () => {
  assert.ok((plotHistogram(values).textContent ?? "").includes("pre-activation z"));
});

Deno.test("plotHistogram() leaves non-finite values out of the bins, and says how many", () => {
  const figure = plotHistogram([...values, NaN, Infinity, -Infinity]);
  assert.equal(toHtmlString(chart(figure)), toHtmlString(plotHistogram(values)));
  // They were dropped without a word.
  assert.equal(figure.querySelector("figure > div")?.textContent, "left out: 3 non-finite values");
});

Deno.test("plotHistogram() rejects bad input with house-style errors", async (t) => {
  await t.step("values that are not an array", () => {
    assert.throws(() => plotHistogram(3 as never), TypeError);
  });
  await t.step("zero bins, or more than a chart has pixels", () => {
    assert.throws(() => plotHistogram(values, { bins: 0 }), RangeError);
    assert.throws(() => plotHistogram(values, { bins: 1e7 }), {
      name: "RangeError",
      message:
        "Cannot plot a histogram as bins must be a finite integer >= 1 and <= 1000: bins=10000000",
    });
  });
});

Deno.test("plotHistogram() refuses two groups with the same name, naming both", () => {
  assert.throws(() => plotHistogram([{ name: "a", values }, { name: "a", values }]), {
    name: "RangeError",
    message:
      'Cannot plot a histogram as values[1].name must be unique (values[0].name is the same): values[1].name="a"',
  });
});

Deno.test("plotHistogram() refuses an x domain that is not two finite numbers, min < max", () => {
  assert.throws(() => plotHistogram(values, { xDomain: [NaN, 1] }), {
    name: "RangeError",
    message: "Cannot plot a histogram as xDomain[0] must be a finite number: xDomain[0]=NaN",
  });
  assert.throws(() => plotHistogram(values, { xDomain: [1, -1] }), {
    name: "RangeError",
    message:
      "Cannot plot a histogram as xDomain must be [min, max] with min < max: xDomain=[1, -1]",
  });
});

Deno.test("plotHistogram() refuses a zeroRule that is not a boolean", () => {
  assert.throws(() => plotHistogram(values, { zeroRule: "no" as never }), {
    name: "TypeError",
    message: 'Cannot plot a histogram as zeroRule must be true or false: zeroRule="no"',
  });
});

/** The chart's `<svg>` (the legend's swatches are svgs too). */
const chart = (figure: FigureElement) =>
  Array.from(figure.querySelectorAll("svg")).find((svg) =>
    Number(svg.getAttribute("height")) > 100
  )!;

Deno.test("plotHistogram() counts every finite value into its bin, the first one too", () => {
  const figure = plotHistogram([-1, 1, 1, 1], { bins: 2 });
  const perCount = (tickAt(figure, "y", "0.0") - tickAt(figure, "y", "3.0")) / 3;
  const bars = Array.from(figure.querySelectorAll("g[aria-label=rect] rect"))
    .map((rect) => ({
      x: Number(rect.getAttribute("x")),
      height: Number(rect.getAttribute("height")),
    }))
    .sort((a, b) => a.x - b.x);
  assert.deepEqual(bars.map((bar) => Math.round(bar.height / perCount * 1e9) / 1e9), [1, 3]);
});

Deno.test("plotHistogram() draws its baseline at a count of 0 and its dashed rule at z = 0", () => {
  const figure = plotHistogram([-1, 1, 1, 1], { bins: 2 });
  const [baseline, zero] = Array.from(figure.querySelectorAll("g[aria-label=rule] line"));
  assert.equal(Number(baseline.getAttribute("y1")), tickAt(figure, "y", "0.0"));
  assert.equal(Number(zero.getAttribute("x1")), tickAt(figure, "x", "0.0"));
});

Deno.test("plotHistogram() draws a single group as a named row, and adds 120 pixels a group", () => {
  const one = plotHistogram([{ name: "only", values }]);
  const rows = Array.from(one.querySelectorAll("g[aria-label='fy-axis tick label'] text"))
    .map((t) => t.textContent);
  assert.deepEqual(rows, ["only"]);
  const heights = [1, 2, 3].map((n) =>
    chart(plotHistogram(Array.from({ length: n }, (_, g) => ({ name: `g${g}`, values }))))
      .getAttribute("height")
  );
  assert.deepEqual(heights, ["240", "360", "480"]);
});

Deno.test("plotHistogram() names what is not an array of numbers or groups", () => {
  assert.throws(() => plotHistogram(null as never), {
    name: "TypeError",
    message:
      "Cannot plot a histogram as values must be an array of numbers or of { name, values } groups: values=null",
  });
  assert.throws(() => plotHistogram([{ name: "a", values }, null] as never), {
    name: "TypeError",
    message:
      "Cannot plot a histogram as values[1] must be a { name, values } group: values[1]=null",
  });
});

/** The left and right edges of each bar, in pixels. */
const barEdges = (figure: FigureElement) =>
  Array.from(figure.querySelectorAll("g[aria-label=rect] rect")).map((rect) => {
    const left = Number(rect.getAttribute("x"));
    return [left, left + Number(rect.getAttribute("width"))];
  });

Deno.test("plotHistogram() bins only the values within a given x domain, and counts the others", () => {
  // Values -5..5 with xDomain [0, 1] put bars at x = -2763 to 2876, over the whole page.
  const range = Array.from({ length: 11 }, (_, i) => i - 5);
  const figure = plotHistogram(range, { xDomain: [0, 1], bins: 2 });
  const [left, right] = [tickAt(figure, "x", "0.0"), tickAt(figure, "x", "1.0")];
  const edges = barEdges(figure);
  assert.ok(edges.every(([a, b]) => a >= left && b <= right), JSON.stringify(edges));
  // 0 and 1, the upper edge included: one bar each.
  assert.equal(edges.length, 2);
  assert.equal(figure.querySelector("figure > div")?.textContent, "left out: 9 outside [0, 1]");
  // The figure, its note and all, renders as one SVG, the same each call.
  const svg = toSvgString(figure);
  assert.match(svg, /<text [^>]*>left out: 9 outside \[0, 1\]<\/text>/);
  assert.equal(svg, toSvgString(plotHistogram(range, { xDomain: [0, 1], bins: 2 })));
});

Deno.test("plotHistogram() says per group what it leaves out, and the rule at 0 only within the domain", () => {
  const figure = plotHistogram([
    { name: "layer 1", values: [0.5, 1.5, 2.5] },
    { name: "layer 2", values: [NaN, 0.7, 9, Infinity] },
  ], { xDomain: [1, 3] });
  const note = Array.from(figure.querySelectorAll("figure > div > span")).at(-1)?.textContent;
  assert.equal(
    note,
    "layer 1 left out: 1 outside [1, 3]; layer 2 left out: 2 non-finite values, 2 outside [1, 3]",
  );
  // 0 lies outside [1, 3]: no dashed rule, and no key for it.
  assert.equal(figure.querySelectorAll("g[aria-label=rule]").length, 1);
  assert.doesNotMatch(figure.textContent ?? "", /dashed/);
});

Deno.test("plotHistogram() refuses no values, a group without values, and a group name that is not a string", () => {
  // Each drew an empty chart or an empty row; a nameless group's legend read "undefined".
  const cases: [unknown, string, string][] = [
    [
      [],
      "TypeError",
      "values must be a non-empty array of numbers or of { name, values } groups: values=[]",
    ],
    [
      [{ name: "a", values: 5 }, { name: "b", values }],
      "TypeError",
      "values[0].values must be an array of numbers: values[0].values=5",
    ],
    [
      [{ name: "a", values: [] }],
      "RangeError",
      "values[0].values.length must be at least 1 (a row with no bars): values[0].values.length=0",
    ],
    [
      [{ values: [1, 2] }, { name: "b", values }],
      "TypeError",
      "values[0].name must be a string: values[0].name=undefined",
    ],
    [[1, "2"], "TypeError", 'values[1] must be a number: values[1]="2"'],
  ];
  for (const [input, name, message] of cases) {
    assert.throws(() => plotHistogram(input as never), {
      name,
      message: `Cannot plot a histogram as ${message}`,
    });
  }
});

Deno.test("plotHistogram() refuses an x domain whose width is not finite", () => {
  // 0 bars: the width of [-1e308, 1e308] overflows.
  assert.throws(() => plotHistogram([1, 2], { xDomain: [-1e308, 1e308] }), {
    name: "RangeError",
    message:
      "Cannot plot a histogram as xDomain must be [min, max] with a finite width max - min: xDomain=[-1e+308, 1e+308]",
  });
});

Deno.test("plotHistogram() refuses a key a group does not have, naming the group", () => {
  const groups = [
    { name: "layer 1", values: [0, 1] },
    { name: "layer 2", values: [1, 2], colour: "red" },
  ];
  assert.throws(() => plotHistogram(groups as never), {
    name: "TypeError",
    message:
      'Cannot plot a histogram as values[1] must have only the keys name, values: unknown key "colour"',
  });
});

Deno.test("plotHistogram() counts every value of a narrow range in bars that have a width", async (t) => {
  /** The count of each bar, from its height against the y ticks 0 and 1, and its width. */
  const bars = (figure: FigureElement) => {
    const perCount = tickAt(figure, "y", "0.0") - tickAt(figure, "y", "1.0");
    return Array.from(figure.querySelectorAll("g[aria-label=rect] rect")).map((rect) => ({
      count: Math.round(Number(rect.getAttribute("height")) / perCount * 1e9) / 1e9,
      width: Number(rect.getAttribute("width")),
    }));
  };
  const total = (figure: FigureElement) => bars(figure).reduce((sum, bar) => sum + bar.count, 0);
  await t.step("values close for their magnitude, 1e15 to 1e15 + 2", () => {
    const figure = plotHistogram([1e15, 1e15 + 1, 1e15 + 2]);
    assert.equal(total(figure), 3);
    assert.ok(bars(figure).every((bar) => bar.width > 5), JSON.stringify(bars(figure)));
  });
  await t.step("values all equal, with the rule at 0 still drawn", () => {
    const figure = plotHistogram([5, 5, 5]);
    assert.deepEqual(bars(figure).map((bar) => bar.count), [3]);
    assert.ok(bars(figure)[0].width > 5);
    assert.equal(figure.querySelectorAll("g[aria-label=rule] line").length, 2);
  });
  await t.step("values all 0, in groups", () => {
    const figure = plotHistogram([
      { name: "a", values: [0, 0] },
      { name: "b", values: [0] },
    ]);
    const counts = bars(chart(figure)).map((bar) => bar.count).sort();
    assert.deepEqual(counts, [1, 2]);
    assert.ok(bars(chart(figure)).every((bar) => bar.width > 5));
  });
});

Deno.test("plotHistogram() refuses a third argument, which would go unused", () => {
  assert.throws(() => loose(lib.plotHistogram)([1, 2], {}, { bins: 3 }), {
    name: "TypeError",
    message:
      "Cannot plot a histogram as plotHistogram takes values and options, no third argument: third={ bins: 3 }",
  });
});
