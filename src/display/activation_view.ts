/**
 * Displaying an activation function in the Jupyter kernel: its formula, its derivative and a
 * plot of both.
 *
 * Importing this module (as importing relu-lab does) gives every {@linkcode ActivationFunction}
 * a `[Symbol.for("Jupyter.display")]` method, so an activation shown as a cell's value displays
 * as {@linkcode activationView} draws it. Activations cannot import display code themselves
 * (`activations/` sits below `display/`), hence the method is added to the prototype here.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { ActivationFunction } from "../activations/activation_function.ts";
import type { Activation } from "../activations/types.ts";
import { escapeHtml } from "../plot/escape_html.ts";
import { plotDefaults } from "../plot/defaults.ts";
import { plotActivations } from "../plot/plot_activations.ts";
import type { FigureDocument } from "../plot/types.ts";
import { displayFigure } from "./display_figure.ts";
import { Displayable, jupyterDisplay, type MimeBundle } from "./displayable.ts";
import { latexToHtml } from "./latex_to_html.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";
import { optionalDomain, resolveDocument, size } from "../plot/_compose.ts";
import { missingActivationField } from "./_activation_fields.ts";

/** Options for {@linkcode activationView}. */
export interface ActivationViewOptions {
  /** The range of z to plot. Default: `[-4, 4]`. */
  domain?: readonly [number, number];
  /** Width of the plot in pixels, at least `200`. Default: `640`. */
  width?: number;
  /** Height of the plot in pixels, at least `100`. Default: `240`. */
  height?: number;
  /** The document to draw with. Default: a fresh server-side document. */
  document?: FigureDocument;
}

const ACTIVATION_VIEW_KEYS: OptionKeys<ActivationViewOptions> = {
  domain: true,
  width: "number",
  height: "number",
  document: true,
};

/**
 * Builds the rich display of an activation: its label, its formula and its derivative's formula
 * (in `text/html` as MathML from {@linkcode latexToHtml}, piecewise formulas with a brace that
 * stretches to their rows, needing no stylesheet or math font; as `$$...$$` in `text/markdown`),
 * and a plot of the function and its derivative with the convention at z = 0 marked.
 *
 * @param activation The activation to show.
 * @param options Plot domain and size; see {@linkcode ActivationViewOptions}.
 * @returns A displayable whose bundle has `text/html`, `text/markdown`, `image/svg+xml` (the plot
 *   as one SVG, titled with the label and the formula, for front ends without HTML) and
 *   `text/plain` (the label and the formula).
 *
 * @example
 * ```ts
 * import { activationView, createActivation, jupyterDisplay, show } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const relu = createActivation("relu");
 * const bundle = activationView(relu)[jupyterDisplay]();
 * assert.ok(bundle["text/markdown"]?.includes(`$$${relu.latex}$$`));
 * assert.match(bundle["text/html"] ?? "", /<math/);
 * assert.match(bundle["text/html"] ?? "", /<svg/);
 * assert.match(bundle["image/svg+xml"] ?? "", /<text [^>]*>ReLU<\/text>/); // for front ends without HTML
 * // Importing relu-lab makes activations display themselves the same way.
 * assert.deepEqual(show(relu).bundle, bundle);
 * ```
 */
export function activationView(
  activation: Activation,
  options?: ActivationViewOptions,
): Displayable;
export function activationView(
  activation: Activation,
  options: ActivationViewOptions = {},
  extra?: unknown,
): Displayable {
  const action = "display an activation";
  refuseTrailing(action, "activationView", "activation and options", "third", extra);
  requireOptions(action, options, ACTIVATION_VIEW_KEYS);
  if (activation === null || typeof activation !== "object") {
    throw new TypeError(
      `Cannot ${action} as it must have f, grad, expression, latex and gradLatex: activation=${
        formatValue(activation)
      }`,
    );
  }
  const missing = missingActivationField(activation);
  if (missing !== undefined) {
    const [key, type] = missing;
    const value: unknown = activation[key];
    throw new TypeError(
      `Cannot ${action} as activation.${key} must be a ${type}: activation.${key}=${
        typeof value === "function" ? "a function" : formatValue(value)
      }`,
    );
  }
  // The plot's options, checked here so that a message names this view, not the plot helper.
  const plot = {
    domain: optionalDomain(action, "domain", options.domain),
    width: size(action, "width", options.width, 640, 200),
    height: size(action, "height", options.height, 240, 100),
    document: resolveDocument(action, options),
  };
  const label = activation.label ?? activation.name;
  const figure = plotActivations([activation], plot);
  const formula = (latex: string) =>
    `<div style="margin: 0.25em 0; font-size: 1.1em;">${latexToHtml(latex)}</div>`;
  const html =
    `<div class="relu-lab-activation" style="font-family: ${plotDefaults.fontFamily};">` +
    `<div style="font-weight: 600; font-size: 15px; margin-bottom: 0.25em;">${
      escapeHtml(label)
    }</div>` +
    formula(activation.latex) + formula(activation.gradLatex) + figure.outerHTML + `</div>`;
  const markdown = `**${
    escapeMarkdown(label)
  }**\n\n$$${activation.latex}$$\n\n$$${activation.gradLatex}$$\n`;
  // For front ends without HTML: the plot as one SVG, titled with the label and the formula.
  const titled = plotActivations([activation], {
    ...plot,
    title: label,
    subtitle: `f(z) = ${activation.expression}`,
  });
  const svg = displayFigure(titled).bundle["image/svg+xml"];
  return new Displayable({
    "text/plain": `${label}: f(z) = ${activation.expression}`,
    "text/html": html,
    "text/markdown": markdown,
    ...(svg === undefined ? {} : { "image/svg+xml": svg }),
  });
}

Object.defineProperty(ActivationFunction.prototype, jupyterDisplay, {
  value: function (this: ActivationFunction): MimeBundle {
    return activationView(this).bundle;
  },
  configurable: true,
  writable: true,
});

/**
 * A label as Markdown text that reads as written: a backslash before each character that would
 * otherwise open emphasis, code, a link, math or HTML (`<img …>` stays text).
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&$~]/g, "\\$&");
}
