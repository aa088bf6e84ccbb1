/**
 * Activation functions and their derivatives over a domain of z, with the convention at the kink.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import type { Activation } from "../activations/types.ts";
import {
  type OptionKeys,
  requireNumber,
  requireNumberType,
  requireOptions,
} from "../core/validate.ts";
import {
  arrayError,
  colorsOption,
  composeFigure,
  figureText,
  finiteExtent,
  optionalDomain,
  panel,
  rangeError,
  renderPlot,
  requireDistinctNames,
  resolveDocument,
  size,
  type Swatch,
  swatches,
  typeError,
  withinDomain,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureDocument, FigureElement, FigureOptions } from "./types.ts";

/** Options for {@linkcode plotActivations}. */
export interface PlotActivationsOptions extends FigureOptions {
  /** The range of z, `[min, max]` with min < max. Default: `[-4, 4]`. */
  domain?: readonly [number, number];
  /**
   * Which panels to draw: `true` for the function and its derivative side by side, `"only"` for
   * the derivative alone, `false` for the function alone. Default: `true`.
   */
  derivative?: boolean | "only";
  /**
   * Number of evenly spaced samples of z (kinks are added exactly), 2 to 10,000. Default: `401`.
   */
  samples?: number;
  /**
   * Points where the derivative may jump. Where it does, the derivative's line breaks, open dots
   * mark the one-sided limits and a filled dot marks the value `grad` returns there (the
   * convention). Default: the activations' own `kinks` when they declare them (as
   * `createActivation` objects do), else `[0]`.
   */
  kinks?: readonly number[];
  /**
   * Colours, one per activation in order. Default: {@linkcode plotDefaults}`.colors`, for up to ten
   * activations; more need colours given.
   */
  colors?: readonly string[];
  /**
   * Total width in pixels (panels share it), at least `200`. Default: `760`
   * (`plotDefaults.activationWidth`).
   */
  width?: number;
  /**
   * Height of the panels in pixels, at least `100`. Default: `300`
   * (`plotDefaults.activationHeight`).
   */
  height?: number;
}

interface Point {
  z: number;
  value: number;
  series: string;
}

interface Kink {
  z: number;
  left: number;
  right: number;
  at: number;
  series: string;
}

const PLOT_ACTIVATIONS_KEYS: OptionKeys<PlotActivationsOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
  width: "number",
  height: "number",
  domain: true,
  derivative: true,
  samples: "number",
  kinks: true,
  colors: true,
};

/**
 * Plots one or more activation functions over a domain of z, with their derivatives in a second
 * panel, a legend naming each activation with its parameters, and, at each kink, the convention:
 * a filled dot at the value the derivative takes there and open dots at the one-sided limits.
 * Where the dots of several activations fall on one another, an earlier activation's dot is drawn
 * larger, a ring around the later one's, so none is hidden.
 * Each activation is named by its `label` (else its `name`); no two may share one. Grey rules
 * mark z = 0 and f = 0 where they lie within a panel's axes, and only there.
 *
 * @param activations The activations to draw (each implements {@linkcode Activation}).
 * @param options Domain, panels and figure text; see {@linkcode PlotActivationsOptions}.
 * @returns A `<figure>` with a legend and one or two charts.
 *
 * @example
 * ```ts
 * import { createActivation, plotActivations } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const figure = plotActivations(
 *   [createActivation("relu"), createActivation("leakyRelu", { alpha: 0.1 })],
 *   { title: "ReLU and Leaky ReLU" },
 * );
 * assert.equal(figure.querySelector("h2")?.textContent, "ReLU and Leaky ReLU");
 * // Two panels, the function and its derivative, each with one line.
 * assert.equal(figure.querySelectorAll("g[aria-label=line]").length, 2);
 *
 * // From z = 1 to 3, ReLU is z: neither z = 0 nor f = 0 is on the axes, so neither is ruled.
 * const right = plotActivations([createActivation("relu")], { domain: [1, 3], derivative: false });
 * assert.equal(right.querySelectorAll("g[aria-label=rule]").length, 0);
 * ```
 */
