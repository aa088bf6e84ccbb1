/**
 * The explorer's charts position by position, against values worked out by hand from the
 * layout rules in src/explorer/_charts.ts: a chart of 360 × 250 units, its plot area 52 from the
 * left (four-character tick labels), 50 from the top, 14 from the right and 44 from the bottom;
 * tick labels 5 left of the area, 3.5 below their grid line; legend entries 22 units plus 6.3 a
 * character wide, wrapping into rows 15 apart.
 */
import assert from "node:assert/strict";
import { createActivation, fromRows } from "../../src/mod.ts";
import { elements } from "./_svg.ts";
import {
  activationSvg,
  boundarySvg,
  CLASS_COLORS,
  deadSeries,
  domainOf,
  epochChartLayout,
  epochChartSvg,
  lossSeries,
  SERIES_COLORS,
} from "../../src/explorer/_charts.ts";

/** Every `<text>` of `svg`: its x, y and content. */
function texts(svg: string): { x: string; y: string; text: string }[] {
  return [...svg.matchAll(/<text x="([^"]*)" y="([^"]*)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: m[1],
    y: m[2],
    text: m[3],
  }));
}

const at = (svg: string, text: string) => {
  const found = texts(svg).filter((t) => t.text === text);
  assert.equal(found.length, 1, `one text "${text}"`);
  return `${found[0].x},${found[0].y}`;
};

/**
 * Epochs 0 to 10 over x from 52 to 346 (29.4 an epoch), y from 0 at 206 to 1 at 50 (156 a
 * unit): ticks 0, 0.25, 0.5, 0.75 and 1 (all of at most four characters, so the left edge stays
 * at 52) and epochs 0, 2, …, 10.
 */
const CHART = {
  title: "Loss",
  yLabel: "loss",
  epochs: 10,
  yRange: [0, 1] as const,
  series: [
    { label: "training", values: [1, 0.5, 0], color: "#111111" },
    { label: "test", values: [2, NaN, 0.25], color: "#222222", dashed: true },
  ],
};

Deno.test("epochChartSvg() places its plot, ticks and labels where its layout rule says", async (t) => {
  const svg = epochChartSvg(CHART);
  await t.step("the plot area: 52 to 346 across, 50 to 206 down", () => {
    assert.deepEqual(epochChartLayout(CHART).area, { left: 52, top: 50, width: 294, height: 156 });
    const axesLines = elements(svg, "line").filter((line) => line.stroke === "#5f6368");
    assert.ok(
      axesLines.some((l) => l.x1 === "52" && l.y1 === "206" && l.x2 === "346" && l.y2 === "206"),
      "the x axis along the bottom",
    );
    assert.ok(
      axesLines.some((l) => l.x1 === "52" && l.y1 === "50" && l.x2 === "52" && l.y2 === "206"),
      "the y axis up the left edge",
    );
  });
  await t.step("each series a line through its finite values, a dot on its last", () => {
    const lines = elements(svg, "polyline");
    assert.deepEqual(lines.map((line) => line.points), [
      "52,50 81.4,128 110.8,206",
      "52,50 110.8,167", // 2 is drawn at the top of a fixed range; NaN is left out
    ]);
    assert.deepEqual(lines.map((line) => line.stroke), ["#111111", "#222222"]);
    assert.deepEqual(lines.map((line) => line["stroke-dasharray"]), [undefined, "5 3"]);
    const dots = elements(svg, "circle").map((c) => `${c.cx},${c.cy} ${c.fill}`);
    assert.deepEqual(dots, ["110.8,206 #111111", "110.8,167 #222222"]);
  });
  await t.step("y ticks: a grid line each, the label 5 to the left and 3.5 below it", () => {
    const grid = elements(svg, "line").filter((line) => line.stroke === "#e4e6ea");
    assert.deepEqual(grid.map((l) => `${l.x1},${l.y1} ${l.x2},${l.y2}`), [
      "52,206 346,206",
      "52,167 346,167",
      "52,128 346,128",
      "52,89 346,89",
      "52,50 346,50",
    ]);
    const yLabels = [...svg.matchAll(/<text x="([^"]*)" y="([^"]*)" text-anchor="end">([^<]*)</g)]
      .map(([, x, y, label]) => `${label} ${x},${y}`);
    assert.deepEqual(yLabels, [
      "0 47,209.5",
      "0.25 47,170.5",
      "0.5 47,131.5",
      "0.75 47,92.5",
      "1 47,53.5",
    ]);
  });
  await t.step("x ticks: every second epoch from 0, a mark 4 long, the label 15 below", () => {
    const marks = elements(svg, "line").filter((l) => l.y1 === "206" && l.y2 === "210");
    assert.deepEqual(marks.map((l) => l.x1), ["52", "110.8", "169.6", "228.4", "287.2", "346"]);
    assert.deepEqual(
      ["2", "4", "6", "8", "10"].map((label) => at(svg, label)),
      ["110.8,221", "169.6,221", "228.4,221", "287.2,221", "346,221"],
    );
  });
  await t.step("axis labels: x centred 31 below the area, y rotated at its middle", () => {
    assert.equal(at(svg, "epoch"), "199,237");
    assert.match(svg, /<text x="0" y="0" [^>]*transform="translate\(16 128\) rotate\(-90\)">loss</);
  });
  await t.step("the title at (10, 18), the legend from (12, 38) in one row", () => {
    assert.equal(at(svg, "Loss"), "10,18");
    // "training": 22 + 8 × 6.3 = 72.4 wide, so "test" starts at 84.4.
    assert.equal(at(svg, "training"), "30,38");
    assert.equal(at(svg, "test"), "102.4,38");
    const keys = elements(svg, "line").filter((l) => l["stroke-width"] === "2");
    assert.deepEqual(keys.map((l) => `${l.x1},${l.y1} ${l.x2},${l.y2} ${l.stroke}`), [
      "12,34 26,34 #111111",
      "84.4,34 98.4,34 #222222",
    ]);
    assert.deepEqual(keys.map((l) => l["stroke-dasharray"]), [undefined, "4 3"]);
  });
});

