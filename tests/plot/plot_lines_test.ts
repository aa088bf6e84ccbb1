import assert from "node:assert/strict";
import {
  createDocument,
  type FigureElement,
  plotLines,
  toHtmlString,
  toSvgString,
} from "../../src/plot/mod.ts";
import { tickAt } from "./_ticks.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

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

Deno.test("plotLines()'s zero rule lies at y = 0, a visible grey line", () => {
  const svg = plotLines([{ name: "a", x, y: [-1, 0, 1, 2] }], { zeroRule: true });
  const group = svg.querySelector("g[aria-label=rule]");
  const line = group?.querySelector("line");
  assert.equal(Number(line?.getAttribute("y1")), tickAt(svg, "y", "0.0"));
  assert.equal(group?.getAttribute("stroke"), "#888");
  // Observable Plot leaves out a stroke-width of 1, its default.
  const width = group?.getAttribute("stroke-width") ?? "1";
  assert.ok(Number(width) >= 1, `stroke-width ${width}`);
});

Deno.test("plotLines() makes a figure for a subtitle or a caption alone", () => {
  for (const text of [{ subtitle: "S" }, { caption: "C" }]) {
    const figure = plotLines([{ name: "only", x, y: x }], text);
    assert.equal(figure.tagName, "FIGURE", JSON.stringify(text));
  }
});

Deno.test("plotLines() uses a log y scale with plain tick labels", () => {
  const svg = plotLines([{ name: "a", x: [1, 2, 3], y: [1, 0.1, 0.01] }], { logY: true });
  const ticks = Array.from(svg.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => t.textContent);
  assert.ok(ticks.includes("0.1"), `ticks were ${ticks.join(", ")}`);
  // Log: 1, 0.1 and 0.01 equally spaced up the axis (a linear axis puts 0.1 near 0.01).
  const [one, tenth, hundredth] = ["1", "0.1", "0.01"].map((label) => tickAt(svg, "y", label));
  assert.ok(
    Math.abs((hundredth - tenth) - (tenth - one)) < 1e-6 && tenth > one,
    `${one}, ${tenth}`,
  );
});

