/**
 * Training curves of several runs on one chart, with a band across seeds.
 *
 * @module
 */

import { requireRunRecords } from "./_records.ts";
import { refuseTrailing, requireFlag } from "../core/_require.ts";
import { DEAD_RULE } from "../diagnostics/_dead_rule.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import { trimLines } from "./_trim.ts";
import {
  arrayError,
  clampToDomain,
  colorsOption,
  composeFigure,
  figureText,
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
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureElement, FigureOptions } from "./types.ts";
import {
  formatValue,
  type OptionKeys,
  requireNumber,
  requireNumberType,
  requireOptions,
} from "../core/validate.ts";

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
  /**
   * The name shown in the legend, a string, e.g. `"Leaky ReLU (α = 0.01)"`; no two runs may
   * share one.
   */
  name: string;
  /** The history of a single run: at least one epoch record. */
  history?: readonly EpochMetrics[];
  /**
   * The histories of several runs (seeds) of the same setup, each of at least one epoch record,
   * drawn as a mean line and a band.
   */
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
   * values drawn (the layer asked for, or each record's mean over layers) span at least a factor
   * of 10 (a decade), else `false`. Means are taken over every finite value on either scale; on
   * a log scale a mean ≤ 0 (a gradient norm of exactly 0, say) is a break in its line, counted
   * in a note, and a band reaching 0 or below goes down to the foot of the axis, as the note
   * says.
   */
  logY?: boolean;
  /**
   * For the per-layer metrics (`deadFraction`, `gradNorm`), the layer to draw, counted from 0
   * (an integer below the number of layers of every run that draws one); refused when no run
   * draws a per-layer metric, or when a run has no such layer (a shallower net), which would be
   * left without a line. The y label counts from 1, as relu-lab's labels do elsewhere: layer 0
   * is "layer 1". Default: the mean over layers.
   */
  layer?: number;
  /**
   * The y domain `[min, max]` with min < max (and min > 0 on a log scale), e.g. to share one
   * scale across small multiples; lines and bands are cut at its edges. Default: the data's
   * extent.
   */
  yDomain?: readonly [number, number];
  /**
   * The y axis label. Default: the name in words of the metric the runs draw, e.g.
   * `"training loss"`, or of the kind they share when they draw different ones (`"loss"` for
   * `trainLoss` beside `testLoss`, `"accuracy"`). Runs drawing metrics of different kinds (a loss
   * beside a dead fraction) need a label given.
   */
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

/** The kind of each metric: metrics of one kind share a y axis and its label. */
const METRIC_KINDS: Record<TrainingMetric, string> = {
  ...METRIC_LABELS,
  trainLoss: "loss",
  testLoss: "loss",
  trainAccuracy: "accuracy",
  testAccuracy: "accuracy",
};

interface CurvePoint {
  epoch: number;
  mean: number;
  lo: number;
  hi: number;
  series: string;
}

/** The keys a run may have: a typo such as `colour` or both histories would be ignored. */
const RUN_KEYS: OptionKeys<TrainingRun> = {
  name: true,
  history: true,
  histories: true,
  metric: true,
};

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
 * (seeds) is drawn as its mean with a shaded band (min–max or ± one standard deviation); the
 * legend says over how many seeds, per run where they differ or where fewer seeds have a value at
 * some epochs. A non-finite value (a diverged run's loss) breaks the line; a seed that has one is
 * counted in the legend as diverged, from its first such epoch, and the mean goes on over the
 * others. A chart of dead fractions says in its caption, unless `caption` is given, what counts
 * as dead and which neurons so counted can recover.
 *
 * Each history is one run: its epochs increase from record to record (the records of several
 * seeds go in `histories`, not in one history). Every record of a run has the metric it draws,
 * except an accuracy, which a regression run has none of (left out or NaN); a per-layer metric
 * (`deadFraction`, `gradNorm`) is an array of numbers, a gradient norm >= 0 or, where the run
 * diverged, NaN or infinite; `seconds` a finite number >= 0. A run has only the keys `name`,
 * `history` or `histories` (not both) and `metric`.
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
 * assert.match(figure.textContent ?? "", /line: mean over 2 seeds/);
 *
 * // A diverged seed breaks nothing: the mean goes on over the other, and the legend says so.
 * const diverged = history(1).map((r) => r.epoch < 2 ? r : { ...r, trainLoss: NaN });
 * const note = plotTrainingCurves([{ name: "ReLU", histories: [history(1), diverged] }])
 *   .textContent ?? "";
 * assert.match(note, /mean over 2 seeds, 1 from epoch 2/);
 * assert.match(note, /ReLU: 1 of 2 seeds diverged from epoch 2/);
 * ```
 */
export function plotTrainingCurves(
  runs: readonly TrainingRun[],
  options?: PlotTrainingCurvesOptions,
): FigureElement;
export function plotTrainingCurves(
  runs: readonly TrainingRun[],
  options: PlotTrainingCurvesOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "plot training curves";
  refuseTrailing(action, "plotTrainingCurves", "runs and options", "third", extra);
  requireOptions(action, options, PLOT_TRAINING_CURVES_KEYS);
  const text = figureText(action, options);
  if (!Array.isArray(runs) || runs.length === 0) {
    arrayError(action, "runs", "a non-empty array of { name, history } runs", runs);
  }
  const historiesOf = runs.map((run, r) => runHistories(action, run, r));
  const names = runs.map((run, r) => {
    if (typeof run.name !== "string") typeError(action, `runs[${r}].name`, "a string", run.name);
    return run.name;
  });
  requireDistinctNames(action, names, (i) => `runs[${i}].name`);
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
  requireDrawnValues(action, historiesOf, metrics, runs);
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
    // A run with fewer layers (a shallower net) would keep its name in the legend, with no line.
    const [layers, fewest, r] = layerRange(historiesOf, metrics);
    if (layers === 0 || options.layer >= fewest) {
      const perLayer = [...new Set(metrics.filter(isPerLayer))].join(" or ");
      const run = `runs[${r}], ${formatValue(names[r])}, has ${
        fewest === 0 ? `an empty ${metrics[r]} array` : `${fewest} layer${fewest === 1 ? "" : "s"}`
      }`;
      rangeError(
        action,
        "layer",
        layers === 0
          ? `left out, as no record has a layer to pick (every ${perLayer} array is empty or missing)`
          : fewest === layers
          ? `an integer from 0 to ${layers - 1} (the histories have ${layers} layer${
            layers === 1 ? "" : "s"
          })`
          : fewest === 0
          ? `left out, as not every run drawn has layers (${run})`
          : `an integer from 0 to ${fewest - 1}, a layer of every run drawn (${run})`,
        options.layer,
      );
    }
  }
  const read = (record: EpochMetrics, metric: TrainingMetric): number | undefined => {
    const value = record[metric];
    if (Array.isArray(value)) {
      if (options.layer !== undefined) return value[options.layer];
      if (value.length === 0) return undefined;
      let sum = 0;
      for (const v of value) sum += v;
      return sum / value.length;
    }
    if (typeof value !== "number") return undefined;
    // An accuracy is NaN when there is none, as in a regression run: missing, not diverged.
    return Number.isNaN(value) && METRIC_KINDS[metric] === "accuracy" ? undefined : value;
  };
  const logY = requireFlag(action, "logY", options.logY, undefined) ??
    (metrics.every((m) => m === "trainLoss" || m === "testLoss" || m === "gradNorm") &&
      spansDecade(historiesOf, metrics, read));
  const yDomain = optionalDomain(action, "yDomain", options.yDomain, logY);
  const yLabel = optionalText(action, "yLabel", options.yLabel) ??
    metricLabel(action, metrics, options.layer);

  const points: CurvePoint[] = [];
  const banded = new Set<string>();
  const seedNotes: SeedNote[] = [];
  const offScale: string[] = []; // the run of each mean point a log scale cannot place
  let footed = false; // whether a band reaches 0 or below on a log scale
  historiesOf.forEach((histories, r) => {
    if (histories.length > 1 && band !== false) banded.add(names[r]);
    const byEpoch = new Map<number, number[]>(); // the finite values at each epoch
    const diverged: number[] = []; // each diverged seed's first epoch with a non-finite value
    for (const history of histories) {
      let first = Infinity;
      for (const record of history) {
        const value = read(record, metrics[r]);
        if (value === undefined) continue;
        const values = byEpoch.get(record.epoch) ?? [];
        byEpoch.set(record.epoch, values);
        if (Number.isFinite(value)) values.push(value);
        else first = Math.min(first, record.epoch);
      }
      if (first < Infinity) diverged.push(first);
    }
    const counts: [number, number][] = [];
    for (const [epoch, values] of [...byEpoch].sort((a, b) => a[0] - b[0])) {
      const gap = { epoch, mean: NaN, lo: NaN, hi: NaN, series: names[r] };
      // No finite value at this epoch: the line breaks, as plotLines' lines do.
      if (values.length === 0) {
        points.push(gap);
        continue;
      }
      counts.push([epoch, values.length]);
      // The mean over every finite value, whatever the scale: a log scale changes where the
      // line is drawn, not what it stands for.
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      if (logY && mean <= 0) {
        // Off a log scale: a break in the line, counted in the legend's note.
        offScale.push(names[r]);
        points.push(gap);
        continue;
      }
      let lo = Math.min(...values), hi = Math.max(...values);
      if (band === "std") {
        // The sample standard deviation, as everywhere in relu-lab (0 for a single value).
        const squares = values.reduce((s, v) => s + (v - mean) ** 2, 0);
        const sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        lo = mean - sd;
        hi = mean + sd;
      }
      // On a log scale 0 lies infinitely far down: a band reaching it or below goes down to the
      // foot of the axis (set once every point is known), and the legend's note says so.
      if (logY && lo <= 0) {
        lo = -Infinity;
        footed = true;
      }
      // A band reaching beyond a given domain is cut at its edge, not drawn outside the chart.
      points.push({
        epoch,
        mean,
        lo: clampToDomain(lo, yDomain),
        hi: clampToDomain(hi, yDomain),
        series: names[r],
      });
    }
    seedNotes.push({ name: names[r], seeds: histories.length, counts, diverged });
  });
  if (!points.some((p) => Number.isFinite(p.mean))) {
    const drawn = [...new Set(metrics)];
    rangeError(
      action,
      "metric",
      `present and finite${logY ? " (and > 0 on a log scale)" : ""} in the histories`,
      drawn.length === 1 ? drawn[0] : drawn,
    );
  }
  const colors = colorsOption(action, options.colors, names, "runs");
  const document = resolveDocument(action, options);
  const width = size(action, "width", options.width, plotDefaults.width);
  const height = size(action, "height", options.height, plotDefaults.height);
  const bandPoints = toFoot(points.filter((p) => banded.has(p.series)), points);
  const means = points.map(({ epoch, mean, series }) => ({ x: epoch, y: mean, series }));
  const chart = renderPlot(document, {
    width,
    height,
    marginLeft: 56,
    marginBottom: 40,
    grid: true,
    x: { label: "epoch", labelAnchor: "center", labelArrow: "none" },
    y: {
      label: yLabel,
      labelAnchor: "center",
      labelArrow: "none",
      type: logY ? "log" : "linear",
      // Plain numbers (0.05, 0.5) rather than SI prefixes (50m, 500m) on log axes.
      ...(logY
        ? {
          tickFormat: logTickFormatFor(
            // What is drawn: every run's mean line, and the bands of the runs that have one.
            yDomain ?? positiveExtent([
              ...points.map((p) => p.mean),
              ...bandPoints.flatMap((p) => [p.lo, p.hi]),
            ]),
          ),
        }
        : {}),
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
      // Cut at a given domain's edges, not drawn over the axes, the title or a neighbour.
      Plot.lineY(trimLines(means, { yDomain, logY }), {
        x: "x",
        y: "y",
        z: "series",
        stroke: "series",
        strokeWidth: 2,
        ariaDescription: "mean",
      }),
    ],
  });
  const foot = footed ? ", down to the axis's foot where it reaches 0 or below" : "";
  const shaded = banded.size === 0
    ? []
    : [`shaded: ${band === "std" ? "± 1 sd" : "min–max"}${foot}`];
  const notes = [
    ...seedsDrawn(seedNotes),
    ...shaded,
    ...seedNotes.flatMap(divergedNote),
    ...offScaleNote(offScale),
  ];
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
        notes.length === 0 ? undefined : notes.join("; "),
      ),
    ],
    charts: [chart],
  });
}

/**
 * The histories of run `r` (`histories`, else `[history]`), checked: a non-empty array of
 * arrays of the epoch records of one run ({@linkcode requireRunRecords}).
 */
function runHistories(
  action: string,
  run: TrainingRun,
  r: number,
): readonly (readonly EpochMetrics[])[] {
  const shape = "{ name, history } or { name, histories: [...] }";
  if (run === null || typeof run !== "object") typeError(action, `runs[${r}]`, shape, run);
  requireOptions(action, run, RUN_KEYS, `runs[${r}]`);
  if (run.history !== undefined && run.histories !== undefined) {
    typeError(action, `runs[${r}]`, `${shape}, not both history and histories`, run);
  }
  const histories = run.histories ?? (run.history === undefined ? undefined : [run.history]);
  if (!Array.isArray(histories) || histories.length === 0) {
    typeError(action, `runs[${r}]`, shape, run);
  }
  histories.forEach((history, h) => {
    const name = run.histories === undefined ? `runs[${r}].history` : `runs[${r}].histories[${h}]`;
    if (!Array.isArray(history)) typeError(action, name, "an array of epoch records", history);
    // An empty history would put the run in the legend with no line.
    if (history.length === 0) {
      arrayError(action, name, "a non-empty array of epoch records", history);
    }
    requireRunRecords(action, name, history, "; several seeds go in histories: [...]");
  });
  return histories;
}

/**
 * Checks the values each run draws, record by record: a per-layer metric an array of numbers (a
 * gradient norm >= 0, or NaN or infinite where the run diverged), `seconds` a finite number
 * >= 0, and the metric present in every record (a typo such as `trainloss` would leave the
 * record out of the line without a word). An accuracy may be left out: a regression run has
 * none. When no record of any run has its metric, nothing is thrown here: the chart's check
 * that something is drawn names the metric.
 */
function requireDrawnValues(
  action: string,
  historiesOf: readonly (readonly (readonly EpochMetrics[])[])[],
  metrics: readonly TrainingMetric[],
  runs: readonly TrainingRun[],
): void {
  let missing: [name: string, record: EpochMetrics, metric: TrainingMetric] | undefined;
  let present = false;
  historiesOf.forEach((histories, r) => {
    const metric = metrics[r];
    histories.forEach((history, h) => {
      const prefix = runs[r].histories === undefined
        ? `runs[${r}].history`
        : `runs[${r}].histories[${h}]`;
      history.forEach((record, i) => {
        const name = `${prefix}[${i}].${metric}`;
        const value: unknown = record[metric];
        if (value === undefined) {
          if (METRIC_KINDS[metric] !== "accuracy") missing ??= [name, record, metric];
          return;
        }
        present = true;
        if (metric === "seconds") requireNumber(action, name, value, { min: 0 });
        if (metric !== "deadFraction" && metric !== "gradNorm") return;
        if (!Array.isArray(value)) {
          typeError(action, name, "an array of numbers, one per layer", value);
        }
        for (let l = 0; l < value.length; l++) {
          const v = requireNumberType(action, `${name}[${l}]`, value[l]);
          if (v < 0) {
            rangeError(
              action,
              `${name}[${l}]`,
              "a norm >= 0 (NaN or infinite where the run diverged)",
              v,
            );
          }
        }
      });
    });
  });
  if (missing !== undefined && present) {
    const [name, record, metric] = missing;
    typeError(
      action,
      name,
      `given in every record of a run drawing ${metric} (the record has ${
        Object.keys(record).join(", ")
      })`,
      undefined,
    );
  }
}

/**
 * The y label of the runs' metrics: the one metric's name in words (per-layer ones with how
 * layers are reduced), or the kind they share ("loss"). Throws when they are of different kinds,
 * which one axis cannot label.
 */
function metricLabel(
  action: string,
  metrics: readonly TrainingMetric[],
  layer: number | undefined,
): string {
  const drawn = [...new Set(metrics)];
  if (drawn.length === 1) {
    const perLayer = drawn[0] === "deadFraction" || drawn[0] === "gradNorm";
    // Layers are counted from 1 in labels, as in historyView and plotLayerBars.
    const reduction = layer === undefined ? " (mean over layers)" : ` (layer ${layer + 1})`;
    return METRIC_LABELS[drawn[0]] + (perLayer ? reduction : "");
  }
  const kinds = new Set(drawn.map((m) => METRIC_KINDS[m]));
  if (kinds.size > 1) {
    rangeError(
      action,
      "yLabel",
      `given when the runs draw metrics of different kinds on one axis (${drawn.join(", ")})`,
      undefined,
    );
  }
  return METRIC_KINDS[drawn[0]];
}

/** What the legend says of one run's seeds. */
interface SeedNote {
  name: string;
  /** The number of histories. */
  seeds: number;
  /** `[epoch, seeds averaged]` for each epoch drawn, in order. */
  counts: readonly [number, number][];
  /** The first epoch with a non-finite value of each seed that has one. */
  diverged: readonly number[];
}

/**
 * Over how many seeds the lines of runs with several histories are means: `"line: mean over 3
 * seeds"` when all have as many at every epoch, else per run, with the epochs from which fewer
 * (or more) have a value, e.g. `"2 seeds, 1 from epoch 3 (ReLU) and 5 seeds (tanh)"`.
 */
function seedsDrawn(notes: readonly SeedNote[]): string[] {
  const averaged = notes.filter((note) => note.seeds > 1);
  if (averaged.length === 0) return [];
  const changes = (note: SeedNote) => {
    let current = note.seeds;
    return note.counts.flatMap(([epoch, count]) => {
      if (count === current) return [];
      current = count;
      return [`, ${count} from epoch ${epoch}`];
    });
  };
  const uniform = averaged.every((note) =>
    note.seeds === averaged[0].seeds && changes(note).length === 0
  );
  if (uniform) return [`line: mean over ${averaged[0].seeds} seeds`];
  const list = averaged.map((note) =>
    `${note.seeds} seeds${changes(note).join("")} (${note.name})`
  );
  return [`line: mean over ${list.join(" and ")}`];
}

/**
 * The band points with each low edge at -Infinity (a band reaching 0 or below on a log scale)
 * moved to the foot of the axis: the smallest value above 0 drawn anywhere in the chart, which is
 * where Plot's domain starts. (With a given domain, the edge was already clamped to its start.)
 */
function toFoot(band: readonly CurvePoint[], all: readonly CurvePoint[]): CurvePoint[] {
  if (!band.some((p) => p.lo === -Infinity)) return [...band];
  let foot = Infinity;
  for (const { mean, lo, hi } of all) {
    for (const v of [mean, lo, hi]) if (v > 0 && v < Infinity && v < foot) foot = v;
  }
  return band.map((p) => p.lo === -Infinity ? { ...p, lo: foot } : p);
}

/**
 * How many mean points a log scale left out, of which runs, in plotLines' words: `"not drawn: 2
 * points with y ≤ 0 (ReLU), off the log scale"`; nothing when none was.
 */
function offScaleNote(runs: readonly string[]): string[] {
  if (runs.length === 0) return [];
  const points = runs.length === 1 ? "1 point" : `${runs.length} points`;
  return [`not drawn: ${points} with y ≤ 0 (${[...new Set(runs)].join(", ")}), off the log scale`];
}

/** That a run's seeds diverged (a non-finite value), from which epoch; nothing when none did. */
function divergedNote(note: SeedNote): string[] {
  if (note.diverged.length === 0) return [];
  const from = Math.min(...note.diverged);
  return [
    note.seeds === 1
      ? `${note.name}: diverged at epoch ${from}`
      : `${note.name}: ${note.diverged.length} of ${note.seeds} seeds diverged from epoch ${from}`,
  ];
}

/**
 * The most and the fewest layers a record of a run drawing a per-layer metric has, and the index
 * of the first run with the fewest: `[0, Infinity, -1]` when no run draws one.
 */
function layerRange(
  historiesOf: readonly (readonly (readonly EpochMetrics[])[])[],
  metrics: readonly TrainingMetric[],
): [most: number, fewest: number, run: number] {
  let most = 0, fewest = Infinity, run = -1;
  historiesOf.forEach((histories, r) => {
    for (const history of histories) {
      for (const record of history) {
        const value = record[metrics[r]];
        if (!Array.isArray(value)) continue;
        most = Math.max(most, value.length);
        if (value.length < fewest) [fewest, run] = [value.length, r];
      }
    }
  });
  return [most, fewest, run];
}

/**
 * Whether the positive values drawn of each run's metric (as `read` takes them from a record: the
 * layer asked for, or the mean over layers) span at least a factor of 10 across all runs.
 */
function spansDecade(
  historiesOf: readonly (readonly (readonly EpochMetrics[])[])[],
  metrics: readonly TrainingMetric[],
  read: (record: EpochMetrics, metric: TrainingMetric) => number | undefined,
): boolean {
  const values = historiesOf.flatMap((histories, r) =>
    histories.flatMap((history) => history.map((record) => read(record, metrics[r]) ?? NaN))
  );
  const extent = positiveExtent(values);
  return extent !== undefined && extent[1] >= 10 * extent[0];
}
