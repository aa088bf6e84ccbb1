/**
 * Displaying a diagnostics report in the Jupyter kernel: tables and per-layer bars.
 *
 * Importing this module (as importing relu-lab does) gives every {@linkcode DiagnosticsReport} a
 * `[Symbol.for("Jupyter.display")]` method, so a report shown as a cell's value displays as
 * {@linkcode reportView} draws it (`diagnostics/` sits below `display/` and cannot import it).
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { DiagnosticsReport } from "../diagnostics/diagnose.ts";
import { combineFigures } from "../plot/combine_figures.ts";
import { resolveDocument, size } from "../plot/_compose.ts";
import { plotDefaults } from "../plot/defaults.ts";
import { plotLayerBars } from "../plot/plot_layer_bars.ts";
import type { FigureDocument, FigureElement } from "../plot/types.ts";
import {
  ACTIVATION_COLUMNS,
  activationRows,
  GRADIENT_COLUMNS,
  gradientRows,
  reportDeadRule,
  reportHeadline,
} from "../diagnostics/_report_tables.ts";
import { htmlTable } from "./_table.ts";
import { Displayable, jupyterDisplay, type MimeBundle } from "./displayable.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";

/** Options for {@linkcode reportView}. */
export interface ReportViewOptions {
  /** Width of each bar chart in pixels. Default: `300`. */
  panelWidth?: number;
  /** Height of each bar chart in pixels. Default: `220`. */
  panelHeight?: number;
  /** The document to draw with. Default: a fresh server-side document. */
  document?: FigureDocument;
}

const REPORT_VIEW_KEYS: OptionKeys<ReportViewOptions> = {
  panelWidth: "number",
  panelHeight: "number",
  document: true,
};

/**
 * Builds the rich display of a diagnostics report: the loss and accuracy, a table of the
 * activation layers (dead neurons, whether they can recover, sparsity, output mean and std) and
 * one of the layers with weights (gradient norms), and bars of the dead fraction and the
 * gradient norm per layer (log scale), the dead bars captioned with the rule they count by. Every
 * layer has its place on the gradient bars: a norm of 0 (a gradient that vanished) or one that is
 * not finite (a run that diverged) is marked at the foot of the axis, not left out.
 * The plain-text form is the report's own text table.
 *
 * @param report The report from `diagnose`.
 * @param options Chart sizes; see {@linkcode ReportViewOptions}.
 * @returns A displayable whose bundle has `text/html` and `text/plain`.
 *
 * @example
 * ```ts
 * import { dataset, diagnose, fromRows, jupyterDisplay, mlp, reportView, show } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 8, 2], { seed: 1 });
 * const report = diagnose(model, dataset(fromRows([[1, 0], [0, 1]]), new Int32Array([0, 1])));
 * const bundle = reportView(report)[jupyterDisplay]();
 * assert.equal(bundle["text/plain"], String(report));
 * assert.equal(bundle["text/html"]?.match(/<table/g)?.length, 2);
 * assert.deepEqual(show(report).bundle, bundle);
 * ```
 */
export function reportView(report: DiagnosticsReport, options?: ReportViewOptions): Displayable;
export function reportView(
  report: DiagnosticsReport,
  options: ReportViewOptions = {},
  extra?: unknown,
): Displayable {
  const action = "display a diagnostics report";
  refuseTrailing(action, "reportView", "report and options", "third", extra);
  requireOptions(action, options, REPORT_VIEW_KEYS);
  if (!(report instanceof DiagnosticsReport)) {
    throw new TypeError(
      `Cannot ${action} as it must be a DiagnosticsReport: report=${formatValue(report)}`,
    );
  }
  const document = resolveDocument(action, options);
  const width = size(action, "panelWidth", options.panelWidth, 300);
  const height = size(action, "panelHeight", options.panelHeight, 220);
  const head = reportHeadline(report);
  const activationTable = htmlTable(ACTIVATION_COLUMNS, activationRows(report));
  const gradientTable = htmlTable(GRADIENT_COLUMNS, gradientRows(report));
  const charts: FigureElement[] = [];
  if (report.activations.length > 0) {
    charts.push(plotLayerBars(
      report.activations.map((a) => ({ layer: `#${a.layerIndex}`, value: a.deadFraction })),
      {
        document,
        width,
        height,
        yDomain: [0, 1],
        yLabel: "dead fraction",
        xLabel: "activation layer",
        subtitle: "Dead neurons per layer",
        caption: reportDeadRule(report),
      },
    ));
  }
  // Every layer, a norm of 0 (a vanished gradient) or not finite (a diverged run) too: the bars
  // mark those at the foot of the log axis rather than leave the layer out.
  if (report.gradients.length > 0) {
    charts.push(plotLayerBars(
      report.gradients.map((g) => ({ layer: `#${g.layerIndex}`, value: g.total })),
      {
        document,
        width,
        height,
        logY: true,
        yLabel: "gradient norm ‖∇‖",
        xLabel: "layer with weights",
        subtitle: "Gradient norm per layer",
      },
    ));
  }
  const figure = charts.length > 0 ? combineFigures(charts, { document }).outerHTML : "";
  const html = `<div class="relu-lab-report" style="font-family: ${plotDefaults.fontFamily};">` +
    `<div style="font-weight: 600; font-size: 14px; margin-bottom: 4px;">Diagnostics: ${head}</div>` +
    activationTable + gradientTable + figure + `</div>`;
  return new Displayable({ "text/plain": String(report), "text/html": html });
}

Object.defineProperty(DiagnosticsReport.prototype, jupyterDisplay, {
  value: function (this: DiagnosticsReport): MimeBundle {
    return reportView(this).bundle;
  },
  configurable: true,
  writable: true,
});
