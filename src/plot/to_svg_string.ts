/**
 * Serializing figures to strings, so scripts can save them as `.svg` or `.html` files.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import { escapeHtml } from "./escape_html.ts";
import { figureSvg } from "./_figure_svg.ts";
import { optionalText } from "./_compose.ts";
import type { FigureElement } from "./types.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Serializes a figure as a standalone SVG document string, with the SVG namespace that files
 * need. A bare chart (`<svg>`) is serialized as it is. A figure with a title, subtitle, legend
 * or caption (a `<figure>` from a plot helper, or from {@linkcode combineFigures}) is laid out
 * as one SVG on a white background: the texts as SVG text wrapped to the figure's width, the
 * legends' keys and the charts as nested SVGs, panels side by side. Front ends and files that
 * take SVG but not HTML then show the whole figure; {@linkcode toHtmlString} keeps the HTML.
 *
 * @param svg A plot helper's result: an `<svg>` element or a `<figure>` of charts.
 * @returns The SVG markup, starting with `<svg xmlns="http://www.w3.org/2000/svg"`.
 * @throws {TypeError} When `svg` is not an element, or is a `<figure>` holding something other
 * than text, legends and charts (a table, say).
 *
 * @example
 * ```ts
 * import { plotLines, toSvgString } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const line = [{ name: "y = x", x: [0, 1], y: [0, 1] }];
 * assert.match(toSvgString(plotLines(line)), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
 *
 * // A titled figure becomes one SVG too, its title set as SVG text.
 * const titled = toSvgString(plotLines(line, { title: "Identity", caption: "A straight line." }));
 * assert.match(titled, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640"/);
 * assert.match(titled, /<text [^>]*>Identity<\/text>/);
 * assert.match(titled, /<text [^>]*>A straight line.<\/text>/);
 * ```
 */
export function toSvgString(svg: FigureElement): string;
export function toSvgString(svg: FigureElement, extra?: unknown, array?: unknown): string {
  refuseTrailing(
    "serialize a figure as SVG",
    "toSvgString",
    "svg alone",
    "second",
    extra,
    svg,
    array,
  );
  if (svg === null || typeof svg !== "object" || typeof svg.tagName !== "string") {
    throw new TypeError(
      `Cannot serialize a figure as SVG as it must be an element: svg=${formatValue(svg)}`,
    );
  }
  if (svg.tagName.toLowerCase() !== "svg") return figureSvg(svg);
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
  /**
   * The page title, with `standalone` only. Default: the figure's `<h2>` text, or
   * `"relu-lab figure"`.
   */
  pageTitle?: string;
}

const TO_HTML_STRING_KEYS: OptionKeys<ToHtmlStringOptions> = { standalone: true, pageTitle: true };

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
export function toHtmlString(figure: FigureElement, options?: ToHtmlStringOptions): string;
export function toHtmlString(
  figure: FigureElement,
  options: ToHtmlStringOptions = {},
  extra?: unknown,
): string {
  refuseTrailing("render a figure to HTML", "toHtmlString", "figure and options", "third", extra);
  requireOptions("render a figure to HTML", options, TO_HTML_STRING_KEYS);
  if (figure === null || typeof figure !== "object" || typeof figure.outerHTML !== "string") {
    throw new TypeError(
      `Cannot serialize a figure as HTML as it must be an element: figure=${formatValue(figure)}`,
    );
  }
  requireFlag("render a figure to HTML", "standalone", options.standalone);
  const pageTitle = optionalText("render a figure to HTML", "pageTitle", options.pageTitle);
  if (pageTitle !== undefined && !options.standalone) {
    throw new TypeError(
      `Cannot render a figure to HTML as pageTitle titles a page, so it needs standalone: true: ` +
        `pageTitle=${formatValue(pageTitle)}, standalone=${formatValue(options.standalone)}`,
    );
  }
  const markup = figure.outerHTML;
  if (!options.standalone) return markup;
  const heading = figure.querySelector("h2")?.textContent ?? undefined;
  const title = escapeHtml(pageTitle ?? heading ?? "relu-lab figure");
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n` +
    `</head>\n<body style="background: white; margin: 16px;">\n${markup}\n</body>\n</html>\n`;
}
