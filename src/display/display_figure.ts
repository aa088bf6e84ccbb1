/**
 * Displaying a figure from the plot helpers in the Jupyter kernel.
 *
 * @module
 */

import { toSvgString } from "../plot/to_svg_string.ts";
import type { FigureElement } from "../plot/types.ts";
import { Displayable } from "./displayable.ts";

/**
 * Wraps a figure (an `<svg>` or `<figure>` from a plot helper) as a {@linkcode Displayable}:
 * `text/html` for every figure, `image/svg+xml` as well for a bare `<svg>`, and a `text/plain`
 * line naming the figure by its title.
 *
 * @param figure The element returned by a plot helper.
 * @returns The displayable figure.
 *
 * @example
 * ```ts
 * import { displayFigure, jupyterDisplay, plotLines } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const shown = displayFigure(plotLines([{ name: "a", x: [0, 1], y: [1, 2] }], { title: "A line" }));
 * const bundle = shown[jupyterDisplay]();
 * assert.match(bundle["text/html"] ?? "", /^<figure/);
 * assert.equal(bundle["text/plain"], "[figure: A line]");
 * ```
 */
export function displayFigure(figure: FigureElement): Displayable {
  if (
    figure === null || typeof figure !== "object" || typeof figure.outerHTML !== "string" ||
    typeof figure.tagName !== "string"
  ) {
    throw new TypeError(
      `Cannot display a figure as it must be an <svg> or <figure> element: figure=${
        String(figure)
      }`,
    );
  }
  const isSvg = figure.tagName.toLowerCase() === "svg";
  const title = figure.querySelector("h2")?.textContent ??
    figure.querySelector("title")?.textContent;
  return new Displayable({
    "text/plain": title ? `[figure: ${title}]` : "[figure]",
    "text/html": figure.outerHTML,
    ...(isSvg ? { "image/svg+xml": toSvgString(figure) } : {}),
  });
}
