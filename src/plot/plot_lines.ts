/**
 * The building block of relu-lab's charts: several named series as lines, with a legend.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import {
  arrayError,
  colorsOption,
  composeFigure,
  figureText,
  hasText,
  logTickFormatFor,
  optionalDomain,
  optionalText,
  positiveExtent,
  rangeError,
  renderPlot,
  requireDistinctNames,
  resolveDocument,
  size,
  swatches,
  typeError,
  withinDomain,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import { trimLines } from "./_trim.ts";
import type { FigureElement, FigureOptions, Markish } from "./types.ts";
import { type OptionKeys, requireNumberType, requireOptions } from "../core/validate.ts";

/** One named series of a line chart: `y[i]` at `x[i]`. Non-finite values break the line. */
export interface LineSeries {
  /** The name shown in the legend, a string; no two series may share one. */
  name: string;
  /**
   * The x values. A series may have none: it is then named in the legend with no line, e.g. a
   * setting whose every run diverged.
   */
  x: ArrayLike<number>;
  /** The y values, as many as `x`. */
  y: ArrayLike<number>;
  /**
   * This series' line width in pixels. Default: `widths[name]`, else the chart's `strokeWidth`
   * (`2`).
   */
  strokeWidth?: number;
  /**
   * This series' dash pattern as an SVG `stroke-dasharray`: dash and gap lengths in pixels, e.g.
   * `"6 4"` (dashed) or `"2 3"` (dotted). Default: `dashes[name]`, else a solid line.
   */
  strokeDasharray?: string;
}

/** One point of a line chart in row form; rows with the same `series` form one line. */
export interface LineRow {
  /** The x value. */
  x: number;
  /** The y value; non-finite values break the line. */
  y: number;
  /** The series name, a string. Default: `""` (one unnamed series). */
  series?: string;
}

/** Options for {@linkcode plotLines}. */
export interface PlotLinesOptions extends FigureOptions {
  /** The x axis label, with units where there are any. Default: `"x"`. */
  xLabel?: string;
  /** The y axis label, with units where there are any. Default: `"y"`. */
  yLabel?: string;
  /**
   * Use a logarithmic y scale. A point with y <= 0, which it cannot place (a gradient norm of
   * exactly 0, say), breaks its line as a non-finite value does, and a note above the chart counts
   * such points by series. Default: `false`.
   */
  logY?: boolean;
  /** Use a logarithmic x scale; a point with x <= 0 is left out as with `logY`. Default: `false`. */
  logX?: boolean;
  /**
   * The x domain `[min, max]`, min < max (and min > 0 with `logX`). The lines and dots are cut at
   * its edges: what lies outside is not drawn. Default: the data's extent.
   */
  xDomain?: readonly [number, number];
  /**
   * The y domain `[min, max]`, min < max (and min > 0 with `logY`). The lines and dots are cut at
   * its edges, and the zero rule is left out when 0 lies outside. Default: the data's extent.
   */
  yDomain?: readonly [number, number];
  /** Draw a legend. Default: `true` when there is more than one series. */
  legend?: boolean;
  /**
   * Series colours, in order of first appearance. Default: {@linkcode plotDefaults}`.colors`, for
   * up to ten series; more need colours given.
   */
  colors?: readonly string[];
  /** Draw a dot at each point. Default: `false`. */
  dots?: boolean;
  /** Line width in pixels of every series that sets none. Default: `2`. */
  strokeWidth?: number;
  /**
   * Line widths in pixels by series name, for the series that set no `strokeWidth` themselves
   * (the only way with rows). Default: none (every line is `strokeWidth` wide).
   */
  widths?: Readonly<Record<string, number>>;
  /**
   * Dash patterns (SVG `stroke-dasharray`, e.g. `"6 4"`) by series name, for the series that set
   * no `strokeDasharray` themselves (the only way with rows). Default: none (solid lines).
   */
  dashes?: Readonly<Record<string, string>>;
  /**
   * Draw a horizontal rule at y = 0. Refused with `logY`, whose scale has no 0. Default: `false`.
   */
  zeroRule?: boolean;
  /**
   * Extra Observable Plot marks drawn beneath the lines (bands, rules, annotations). They may use
   * the `color` scale, whose domain is the series names. They are drawn as given, not cut to the
   * domains (give such a mark Plot's `clip: true` to cut it). Default: none.
   */
  marks?: readonly Markish[];
}

