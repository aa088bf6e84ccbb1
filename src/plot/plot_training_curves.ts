/**
 * Training curves of several runs on one chart, with a band across seeds.
 *
 * @module
 */

import { requireEpochRecord } from "./_records.ts";
import { requireFlag } from "../core/_require.ts";
import { DEAD_RULE } from "../diagnostics/_dead_rule.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import {
  colorsOption,
  composeFigure,
  figureText,
  logTickFormat,
  optionalDomain,
  optionalText,
  rangeError,
  renderPlot,
  requireDistinctNames,
  resolveDocument,
  size,
  swatches,
  typeError,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureElement, FigureOptions } from "./types.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";

/**
 * The per-epoch fields the training plots read. The history that `train` returns is an array
 * of records of this shape (it may hold more fields).
 */
export interface EpochMetrics {
  /** The epoch, counted from 1. */
  readonly epoch: number;
  /** Mean loss on the training set. */
  readonly trainLoss: number;
  /** Mean loss on the test set, when one was given. */
  readonly testLoss?: number;
  /** Accuracy on the training set in [0, 1], for classification. */
  readonly trainAccuracy?: number;
  /** Accuracy on the test set in [0, 1], for classification. */
  readonly testAccuracy?: number;
  /** Fraction of dead neurons in [0, 1], one per activation layer. */
  readonly deadFraction?: readonly number[];
  /** Gradient norm, one per layer with weights (Dense, Conv2D). */
  readonly gradNorm?: readonly number[];
  /** Wall-clock seconds the epoch took. */
  readonly seconds?: number;
}

/** A metric of {@linkcode EpochMetrics} that {@linkcode plotTrainingCurves} can draw. */
export type TrainingMetric =
  | "trainLoss"
  | "testLoss"
  | "trainAccuracy"
  | "testAccuracy"
  | "deadFraction"
  | "gradNorm"
  | "seconds";

/** One run: a name and its history, or the histories of several seeds of the same setup. */
export interface TrainingRun {
  /** The name shown in the legend, e.g. `"Leaky ReLU (α = 0.01)"`; no two runs may share one. */
  name: string;
  /** The history of a single run. */
  history?: readonly EpochMetrics[];
  /** The histories of several runs (seeds) of the same setup, drawn as a mean line and a band. */
  histories?: readonly (readonly EpochMetrics[])[];
  /**
   * The metric to draw for this run, e.g. `"testLoss"` beside another run's `"trainLoss"` of the
   * same histories. Default: the chart's `metric`.
   */
  metric?: TrainingMetric;
}

/** Options for {@linkcode plotTrainingCurves}. */
export interface PlotTrainingCurvesOptions extends FigureOptions {
  /** The metric to draw. Default: `"trainLoss"`. */
  metric?: TrainingMetric;
  /**
   * For runs with several histories, the band around the mean line: `"range"` (min to max),
   * `"std"` (mean ± one sample standard deviation, n − 1 in the denominator), or `false` (mean
   * only). `true` means `"range"`. Default: `"range"`.
   */
  band?: boolean | "range" | "std";
  /**
   * Use a logarithmic y scale. Default: `true` for losses and gradient norms whose positive
   * values span at least a factor of 10 (a decade), else `false`.
   */
  logY?: boolean;
  /**
   * For the per-layer metrics (`deadFraction`, `gradNorm`), the layer to draw, counted from 0
   * (an integer below the number of layers); refused when no run draws a per-layer metric.
   * Default: the mean over layers.
   */
  layer?: number;
  /**
   * The y domain `[min, max]` with min < max (and min > 0 on a log scale), e.g. to share one
   * scale across small multiples; bands are cut to it. Default: the data's extent.
   */
  yDomain?: readonly [number, number];
  /** The y axis label. Default: the metric's name in words, e.g. `"training loss"`. */
  yLabel?: string;
  /**
   * Colours, one per run in order. Default: {@linkcode plotDefaults}`.colors`, for up to ten runs;
   * more need colours given.
   */
  colors?: readonly string[];
  /** Height in pixels. Default: `360`. */
  height?: number;
}

