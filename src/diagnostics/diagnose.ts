/**
 * One report on a model and a data set: loss and accuracy, every activation layer's dead
 * neurons, sparsity and output statistics, and every Dense or Conv2D layer's gradient norms.
 * It prints as a text table.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import { accuracy, type Loss, type LossName, type Sequential } from "../nn/mod.ts";
import { checkData, fullBatchLoss, lossFor } from "./_inputs.ts";
import { type ActivationStatistics, activationStatistics } from "./activation_statistics.ts";
import {
  ACTIVATION_COLUMNS,
  activationRows,
  GRADIENT_COLUMNS,
  gradientRows,
  type ReportColumn,
  reportDeadRule,
  reportHeadline,
} from "./_report_tables.ts";
import { wrapWords } from "../core/_wrap_words.ts";
import { type DeadNeurons, deadNeurons } from "./dead_neurons.ts";
import { gradientNorms, type LayerGradientNorm } from "./gradient_norms.ts";
import { type OptionKeys, requireOptions } from "../core/validate.ts";
import { refuseTrailing } from "../core/_require.ts";
import { requireReportFields } from "./_report_fields.ts";

/** Options of {@linkcode diagnose}. */
export interface DiagnoseOptions {
  /** The loss. Default: as in `train` (softmax cross-entropy for labels, MSE for matrices). */
  loss?: LossName | Loss;
}

/**
 * The findings of {@linkcode diagnose}. `toString()` (and `console.log`) give a text table.
 *
 * @example
 * ```ts
 * import { DiagnosticsReport, dataset, diagnose, fromRows, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 8, 2], { seed: 1 });
 * const report = diagnose(model, dataset(fromRows([[1, 0], [0, 1]]), new Int32Array([0, 1])));
 * assert.ok(report instanceof DiagnosticsReport);
 * assert.ok(Number.isFinite(report.loss));
 * assert.ok(report.accuracy !== undefined && report.accuracy >= 0 && report.accuracy <= 1);
 * assert.equal(report.gradients.length, 2); // one per layer with weights (here Dense)
 * assert.match(String(report), /^loss /);
 *
 * // Findings made by hand are checked when the report is made, not when it is shown.
 * assert.throws(() => new DiagnosticsReport({ ...report, accuracy: 2 }), {
 *   name: "RangeError",
 *   message:
 *     "Cannot create a DiagnosticsReport as fields.accuracy must be a finite number >= 0 and <= 1: fields.accuracy=2",
 * });
 * ```
 */
export class DiagnosticsReport {
  /** Mean loss over the data set, in evaluation mode. */
  readonly loss: number;
  /** Accuracy over the data set, for class labels. */
  readonly accuracy: number | undefined;
  /** Per activation layer: output mean, std, sparsity and dead fraction. */
  readonly activations: readonly ActivationStatistics[];
  /** Per activation layer: the indices of its dead neurons. */
  readonly dead: readonly DeadNeurons[];
  /** Per layer with weights (Dense or Conv2D): gradient norms of the full-batch loss. */
  readonly gradients: readonly LayerGradientNorm[];

  /**
   * Gathers the findings (use {@linkcode diagnose} to compute them). Findings made by hand are
   * checked: a field missing, of the wrong type or unknown is a `TypeError`; an accuracy outside
   * [0, 1], a sparsity or dead fraction outside [0, 1], a dead neuron's index outside its layer
   * or listed twice, `dead` entries that do not pair one to one (same layerIndex and size) with
   * `activations`, or a dead fraction (in `dead` or `activations`) other than the share of its
   * layer's neurons that `dead` lists (`dead.length / size`, exactly as `diagnose` computes it)
   * are a `RangeError`, as are a standard deviation or a gradient norm below 0, and a key an
   * entry does not have a `TypeError`. The loss, means, standard deviations and gradient norms
   * must be numbers; NaN and Infinity pass (and −Infinity for the loss and means), as `diagnose`
   * reports them for a model that diverged. The report keeps frozen copies of the findings, and
   * is frozen itself.
   *
   * @param fields The findings.
   */
  constructor(fields: {
    loss: number;
    accuracy: number | undefined;
    activations: readonly ActivationStatistics[];
    dead: readonly DeadNeurons[];
    gradients: readonly LayerGradientNorm[];
  });
  constructor(
    fields: {
      loss: number;
      accuracy: number | undefined;
      activations: readonly ActivationStatistics[];
      dead: readonly DeadNeurons[];
      gradients: readonly LayerGradientNorm[];
    },
    extra?: unknown,
  ) {
    refuseTrailing(
      "create a DiagnosticsReport",
      "DiagnosticsReport",
      "fields alone",
      "second",
      extra,
    );
    requireReportFields(fields);
    this.loss = fields.loss;
    this.accuracy = fields.accuracy;
    // Copies, frozen, as the report itself: findings changed after the check (an entry removed,
    // a loss set to a string) would break what toString() and the rich view show.
    this.activations = frozenCopies(fields.activations);
    this.dead = frozenCopies(
      fields.dead,
      (d) => ({ dead: Object.freeze([...d.dead]) as number[] }),
    );
    this.gradients = frozenCopies(fields.gradients);
    Object.freeze(this);
  }

