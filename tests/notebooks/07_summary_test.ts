/**
 * Assertions on the stored outputs of notebooks/07-summary.ipynb (the claims tables against the
 * registry, the rerun evidence), and one rerun with alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import { CLAIM_VERDICTS, claimPart, CLAIMS, headingAnchor } from "../claims/registry.ts";
import { joined, printed, readStored, runWithParams } from "./_notebook_outputs.ts";
import { hasTag, type Notebook, sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/07-summary.ipynb";
const stored = await readStored(PATH);

/** The Markdown tables the notebook displayed, one string per table. */
function tables(notebook: Notebook): string[] {
  return notebook.cells.flatMap((cell) =>
    (cell.outputs ?? []).flatMap((o) => {
      const markdown = o.data?.["text/markdown"];
      return markdown === undefined ? [] : [joined(markdown)];
    })
  );
}

/** The table rows (without header and rule lines). */
function rows(notebook: Notebook): string[] {
  return tables(notebook).flatMap((t) => t.trimEnd().split("\n").slice(2));
}

/** The evidence lines printed by `note`: `id: text`, keyed by id. */
function evidence(notebook: Notebook): Map<string, string> {
  const ids = new Set(CLAIMS.map((r) => r.id));
  const lines = new Map<string, string>();
  for (const line of printed(notebook).split("\n")) {
    const match = /^([a-z0-9-]+): (.*)$/.exec(line);
    if (match && ids.has(match[1])) lines.set(match[1], match[2]);
  }
  return lines;
}

const text = printed(stored);
const storedEvidence = evidence(stored);

Deno.test("07: the parameters cell declares alpha = 0.01, seed and runs", () => {
  const parameters = stored.cells.filter((c) => hasTag(c, "parameters"));
  assert.equal(parameters.length, 1);
  const source = sourceText(parameters[0]);
  assert.match(source, /^const alpha = 0\.01;/m);
  assert.match(source, /^const seed = 0;/m);
  assert.match(source, /^const runs = \d+;/m);
});

Deno.test("07: the printed verdict counts are the registry's", () => {
  for (const verdict of CLAIM_VERDICTS) {
    const n = CLAIMS.filter((r) => r.verdict === verdict).length;
    assert.ok(text.includes(`${verdict}: ${n} of ${CLAIMS.length} claims\n`), verdict);
  }
});

Deno.test("07: the tables list every registry record once, in order, with its verdict and links", () => {
  const all = rows(stored);
  assert.equal(all.length, CLAIMS.length);
  CLAIMS.forEach((record, i) => {
    const row = all[i];
    assert.ok(
      row.startsWith(`| ${record.claim.replace(/\|/g, "\\|")} | ${record.verdict} |`),
      record.id,
    );
    const anchor = headingAnchor(record.heading);
    assert.ok(row.includes(`(${record.notebook}.ipynb#${anchor})`), record.id);
    assert.ok(row.includes(`(${record.notebook}.html#${anchor})`), record.id);
  });
});

Deno.test("07: one table per part of the text, each under its own heading", () => {
  const parts = [...new Set(CLAIMS.map(claimPart))];
  assert.equal(tables(stored).length, parts.length);
  const headings = stored.cells.filter((c) => c.cell_type === "markdown")
    .flatMap((c) => sourceText(c).split("\n").filter((l) => l.startsWith("## ")));
  assert.ok(headings.length >= parts.length + 3, headings.join("\n")); // + reading, summary, exercises
});

Deno.test("07: links point at notebooks that exist", async () => {
  for (const name of new Set(CLAIMS.map((r) => r.notebook))) {
    const stat = await Deno.stat(`notebooks/${name}.ipynb`);
    assert.ok(stat.isFile, name);
  }
});

Deno.test("07: most claims are rerun here, and every rerun line belongs to a registry record", () => {
  assert.ok(storedEvidence.size >= CLAIMS.length * 0.6, `${storedEvidence.size} reruns`);
  assert.match(
    text,
    new RegExp(`rerun in this notebook: ${storedEvidence.size} of ${CLAIMS.length}`),
  );
  for (const [id, line] of storedEvidence) {
    const row = rows(stored)[CLAIMS.findIndex((r) => r.id === id)];
    assert.ok(row.includes(line.replace(/\|/g, "\\|")), `${id}: the table shows its evidence`);
  }
});

Deno.test("07: the reruns print the text's examples and the main measured directions", () => {
  assert.equal(storedEvidence.get("relu-examples"), "relu(3) = 3, relu(-2) = 0");
  assert.equal(storedEvidence.get("leaky-definition"), "f(3) = 3, f(-2) = -0.02 at α = 0.01");
  assert.match(
    storedEvidence.get("relu-kink-instability") ?? "",
    /exact zeros in 0 of \d+ steps; weight difference 0$/,
  );
  assert.match(storedEvidence.get("relu-dying-bias") ?? "", /loss 0\.693$/);
  const adam = /Leaky (\d+)\/(\d+), ReLU 0\/(\d+)$/.exec(
    storedEvidence.get("leaky-fix-adam") ?? "",
  );
  assert.ok(adam && Number(adam[1]) > Number(adam[2]) / 2, storedEvidence.get("leaky-fix-adam"));
  const gap = /ReLU ([\d.]+), tanh ([\d.]+)$/.exec(
    storedEvidence.get("relu-sparse-overfitting") ?? "",
  );
  assert.ok(gap && Number(gap[2]) < Number(gap[1]), "not supported: tanh's gap is smaller");
});

Deno.test("07: the Summary rows borrow the evidence of the earlier row with the same test", () => {
  const all = rows(stored);
  for (const [i, record] of CLAIMS.entries()) {
    if (claimPart(record) !== "Summary") continue;
    const source = CLAIMS.find((r) =>
      r !== record && r.testName === record.testName && storedEvidence.has(r.id)
    );
    if (source === undefined) assert.ok(all[i].includes("(defaults)"), record.id);
    else {assert.ok(
        all[i].includes(storedEvidence.get(source.id)!.replace(/\|/g, "\\|")),
        record.id,
      );}
  }
});

Deno.test({
  name: "07 with alpha = 0.2: Leaky ReLU's evidence follows alpha, ReLU's stays, the verdicts stay",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = evidence(report.executed);
    assert.equal(rerun.get("leaky-definition"), "f(3) = 3, f(-2) = -0.4 at α = 0.2");
    assert.match(rerun.get("leaky-fix-gradient") ?? "", /Leaky -0\.4 \(slope 0\.2\)$/);
    assert.match(
      rerun.get("leaky-not-differentiable") ?? "",
      /^f'\(0\) left, mean, right: 0\.2, 0\.6, 1$/,
    );
    assert.ok(rows(report.executed).some((row) => row.includes("f(-2) = -0.4 at α = 0.2")));
    // ReLU's reruns do not depend on alpha.
    for (const [id, line] of storedEvidence) {
      if (id.startsWith("relu-") && !line.includes("Leaky")) assert.equal(rerun.get(id), line, id);
    }
    // The verdict counts come from the registry, not from the run.
    const counts = (t: string) => t.split("\n").filter((l) => / of \d+ claims$/.test(l));
    assert.deepEqual(counts(printed(report.executed)), counts(text));
  },
});