export function plotActivations(
  activations: readonly Activation[],
  options?: PlotActivationsOptions,
): FigureElement;
export function plotActivations(
  activations: readonly Activation[],
  options: PlotActivationsOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "plot activations";
  refuseTrailing(action, "plotActivations", "activations and options", "third", extra);
  requireOptions(action, options, PLOT_ACTIVATIONS_KEYS);
  const text = figureText(action, options);
  if (!Array.isArray(activations) || activations.length === 0) {
    arrayError(action, "activations", "a non-empty array of activations", activations);
  }
  activations.forEach((activation, i) => {
    if (
      activation === null || typeof activation !== "object" ||
      typeof activation.f !== "function" || typeof activation.grad !== "function"
    ) {
      typeError(action, `activations[${i}]`, "an activation with f and grad", activation);
    }
  });
  const [lo, hi] = optionalDomain(action, "domain", options.domain) ??
    plotDefaults.activationDomain;
  const samples = requireNumber(
    action,
    "samples",
    options.samples ?? plotDefaults.activationSamples,
    // At most 10^4, some ten a pixel: 10^7 ran past 100 s (10^5 made 2.7 MB of markup).
    { integer: true, min: 2, max: 10_000 },
  );
  const derivative = options.derivative ?? true;
  if (derivative !== true && derivative !== false && derivative !== "only") {
    typeError(action, "derivative", 'true, false or "only"', derivative);
  }
  if (options.kinks !== undefined) {
    if (!Array.isArray(options.kinks)) {
      typeError(action, "kinks", "an array of numbers", options.kinks);
    }
    options.kinks.forEach((k, i) => requireNumber(action, `kinks[${i}]`, k));
  }
  const kinks = [...new Set(options.kinks ?? declaredKinks(activations))]
    .filter((k) => k > lo && k < hi)
    .sort((a, b) => a - b);
  const document = resolveDocument(action, options);
  // Narrower panels than this leave no room inside the axes' margins.
  const width = size(action, "width", options.width, plotDefaults.activationWidth, 200);
  const height = size(action, "height", options.height, plotDefaults.activationHeight, 100);
  const labels = activations.map((activation, i) => legendName(action, activation, i));
  requireDistinctNames(action, labels, (i) => `activations[${i}].label`);
  const colors = colorsOption(action, options.colors, labels, "activations");

  const grid = sampleGrid(lo, hi, samples, kinks);
  const panels: FigureElement[] = [];
  const panelWidth = derivative === true ? Math.floor((width - 12) / 2) : width;
  let anyJump = false;
  if (derivative !== "only") {
    const curve = sampleCurve(action, activations, labels, "f", grid, kinks, [lo, hi]);
    panels.push(
      panel(
        document,
        "Activation",
        curvePanel(document, curve, labels, colors, "f(z)", panelWidth, height, [lo, hi]),
      ),
    );
  }
  if (derivative !== false) {
    const curve = sampleCurve(action, activations, labels, "grad", grid, kinks, [lo, hi]);
    anyJump = curve.kinks.length > 0;
    panels.push(
      panel(
        document,
        "Derivative",
        curvePanel(document, curve, labels, colors, "f′(z)", panelWidth, height, [lo, hi]),
      ),
    );
  }
  const legend: Swatch[] = labels.map((name, i) => ({ name, color: colors[i % colors.length] }));
  if (anyJump) {
    legend.push({ name: "f′ at the kink (the convention)", color: "#444", kind: "dot" });
    legend.push({ name: "one-sided limits", color: "#444", kind: "open" });
  }
  return composeFigure(document, {
    ...text,
    legends: [swatches(document, legend)],
    charts: panels,
  });
}

/** The kinks the activations declare (`kinks` on `createActivation` objects), or `[0]`. */
function declaredKinks(activations: readonly Activation[]): number[] {
  const kinks: number[] = [];
  let declared = false;
  for (const activation of activations) {
    const own = (activation as { kinks?: unknown }).kinks;
    if (Array.isArray(own)) {
      declared = true;
      for (const k of own) if (typeof k === "number" && Number.isFinite(k)) kinks.push(k);
    }
  }
  return declared ? kinks : [0];
}