Deno.test("plotLines() keeps log tick labels short and in one notation per axis", () => {
  const ticksOf = (y: number[]) =>
    Array.from(
      plotLines([{ name: "a", x: y.map((_, i) => i + 1), y }], { logY: true })
        .querySelectorAll("g[aria-label='y-axis tick label'] text"),
    ).map((t) => t.textContent ?? "").filter((label) => label !== ""); // minor ticks unlabelled
  // Within 0.001 to 9,999: plain numbers.
  assert.deepEqual(ticksOf([0.001, 1000]), ["0.001", "0.01", "0.1", "1", "10", "100", "1000"]);
  // A log y axis runs from a power of ten to a power of ten: 0.0008 to 0.6 is drawn from 1e-4 to
  // 1, its end decades labelled, in exponent form as 1e-4 is beyond 0.001.
  const widened = ticksOf([0.0008, 0.6]);
  assert.deepEqual([widened[0], widened.at(-1)], ["1e-4", "1e0"]);
  // Over less than two decades the data fill the axis: 0.33 to 2.7 is not widened to 0.1 to 10.
  const narrow = ticksOf([0.33, 2.7]).map(Number);
  assert.ok(narrow[0] >= 0.33 && narrow.at(-1)! <= 2.7, `${narrow}`);
  // An x axis (drawn over its data) reaching a little below 0.001, whose lowest power of ten is
  // 0.001, stays plain.
  const nearly = Array.from(
    plotLines([{ name: "a", x: [0.0008, 0.01, 0.6], y: [1, 2, 3] }], { logX: true })
      .querySelectorAll("g[aria-label='x-axis tick label'] text"),
  ).map((t) => t.textContent ?? "").filter((label) => label !== "");
  assert.ok(["0.001", "0.01", "0.1"].every((t) => nearly.includes(t)), `${nearly}`);
  assert.ok(nearly.every((t) => !t.includes("e")), `${nearly}`);
  // Beyond, at either end: every tick in exponent form, never 0.001 beside 1e-4.
  const small = ticksOf([1e3, 1, 1e-9]);
  assert.ok(small.includes("1e-6") && small.includes("1e-3") && small.includes("1e3"), `${small}`);
  assert.deepEqual(ticksOf([10, 1e5]), [
    "1e1",
    "2e1",
    "1e2",
    "2e2",
    "1e3",
    "2e3",
    "1e4",
    "2e4",
    "1e5",
  ]);
  // Five characters at most: they stay clear of the axis title beside them.
  for (const ticks of [small, ticksOf([0.001, 1000])]) {
    assert.ok(ticks.every((t) => t.length <= 5), ticks.join());
  }
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

Deno.test("plotLines() refuses a document that cannot create both HTML and SVG elements", () => {
  const documents: [unknown, string][] = [
    [{ createElementNS() {} }, "{ createElementNS: function createElementNS }"],
    [{ createElement() {} }, "{ createElement: function createElement }"],
    [5, "5"],
  ];
  for (const [document, seen] of documents) {
    assert.throws(() => plotLines(twoSeries, { document: document as never }), {
      name: "TypeError",
      message:
        `Cannot plot lines as document must be a DOM document (the browser's or createDocument()): document=${seen}`,
    });
  }
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

/** The stroke-width and stroke-dasharray of each line mark, in drawing order. */
function lineMarkStyles(figure: FigureElement) {
  return Array.from(figure.querySelectorAll("g[aria-label=line]")).map((g) => ({
    width: g.getAttribute("stroke-width") ?? "1", // Plot leaves out the SVG default, 1
    dash: g.getAttribute("stroke-dasharray"),
    paths: g.querySelectorAll("path").length,
  }));
}

Deno.test("plotLines() draws every series solid and 2 px wide by default, in one mark", () => {
  assert.deepEqual(lineMarkStyles(plotLines(twoSeries)), [{ width: "2", dash: null, paths: 2 }]);
  assert.deepEqual(lineMarkStyles(plotLines(twoSeries, { strokeWidth: 3 })), [
    { width: "3", dash: null, paths: 2 },
  ]);
});

Deno.test("plotLines() draws each series with its own strokeWidth and strokeDasharray", () => {
  const figure = plotLines([
    { name: "linear", x, y: x, strokeDasharray: "6 4" },
    { name: "square", x, y: x.map((v) => v * v), strokeWidth: 4 },
    { name: "cube", x, y: x.map((v) => v ** 3) },
  ]);
  assert.deepEqual(lineMarkStyles(figure), [
    { width: "2", dash: "6 4", paths: 1 },
    { width: "4", dash: null, paths: 1 },
    { width: "2", dash: null, paths: 1 },
  ]);
});

Deno.test("plotLines() styles series by name with widths and dashes (rows too)", () => {
  const rows = [
    { x: 0, y: 1, series: "a" },
    { x: 1, y: 2, series: "a" },
    { x: 0, y: 3, series: "b" },
    { x: 1, y: 1, series: "b" },
  ];
  const figure = plotLines(rows, { dashes: { b: "2 3" }, widths: { b: 1.5 } });
  assert.deepEqual(lineMarkStyles(figure), [
    { width: "2", dash: null, paths: 1 },
    { width: "1.5", dash: "2 3", paths: 1 },
  ]);
});

Deno.test("plotLines() lets a series' own style win over widths and dashes", () => {
  const figure = plotLines(
    [{ ...twoSeries[0], strokeWidth: 1, strokeDasharray: "1 1" }, twoSeries[1]],
    { widths: { linear: 5, square: 3 }, dashes: { linear: "8 2" } },
  );
  assert.deepEqual(lineMarkStyles(figure), [
    { width: "1", dash: "1 1", paths: 1 },
    { width: "3", dash: null, paths: 1 },
  ]);
});

Deno.test("plotLines() draws each legend key with its series' width and dashes", () => {
  const figure = plotLines([
    { ...twoSeries[0], strokeDasharray: "6 4", strokeWidth: 1 },
    twoSeries[1],
  ]);
  const keys = Array.from(figure.querySelectorAll("figure > div line"));
  assert.equal(keys.length, 2);
  assert.equal(keys[0].getAttribute("stroke-dasharray"), "6 4");
  assert.equal(keys[0].getAttribute("stroke-width"), "1");
  assert.equal(keys[1].getAttribute("stroke-dasharray"), null);
  assert.equal(keys[1].getAttribute("stroke-width"), "2");
  // Square ends keep a dash pattern exact; a solid key gets round ends.
  assert.equal(keys[0].getAttribute("stroke-linecap"), "butt");
  assert.equal(keys[1].getAttribute("stroke-linecap"), "round");
});

Deno.test("plotLines() rejects bad line styles with house-style errors", async (t) => {
  await t.step("a strokeWidth that is not > 0", () => {
    for (const strokeWidth of [0, -1, NaN, Infinity]) {
      assert.throws(
        () => plotLines([{ ...twoSeries[0], strokeWidth }]),
        { name: "RangeError", message: /^Cannot plot lines as series\[0\]\.strokeWidth must/ },
      );
    }
    assert.throws(() => plotLines(twoSeries, { strokeWidth: 0 }), RangeError);
    assert.throws(() => plotLines(twoSeries, { widths: { linear: "2" as never } }), TypeError);
  });
  await t.step("a dash pattern that is not lengths", () => {
    assert.throws(() => plotLines([{ ...twoSeries[0], strokeDasharray: "dashed" }]), RangeError);
    assert.throws(() => plotLines(twoSeries, { dashes: { linear: 4 as never } }), TypeError);
  });
  await t.step("widths or dashes that are not an object by series name", () => {
    for (const [option, value, seen] of [["widths", 2, "2"], ["dashes", "6 4", '"6 4"']] as const) {
      assert.throws(() => plotLines(twoSeries, { [option]: value as never }), {
        name: "TypeError",
        message:
          `Cannot plot lines as ${option} must be an object keyed by series name: ${option}=${seen}`,
      });
    }
  });
  await t.step("a name that is not a series", () => {
    assert.throws(
      () => plotLines(twoSeries, { dashes: { cubic: "6 4" } }),
      { name: "RangeError", message: /dashes key must be a series name \(linear, square\)/ },
    );
  });
});

Deno.test("plotLines() refuses two series with the same name, naming both positions", () => {
  // Drawn as one line zig-zagging between them, under one legend entry.
  assert.throws(() => plotLines([{ name: "a", x, y: x }, twoSeries[1], { name: "a", x, y: x }]), {
    name: "RangeError",
    message:
      'Cannot plot lines as series[2].name must be unique (series[0].name is the same): series[2].name="a"',
  });
  assert.throws(() => plotLines([{ name: "a", x, y: x }, { x: 0, y: 1, series: "a" }] as never), {
    name: "RangeError",
    message:
      'Cannot plot lines as series[1].series must be unique (series[0].name is the same): series[1].series="a"',
  });
});

Deno.test("plotLines() refuses a domain that is not two finite numbers, min < max", async (t) => {
  await t.step("not an array", () => {
    assert.throws(() => plotLines(twoSeries, { xDomain: "ab" as never }), {
      name: "TypeError",
      message:
        'Cannot plot lines as xDomain must be an array [min, max] of two numbers: xDomain="ab"',
    });
  });
  await t.step("a bound that is NaN", () => {
    assert.throws(() => plotLines(twoSeries, { xDomain: [NaN, 1] }), {
      name: "RangeError",
      message: "Cannot plot lines as xDomain[0] must be a finite number: xDomain[0]=NaN",
    });
  });
  await t.step("bounds out of order", () => {
    assert.throws(() => plotLines(twoSeries, { yDomain: [2, 2] }), {
      name: "RangeError",
      message: "Cannot plot lines as yDomain must be [min, max] with min < max: yDomain=[2, 2]",
    });
  });
  await t.step("a bound at or below 0 on a log scale", () => {
    assert.throws(() => plotLines(twoSeries, { logY: true, yDomain: [0, 10] }), {
      name: "RangeError",
      message:
        "Cannot plot lines as yDomain must be [min, max] with 0 < min < max on a log scale: yDomain=[0, 10]",
    });
  });
});

Deno.test("plotLines() refuses boolean options that are not booleans", () => {
  // "false" is a non-empty string: it drew a log axis.
  assert.throws(() => plotLines(twoSeries, { logY: "false" as never }), {
    name: "TypeError",
    message: 'Cannot plot lines as logY must be true or false: logY="false"',
  });
  for (const name of ["logX", "legend", "dots", "zeroRule"]) {
    assert.throws(() => plotLines(twoSeries, { [name]: 1 }), {
      name: "TypeError",
      message: `Cannot plot lines as ${name} must be true or false: ${name}=1`,
    });
  }
});

Deno.test("plotLines() refuses x, y and marks that are not arrays", () => {
  assert.throws(() => plotLines([{ name: "a", x: null as never, y: x }]), {
    name: "TypeError",
    message: "Cannot plot lines as series[0].x must be an array of numbers: series[0].x=null",
  });
  assert.throws(() => plotLines([{ name: "a", x, y: 5 as never }]), {
    name: "TypeError",
    message: "Cannot plot lines as series[0].y must be an array of numbers: series[0].y=5",
  });
  assert.throws(() => plotLines(twoSeries, { marks: 5 as never }), {
    name: "TypeError",
    message: "Cannot plot lines as marks must be an array of Observable Plot marks: marks=5",
  });
});

Deno.test("plotLines() names a series that is null, x that is not an array, a row of non-numbers", () => {
  const cases: [unknown[], string][] = [
    [[null], "series[0] must be an object: series[0]=null"],
    [
      [{ name: "a", x: "0123", y: [0, 1, 2, 3] }],
      'series[0].x must be an array of numbers: series[0].x="0123"',
    ],
    [
      [{ x: 1, y: "2", series: "a" }],
      'series[0] must be { name, x[], y[] } or { x, y, series }: series[0]={ x: 1, y: "2", series: "a" }',
    ],
  ];
  for (const [series, message] of cases) {
    assert.throws(() => plotLines(series as never), {
      name: "TypeError",
      message: `Cannot plot lines as ${message}`,
    });
  }
});

/** The points of every line path and dot of a chart, in pixels. */
function drawnPoints(figure: FigureElement): [number, number][] {
  const paths = Array.from(figure.querySelectorAll("g[aria-label=line] path"))
    .flatMap((path) => [...(path.getAttribute("d") ?? "").matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)])
    .map((m): [number, number] => [Number(m[1]), Number(m[2])]);
  const dots = Array.from(figure.querySelectorAll("g[aria-label=dot] circle"))
    .map((c): [number, number] => [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))]);
  return [...paths, ...dots];
}

/** Asserts that every point lies in the frame of a 640 × 360 chart (margins 56, 20, 20, 40). */
function assertInFrame(points: [number, number][]): void {
  const outside = points.filter(([x, y]) => !(x >= 56 && x <= 620 && y >= 20 && y <= 320));
  assert.deepEqual(outside, [], "points outside the frame");
}

Deno.test("plotLines() cuts lines and dots at a given y domain: nothing is drawn outside the frame", () => {
  // The peak at 5 ran to y = -1180 in a chart 360 pixels high, over the title and legend.
  const svg = plotLines([{ name: "a", x: [0, 1, 2], y: [0, 5, 0.5] }], {
    yDomain: [0, 1],
    dots: true,
  });
  const points = drawnPoints(svg);
  assertInFrame(points);
  // Cut, not dropped: the line runs up to the top edge (y = 1) on both sides of the peak.
  assert.equal(points.filter(([, y]) => y === 20).length, 2, JSON.stringify(points));
  assert.equal(svg.querySelectorAll("g[aria-label=dot] circle").length, 2);
});

Deno.test("plotLines() cuts lines at a given x domain on a log scale, where they cross its edge", () => {
  const svg = plotLines([{ name: "a", x: [0.1, 10, 1000], y: [1, 2, 3] }], {
    logX: true,
    xDomain: [1, 100],
  });
  const points = drawnPoints(svg);
  assertInFrame(points);
  // Halfway (in log x) from 0.1 to 10 lies x = 1, the left edge, at y = 1.5; likewise on the right.
  assert.deepEqual(points.map(([x]) => x), [56, 338, 620]);
});

Deno.test("plotLines() cut at a domain renders the same markup each call, through toSvgString too", () => {
  const draw = () =>
    plotLines([{ name: "a", x: [0, 1, 2], y: [0, 5, 0.5] }, { name: "b", x: [0, 2], y: [1, 0] }], {
      yDomain: [0, 1],
      title: "Cut",
    });
  assert.equal(toHtmlString(draw()), toHtmlString(draw()));
  const svg = toSvgString(draw());
  assert.equal(svg, toSvgString(draw()));
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<text [^>]*>Cut<\/text>/);
  // No clip path is needed, so no ids that could clash between figures of one page.
  assert.doesNotMatch(svg, /clip/);
  assert.equal((svg.match(/aria-label="line"/g) ?? []).length, 1);
});

