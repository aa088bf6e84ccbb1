import assert from "node:assert/strict";
import {
  type EpochMetrics,
  plotTrainingCurves,
  toHtmlString,
  toSvgString,
} from "../../src/plot/mod.ts";
import { DEAD_CAPTION } from "../display/_captions.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

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

/**
 * The values along each line of a group ("mean" or "band edge"), in data units, in drawing order,
 * for a figure of `height: 400` (the plot spans y = 20 to 360) with the given y domain; the
 * lines sorted by their first value.
 */
function drawn(
  figure: ReturnType<typeof plotTrainingCurves>,
  description: "mean" | "band edge",
  [low, high]: [number, number] = [0, 1],
  log = false,
): number[][] {
  const [top, bottom] = [20, 400 - 40]; // Observable Plot's default top margin, our bottom margin
  const scale = log ? Math.log10 : (v: number) => v;
  const value = (y: number) => {
    const t = scale(low) + (scale(high) - scale(low)) * (bottom - y) / (bottom - top);
    return log ? 10 ** t : t;
  };
  return Array.from(figure.querySelectorAll(`g[aria-description="${description}"] path`))
    .map((path) =>
      [...(path.getAttribute("d") ?? "").matchAll(/[ML][-\d.e]+,([-\d.e]+)/g)].map((m) =>
        value(Number(m[1]))
      )
    )
    .sort((a, b) => a[0] - b[0]);
}