const METRIC_LABELS: Record<TrainingMetric, string> = {
  trainLoss: "training loss",
  testLoss: "test loss",
  trainAccuracy: "training accuracy",
  testAccuracy: "test accuracy",
  deadFraction: "dead fraction",
  gradNorm: "gradient norm",
  seconds: "seconds per epoch (s)",
};

interface CurvePoint {
  epoch: number;
  mean: number;
  lo: number;
  hi: number;
  series: string;
}

const PLOT_TRAINING_CURVES_KEYS: OptionKeys<PlotTrainingCurvesOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
  width: "number",
  height: "number",
  metric: true,
  band: true,
  logY: true,
  layer: "number",
  yLabel: true,
  colors: true,
  yDomain: true,
};

/**
 * Draws one metric of several training runs against the epoch. A run with several histories
 * (seeds) is drawn as its mean with a shaded band (min–max or ± one standard deviation). A chart
 * of dead fractions says in its caption, unless `caption` is given, what counts as dead and which
 * neurons so counted can recover.
 *
 * @param runs The runs, each `{ name, history }` or `{ name, histories }`.
 * @param options Metric, band and scale; see {@linkcode PlotTrainingCurvesOptions}.
 * @returns A `<figure>` with a legend naming each run.
 *
 * @example
 * ```ts
 * import { plotTrainingCurves } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const history = (scale: number) =>
 *   [1, 2, 3].map((epoch) => ({ epoch, trainLoss: scale / epoch, deadFraction: [0.1, 0.2] }));
 * const figure = plotTrainingCurves([
 *   { name: "ReLU", histories: [history(1), history(1.2)] },
 *   { name: "Leaky ReLU", history: history(0.8) },
 * ], { metric: "trainLoss", title: "Loss" });
 * assert.equal(figure.querySelectorAll("g[aria-description=mean] path").length, 2);
 * assert.equal(figure.querySelectorAll("g[aria-label=area] path").length, 1);
 * ```
 */
