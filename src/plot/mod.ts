/**
 * Figures of relu-lab, drawn with [Observable Plot](https://observablehq.com/plot/): thin
 * `(data, options)` wrappers around `Plot.plot` that render through a DOM `document` (a
 * server-side one from {@linkcode createDocument} by default), so they work in scripts, tests and
 * the Jupyter kernel alike.
 *
 * Every helper accepts `title`, `subtitle` and `caption` (which wrap the chart in a `<figure>`),
 * `width` and `height`, and a `document`; defaults live in {@linkcode plotDefaults}. Helpers
 * return the `<svg>` or `<figure>` element; {@linkcode toSvgString} and {@linkcode toHtmlString}
 * turn it into text for files. Rendering is deterministic: the same call gives the same markup.
 *
 * - {@linkcode plotLines}: named series as lines, each with its own width and dashes if asked;
 *   the building block.
 * - {@linkcode plotActivations}: activations and their derivatives, with the convention at z = 0.
 * - {@linkcode plotTrainingCurves}: a metric of several runs, with a band across seeds.
 * - {@linkcode plotDecisionBoundary}: a classifier's regions with the data on top.
 * - {@linkcode plotHistogram}: pre-activations with a rule at 0.
 * - {@linkcode plotLayerBars}: one bar per layer (dead fraction, gradient norm).
 * - {@linkcode plotImage} and {@linkcode plotImages}: digits and feature maps.
 * - {@linkcode combineFigures}: several figures side by side under one title.
 *
 * Only `plot/` and `display/` depend on npm packages; the computation core does not.
 *
 * @example
 * ```ts
 * import { plotLines, toHtmlString } from "@relu-lab/relu-lab/plot";
 * import assert from "node:assert/strict";
 *
 * const figure = plotLines([{ name: "y = x²", x: [0, 1, 2], y: [0, 1, 4] }], { title: "A parabola" });
 * assert.match(toHtmlString(figure), /<h2[^>]*>A parabola<\/h2>/);
 * ```
 *
 * @module
 */
// Loaded for its effect: it gives the elements the helpers draw a `Symbol.for("Jupyter.display")`
// method, so a figure shows as HTML and SVG when it is a notebook cell's value, whether or not the
// notebook imports the display layer itself.
import "../display/display_figure.ts";

export * from "./types.ts";
export * from "./defaults.ts";
export * from "./create_document.ts";
export * from "./escape_html.ts";
export * from "./to_svg_string.ts";
export * from "./plot_lines.ts";
export * from "./plot_activations.ts";
export * from "./plot_training_curves.ts";
export * from "./plot_decision_boundary.ts";
export * from "./plot_histogram.ts";
export * from "./plot_layer_bars.ts";
export * from "./plot_image.ts";
export * from "./combine_figures.ts";