/** The keys a series object may have: a typo such as `strokeDashArray` would be ignored. */
const LINE_SERIES_KEYS: OptionKeys<LineSeries> = {
  name: true,
  x: true,
  y: true,
  strokeWidth: "number",
  strokeDasharray: true,
};

/** The keys a row may have: a typo such as `serie` would merge two lines into one. */
const LINE_ROW_KEYS: OptionKeys<LineRow> = { x: "number", y: "number", series: true };

const PLOT_LINES_KEYS: OptionKeys<PlotLinesOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
  width: "number",
  height: "number",
  xLabel: true,
  yLabel: true,
  logY: true,
  logX: true,
  xDomain: true,
  yDomain: true,
  legend: true,
  colors: true,
  dots: true,
  strokeWidth: "number",
  widths: true,
  dashes: true,
  zeroRule: true,
  marks: true,
};

/**
 * Draws named series as lines on one chart, with a legend of swatches, axis labels and a grid.
 * The `(data, options)` wrapper that the other line charts of relu-lab build on.
 *
 * Each series may have its own line width and dash pattern, set on the series object
 * (`strokeWidth`, `strokeDasharray`) or by name in the options (`widths`, `dashes`); the legend
 * draws each key the same way. A series object has only the keys `name`, `x`, `y`, `strokeWidth`
 * and `strokeDasharray`, a row only `x`, `y` and `series`: any other key (a typo) is refused.
 *
 * @param series The series, as `{ name, x, y }` objects or as `{ x, y, series }` rows.
 * @param options Labels, scales and figure text; see {@linkcode PlotLinesOptions}.
 * @returns An `<svg>` element, or a `<figure>` when there is a title, subtitle, caption or
 * legend.
 *
 * @example
 * ```ts
 * import { plotLines } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const x = [0, 1, 2, 3];
 * const figure = plotLines(
 *   [{ name: "linear", x, y: x }, { name: "square", x, y: x.map((v) => v * v) }],
 *   { title: "Growth", xLabel: "step", yLabel: "value" },
 * );
 * assert.equal(figure.tagName, "FIGURE");
 * assert.equal(figure.querySelector("h2")?.textContent, "Growth");
 * assert.equal(figure.querySelectorAll("g[aria-label=line] path").length, 2);
 *
 * // A dashed reference line, thinner than the rest.
 * const styled = plotLines(
 *   [{ name: "data", x, y: x }, { name: "y = 1.5", x: [0, 3], y: [1.5, 1.5] }],
 *   { dashes: { "y = 1.5": "6 4" }, widths: { "y = 1.5": 1 } },
 * );
 * assert.equal(styled.querySelectorAll("g[stroke-dasharray='6 4'] path").length, 1);
 *
 * // A line leaving the y domain is cut at its edge: the peak at 5 is not drawn.
 * const cut = plotLines([{ name: "a", x: [0, 1, 2], y: [0, 5, 0.5] }], { yDomain: [0, 1] });
 * const ys = [...cut.querySelector("g[aria-label=line] path")!.getAttribute("d")!
 *   .matchAll(/[ML][^,]+,([^MLZ]+)/g)].map((m) => Number(m[1]));
 * assert.ok(ys.every((y) => y >= 20 && y <= 320)); // the frame: 20 to 360 - 40 pixels
 * ```
 */