/** Asserts that lines of values agree with the expected ones to the pixels' precision (1e-4). */
function assertLines(actual: number[][], expected: number[][]): void {
  const close = actual.length === expected.length &&
    actual.every((line, i) =>
      line.length === expected[i].length &&
      line.every((v, j) =>
        Math.abs(v - expected[i][j]) <= 1e-4 * Math.max(1, Math.abs(expected[i][j]))
      )
    );
  assert.ok(close, `drawn ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

Deno.test("plotTrainingCurves() draws one mean line per run", () => {
  const figure = plotTrainingCurves(runs);
  assert.equal(figure.querySelectorAll("g[aria-description=mean] path").length, 2);
});

Deno.test("plotTrainingCurves() shades a band only for runs with several histories", () => {
  const figure = plotTrainingCurves(runs);
  assert.equal(figure.querySelectorAll("g[aria-label=area] path").length, 1);
  assert.ok((figure.textContent ?? "").includes("mean over 3 seeds; shaded: min–max"));
});

Deno.test("plotTrainingCurves() keys a banded run with a shaded band, a single run with a line", () => {
  const keys = Array.from(plotTrainingCurves(runs).querySelectorAll("figure > div > span > svg"));
  assert.equal(keys.length, 2);
  const [banded, single] = keys;
  assert.equal(banded.querySelector("rect")?.getAttribute("fill-opacity"), "0.25");
  assert.equal(banded.querySelectorAll("line").length, 1);
  assert.equal(single.querySelector("rect"), null);
  assert.equal(single.querySelector("line")?.getAttribute("stroke-linecap"), "round");
});

Deno.test("plotTrainingCurves() shades ± 1 sd with band: std, and nothing with band: false", () => {
  assert.ok(
    (plotTrainingCurves(runs, { band: "std" }).textContent ?? "").includes("± 1 sd"),
  );
  const plain = plotTrainingCurves(runs, { band: false });
  assert.equal(plain.querySelectorAll("g[aria-label=area] path").length, 0);
});

Deno.test("plotTrainingCurves() labels a per-layer metric by its reduction", async (t) => {
  await t.step("mean over layers by default", () => {
    const text = plotTrainingCurves(runs, { metric: "deadFraction" }).textContent ?? "";
    assert.ok(text.includes("dead fraction (mean over layers)"));
  });
  await t.step("one layer when asked, counted from 1 as in every label", () => {
    const yLabel = (layer: number) =>
      plotTrainingCurves(runs, { metric: "deadFraction", layer })
        .querySelector("g[aria-label='y-axis label'] text")?.textContent;
    assert.equal(yLabel(0), "dead fraction (layer 1)");
    assert.equal(yLabel(1), "dead fraction (layer 2)");
  });
});

Deno.test("plotTrainingCurves() says under a chart of dead fractions what counts as dead, unless given a caption", () => {
  const caption = (options: Parameters<typeof plotTrainingCurves>[1]) =>
    plotTrainingCurves(runs, options).querySelector("figcaption")?.textContent;
  assert.equal(caption({ metric: "deadFraction" }), DEAD_CAPTION);
  assert.equal(caption({ metric: "deadFraction", caption: "Ours." }), "Ours.");
  assert.equal(caption({ metric: "trainLoss" }), undefined);
  const mixed = [runs[0], { ...runs[1], metric: "deadFraction" as const }];
  assert.equal(
    plotTrainingCurves(mixed, { metric: "trainLoss", yLabel: "value" })
      .querySelector("figcaption")?.textContent,
    DEAD_CAPTION,
  );
});

Deno.test("plotTrainingCurves() gives the same markup for the same call", () => {
  assert.equal(toHtmlString(plotTrainingCurves(runs)), toHtmlString(plotTrainingCurves(runs)));
});

Deno.test("plotTrainingCurves() rejects bad input with house-style errors", async (t) => {
  await t.step("no runs", () => {
    assert.throws(() => plotTrainingCurves([]), RangeError);
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
  const edges = drawn(figure, "band edge", [0, 4]);
  assert.equal(edges.length, 2);
  const [lo, hi] = edges.map((line) => line[0]);
  assert.ok(Math.abs(lo - (2 - Math.SQRT2)) < 0.01, `lower edge ${lo}`);
  assert.ok(Math.abs(hi - (2 + Math.SQRT2)) < 0.01, `upper edge ${hi}`);
});

Deno.test("plotTrainingCurves() labels a log axis from every line drawn, a run without a band too", () => {
  // One seed (no band): a loss from 1 down to 5e-5 spans powers of ten below 0.001, so every tick
  // is in exponent form, as with two seeds and their band.
  const loss = [1, 1e-1, 1e-2, 1e-3, 1e-4, 5e-5].map((trainLoss, i) => ({
    epoch: i + 1,
    trainLoss,
  }));
  const labels = (figure: ReturnType<typeof plotTrainingCurves>) =>
    Array.from(figure.querySelectorAll("g[aria-label='y-axis tick label'] text"))
      .map((t) => t.textContent ?? "").filter((label) => label !== ""); // minor ticks: none
  const one = labels(plotTrainingCurves([{ name: "one seed", history: loss }]));
  const two = labels(plotTrainingCurves([{ name: "two seeds", histories: [loss, loss] }]));
  assert.ok(one.length > 2, JSON.stringify(one));
  assert.ok(one.every((label) => /^\d(\.\d+)?e-?\d+$/.test(label)), JSON.stringify(one));
  assert.deepEqual(one, two);
});

Deno.test("plotTrainingCurves() draws each run's own metric: training and test loss of the same runs", () => {
  const histories = [1, 2].map((s) =>
    [1, 2, 3].map((epoch) => ({ epoch, trainLoss: s / (10 * epoch), testLoss: s / epoch }))
  );
  const figure = plotTrainingCurves([
    { name: "training", histories, metric: "trainLoss" },
    { name: "test", histories, metric: "testLoss" },
  ], { band: "std", yLabel: "loss", yDomain: [0, 2], logY: false, height: 400 });
  // The mean of each run's own metric: training 0.15, 0.075, 0.05; test ten times that.
  assertLines(drawn(figure, "mean", [0, 2]), [[0.15, 0.075, 0.05], [1.5, 0.75, 0.5]]);
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
  assert.deepEqual(drawn(figure, "band edge", [1, 3]), [[1, 1], [3, 3]]);
});

Deno.test("plotTrainingCurves() refuses two runs with the same name, naming both positions", () => {
  assert.throws(() => plotTrainingCurves([runs[0], runs[1], { ...runs[1] }]), {
    name: "RangeError",
    message:
      'Cannot plot training curves as runs[2].name must be unique (runs[1].name is the same): runs[2].name="Leaky ReLU (α = 0.01)"',
  });
});

Deno.test("plotTrainingCurves() refuses a metric inherited from Object, not just unknown names", () => {
  for (const metric of ["toString", "constructor"]) {
    assert.throws(() => plotTrainingCurves(runs, { metric: metric as never }), {
      name: "TypeError",
      message:
        `Cannot plot training curves as metric must be one of trainLoss, testLoss, trainAccuracy, testAccuracy, deadFraction, gradNorm, seconds: metric="${metric}"`,
    });
  }
});

Deno.test("plotTrainingCurves() refuses a layer that is not an index of the histories' layers", () => {
  const draw = (layer: number) => plotTrainingCurves(runs, { metric: "deadFraction", layer });
  for (const layer of [-1, 0.5]) {
    assert.throws(() => draw(layer), {
      name: "RangeError",
      message: `Cannot plot training curves as layer must be a finite integer >= 0: layer=${layer}`,
    });
  }
  assert.throws(() => draw(2), {
    name: "RangeError",
    message:
      "Cannot plot training curves as layer must be an integer from 0 to 1 (the histories have 2 layers): layer=2",
  });
  assert.equal(draw(1).querySelectorAll("g[aria-description=mean] path").length, 2);
});

Deno.test("plotTrainingCurves() names the run or record that is not a history", async (t) => {
  await t.step("a run that is null", () => {
    assert.throws(() => plotTrainingCurves([null as never]), {
      name: "TypeError",
      message:
        "Cannot plot training curves as runs[0] must be { name, history } or { name, histories: [...] }: runs[0]=null",
    });
  });
  await t.step("a history that is not an array", () => {
    assert.throws(() => plotTrainingCurves([{ name: "a", history: 5 as never }]), {
      name: "TypeError",
      message:
        "Cannot plot training curves as runs[0].history must be an array of epoch records: runs[0].history=5",
    });
  });
  await t.step("a record that is null", () => {
    assert.throws(() => plotTrainingCurves([{ name: "a", history: [null as never] }]), {
      name: "TypeError",
      message:
        "Cannot plot training curves as runs[0].history[0] must be an epoch record { epoch, trainLoss, ... }: runs[0].history[0]=null",
    });
    assert.throws(
      () => plotTrainingCurves([{ name: "a", histories: [history(1), [null as never]] }]),
      { name: "TypeError", message: /as runs\[0\]\.histories\[1\]\[0\] must be an epoch record/ },
    );
  });
});

Deno.test("plotTrainingCurves() refuses a y domain that is not two finite numbers, min < max", () => {
  assert.throws(() => plotTrainingCurves(runs, { yDomain: [0, Infinity] }), {
    name: "RangeError",
    message:
      "Cannot plot training curves as yDomain[1] must be a finite number: yDomain[1]=Infinity",
  });
  assert.throws(() => plotTrainingCurves(runs, { yDomain: "0,1" as never }), {
    name: "TypeError",
    message:
      'Cannot plot training curves as yDomain must be an array [min, max] of two numbers: yDomain="0,1"',
  });
  assert.throws(() => plotTrainingCurves(runs, { logY: true, yDomain: [0, 1] }), {
    name: "RangeError",
    message:
      "Cannot plot training curves as yDomain must be [min, max] with 0 < min < max on a log scale: yDomain=[0, 1]",
  });
});

Deno.test("plotTrainingCurves() refuses a logY that is not a boolean", () => {
  assert.throws(() => plotTrainingCurves(runs, { logY: "false" as never }), {
    name: "TypeError",
    message: 'Cannot plot training curves as logY must be true or false: logY="false"',
  });
});

/** Three epochs whose per-layer `metric` holds `values` in each. */
const layerRecords = (metric: "deadFraction" | "gradNorm", values: number[]) =>
  [1, 2, 3].map((epoch) => ({ epoch, trainLoss: 1, [metric]: values }));
/** A run of two layers and a run of one, recording `metric`. */
const twoDepths = (metric: "deadFraction" | "gradNorm") => [
  { name: "two layers", history: layerRecords(metric, [0.1, 0.3]) },
  { name: "one layer", history: layerRecords(metric, [0.6]) },
];

Deno.test("plotTrainingCurves() draws a per-layer metric as the mean over layers, or the layer asked", () => {
  const runs = twoDepths("deadFraction");
  const draw = (layer?: number) =>
    drawn(
      plotTrainingCurves(runs, {
        metric: "deadFraction",
        layer,
        logY: false,
        yDomain: [0, 1],
        height: 400,
      }),
      "mean",
    );
  assertLines(draw(), [[0.2, 0.2, 0.2], [0.6, 0.6, 0.6]]);
  assertLines(draw(0), [[0.1, 0.1, 0.1], [0.6, 0.6, 0.6]]);
});

Deno.test("plotTrainingCurves() refuses a layer that a shallower run lacks, rather than drop the run", () => {
  const layers = (values: number[]) => layerRecords("gradNorm", values);
  const runs = twoDepths("gradNorm");
  // Layer 1 of the first run alone would leave "one layer" in the legend with no line.
  assert.throws(() => plotTrainingCurves(runs, { metric: "gradNorm", layer: 1 }), {
    name: "RangeError",
    message:
      'Cannot plot training curves as layer must be an integer from 0 to 0, a layer of every run drawn (runs[1], "one layer", has 1 layer): layer=1',
  });
  // Beyond the deepest run's layers too, the range given is the shallowest run's.
  const deep = [{ name: "three layers", history: layers([0.1, 0.2, 0.3]) }, runs[1]];
  assert.throws(() => plotTrainingCurves(deep, { metric: "gradNorm", layer: 3 }), {
    name: "RangeError",
    message:
      'Cannot plot training curves as layer must be an integer from 0 to 0, a layer of every run drawn (runs[1], "one layer", has 1 layer): layer=3',
  });
  // A run whose records have no layer at all, beside one that has some.
  const none = [runs[0], { name: "none", history: layers([]) }];
  assert.throws(() => plotTrainingCurves(none, { metric: "gradNorm", layer: 0 }), {
    name: "RangeError",
    message:
      'Cannot plot training curves as layer must be left out, as not every run drawn has layers (runs[1], "none", has an empty gradNorm array): layer=0',
  });
  // A run drawing a metric without layers needs none.
  const mixed = plotTrainingCurves(
    [runs[0], { name: "loss", history: layers([]), metric: "trainLoss" }],
    { metric: "gradNorm", layer: 1, yLabel: "value" },
  );
  assert.equal(mixed.querySelectorAll("g[aria-description=mean] path").length, 2);
});

Deno.test("plotTrainingCurves() names the reduction over layers only for a per-layer metric", () => {
  const yLabel = (metric: "trainLoss" | "gradNorm") => {
    const history = [1, 2].map((epoch) => ({ epoch, trainLoss: 1 / epoch, gradNorm: [epoch] }));
    return plotTrainingCurves([{ name: "a", history }], { metric })
      .querySelector("g[aria-label='y-axis label'] text")?.textContent;
  };
  assert.equal(yLabel("trainLoss"), "training loss");
  assert.equal(yLabel("gradNorm"), "gradient norm (mean over layers)");
});

/** Whether the y ticks are evenly spaced in the logarithm of their values rather than in the values. */
function isLogScale(figure: ReturnType<typeof plotTrainingCurves>): boolean {
  const ticks = Array.from(figure.querySelectorAll("g[aria-label='y-axis tick label'] text"))
    .map((t) => ({
      value: Number((t.textContent ?? "").replace("−", "-")),
      at: Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute("transform") ?? "")![1]),
    }))
    .filter((t) => t.value > 0);
  const [a, b, c] = [ticks[0], ticks[1], ticks[ticks.length - 1]];
  const slope = (f: (v: number) => number, p: typeof a, q: typeof a) =>
    (q.at - p.at) / (f(q.value) - f(p.value));
  const even = (f: (v: number) => number) => Math.abs(slope(f, a, b) / slope(f, a, c) - 1) < 1e-6;
  assert.ok(even(Math.log) !== even((v) => v), "ticks evenly spaced in both or neither");
  return even(Math.log);
}

Deno.test("plotTrainingCurves() puts losses and gradient norms spanning a decade on a log scale, nothing else", () => {
  const run = (metric: "trainLoss" | "testLoss" | "gradNorm" | "trainAccuracy", low: number) => ({
    name: metric,
    metric,
    history: [1, 2, 3].map((epoch) => {
      const value = epoch === 3 ? low : 0.9 / epoch;
      const record: EpochMetrics = { epoch, trainLoss: 1 };
      return { ...record, [metric]: metric === "gradNorm" ? [value] : value };
    }),
  });
  const scale = (...runs: ReturnType<typeof run>[]) =>
    isLogScale(plotTrainingCurves(runs, { yLabel: "value" }));
  assert.equal(scale(run("trainLoss", 0.05)), true);
  assert.equal(scale(run("testLoss", 0.05)), true);
  assert.equal(scale(run("gradNorm", 0.05)), true);
  assert.equal(scale(run("trainLoss", 0.2)), false, "within a decade");
  assert.equal(scale(run("trainAccuracy", 0.05)), false);
  assert.equal(scale(run("trainLoss", 0.05), run("trainAccuracy", 0.05)), false);
});

Deno.test("plotTrainingCurves() decides the default log scale from the values drawn, not from layers left out", () => {
  // Layer 0 stays within a decade (1 to 2); layer 1 spans four (0.01 to 100).
  const history = [1, 2, 3].map((epoch) => ({
    epoch,
    trainLoss: 1,
    gradNorm: [epoch === 3 ? 2 : 1, 10 ** (2 * epoch - 4)],
  }));
  const scale = (layer?: number) =>
    isLogScale(plotTrainingCurves([{ name: "a", history }], { metric: "gradNorm", layer }));
  assert.equal(scale(0), false, "layer 0 alone is drawn");
  assert.equal(scale(1), true);
  // The mean over layers is what is drawn without a layer: 0.505, 1.5 and 51, a decade and more.
  assert.equal(scale(), true);
  const even = history.map((r) => ({ ...r, gradNorm: [1, 100].map((v) => v * r.epoch) }));
  // The means 50.5, 101 and 151.5 stay within a decade, though the layers span 1 to 300.
  assert.equal(
    isLogScale(plotTrainingCurves([{ name: "a", history: even }], { metric: "gradNorm" })),
    false,
  );
});

Deno.test("plotTrainingCurves() breaks a line where a log scale cannot place it, and says so", () => {
  const history = [1, 0.1, 0, 0.01].map((trainLoss, i) => ({ epoch: i + 1, trainLoss }));
  const figure = (logY: boolean) => plotTrainingCurves([{ name: "a", history }], { logY });
  const pieces = (logY: boolean) =>
    figure(logY).querySelector("g[aria-description=mean] path")?.getAttribute("d")?.split("M")
      .slice(1).map((piece) => piece.split("L").length);
  assert.deepEqual(pieces(true), [2, 1], "epochs 1–2, then epoch 4 alone");
  assert.deepEqual(pieces(false), [4]);
  assert.equal(legendNote(figure(true)), "not drawn: 1 point with y ≤ 0 (a), off the log scale");
  assert.ok(!(figure(false).textContent ?? "").includes("not drawn"));
});

Deno.test("plotTrainingCurves() takes a mean over every seed on a log scale too, 0 included", () => {
  // Epoch 2: one seed's gradient norm is exactly 0, the other's 0.5: the mean is 0.25, drawn.
  const histories = [[1, 0], [2, 0.5]].map((norms) =>
    norms.map((norm, i) => ({ epoch: i + 1, trainLoss: 1, gradNorm: [norm] }))
  );
  const figure = plotTrainingCurves([{ name: "a", histories }], {
    metric: "gradNorm",
    band: "range",
    logY: true,
    yDomain: [0.1, 10],
    height: 400,
  });
  assertLines(drawn(figure, "mean", [0.1, 10], true), [[1.5, 0.25]]);
  // The band's low edge, 0 at epoch 2, goes down to the foot of the axis, and the note says so.
  assertLines(drawn(figure, "band edge", [0.1, 10], true), [[1, 0.1], [2, 0.5]]);
  assert.equal(
    legendNote(figure),
    "line: mean over 2 seeds; shaded: min–max, down to the axis's foot where it reaches 0 or below",
  );
  // Without a domain, the foot is the smallest value drawn (0.25, the mean at epoch 2), where
  // Plot's axis starts: the edge ends on the bottom of the plot (y = 360 for height 400).
  const free = plotTrainingCurves([{ name: "a", histories }], {
    metric: "gradNorm",
    logY: true,
    height: 400,
  });
  const low = free.querySelectorAll("g[aria-description='band edge'] path")[0]?.getAttribute("d");
  assert.match(low ?? "", /L[\d.]+,360$/);
});

Deno.test("plotTrainingCurves() refuses a band it cannot draw, and a layer for a metric without layers", () => {
  assert.throws(() => plotTrainingCurves(runs, { band: "wide" as "std" }), {
    name: "TypeError",
    message:
      'Cannot plot training curves as band must be true, false, "range" or "std": band="wide"',
  });
  assert.throws(() => plotTrainingCurves(runs, { metric: "trainLoss", layer: 0 }), {
    name: "RangeError",
    message:
      "Cannot plot training curves as layer must be left out, as only the per-layer metrics deadFraction and gradNorm have layers (the runs draw trainLoss): layer=0",
  });
  const oneLayer = [{ name: "a", history: [{ epoch: 1, trainLoss: 1, deadFraction: [0.5] }] }];
  assert.throws(() => plotTrainingCurves(oneLayer, { metric: "deadFraction", layer: 1 }), {
    name: "RangeError",
    message:
      "Cannot plot training curves as layer must be an integer from 0 to 0 (the histories have 1 layer): layer=1",
  });
  // No layer at all: the records' arrays are empty (or absent), so layer 0 is not there either.
  const noLayer = [{ name: "a", history: [{ epoch: 1, trainLoss: 1, deadFraction: [] }] }];
  assert.throws(() => plotTrainingCurves(noLayer, { metric: "deadFraction", layer: 0 }), {
    name: "RangeError",
    message:
      "Cannot plot training curves as layer must be left out, as no record has a layer to pick (every deadFraction array is empty or missing): layer=0",
  });
});

Deno.test("plotTrainingCurves() gathers each epoch across histories and draws the epochs in order", () => {
  const histories = [
    [{ epoch: 2, trainLoss: 0.5 }, { epoch: 3, trainLoss: 0.25 }],
    [{ epoch: 1, trainLoss: 1 }, { epoch: 2, trainLoss: 0.5 }],
  ];
  const figure = plotTrainingCurves([{ name: "a", histories }], {
    band: false,
    logY: false,
    yDomain: [0, 1],
    height: 400,
  });
  assertLines(drawn(figure, "mean"), [[1, 0.5, 0.25]]);
});

Deno.test("plotTrainingCurves()'s std band is mean ± sd, a point where one history has a value", () => {
  const histories = [
    [{ epoch: 1, trainLoss: 0.2 }, { epoch: 2, trainLoss: 0.4 }],
    [{ epoch: 1, trainLoss: 0.6 }],
  ];
  const figure = plotTrainingCurves([{ name: "a", histories }], {
    band: "std",
    logY: false,
    yDomain: [0, 1],
    height: 400,
  });
  const sd = Math.sqrt(0.2 ** 2 + 0.2 ** 2); // the sample sd of 0.2 and 0.6
  assertLines(drawn(figure, "band edge"), [[0.4 - sd, 0.4], [0.4 + sd, 0.4]]);
});

Deno.test("plotTrainingCurves() takes a std band reaching below 0 down to a log axis's foot", () => {
  // Epoch 1: 0.1, 1 and 10, mean 3.7, sd 5.47 (below 0 on the low side); epoch 2: 0.5 and 1.5.
  const histories = [[0.1, 0.5], [1, 1.5], [10]].map((losses) =>
    losses.map((trainLoss, i) => ({ epoch: i + 1, trainLoss }))
  );
  const sd1 = Math.sqrt((3.6 ** 2 + 2.7 ** 2 + 6.3 ** 2) / 2), sd2 = Math.sqrt(0.5);
  const edges = (logY: boolean, domain: [number, number]) =>
    drawn(
      plotTrainingCurves([{ name: "a", histories }], {
        band: "std",
        logY,
        yDomain: domain,
        height: 400,
      }),
      "band edge",
      domain,
      logY,
    );
  assertLines(edges(true, [0.01, 100]), [[0.01, 1 - sd2], [3.7 + sd1, 1 + sd2]]);
  assertLines(edges(false, [-5, 15]), [[3.7 - sd1, 1 - sd2], [3.7 + sd1, 1 + sd2]]);
});

Deno.test("plotTrainingCurves() judges the decade on positive losses only, below 1 too", () => {
  const log = (losses: number[]) =>
    isLogScale(plotTrainingCurves([{
      name: "a",
      history: losses.map((trainLoss, i) => ({ epoch: i + 1, trainLoss })),
    }]));
  assert.equal(log([1, 0.5, 0.1]), true, "exactly a factor of 10");
  assert.equal(log([0.1, 0.05, 0.02]), false, "a factor of 5 below 1");
  assert.equal(log([0.9, 0.5, 0]), false, "a zero among them");
});

/** The text of the legend's note (the last span of the legend row). */
const legendNote = (figure: ReturnType<typeof plotTrainingCurves>) =>
  Array.from(figure.querySelectorAll("figure > div > span")).at(-1)?.textContent ?? "";

/** A history with the given losses, from epoch 1. */
const lossHistory = (losses: number[]): EpochMetrics[] =>
  losses.map((trainLoss, i) => ({ epoch: i + 1, trainLoss }));

Deno.test("plotTrainingCurves() cuts the mean line at a given y domain, as its band", () => {
  // Loss 10/epoch with yDomain [0, 3]: the line ran to y = -680, over the title and legend.
  const history = lossHistory([10, 5, 10 / 3, 2.5, 2]);
  const figure = plotTrainingCurves([{ name: "a", history }], {
    logY: false,
    yDomain: [0, 3],
    height: 400,
  });
  const [line] = drawn(figure, "mean", [0, 3]);
  assert.ok(line.every((v) => v >= -1e-9 && v <= 3 + 1e-9), JSON.stringify(line));
  // Cut at the edge, not dropped: it enters at y = 3 between epochs 3 and 4.
  assertLines([line], [[3, 2.5, 2]]);
  const svg = toSvgString(figure);
  assert.equal(
    svg,
    toSvgString(plotTrainingCurves([{ name: "a", history }], {
      logY: false,
      yDomain: [0, 3],
      height: 400,
    })),
  );
  assert.doesNotMatch(svg, /clip/);
});

Deno.test("plotTrainingCurves() labels the y axis by the metric the runs draw, not the chart's", () => {
  const history = [1, 2].map((epoch) => ({
    epoch,
    trainLoss: 1 / epoch,
    testLoss: 2 / epoch,
    trainAccuracy: 0.5,
    deadFraction: [0.1, 0.3],
  }));
  const label = (metrics: ("trainLoss" | "testLoss" | "deadFraction")[]) =>
    plotTrainingCurves(metrics.map((metric, i) => ({ name: `run ${i}`, history, metric })))
      .querySelector("g[aria-label='y-axis label'] text")?.textContent;
  // It read "training loss", the chart's default metric, which no run drew.
  assert.equal(label(["testLoss", "testLoss"]), "test loss");
  assert.equal(label(["deadFraction"]), "dead fraction (mean over layers)");
  assert.equal(label(["trainLoss", "testLoss"]), "loss");
  // A loss beside a dead fraction: no one label fits the axis.
  assert.throws(() => label(["trainLoss", "deadFraction"]), {
    name: "RangeError",
    message:
      "Cannot plot training curves as yLabel must be given when the runs draw metrics of different kinds on one axis (trainLoss, deadFraction): yLabel=undefined",
  });
});

Deno.test("plotTrainingCurves() says over how many seeds each run's line is a mean when they differ", () => {
  const seeds = (n: number) => Array.from({ length: n }, (_, s) => lossHistory([1 + s, 0.5]));
  const note = legendNote(plotTrainingCurves([
    { name: "a", histories: seeds(2) },
    { name: "b", histories: seeds(5) },
  ]));
  // It said "mean over 5 seeds" for both.
  assert.equal(note, "line: mean over 2 seeds (a) and 5 seeds (b); shaded: min–max");
});

Deno.test("plotTrainingCurves() counts a diverged seed, and says the mean goes on over the others", () => {
  const diverged = lossHistory([1, NaN, NaN, NaN]);
  const figure = plotTrainingCurves([
    { name: "a", histories: [lossHistory([2, 1, 0.5, 0.25]), diverged] },
  ], { logY: false, yDomain: [0, 2], height: 400 });
  assert.equal(
    legendNote(figure),
    "line: mean over 2 seeds, 1 from epoch 2 (a); shaded: min–max; a: 1 of 2 seeds diverged from epoch 2",
  );
  assertLines(drawn(figure, "mean", [0, 2]), [[1.5, 1, 0.5, 0.25]]);
});

Deno.test("plotTrainingCurves() breaks the line at a non-finite value, as plotLines does", () => {
  const figure = plotTrainingCurves([{ name: "a", history: lossHistory([1, NaN, 1]) }]);
  const d = figure.querySelector("g[aria-description=mean] path")?.getAttribute("d") ?? "";
  // It drew one line from epoch 1 straight to epoch 3.
  assert.equal(d.split("M").length - 1, 2, d);
  assert.equal(legendNote(figure), "a: diverged at epoch 2");
});

Deno.test("plotTrainingCurves() reads a NaN accuracy as none (a regression run), not as diverged", () => {
  const history = [1, 2].map((epoch) => ({ epoch, trainLoss: 1, trainAccuracy: NaN }));
  const figure = plotTrainingCurves([
    {
      name: "classifier",
      history: [1, 2].map((epoch) => ({ epoch, trainLoss: 1, trainAccuracy: 0.5 })),
    },
    { name: "regression", history },
  ], { metric: "trainAccuracy" });
  assert.equal(legendNote(figure), "regression");
});

Deno.test("plotTrainingCurves() refuses an empty history, and a name missing or not a string", () => {
  const history = lossHistory([1, 0.5]);
  // The empty run stood in the legend with no line; the nameless one as "undefined".
  assert.throws(
    () => plotTrainingCurves([{ name: "empty", history: [] }, { name: "b", history }]),
    {
      name: "RangeError",
      message:
        "Cannot plot training curves as runs[0].history must be a non-empty array of epoch records: runs[0].history=[]",
    },
  );
  assert.throws(() => plotTrainingCurves([{ name: "a", histories: [history, []] }]), {
    name: "RangeError",
    message: /as runs\[0\]\.histories\[1\] must be a non-empty array of epoch records/,
  });
  assert.throws(() => plotTrainingCurves([{ history } as never]), {
    name: "TypeError",
    message: "Cannot plot training curves as runs[0].name must be a string: runs[0].name=undefined",
  });
  assert.throws(() => plotTrainingCurves([{ name: "a", history }, { name: 2 as never, history }]), {
    name: "TypeError",
    message: "Cannot plot training curves as runs[1].name must be a string: runs[1].name=2",
  });
});

Deno.test("plotTrainingCurves() refuses a loss that is not a number, and draws NaN from a diverged run", () => {
  const histories = [[{ epoch: 1, trainLoss: 0.5 }, {
    epoch: 2,
    trainLoss: 0.4,
    testLoss: "0.4" as never,
  }]];
  assert.throws(() => plotTrainingCurves([{ name: "a", histories }]), {
    name: "TypeError",
    message:
      'Cannot plot training curves as runs[0].histories[0][1].testLoss must be a number: runs[0].histories[0][1].testLoss="0.4"',
  });
  const diverged = [[{ epoch: 1, trainLoss: 0.5 }, { epoch: 2, trainLoss: NaN }]];
  assert.ok(plotTrainingCurves([{ name: "a", histories: diverged }]).textContent);
});

Deno.test("plotTrainingCurves() refuses a history whose epochs repeat or go back, as records of several seeds", () => {
  // Two records of epoch 1 were averaged into one point, with no band and no note.
  const repeated = [{ epoch: 1, trainLoss: 1 }, { epoch: 1, trainLoss: 3 }, {
    epoch: 2,
    trainLoss: 2,
  }];
  assert.throws(() => plotTrainingCurves([{ name: "a", history: repeated }]), {
    name: "RangeError",
    message:
      "Cannot plot training curves as runs[0].history[1].epoch must be greater than the epoch before it (1): one history is one run, its epochs increasing; several seeds go in histories: [...]: runs[0].history[1].epoch=1",
  });
  const back = [lossHistory([1, 0.5]), [{ epoch: 2, trainLoss: 1 }, { epoch: 1, trainLoss: 2 }]];
  assert.throws(() => plotTrainingCurves([{ name: "a", histories: back }]), {
    name: "RangeError",
    message:
      /as runs\[0\]\.histories\[1\]\[1\]\.epoch must be greater than the epoch before it \(2\).*: runs\[0\]\.histories\[1\]\[1\]\.epoch=1$/,
  });
});

Deno.test("plotTrainingCurves() refuses a gradient norm that is not an array of norms, and seconds below 0", () => {
  const draw = (first: Record<string, unknown>, metric: "gradNorm" | "seconds") =>
    plotTrainingCurves([{
      name: "a",
      history: [
        { epoch: 1, trainLoss: 1, ...first } as EpochMetrics,
        { epoch: 2, trainLoss: 1, gradNorm: [1, 2], seconds: 3 },
      ],
    }], { metric });
  // Strings were counted as a divergence; -1 and 5 were drawn.
  assert.throws(() => draw({ gradNorm: ["a", "b"] }, "gradNorm"), {
    name: "TypeError",
    message:
      'Cannot plot training curves as runs[0].history[0].gradNorm[0] must be a number: runs[0].history[0].gradNorm[0]="a"',
  });
  assert.throws(() => draw({ gradNorm: [-1, -2] }, "gradNorm"), {
    name: "RangeError",
    message:
      "Cannot plot training curves as runs[0].history[0].gradNorm[0] must be a norm >= 0 (NaN or infinite where the run diverged): runs[0].history[0].gradNorm[0]=-1",
  });
  assert.throws(() => draw({ gradNorm: 5 }, "gradNorm"), {
    name: "TypeError",
    message:
      "Cannot plot training curves as runs[0].history[0].gradNorm must be an array of numbers, one per layer: runs[0].history[0].gradNorm=5",
  });
  // The string was left out of the line without a word.
  assert.throws(() => draw({ seconds: "5" }, "seconds"), {
    name: "TypeError",
    message:
      'Cannot plot training curves as runs[0].history[0].seconds must be a finite number >= 0: runs[0].history[0].seconds="5"',
  });
  assert.throws(() => draw({ seconds: -5 }, "seconds"), {
    name: "RangeError",
    message:
      "Cannot plot training curves as runs[0].history[0].seconds must be a finite number >= 0: runs[0].history[0].seconds=-5",
  });
  // A diverged run's norms are NaN or infinite: drawn as a divergence, as before.
  assert.equal(
    legendNote(draw({ gradNorm: [Infinity, NaN] }, "gradNorm")),
    "a: diverged at epoch 1",
  );
});

Deno.test("plotTrainingCurves() refuses a key a run does not have, and history beside histories", () => {
  const history = lossHistory([1, 0.5]);
  assert.throws(() => plotTrainingCurves([{ name: "a", history, colour: "red" } as never]), {
    name: "TypeError",
    message:
      'Cannot plot training curves as runs[0] must have only the keys name, history, histories, metric: unknown key "colour"',
  });
  // The history was ignored without a word.
  assert.throws(
    () => plotTrainingCurves([{ name: "a", history, histories: [lossHistory([9])] }]),
    {
      name: "TypeError",
      message:
        /^Cannot plot training curves as runs\[0\] must be \{ name, history \} or \{ name, histories: \[\.\.\.\] \}, not both history and histories: runs\[0\]=\{ name: "a", history: /,
    },
  );
});

Deno.test("plotTrainingCurves() refuses a record without the metric its run draws, but not an accuracy a regression run lacks", () => {
  // A typo left epoch 1 out of the line without a word.
  const typo = [{ epoch: 1, trainloss: 1 }, { epoch: 2, trainLoss: 2 }] as never;
  assert.throws(() => plotTrainingCurves([{ name: "a", history: typo }]), {
    name: "TypeError",
    message:
      "Cannot plot training curves as runs[0].history[0].trainLoss must be given in every record of a run drawing trainLoss (the record has epoch, trainloss): runs[0].history[0].trainLoss=undefined",
  });
  // A run with no test set beside one with: it stood in the legend with no line.
  const tested = [1, 2].map((epoch) => ({ epoch, trainLoss: 1, testLoss: 1 }));
  assert.throws(
    () =>
      plotTrainingCurves([
        { name: "tested", history: tested },
        { name: "untested", history: lossHistory([1, 1]) },
      ], { metric: "testLoss" }),
    { name: "TypeError", message: /as runs\[1\]\.history\[0\]\.testLoss must be given in every/ },
  );
  const gradients = [{ epoch: 1, trainLoss: 1, gradNorm: [1] }, { epoch: 2, trainLoss: 1 }];
  assert.throws(
    () => plotTrainingCurves([{ name: "a", history: gradients }], { metric: "gradNorm" }),
    {
      name: "TypeError",
      message: /as runs\[0\]\.history\[1\]\.gradNorm must be given in every record/,
    },
  );
  // A regression run has no accuracy: it is named in the legend, as with NaN.
  const classifier = [1, 2].map((epoch) => ({ epoch, trainLoss: 1, trainAccuracy: 0.5 }));
  const figure = plotTrainingCurves([
    { name: "classifier", history: classifier },
    { name: "regression", history: lossHistory([1, 1]) },
  ], { metric: "trainAccuracy" });
  assert.equal(legendNote(figure), "regression");
});

Deno.test("plotTrainingCurves() refuses a third argument, which would go unused", () => {
  assert.throws(
    () => loose(lib.plotTrainingCurves)([{ name: "a", history: [] }], {}, { metric: "trainLoss" }),
    {
      name: "TypeError",
      message:
        'Cannot plot training curves as plotTrainingCurves takes runs and options, no third argument: third={ metric: "trainLoss" }',
    },
  );
});
