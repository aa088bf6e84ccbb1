/**
 * Training curves of several runs on one chart, with a band across seeds.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import {
  composeFigure,
  logTickLabel,
  rangeError,
  renderPlot,
  resolveDocument,
  seriesColors,
  size,
  swatches,
  typeError,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureElement, FigureOptions } from "./types.ts";

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
  /** Fraction of dead units in [0, 1], one per activation layer. */
  readonly deadFraction?: readonly number[];
  /** Gradient norm, one per dense layer. */
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
  /** The name shown in the legend, e.g. `"Leaky ReLU (α = 0.01)"`. */
  name: string;
  /** The history of a single run. */
  history?: readonly EpochMetrics[];
  /** The histories of several runs (seeds) of the same setup, drawn as a mean line and a band. */
  histories?: readonly (readonly EpochMetrics[])[];
}

/** Options for {@linkcode plotTrainingCurves}. */
export interface PlotTrainingCurvesOptions extends FigureOptions {
  /** The metric to draw. Default: `"trainLoss"`. */
  metric?: TrainingMetric;
  /**
   * For runs with several histories, the band around the mean line: `"range"` (min to max),
   * `"std"` (mean ± one standard deviation), or `false` (mean only). `true` means `"range"`.
   * Default: `"range"`.
   */
  band?: boolean | "range" | "std";
  /**
   * Use a logarithmic y scale. Default: `true` for losses and gradient norms whose positive
   * values span at least a factor of 10 (a decade), else `false`.
   */
  logY?: boolean;
  /**
   * For the per-layer metrics (`deadFraction`, `gradNorm`), the layer to draw, counted from 0.
   * Default: the mean over layers.
   */
  layer?: number;
  /** The y axis label. Default: the metric's name in words, e.g. `"training loss"`. */
  yLabel?: string;
  /** Colours, one per run in order. Default: {@linkcode plotDefaults}`.colors`. */
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

/**
 * Draws one metric of several training runs against the epoch. A run with several histories
 * (seeds) is drawn as its mean with a shaded band (min–max or ± one standard deviation).
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
  if (!Array.isArray(runs) || runs.length === 0) {
    typeError(action, "runs", "a non-empty array of { name, history } runs", runs);
  }
  const metric = options.metric ?? "trainLoss";
  if (!(metric in METRIC_LABELS)) {
    typeError(action, "metric", `one of ${Object.keys(METRIC_LABELS).join(", ")}`, metric);
  }
  const band = options.band === true || options.band === undefined ? "range" : options.band;
  if (band !== "range" && band !== "std" && band !== false) {
    typeError(action, "band", 'true, false, "range" or "std"', options.band);
  }
  const perLayer = metric === "deadFraction" || metric === "gradNorm";
  const logY = options.logY ??
    ((metric === "trainLoss" || metric === "testLoss" || metric === "gradNorm") &&
      spansDecade(runs, metric));
  const read = (record: EpochMetrics): number => {
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
  const points: CurvePoint[] = [];
  const banded = new Set<string>();
  runs.forEach((run, r) => {
    const histories = run.histories ?? (run.history === undefined ? undefined : [run.history]);
    if (!Array.isArray(histories) || histories.length === 0) {
      typeError(action, `runs[${r}]`, "{ name, history } or { name, histories: [...] }", run);
    }
    if (histories.length > 1 && band !== false) banded.add(names[r]);
    const byEpoch = new Map<number, number[]>();
    for (const history of histories) {
      for (const record of history) {
        const value = read(record);
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
        const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
        // On a log scale a band below zero cannot be drawn: clamp it to the smallest value.
        lo = logY && mean - sd <= 0 ? lo : mean - sd;
        hi = mean + sd;
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
  const colors = options.colors === undefined ? seriesColors(names) : [...options.colors];
  const document = resolveDocument(options);
  const width = size(action, "width", options.width, plotDefaults.width);
  const height = size(action, "height", options.height, plotDefaults.height);
  const layerText = perLayer
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
      label: options.yLabel ?? METRIC_LABELS[metric] + layerText,
      labelAnchor: "center",
      labelArrow: "none",
      type: logY ? "log" : "linear",
      // Plain numbers (0.05, 0.5) rather than SI prefixes (50m, 500m) on log axes, and
      // exponents (1e-6) where plain numbers would run into the axis title.
      ...(logY ? { tickFormat: logTickLabel } : {}),
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
    : `line: mean over ${seeds} seeds; shaded: ${band === "std" ? "± 1 std" : "min–max"}`;
  return composeFigure(document, {
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
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

/** Whether the positive values of a metric span at least a factor of 10 across all runs. */
function spansDecade(runs: readonly TrainingRun[], metric: TrainingMetric): boolean {
  let min = Infinity, max = 0;
  for (const run of runs) {
    for (const history of run.histories ?? (run.history ? [run.history] : [])) {
      for (const record of history) {
        const value = record[metric];
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