Deno.test("a legend wraps an entry that would end past the chart's edge less 8", () => {
  // Three labels of 15 characters: 116.5 units each, so the third would end at 361.5 > 352.
  const series = ["first series ..", "second series .", "third series .."].map((label, i) => ({
    label,
    values: [0.5],
    color: SERIES_COLORS[i],
  }));
  const svg = epochChartSvg({ ...CHART, series });
  assert.deepEqual(series.map(({ label }) => at(svg, label)), ["30,38", "146.5,38", "30,53"]);
});

Deno.test("an epoch chart's y range runs to 5% above the largest finite value by default", () => {
  const layout = (values: number[]) =>
    epochChartLayout({ ...CHART, yRange: undefined, series: [{ ...CHART.series[0], values }] })
      .yRange;
  assert.deepEqual(layout([0.5, 0.2, Infinity]), [0, 0.525]);
  assert.deepEqual(layout([3, NaN]), [0, 3.1500000000000004]);
  assert.deepEqual(layout([]), [0, 1], "nothing to show: 0 to 1");
  assert.deepEqual(layout([0, 0]), [0, 1]);
});

Deno.test("the loss and dead-neuron series keep their lines apart", () => {
  const history = [
    { trainLoss: 0.7, testLoss: 0.8, deadFraction: [0.5, 0.25, 0, 1, 0.5] },
    { trainLoss: 0.6, deadFraction: [0.5, 0.25, 0, 1, 0.5] },
  ];
  const loss = lossSeries(history);
  assert.deepEqual(loss.map((s) => [s.label, s.color, s.dashed ?? false]), [
    ["training", SERIES_COLORS[0], false],
    ["test", SERIES_COLORS[1], true],
  ]);
  assert.deepEqual(loss[1].values, [0.8, NaN], "a record without a test loss: NaN, not drawn");
  const dead = deadSeries(history, 5);
  assert.deepEqual(dead.map((s) => [s.label, s.color, s.dashed]), [
    ["layer 1", SERIES_COLORS[0], false],
    ["layer 2", SERIES_COLORS[1], true],
    ["layer 3", SERIES_COLORS[2], false],
    ["layer 4", SERIES_COLORS[3], true],
    ["layer 5", SERIES_COLORS[0], false],
  ]);
  assert.deepEqual(dead[3].values, [1, 1]);
});

