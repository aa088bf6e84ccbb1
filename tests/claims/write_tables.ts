/**
 * Writes the tables generated from the claims registry into the files that show them: the
 * README's claims table (between `<!-- claims-table:start -->` and `<!-- claims-table:end -->`)
 * and the Markdown cells of notebook 07 tagged `claims-table`, in order. Run it after changing
 * the registry, then format the README and store the notebook's outputs afresh:
 *
 * ```sh
 * deno run --allow-read --allow-write=README.md,notebooks/07-summary.ipynb tests/claims/write_tables.ts
 * deno fmt README.md notebooks/07-summary.ipynb && deno task notebooks 07-summary
 * ```
 *
 * tests/notebooks/claims_registry_test.ts fails while the files and the registry disagree.
 *
 * @module
 */
import { CLAIMS, claimsMarkdownTable, claimsSummaryTables } from "./registry.ts";
import { hasTag, parseNotebook, serializeNotebook, splitLines } from "../../src/runner/notebook.ts";

const README = "README.md";
const SUMMARY_NOTEBOOK = "notebooks/07-summary.ipynb";
const START = "<!-- claims-table:start -->";
const END = "<!-- claims-table:end -->";

/** `text` with the part between the README's markers replaced by `table`. */
export function withReadmeTable(text: string, table: string): string {
  const start = text.indexOf(START), end = text.indexOf(END);
  if (start < 0 || end < start) {
    throw new RangeError(
      `Cannot write the claims table as ${README} must hold ${START} followed by ${END}: found start=${start}, end=${end}`,
    );
  }
  return `${text.slice(0, start + START.length)}\n\n${table}\n${text.slice(end)}`;
}

if (import.meta.main) {
  const readme = await Deno.readTextFile(README);
  await Deno.writeTextFile(README, withReadmeTable(readme, claimsMarkdownTable(CLAIMS)));

  const notebook = parseNotebook(await Deno.readTextFile(SUMMARY_NOTEBOOK), SUMMARY_NOTEBOOK);
  const cells = notebook.cells.filter((cell) => hasTag(cell, "claims-table"));
  const tables = claimsSummaryTables(CLAIMS);
  if (cells.length !== tables.length) {
    throw new RangeError(
      `Cannot write the tables of ${SUMMARY_NOTEBOOK} as it must have one cell tagged claims-table per table: cells=${cells.length}, tables=${tables.length}`,
    );
  }
  cells.forEach((cell, i) => cell.source = splitLines(tables[i]));
  await Deno.writeTextFile(SUMMARY_NOTEBOOK, serializeNotebook(notebook));
  console.log(
    `wrote the claims table of ${README} and ${tables.length} tables of ${SUMMARY_NOTEBOOK}`,
  );
}
