/**
 * The cells of a diagnostics report, shared by its two forms: the text of
 * `DiagnosticsReport.toString()` and the rich display of `reportView()`. Each form lays them out
 * its own way; what they show, and how each number is written, is decided here once.
 *
 * @module
 */

import type { DiagnosticsReport } from "./diagnose.ts";
import { DEAD_RULE, recoveryCell } from "./_dead_rule.ts";

/** A column of a report table: its header and how its cells read. */
export interface ReportColumn {
  /** The header. */
  header: string;
  /** Whether its cells are numbers (right-aligned). */
  numeric?: boolean;
  /** Whether its cells are code (a layer's description). */
  monospace?: boolean;
}

/** The report's first line: the loss, and the accuracy when there is one. */
export function reportHeadline(report: Pick<DiagnosticsReport, "loss" | "accuracy">): string {
  return `loss ${report.loss.toPrecision(4)}` +
    (report.accuracy === undefined ? "" : `, accuracy ${(100 * report.accuracy).toFixed(1)}%`);
}

/** The columns of the activation-layer table. */
export const ACTIVATION_COLUMNS: readonly ReportColumn[] = [
  { header: "#", numeric: true },
  { header: "activation layer", monospace: true },
  { header: "dead", numeric: true },
  { header: "can recover" },
  { header: "sparsity", numeric: true },
  { header: "mean", numeric: true },
  { header: "std", numeric: true },
];

/** One row per activation layer, in {@linkcode ACTIVATION_COLUMNS}' order. */
export function activationRows(
  report: Pick<DiagnosticsReport, "activations" | "dead">,
): string[][] {
  return report.activations.map((a, i) => [
    String(a.layerIndex),
    a.layer,
    `${report.dead[i].dead.length}/${a.size}`,
    recoveryCell(report.dead[i].canRecover),
    `${(100 * a.sparsity).toFixed(1)}%`,
    a.mean.toPrecision(3),
    a.std.toPrecision(3),
  ]);
}

/** What a "?" under "can recover" means, said under the table only where one is shown. */
const UNKNOWN_RECOVERY = 'A "?" under "can recover": the diagnostics cannot tell, for a ' +
  "layer of a kind they do not know or an activation whose slope is 0 on part of z < 0 only.";

/**
 * The sentences under a report's dead neurons: the rule they are counted by, and what a "?"
 * under "can recover" means when the table shows one.
 */
export function reportDeadRule(report: Pick<DiagnosticsReport, "dead">): string {
  const unknown = report.dead.some((d) => d.canRecover === undefined);
  return unknown ? `${DEAD_RULE} ${UNKNOWN_RECOVERY}` : DEAD_RULE;
}

/** The columns of the table of layers with weights. */
export const GRADIENT_COLUMNS: readonly ReportColumn[] = [
  { header: "#", numeric: true },
  { header: "layer with weights", monospace: true },
  { header: "‖∇W‖", numeric: true },
  { header: "‖∇b‖", numeric: true },
];

/** One row per layer with weights, in {@linkcode GRADIENT_COLUMNS}' order. */
export function gradientRows(report: Pick<DiagnosticsReport, "gradients">): string[][] {
  return report.gradients.map((g) => [
    String(g.layerIndex),
    g.layer,
    g.weights.toExponential(2),
    g.biases.toExponential(2),
  ]);
}