export function plotLines(
  series: readonly LineSeries[] | readonly LineRow[],
  options?: PlotLinesOptions,
): FigureElement;
export function plotLines(
  series: readonly LineSeries[] | readonly LineRow[],
  options: PlotLinesOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "plot lines";
  refuseTrailing(action, "plotLines", "series and options", "third", extra);
  requireOptions(action, options, PLOT_LINES_KEYS);
  const text = figureText(action, options);
  const logX = requireFlag(action, "logX", options.logX);
  const logY = requireFlag(action, "logY", options.logY);
  const xDomain = optionalDomain(action, "xDomain", options.xDomain, logX);
  const yDomain = optionalDomain(action, "yDomain", options.yDomain, logY);
  const parsed = lineRows(action, series);
  const names = parsed.names;
  const { rows, note } = withoutNonPositive(parsed.rows, { logX, logY });
  const colors = colorsOption(action, options.colors, names);
  for (const name of ["legend", "dots", "zeroRule"] as const) {
    requireFlag(action, name, options[name]);
  }
  if (options.zeroRule && logY) {
    rangeError(action, "zeroRule", "left out or false with logY: true, whose scale has no 0", true);
  }
  if (options.marks !== undefined) requireMarks(action, "marks", options.marks);
  const document = resolveDocument(action, options);
  const width = size(action, "width", options.width, plotDefaults.width);
  const height = size(action, "height", options.height, plotDefaults.height);
  const strokeWidth = options.strokeWidth === undefined
    ? 2
    : requirePositive(action, "strokeWidth", options.strokeWidth);
  const styles = lineStyles(action, series, names, options);
  // Cut to given domains, so that nothing is drawn over the axes, the title or a neighbour.
  const lines = trimLines(rows, { xDomain, yDomain, logX, logY });
  const marks: Plot.Markish[] = [...(options.marks ?? [])];
  if (options.zeroRule && withinDomain(0, yDomain)) {
    marks.push(Plot.ruleY([0], { stroke: "#888", strokeWidth: 1 }));
  }
  if (styles.size === 0) {
    marks.push(
      Plot.lineY(lines, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth }),
    );
  } else {
    // Plot's dash pattern is one constant per mark: one mark per series, in legend order.
    for (const name of names) {
      const style = styles.get(name);
      marks.push(
        Plot.lineY(lines.filter((row) => row.series === name), {
          x: "x",
          y: "y",
          stroke: "series",
          strokeWidth: style?.strokeWidth ?? strokeWidth,
          ...(style?.strokeDasharray === undefined
            ? {}
            : { strokeDasharray: style.strokeDasharray }),
        }),
      );
    }
  }
  if (options.dots) {
    const dots = rows.filter((row) => withinDomain(row.x, xDomain) && withinDomain(row.y, yDomain));
    marks.push(Plot.dot(dots, { x: "x", y: "y", fill: "series", r: 2.5, stroke: "white" }));
  }
  const yExtent = logY ? positiveExtent(rows.map((r) => r.y)) : undefined;
  const niceY = yDomain === undefined && yExtent !== undefined && yExtent[1] >= 100 * yExtent[0];
  const chart = renderPlot(document, {
    width,
    height,
    marginLeft: 56,
    marginBottom: 40,
    grid: true,
    x: {
      label: optionalText(action, "xLabel", options.xLabel) ?? "x",
      labelAnchor: "center",
      labelArrow: "none",
      type: logX ? "log" : "linear",
      ...(logX
        ? { tickFormat: logTickFormatFor(xDomain ?? positiveExtent(rows.map((r) => r.x))) }
        : {}),
      ...(xDomain ? { domain: xDomain } : {}),
    },
    y: {
      label: optionalText(action, "yLabel", options.yLabel) ?? "y",
      labelAnchor: "center",
      labelArrow: "none",
      type: logY ? "log" : "linear",
      // A log y axis over two decades or more, without a given domain, runs from a power of ten
      // to a power of ten, so that its end decades are labelled (over less, the data fill it).
      ...(logY
        ? {
          tickFormat: logTickFormatFor(yDomain ?? (niceY ? decades(yExtent) : yExtent)),
          ...(niceY ? { nice: true } : {}),
        }
        : {}),
      ...(yDomain ? { domain: yDomain } : {}),
    },
    color: { type: "ordinal", domain: names, range: colors },
    marks,
  });
  const legend = options.legend ?? names.length > 1;
  const figured = legend || note !== undefined || hasText(text);
  if (!figured) return chart;
  return composeFigure(document, {
    ...text,
    legends: legend || note !== undefined
      ? [swatches(
        document,
        !legend ? [] : names.map((name, i) => {
          const key = { name, color: colors[i % colors.length] };
          // With styles, each key shows its line's width and dashes; without, the usual keys.
          if (styles.size === 0) return key;
          const style = styles.get(name);
          return {
            ...key,
            strokeWidth: style?.strokeWidth ?? strokeWidth,
            dash: style?.strokeDasharray,
          };
        }),
        note,
      )]
      : [],
    charts: [chart],
  });
}

