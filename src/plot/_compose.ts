// Private helpers shared by the plot helpers: resolving the document, composing figures from
// several charts, swatch legends, and option checks.

import * as Plot from "npm:@observablehq/plot@0.6.17";
import { createDocument } from "./create_document.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureDocument, FigureElement, FigureOptions } from "./types.ts";
import { firstRepeat } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { formatValue, requireNumber } from "../core/validate.ts";

/** Returns `options.document` once checked, or a new server-side document. */
export function resolveDocument(action: string, options: FigureOptions): FigureDocument {
  const document = options.document;
  if (document === undefined) return createDocument();
  if (
    document === null || typeof document !== "object" ||
    typeof document.createElement !== "function" || typeof document.createElementNS !== "function"
  ) {
    typeError(action, "document", "a DOM document (the browser's or createDocument())", document);
  }
  return document;
}

/**
 * The largest width or height a plot helper takes, in pixels: far beyond any screen or page,
 * while a size such as 1e308 failed deep inside Observable Plot ("Invalid array length") and
 * one of 1e7 took seconds to lay out.
 */
export const MAX_SIZE = 100_000;

/**
 * Checks a width or height option (at least `min` pixels, at most {@linkcode MAX_SIZE}),
 * returning it or the fallback.
 */
export function size(
  action: string,
  name: string,
  value: number | undefined,
  fallback: number,
  min = 1,
) {
  if (value === undefined) return fallback;
  // The lower bound's message as before; above MAX_SIZE, the same rule with both bounds.
  requireNumber(action, name, value, { min });
  if (value > MAX_SIZE) {
    rangeError(action, name, `a finite number >= ${min} and <= ${MAX_SIZE}`, value);
  }
  return value;
}

/** Whether a value lies within a domain `[min, max]` (edges included); always, without one. */
export function withinDomain(
  value: number,
  domain: readonly [number, number] | undefined,
): boolean {
  return domain === undefined || (value >= domain[0] && value <= domain[1]);
}

/** A value moved to the nearer edge of a domain `[min, max]` when outside it; as is without one. */
export function clampToDomain(
  value: number,
  domain: readonly [number, number] | undefined,
): number {
  return domain === undefined ? value : Math.min(Math.max(value, domain[0]), domain[1]);
}

/**
 * Refuses a cell of `matrix` that is not finite, naming the matrix's row and column, what the
 * cell had to be (`expected`) and the value found.
 */
export function requireFiniteCells(
  action: string,
  name: string,
  matrix: Matrix,
  expected: string,
): void {
  const { cols, data } = matrix;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      rangeError(
        action,
        `${name} row ${Math.floor(k / cols)}, column ${k % cols}`,
        expected,
        data[k],
      );
    }
  }
}

/**
 * Checks an optional domain option: `[min, max]`, two finite numbers with min < max (and
 * min > 0 on a log scale, where 0 and below have no place). Returns a copy, or `undefined`.
 */
export function optionalDomain(
  action: string,
  name: string,
  value: readonly [number, number] | undefined,
  log = false,
): [number, number] | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || typeof value.length !== "number") {
    typeError(action, name, "an array [min, max] of two numbers", value);
  }
  if (value.length !== 2) rangeError(action, name, "an array [min, max] of two numbers", value);
  const [lo, hi] = value;
  requireNumber(action, `${name}[0]`, lo);
  requireNumber(action, `${name}[1]`, hi);
  if (!(lo < hi)) rangeError(action, name, "[min, max] with min < max", [lo, hi]);
  if (log && !(lo > 0)) {
    rangeError(action, name, "[min, max] with 0 < min < max on a log scale", [lo, hi]);
  }
  return [lo, hi];
}

/**
 * Checks an optional `colors` option: a non-empty array of colour strings, at least one for each
 * of the `names` (fewer would give two series one colour; more are left unused). Returns a copy,
 * or the default colours for `names`, which must then be no more than the defaults: two series
 * of one colour would read as one. `what` names them in messages, in the plural.
 */
