import assert from "node:assert/strict";
import { type EpochMetrics, plotTrainingCurves, toHtmlString } from "../../src/plot/mod.ts";

function history(scale: number, epochs = 5): EpochMetrics[] {
  return Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1,
    trainLoss: scale / (i + 1),
    trainAccuracy: 1 - scale / (2 * (i + 1)),
    deadFraction: [0.1 * scale, 0.3 * scale],
  }));
}

const runs = [
  { name: "ReLU", histories: [history(1), history(1.5), history(0.5)] },
  { name: "Leaky ReLU (α = 0.01)", history: history(0.8) },
];

Deno.test("plotTrainingCurves() draws one mean line per run", () => {
  const figure = plotTrainingCurves(runs);
  assert.equal(figure.querySelectorAll("g[aria-description=mean] path").length, 2);
});

Deno.test("plotTrainingCurves() shades a band only for runs with several histories", () => {
  const figure = plotTrainingCurves(runs);
  assert.equal(figure.querySelectorAll("g[aria-label=area] path").length, 1);
  assert.ok((figure.textContent ?? "").includes("mean over 3 seeds; shaded: min–max"));
});

Deno.test("plotTrainingCurves() shades ± 1 sd with band: std, and nothing with band: false", () => {
  assert.ok(
    (plotTrainingCurves(runs, { band: "std" }).textContent ?? "").includes("± 1 sd"),
  );
  const plain = plotTrainingCurves(runs, { band: false });
  assert.equal(plain.querySelectorAll("g[aria-label=area] path").length, 0);
});

Deno.test("plotTrainingCurves() uses a log y scale for losses and linear for accuracy", () => {
  const svgClass = (metric: "trainLoss" | "trainAccuracy") => {
    const figure = plotTrainingCurves(runs, { metric, band: false });
    return Array.from(figure.querySelectorAll("g[aria-label='y-axis tick label'] text"))
      .map((t) => t.textContent ?? "");
  };
  // Log ticks are powers of ten and their multiples; accuracy ticks are evenly spaced.
  assert.ok(svgClass("trainLoss").includes("0.2"));
  assert.ok(svgClass("trainAccuracy").some((t) => t.startsWith("0.")));
});

Deno.test("plotTrainingCurves() labels a per-layer metric by its reduction", async (t) => {
  await t.step("mean over layers by default", () => {
    const text = plotTrainingCurves(runs, { metric: "deadFraction" }).textContent ?? "";
    assert.ok(text.includes("dead fraction (mean over layers)"));
  });
  await t.step("one layer when asked", () => {
    const text = plotTrainingCurves(runs, { metric: "deadFraction", layer: 1 }).textContent ?? "";
    assert.ok(text.includes("dead fraction (layer 1)"));
  });
});

Deno.test("plotTrainingCurves() gives the same markup for the same call", () => {
  assert.equal(toHtmlString(plotTrainingCurves(runs)), toHtmlString(plotTrainingCurves(runs)));
});

Deno.test("plotTrainingCurves() rejects bad input with house-style errors", async (t) => {
  await t.step("no runs", () => {
    assert.throws(() => plotTrainingCurves([]), TypeError);
  });
  await t.step("a run without history", () => {
    assert.throws(() => plotTrainingCurves([{ name: "x" }]), {
      name: "TypeError",
      message: /^Cannot plot training curves as runs\[0\] must be/,
    });
  });
  await t.step("a metric no history has", () => {
    assert.throws(() => plotTrainingCurves(runs, { metric: "testLoss" }), RangeError);
  });
  await t.step("an unknown metric", () => {
    assert.throws(() => plotTrainingCurves(runs, { metric: "loss" as never }), TypeError);
  });
});

Deno.test("plotTrainingCurves() bands with the sample standard deviation (n - 1)", () => {
  // Losses 1 and 3 at epoch 1: mean 2, sample sd sqrt(2), so the band spans 2 ± 1.414.
  const histories = [[{ epoch: 1, trainLoss: 1 }], [{ epoch: 1, trainLoss: 3 }]];
  const more = [[{ epoch: 2, trainLoss: 1 }], [{ epoch: 2, trainLoss: 3 }]];
  const figure = plotTrainingCurves(
    [{ name: "a", histories: histories.map((h, i) => [...h, ...more[i]]) }],
    { band: "std", logY: false, yDomain: [0, 4], height: 400 },
  );
  const ticks = Array.from(figure.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => Number(t.textContent));
  assert.equal(Math.max(...ticks), 4);
  const edges = Array.from(figure.querySelectorAll("g[aria-description='band edge'] path"))
    .map((p) => p.getAttribute("d") ?? "");
  assert.equal(edges.length, 2);
  // The y scale maps [0, 4] onto the plot's height; read the edges' y in data units.
  const ys = edges.map((d) => Number(/^M[\d.]+,([\d.]+)/.exec(d)![1]));
  const [top, bottom] = [20, 400 - 40]; // Observable Plot's default top margin, our bottom margin
  const value = (y: number) => 4 * (bottom - y) / (bottom - top);
  const [lo, hi] = ys.map(value).sort((a, b) => a - b);
  assert.ok(Math.abs(lo - (2 - Math.SQRT2)) < 0.01, `lower edge ${lo}`);
  assert.ok(Math.abs(hi - (2 + Math.SQRT2)) < 0.01, `upper edge ${hi}`);
});

Deno.test("plotTrainingCurves() draws each run's own metric: training and test loss of the same runs", () => {
  const histories = [1, 2].map((s) =>
    [1, 2, 3].map((epoch) => ({ epoch, trainLoss: s / (10 * epoch), testLoss: s / epoch }))
  );
  const figure = plotTrainingCurves([
    { name: "training", histories, metric: "trainLoss" },
    { name: "test", histories, metric: "testLoss" },
  ], { band: "std", yLabel: "loss" });
  assert.equal(figure.querySelectorAll("g[aria-description=mean] path").length, 2);
  assert.ok((figure.textContent ?? "").includes("loss"));
  assert.throws(
    () => plotTrainingCurves([{ name: "x", histories, metric: "bogus" as "trainLoss" }]),
    /runs\[0\]\.metric must be one of/,
  );
});

Deno.test("plotTrainingCurves() cuts bands at a given y domain", () => {
  // Band 0.5..3.5 at every epoch (mean 2, min-max), domain [1, 3]: the edges lie on 1 and 3.
  const histories = [0.5, 2, 3.5].map((v) => [1, 2].map((epoch) => ({ epoch, trainLoss: v })));
  const figure = plotTrainingCurves([{ name: "a", histories }], {
    yDomain: [1, 3],
    logY: false,
    height: 400,
  });
  const edges = Array.from(figure.querySelectorAll("g[aria-description='band edge'] path"))
    .map((p) => Number(/^M[\d.]+,([\d.]+)/.exec(p.getAttribute("d") ?? "")![1]));
  const [top, bottom] = [20, 400 - 40];
  assert.deepEqual(edges.map((y) => 1 + 2 * (bottom - y) / (bottom - top)).sort(), [1, 3]);
});
