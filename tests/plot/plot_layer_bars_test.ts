import assert from "node:assert/strict";
import {
  type FigureElement,
  plotDefaults,
  plotLayerBars,
  toHtmlString,
  toSvgString,
} from "../../src/plot/mod.ts";
import { tickAt } from "./_ticks.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

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
  // One notation for the whole axis: never 0.001 next to 1e-4.
  assert.deepEqual(ticks, ["1e-5", "1e-4", "1e-3", "1e-2", "1e-1", "1e0"]);
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
  assert.deepEqual(ticks, ["1e-4", "1e-3", "1e-2", "1e-1", "1e0"]);
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
  // Past 9,999 in exponent form, every tick alike.
  assert.deepEqual(labels([3e4, 9e4]), ["1e4", "2e4", "5e4"]);
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

/** The labels of the y axis's ticks, bottom to top. */
const yTicks = (figure: FigureElement) =>
  Array.from(figure.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => t.textContent);

/** The texts of the marks described as `description`. */
const marks = (figure: FigureElement, description: string) =>
  Array.from(figure.querySelectorAll(`g[aria-description='${description}'] text`))
    .map((mark) => mark.textContent);

/** The top and bottom of each bar, in pixels. */
const barSpans = (figure: FigureElement) =>
  Array.from(figure.querySelectorAll("g[aria-label=bar] rect")).map((r) => {
    const y = Number(r.getAttribute("y"));
    return [y, y + Number(r.getAttribute("height"))];
  });

Deno.test("plotLayerBars() on a log scale returns when no value is finite and above 0, marking every layer", async (t) => {
  // Infinity once counted towards the foot of the axis, and the tick loop never ended.
  await t.step("two norms that overflowed: two ×, on an axis from 1", () => {
    const figure = plotLayerBars([Infinity, Infinity], { logY: true });
    assert.deepEqual(marks(figure, "no value"), ["×", "×"]);
    assert.equal(figure.querySelectorAll("g[aria-label=bar] rect").length, 0);
    assert.ok((figure.textContent ?? "").includes("×: no finite value (a run that diverged)"));
    assert.deepEqual(yTicks(figure), ["1"]);
  });
  await t.step("a report's norms of 0, NaN and Infinity: a 0 and two ×", () => {
    const figure = plotLayerBars([0, NaN, Infinity], { logY: true });
    assert.deepEqual(marks(figure, "no value"), ["×", "×"]);
    assert.deepEqual(marks(figure, "not above 0"), ["0"]);
    // Among finite norms, the same marks, and the axis fits the finite ones.
    const mixed = plotLayerBars([0.5, 0, NaN, Infinity, 2], { logY: true });
    assert.equal(mixed.querySelectorAll("g[aria-label=bar] rect").length, 2);
    assert.deepEqual([marks(mixed, "no value"), marks(mixed, "not above 0")], [["×", "×"], ["0"]]);
    assert.deepEqual(yTicks(mixed), ["0.1", "0.2", "0.5", "1", "2"]);
  });
});

Deno.test("plotLayerBars() on a log scale returns for values at the ends of float64", () => {
  // The smallest subnormal once gave a foot of 10 ** -324 = 0, the largest double an axis top
  // of Infinity: either loop over the powers of ten never ended.
  for (const values of [[5e-324, 1], [1.7e308], [Number.MAX_VALUE, Number.MIN_VALUE]]) {
    const ticks = yTicks(plotLayerBars(values, { logY: true }));
    assert.ok(ticks.length >= 1 && ticks.length <= 17, `${values}: ${ticks}`);
  }
});

Deno.test("plotLayerBars() on a log axis across thirty decades labels every third power of ten, 14 px apart or more", () => {
  const figure = plotLayerBars([1e-30, 1], { logY: true, height: 220 });
  assert.deepEqual(yTicks(figure), [
    "1e-30",
    "1e-27",
    "1e-24",
    "1e-21",
    "1e-18",
    "1e-15",
    "1e-12",
    "1e-9",
    "1e-6",
    "1e-3",
    "1e0",
  ]);
  const ys = Array.from(figure.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => Number(t.getAttribute("transform")?.match(/,([\d.]+)\)/)?.[1]));
  for (let i = 1; i < ys.length; i++) assert.ok(ys[i - 1] - ys[i] >= 14, `${ys}`);
});

