/**
 * Displaying a model in the Jupyter kernel: its summary as a table.
 *
 * Importing this module (as importing relu-lab does) gives every {@linkcode Sequential} model a
 * `[Symbol.for("Jupyter.display")]` method, so a model shown as a cell's value displays as the
 * table of {@linkcode modelView}. Models cannot import display code themselves (`nn/` sits below
 * `display/`), hence the method is added to the prototype here.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { Sequential } from "../nn/sequential.ts";
import { plotDefaults } from "../plot/defaults.ts";
import { htmlTable } from "./_table.ts";
import { Displayable, jupyterDisplay, type MimeBundle } from "./displayable.ts";
import { formatValue } from "../core/validate.ts";

/**
 * Builds the rich display of a model: a table with one row per layer (its description, output
 * shape and parameter count) under a line with the input and output sizes and the total number
 * of parameters. The plain-text form is the model's `summary()`.
 *
 * @param model The model.
 * @returns A displayable whose bundle has `text/html` and `text/plain`.
 *
 * @example
 * ```ts
 * import { jupyterDisplay, mlp, modelView, show } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 8, 1], { activation: "relu", seed: 1 });
 * const bundle = modelView(model)[jupyterDisplay]();
 * assert.match(bundle["text/html"] ?? "", /<table/);
 * assert.equal(bundle["text/plain"], model.summary());
 * // Importing relu-lab makes models display themselves the same way.
 * assert.deepEqual(show(model).bundle, bundle);
 * ```
 */
export function modelView(model: Sequential): Displayable;
export function modelView(model: Sequential, extra?: unknown, array?: unknown): Displayable {
  refuseTrailing("display a model", "modelView", "model alone", "second", extra, model, array);
  if (!(model instanceof Sequential)) {
    throw new TypeError(
      `Cannot display a model as it must be a Sequential: model=${formatValue(model)}`,
    );
  }
  const rows = model.layers.map((layer, i) => {
    let count = 0;
    for (const p of layer.params()) count += p.value.length;
    return [String(i), layer.describe(), `N × ${layer.outputSize}`, count.toLocaleString("en-US")];
  });
  const table = htmlTable([
    { header: "#", numeric: true },
    { header: "layer", monospace: true },
    { header: "output" },
    { header: "parameters", numeric: true },
  ], rows);
  const html = `<div class="relu-lab-model" style="font-family: ${plotDefaults.fontFamily};">` +
    `<div style="font-weight: 600; font-size: 14px; margin-bottom: 4px;">Sequential(${model.inputSize} → ${model.outputSize}), ${
      model.parameterCount.toLocaleString("en-US")
    } parameters</div>${table}</div>`;
  return new Displayable({ "text/plain": model.summary(), "text/html": html });
}

Object.defineProperty(Sequential.prototype, jupyterDisplay, {
  value: function (this: Sequential): MimeBundle {
    return modelView(this).bundle;
  },
  configurable: true,
  writable: true,
});