Deno.test("plotLines() leaves out the zero rule when 0 lies outside the y domain", () => {
  const rules = (yDomain: [number, number]) =>
    plotLines([{ name: "a", x, y: [1, 2, 3, 4] }], { zeroRule: true, yDomain })
      .querySelectorAll("g[aria-label=rule] line").length;
  assert.equal(rules([1, 4]), 0);
  assert.equal(rules([0, 4]), 1);
});

Deno.test("plotLines() leaves a point <= 0 off a log scale as a break in its line, and says so", () => {
  // It drew two isolated points, leaving out 0 and -1 without a word.
  const figure = plotLines([{ name: "a", x: [0, 1, 2, 3], y: [1, 0, -1, 2] }, {
    name: "b",
    x: [0, 1],
    y: [1, 2],
  }], { logY: true });
  assert.ok(
    figure.textContent?.includes("not drawn: 2 points with y ≤ 0 (a), off the log scale"),
    figure.textContent ?? "",
  );
  const d = figure.querySelector("g[aria-label=line] path")?.getAttribute("d") ?? "";
  assert.equal(d.split("M").length - 1, 2, d);
  const rows = plotLines([{ x: 1, y: -2, series: "b" }, { x: 2, y: 3, series: "b" }], {
    logY: true,
  });
  assert.ok(rows.textContent?.includes("not drawn: 1 point with y ≤ 0 (b), off the log scale"));
  const logX = plotLines([{ name: "c", x: [0, 1, 10], y: [1, 2, 3] }], { logX: true });
  assert.ok(logX.textContent?.includes("not drawn: 1 point with x ≤ 0 (c), off the log scale"));
  // Nothing to leave out, nothing said: a bare chart, as before.
  const positive = plotLines([{ name: "a", x: [1, 2], y: [1, 2] }], { logY: true });
  assert.equal(positive.tagName.toLowerCase(), "svg");
  // Non-finite values break the line, on a log scale as on a linear one, without a note.
  const svg = plotLines([{ name: "a", x: [0, 1, 2, 3, 4], y: [1, 2, NaN, 3, 4] }], { logY: true });
  assert.equal(svg.tagName.toLowerCase(), "svg");
  const gaps = svg.querySelector("g[aria-label=line] path")?.getAttribute("d") ?? "";
  assert.equal(gaps.split("M").length - 1, 2, gaps);
});

