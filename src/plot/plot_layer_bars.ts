/**
 * One bar per layer: dead fraction per layer, gradient norm per layer, and the like.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import {
  arrayError,
  clampToDomain,
  colorsOption,
  composeFigure,
  figureText,
  hasText,
  logTickFormatFor,
  optionalDomain,
  optionalText,
  rangeError,
  renderPlot,
  resolveDocument,
  size,
  swatches,
  typeError,
  withinDomain,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureElement, FigureOptions } from "./types.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";

/** One bar of {@linkcode plotLayerBars}: a value for a layer, optionally in a named series. */
export interface LayerValue {
  /** The layer, as a number (counted from 1 in labels) or a non-empty name; once per series. */
  layer: number | string;
  /** The value for this layer. */
  value: number;
  /**
   * The series (run, activation) the bar belongs to, given in every row or in none. Default:
   * `""` (one series).
   */
  series?: string;
}

/** Options for {@linkcode plotLayerBars}. */
export interface PlotLayerBarsOptions extends FigureOptions {
  /** The y axis label, with units where there are any. Default: `"value"`. */
  yLabel?: string;
  /** The x axis label. Default: `"layer"`. */
  xLabel?: string;
  /**
   * Use a logarithmic y scale (gradient norms across depth); bars then start at the power of
   * ten below the smallest value (a third of a decade or more). Default: `false`.
   */
  logY?: boolean;
  /**
   * The y domain `[min, max]` with min < max (and min > 0 with `logY`), e.g. `[0, 1]` for
   * fractions. Bars are cut at its edges, and a value whose bar lies wholly outside it is marked
   * (see {@linkcode plotLayerBars}). Default: from 0 (or the log base) to the largest value.
   */
  yDomain?: readonly [number, number];
  /**
   * Colours, one per series. Default: {@linkcode plotDefaults}`.colors`, for up to ten
   * series; more need colours given.
   */
  colors?: readonly string[];
  /** Height in pixels. Default: `300`. */
  height?: number;
}

const PLOT_LAYER_BARS_KEYS: OptionKeys<PlotLayerBarsOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
  width: "number",
  height: "number",
  yLabel: true,
  xLabel: true,
  logY: true,
  yDomain: true,
  colors: true,
};

const LAYER_VALUE_KEYS: OptionKeys<LayerValue> = { layer: true, value: "number", series: true };

/** One row as drawn: the label of its layer's slot, its value and its series. */
interface Row {
  layer: string;
  value: number;
  series: string;
}

/** How a value without a bar is marked, and where: at the foot of the axis or at its top. */
interface Marking {
  text: string;
  fontSize: number;
  /** The marks' `aria-description`. */
  description: string;
  /** What the mark means, in the legend. */
  note: string;
  at: "foot" | "top";
}

/** The values drawn as a mark rather than a bar, by kind, in the order the legend names them. */
const MARKINGS = {
  missing: {
    text: "×",
    fontSize: 18,
    description: "no value",
    note: "×: no finite value (a run that diverged)",
    at: "foot",
  },
  notPositive: {
    text: "0",
    fontSize: 14,
    description: "not above 0",
    note: "0: a value of 0 or below, under the log axis",
    at: "foot",
  },
  below: {
    text: "↓",
    fontSize: 14,
    description: "below the y domain",
    note: "↓: a value below the y domain (its bar, if any, cut at the foot)",
    at: "foot",
  },
  above: {
    text: "↑",
    fontSize: 14,
    description: "above the y domain",
    note: "↑: a value above the y domain (its bar, if any, cut at the top)",
    at: "top",
  },
} as const satisfies Record<string, Marking>;

/** How a row is drawn: as a bar, or as one of the {@linkcode MARKINGS}. */
type Kind = "bar" | keyof typeof MARKINGS;

