/**
 * Serializing figures to strings, so scripts can save them as `.svg` or `.html` files.
 *
 * @module
 */

import { escapeHtml } from "./escape_html.ts";
import type { FigureElement } from "./types.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Serializes a bare chart (an `<svg>` element) as a standalone SVG document string, adding the
 * SVG namespace that files need. Figures with a title, legend or caption are HTML (`<figure>`):
 * save those with {@linkcode toHtmlString}.
 *
 * @param svg The `<svg>` element returned by a plot helper called without title, subtitle or
 * caption.
 * @returns The SVG markup, starting with `<svg xmlns="http://www.w3.org/2000/svg"`.
 * @throws {TypeError} When `svg` is not an `<svg>` element.
 *
 * @example
 * ```ts
 * import { plotLines, toSvgString } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const svg = plotLines([{ name: "y = x", x: [0, 1], y: [0, 1] }]);
 * assert.match(toSvgString(svg), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
 * ```
 */
export function toSvgString(svg: FigureElement): string {
  if (svg === null || typeof svg !== "object" || typeof svg.tagName !== "string") {
    throw new TypeError(
      `Cannot serialize a figure as SVG as it must be an element: svg=${String(svg)}`,
    );
  }
  if (svg.tagName.toLowerCase() !== "svg") {
    throw new TypeError(
      `Cannot serialize a figure as SVG as it must be an <svg> element (use toHtmlString for a <figure>): tagName=${
        JSON.stringify(svg.tagName)
      }`,
    );
  }
  const markup = svg.outerHTML;
  if (/^<svg[^>]*\sxmlns=/.test(markup)) return markup;
  return markup.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
}

/** Options for {@linkcode toHtmlString}. */
export interface ToHtmlStringOptions {
  /**
   * Wrap the figure in a complete HTML page (doctype, charset, white background) that a
   * browser opens directly. Default: `false` (the element's own markup).
   */
  standalone?: boolean;
  /** The page title when `standalone`. Default: the figure's `<h2>` text, or `"relu-lab figure"`. */
  pageTitle?: string;
}

/**
 * Serializes a figure (`<figure>` or `<svg>`) as HTML markup, optionally as a standalone page.
 *
 * @param figure The element returned by a plot helper.
 * @param options Whether to wrap it in a page; see {@linkcode ToHtmlStringOptions}.
 * @returns The markup.
 *
 * @example
 * ```ts
 * import { plotLines, toHtmlString } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const figure = plotLines([{ name: "y = x", x: [0, 1], y: [0, 1] }], { title: "Identity" });
 * assert.match(toHtmlString(figure), /^<figure/);
 * assert.match(toHtmlString(figure, { standalone: true }), /<title>Identity<\/title>/);
 * ```
 */
export function toHtmlString(figure: FigureElement, options: ToHtmlStringOptions = {}): string {
  if (figure === null || typeof figure !== "object" || typeof figure.outerHTML !== "string") {
    throw new TypeError(
      `Cannot serialize a figure as HTML as it must be an element: figure=${String(figure)}`,
    );
  }
  const markup = figure.outerHTML;
  if (!options.standalone) return markup;
  const heading = figure.querySelector("h2")?.textContent ?? undefined;
  const title = escapeHtml(options.pageTitle ?? heading ?? "relu-lab figure");
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n` +
    `</head>\n<body style="background: white; margin: 16px;">\n${markup}\n</body>\n</html>\n`;
}