Deno.test("plotLines() refuses no series, but names a series with no points in the legend", () => {
  // An empty svg, with nothing to say why.
  assert.throws(() => plotLines([]), {
    name: "RangeError",
    message:
      "Cannot plot lines as series must be a non-empty array of { name, x, y } series or rows: series=[]",
  });
  // A setting whose every run diverged is a result: the notebooks name it with no line.
  const figure = plotLines([{ name: "a", x, y: x }, { name: "b (3 of 3 diverged)", x: [], y: [] }]);
  assert.match(figure.textContent ?? "", /b \(3 of 3 diverged\)/);
  assert.equal(figure.querySelectorAll("g[aria-label=line] path").length, 1);
});

Deno.test("plotLines() refuses a series name that is missing or not a string", () => {
  // The legend read "undefined" and "5".
  assert.throws(() => plotLines([{ name: undefined as never, x, y: x }]), {
    name: "TypeError",
    message: "Cannot plot lines as series[0].name must be a string: series[0].name=undefined",
  });
  assert.throws(() => plotLines([twoSeries[0], { name: 5 as never, x, y: x }]), {
    name: "TypeError",
    message: "Cannot plot lines as series[1].name must be a string: series[1].name=5",
  });
  assert.throws(() => plotLines([{ x: 0, y: 1, series: 5 as never }]), {
    name: "TypeError",
    message: "Cannot plot lines as series[0].series must be a string: series[0].series=5",
  });
});