/** A line style set for one series. */
interface LineStyle {
  strokeWidth?: number;
  strokeDasharray?: string;
}

/**
 * The line styles set per series (on the series objects or in `widths` and `dashes`), by name.
 * Empty when no series sets one, so that such charts draw exactly as before styles existed.
 */
function lineStyles(
  action: string,
  series: readonly LineSeries[] | readonly LineRow[],
  names: readonly string[],
  options: PlotLinesOptions,
): Map<string, LineStyle> {
  const styles = new Map<string, LineStyle>();
  const set = (name: string, key: keyof LineStyle, value: number | string) => {
    const style = styles.get(name) ?? {};
    if (style[key] === undefined) (style as Record<string, number | string>)[key] = value;
    styles.set(name, style);
  };
  for (let s = 0; s < series.length; s++) {
    const item = series[s] as Partial<LineSeries>;
    if (!("name" in item)) continue;
    const name = String(item.name);
    if (item.strokeWidth !== undefined) {
      set(
        name,
        "strokeWidth",
        requirePositive(action, `series[${s}].strokeWidth`, item.strokeWidth),
      );
    }
    if (item.strokeDasharray !== undefined) {
      set(
        name,
        "strokeDasharray",
        requireDash(action, `series[${s}].strokeDasharray`, item.strokeDasharray),
      );
    }
  }
  for (const [option, key] of [["widths", "strokeWidth"], ["dashes", "strokeDasharray"]] as const) {
    const byName = options[option];
    if (byName === undefined) continue;
    if (byName === null || typeof byName !== "object") {
      typeError(action, option, "an object keyed by series name", byName);
    }
    for (const [name, value] of Object.entries(byName)) {
      if (!names.includes(name)) {
        rangeError(action, `${option} key`, `a series name (${names.join(", ")})`, name);
      }
      set(
        name,
        key,
        key === "strokeWidth"
          ? requirePositive(action, `${option}[${name}]`, value as number)
          : requireDash(action, `${option}[${name}]`, value as string),
      );
    }
  }
  return styles;
}

/** Checks a line width: a finite number > 0. */
function requirePositive(action: string, name: string, value: number): number {
  if (typeof value !== "number") typeError(action, name, "a number of pixels", value);
  if (!(value > 0 && Number.isFinite(value))) {
    rangeError(action, name, "a finite number > 0", value);
  }
  return value;
}

/** Checks a dash pattern: dash and gap lengths >= 0, separated by spaces or commas. */
function requireDash(action: string, name: string, value: string): string {
  if (typeof value !== "string") typeError(action, name, 'a dash pattern such as "6 4"', value);
  if (!/^\s*\d+(\.\d+)?([\s,]+\d+(\.\d+)?)*\s*$/.test(value)) {
    rangeError(action, name, 'lengths in pixels such as "6 4"', value);
  }
  return value.trim();
}

/** A point of a line: `series` names the line it belongs to. */
interface LinePoint {
  x: number;
  y: number;
  series: string;
}

/**
 * Normalizes either input form to rows, checking shapes and names; with the series names in
 * order, a series with no points among them.
 */