export function colorsOption(
  action: string,
  value: readonly string[] | undefined,
  names: readonly string[],
  what = "series",
): string[] {
  if (value === undefined) {
    const defaults = plotDefaults.colors.length;
    if (names.length > defaults) {
      rangeError(
        action,
        `the number of ${what}`,
        `at most ${defaults} without colors, one of the ${defaults} default colours each (pass ` +
          `colors, a colour for each of the ${names.length} ${what})`,
        names.length,
      );
    }
    return plotDefaults.colors.slice(0, names.length);
  }
  if (!Array.isArray(value) || value.length === 0) {
    arrayError(action, "colors", "a non-empty array of colours", value);
  }
  value.forEach((color, i) => {
    if (typeof color !== "string") typeError(action, `colors[${i}]`, "a colour string", color);
  });
  if (value.length < names.length) {
    rangeError(
      action,
      "colors.length",
      `at least ${names.length}, a colour for each of the ${names.length} ${what}`,
      value.length,
    );
  }
  return [...value];
}

/**
 * Checks that no two series share a name (the legend would show one name for two lines, and
 * the lines would be drawn as one): throws a `RangeError` naming the name and both positions.
 * `label(i)` names position i in messages, e.g. `runs[1].name`.
 */
export function requireDistinctNames(
  action: string,
  names: readonly string[],
  label: (i: number) => string,
): void {
  const repeat = firstRepeat(names);
  if (repeat === undefined) return;
  const [i, j] = repeat;
  rangeError(action, label(i), `unique (${label(j)} is the same)`, names[i]);
}

/**
 * The smallest and largest finite values, by a loop (spreading some 10^5 values into `Math.min`
 * overflows the call stack); `undefined` when none is finite.
 */
export function finiteExtent(values: readonly number[]): [number, number] | undefined {
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? undefined : [min, max];
}

/** Creates an element with attributes and children. */
export function element(
  document: FigureDocument,
  tag: string,
  attributes: Record<string, string> = {},
  ...children: (FigureElement | string)[]
): FigureElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

const FIGURE_STYLE =
  `margin: 0 0 1em 0; font-family: ${plotDefaults.fontFamily}; color: #222; max-width: 100%;`;
const TITLE_STYLE = "margin: 0 0 0.2em 0; font-size: 18px; font-weight: 600; line-height: 1.25;";
const SUBTITLE_STYLE =
  "margin: 0 0 0.5em 0; font-size: 13px; font-weight: 400; color: #555; line-height: 1.3;";
const CAPTION_STYLE = "margin-top: 0.4em; font-size: 12px; color: #555; line-height: 1.4;";
/** The gap between charts side by side, in pixels. */
export const ROW_GAP = 12;

/** The style of a wrapping row of charts, its items lined up at the top or at the bottom. */
export function rowStyle(align: "start" | "end" = "start"): string {
  return `display: flex; flex-wrap: wrap; gap: ${ROW_GAP}px; align-items: flex-${align};`;
}

/** The texts of a figure: its title, subtitle and caption. */
export type FigureText = Pick<FigureParts, "title" | "subtitle" | "caption">;

/**
 * Checks the `title`, `subtitle` and `caption` options (each text when given: a number or an
 * object would show as "5" or "[object Object]") and returns them.
 */
export function figureText(action: string, options: FigureText): FigureText {
  return {
    title: optionalText(action, "title", options.title),
    subtitle: optionalText(action, "subtitle", options.subtitle),
    caption: optionalText(action, "caption", options.caption),
  };
}

/** Whether a figure has a title, subtitle or caption (and so needs a `<figure>`). */
export function hasText(text: FigureText): boolean {
  return text.title !== undefined || text.subtitle !== undefined || text.caption !== undefined;
}

/**
 * Checks an optional text option such as an axis label: a string, or `undefined` when left out.
 * Anything else is refused rather than shown through `String()` ("5", "[object Object]").
 */
