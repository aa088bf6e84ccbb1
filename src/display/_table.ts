// A small HTML table in the house look, shared by the model and diagnostics views.

import { escapeHtml } from "../plot/escape_html.ts";

const CELL = "padding: 3px 10px; border-bottom: 1px solid #e5e5e5;";

/** One column: its header and whether its cells are numbers (right-aligned, tabular digits). */
export interface Column {
  header: string;
  numeric?: boolean;
  monospace?: boolean;
}

/** An HTML table with escaped cells. */
export function htmlTable(columns: readonly Column[], rows: readonly string[][]): string {
  const style = (column: Column) =>
    `${CELL} text-align: ${column.numeric ? "right" : "left"};` +
    (column.numeric ? " font-variant-numeric: tabular-nums;" : "") +
    (column.monospace ? " font-family: ui-monospace, monospace;" : "");
  const head = columns.map((column) =>
    `<th style="${style(column)} border-bottom: 1.5px solid #444;">${
      escapeHtml(column.header)
    }</th>`
  ).join("");
  const body = rows.map((row) =>
    `<tr>${
      row.map((cell, c) => `<td style="${style(columns[c])}">${escapeHtml(cell)}</td>`).join("")
    }</tr>`
  ).join("");
  return `<table style="border-collapse: collapse; font-size: 13px; margin: 4px 0 8px 0;">` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
