import assert from "node:assert/strict";
import { dataset, fromRows } from "../../src/core/mod.ts";
import { diagnose } from "../../src/diagnostics/mod.ts";
import { jupyterDisplay, reportView, show } from "../../src/display/mod.ts";
import { mlp } from "../../src/nn/mod.ts";
import { captionsOf, DEAD_CAPTION } from "./_captions.ts";
import { readTables } from "./_tables.ts";
import { hardTanh } from "../diagnostics/_hard_tanh.ts";

const data = dataset(fromRows([[1, 0], [0, 1], [1, 1], [0, 0]]), new Int32Array([0, 1, 1, 0]));

Deno.test("reportView() shows the activation layers and the layers with weights as two tables", () => {
  const report = diagnose(mlp([2, 8, 8, 2], { seed: 1 }), data);
  const html = reportView(report)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<table/g)?.length, 2);
  assert.ok(html.includes("activation layer") && html.includes("layer with weights"));
  assert.ok(html.includes(`loss ${report.loss.toPrecision(4)}`));
});

Deno.test("reportView() draws dead fraction and gradient norm bars per layer", () => {
  const report = diagnose(mlp([2, 8, 8, 2], { seed: 1 }), data);
  const html = reportView(report)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<svg[^>]*class="plot-/g)?.length, 2);
  assert.ok(html.includes("Dead neurons per layer") && html.includes("Gradient norm per layer"));
});

Deno.test("reportView() says under the dead bars what dead means, and which neurons so counted can recover", () => {
  const model = mlp([2, 8, 2], { seed: 1, activation: "leakyRelu", biasInit: -100 });
  const html = reportView(diagnose(model, data))[jupyterDisplay]()["text/html"] ?? "";
  assert.deepEqual(captionsOf(html), [DEAD_CAPTION]);
});

Deno.test('reportView() says under the dead bars what a "?" under "can recover" means, when it shows one', () => {
  const model = mlp([2, 8, 2], { seed: 1, activation: hardTanh });
  const html = reportView(diagnose(model, data))[jupyterDisplay]()["text/html"] ?? "";
  assert.deepEqual(readTables(html).tables[0].cells.slice(1).map((row) => row[3]), ["?"]);
  assert.deepEqual(captionsOf(html), [
    DEAD_CAPTION + ' A "?" under "can recover": the diagnostics cannot tell, for a layer of a ' +
    "kind they do not know or an activation whose slope is 0 on part of z < 0 only.",
  ]);
});

Deno.test("reportView() counts every neuron of a dead layer", () => {
  const report = diagnose(mlp([2, 8, 2], { biasInit: -100, seed: 1 }), data);
  assert.ok((reportView(report)[jupyterDisplay]()["text/html"] ?? "").includes("8/8"));
});

Deno.test("a DiagnosticsReport displays itself once display is imported", () => {
  const report = diagnose(mlp([2, 4, 2], { seed: 2 }), data);
  assert.equal(typeof Reflect.get(report, jupyterDisplay), "function");
  assert.deepEqual(show(report).bundle, reportView(report).bundle);
  assert.equal(show(report).bundle["text/plain"], String(report));
});

Deno.test("reportView() rejects a value that is not a report", () => {
  assert.throws(() => reportView({ loss: 1 } as never), TypeError);
});

