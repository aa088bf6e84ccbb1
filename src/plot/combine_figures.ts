/**
 * Several figures side by side under one title.
 *
 * @module
 */

import { composeFigure, typeError } from "./_compose.ts";
import { createDocument } from "./create_document.ts";
import type { FigureElement, FigureOptions } from "./types.ts";

/**
 * Places figures side by side (wrapping when too wide) in one `<figure>` with an optional title,
 * subtitle and caption. Render the parts with the same `document` as the combination.
 *
 * @param figures The figures or charts, in reading order.
 * @param options Title, subtitle, caption and document; width and height are ignored.
 * @returns A `<figure>` holding the parts.
 *
 * @example
 * ```ts
 * import { combineFigures, createDocument, plotLines } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const document = createDocument();
 * const a = plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], { document, width: 300 });
 * const b = plotLines([{ name: "b", x: [0, 1], y: [1, 0] }], { document, width: 300 });
 * const both = combineFigures([a, b], { document, title: "Two lines" });
 * assert.equal(both.querySelectorAll("svg").length, 2);
 * ```
 */
export function combineFigures(
  figures: readonly FigureElement[],
  options: FigureOptions = {},
): FigureElement {
  if (!Array.isArray(figures) || figures.length === 0) {
    typeError("combine figures", "figures", "a non-empty array of elements", figures);
  }
  return composeFigure(options.document ?? createDocument(), {
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
    charts: [...figures],
  });
}