Deno.test("plotLayerBars() with a yDomain draws nothing outside the chart", async (t) => {
  await t.step(
    "a bar above the domain reaches its top edge under an ↑, one below it gets a ↓",
    () => {
      const figure = plotLayerBars([0.5, 1.5, -0.2], { yDomain: [0, 1] });
      const [top, bottom] = [tickAt(figure, "y", "1.0"), tickAt(figure, "y", "0.0")];
      assert.deepEqual(barSpans(figure), [[(top + bottom) / 2, bottom], [top, bottom]]);
      assert.deepEqual(marks(figure, "below the y domain"), ["↓"]);
      assert.ok((figure.textContent ?? "").includes("↓: a value below the y domain"));
      // The cut bar does not pass for a value of 1: the ↑ stands over the top edge, in its colour.
      const up = figure.querySelector("g[aria-description='above the y domain'] text");
      assert.equal(up?.textContent, "↑");
      assert.equal(up?.getAttribute("fill"), plotDefaults.colors[0]);
      assert.ok(Number(up?.getAttribute("transform")?.match(/,([^)]+)\)/)?.[1]) <= top);
      assert.ok((figure.textContent ?? "").includes("↑: a value above the y domain"));
    },
  );
  await t.step("a negative bar cut at the foot of the domain gets a white ↓ in it", () => {
    const figure = plotLayerBars([0.5, -3], { yDomain: [-1, 1] });
    const [zero, bottom] = [tickAt(figure, "y", "0.0"), tickAt(figure, "y", "−1.0")];
    assert.deepEqual(barSpans(figure)[1], [zero, bottom]);
    const down = figure.querySelector("g[aria-description='below the y domain'] text");
    assert.equal(down?.textContent, "↓");
    assert.equal(down?.getAttribute("fill"), "white");
  });
  await t.step("with 0 below the domain, bars stand on its foot and no rule is drawn at 0", () => {
    const figure = plotLayerBars([0.1, 0.6], { yDomain: [0.2, 1] });
    const [top, bottom] = [tickAt(figure, "y", "1.0"), tickAt(figure, "y", "0.2")];
    assert.equal(figure.querySelectorAll("g[aria-label=rule]").length, 0);
    const [[barTop, barFoot]] = barSpans(figure);
    assert.ok(barTop > top && barFoot === bottom, `${barTop} to ${barFoot} in ${top} to ${bottom}`);
    assert.deepEqual(marks(figure, "below the y domain"), ["↓"]);
  });
  await t.step(
    "on a log scale, a value under the foot gets a ↓, one over the top is cut, ↑",
    () => {
      const figure = plotLayerBars([1e-5, 0.1, 10], { logY: true, yDomain: [1e-3, 1] });
      const [top, bottom] = [tickAt(figure, "y", "1"), tickAt(figure, "y", "0.001")];
      for (const [barTop, barFoot] of barSpans(figure)) {
        assert.ok(
          barTop >= top - 1e-9 && Math.abs(barFoot - bottom) < 1e-9,
          `${barTop} ${barFoot}`,
        );
      }
      assert.deepEqual(marks(figure, "below the y domain"), ["↓"]);
      assert.deepEqual(marks(figure, "above the y domain"), ["↑"]);
    },
  );
  await t.step("a domain below 0: a value above it gets an ↑ at its top", () => {
    const figure = plotLayerBars([-0.5, -3], { yDomain: [-2, -1] });
    const [top, bottom] = [tickAt(figure, "y", "−1.0"), tickAt(figure, "y", "−2.0")];
    assert.deepEqual(barSpans(figure), [[top, bottom]]);
    assert.deepEqual(marks(figure, "above the y domain"), ["↑"]);
    assert.ok((figure.textContent ?? "").includes("↑: a value above the y domain"));
  });
  await t.step("the same markup for the same call, drawn by toSvgString too", () => {
    const call = () => plotLayerBars([0.5, 1.5, -0.2, NaN], { yDomain: [0, 1], title: "T" });
    assert.equal(toHtmlString(call()), toHtmlString(call()));
    const svg = toSvgString(call());
    assert.equal(svg, toSvgString(call()));
    assert.ok(svg.includes(">↓<") && svg.includes(">×<") && svg.includes("↓: a value below"));
  });
});

