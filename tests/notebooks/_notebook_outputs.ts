/**
 * Helpers shared by the per-notebook tests (tests/notebooks/0*_test.ts): reading a stored
 * notebook, collecting what its code cells printed, pulling numbers out of that text, and
 * rerunning a notebook with overridden parameters through the runner API.
 */
import assert from "node:assert/strict";
import { type CliOptions, runNotebook, type RunReport } from "../../src/runner/cli.ts";
import { ensureJupyter, ensureKernelSpec } from "../../src/runner/jupyter.ts";
import type { ParameterValue } from "../../src/runner/parameters.ts";
import { type Cell, hasTag, type Notebook, parseNotebook } from "../../src/runner/notebook.ts";
import { type ClaimRecord, VERDICT_LINE } from "../claims/registry.ts";

/** The notebook stored at `path`, parsed. */
export async function readStored(path: string): Promise<Notebook> {
  return parseNotebook(await Deno.readTextFile(path), path);
}

/** A notebook text field (a string or a list of lines) as one string; nothing as "". */
export function joined(value: unknown): string {
  return Array.isArray(value) ? value.join("") : String(value ?? "");
}

/**
 * Everything the notebook's code cells printed (their `stream` outputs), in order, joined
 * without separators. Other output types (display data, results) are left out. With
 * `skipTag`, cells carrying that tag (e.g. "nondeterministic" timing cells) are left out too.
 */
export function printed(notebook: Notebook, options: { skipTag?: string } = {}): string {
  const { skipTag } = options;
  return notebook.cells
    .filter((cell) => skipTag === undefined || !hasTag(cell, skipTag))
    .flatMap((cell) =>
      (cell.outputs ?? []).map((o) => o.output_type === "stream" ? joined(o.text) : "")
    )
    .join("");
}

/** The `verdict (<id>): <verdict>` lines in `text`, as [id, verdict] pairs in order. */
export function verdictLines(text: string): [string, string][] {
  return text.split("\n").flatMap((line) => {
    const match = VERDICT_LINE.exec(line);
    return match === null ? [] : [[match[1], match[2]] as [string, string]];
  });
}

/**
 * Asserts that `lines` (from {@linkcode verdictLines}) hold one verdict line for each of
 * `records` and no other, each with the verdict its record gives.
 */
export function assertVerdictsAsRecorded(
  lines: [string, string][],
  records: readonly ClaimRecord[],
): void {
  const printed = lines.map(([id]) => id).sort();
  assert.deepEqual(printed, records.map((r) => r.id).sort(), "one verdict line per claim");
  for (const [id, verdict] of lines) {
    assert.equal(verdict, records.find((r) => r.id === id)!.verdict, id);
  }
}

/** The HTML a cell displayed (its `text/html` outputs, joined). */
export function displayedHtml(cell: Cell | undefined): string {
  return (cell?.outputs ?? []).map((o) => joined(o.data?.["text/html"])).join("");
}

/** The first number after the pattern `label` (optionally after whitespace) in `text`. */
export function numberAfter(text: string, label: RegExp): number {
  const match = text.match(new RegExp(label.source + String.raw`\s*(-?[\d.]+(?:e[+-]?\d+)?)`));
  assert.ok(match, `no number after ${label}`);
  return Number(match[1]);
}

/**
 * Runs the notebook at `path` with `params` overriding its parameters cell, as the CLI would
 * (no update of the stored notebook, a 300 s timeout), writing into `outDir`. Makes sure
 * Jupyter and the project's kernel spec are installed first. Returns the runner's report; the
 * caller asserts `report.ok`.
 */
export async function runWithParams(
  path: string,
  params: Record<string, ParameterValue>,
  outDir = "build/test-notebooks-alpha",
): Promise<RunReport> {
  await ensureJupyter();
  await ensureKernelSpec("build");
  const options: CliOptions = { names: [], params, update: false, timeout: 300, out: outDir };
  return await runNotebook(path, options);
}
