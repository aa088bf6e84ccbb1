/**
 * One bar per layer: dead fraction per layer, gradient norm per layer, and the like.
 *
 * @module
 */

import { requireFlag } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import {
  colorsOption,
  composeFigure,
  figureText,
  hasText,
  logTickFormat,
  optionalDomain,
  optionalText,
  renderPlot,
  resolveDocument,
  size,
  swatches,
  typeError,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureElement, FigureOptions } from "./types.ts";
import { type OptionKeys, requireOptions } from "../core/validate.ts";

/** One bar of {@linkcode plotLayerBars}: a value for a layer, optionally in a named series. */
export interface LayerValue {
  /** The layer, as a number (counted from 1 in labels) or a name. */
  layer: number | string;
  /** The value for this layer. */
  value: number;
  /** The series (run, activation) the bar belongs to. Default: `""` (one series). */
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
   * fractions. Default: from 0 (or the log base) to the largest value.
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

/**
 * Draws one bar per layer, grouped by series when there are several: the dead fraction of each
 * activation layer, or the gradient norm of each layer with weights on a log scale. A value that
 * is not finite (a run that diverged) is not left out silently: an × marks its place at the foot
 * of the axis, and the legend says what it means. So is a value of 0 or below on a log scale,
 * which no bar can show (a layer whose gradient is exactly zero): a 0 marks its place.
 *
 * @param perLayer Values in layer order (labelled 1, 2, ...), or `{ layer, value, series }` rows.
 * @param options Labels, scale and figure text; see {@linkcode PlotLayerBarsOptions}.
 * @returns An `<svg>` element, or a `<figure>` when there are several series, a marked value (×
 *   or 0), a title, subtitle or caption.
 *
 * @example
 * ```ts
 * import { plotLayerBars } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const svg = plotLayerBars([0.1, 0.35, 0.6], { yLabel: "dead fraction", yDomain: [0, 1] });
 * assert.equal(svg.querySelectorAll("g[aria-label=bar] rect").length, 3);
 * ```
 */
export function plotLayerBars(
  perLayer: readonly number[] | readonly LayerValue[],
  options: PlotLayerBarsOptions = {},
): FigureElement {
  const action = "plot layer bars";
  requireOptions(action, options, PLOT_LAYER_BARS_KEYS);
  const text = figureText(action, options);
  if (!Array.isArray(perLayer)) {
    typeError(action, "perLayer", "an array of numbers or { layer, value, series } rows", perLayer);
  }
  const rows: { layer: string; value: number; series: string }[] = perLayer.map((item, i) => {
    if (typeof item === "number") return { layer: String(i + 1), value: item, series: "" };
    if (item === null || typeof item !== "object" || typeof item.value !== "number") {
      typeError(action, `perLayer[${i}]`, "a number or a { layer, value, series } row", item);
    }
    return { layer: String(item.layer), value: item.value, series: String(item.series ?? "") };
  });
  const names = [...new Set(rows.map((row) => row.series))];
  const layers = [...new Set(rows.map((row) => row.layer))];
  const grouped = names.length > 1;
  const colors = colorsOption(action, options.colors, names);
  const logY = requireFlag(action, "logY", options.logY, false);
  const yDomain = optionalDomain(action, "yDomain", options.yDomain, logY);
  let base = 0;
  if (logY && yDomain) {
    base = yDomain[0]; // the bars stand on the foot of the axis the caller chose
  } else if (logY) {
    const positive = rows.map((row) => row.value).filter((v) => v > 0);
    // A power of ten at least a third of a decade below the smallest bar, so every bar shows.
    base = positive.length === 0 ? 1 : 10 ** Math.floor(Math.log10(Math.min(...positive)) - 0.3);
  }
  const bars = rows.filter((row) => Number.isFinite(row.value) && (!logY || row.value > 0));
  // A run that diverged has no value: an × at the foot of its slot says so, never a gap. A value
  // a log scale cannot show (0 or below) gets a 0 there.
  const missing = rows.filter((row) => !Number.isFinite(row.value));
  const belowLog = logY ? rows.filter((row) => Number.isFinite(row.value) && row.value <= 0) : [];
  const document = resolveDocument(action, options);
  const xLabel = optionalText(action, "xLabel", options.xLabel) ?? "layer";
  const chart = renderPlot(document, {
    width: size(action, "width", options.width, plotDefaults.width),
    height: size(action, "height", options.height, 300),
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
      ...(logY ? { tickFormat: logTickFormat, ticks: logTicks(base, bars, yDomain?.[1]) } : {}),
      ...(yDomain ? { domain: yDomain } : {}),
    },
    color: { type: "ordinal", domain: names, range: colors },
    marks: [
      Plot.barY(bars, {
        x: grouped ? "series" : "layer",
        ...(grouped ? { fx: "layer" } : {}),
        y1: base,
        y2: "value",
        fill: grouped ? "series" : colors[0],
      }),
      ...(logY ? [] : [Plot.ruleY([0], { stroke: "#888" })]),
      // A mark at the foot of each slot without a bar: × for no finite value, 0 for one a log
      // scale cannot show.
      ...([[missing, "×", 18, "no value"], [belowLog, "0", 14, "not above 0"]] as const).map((
        [rows, mark, fontSize, ariaDescription],
      ) =>
        Plot.text(rows, {
          x: grouped ? "series" : "layer",
          ...(grouped ? { fx: "layer" } : {}),
          y: () => yDomain?.[0] ?? base,
          text: () => mark,
          fill: grouped ? "series" : colors[0],
          fontSize,
          fontWeight: "bold",
          dy: -fontSize / 2,
          ariaDescription,
        })
      ),
    ],
  });
  const notes = [
    ...(missing.length > 0 ? ["×: no finite value (a run that diverged)"] : []),
    ...(belowLog.length > 0 ? ["0: a value of 0 or below, under the log axis"] : []),
  ];
  const figured = grouped || notes.length > 0 || hasText(text);
  if (!figured) return chart;
  const note = notes.length > 0 ? notes.join("; ") : undefined;
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
 * The ticks of a log axis from `base` to the largest value (or to `top`, the domain's upper end,
 * when given): the powers of ten, and where they give fewer than three ticks (values within two
 * decades) their multiples by 2 and 5 too, so that the axis can be read.
 */
function logTicks(base: number, bars: readonly { value: number }[], top?: number): number[] {
  const end = (top ?? Math.max(base, ...bars.map((bar) => bar.value))) * 1.0001;
  const first = Math.ceil(Math.log10(base) - 1e-9);
  let decades = 0;
  for (let e = first; 10 ** e <= end; e++) decades++;
  const multiples = decades >= 3 ? [1] : [1, 2, 5];
  const ticks: number[] = [];
  for (let e = first - 1; 10 ** e <= end; e++) {
    for (const m of multiples) {
      const tick = m * 10 ** e;
      if (tick >= base * (1 - 1e-9) && tick <= end) ticks.push(tick);
    }
  }
  return ticks;
}
