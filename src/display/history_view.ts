/**
 * Displaying a training history in the Jupyter kernel: loss, accuracy and dead-unit curves.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import { combineFigures } from "../plot/combine_figures.ts";
import { plotDefaults } from "../plot/defaults.ts";
import { finiteExtent, optionalText, resolveDocument, size } from "../plot/_compose.ts";
import { plotLines } from "../plot/plot_lines.ts";
import { requireRunRecords } from "../plot/_records.ts";
import type { EpochMetrics } from "../plot/plot_training_curves.ts";
import type { FigureDocument, FigureElement } from "../plot/types.ts";
import { DEAD_RULE } from "../diagnostics/_dead_rule.ts";
import { displayFigure } from "./display_figure.ts";
import { Displayable } from "./displayable.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";

/** Options for {@linkcode historyView}. */
export interface HistoryViewOptions {
  /** A title above the panels, not empty. Default: `"Training history"`. */
  title?: string;
  /** Width of each panel in pixels. Default: `300`. */
  panelWidth?: number;
  /** Height of each panel in pixels. Default: `240`. */
  panelHeight?: number;
  /** The document to draw with. Default: a fresh server-side document. */
  document?: FigureDocument;
}

const HISTORY_VIEW_KEYS: OptionKeys<HistoryViewOptions> = {
  title: true,
  panelWidth: "number",
  panelHeight: "number",
  document: true,
};

/**
 * Builds the rich display of a training history: the loss (training and test; log scale when it
 * falls by a decade or more), the accuracy when it was measured, and the dead fraction of each
 * activation layer (in order of depth in shades of viridis past ten layers), side by side; its
 * plain-text form is the title line and the first and last epochs. Losses must be numbers where
 * present, accuracies and dead fractions numbers in [0, 1], each figure in every record once one
 * record gives it (as `train` writes them): anything else is refused, naming the record. A loss of
 * NaN or ±Infinity, from a diverged run, breaks the loss line (its finite part is drawn, and the
 * loss panel stays even when no loss is finite), and both the loss panel's caption and the title
 * line of the text say so, e.g. `"train: diverged at epoch 3"`, from the first epoch with such a
 * loss. A history with nothing to draw (no loss, and no finite accuracy or dead fraction) is
 * refused.
 *
 * @param history The per-epoch records returned by `train`.
 * @param options Title and panel size; see {@linkcode HistoryViewOptions}.
 * @returns A displayable whose bundle has `text/html`, `image/svg+xml` (the panels as one SVG,
 *   for front ends without HTML) and `text/plain` (the title line, with a diverged loss's note,
 *   then the first and last epochs).
 *
 * @example
 * ```ts
 * import { historyView, jupyterDisplay } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const history = [1, 2, 3].map((epoch) => ({
 *   epoch,
 *   trainLoss: 1 / epoch,
 *   trainAccuracy: 1 - 0.5 / epoch,
 *   deadFraction: [0.1 * epoch],
 * }));
 * const bundle = historyView(history)[jupyterDisplay]();
 * // Three charts: loss, accuracy, dead fraction.
 * assert.equal((bundle["text/html"]?.match(/<svg[^>]*class="plot-/g) ?? []).length, 3);
 * assert.match(bundle["text/html"] ?? "", /dead fraction/);
 * assert.match(bundle["text/plain"], /epoch 3/);
 * assert.equal((bundle["image/svg+xml"]?.match(/<svg[^>]*class="plot-/g) ?? []).length, 3);
 * // A loss that is not a number would be left out of the chart but printed: it is refused.
 * assert.throws(() => historyView([{ epoch: 1, trainLoss: "0.5" as never }]), TypeError);
 * // A diverged run is shown, and said to have diverged.
 * const diverged = historyView([{ epoch: 1, trainLoss: 0.5 }, { epoch: 2, trainLoss: NaN }]);
 * assert.match(diverged[jupyterDisplay]()["text/plain"], /train: diverged at epoch 2/);
 * ```
 */
