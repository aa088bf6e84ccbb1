/**
 * Histograms of pre-activations (or any values), with a rule at 0.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import {
  colorsOption,
  composeFigure,
  figureText,
  finiteExtent,
  hasText,
  optionalDomain,
  optionalText,
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
import type { FigureElement, FigureOptions } from "./types.ts";

/** One named group of values for {@linkcode plotHistogram}, drawn in its own row. */
export interface HistogramGroup {
  /**
   * The name shown beside the row and in the legend, a string, e.g. `"layer 1"`; no two groups
   * may share one.
   */
  name: string;
  /** The values, at least one; non-finite ones are left out of the bins (and counted). */
  values: ArrayLike<number>;
}

/** Options for {@linkcode plotHistogram}. */
export interface PlotHistogramOptions extends FigureOptions {
  /**
   * The approximate number of bins (Plot picks nice thresholds near it); with `xDomain`, the exact
   * number of equal bins spanning it. At most 1,000. Default: `40`.
   */
  bins?: number;
  /** The x axis label. Default: `"pre-activation z"`. */
  xLabel?: string;
  /** The y axis label. Default: `"count"`. */
  yLabel?: string;
  /**
   * Draw a vertical rule at x = 0, where ReLU cuts (when 0 lies in the x domain). Default: `true`.
   */
  zeroRule?: boolean;
  /**
   * The x domain `[min, max]` with min < max. Values outside it are left out of the bins, and
   * counted above the chart. Default: the extent of the values, widened about them (± 0.5 or
   * more, and out to 0 for its rule) when they are all equal or too close for their magnitude to
   * split into bins.
   */
  xDomain?: readonly [number, number];
  /**
   * Colours, one per group. Default: {@linkcode plotDefaults}`.colors`, for up to ten groups; more
   * need colours given.
   */
  colors?: readonly string[];
  /** Height in pixels. Default: `240`, plus `120` per extra group. */
  height?: number;
}

