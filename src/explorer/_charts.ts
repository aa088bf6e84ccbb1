/**
 * The explorer's figures as SVG text: a line chart over epochs, the activation with its
 * derivative, and the frame of the decision-boundary view (axes, points, legend). Pure string
 * building, so the page redraws with them and the kernel draws the static picture with them.
 *
 * @module
 */

import type { Activation } from "../activations/types.ts";
import type { Dataset } from "../core/dataset.ts";
import { plotDefaults } from "../plot/defaults.ts";
import { rgbOf } from "../plot/_rgb.ts";

/**
 * Colours of class 0 and class 1 (points and shading): the first two of
 * {@linkcode plotDefaults}`.colors`, as in `plotDecisionBoundary`, so a class has one colour in
 * the static figures and in the explorer.
 */
export const CLASS_COLORS: readonly [string, string] = [
  plotDefaults.colors[0],
  plotDefaults.colors[1],
];
/** The RGB of {@linkcode CLASS_COLORS}, for the shading pixels. */
export const CLASS_RGB: readonly [readonly number[], readonly number[]] = [
  rgbOf(CLASS_COLORS[0]),
  rgbOf(CLASS_COLORS[1]),
];
/** Series colours, one per hidden layer or per quantity. */
export const SERIES_COLORS: readonly string[] = ["#4269d0", "#e8590c", "#3ca951", "#a463f2"];

const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif"`;
const INK = "#1d1d1f", MUTED = "#5f6368", GRID = "#e4e6ea";

/** Escapes text for SVG and HTML. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A number for a label: up to `digits` significant digits, no trailing zeros, no "-0". */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const text = Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5
    ? String(Number(value.toPrecision(digits)))
    : value.toExponential(digits - 1).replace(/\.?0+e/, "e");
  return text;
}

/**
 * `text` with each number of five decimals or more (0.30000000000000004, from 0.1 + 0.2) cut to
 * four significant digits, which leaves the usual ones (0.01, 0.25, 0.1234) as they are.
 *
 * @example
 * ```ts
 * import { shortenDecimals } from "./_charts.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(shortenDecimals("Leaky ReLU (α = 0.30000000000000004)"), "Leaky ReLU (α = 0.3)");
 * assert.equal(shortenDecimals("ELU (α = 0.25)"), "ELU (α = 0.25)");
 * ```
 */
export function shortenDecimals(text: string): string {
  return text.replace(/\d*\.\d{5,}/g, (n) => formatNumber(Number(n), 4));
}

/**
 * A setting's value (α, a learning rate, a bias) for a text, as the activation chart's heading
 * writes α: as given, unless it has five decimals or more (see {@linkcode shortenDecimals}).
 *
 * @example
 * ```ts
 * import { formatSetting } from "./_charts.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatSetting(0.1 + 0.2), "0.3");
 * assert.equal(formatSetting(0.0001), "0.0001");
 * assert.equal(formatSetting(0.12345678), "0.1235");
 * ```
 */
export function formatSetting(value: number): string {
  return shortenDecimals(String(value));
}

/**
 * About `count` round tick values covering [min, max]; with `whole`, whole numbers only (an
 * epoch axis: no tick at epoch 0.5 or 2.5).
 */
export function niceTicks(min: number, max: number, count = 5, whole = false): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // 10 * power >= raw always: only whole ticks with a raw step under 0.1 find none here, and take 1.
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power)
    .find((s) => s >= raw && (!whole || Number.isInteger(s))) ?? 1;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
    ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  }
  return ticks;
}

/** A rectangle of the figure, in SVG units. */
interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Linear map from [d0, d1] onto [r0, r1]. */
function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

