/**
 * Rich display in the Deno Jupyter kernel: values that carry a MIME bundle under
 * `Symbol.for("Jupyter.display")` show as HTML (figures, formulas, tables) when they are a cell's
 * value, and as plain text in a script.
 *
 * - {@linkcode Displayable}: a MIME bundle the kernel shows; {@linkcode show} wraps anything.
 * - {@linkcode displayFigure}: a figure from `plot/`.
 * - {@linkcode activationView}: an activation's formula, derivative and plot.
 * - {@linkcode modelView}: a model's summary as a table.
 * - {@linkcode reportView}: a diagnostics report as tables and per-layer bars.
 * - {@linkcode historyView}: loss, accuracy and dead-unit curves of a training history.
 * - {@linkcode latexToHtml}: LaTeX to MathML, which needs no stylesheet (piecewise formulas as a
 *   brace that stretches to their rows).
 *
 * Importing this module (as importing relu-lab does) has one documented side effect: every
 * activation object (`ActivationFunction`), every `Sequential` model, every
 * `DiagnosticsReport` and every element of the server-side documents the plot helpers draw
 * with gains a `[Symbol.for("Jupyter.display")]` method, so they display richly as a cell's
 * value. The lower layers cannot import display code, so display adds the method to their
 * prototypes. A training history is a plain array: show it with {@linkcode historyView}.
 *
 * Figures come in three forms: `text/html`, `image/svg+xml` (the whole figure, title and
 * legend included, as one SVG) and a short `text/plain` naming it, so that front ends and
 * exports that drop HTML still show them.
 *
 * @example
 * ```ts
 * import { jupyterDisplay, show } from "@relu-lab/relu-lab/display";
 * import { plotLines } from "@relu-lab/relu-lab/plot";
 * import assert from "node:assert/strict";
 *
 * const bundle = show(plotLines([{ name: "a", x: [0, 1], y: [0, 1] }]))[jupyterDisplay]();
 * assert.ok(bundle["image/svg+xml"]?.startsWith("<svg"));
 * ```
 *
 * @module
 */
export * from "./displayable.ts";
export * from "./latex_to_html.ts";
export * from "./display_figure.ts";
export * from "./activation_view.ts";
export * from "./model_view.ts";
export * from "./report_view.ts";
export * from "./history_view.ts";
export * from "./show.ts";