export function optionalText(action: string, name: string, value: unknown): string | undefined {
  if (value !== undefined && typeof value !== "string") typeError(action, name, "a string", value);
  return value;
}

/** The parts of a composed figure. */
export interface FigureParts {
  title?: string;
  subtitle?: string;
  caption?: string;
  /** Legends, above the charts. */
  legends?: FigureElement[];
  /** The charts, side by side (wrapping when too wide). */
  charts: FigureElement[];
  /**
   * The style of the row that holds several charts. Default: a wrapping flex row, its items
   * aligned at the top.
   */
  rowStyle?: string;
}

/**
 * Wraps one or more charts in a `<figure>` with an optional title, subtitle, legends and caption,
 * in the layout Observable Plot uses for a single chart (h2, h3, legends, charts, figcaption).
 */
export function composeFigure(document: FigureDocument, parts: FigureParts): FigureElement {
  const figure = element(document, "figure", { style: FIGURE_STYLE });
  if (parts.title !== undefined) {
    figure.append(element(document, "h2", { style: TITLE_STYLE }, parts.title));
  }
  if (parts.subtitle !== undefined) {
    figure.append(element(document, "h3", { style: SUBTITLE_STYLE }, parts.subtitle));
  }
  figure.append(...(parts.legends ?? []));
  if (parts.charts.length === 1) figure.append(parts.charts[0]);
  else {
    figure.append(
      element(document, "div", { style: parts.rowStyle ?? rowStyle() }, ...parts.charts),
    );
  }
  if (parts.caption !== undefined) {
    figure.append(element(document, "figcaption", { style: CAPTION_STYLE }, parts.caption));
  }
  return figure;
}

/** A small panel heading above one chart of a composed figure. */
export function panel(
  document: FigureDocument,
  heading: string | undefined,
  ...content: FigureElement[]
): FigureElement {
  const children: FigureElement[] = [];
  if (heading !== undefined) {
    children.push(
      element(document, "div", {
        style: "font-size: 13px; font-weight: 600; margin: 0 0 4px 0; text-align: center;",
      }, heading),
    );
  }
  return element(
    document,
    "div",
    {
      style: "display: inline-flex; flex-direction: column; align-items: center;",
    },
    ...children,
    ...content,
  );
}

/** How a legend entry draws its key. */
export type SwatchKind = "line" | "square" | "dot" | "open" | "band";

