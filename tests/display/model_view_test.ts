import assert from "node:assert/strict";
import { jupyterDisplay, modelView, show } from "../../src/display/mod.ts";
import { mlp } from "../../src/nn/mod.ts";
import { readTables } from "./_tables.ts";

const model = mlp([2, 8, 3], { activation: "leakyRelu", seed: 1 });

Deno.test("modelView() shows one table row per layer with its parameter count", () => {
  const html = modelView(model)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<tr>/g)?.length, model.layers.length + 1); // plus the header
  assert.ok(html.includes(`${model.parameterCount.toLocaleString("en-US")} parameters`));
  assert.ok(html.includes("Dense(2 → 8)"));
});

Deno.test("modelView()'s table holds its header and one row per layer, cell by cell and nothing else", () => {
  const html = modelView(model)[jupyterDisplay]()["text/html"] ?? "";
  const { text, tables: [{ cells, styles, rowTexts }] } = readTables(html);
  assert.deepEqual(cells, [
    ["#", "layer", "output", "parameters"],
    ["0", "Dense(2 → 8)", "N × 8", "24"],
    ["1", "Activation(Leaky ReLU (α = 0.01), 8)", "N × 8", "0"],
    ["2", "Dense(8 → 3)", "N × 3", "27"],
  ]);
  // No text between the cells: each row reads as its cells put together, the view as its
  // heading and its rows.
  rowTexts.forEach((row, r) => assert.equal(row, cells[r].join("")));
  const heading = `Sequential(2 → 3), ${model.parameterCount} parameters`;
  assert.equal(text, heading + cells.flat().join(""));
  // Numbers right-aligned, the layer in a monospace font.
  const [number, layer, output, count] = styles[1];
  assert.match(number, /text-align: right; font-variant-numeric/);
  assert.match(layer, /text-align: left; font-family: ui-monospace/);
  assert.doesNotMatch(output, /monospace|right/);
  assert.match(count, /text-align: right/);
});

Deno.test("modelView() prints the model's summary as plain text", () => {
  assert.equal(modelView(model)[jupyterDisplay]()["text/plain"], model.summary());
});

Deno.test("a Sequential model displays itself once display is imported", () => {
  assert.equal(typeof Reflect.get(model, jupyterDisplay), "function");
  assert.deepEqual(show(model).bundle, modelView(model).bundle);
});

Deno.test("modelView() rejects a value that is not a Sequential model", () => {
  assert.throws(() => modelView({ layers: [] } as never), TypeError);
});