export function plotTrainingCurves(
  runs: readonly TrainingRun[],
  options: PlotTrainingCurvesOptions = {},
): FigureElement {
  const action = "plot training curves";
  requireOptions(action, options, PLOT_TRAINING_CURVES_KEYS);
  const text = figureText(action, options);
  if (!Array.isArray(runs) || runs.length === 0) {
    typeError(action, "runs", "a non-empty array of { name, history } runs", runs);
  }
  const historiesOf = runs.map((run, r) => runHistories(action, run, r));
  const metric = options.metric ?? "trainLoss";
  const metrics = runs.map((run) => run.metric ?? metric);
  for (const [i, m] of [metric, ...metrics].entries()) {
    if (typeof m !== "string" || !Object.hasOwn(METRIC_LABELS, m)) {
      const name = i === 0 ? "metric" : `runs[${i - 1}].metric`;
      typeError(action, name, `one of ${Object.keys(METRIC_LABELS).join(", ")}`, m);
    }
  }
  const band = options.band === true || options.band === undefined ? "range" : options.band;
  if (band !== "range" && band !== "std" && band !== false) {
    typeError(action, "band", 'true, false, "range" or "std"', options.band);
  }
  const isPerLayer = (m: TrainingMetric) => m === "deadFraction" || m === "gradNorm";
  if (options.layer !== undefined) {
    requireNumber(action, "layer", options.layer, { integer: true, min: 0 });
    if (!metrics.some(isPerLayer)) {
      rangeError(
        action,
        "layer",
        `left out, as only the per-layer metrics deadFraction and gradNorm have layers (the runs draw ${
          [...new Set(metrics)].join(", ")
        })`,
        options.layer,
      );
    }
    const layers = layerCount(historiesOf, metrics);
    if (options.layer >= layers) {
      const perLayer = [...new Set(metrics.filter(isPerLayer))].join(" or ");
      rangeError(
        action,
        "layer",
        layers === 0
          ? `left out, as no record has a layer to pick (every ${perLayer} array is empty or missing)`
          : `an integer from 0 to ${layers - 1} (the histories have ${layers} layer${
            layers === 1 ? "" : "s"
          })`,
        options.layer,
      );
    }
  }
  const logY = requireFlag(action, "logY", options.logY, undefined) ??
    (metrics.every((m) => m === "trainLoss" || m === "testLoss" || m === "gradNorm") &&
      spansDecade(historiesOf, metrics));
  const yDomain = optionalDomain(action, "yDomain", options.yDomain, logY);
  const read = (record: EpochMetrics, metric: TrainingMetric): number => {
    const value = record[metric];
    if (Array.isArray(value)) {
      if (options.layer !== undefined) return value[options.layer] ?? NaN;
      if (value.length === 0) return NaN;
      let sum = 0;
      for (const v of value) sum += v;
      return sum / value.length;
    }
    return typeof value === "number" ? value : NaN;
  };

  const names = runs.map((run) => String(run.name));
  requireDistinctNames(action, names, (i) => `runs[${i}].name`);
  const points: CurvePoint[] = [];
  const banded = new Set<string>();
  historiesOf.forEach((histories, r) => {
    if (histories.length > 1 && band !== false) banded.add(names[r]);
    const byEpoch = new Map<number, number[]>();
    for (const history of histories) {
      for (const record of history) {
        const value = read(record, metrics[r]);
        if (!Number.isFinite(value) || (logY && value <= 0)) continue;
        const values = byEpoch.get(record.epoch) ?? [];
        values.push(value);
        byEpoch.set(record.epoch, values);
      }
    }
    for (const [epoch, values] of [...byEpoch].sort((a, b) => a[0] - b[0])) {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      let lo = Math.min(...values), hi = Math.max(...values);
      if (band === "std") {
        // The sample standard deviation, as everywhere in relu-lab (0 for a single value).
        const squares = values.reduce((s, v) => s + (v - mean) ** 2, 0);
        const sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        // On a log scale a band below zero cannot be drawn: clamp it to the smallest value.
        lo = logY && mean - sd <= 0 ? lo : mean - sd;
        hi = mean + sd;
      }
      if (yDomain !== undefined) {
        // A band reaching beyond a given domain is cut at its edge, not drawn outside the chart.
        const [bottom, top] = yDomain;
        [lo, hi] = [Math.min(Math.max(lo, bottom), top), Math.max(Math.min(hi, top), bottom)];
      }
      points.push({ epoch, mean, lo, hi, series: names[r] });
    }
  });
  if (points.length === 0) {
    rangeError(
      action,
      "metric",
      logY ? "present (and > 0 on a log scale) in the histories" : "present in the histories",
      metric,
    );
  }
  const colors = colorsOption(action, options.colors, names, "runs");
  const document = resolveDocument(action, options);
  const width = size(action, "width", options.width, plotDefaults.width);
  const height = size(action, "height", options.height, plotDefaults.height);
  const layerText = isPerLayer(metric)
    ? options.layer === undefined ? " (mean over layers)" : ` (layer ${options.layer})`
    : "";
  const bandPoints = points.filter((p) => banded.has(p.series));
  const chart = renderPlot(document, {
    width,
    height,
    marginLeft: 56,
    marginBottom: 40,
    grid: true,
    x: { label: "epoch", labelAnchor: "center", labelArrow: "none" },
    y: {
      label: optionalText(action, "yLabel", options.yLabel) ?? METRIC_LABELS[metric] + layerText,
      labelAnchor: "center",
      labelArrow: "none",
      type: logY ? "log" : "linear",
      // Plain numbers (0.05, 0.5) rather than SI prefixes (50m, 500m) on log axes.
      ...(logY ? { tickFormat: logTickFormat } : {}),
      ...(yDomain ? { domain: yDomain } : {}),
    },
    color: { type: "ordinal", domain: names, range: colors },
    marks: [
      Plot.areaY(bandPoints, {
        x: "epoch",
        y1: "lo",
        y2: "hi",
        z: "series",
        fill: "series",
        fillOpacity: 0.15,
      }),
      // Thin edges keep overlapping bands apart.
      Plot.lineY(bandPoints, {
        x: "epoch",
        y: "lo",
        z: "series",
        stroke: "series",
        strokeWidth: 0.75,
        strokeOpacity: 0.6,
        ariaDescription: "band edge",
      }),
      Plot.lineY(bandPoints, {
        x: "epoch",
        y: "hi",
        z: "series",
        stroke: "series",
        strokeWidth: 0.75,
        strokeOpacity: 0.6,
        ariaDescription: "band edge",
      }),
      Plot.lineY(points, {
        x: "epoch",
        y: "mean",
        z: "series",
        stroke: "series",
        strokeWidth: 2,
        ariaDescription: "mean",
      }),
    ],
  });
  const seeds = Math.max(...runs.map((run) => run.histories?.length ?? 1));
  const note = banded.size === 0
    ? undefined
    : `line: mean over ${seeds} seeds; shaded: ${band === "std" ? "± 1 sd" : "min–max"}`;
  return composeFigure(document, {
    ...text,
    caption: text.caption ?? (metrics.includes("deadFraction") ? DEAD_RULE : undefined),
    legends: [
      swatches(
        document,
        names.map((name, i) => ({
          name,
          color: colors[i % colors.length],
          kind: banded.has(name) ? "band" : "line",
        })),
        note,
      ),
    ],
    charts: [chart],
  });
}