/** One entry of a swatch legend. */
export interface Swatch {
  name: string;
  color: string;
  kind?: SwatchKind;
  /** Fill opacity of a square or band key. Default: 1 for squares, 0.25 for bands. */
  opacity?: number;
  /** Line width of a line key in pixels. Default: 2.5. */
  strokeWidth?: number;
  /** Dash pattern of a line key (SVG `stroke-dasharray`). Default: solid. */
  dash?: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";

function svgElement(
  document: FigureDocument,
  tag: string,
  attributes: Record<string, string>,
): FigureElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/**
 * A legend of swatches naming each series with its colour, drawn as small inline SVGs (no
 * canvas needed): a line segment for lines, a square for areas and cells, a dot for points.
 */
export function swatches(
  document: FigureDocument,
  items: readonly Swatch[],
  note?: string,
): FigureElement {
  const legend = element(document, "div", {
    style: "display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; " +
      "font-size: 12px; margin: 2px 0 8px 0; min-height: 18px;",
  });
  for (const item of items) {
    const key = svgElement(document, "svg", {
      width: "22",
      height: "12",
      viewBox: "0 0 22 12",
      style: "flex: none; margin-right: 6px; overflow: visible;",
    });
    const kind = item.kind ?? "line";
    if (kind === "line") {
      key.append(svgElement(document, "line", {
        x1: "1",
        x2: "21",
        y1: "6",
        y2: "6",
        stroke: item.color,
        "stroke-width": String(item.strokeWidth ?? 2.5),
        "stroke-linecap": item.dash === undefined ? "round" : "butt",
        ...(item.dash === undefined ? {} : { "stroke-dasharray": item.dash }),
      }));
    } else if (kind === "band") {
      key.append(svgElement(document, "rect", {
        x: "0",
        y: "1",
        width: "22",
        height: "10",
        fill: item.color,
        "fill-opacity": String(item.opacity ?? 0.25),
      }));
      key.append(svgElement(document, "line", {
        x1: "0",
        x2: "22",
        y1: "6",
        y2: "6",
        stroke: item.color,
        "stroke-width": "2",
      }));
    } else if (kind === "dot" || kind === "open") {
      key.append(svgElement(document, "circle", {
        cx: "11",
        cy: "6",
        r: "4",
        fill: kind === "dot" ? item.color : "white",
        stroke: kind === "dot" ? "white" : item.color,
        "stroke-width": "1.5",
      }));
    } else {
      key.append(svgElement(document, "rect", {
        x: "5",
        y: "0",
        width: "12",
        height: "12",
        fill: item.color,
        "fill-opacity": String(item.opacity ?? 1),
      }));
    }
    legend.append(
      element(
        document,
        "span",
        { style: "display: inline-flex; align-items: center;" },
        key,
        item.name,
      ),
    );
  }
  if (note !== undefined) legend.append(element(document, "span", { style: "color: #666;" }, note));
  return legend;
}

/** Runs `Plot.plot` with the document and the house font. */
export function renderPlot(document: FigureDocument, options: Plot.PlotOptions): FigureElement {
  return Plot.plot({
    style: { fontFamily: plotDefaults.fontFamily, fontSize: "11px", overflow: "visible" },
    ...options,
    document,
  } as Plot.PlotOptions) as FigureElement;
}

/**
 * The tick labels of a log axis over `extent` (the smallest and largest value it shows, or
 * undefined when it shows none), in one notation for the whole axis: plain numbers when its
 * powers of ten lie within 0.001 to 1,000 and its values below 10,000 (`"0.05"`, `"500"`), else
 * short exponent form for every tick (`"1e-4"`, `"1e-3"`, `"1e0"`, `"2e5"`), so that labels stay
 * short, none runs into the axis title beside it, and an axis never reads 0.001 next to 1e-4.
 */
export function logTickFormatFor(
  extent: readonly [number, number] | undefined,
): (value: number) => string {
  // The lowest power of ten on the axis (a hair of rounding allowed: log10(0.001) is -2.9999…).
  const lowestPower = extent === undefined ? 1 : 10 ** Math.ceil(Math.log10(extent[0]) - 1e-9);
  const plain = extent === undefined || (lowestPower >= 1e-3 && extent[1] < 1e4);
  return (value) =>
    value === 0 || plain
      ? String(Number(value.toPrecision(6)))
      : Number(value.toPrecision(3)).toExponential().replace("e+", "e");
}

/** The smallest and largest positive finite values (a log axis shows); undefined if none. */
export function positiveExtent(values: readonly number[]): [number, number] | undefined {
  return finiteExtent(values.filter((v) => v > 0));
}

/** Throws a `TypeError` in house style. */
export function typeError(
  action: string,
  name: string,
  requirement: string,
  value: unknown,
): never {
  throw new TypeError(
    `Cannot ${action} as ${name} must be ${requirement}: ${name}=${short(value)}`,
  );
}

/**
 * Throws for a value that is not the non-empty array asked for, in house style: a `RangeError`
 * for an empty array (the right type, a wrong value), a `TypeError` for anything else.
 */
export function arrayError(
  action: string,
  name: string,
  requirement: string,
  value: unknown,
): never {
  if (Array.isArray(value) && value.length === 0) rangeError(action, name, requirement, value);
  typeError(action, name, requirement, value);
}

/** Throws a `RangeError` in house style. */
export function rangeError(
  action: string,
  name: string,
  requirement: string,
  value: unknown,
): never {
  throw new RangeError(
    `Cannot ${action} as ${name} must be ${requirement}: ${name}=${short(value)}`,
  );
}

function short(value: unknown): string {
  const text = formatValue(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
