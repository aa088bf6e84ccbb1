/**
 * Displaying a figure from the plot helpers in the Jupyter kernel.
 *
 * @module
 */

import { createDocument } from "../plot/create_document.ts";
import { toSvgString } from "../plot/to_svg_string.ts";
import type { FigureElement } from "../plot/types.ts";
import { Displayable, jupyterDisplay, type MimeBundle } from "./displayable.ts";
import { formatValue } from "../core/validate.ts";

/**
 * Wraps a figure (an `<svg>` or `<figure>` from a plot helper) as a {@linkcode Displayable}
 * whose bundle has three forms: `text/html` (the element), `image/svg+xml` (the element as one
 * standalone SVG, see `toSvgString`; left out when it holds something SVG cannot lay out, such
 * as a table) and `text/plain`, a short line naming the figure by its title (`[figure: A
 * line]`, or its subtitle, each panel's for a combined figure with no title of its own, or
 * `[figure]`). Front ends that drop HTML, and exports to formats without it, then still show the
 * figure.
 *
 * Importing this module (as importing relu-lab does) also gives every element of the
 * server-side documents the plot helpers draw with (`createDocument`) a
 * `[Symbol.for("Jupyter.display")]` method returning this bundle, so a plot helper's result
 * shows this way as a cell's value.
 *
 * @param figure The element returned by a plot helper.
 * @returns The displayable figure.
 *
 * @example
 * ```ts
 * import { displayFigure, jupyterDisplay, plotLines } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const figure = plotLines([{ name: "a", x: [0, 1], y: [1, 2] }], { title: "A line" });
 * const bundle = displayFigure(figure)[jupyterDisplay]();
 * assert.match(bundle["text/html"] ?? "", /^<figure/);
 * assert.match(bundle["image/svg+xml"] ?? "", /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
 * assert.equal(bundle["text/plain"], "[figure: A line]");
 * // The figure itself carries the method, so it shows this way as a notebook cell's value.
 * assert.ok(jupyterDisplay in figure);
 * ```
 */
export function displayFigure(figure: FigureElement): Displayable {
  if (
    figure === null || typeof figure !== "object" || typeof figure.outerHTML !== "string" ||
    typeof figure.tagName !== "string"
  ) {
    throw new TypeError(
      `Cannot display a figure as it must be an <svg> or <figure> element: figure=${
        formatValue(figure)
      }`,
    );
  }
  const tag = figure.tagName.toLowerCase();
  if (tag !== "svg" && tag !== "figure") {
    throw new TypeError(
      `Cannot display a figure as it must be an <svg> or <figure> element: figure=<${tag}>`,
    );
  }
  const title = figureName(figure);
  const bundle: MimeBundle = {
    "text/plain": title ? `[figure: ${title}]` : "[figure]",
    "text/html": figure.outerHTML,
  };
  const svg = svgOrUndefined(figure);
  if (svg !== undefined) bundle["image/svg+xml"] = svg;
  return new Displayable(bundle);
}

/**
 * What the plain-text form names a figure by: its title; else its subtitle, or each panel's (in
 * order, `; ` between) when it combines several; else its SVG `<title>`.
 */
function figureName(figure: FigureElement): string | undefined {
  const title = figure.querySelector("h2")?.textContent;
  if (title) return title;
  const subtitles = Array.from(figure.querySelectorAll("h3"), (h) => h.textContent ?? "")
    .filter((text) => text !== "");
  if (subtitles.length > 0) return subtitles.join("; ");
  return figure.querySelector("title")?.textContent ?? undefined;
}

/** The figure as one SVG, or undefined when it holds something SVG cannot lay out. */
function svgOrUndefined(figure: FigureElement): string | undefined {
  try {
    return toSvgString(figure);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/** The nearest prototype that the server-side document's HTML and SVG elements share. */
function sharedElementPrototype(): object {
  const document = createDocument();
  const chain = (element: object) => {
    const prototypes: object[] = [];
    for (let p = Object.getPrototypeOf(element); p !== null; p = Object.getPrototypeOf(p)) {
      prototypes.push(p);
    }
    return prototypes;
  };
  const svgChain = chain(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  return chain(document.createElement("figure")).find((p) => svgChain.includes(p))!;
}

Object.defineProperty(sharedElementPrototype(), jupyterDisplay, {
  value: function (this: FigureElement): MimeBundle {
    return displayFigure(this).bundle;
  },
  configurable: true,
  writable: true,
});