export function historyView(
  history: readonly EpochMetrics[],
  options?: HistoryViewOptions,
): Displayable;
export function historyView(
  history: readonly EpochMetrics[],
  options: HistoryViewOptions = {},
  extra?: unknown,
): Displayable {
  refuseTrailing(ACTION, "historyView", "history and options", "third", extra);
  requireOptions(ACTION, options, HISTORY_VIEW_KEYS);
  if (!Array.isArray(history) || history.length === 0) {
    // An empty array is the right type with a wrong value.
    throw new (Array.isArray(history) ? RangeError : TypeError)(
      `Cannot display a training history as it must be a non-empty array of epoch records: history=${
        formatValue(history)
      }`,
    );
  }
  requireRunRecords(ACTION, "history", history);
  requireSameKeys(history);
  const title = historyTitle(options.title);
  const document = resolveDocument(ACTION, options);
  const width = size(ACTION, "panelWidth", options.panelWidth, 300);
  const height = size(ACTION, "panelHeight", options.panelHeight, 240);
  const epochs = history.map((record) => record.epoch);
  const column = (read: (record: EpochMetrics) => number | undefined) =>
    history.map((record) => read(record) ?? NaN);
  const has = (values: number[]) => values.some(Number.isFinite);
  const panels: FigureElement[] = [];

  // A loss series is drawn when any record has that loss, even if none is finite: a run that
  // diverged from its first epoch is a result, shown with its note, not a history to refuse.
  // Every record has the same keys (checked above), so the first one tells.
  const loss = ([["train", "trainLoss"], ["test", "testLoss"]] as const)
    .filter(([, key]) => history[0][key] !== undefined)
    .map(([name, key]) => ({ name, x: epochs, y: column((r) => r[key]) }));
  const diverged = divergedNotes(history);
  // A log scale when the loss falls by a decade or more (and stays positive).
  const extent = finiteExtent(loss.flatMap((series) => series.y));
  const logY = extent !== undefined && extent[0] > 0 && extent[1] >= 10 * extent[0];
  if (loss.length > 0) {
    panels.push(plotLines(loss, {
      document,
      width,
      height,
      xLabel: "epoch",
      yLabel: "loss",
      logY,
      legend: true,
      subtitle: "Loss",
      ...(diverged.length === 0 ? {} : { caption: diverged.join("; ") }),
    }));
  }
  const accuracy = [
    { name: "train", x: epochs, y: column((r) => r.trainAccuracy) },
    { name: "test", x: epochs, y: column((r) => r.testAccuracy) },
  ].filter((series) => has(series.y));
  if (accuracy.length > 0) {
    panels.push(plotLines(accuracy, {
      document,
      width,
      height,
      xLabel: "epoch",
      yLabel: "accuracy",
      legend: true,
      subtitle: "Accuracy",
    }));
  }
  const layers = history.reduce((most, r) => Math.max(most, r.deadFraction?.length ?? 0), 0);
  if (layers > 0) {
    const dead = Array.from({ length: layers }, (_, l) => ({
      name: `layer ${l + 1}`,
      x: epochs,
      y: column((r) => r.deadFraction?.[l]),
    }));
    panels.push(plotLines(dead, {
      document,
      width,
      height,
      xLabel: "epoch",
      yLabel: "dead fraction",
      yDomain: [0, 1],
      colors: layerColors(layers),
      legend: true,
      subtitle: "Dead neurons per layer",
      caption: DEAD_RULE,
    }));
  }
  if (panels.length === 0) {
    const keys = [...new Set(history.flatMap((record) => Object.keys(record)))];
    throw new RangeError(
      `Cannot display a training history as its records must have a trainLoss or testLoss, or a finite trainAccuracy, testAccuracy or deadFraction: ${
        history.length === 1 ? "the record has" : `the ${history.length} records have`
      } ${keys.length === 0 ? "no keys" : `the keys ${keys.join(", ")}`}`,
    );
  }
  const figure = combineFigures(panels, { document, title });
  const svg = displayFigure(figure).bundle["image/svg+xml"];
  return new Displayable({
    "text/plain": historyText(history, title, diverged),
    "text/html": figure.outerHTML,
    ...(svg === undefined ? {} : { "image/svg+xml": svg }),
  });
}