/** The keys a group may have: a typo such as `colour` would be ignored. */
const HISTOGRAM_GROUP_KEYS: OptionKeys<HistogramGroup> = { name: true, values: true };

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
 * the x axis. Values that are not finite (a diverged layer's), or outside a given `xDomain`, are
 * left out of the bins, and a note above the chart says how many, per group. A group has only
 * the keys `name` and `values`: any other key (a typo such as `colour`) is refused.
 *
 * @param values The values (at least one), or named groups of values.
 * @param options Bins, labels and figure text; see {@linkcode PlotHistogramOptions}.
 * @returns An `<svg>` element, or a `<figure>` when there are groups, a title, subtitle or caption,
 * or values left out.
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
 *
 * // What is left out of the bins is said, not dropped without a word.
 * const figure = plotHistogram([-0.5, 0.2, 0.4, 3, NaN], { xDomain: [-1, 1] });
 * assert.match(figure.textContent ?? "", /left out: 1 non-finite value, 1 outside \[-1, 1\]/);
 * ```
 */
export function plotHistogram(
  values: ArrayLike<number> | readonly HistogramGroup[],
  options?: PlotHistogramOptions,
): FigureElement;
export function plotHistogram(
  values: ArrayLike<number> | readonly HistogramGroup[],
  options: PlotHistogramOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "plot a histogram";
  refuseTrailing(action, "plotHistogram", "values and options", "third", extra);
  requireOptions(action, options, PLOT_HISTOGRAM_KEYS);
  const text = figureText(action, options);
  const shape = "an array of numbers or of { name, values } groups";
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    typeError(action, "values", shape, values);
  }
  // An empty array would draw an empty chart.
  if (values.length === 0) typeError(action, "values", `a non-empty ${shape.slice(3)}`, values);
  const grouped = typeof values[0] === "object";
  const groups: HistogramGroup[] = grouped
    ? [...(values as readonly HistogramGroup[])]
    : [{ name: "", values: values as ArrayLike<number> }];
  if (grouped) groups.forEach((group, g) => requireGroup(action, group, g));
  // At most 1,000: more bins than a chart has pixels across draws nothing more, and took 7.9 s
  // at 10^7.
  const bins = requireNumber(action, "bins", options.bins ?? plotDefaults.bins, {
    integer: true,
    min: 1,
    max: 1000,
  });
  const names = groups.map((group) => group.name);
  if (grouped) requireDistinctNames(action, names, (i) => `values[${i}].name`);
  const colors = colorsOption(action, options.colors, names, "groups");
  const xDomain = optionalDomain(action, "xDomain", options.xDomain);
  // Finite ends whose distance overflows (±1e308) leave no finite bin width: no bar is drawn.
  if (xDomain !== undefined && !Number.isFinite(xDomain[1] - xDomain[0])) {
    rangeError(action, "xDomain", "[min, max] with a finite width max - min", xDomain);
  }
  const zeroRuleOption = requireFlag(action, "zeroRule", options.zeroRule, true);
  const rows: { z: number; group: string }[] = [];
  const leftOut = groups.map((group, g) => {
    const label = grouped ? `values[${g}].values` : "values";
    const counts = { nonFinite: 0, outside: 0 };
    for (let i = 0; i < group.values.length; i++) {
      const z = group.values[i];
      if (typeof z !== "number") typeError(action, `${label}[${i}]`, "a number", z);
      if (!Number.isFinite(z)) counts.nonFinite++;
      else if (!withinDomain(z, xDomain)) counts.outside++;
      else rows.push({ z, group: group.name });
    }
    return counts;
  });
  // Values all equal, or too close for their magnitude to split into bins, are binned over a
  // domain widened about them (and to 0, for its rule): Plot's thresholds would collapse into
  // bars of no width, counting only some of the values.
  const binDomain = xDomain ?? widenedDomain(rows.map((row) => row.z), bins, zeroRuleOption);
  const zeroRule = zeroRuleOption && withinDomain(0, binDomain);
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
        thresholds: binDomain ? domainThresholds(binDomain, bins) : bins,
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
      // The last bin ends a hair beyond the domain (see domainThresholds): clamped to its edge.
      ...(binDomain ? { domain: binDomain, clamp: true } : {}),
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
  const notes = [
    ...(grouped && zeroRule ? ["dashed: z = 0"] : []),
    ...leftOutNotes(leftOut, grouped ? names : undefined, xDomain),
  ];
  const note = notes.length === 0 ? undefined : notes.join("; ");
  const figured = grouped || hasText(text) || note !== undefined;
  if (!figured) return chart;
  const keys = grouped
    ? names.map((name, i) => ({ name, color: colors[i % colors.length], kind: "square" as const }))
    : [];
  return composeFigure(document, {
    ...text,
    legends: keys.length > 0 || note !== undefined ? [swatches(document, keys, note)] : [],
    charts: [chart],
  });
}

/**
 * Checks a group: an object with a string name and a non-empty array of values, and no other key.
 */
function requireGroup(action: string, group: HistogramGroup, g: number): void {
  if (group === null || typeof group !== "object") {
    typeError(action, `values[${g}]`, "a { name, values } group", group);
  }
  if (typeof group.name !== "string") {
    typeError(action, `values[${g}].name`, "a string", group.name);
  }
  const values = group.values;
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    typeError(action, `values[${g}].values`, "an array of numbers", values);
  }
  if (values.length === 0) {
    rangeError(action, `values[${g}].values.length`, "at least 1 (a row with no bars)", 0);
  }
  requireOptions(action, group, HISTOGRAM_GROUP_KEYS, `values[${g}]`);
}

/**
 * `bins` equal bins spanning `[min, max]` exactly. Plot's bins leave out their upper edge, so the
 * last ends a hair beyond max, to keep values at max in.
 */
function domainThresholds([min, max]: readonly [number, number], bins: number): number[] {
  const step = (max - min) / bins;
  return Array.from(
    { length: bins + 1 },
    (_, i) => i === bins ? max + step * 1e-9 : min + step * i,
  );
}

/**
 * A domain about values whose extent is too narrow for `bins` bins (equal values, or values such
 * as 1e15 and 1e15 + 1, whose bins would be below the precision of their magnitude): their
 * middle ± 0.5, or ± enough for each bin to span 16 representable steps, reaching 0 when
 * `withZero` (where the rule at 0 is). `undefined` when the extent splits into bins as it is (or
 * there is no value).
 */
function widenedDomain(
  values: readonly number[],
  bins: number,
  withZero: boolean,
): [number, number] | undefined {
  const extent = finiteExtent(values);
  if (extent === undefined) return undefined;
  const [min, max] = extent;
  const ulp = Math.max(Math.abs(min), Math.abs(max)) * Number.EPSILON;
  if (min !== max && (max - min) / bins >= 16 * ulp) return undefined;
  const middle = min + (max - min) / 2;
  const half = Math.max(0.5, (max - min) / 2, 8 * bins * ulp);
  const [lo, hi] = [middle - half, middle + half];
  return withZero ? [Math.min(lo, 0), Math.max(hi, 0)] : [lo, hi];
}

/**
 * What was left out of the bins, per group when there are several: `"left out: 3 non-finite
 * values, 2 outside [0, 1]"`, or `"layer 2 left out: …"`. Nothing when nothing was.
 */
function leftOutNotes(
  counts: readonly { nonFinite: number; outside: number }[],
  names: readonly string[] | undefined,
  xDomain: readonly [number, number] | undefined,
): string[] {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  return counts.flatMap(({ nonFinite, outside }, g) => {
    const parts = [
      ...(nonFinite > 0 ? [plural(nonFinite, "non-finite value")] : []),
      ...(outside > 0 && xDomain ? [`${outside} outside [${xDomain.join(", ")}]`] : []),
    ];
    if (parts.length === 0) return [];
    return [`${names === undefined ? "" : `${names[g]} `}left out: ${parts.join(", ")}`];
  });
}