/** Evenly spaced samples with the kinks left out (they are drawn from their one-sided limits). */
function sampleGrid(lo: number, hi: number, samples: number, kinks: readonly number[]): number[] {
  const grid: number[] = [];
  for (let i = 0; i < samples; i++) {
    const z = i === samples - 1 ? hi : lo + ((hi - lo) * i) / (samples - 1);
    if (!kinks.includes(z)) grid.push(z);
  }
  return grid;
}

/**
 * The name an activation has in the legend: its `label`, else its `name`, which must be a
 * string (a number would show as "5", a missing one as "undefined").
 */
function legendName(action: string, activation: Activation, i: number): string {
  const { label, name } = activation as { label?: unknown; name?: unknown };
  if (label !== undefined) {
    if (typeof label !== "string") typeError(action, `activations[${i}].label`, "a string", label);
    return label;
  }
  if (typeof name !== "string") {
    typeError(
      action,
      `activations[${i}].name`,
      "a string, the legend's name for an activation without a label",
      name,
    );
  }
  return name;
}

/**
 * Samples `f` or `grad` (`key`) for each activation; at each kink, joins or breaks the line at
 * the limits. Refuses a value that is not a number, and an activation none of whose samples
 * over `domain` is finite (its panel would show no curve and say nothing).
 */
function sampleCurve(
  action: string,
  activations: readonly Activation[],
  labels: readonly string[],
  key: "f" | "grad",
  grid: readonly number[],
  kinks: readonly number[],
  domain: readonly [number, number],
): { points: Point[]; kinks: Kink[] } {
  const points: Point[] = [];
  const jumps: Kink[] = [];
  const finite = (v: number) => (Number.isFinite(v) ? v : NaN);
  activations.forEach((activation, a) => {
    const series = labels[a];
    const g = (z: number): number =>
      requireNumberType(action, `activations[${a}].${key}(${z})`, activation[key](z));
    const first = points.length;
    let next = 0;
    for (const z of grid) {
      while (next < kinks.length && kinks[next] < z) {
        const k = kinks[next++];
        const eps = 1e-9 * Math.max(1, Math.abs(k));
        const left = finite(g(k - eps));
        const right = finite(g(k + eps));
        const at = finite(g(k));
        // A jump keeps its size as the two sides close in; a steep but continuous curve's gap
        // shrinks with them (16 times closer: 16 times smaller for a finite slope).
        const gap = Math.abs(left - right);
        const closer = Math.abs(
          finite(g(k - eps / 16)) - finite(g(k + eps / 16)),
        );
        const jump = gap > 1e-6 * Math.max(1, Math.abs(left), Math.abs(right)) &&
          closer > gap / 2;
        if (jump) {
          points.push({ z: k, value: left, series }, { z: k, value: NaN, series });
          points.push({ z: k, value: right, series });
          jumps.push({ z: k, left, right, at, series });
        } else {
          points.push({ z: k, value: at, series });
        }
      }
      points.push({ z, value: finite(g(z)), series });
    }
    if (!points.slice(first).some((p) => Number.isFinite(p.value))) {
      rangeError(
        action,
        `activations[${a}].${key}`,
        `finite somewhere on the domain [${domain.join(", ")}] (every sample is NaN or ±Infinity)`,
        activation[key],
      );
    }
  });
  return { points, kinks: jumps };
}

/** A padded y domain covering the finite values. */
function paddedExtent(values: readonly number[]): [number, number] {
  const extent = finiteExtent(values);
  if (extent === undefined) return [-1, 1];
  const [min, max] = extent;
  const pad = Math.max((max - min) * 0.08, 0.1);
  return [min - pad, max + pad];
}

const MARGIN_TOP = 20;
const MARGIN_BOTTOM = 40;
/** Radius of a one-sided limit's open dot and of the filled dot at the kink, in pixels. */
const OPEN_RADIUS = 4;
const FILLED_RADIUS = 4.5;
/** How much larger a dot is drawn for each later series' dot it would otherwise hide under. */
const RING = 2.5;

