/**
 * Displaying a figure from the plot helpers in the Jupyter kernel.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { createDocument } from "../plot/create_document.ts";
import { toSvgString } from "../plot/to_svg_string.ts";
import type { FigureElement } from "../plot/types.ts";
import { Displayable, jupyterDisplay, type MimeBundle } from "./displayable.ts";
import { formatValue } from "../core/validate.ts";
import { isElement, isFigureTag } from "./_element.ts";

/**
 * Wraps a figure (an `<svg>` or `<figure>` from a plot helper) as a {@linkcode Displayable}
 * whose bundle has three forms: `text/html` (the element), `image/svg+xml` (the element as one
 * standalone SVG, see `toSvgString`; left out when it holds something SVG cannot lay out, such
 * as a table) and `text/plain`, a short line naming the figure (`[figure: A line]`): by its
 * title, else its subtitle, else its panels' titles (or subtitles) in order with `; ` between
 * for a combined figure, else its SVG `<title>`; `[figure]` when it has none of these. Front
 * ends that drop HTML, and exports to formats without it, then still show the figure.
 *
 * Importing this module (as importing relu-lab does) also gives every element of the
 * server-side documents the plot helpers draw with (`createDocument`) a
 * `[Symbol.for("Jupyter.display")]` method, so a plot helper's result shows this way as a cell's
 * value. Any other element (a `<div>`, or the `<h2>` that `querySelector("h2")` finds in a
 * figure) shows its markup as plain text.
 *
 * @param figure The element returned by a plot helper.
 * @returns The displayable figure.
 *
 * @example
 * ```ts
 * import { combineFigures, displayFigure, jupyterDisplay, plotLines, show } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const figure = plotLines([{ name: "a", x: [0, 1], y: [1, 2] }], { title: "A line" });
 * const bundle = displayFigure(figure)[jupyterDisplay]();
 * assert.match(bundle["text/html"] ?? "", /^<figure/);
 * assert.match(bundle["image/svg+xml"] ?? "", /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
 * assert.equal(bundle["text/plain"], "[figure: A line]");
 * // The figure itself carries the method, so it shows this way as a notebook cell's value.
 * assert.ok(jupyterDisplay in figure);
 * // Other elements show their markup as text.
 * const heading = figure.querySelector("h2")!;
 * assert.deepEqual(show(heading).bundle, { "text/plain": heading.outerHTML });
 *
 * // A combined figure with no title of its own is named by every panel's title.
 * const panel = (title: string) => plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], { title });
 * const both = combineFigures([panel("A"), panel("B")]);
 * assert.equal(displayFigure(both).bundle["text/plain"], "[figure: A; B]");
 * ```
 */
export function displayFigure(figure: FigureElement): Displayable;
export function displayFigure(
  figure: FigureElement,
  extra?: unknown,
  array?: unknown,
): Displayable {
  refuseTrailing(
    "display a figure",
    "displayFigure",
    "figure alone",
    "second",
    extra,
    figure,
    array,
  );
  if (!isElement(figure)) {
    throw new TypeError(
      `Cannot display a figure as it must be an <svg> or <figure> element: figure=${
        formatValue(figure)
      }`,
    );
  }
  if (!isFigureTag(figure)) {
    throw new TypeError(
      `Cannot display a figure as it must be an <svg> or <figure> element: figure=<${figure.tagName.toLowerCase()}>`,
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

/** An element with the links to its parent that naming a figure follows. */
interface LinkedElement extends FigureElement {
  readonly parentElement: LinkedElement | null;
  closest(selectors: string): LinkedElement | null;
}

/** What the plain-text form names a figure by: its headings' name, else its SVG `<title>`. */
function figureName(figure: FigureElement): string | undefined {
  return headingName(figure) ?? figure.querySelector("title")?.textContent ?? undefined;
}

/** A figure's own title, else its own subtitle, else its panels' names in order (`; ` between). */
function headingName(figure: FigureElement): string | undefined {
  const own = ownHeading(figure, "h2") ?? ownHeading(figure, "h3");
  if (own !== undefined) return own;
  const names = panelsOf(figure).map(headingName).filter((name) => name !== undefined);
  return names.length > 0 ? names.join("; ") : undefined;
}

/** The text of the heading that `figure` itself holds (not one of its panels), if not empty. */
function ownHeading(figure: FigureElement, tag: "h2" | "h3"): string | undefined {
  const headings = Array.from(figure.querySelectorAll(tag) as ArrayLike<LinkedElement>);
  return headings.find((heading) => heading.parentElement === figure)?.textContent || undefined;
}

/** The `<figure>`s placed in `figure` itself, in order (not those inside them in turn). */
function panelsOf(figure: FigureElement): FigureElement[] {
  return Array.from(figure.querySelectorAll("figure") as ArrayLike<LinkedElement>)
    .filter((panel) => panel.parentElement?.closest("figure") === figure);
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

// A figure shows as displayFigure draws it; any other element (a cell's value too) as its markup.
Object.defineProperty(sharedElementPrototype(), jupyterDisplay, {
  value: function (this: FigureElement): MimeBundle {
    return isFigureTag(this) ? displayFigure(this).bundle : { "text/plain": this.outerHTML };
  },
  configurable: true,
  writable: true,
});
