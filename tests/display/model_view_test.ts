import assert from "node:assert/strict";
import { jupyterDisplay, modelView, show } from "../../src/display/mod.ts";
import { mlp } from "../../src/nn/mod.ts";

const model = mlp([2, 8, 3], { activation: "leakyRelu", seed: 1 });

Deno.test("modelView() shows one table row per layer with its parameter count", () => {
  const html = modelView(model)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<tr>/g)?.length, model.layers.length + 1); // plus the header
  assert.ok(html.includes(`${model.parameterCount.toLocaleString("en-US")} parameters`));
  assert.ok(html.includes("Dense(2 → 8)"));
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
