/**
 * Histograms of pre-activations (or any values), with a rule at 0.
 *
 * @module
 */

import { requireFlag } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import {
  colorsOption,
  composeFigure,
  figureText,
  hasText,
  optionalDomain,
  optionalText,
  renderPlot,
  requireDistinctNames,
  resolveDocument,
  size,
  swatches,
  typeError,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureElement, FigureOptions } from "./types.ts";

/** One named group of values for {@linkcode plotHistogram}, drawn in its own row. */
export interface HistogramGroup {
  /**
   * The name shown beside the row and in the legend, e.g. `"layer 1"`; no two groups may share
   * one.
   */
  name: string;
  /** The values. */
  values: ArrayLike<number>;
}

/** Options for {@linkcode plotHistogram}. */
export interface PlotHistogramOptions extends FigureOptions {
  /** The approximate number of bins (Plot picks nice thresholds near it). Default: `40`. */
  bins?: number;
  /** The x axis label. Default: `"pre-activation z"`. */
  xLabel?: string;
  /** The y axis label. Default: `"count"`. */
  yLabel?: string;
  /** Draw a vertical rule at x = 0, where ReLU cuts. Default: `true`. */
  zeroRule?: boolean;
  /** The x domain `[min, max]` with min < max. Default: the extent of the values. */
  xDomain?: readonly [number, number];
  /**
   * Colours, one per group. Default: {@linkcode plotDefaults}`.colors`, for up to ten groups; more
   * need colours given.
   */
  colors?: readonly string[];
  /** Height in pixels. Default: `240`, plus `120` per extra group. */
  height?: number;
}

const PLOT_HISTOGRAM_KEYS: OptionKeys<PlotHistogramOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
  width: "number",
  height: "number",
  bins: "number",
  xLabel: true,
  yLabel: true,
  zeroRule: true,
  xDomain: true,
  colors: true,
};

/**
 * Draws a histogram of values, by default pre-activations z with a rule at z = 0, so the mass
 * that ReLU zeroes is visible. Several groups (one per layer, say) are drawn in rows that share
 * the x axis.
 *
 * @param values The values, or named groups of values.
 * @param options Bins, labels and figure text; see {@linkcode PlotHistogramOptions}.
 * @returns An `<svg>` element, or a `<figure>` when there are groups, a title, subtitle or caption.
 *
 * @example
 * ```ts
 * import { plotHistogram } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const svg = plotHistogram([-1.5, -0.5, -0.2, 0.3, 0.4, 1.2], { bins: 4 });
 * assert.equal(svg.tagName.toLowerCase(), "svg");
 * assert.ok(svg.querySelectorAll("g[aria-label=rect] rect").length >= 3);
 * // The baseline and the dashed rule at z = 0.
 * assert.equal(svg.querySelectorAll("g[aria-label=rule] line").length, 2);
 * ```
 */
export function plotHistogram(
  values: ArrayLike<number> | readonly HistogramGroup[],
  options: PlotHistogramOptions = {},
): FigureElement {
  const action = "plot a histogram";
  requireOptions(action, options, PLOT_HISTOGRAM_KEYS);
  const text = figureText(action, options);
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    typeError(action, "values", "an array of numbers or of { name, values } groups", values);
  }
  const grouped = values.length > 0 && typeof values[0] === "object";
  const groups: HistogramGroup[] = grouped
    ? [...(values as readonly HistogramGroup[])]
    : [{ name: "", values: values as ArrayLike<number> }];
  const rows: { z: number; group: string }[] = [];
  groups.forEach((group, g) => {
    if (group === null || typeof group !== "object" || group.values === undefined) {
      typeError(action, `values[${g}]`, "a { name, values } group", group);
    }
    for (let i = 0; i < group.values.length; i++) {
      const z = group.values[i];
      if (Number.isFinite(z)) rows.push({ z, group: String(group.name) });
    }
  });
  const bins = requireNumber(action, "bins", options.bins ?? plotDefaults.bins, {
    integer: true,
    min: 1,
  });
  const names = groups.map((group) => String(group.name));
  if (grouped) requireDistinctNames(action, names, (i) => `values[${i}].name`);
  const colors = colorsOption(action, options.colors, names, "groups");
  const zeroRule = requireFlag(action, "zeroRule", options.zeroRule, true);
  const xDomain = optionalDomain(action, "xDomain", options.xDomain);
  const document = resolveDocument(action, options);
  const height = size(
    action,
    "height",
    options.height,
    240 + 120 * (groups.length - 1),
  );
  const marks: Plot.Markish[] = [
    Plot.rectY(
      rows,
      Plot.binX<Plot.RectYOptions>({ y: "count" }, {
        x: "z",
        thresholds: bins,
        fill: grouped ? "group" : colors[0],
        fillOpacity: 0.85,
        insetLeft: 0.5,
        insetRight: 0.5,
        ...(grouped ? { fy: "group" } : {}),
      }),
    ),
    Plot.ruleY([0], { stroke: "#888" }),
  ];
  if (zeroRule) {
    marks.push(Plot.ruleX([0], { stroke: "#d62728", strokeWidth: 1.5, strokeDasharray: "4,3" }));
  }
  const chart = renderPlot(document, {
    width: size(action, "width", options.width, plotDefaults.width),
    height,
    marginLeft: 56,
    marginBottom: 40,
    marginRight: grouped ? 80 : 20,
    grid: true,
    x: {
      label: optionalText(action, "xLabel", options.xLabel) ?? "pre-activation z",
      labelAnchor: "center",
      labelArrow: "none",
      ...(xDomain ? { domain: xDomain } : {}),
    },
    y: {
      label: optionalText(action, "yLabel", options.yLabel) ?? "count",
      labelAnchor: "center",
      labelArrow: "none",
    },
    ...(grouped ? { fy: { label: null, domain: names } } : {}),
    color: { type: "ordinal", domain: names, range: colors },
    marks,
  });
  const figured = grouped || hasText(text);
  if (!figured) return chart;
  return composeFigure(document, {
    ...text,
    legends: grouped
      ? [
        swatches(
          document,
          names.map((name, i) => ({ name, color: colors[i % colors.length], kind: "square" })),
          zeroRule ? "dashed: z = 0" : undefined,
        ),
      ]
      : [],
    charts: [chart],
  });
}