/** A dot at a kink: a one-sided limit (open) or the value there (filled), and its radius. */
interface KinkDot {
  z: number;
  value: number;
  series: string;
  filled: boolean;
  r: number;
}

/**
 * The dots at the kinks, each with its radius. Where the dots of several activations fall on one
 * another (ReLU's and Leaky ReLU's right limits at 1, their values at 0 and α for a small α), a
 * series drawn under later ones is drawn larger by one ring per later series covering it, so
 * every activation's dot shows as a ring around the next, as its line shows beside the next.
 */
function kinkDots(
  kinks: readonly Kink[],
  labels: readonly string[],
  pixelsPerUnit: number,
): KinkDot[] {
  const dots = kinks.flatMap((k) => [
    { z: k.z, value: k.left, series: k.series, filled: false },
    { z: k.z, value: k.right, series: k.series, filled: false },
    { z: k.z, value: k.at, series: k.series, filled: true },
  ]);
  const reach = 2 * FILLED_RADIUS + 1;
  return dots.map((dot) => {
    const rank = labels.indexOf(dot.series);
    const covering = new Set(
      dots.filter((other) =>
        other.z === dot.z && labels.indexOf(other.series) > rank &&
        Math.abs(other.value - dot.value) * pixelsPerUnit < reach
      ).map((other) => other.series),
    );
    return { ...dot, r: (dot.filled ? FILLED_RADIUS : OPEN_RADIUS) + RING * covering.size };
  });
}

function curvePanel(
  document: FigureDocument,
  curve: { points: Point[]; kinks: Kink[] },
  labels: readonly string[],
  colors: readonly string[],
  yLabel: string,
  width: number,
  height: number,
  domain: [number, number],
): FigureElement {
  const values = curve.points.map((p) => p.value);
  for (const k of curve.kinks) values.push(k.left, k.right, k.at);
  const yDomain = paddedExtent(values);
  const pixelsPerUnit = (height - MARGIN_TOP - MARGIN_BOTTOM) / (yDomain[1] - yDomain[0]);
  const dots = kinkDots(curve.kinks, labels, pixelsPerUnit);
  // Grey rules through z = 0 and f = 0, each only where 0 is on its axis: drawn outside the
  // domain, a rule would cross the margins and whatever lies beside or below the chart.
  const rules = [
    ...(withinDomain(0, domain) ? [Plot.ruleX([0], { stroke: "#999", strokeWidth: 1 })] : []),
    ...(withinDomain(0, yDomain) ? [Plot.ruleY([0], { stroke: "#999", strokeWidth: 1 })] : []),
  ];
  return renderPlot(document, {
    width,
    height,
    marginLeft: 48,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginRight: 12,
    grid: true,
    // Each dot's radius is given in pixels (see kinkDots); Plot draws the largest first.
    r: { type: "identity" },
    x: { label: "z", labelAnchor: "center", labelArrow: "none", domain },
    y: {
      label: yLabel,
      labelAnchor: "center",
      labelArrow: "none",
      domain: yDomain,
    },
    color: { type: "ordinal", domain: [...labels], range: [...colors] },
    marks: [
      ...rules,
      Plot.lineY(curve.points, {
        x: "z",
        y: "value",
        z: "series",
        stroke: "series",
        // Later series are drawn thinner on top, so where curves coincide (ReLU and Leaky ReLU
        // for z > 0) both colours stay visible.
        strokeWidth: (p: Point) => Math.max(1.5, 3 - labels.indexOf(p.series)),
      }),
      Plot.dot(dots.filter((d) => !d.filled), {
        x: "z",
        y: "value",
        stroke: "series",
        fill: "white",
        r: "r",
        strokeWidth: 1.5,
        ariaDescription: "one-sided limit",
      }),
      Plot.dot(dots.filter((d) => d.filled), {
        x: "z",
        y: "value",
        fill: "series",
        stroke: "white",
        r: "r",
        strokeWidth: 1,
        ariaDescription: "value at the kink",
      }),
    ],
  });
}
