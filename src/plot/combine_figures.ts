/**
 * Several figures side by side under one title.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import {
  arrayError,
  composeFigure,
  element,
  figureText,
  rangeError,
  resolveDocument,
  ROW_GAP,
  rowStyle,
  typeError,
} from "./_compose.ts";
import type { FigureDocument, FigureElement, FigureOptions } from "./types.ts";
import { type OptionKeys, requireOptions } from "../core/validate.ts";

/**
 * How far a panel of {@linkcode combineFigures} may shrink before it wraps to the next line, as a
 * fraction of its chart's width: 3 charts of 340 px fit side by side in about 790 px.
 */
const MIN_PANEL_SCALE = 0.75;

/**
 * Options for {@linkcode combineFigures}: the figure's texts and document. It takes no `width`
 * or `height`: each part keeps the size it was drawn at.
 */
export type CombineFiguresOptions = Omit<FigureOptions, "width" | "height">;

/** The keys it takes: a width or height would be ignored, so they are refused. */
const COMBINE_FIGURES_KEYS: OptionKeys<CombineFiguresOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
};

/**
 * Places figures side by side in one `<figure>` with an optional title, subtitle and caption.
 * Render the parts with the same `document` as the combination. An element can be placed only
 * once: pass each part once (draw a figure twice to show it twice).
 *
 * Each part sits in a panel as wide as its chart at most. Panels share a row: when it is too
 * narrow they shrink (charts scale down, legends and captions wrap within the chart's width)
 * to 75% of their chart's width, then wrap to the next line. Parts whose charts are drawn at one
 * width are laid out on a grid, so that every panel has the same width, on a wrapped line too:
 * their charts are drawn at one scale. A part that holds several charts keeps its natural width
 * and may only shrink. When no part has anything below its chart (a caption, say), the panels
 * of a row line up at the bottom, so that their x axes are level whatever the height of the
 * legends above them; otherwise at the top. A part that is a `<figure>` loses its margin below.
 *
 * @param figures The figures or charts, in reading order.
 * @param options Title, subtitle, caption and document; no width or height (each part keeps the
 *   size it was drawn at: draw the parts at the size wanted).
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
  options?: CombineFiguresOptions,
): FigureElement;
export function combineFigures(
  figures: readonly FigureElement[],
  options: CombineFiguresOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "combine figures";
  refuseTrailing(action, "combineFigures", "figures and options", "third", extra);
  requireOptions(action, options, COMBINE_FIGURES_KEYS);
  const text = figureText(action, options);
  if (!Array.isArray(figures) || figures.length === 0) {
    arrayError(action, "figures", "a non-empty array of elements", figures);
  }
  figures.forEach((part, i) => {
    if (
      part === null || typeof part !== "object" || typeof part.tagName !== "string" ||
      typeof part.querySelectorAll !== "function"
    ) {
      typeError(action, `figures[${i}]`, "an element such as a plot helper returns", part);
    }
    // Appending an element moves it: a second place would leave the first one empty.
    const first = figures.indexOf(part);
    if (first < i) {
      rangeError(
        action,
        `figures[${i}]`,
        `an element other than figures[${first}] (the same one cannot be placed twice)`,
        `<${part.tagName.toLowerCase()}>`,
      );
    }
  });
  const document = resolveDocument(action, options);
  if (figures.length === 1) return composeFigure(document, { ...text, charts: [...figures] });
  const charts = figures.map(onlyChart);
  const widths = charts.map(widthOf);
  const align = figures.every((part, i) => endsWith(part, charts[i])) ? "end" : "start";
  // A figure's margin below it spaces it from what follows on a page; in a row it would lift its
  // chart above a bare chart's.
  for (const part of figures) {
    if (part.tagName.toLowerCase() === "figure") {
      const style = (part.getAttribute("style") ?? "").trim().replace(/;?$/, ";");
      part.setAttribute("style", `${style === ";" ? "" : `${style} `}margin-bottom: 0;`);
    }
  }
  const [width] = widths;
  if (width !== undefined && widths.every((w) => w === width)) {
    // One width: a grid of equal columns, each at least 75% of the width, in a row at most as
    // wide as the parts side by side at that width; a panel is at most that width (a column may
    // be wider when one panel a line is all that fits).
    const columns = `repeat(auto-fit, minmax(${narrowest(width)}, 1fr))`;
    const widest = figures.length * width + (figures.length - 1) * ROW_GAP;
    return composeFigure(document, {
      ...text,
      charts: figures.map((part) =>
        element(document, "div", { style: `min-width: 0; max-width: ${width}px;` }, part)
      ),
      rowStyle: `display: grid; grid-template-columns: ${columns}; gap: ${ROW_GAP}px; ` +
        `align-items: ${align}; max-width: ${widest}px;`,
    });
  }
  return composeFigure(document, {
    ...text,
    charts: figures.map((part, i) => panelOf(document, part, widths[i])),
    rowStyle: rowStyle(align),
  });
}

/** Wraps one part in a flex item that is at most as wide as its chart. */
function panelOf(
  document: FigureDocument,
  part: FigureElement,
  width: number | undefined,
): FigureElement {
  const style = width === undefined
    ? "flex: 0 1 auto; min-width: 0;"
    : `flex: 1 1 0; min-width: ${narrowest(width)}; max-width: ${width}px;`;
  return element(document, "div", { style }, part);
}

/** How narrow a panel of a chart `width` px wide may get: 75% of it, or the whole row. */
function narrowest(width: number): string {
  return `min(100%, ${Math.round(width * MIN_PANEL_SCALE)}px)`;
}

/** The one Observable Plot chart in a part, if it holds exactly one. */
function onlyChart(part: FigureElement): FigureElement | undefined {
  const charts = Array.from(part.querySelectorAll("svg[class]")).filter(isChart);
  if (isChart(part)) charts.unshift(part);
  return charts.length === 1 ? charts[0] : undefined;
}

/** The width in pixels a chart was drawn at. */
function widthOf(chart: FigureElement | undefined): number | undefined {
  const width = Number(chart?.getAttribute("width"));
  return Number.isFinite(width) && width > 0 ? width : undefined;
}

/**
 * Whether a part ends with its chart: nothing (a caption, say) is drawn below it, that is, the
 * part's last element is the chart's last (or the chart itself).
 */
function endsWith(part: FigureElement, chart: FigureElement | undefined): boolean {
  if (chart === undefined) return false;
  if (chart === part) return true;
  const last = (el: FigureElement) => {
    const all = el.querySelectorAll("*");
    return all.length === 0 ? el : all[all.length - 1];
  };
  return last(part) === last(chart);
}

/** Whether an element is a chart drawn by Observable Plot (class `plot-<hash>`). */
function isChart(el: FigureElement): boolean {
  return el.tagName.toLowerCase() === "svg" &&
    /^plot-[0-9a-f]+$/.test(el.getAttribute("class") ?? "");
}