  /**
   * The report as text: a header line, then one table for the activation layers (with whether
   * each layer's dead neurons can recover, and what counts as dead under it), and one for the
   * layers with weights (Dense, Conv2D).
   *
   * @returns The text.
   */
  toString(): string {
    return [
      reportHeadline(this),
      "",
      table(ACTIVATION_COLUMNS, activationRows(this)),
      ...(this.activations.length > 0
        ? wrapWords(reportDeadRule(this).split(" "), (line) => line.length <= TEXT_WIDTH)
        : []),
      "",
      table(GRADIENT_COLUMNS, gradientRows(this)),
    ].join("\n");
  }

  /**
   * Deno's inspector form (`console.log(report)`): the text report.
   *
   * @returns The text.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }
}

/** A frozen array of frozen shallow copies of `entries`, with `replace`'s fields in each. */
function frozenCopies<T extends object>(
  entries: readonly T[],
  replace: (entry: T) => Partial<T> = () => ({}),
): readonly T[] {
  return Object.freeze(entries.map((entry) => Object.freeze({ ...entry, ...replace(entry) })));
}

/** The widest line of the text report's prose. */
const TEXT_WIDTH = 80;

/** A text table: numeric columns right-aligned, the others (descriptions, yes or no) left. */
function table(columns: readonly ReportColumn[], rows: string[][]): string {
  const header = columns.map((column) => column.header);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => columns[c].numeric ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))
      .join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

const DIAGNOSE_KEYS: OptionKeys<DiagnoseOptions> = { loss: true };

/**
 * Diagnoses a model on a data set: loss and accuracy, dead neurons, sparsity, output mean and
 * std per activation layer, and gradient norms per Dense or Conv2D layer. The weights do not
 * change; the accumulated gradients are left holding the full-batch gradient.
 *
 * @param model The model.
 * @param data The data set.
 * @param options The loss; one of relu-lab's that does not fit the targets (`"mse"` with class
 *   labels, softmax cross-entropy with a matrix, binary cross-entropy with labels and more than
 *   one output) is refused up front, as is an unknown loss name.
 * @returns The report, printable as text.
 *
 * @example
 * ```ts
 * import { dataset, diagnose, fromRows, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 8, 2], { biasInit: -100, seed: 1 });
 * const report = diagnose(model, dataset(fromRows([[1, 0], [0, 1]]), new Int32Array([0, 1])));
 * assert.equal(report.dead[0].deadFraction, 1);
 * assert.match(String(report), /8\/8/);
 * ```
 */
export function diagnose(
  model: Sequential,
  data: Dataset,
  options?: DiagnoseOptions,
): DiagnosticsReport;
export function diagnose(
  model: Sequential,
  data: Dataset,
  options: DiagnoseOptions = {},
  extra?: unknown,
): DiagnosticsReport {
  const action = "diagnose a model";
  refuseTrailing(action, "diagnose", "model, data and options", "fourth", extra);
  requireOptions(action, options, DIAGNOSE_KEYS);
  checkData(action, model, data);
  const loss = lossFor(action, model, data, options.loss);
  const value = fullBatchLoss(model, data, loss);
  let correct: number | undefined;
  if (data.y instanceof Int32Array) correct = accuracy(model.predict(data.x), data.y);
  return new DiagnosticsReport({
    loss: value,
    accuracy: correct,
    activations: activationStatistics(model, data),
    dead: deadNeurons(model, data),
    gradients: gradientNorms(model, data, { loss }),
  });
}