function lineRows(
  action: string,
  series: readonly LineSeries[] | readonly LineRow[],
): { rows: LinePoint[]; names: string[] } {
  if (!Array.isArray(series) || series.length === 0) {
    arrayError(action, "series", "a non-empty array of { name, x, y } series or rows", series);
  }
  const rows: LinePoint[] = [];
  // The position of each name: a series object's name is its own (two would draw as one line),
  // while rows name the line they belong to.
  const names: string[] = [];
  const labels: string[] = [];
  const rowNames = new Set<string>();
  for (let s = 0; s < series.length; s++) {
    const item = series[s];
    if (item === null || typeof item !== "object") {
      typeError(action, `series[${s}]`, "an object", item);
    }
    if ("name" in item) {
      const { name, x, y } = item as LineSeries;
      requireName(action, `series[${s}].name`, name);
      for (const [key, values] of [["x", x], ["y", y]] as const) {
        if (values === null || typeof values !== "object" || typeof values.length !== "number") {
          typeError(action, `series[${s}].${key}`, "an array of numbers", values);
        }
      }
      // Any other key is a typo (strokeDashArray): the style it meant would be left out.
      requireOptions(action, item as LineSeries, LINE_SERIES_KEYS, `series[${s}]`);
      names.push(name);
      labels.push(`series[${s}].name`);
      if (x.length !== y.length) {
        rangeError(action, `series[${s}].y.length`, `equal x.length (${x.length})`, y.length);
      }
      // NaN is a number: it breaks the line, and a series of NaN alone (a setting whose runs
      // all diverged) is named in the legend without a line.
      for (let i = 0; i < x.length; i++) {
        requireNumberType(action, `series[${s}].x[${i}]`, x[i]);
        requireNumberType(action, `series[${s}].y[${i}]`, y[i]);
        rows.push({ x: x[i], y: y[i], series: name });
      }
    } else {
      const row = item as LineRow;
      if (typeof row.x !== "number" || typeof row.y !== "number") {
        typeError(action, `series[${s}]`, "{ name, x[], y[] } or { x, y, series }", row);
      }
      if (row.series !== undefined) requireName(action, `series[${s}].series`, row.series);
      // Any other key is a typo (serie): its rows would join the unnamed line.
      requireOptions(action, row, LINE_ROW_KEYS, `series[${s}]`);
      const name = row.series ?? "";
      if (!rowNames.has(name)) {
        rowNames.add(name);
        names.push(name);
        labels.push(`series[${s}].series`);
      }
      rows.push({ x: row.x, y: row.y, series: name });
    }
  }
  requireDistinctNames(action, names, (i) => labels[i]);
  return { rows, names };
}

/**
 * Checks the extra marks: each an Observable Plot mark (an object with a `render` method), a
 * render function, `null` or `undefined` (which Plot skips), or an array of these, as Plot
 * takes them; anything else failed inside Plot with "invalid mark; missing render function".
 */
function requireMarks(action: string, name: string, marks: unknown): void {
  if (!Array.isArray(marks)) typeError(action, name, "an array of Observable Plot marks", marks);
  marks.forEach((mark, i) => {
    if (Array.isArray(mark)) return requireMarks(action, `${name}[${i}]`, mark);
    if (mark === null || mark === undefined || typeof mark === "function") return;
    if (typeof mark !== "object" || typeof (mark as { render?: unknown }).render !== "function") {
      typeError(
        action,
        `${name}[${i}]`,
        "an Observable Plot mark such as Plot.ruleY([0]), or a render function",
        mark,
      );
    }
  });
}

/** Checks a series name: a string (`undefined` or `5` would show in the legend as such). */
function requireName(action: string, label: string, name: unknown): asserts name is string {
  if (typeof name !== "string") typeError(action, label, "a string", name);
}

/**
 * The points a log axis cannot place, a finite value <= 0 (a gradient norm of exactly 0, say),
 * made breaks in their lines, and a note saying how many were left out of which series: Plot
 * would leave them out without a word. Rows as they were, and no note, when none is.
 */
function withoutNonPositive(
  rows: LinePoint[],
  scales: { logX: boolean; logY: boolean },
): { rows: LinePoint[]; note?: string } {
  const off = (row: LinePoint) => (scales.logX && row.x <= 0) || (scales.logY && row.y <= 0); // NaN and ±∞ break lines anyway
  const left = rows.filter(off);
  if (left.length === 0) return { rows };
  const axes = [scales.logX ? "x" : "", scales.logY ? "y" : ""].filter(Boolean).join(" or ");
  const names = [...new Set(left.map((row) => row.series))].filter((name) => name !== "");
  const of = names.length === 0 ? "" : ` (${names.join(", ")})`;
  const values = left.length === 1 ? "1 point" : `${left.length} points`;
  return {
    rows: rows.map((row) => off(row) ? { ...row, y: NaN } : row),
    note: `not drawn: ${values} with ${axes} ≤ 0${of}, off the log scale`,
  };
}

/** `extent` widened to whole powers of ten, as a nice log scale draws it. */
function decades(extent: [number, number] | undefined): [number, number] | undefined {
  return extent && [
    10 ** Math.floor(Math.log10(extent[0]) + 1e-9),
    10 ** Math.ceil(Math.log10(extent[1]) - 1e-9),
  ];
}
