/** The explorer's SVG figures and number labels. */
import assert from "node:assert/strict";
import { fromRows } from "../../src/core/matrix.ts";
import { createActivation } from "../../src/mod.ts";
import { plotDecisionBoundary } from "../../src/plot/mod.ts";
import {
  activationSvg,
  boundarySvg,
  deadSeries,
  domainOf,
  epochChartLayout,
  epochChartSvg,
  formatNumber,
  formatSetting,
  niceTicks,
  plotLeft,
} from "../../src/explorer/_charts.ts";
import { explorerData } from "../../src/explorer/_session.ts";
import { resolveExplorerSettings } from "../../src/explorer/_settings.ts";
import { elements } from "./_svg.ts";

Deno.test("niceTicks() gives round values covering the range", async (t) => {
  await t.step("0 to 200 in steps of 50", () => {
    assert.deepEqual(niceTicks(0, 200, 5), [0, 50, 100, 150, 200]);
  });
  await t.step("a range across zero includes 0 exactly", () => {
    assert.deepEqual(niceTicks(-3, 3, 6), [-3, -2, -1, 0, 1, 2, 3]);
    assert.ok(niceTicks(-1.13, 2.4, 5).includes(0));
  });
  await t.step("a range that starts between ticks starts at the first tick inside it", () => {
    assert.deepEqual(niceTicks(0.13, 0.87, 4), [0.2, 0.4, 0.6, 0.8]);
    assert.deepEqual(niceTicks(-0.55, 0.3, 4), [-0.5, -0.25, 0, 0.25]);
  });
  await t.step("an empty range gives its one value", () => {
    assert.deepEqual(niceTicks(1, 1), [1]);
  });
  await t.step("whole ticks only, for an epoch axis: none at epoch 0.5 or 2.5", () => {
    assert.deepEqual(niceTicks(0, 1, 5, true), [0, 1]);
    assert.deepEqual(niceTicks(0, 2, 5, true), [0, 1, 2]);
    assert.deepEqual(niceTicks(0, 12, 5, true), [0, 5, 10]);
    assert.deepEqual(niceTicks(0, 100, 5, true), [0, 20, 40, 60, 80, 100]);
    assert.deepEqual(niceTicks(0, 12, 5), [0, 2.5, 5, 7.5, 10], "not asked for: as before");
  });
});

Deno.test("formatNumber() prints short labels", () => {
  assert.equal(formatNumber(0.1), "0.1");
  assert.equal(formatNumber(0.30000000000000004), "0.3");
  assert.equal(formatNumber(0.77484, 4), "0.7748");
  assert.equal(formatNumber(-0), "0");
  assert.equal(formatNumber(0.0001), "1e-4");
  assert.equal(formatNumber(0.001), "0.001", "plain from 10^-3");
  assert.equal(formatNumber(0.00099), "9.9e-4");
  assert.equal(formatNumber(99900), "99900", "plain below 10^5");
  assert.equal(formatNumber(1e5), "1e+5");
  assert.equal(formatNumber(-123456), "-1.23e+5");
  assert.equal(formatNumber(NaN), "NaN");
});

Deno.test("epochChartSvg() draws a titled chart with legend, axis labels and one line per series", () => {
  const svg = epochChartSvg({
    title: "Loss",
    yLabel: "loss",
    epochs: 100,
    series: [
      { label: "training", values: [0.7, 0.5, 0.4], color: "#123456" },
      { label: "test", values: [0.8, 0.6, NaN], color: "#654321", dashed: true },
    ],
  });
  assert.match(svg, /^<svg [^>]*viewBox="0 0 360 250"[^>]*aria-label="Loss"/);
  for (const label of ["Loss", "training", "test", "epoch", "loss", "100"]) {
    assert.ok(svg.includes(`>${label}<`), `has the text ${label}`);
  }
  const lines = [
    ...svg.matchAll(/<polyline data-series="\d" points="([^"]*)"[^>]*stroke="(#\d+)"/g),
  ];
  assert.deepEqual(lines.map((m) => m[2]), ["#123456", "#654321"]);
  assert.equal(lines[0][1].split(" ").length, 3);
  assert.equal(lines[1][1].split(" ").length, 2, "a non-finite value is left out");
});