Deno.test("plotLayerBars() refuses a row whose layer is missing or not a layer number or name", () => {
  assert.throws(() => plotLayerBars([{ value: 0.3 }, { value: 0.5 }] as never), {
    name: "TypeError",
    message:
      "Cannot plot layer bars as perLayer[0].layer must be a layer number or name: perLayer[0].layer=undefined",
  });
  assert.throws(() => plotLayerBars([{ layer: NaN, value: 0.3 }]), {
    name: "RangeError",
    message:
      "Cannot plot layer bars as perLayer[0].layer must be a finite number: perLayer[0].layer=NaN",
  });
  assert.throws(() => plotLayerBars([{ layer: "a", value: 0.3 }, { layer: "", value: 0.5 }]), {
    name: "RangeError",
    message:
      'Cannot plot layer bars as perLayer[1].layer must be a non-empty name: perLayer[1].layer=""',
  });
});

Deno.test("plotLayerBars() refuses a row with an unknown key or a series that is not a name", () => {
  assert.throws(() => plotLayerBars([{ layer: 1, value: 0.3, serie: "a" } as never]), {
    name: "TypeError",
    message:
      'Cannot plot layer bars as perLayer[0] must have only the keys layer, value, series: unknown key "serie"',
  });
  assert.throws(() => plotLayerBars([{ layer: 1, value: 0.3, series: 2 } as never]), {
    name: "TypeError",
    message: "Cannot plot layer bars as perLayer[0].series must be a string: perLayer[0].series=2",
  });
  assert.throws(
    () => plotLayerBars([{ layer: 1, value: 0.3, series: "a" }, { layer: 2, value: 1 }]),
    {
      name: "TypeError",
      message:
        "Cannot plot layer bars as perLayer[1].series must be a series name, as other rows give: perLayer[1].series=undefined",
    },
  );
});

Deno.test("plotLayerBars() refuses a layer given twice in one series, whose bars would hide each other", () => {
  assert.throws(
    () =>
      plotLayerBars([{ layer: 1, value: 0.5 }, { layer: 2, value: 0.1 }, { layer: 1, value: 0.2 }]),
    {
      name: "RangeError",
      message:
        'Cannot plot layer bars as perLayer[2].layer must be a layer not given before (perLayer[0] has it): perLayer[2].layer="1"',
    },
  );
  const rows = [
    { layer: 1, value: 0.5, series: "ReLU" },
    { layer: 1, value: 0.2, series: "tanh" },
  ];
  // One layer in two series is two bars side by side.
  assert.equal(plotLayerBars(rows).querySelectorAll("g[aria-label=bar] rect").length, 2);
  assert.throws(() => plotLayerBars([...rows, { layer: "1", value: 0.1, series: "tanh" }]), {
    name: "RangeError",
    message:
      'Cannot plot layer bars as perLayer[2].layer must be a layer not given before in series "tanh" (perLayer[1] has it): perLayer[2].layer="1"',
  });
});

Deno.test("plotLayerBars() refuses no layers, as the other plot helpers refuse empty input", () => {
  // An <svg> with 0 bars.
  assert.throws(() => plotLayerBars([]), {
    name: "RangeError",
    message:
      "Cannot plot layer bars as perLayer must be a non-empty array of numbers or { layer, value, series } rows: perLayer=[]",
  });
});

Deno.test("plotLayerBars() refuses a third argument, which would go unused", () => {
  assert.throws(() => loose(lib.plotLayerBars)([0.1, 0.2], {}, { title: "t" }), {
    name: "TypeError",
    message:
      'Cannot plot layer bars as plotLayerBars takes perLayer and options, no third argument: third={ title: "t" }',
  });
});