Deno.test("plotLines() refuses x and y elements that are not numbers", () => {
  // Strings and a bare { length: 2 } drew an empty chart.
  assert.throws(() => plotLines([{ name: "a", x: ["a", "b"] as never, y: [1, 2] }]), {
    name: "TypeError",
    message: 'Cannot plot lines as series[0].x[0] must be a number: series[0].x[0]="a"',
  });
  assert.throws(() => plotLines([{ name: "a", x: { length: 2 } as never, y: [1, 2] }]), {
    name: "TypeError",
    message: "Cannot plot lines as series[0].x[0] must be a number: series[0].x[0]=undefined",
  });
  assert.throws(() => plotLines([{ name: "a", x: [1, 2], y: [1, "2"] as never }]), {
    name: "TypeError",
    message: 'Cannot plot lines as series[0].y[1] must be a number: series[0].y[1]="2"',
  });
});

Deno.test("plotLines() names a series of NaN alone in the legend without a line, as a setting whose runs all diverged", () => {
  const figure = plotLines([{ name: "diverged", x: [1, 2], y: [NaN, NaN] }, {
    name: "trained",
    x: [1, 2],
    y: [1, 2],
  }]);
  assert.equal(figure.querySelectorAll("g[aria-label=line] path").length, 1);
  assert.match(figure.outerHTML, />diverged</);
});