/**
 * Draws one bar per layer, grouped by series when there are several: the dead fraction of each
 * activation layer, or the gradient norm of each layer with weights on a log scale. A value that
 * is not finite (a run that diverged) is not left out silently: an × marks its place at the foot
 * of the axis, and the legend says what it means. So is a value of 0 or below on a log scale,
 * which no bar can show (a layer whose gradient is exactly zero): a 0 marks its place.
 *
 * With a `yDomain`, nothing is drawn outside the chart, and nothing beyond the domain passes
 * unsaid: a value above it gets an ↑ over the top edge, its bar (if it starts within the domain)
 * cut at that edge; a value below it gets a ↓ at the foot, white in its bar when one is drawn
 * (a negative bar cut at the foot); the legend names both.
 *
 * @param perLayer Values in layer order (labelled 1, 2, ...), or `{ layer, value, series }` rows:
 *   `layer` a number or a non-empty name, each layer at most once in each series; `series` a
 *   name, given in every row or in none.
 * @param options Labels, scale and figure text; see {@linkcode PlotLayerBarsOptions}.
 * @returns An `<svg>` element, or a `<figure>` when there are several series, a marked value (×,
 *   0, ↓ or ↑), a title, subtitle or caption.
 *
 * @example
 * ```ts
 * import { plotLayerBars } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const svg = plotLayerBars([0.1, 0.35, 0.6], { yLabel: "dead fraction", yDomain: [0, 1] });
 * assert.equal(svg.querySelectorAll("g[aria-label=bar] rect").length, 3);
 *
 * // A gradient that vanished (0) and one that overflowed (Infinity) are marked, not left out.
 * const norms = plotLayerBars([0, 0.5, Infinity], { logY: true });
 * assert.equal(norms.querySelectorAll("g[aria-label=bar] rect").length, 1);
 * assert.equal(norms.querySelectorAll("g[aria-description='no value'] text").length, 1);
 * assert.equal(norms.querySelectorAll("g[aria-description='not above 0'] text").length, 1);
 *
 * // Each layer once per series: a second bar in the same slot would hide behind the first.
 * assert.throws(() => plotLayerBars([{ layer: 1, value: 0.5 }, { layer: 1, value: 0.2 }]), {
 *   name: "RangeError",
 *   message:
 *     'Cannot plot layer bars as perLayer[1].layer must be a layer not given before (perLayer[0] has it): perLayer[1].layer="1"',
 * });
 * ```
 */
