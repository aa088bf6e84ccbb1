/** The explorer's SVG figures and number labels. */
import assert from "node:assert/strict";
import { createActivation } from "../../src/mod.ts";
import {
  activationSvg,
  deadSeries,
  domainOf,
  epochChartSvg,
  formatNumber,
  niceTicks,
} from "../../src/explorer/_charts.ts";
import { explorerData } from "../../src/explorer/_session.ts";
import { resolveExplorerSettings } from "../../src/explorer/_settings.ts";

Deno.test("niceTicks() gives round values covering the range", async (t) => {
  await t.step("0 to 200 in steps of 50", () => {
    assert.deepEqual(niceTicks(0, 200, 5), [0, 50, 100, 150, 200]);
  });
  await t.step("a range across zero includes 0 exactly", () => {
    assert.deepEqual(niceTicks(-3, 3, 6), [-3, -2, -1, 0, 1, 2, 3]);
    assert.ok(niceTicks(-1.13, 2.4, 5).includes(0));
  });
  await t.step("an empty range gives its one value", () => {
    assert.deepEqual(niceTicks(1, 1), [1]);
  });
});

Deno.test("formatNumber() prints short labels", () => {
  assert.equal(formatNumber(0.1), "0.1");
  assert.equal(formatNumber(0.30000000000000004), "0.3");
  assert.equal(formatNumber(0.77484, 4), "0.7748");
  assert.equal(formatNumber(-0), "0");
  assert.equal(formatNumber(0.0001), "1e-4");
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

Deno.test("activationSvg() marks f'(0) as the library's convention gives it", async (t) => {
  await t.step("ReLU: f'(0) = 0, with the right-hand limit 1 as a ring", () => {
    const svg = activationSvg({ activation: createActivation("relu"), convention: "left" });
    assert.ok(svg.includes(">ReLU: f and f′<"));
    assert.ok(svg.includes(">f′(0) = 0 (left convention at the kink)<"));
    assert.equal(svg.match(/fill="white" stroke=/g)?.length, 2, "one ring here, one in the legend");
  });
  await t.step("Leaky ReLU with alpha 0.1: f'(0) = 0.1", () => {
    const svg = activationSvg({
      activation: createActivation("leakyRelu", { alpha: 0.1 }),
      convention: "left",
    });
    assert.ok(svg.includes(">f′(0) = 0.1 (left convention at the kink)<"));
  });
  await t.step("ELU with alpha 1 is smooth: no ring", () => {
    const svg = activationSvg({
      activation: createActivation("elu", { alpha: 1 }),
      convention: "left",
    });
    assert.equal(svg.match(/fill="white" stroke=/g)?.length, 1, "only the legend's ring");
  });
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