Deno.test("reportView() sizes its bar panels as asked", () => {
  const report = diagnose(mlp([2, 8, 8, 2], { seed: 1 }), data);
  const sizes = (html: string) =>
    [...html.matchAll(/<svg[^>]*class="plot-[^>]*>/g)].map(([tag]) =>
      [/ width="(\d+)"/.exec(tag)?.[1], / height="(\d+)"/.exec(tag)?.[1]].map(Number)
    );
  const asked = reportView(report, { panelWidth: 260, panelHeight: 180 });
  assert.deepEqual(sizes(asked[jupyterDisplay]()["text/html"] ?? ""), [[260, 180], [260, 180]]);
  assert.deepEqual(sizes(reportView(report)[jupyterDisplay]()["text/html"] ?? ""), [
    [300, 220],
    [300, 220],
  ]);
});

Deno.test("reportView() refuses a report, panel size or document it cannot use, in its own words", () => {
  const report = diagnose(mlp([2, 4, 2], { seed: 2 }), data);
  assert.throws(() => reportView({ loss: 1 } as never), {
    name: "TypeError",
    message:
      "Cannot display a diagnostics report as it must be a DiagnosticsReport: report={ loss: 1 }",
  });
  assert.throws(() => reportView(report, { panelWidth: 0 }), {
    name: "RangeError",
    message:
      "Cannot display a diagnostics report as panelWidth must be a finite number >= 1: panelWidth=0",
  });
  assert.throws(() => reportView(report, { panelHeight: Infinity }), {
    name: "RangeError",
    message:
      "Cannot display a diagnostics report as panelHeight must be a finite number >= 1: panelHeight=Infinity",
  });
  assert.throws(() => reportView(report, { document: null as never }), {
    name: "TypeError",
    message: /^Cannot display a diagnostics report as document must be a value or left out/,
  });
});

Deno.test("reportView()'s tables give each layer's figures as the report holds them", () => {
  const report = diagnose(mlp([2, 8, 8, 2], { seed: 1 }), data);
  const { tables } = readTables(reportView(report)[jupyterDisplay]()["text/html"] ?? "");
  const cells = tables.map((table) => table.cells);
  const styles = tables.map((table) => table.styles);
  assert.deepEqual(cells, [
    [
      ["#", "activation layer", "dead", "can recover", "sparsity", "mean", "std"],
      ...report.activations.map((a, i) => [
        String(a.layerIndex),
        a.layer,
        `${report.dead[i].dead.length}/${a.size}`,
        "no", // ReLU
        `${(100 * a.sparsity).toFixed(1)}%`,
        a.mean.toPrecision(3),
        a.std.toPrecision(3),
      ]),
    ],
    [
      ["#", "layer with weights", "‖∇W‖", "‖∇b‖"],
      ...report.gradients.map((g) => [
        String(g.layerIndex),
        g.layer,
        g.weights.toExponential(2),
        g.biases.toExponential(2),
      ]),
    ],
  ]);
  // Numbers right-aligned; layer names in a monospace font; "can recover" as words, left.
  styles.forEach((table, t) => {
    for (const row of table) {
      row.forEach((style, c) => {
        if (c === 1) assert.match(style, /text-align: left; font-family: ui-monospace/);
        else if (t === 0 && c === 3) {
          assert.match(style, /text-align: left;(?!.*(monospace|tabular))/);
        } else assert.match(style, /text-align: right; font-variant-numeric: tabular-nums/);
      });
    }
  });
});

Deno.test("reportView() says which layers' dead neurons can recover", () => {
  const recovery = (activation: string, alpha?: number) => {
    const model = mlp([2, 4, 4, 2], { activation, alpha, seed: 1 });
    const html = reportView(diagnose(model, data))[jupyterDisplay]()["text/html"] ?? "";
    return readTables(html).tables[0].cells.slice(1).map((row) => row[3]);
  };
  assert.deepEqual(recovery("relu"), ["no", "no"]);
  assert.deepEqual(recovery("leakyRelu", 0.01), ["yes", "yes"]);
  assert.deepEqual(recovery("leakyRelu", 0), ["no", "no"]);
  assert.deepEqual(recovery("prelu"), ["yes", "yes"]);
});

Deno.test("reportView() draws a chart only for what the report measured", () => {
  const charts = (html: string) => html.match(/<svg[^>]*class="plot-/g)?.length ?? 0;
  // No hidden layer: no activation to count as dead, only the gradient bars.
  const linear = reportView(diagnose(mlp([2, 2], { seed: 1 }), data))[jupyterDisplay]();
  assert.equal(charts(linear["text/html"] ?? ""), 1);
  assert.ok(!(linear["text/html"] ?? "").includes("Dead neurons per layer"));
  // One hidden layer: one bar of each.
  const one = reportView(diagnose(mlp([2, 3, 2], { seed: 1 }), data))[jupyterDisplay]();
  assert.equal(charts(one["text/html"] ?? ""), 2);
});

Deno.test("reportView() keeps a layer whose gradient vanished on the gradient bars, marked at the foot", () => {
  // Every hidden neuron dead: no gradient reaches the first layer, the output's biases get one.
  const model = mlp([2, 4, 2], { seed: 1 });
  const [weights, biases] = model.layers[0].params();
  weights.value.fill(0);
  biases.value.fill(-1);
  const oneClass = dataset(fromRows([[1, 0], [0, 1]]), new Int32Array([0, 0]), { classes: 2 });
  const report = diagnose(model, oneClass);
  assert.deepEqual(report.gradients.map((g) => g.total > 0), [false, true]);
  const html = reportView(report)[jupyterDisplay]()["text/html"] ?? "";
  const gradientChart = html.slice(html.indexOf("Gradient norm per layer"));
  const ticks = Array.from(gradientChart.matchAll(/>(#\d+)<\/text>/g), (m) => m[1]);
  assert.deepEqual([...new Set(ticks)], ["#0", "#2"]);
});
