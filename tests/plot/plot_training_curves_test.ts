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

Deno.test("plotTrainingCurves() shades ± 1 std with band: std, and nothing with band: false", () => {
  assert.ok(
    (plotTrainingCurves(runs, { band: "std" }).textContent ?? "").includes("± 1 std"),
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