Deno.test("an epoch chart of a short run labels whole epochs only", () => {
  for (const epochs of [1, 2, 3, 12]) {
    const svg = epochChartSvg({
      title: "Loss",
      yLabel: "loss",
      epochs,
      series: [{ label: "training", values: [0.7], color: "#123456" }],
    });
    // The x tick labels sit below the plot, at the largest y of any tick label.
    const labels = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)</g)];
    const bottom = Math.max(
      ...labels.filter((m) => /^-?[\d.]+$/.test(m[2])).map((m) => Number(m[1])),
    );
    const xTicks = labels.filter((m) => Number(m[1]) === bottom).map((m) => Number(m[2]));
    assert.ok(xTicks.length >= 2, `${epochs} epochs: ${xTicks}`);
    assert.ok(xTicks.every(Number.isInteger), `${epochs} epochs: ${xTicks}`);
    assert.equal(xTicks.at(-1), epochs === 12 ? 10 : epochs);
  }
});

Deno.test("an epoch chart makes room for y tick labels wider than four characters", async (t) => {
  /** The y tick labels of `svg` and the x where each ends (they are anchored at their end). */
  const yTicks = (svg: string) =>
    [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="end">([^<]*)</g)]
      .map((m) => ({ end: Number(m[1]), label: m[2] }));
  /** The x of the rotated y axis label's baseline. */
  const yLabelX = (svg: string) =>
    Number(/translate\(([\d.]+) [\d.]+\) rotate\(-90\)/.exec(svg)?.[1]);
  const chart = (top: number) => ({
    title: "Loss",
    yLabel: "loss",
    epochs: 20,
    series: [{ label: "training", values: [0.7, top, 0.5], color: "#123456" }],
  });
  await t.step("labels of up to four characters keep the usual margin of 52", () => {
    assert.equal(plotLeft(["0", "0.25", "0.5", "100%"]), 52);
    assert.equal(epochChartLayout(chart(0.9)).area.left, 52);
  });
  await t.step("a loss that blew up to 9e18 moves the plot right, clear of the axis label", () => {
    const svg = epochChartSvg(chart(9e18));
    const ticks = yTicks(svg);
    assert.ok(ticks.some((tick) => tick.label === "7.5e+18"), JSON.stringify(ticks));
    const left = epochChartLayout(chart(9e18)).area.left;
    assert.equal(left, 73);
    // The axis label's glyphs reach about 2 units right of its baseline; a tick label's digits
    // are at most 6.7 units wide at this size.
    for (const { end, label } of ticks) {
      assert.ok(end - label.length * 6.7 > yLabelX(svg) + 2, `${label} ends at ${end}`);
    }
    assert.equal(yLabelX(svg), 16, "the axis label keeps its place");
  });
});

Deno.test("activationSvg() marks f'(0) as the library's convention gives it", async (t) => {
  await t.step("ReLU: f'(0) = 0, with the right-hand limit 1 as a ring", () => {
    const svg = activationSvg({ activation: createActivation("relu"), convention: "left" });
    assert.ok(svg.includes(">ReLU: f and f′<"));
    assert.ok(svg.includes(">f′(0) = 0 (left convention at the kink)<"));
    assert.equal(svg.match(/fill="white" stroke=/g)?.length, 2, "one ring here, one in the legend");
    assert.ok(svg.includes(">one-sided limits<"));
  });
  await t.step("Leaky ReLU with alpha 0.1: f'(0) = 0.1", () => {
    const svg = activationSvg({
      activation: createActivation("leakyRelu", { alpha: 0.1 }),
      convention: "left",
    });
    assert.ok(svg.includes(">f′(0) = 0.1 (left convention at the kink)<"));
  });
  await t.step(
    "its title gives a parameter of many decimals to 4 digits, others as they are",
    () => {
      const titleOf = (alpha: number) =>
        /aria-label="([^"]*)"/.exec(activationSvg({
          activation: createActivation("leakyRelu", { alpha }),
          convention: "left",
        }))?.[1];
      assert.equal(titleOf(0.12345678901234568), "Leaky ReLU (α = 0.1235): f and f′");
      assert.equal(titleOf(0.0001234567), "Leaky ReLU (α = 1.235e-4): f and f′");
      assert.equal(titleOf(0.01), "Leaky ReLU (α = 0.01): f and f′");
      assert.equal(titleOf(0.1234), "Leaky ReLU (α = 0.1234): f and f′");
      assert.equal(titleOf(1e-7), "Leaky ReLU (α = 1e-7): f and f′");
    },
  );
  await t.step("a note of two lines moves the legend and the plot down by a line", () => {
    const prelu = createActivation("prelu", { alpha: 0.25 });
    const one = activationSvg({ activation: prelu, convention: "left", note: "first line" });
    const two = activationSvg({
      activation: prelu,
      convention: "left",
      note: "first line\nsecond line",
    });
    assert.ok(two.includes('y="34" font-size="11" fill="#5f6368">first line<'));
    assert.ok(two.includes('y="47" font-size="11" fill="#5f6368">second line<'));
    const legendY = (svg: string) => /<text x="[\d.]+" y="([\d.]+)"[^>]*>f\(z\)</.exec(svg)?.[1];
    assert.equal(Number(legendY(two)) - Number(legendY(one)), 13);
    /** The top of the y axis: the highest of the vertical lines at the plot's left edge. */
    const axisTop = (svg: string) =>
      Math.min(
        ...[...svg.matchAll(/<line x1="52" y1="([\d.]+)" x2="52"/g)].map((m) => Number(m[1])),
      );
    assert.equal(axisTop(two) - axisTop(one), 13);
  });
  await t.step(
    "ELU and Leaky ReLU with alpha 1 are continuous in f′: no ring, none in the legend",
    () => {
      for (const name of ["elu", "leakyRelu"] as const) {
        const svg = activationSvg({
          activation: createActivation(name, { alpha: 1 }),
          convention: "left",
        });
        assert.equal(svg.match(/fill="white" stroke=/g), null, `${name}: no ring drawn or named`);
        assert.ok(!svg.includes("one-sided limits"), `${name}: the legend names no ring`);
        assert.ok(svg.includes(">f′(0) used<"), `${name}: the rest of the legend stays`);
      }
    },
  );
});