Deno.test("plotLines() refuses a width beyond the plot helpers' limit, and a mark that is not one", () => {
  // RangeError: Invalid array length, from deep inside Observable Plot.
  assert.throws(() => plotLines(twoSeries, { width: 1e308 }), {
    name: "RangeError",
    message: "Cannot plot lines as width must be a finite number >= 1 and <= 100000: width=1e+308",
  });
  // TypeError: invalid mark; missing render function (Observable Plot's words).
  for (const [mark, shown] of [[5, "5"], ["x", '"x"']] as const) {
    assert.throws(() => plotLines(twoSeries, { marks: [mark as never] }), {
      name: "TypeError",
      message:
        `Cannot plot lines as marks[0] must be an Observable Plot mark such as Plot.ruleY([0]), or a render function: marks[0]=${shown}`,
    });
  }
  assert.ok(plotLines(twoSeries, { marks: [null, undefined, [() => null]] as never }));
});

Deno.test("plotLines() refuses a key a series object does not have, naming the series", () => {
  const typo = { name: "a", x, y: x, strokeDashArray: "6 4" };
  assert.throws(() => plotLines([{ name: "b", x, y: x }, typo as never]), {
    name: "TypeError",
    message:
      'Cannot plot lines as series[1] must have only the keys name, x, y, strokeWidth, strokeDasharray: unknown key "strokeDashArray"',
  });
  const colour = { name: "a", x, y: x, colour: "red" };
  assert.throws(() => plotLines([colour as never]), {
    name: "TypeError",
    message:
      'Cannot plot lines as series[0] must have only the keys name, x, y, strokeWidth, strokeDasharray: unknown key "colour"',
  });
});

Deno.test("plotLines() refuses a key a row does not have, rather than merge two series into one line", () => {
  const rows = [
    { x: 0, y: 0, series: "a" },
    { x: 1, y: 1, series: "a" },
    { x: 0, y: 1, serie: "b" },
    { x: 1, y: 0, serie: "b" },
  ];
  assert.throws(() => plotLines(rows as never), {
    name: "TypeError",
    message:
      'Cannot plot lines as series[2] must have only the keys x, y, series: unknown key "serie"',
  });
});

Deno.test("plotLines() refuses a zero rule on a log y scale, which has no 0, rather than leave it out", () => {
  const series = [{ name: "a", x, y: [1, 2, 3, 4] }];
  assert.throws(() => plotLines(series, { zeroRule: true, logY: true }), {
    name: "RangeError",
    message:
      "Cannot plot lines as zeroRule must be left out or false with logY: true, whose scale has no 0: zeroRule=true",
  });
  // Left out or false, the log scale draws as before, with no rule.
  for (const zeroRule of [undefined, false]) {
    const svg = plotLines(series, { zeroRule, logY: true });
    assert.equal(svg.querySelectorAll("g[aria-label=rule] line").length, 0);
  }
});

Deno.test("plotLines() refuses a third argument, which would go unused", () => {
  assert.throws(
    () => loose(lib.plotLines)([{ name: "a", x: [0, 1], y: [0, 1] }], {}, { title: "t" }),
    {
      name: "TypeError",
      message:
        'Cannot plot lines as plotLines takes series and options, no third argument: third={ title: "t" }',
    },
  );
});