Deno.test("activationSvg() draws f and f' over z in [-3, 3] at 20 points a unit", () => {
  const svg = activationSvg({ activation: createActivation("relu"), convention: "left" });
  const [f, gLeft, gRight] = elements(svg, "polyline").map((line) => line.points.split(" "));
  assert.equal(f.length, 121, "f: z = -3, -2.95, …, 3");
  assert.equal(f[0].split(",")[0], "52", "from the area's left edge");
  assert.equal(f[120].split(",")[0], "346", "to its right edge");
  assert.deepEqual([gLeft.length, gRight.length], [60, 60], "f' in two pieces, z = 0 left out");
  // One note line: the area from 62 down to 206; y from -1 to 3 (ReLU's values and slopes).
  assert.match(svg, /<line x1="52" y1="62" x2="52" y2="206"/);
  assert.equal(f[60], "199,170", "f(0) = 0 at the area's middle, a quarter up");
  const lines = elements(svg, "polyline");
  assert.deepEqual(lines.map((l) => `${l.stroke} ${l["stroke-width"]} ${l["stroke-dasharray"]}`), [
    `${SERIES_COLORS[0]} 2 undefined`,
    `${SERIES_COLORS[1]} 2 5 3`,
    `${SERIES_COLORS[1]} 2 5 3`,
  ], "f solid in the first colour, f' dashed in the second");
  const keys = elements(svg, "line").filter((l) => l["stroke-width"] === "2");
  assert.deepEqual(keys.map((l) => `${l.stroke} ${l["stroke-dasharray"]}`), [
    `${SERIES_COLORS[0]} undefined`,
    `${SERIES_COLORS[1]} 4 3`,
  ], "the legend keys as the lines");
  const marks = elements(svg, "circle").map((c) => `${c.fill} ${c.stroke}`);
  assert.deepEqual(marks, [
    `${SERIES_COLORS[1]} ${SERIES_COLORS[1]}`, // legend: f'(0) used
    `white ${SERIES_COLORS[1]}`, // legend: one-sided limits
    `white ${SERIES_COLORS[1]}`, // the ring at the right-hand limit 1
    `${SERIES_COLORS[1]} undefined`, // the dot at f'(0) = 0
  ]);
});

Deno.test("domainOf() is the square around every point of every set, 10% wider", () => {
  const a = { x: fromRows([[0, 1]]), y: new Int32Array([0]) };
  const b = { x: fromRows([[1, 4], [0.5, 2]]), y: new Int32Array([1, 0]) };
  // x from 0 to 1, y from 1 to 4: a square of side 3 × 1.1 around (0.5, 2.5).
  const domain = domainOf(a, b);
  const expected = { x0: -1.15, x1: 2.15, y0: 0.85, y1: 4.15 };
  for (const key of ["x0", "x1", "y0", "y1"] as const) {
    assert.ok(Math.abs(domain[key] - expected[key]) < 1e-12, `${key} = ${domain[key]}`);
  }
  const flat = domainOf({ x: fromRows([[2, 3], [2, 3]]), y: new Int32Array([0, 1]) });
  assert.ok(flat.x1 > flat.x0 && flat.y1 > flat.y0, "one point still gives a square");
});

Deno.test("boundarySvg()'s legend shows classes as dots, the test set as a ring", () => {
  const svg = boundarySvg({
    title: "Boundary",
    domain: { x0: -1, x1: 1, y0: -1, y1: 1 },
    train: { x: fromRows([[0, 0], [-0.5, 0.5]]), y: new Int32Array([1, 1]) },
    test: { x: fromRows([[0.5, -0.5]]), y: new Int32Array([0]) },
    shading: "",
  });
  const circles = elements(svg, "circle").map((c) => `${c.cx},${c.cy} ${c.fill} ${c.stroke}`);
  assert.deepEqual(circles, [
    // the legend: 22 + 7 × 6.3 = 66.1 for a class, 22 + 8 × 6.3 = 72.4 for "training"
    `17,34 ${CLASS_COLORS[0]} ${CLASS_COLORS[0]}`,
    `83.1,34 ${CLASS_COLORS[1]} ${CLASS_COLORS[1]}`,
    "149.2,34 #5f6368 #5f6368",
    "221.6,34 white #5f6368",
    // the points: x from 52 to 346, y from 336 up to 52; dots outlined in dark ink
    `199,194 ${CLASS_COLORS[1]} #1d1d1f`,
    `125.5,123 ${CLASS_COLORS[1]} #1d1d1f`,
    `272.5,265 white ${CLASS_COLORS[0]}`,
  ]);
  assert.ok(!svg.includes('stroke="#e4e6ea"'), "no grid lines over the shading");
  const ticks = elements(svg, "line").filter((l) => l.x1 === "48" && l.x2 === "52");
  assert.equal(ticks.length, 5, "y ticks as short marks left of the area: -1, -0.5, …, 1");
});
