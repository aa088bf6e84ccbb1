// What display takes for an element and for a figure: the checks displayFigure and show share.

import type { FigureElement } from "../plot/types.ts";

/**
 * Whether a value has what displaying an element reads of it: its markup, its tag name and the
 * two query methods (an object that only looks like an element has no methods).
 */
export function isElement(value: unknown): value is FigureElement {
  const el = value as Partial<FigureElement> | null;
  return el !== null && typeof el === "object" && typeof el.outerHTML === "string" &&
    typeof el.tagName === "string" && typeof el.querySelector === "function" &&
    typeof el.querySelectorAll === "function";
}

/** Whether an element is a figure: an `<svg>` or a `<figure>` (linkedom spells `"SVG"`). */
export function isFigureTag(element: FigureElement): boolean {
  const tag = element.tagName.toLowerCase();
  return tag === "svg" || tag === "figure";
}