Deno.test("domainOf() is a square around every point", () => {
  const { train, test } = explorerData(resolveExplorerSettings({ dataset: "twoMoons" }));
  const d = domainOf(train, test);
  assert.ok(Math.abs((d.x1 - d.x0) - (d.y1 - d.y0)) < 1e-12);
  for (const set of [train, test]) {
    for (let i = 0; i < set.x.data.length; i += 2) {
      const [x, y] = [set.x.data[i], set.x.data[i + 1]];
      assert.ok(x > d.x0 && x < d.x1 && y > d.y0 && y < d.y1);
    }
  }
});

Deno.test("deadSeries() draws one line per hidden layer, every second one dashed", () => {
  const history = [{ deadFraction: [0, 0.5, 1] }, { deadFraction: [0.25, 0.5, 0.75] }];
  const series = deadSeries(history, 3);
  assert.deepEqual(series.map((s) => s.label), ["layer 1", "layer 2", "layer 3"]);
  assert.deepEqual(series.map((s) => s.values), [[0, 0.25], [0.5, 0.5], [1, 0.75]]);
  assert.deepEqual(series.map((s) => s.dashed), [false, true, false]);
  assert.equal(new Set(series.map((s) => s.color)).size, 3);
});

Deno.test("formatSetting() cuts a setting of five decimals or more to four digits", () => {
  assert.equal(formatSetting(0.1 + 0.2), "0.3");
  assert.equal(formatSetting(-(0.1 + 0.2)), "-0.3");
  assert.equal(formatSetting(0.12345678901234568), "0.1235");
  for (
    const [value, text] of [[0.01, "0.01"], [0.1234, "0.1234"], [0.0001, "0.0001"], [10, "10"]]
  ) {
    assert.equal(formatSetting(value as number), text, "a usual value as it is given");
  }
  const heading = activationSvg({
    activation: createActivation("leakyRelu", { alpha: 0.1 + 0.2 }),
    convention: "left",
  });
  assert.ok(heading.includes(`>Leaky ReLU (α = ${formatSetting(0.1 + 0.2)}): f and f′<`));
});

Deno.test("the explorer colours each class as the static decision-boundary figures do", () => {
  // Point i has class i, so the i-th dot's fill is the colour of class i.
  const points = { x: fromRows([[-1, -1], [1, 1]]), y: new Int32Array([0, 1]) };
  const staticFigure = plotDecisionBoundary((x) => x, points, { resolution: 4 });
  const staticFills = Array.from(staticFigure.querySelectorAll("g[aria-label=dot] circle"))
    .map((circle) => circle.getAttribute("fill"));
  const live = boundarySvg({
    title: "Decision boundary",
    domain: domainOf(points),
    train: points,
    test: { x: fromRows([]), y: new Int32Array(0) },
    shading: "",
  });
  // The four legend swatches come first, then the training dots.
  const liveFills = elements(live, "circle").slice(4).map((circle) => circle.fill);
  assert.equal(staticFills.length, 2);
  assert.notEqual(staticFills[0], staticFills[1]);
  assert.deepEqual(liveFills, staticFills);
});