export function plotLayerBars(
  perLayer: readonly number[] | readonly LayerValue[],
  options?: PlotLayerBarsOptions,
): FigureElement;
export function plotLayerBars(
  perLayer: readonly number[] | readonly LayerValue[],
  options: PlotLayerBarsOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "plot layer bars";
  refuseTrailing(action, "plotLayerBars", "perLayer and options", "third", extra);
  requireOptions(action, options, PLOT_LAYER_BARS_KEYS);
  const text = figureText(action, options);
  const rows = layerRows(action, perLayer);
  const names = [...new Set(rows.map((row) => row.series))];
  const layers = [...new Set(rows.map((row) => row.layer))];
  const grouped = names.length > 1;
  const colors = colorsOption(action, options.colors, names);
  const logY = requireFlag(action, "logY", options.logY, false);
  const yDomain = optionalDomain(action, "yDomain", options.yDomain, logY);
  const height = size(action, "height", options.height, 300);
  const base = barBase(rows, logY, yDomain);
  // Bars are cut at the domain's edges, so that none is drawn outside the chart.
  const clamp = (v: number) => clampToDomain(v, yDomain);
  const kinds = rows.map((row) => kindOf(row.value, logY, yDomain));
  // A value beyond the domain keeps the part of its bar within it, if any, beside its arrow.
  const hasBar = rows.map((row, i) =>
    kinds[i] === "bar" ||
    ((kinds[i] === "below" || kinds[i] === "above") && clamp(base) !== clamp(row.value))
  );
  const bars = rows.filter((_, i) => hasBar[i]);
  const marked = (Object.keys(MARKINGS) as (keyof typeof MARKINGS)[])
    .map((kind) => ({ kind, rows: rows.filter((_, i) => kinds[i] === kind) }))
    .filter((group) => group.rows.length > 0);
  const onBar = new Set(rows.filter((_, i) => hasBar[i] && kinds[i] === "below"));
  const document = resolveDocument(action, options);
  const xLabel = optionalText(action, "xLabel", options.xLabel) ?? "layer";
  const slot = { x: grouped ? "series" : "layer", ...(grouped ? { fx: "layer" } : {}) };
  const top = yDomain?.[1] ?? Math.max(base, ...bars.map((bar) => bar.value));
  const chart = renderPlot(document, {
    width: size(action, "width", options.width, plotDefaults.width),
    height,
    marginLeft: 56,
    marginBottom: 40,
    x: grouped ? { axis: null, domain: names, paddingInner: 0.1 } : {
      label: xLabel,
      labelAnchor: "center",
      labelArrow: "none",
      domain: layers,
      padding: 0.25,
    },
    ...(grouped
      ? {
        fx: {
          label: xLabel,
          labelAnchor: "center",
          domain: layers,
          padding: 0.15,
        },
      }
      : {}),
    y: {
      label: optionalText(action, "yLabel", options.yLabel) ?? "value",
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
      type: logY ? "log" : "linear",
      ...(logY
        ? { tickFormat: logTickFormatFor([base, top]), ticks: logTicks(base, top, height) }
        : {}),
      ...(yDomain ? { domain: yDomain } : {}),
    },
    color: { type: "ordinal", domain: names, range: colors },
    marks: [
      Plot.barY(bars, {
        ...slot,
        y1: () => clamp(base),
        y2: (row: Row) => clamp(row.value),
        fill: grouped ? "series" : colors[0],
      }),
      // The rule at 0, where the bars of a linear scale stand, when 0 is on the axis.
      ...(!logY && withinDomain(0, yDomain) ? [Plot.ruleY([0], { stroke: "#888" })] : []),
      // A mark in each slot of a value with no bar or beyond the domain: at the foot of the axis
      // (white on a bar cut there), or over its top edge.
      ...marked.map(({ kind, rows }) => {
        const { text, fontSize, description, at } = MARKINGS[kind];
        const y = at === "top" ? yDomain![1] : yDomain?.[0] ?? base;
        const color = (row: Row) =>
          onBar.has(row) ? "white" : grouped ? colors[names.indexOf(row.series)] : colors[0];
        return Plot.text(rows, {
          ...slot,
          y: () => y,
          text: () => text,
          fill: color,
          fontSize,
          fontWeight: "bold",
          dy: -fontSize / 2, // over the top edge, or within the chart above its foot
          ariaDescription: description,
        });
      }),
    ],
  });
  const note = marked.length > 0
    ? marked.map(({ kind }) => MARKINGS[kind].note).join("; ")
    : undefined;
  if (!grouped && note === undefined && !hasText(text)) return chart;
  return composeFigure(document, {
    ...text,
    legends: grouped || note !== undefined
      ? [
        swatches(
          document,
          grouped
            ? names.map((name, i) => ({ name, color: colors[i % colors.length], kind: "square" }))
            : [],
          note,
        ),
      ]
      : [],
    charts: [chart],
  });
}

/**
 * Checks `perLayer` and returns its rows. A row's layer must be a number or a non-empty name
 * (a missing one would label its slot "undefined" and stack rows in it), given once in each
 * series (two bars in one slot are drawn on top of each other, the shorter hidden), and a
 * series name must be given in every row or in none (an unnamed series has no legend entry).
 */
function layerRows(action: string, perLayer: readonly (number | LayerValue)[]): Row[] {
  if (!Array.isArray(perLayer)) {
    typeError(action, "perLayer", "an array of numbers or { layer, value, series } rows", perLayer);
  }
  // No layer: an empty chart with nothing to say why, as the other plot helpers refuse.
  if (perLayer.length === 0) {
    arrayError(
      action,
      "perLayer",
      "a non-empty array of numbers or { layer, value, series } rows",
      perLayer,
    );
  }
  const rows = perLayer.map((item, i) => layerRow(action, item, i));
  const grouped = new Set(rows.map((row) => row.series)).size > 1;
  const first = new Map<string, number>();
  rows.forEach((row, i) => {
    if (grouped && row.series === "") {
      typeError(
        action,
        `perLayer[${i}].series`,
        "a series name, as other rows give",
        (perLayer[i] as LayerValue).series,
      );
    }
    const key = JSON.stringify([row.series, row.layer]);
    const j = first.get(key);
    if (j !== undefined) {
      const within = grouped ? ` in series ${formatValue(row.series)}` : "";
      rangeError(
        action,
        `perLayer[${i}].layer`,
        `a layer not given before${within} (perLayer[${j}] has it)`,
        row.layer,
      );
    }
    first.set(key, i);
  });
  return rows;
}