/**
 * The histories of run `r` (`histories`, else `[history]`), checked: a non-empty array of
 * arrays of epoch records ({@linkcode requireEpochRecord}).
 */
function runHistories(
  action: string,
  run: TrainingRun,
  r: number,
): readonly (readonly EpochMetrics[])[] {
  const shape = "{ name, history } or { name, histories: [...] }";
  if (run === null || typeof run !== "object") typeError(action, `runs[${r}]`, shape, run);
  const histories = run.histories ?? (run.history === undefined ? undefined : [run.history]);
  if (!Array.isArray(histories) || histories.length === 0) {
    typeError(action, `runs[${r}]`, shape, run);
  }
  histories.forEach((history, h) => {
    const name = run.histories === undefined ? `runs[${r}].history` : `runs[${r}].histories[${h}]`;
    if (!Array.isArray(history)) typeError(action, name, "an array of epoch records", history);
    // An index loop, not forEach: a hole in the array is a missing record, not one to skip.
    for (let i = 0; i < history.length; i++) {
      requireEpochRecord(action, `${name}[${i}]`, history[i]);
    }
  });
  return histories;
}

/** The largest number of layers a per-layer metric of the runs has (0 when none is per layer). */
function layerCount(
  historiesOf: readonly (readonly (readonly EpochMetrics[])[])[],
  metrics: readonly TrainingMetric[],
): number {
  let layers = 0;
  historiesOf.forEach((histories, r) => {
    for (const history of histories) {
      for (const record of history) {
        const value = record[metrics[r]];
        if (Array.isArray(value)) layers = Math.max(layers, value.length);
      }
    }
  });
  return layers;
}

/** Whether the positive values of each run's metric span at least a factor of 10 across all runs. */
function spansDecade(
  historiesOf: readonly (readonly (readonly EpochMetrics[])[])[],
  metrics: readonly TrainingMetric[],
): boolean {
  let min = Infinity, max = 0;
  for (const [r, histories] of historiesOf.entries()) {
    for (const history of histories) {
      for (const record of history) {
        const value = record[metrics[r]];
        for (const v of Array.isArray(value) ? value : [value]) {
          if (typeof v === "number" && v > 0 && Number.isFinite(v)) {
            if (v < min) min = v;
            if (v > max) max = v;
          }
        }
      }
    }
  }
  return max >= 10 * min;
}