const ACTION = "display a training history";

/** The title option, checked (text, not empty: it names the figure and the text), or the default. */
function historyTitle(value: unknown): string {
  const title = optionalText(ACTION, "title", value);
  if (title === undefined) return "Training history";
  if (title.trim() === "") {
    throw new RangeError(
      `Cannot ${ACTION} as title must be a string with text, or left out: title=${
        formatValue(title)
      }`,
    );
  }
  return title;
}

/**
 * One colour per activation layer: the default categorical colours while they suffice, then, for
 * a deeper network, shades of viridis in order of depth (its palest end left out, faint on white).
 */
function layerColors(layers: number): string[] | undefined {
  if (layers <= plotDefaults.colors.length) return undefined;
  const domain = [0, (layers - 1) / 0.85];
  const viridis = Plot.scale({ color: { type: "linear", scheme: "viridis", domain } });
  return Array.from({ length: layers }, (_, l) => String(viridis.apply(l)));
}

/**
 * Refuses a figure given in some records and left out of others: its line would break there
 * without a word, as a diverged loss's does with one (`train()` gives every record the same
 * figures).
 */
function requireSameKeys(history: readonly EpochMetrics[]): void {
  const keys = ["trainLoss", "testLoss", "trainAccuracy", "testAccuracy", "deadFraction"] as const;
  for (const key of keys) {
    if (!history.some((record) => record[key] !== undefined)) continue;
    const i = history.findIndex((record) => record[key] === undefined);
    if (i < 0) continue;
    throw new TypeError(
      `Cannot ${ACTION} as ${key} must be given in every record once one gives it (history[${i}] has ${
        Object.keys(history[i]).join(", ")
      }): history[${i}].${key}=undefined`,
    );
  }
}

/**
 * That the training or test loss diverged (NaN or ±Infinity), from its first such epoch, in the
 * words of `plotTrainingCurves`' legend: `"train: diverged at epoch 3"`; nothing when neither did.
 */
function divergedNotes(history: readonly EpochMetrics[]): string[] {
  const notes: string[] = [];
  for (const [name, key] of [["train", "trainLoss"], ["test", "testLoss"]] as const) {
    let from = Infinity;
    for (const record of history) {
      const value = record[key];
      if (value !== undefined && !Number.isFinite(value) && record.epoch < from) {
        from = record.epoch;
      }
    }
    if (from < Infinity) notes.push(`${name}: diverged at epoch ${from}`);
  }
  return notes;
}

/**
 * The title line (with the notes of a diverged loss), then the first and last epochs, each with
 * the figures its record holds.
 */
function historyText(
  history: readonly EpochMetrics[],
  title: string,
  diverged: readonly string[],
): string {
  const line = (r: EpochMetrics) => {
    const parts = [`epoch ${r.epoch}`];
    if (r.trainLoss !== undefined) parts.push(`trainLoss ${fmt(r.trainLoss)}`);
    if (r.testLoss !== undefined) parts.push(`testLoss ${fmt(r.testLoss)}`);
    if (r.trainAccuracy !== undefined) parts.push(`trainAccuracy ${fmt(r.trainAccuracy)}`);
    if (r.testAccuracy !== undefined) parts.push(`testAccuracy ${fmt(r.testAccuracy)}`);
    if (r.deadFraction !== undefined) {
      parts.push(`deadFraction [${r.deadFraction.map(fmt).join(", ")}]`);
    }
    return "  " + parts.join(", ");
  };
  const first = history[0];
  const last = history[history.length - 1];
  const epochs = history.length === 1 ? "1 epoch" : `${history.length} epochs`;
  const lines = [[`${title}, ${epochs}`, ...diverged].join("; "), line(first)];
  if (history.length > 2) lines.push("  ...");
  if (history.length > 1) lines.push(line(last));
  return lines.join("\n");
}

function fmt(value: number): string {
  return Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : String(value);
}
