/**
 * The results table and the statistics the benches share.
 *
 * @module
 */

/** One row of a bench's results table. */
export type Row = [
  figure: string,
  ours: string,
  baseline: string,
  ratio: string,
  target: string,
  result: string,
];

/** The result cell of a row with a target. */
export function verdict(ok: boolean): string {
  return ok ? "pass" : "FAIL";
}

/** Prints the title lines, then the rows as a Markdown table with aligned columns. */
export function printTable(title: readonly string[], rows: readonly Row[]): void {
  const header: Row = ["figure", "ours", "baseline", "ratio / diff", "target", "result"];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c].length)));
  const line = (row: Row) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  for (const t of title) console.log(t);
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

/** The median (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