/** Checks one item of `perLayer`: a number (its layer is its position + 1) or a row. */
function layerRow(action: string, item: number | LayerValue, i: number): Row {
  if (typeof item === "number") return { layer: String(i + 1), value: item, series: "" };
  const name = `perLayer[${i}]`;
  if (item === null || typeof item !== "object" || typeof item.value !== "number") {
    typeError(action, name, "a number or a { layer, value, series } row", item);
  }
  requireOptions(action, item, LAYER_VALUE_KEYS, name);
  const layer: unknown = item.layer;
  if (typeof layer === "number") requireNumber(action, `${name}.layer`, layer);
  else if (typeof layer !== "string") {
    typeError(action, `${name}.layer`, "a layer number or name", layer);
  } else if (layer === "") rangeError(action, `${name}.layer`, "a non-empty name", layer);
  const series = optionalText(action, `${name}.series`, item.series) ?? "";
  return { layer: String(layer), value: item.value, series };
}

/**
 * The value the bars stand on: 0 on a linear scale; on a log scale the foot of the `yDomain`,
 * else a power of ten at least a third of a decade below the smallest finite value above 0, so
 * that every bar shows (1 when there is none; 1e-323 at the least, the smallest power of ten in
 * float64).
 */
function barBase(
  rows: readonly Row[],
  logY: boolean,
  yDomain: readonly [number, number] | undefined,
): number {
  if (!logY) return 0;
  if (yDomain) return yDomain[0];
  let least = Infinity;
  for (const { value } of rows) if (value > 0 && value < least) least = value;
  if (least === Infinity) return 1;
  return 10 ** Math.max(-323, Math.floor(Math.log10(least) - 0.3));
}

/**
 * How a value is marked: as a plain bar, or as one with no finite value, one that a log scale
 * cannot show, or one beyond an end of the `yDomain` (whose bar, if any, is cut there).
 */
function kindOf(
  value: number,
  logY: boolean,
  yDomain: readonly [number, number] | undefined,
): Kind {
  if (!Number.isFinite(value)) return "missing";
  if (logY && value <= 0) return "notPositive";
  if (yDomain === undefined) return "bar";
  if (value < yDomain[0]) return "below";
  if (value > yDomain[1]) return "above";
  return "bar";
}

/**
 * The ticks of a log axis from `base` to `top`: the powers of ten, and where they give fewer than
 * three ticks (values within two decades) their multiples by 2 and 5 too, so that the axis can be
 * read; across more decades than a `height`-pixel chart has room for (a tick label every 14 px),
 * every second, third, ... power of ten down from the top. The loop runs over integer exponents
 * between finite bounds, so it ends whatever the values.
 */
function logTicks(base: number, top: number, height: number): number[] {
  const end = Math.min(top * 1.0001, Number.MAX_VALUE);
  const first = Math.ceil(Math.log10(base) - 1e-9);
  const last = Math.floor(Math.log10(end));
  if (!Number.isInteger(first) || !Number.isInteger(last)) return [];
  const decades = last - first + 1;
  const multiples = decades >= 3 ? [1] : [1, 2, 5];
  // The chart's margins take 60 px of its height.
  const step = Math.ceil(decades / Math.max(2, Math.floor((height - 60) / 14)));
  const ticks: number[] = [];
  for (let e = first - 1; e <= last; e++) {
    if (step > 1 && (last - e) % step !== 0) continue;
    for (const m of multiples) {
      const tick = m * 10 ** e;
      if (tick >= base * (1 - 1e-9) && tick <= end) ticks.push(tick);
    }
  }
  return ticks;
}