function text(
  x: number,
  y: number,
  content: string,
  attributes = "",
): string {
  return `<text x="${round(x)}" y="${round(y)}" ${attributes}>${escapeText(content)}</text>`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** One entry of a legend: a line (solid or dashed), a dot or a ring. */
export interface LegendEntry {
  /** The label. */
  label: string;
  /** Its colour. */
  color: string;
  /** How it is drawn. Default: `"line"`. */
  mark?: "line" | "dashed" | "dot" | "ring";
}

/** A legend on one row from (x, y), wrapping before `maxX`. Returns the markup. */
function legend(entries: readonly LegendEntry[], x: number, y: number, maxX: number): string {
  const parts: string[] = [];
  let cx = x, cy = y;
  for (const entry of entries) {
    const width = 22 + entry.label.length * 6.3;
    if (cx + width > maxX && cx > x) {
      cx = x;
      cy += 15;
    }
    const mark = entry.mark ?? "line";
    if (mark === "dot" || mark === "ring") {
      const fill = mark === "dot" ? entry.color : "white";
      parts.push(
        `<circle cx="${cx + 5}" cy="${
          cy - 4
        }" r="3.5" fill="${fill}" stroke="${entry.color}" stroke-width="1.5"/>`,
      );
    } else {
      const dash = mark === "dashed" ? ` stroke-dasharray="4 3"` : "";
      parts.push(
        `<line x1="${cx}" y1="${cy - 4}" x2="${cx + 14}" y2="${
          cy - 4
        }" stroke="${entry.color}" stroke-width="2"${dash}/>`,
      );
    }
    parts.push(text(cx + 18, cy, entry.label, `font-size="11" fill="${INK}"`));
    cx += width;
  }
  return parts.join("");
}

/** Where the rotated y axis label's baseline sits. */
const Y_LABEL_X = 16;

/** One axis of {@linkcode axes}: its range, label, tick values and their format. */
interface Axis {
  min: number;
  max: number;
  label: string;
  ticks: readonly number[];
  format?: (v: number) => string;
}

/** Axes with ticks, grid lines and labels around `area`. */
function axes(
  area: Area,
  x: Axis,
  y: Axis,
  grid = true,
): string {
  const sx = scale(x.min, x.max, area.left, area.left + area.width);
  const sy = scale(y.min, y.max, area.top + area.height, area.top);
  const bottom = area.top + area.height, right = area.left + area.width;
  const parts: string[] = [];
  for (const t of y.ticks) {
    const py = round(sy(t));
    parts.push(
      grid
        ? `<line x1="${area.left}" y1="${py}" x2="${right}" y2="${py}" stroke="${GRID}"/>`
        : `<line x1="${area.left - 4}" y1="${py}" x2="${area.left}" y2="${py}" stroke="${MUTED}"/>`,
      text(area.left - 5, py + 3.5, (y.format ?? formatNumber)(t), `text-anchor="end"`),
    );
  }
  for (const t of x.ticks) {
    const px = round(sx(t));
    parts.push(
      `<line x1="${px}" y1="${bottom}" x2="${px}" y2="${bottom + 4}" stroke="${MUTED}"/>`,
      text(px, bottom + 15, (x.format ?? formatNumber)(t), `text-anchor="middle"`),
    );
  }
  parts.push(
    `<line x1="${area.left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${MUTED}"/>`,
    `<line x1="${area.left}" y1="${area.top}" x2="${area.left}" y2="${bottom}" stroke="${MUTED}"/>`,
    text(area.left + area.width / 2, bottom + 31, x.label, `text-anchor="middle" fill="${INK}"`),
    text(
      0,
      0,
      y.label,
      `text-anchor="middle" fill="${INK}" transform="translate(${Y_LABEL_X} ${
        round(area.top + area.height / 2)
      }) rotate(-90)"`,
    ),
  );
  return `<g font-size="10.5" fill="${MUTED}">${parts.join("")}</g>`;
}

function svgOpen(width: number, height: number, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${
    escapeText(label)
  }" ${FONT}>`;
}

function title(content: string, x = 10, y = 18): string {
  return text(x, y, content, `font-size="13.5" font-weight="600" fill="${INK}"`);
}

/** One line of a chart over epochs: the value at each epoch from 0. */
export interface EpochSeries {
  /** The legend label. */
  label: string;
  /** One value per epoch, epoch 0 first. */
  values: readonly number[];
  /** Colour. */
  color: string;
  /** Dashed line. Default: false. */
  dashed?: boolean;
}

/** The loss chart's two lines, training (solid) and test (dashed), from a run's records. */
export function lossSeries(
  history: readonly { trainLoss: number; testLoss?: number }[],
): EpochSeries[] {
  return [
    { label: "training", values: history.map((r) => r.trainLoss), color: SERIES_COLORS[0] },
    {
      label: "test",
      values: history.map((r) => r.testLoss ?? NaN),
      color: SERIES_COLORS[1],
      dashed: true,
    },
  ];
}

/**
 * The dead-neuron chart's lines, one per hidden layer (every second one dashed, so that layers
 * with the same fraction stay apart), from a run's records.
 */
export function deadSeries(
  history: readonly { deadFraction: readonly number[] }[],
  layers: number,
): EpochSeries[] {
  return Array.from({ length: layers }, (_, layer) => ({
    label: `layer ${layer + 1}`,
    values: history.map((r) => r.deadFraction[layer]),
    color: SERIES_COLORS[layer % SERIES_COLORS.length],
    dashed: layer % 2 === 1,
  }));
}

/** Options of {@linkcode epochChartSvg}. */
export interface EpochChartOptions {
  /** Title, above the legend. */
  title: string;
  /** The y axis label. */
  yLabel: string;
  /** The lines. */
  series: readonly EpochSeries[];
  /** The last epoch of the x axis (the run's length). */
  epochs: number;
  /** Fixed y range; default: from 0 to the largest value. */
  yRange?: readonly [number, number];
  /** Tick labels of the y axis. Default: numbers. */
  yFormat?: (v: number) => string;
}

/** Chart size in SVG units (the page scales it to its column). */
export const CHART_WIDTH = 360, CHART_HEIGHT = 250;

/** Where an epoch chart draws: its plot area, y range and scales. */
export interface EpochChartLayout {
  /** The plot area. */
  area: Area;
  /** The y range. */
  yRange: readonly [number, number];
  /** The y tick values (their labels set the area's left edge). */
  yTicks: readonly number[];
  /** Epoch to x. */
  x: (epoch: number) => number;
  /** Value to y. */
  y: (value: number) => number;
}

/**
 * The left edge of a plot area whose y tick labels are `labels`. The usual margin, 52 units,
 * holds four characters between the rotated axis label (about x = 8 to 18) and the ticks; each
 * character more moves the area right by a digit's width at 10.5 units (6.7 in DejaVu Sans, the
 * widest of the common sans-serif faces), so that labels such as 7.5e+18 stay clear of it.
 */
export function plotLeft(labels: readonly string[]): number {
  const widest = Math.max(0, ...labels.map((label) => label.length));
  return Math.max(52, Math.ceil(52 + (widest - 4) * 6.7));
}

/**
 * The layout of an epoch chart: y from 0 to 5% above the largest value unless fixed, the plot
 * area moved right of y tick labels too wide for the usual margin (such as 7.5e+18, a loss that
 * blew up).
 */
export function epochChartLayout(options: EpochChartOptions): EpochChartLayout {
  let yMax = 0;
  for (const s of options.series) {
    for (const v of s.values) if (Number.isFinite(v) && v > yMax) yMax = v;
  }
  const yRange = options.yRange ?? [0, yMax > 0 ? yMax * 1.05 : 1];
  const yTicks = niceTicks(yRange[0], yRange[1], 4);
  const left = plotLeft(yTicks.map(options.yFormat ?? formatNumber));
  const top = 50;
  const area = { left, top, width: CHART_WIDTH - left - 14, height: CHART_HEIGHT - top - 44 };
  return {
    area,
    yRange,
    yTicks,
    x: scale(0, options.epochs, area.left, area.left + area.width),
    y: scale(yRange[0], yRange[1], area.top + area.height, area.top),
  };
}

/** A series' polyline points and its last point, in the layout's coordinates. */
export function seriesPoints(
  series: EpochSeries,
  layout: EpochChartLayout,
): { points: string; last: readonly [number, number] | undefined } {
  const points: string[] = [];
  let last: [number, number] | undefined;
  series.values.forEach((v, epoch) => {
    if (!Number.isFinite(v)) return;
    last = [round(layout.x(epoch)), round(layout.y(Math.min(v, layout.yRange[1])))];
    points.push(`${last[0]},${last[1]}`);
  });
  return { points: points.join(" "), last };
}

/**
 * A line chart over epochs 0 .. `epochs`: title, legend, axes with labels, one polyline per
 * series (`data-series` = its index) and a dot on its last value (`data-last` = its index), so
 * that a page can move the lines without redrawing the chart.
 */
export function epochChartSvg(options: EpochChartOptions): string {
  const layout = epochChartLayout(options);
  const { area, yRange: [y0, y1], yTicks } = layout;
  const lines = options.series.map((s, i) => {
    const { points, last } = seriesPoints(s, layout);
    const dash = s.dashed ? ` stroke-dasharray="5 3"` : "";
    return `<polyline data-series="${i}" points="${points}" fill="none" stroke="${s.color}" ` +
      `stroke-width="1.8" stroke-linejoin="round"${dash}/>` +
      `<circle data-last="${i}" cx="${last?.[0] ?? -10}" cy="${last?.[1] ?? -10}" r="2.6" ` +
      `fill="${s.color}"/>`;
  });
  const entries = options.series.map((s) => ({
    label: s.label,
    color: s.color,
    mark: s.dashed ? "dashed" as const : "line" as const,
  }));
  return svgOpen(CHART_WIDTH, CHART_HEIGHT, options.title) +
    title(options.title) +
    legend(entries, 12, 38, CHART_WIDTH - 8) +
    axes(
      area,
      { min: 0, max: options.epochs, label: "epoch", ticks: niceTicks(0, options.epochs, 5, true) },
      {
        min: y0,
        max: y1,
        label: options.yLabel,
        ticks: yTicks,
        format: options.yFormat,
      },
    ) +
    `<g>${lines.join("")}</g></svg>`;
}

/** A percentage tick label. */
export function percent(v: number): string {
  return `${formatNumber(v * 100, 3)}%`;
}

/** The height of a line of {@linkcode activationSvg}'s note, in SVG units. */
const NOTE_LINE = 13;

/** Options of {@linkcode activationSvg}. */
export interface ActivationChartOptions {
  /** The activation drawn. */
  activation: Activation;
  /** The convention's name at z = 0, e.g. `"left"`. */
  convention: string;
  /**
   * Text under the title (e.g. PReLU's learned slopes), one line per `\n`-separated part;
   * each line past the first moves the legend and the plot down by one line.
   */
  note?: string;
}

/**
 * The activation f and its derivative f' over z in [-3, 3], with the derivative's one-sided
 * limits at z = 0 as rings and the value the library uses there as a dot.
 */
export function activationSvg(options: ActivationChartOptions): string {
  const { activation } = options;
  const at = activation.grad(0);
  const notes = (options.note ??
    `f′(0) = ${formatNumber(at)} (${options.convention} convention at the kink)`).split("\n");
  const below = (notes.length - 1) * NOTE_LINE;
  const top = 62 + below;
  const area = { left: 52, top, width: CHART_WIDTH - 52 - 14, height: CHART_HEIGHT - top - 44 };
  const zs: number[] = [];
  for (let i = 0; i <= 120; i++) zs.push(-3 + i / 20);
  const f = zs.map((z) => activation.f(z));
  const g = zs.map((z) => activation.grad(z));
  const finite = [...f, ...g].filter(Number.isFinite);
  const y0 = Math.min(-1, ...finite), y1 = Math.max(3, ...finite);
  const sx = scale(-3, 3, area.left, area.left + area.width);
  const sy = scale(y0, y1, area.top + area.height, area.top);
  const path = (values: number[], from: number, to: number) =>
    zs.slice(from, to).map((z, i) => `${round(sx(z))},${round(sy(values[from + i]))}`).join(" ");
  const zero = 60; // the index of z = 0
  // The one-sided limits of f' at 0, to 6 decimals (ELU's left limit is alpha * e^0).
  const limit = (z: number) => Math.round(activation.grad(z) * 1e6) / 1e6;
  const left = limit(-1e-9), right = limit(1e-9);
  const rings = [left, right].filter((v, i, all) => all.indexOf(v) === i && v !== at).map((v) =>
    `<circle cx="${round(sx(0))}" cy="${round(sy(v))}" r="3.6" fill="white" stroke="${
      SERIES_COLORS[1]
    }" stroke-width="1.6"/>`
  ).join("");
  // A parameter with many decimals (α = 0.12345678901234568) would run past the chart's edge;
  // four significant digits leave the usual ones (0.01, 0.25) as they are.
  const label = shortenDecimals(activation.label);
  const heading = `${label}: f and f′`;
  return svgOpen(CHART_WIDTH, CHART_HEIGHT, heading) +
    title(heading) +
    notes.map((line, i) => text(10, 34 + i * NOTE_LINE, line, `font-size="11" fill="${MUTED}"`))
      .join("") +
    legend(
      [
        { label: "f(z)", color: SERIES_COLORS[0] },
        { label: "f′(z)", color: SERIES_COLORS[1], mark: "dashed" },
        { label: "f′(0) used", color: SERIES_COLORS[1], mark: "dot" as const },
        // Named only where a ring is drawn: f′ continuous at 0 (ELU or Leaky ReLU at α = 1) has none.
        ...(rings === ""
          ? []
          : [{ label: "one-sided limits", color: SERIES_COLORS[1], mark: "ring" as const }]),
      ],
      12,
      52 + below,
      CHART_WIDTH - 8,
    ) +
    axes(
      area,
      { min: -3, max: 3, label: "z (pre-activation)", ticks: niceTicks(-3, 3, 6) },
      { min: y0, max: y1, label: "value", ticks: niceTicks(y0, y1, 4) },
    ) +
    `<polyline points="${path(f, 0, zs.length)}" fill="none" stroke="${
      SERIES_COLORS[0]
    }" stroke-width="2"/>` +
    `<polyline points="${path(g, 0, zero)}" fill="none" stroke="${
      SERIES_COLORS[1]
    }" stroke-width="2" stroke-dasharray="5 3"/>` +
    `<polyline points="${path(g, zero + 1, zs.length)}" fill="none" stroke="${
      SERIES_COLORS[1]
    }" stroke-width="2" stroke-dasharray="5 3"/>` +
    rings +
    `<circle cx="${round(sx(0))}" cy="${round(sy(at))}" r="3.6" fill="${SERIES_COLORS[1]}"/>` +
    `</svg>`;
}

/** The square region of the plane the boundary view shows. */
export interface Domain {
  /** Smallest x. */
  x0: number;
  /** Largest x. */
  x1: number;
  /** Smallest y. */
  y0: number;
  /** Largest y. */
  y1: number;
}

/** A square domain around every point of the data sets, with a margin of 10%. */
export function domainOf(...sets: readonly Dataset[]): Domain {
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  for (const set of sets) {
    const d = set.x.data;
    for (let i = 0; i < d.length; i += 2) {
      xMin = Math.min(xMin, d[i]);
      xMax = Math.max(xMax, d[i]);
      yMin = Math.min(yMin, d[i + 1]);
      yMax = Math.max(yMax, d[i + 1]);
    }
  }
  const half = Math.max(xMax - xMin, yMax - yMin, 1e-6) * 0.55;
  const cx = (xMin + xMax) / 2, cy = (yMin + yMax) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

/** Size of the boundary view in SVG units, and its plot area. */
export const BOUNDARY_WIDTH = 360, BOUNDARY_HEIGHT = 380;
/** The plot area of the boundary view (the shading's place). */
export const BOUNDARY_AREA: Readonly<Area> = Object.freeze({
  left: 52,
  top: 52,
  width: 294,
  height: 284,
});

/** Options of {@linkcode boundarySvg}. */
export interface BoundaryOptions {
  /** Title. */
  title: string;
  /** The region shown. */
  domain: Domain;
  /** Training points (filled dots). */
  train: Dataset;
  /** Test points (rings). */
  test: Dataset;
  /** Markup filling the plot area (the shading), placed under the points. */
  shading: string;
}

/**
 * The decision-boundary view: title, legend, axes, the shading markup in the plot area, the
 * training points as dots and the test points as rings, coloured by class.
 */
export function boundarySvg(options: BoundaryOptions): string {
  const area = BOUNDARY_AREA, { domain } = options;
  const sx = scale(domain.x0, domain.x1, area.left, area.left + area.width);
  const sy = scale(domain.y0, domain.y1, area.top + area.height, area.top);
  const points = (set: Dataset, ring: boolean) => {
    const labels = set.y as Int32Array, d = set.x.data;
    const marks: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      // Dots outlined in dark ink as in plotDecisionBoundary (class 1's yellow on its shading
      // needs it); rings in their class's colour around white.
      const color = CLASS_COLORS[labels[i] === 1 ? 1 : 0];
      const fill = ring ? "white" : color;
      const stroke = ring ? color : INK;
      marks.push(
        `<circle cx="${round(sx(d[2 * i]))}" cy="${
          round(sy(d[2 * i + 1]))
        }" r="3.3" fill="${fill}" stroke="${stroke}" stroke-width="${ring ? 1.6 : 0.6}"/>`,
      );
    }
    return marks.join("");
  };
  return svgOpen(BOUNDARY_WIDTH, BOUNDARY_HEIGHT, options.title) +
    title(options.title) +
    legend(
      [
        { label: "class 0", color: CLASS_COLORS[0], mark: "dot" },
        { label: "class 1", color: CLASS_COLORS[1], mark: "dot" },
        { label: "training", color: MUTED, mark: "dot" },
        { label: "test", color: MUTED, mark: "ring" },
      ],
      12,
      38,
      BOUNDARY_WIDTH - 8,
    ) +
    `<g>${options.shading}</g>` +
    axes(
      area,
      { min: domain.x0, max: domain.x1, label: "x₁", ticks: niceTicks(domain.x0, domain.x1, 5) },
      { min: domain.y0, max: domain.y1, label: "x₂", ticks: niceTicks(domain.y0, domain.y1, 5) },
      false,
    ) +
    points(options.train, false) + points(options.test, true) + `</svg>`;
}
