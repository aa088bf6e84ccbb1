/**
 * Assertions on notebooks/07-summary.ipynb: its layout (a heading per part of the text above the
 * part's table of claims), its prose (no talk of how the series is built), its cross-check's
 * stored outputs, and one rerun with alpha = 0.2 through the runner. That its tables are the
 * registry's is checked in claims_registry_test.ts.
 */
import assert from "node:assert/strict";
import { claimPart, CLAIMS, VERDICT_LINE } from "../claims/registry.ts";
import { printed, readStored, runWithParams } from "./_notebook_outputs.ts";
import { hasTag, sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/07-summary.ipynb";
const stored = await readStored(PATH);
const text = printed(stored);

/** The log10 ratio printed for one activation by the cross-check: first layer / output layer. */
function logRatio(output: string, label: string): number {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = output.match(new RegExp(`^${escaped}: log10\\(.*\\) = (-?[\\d.]+) ± `, "m"));
  assert.ok(match, `no line for ${label}`);
  return Number(match[1]);
}

Deno.test("07: the parameters cell declares alpha = 0.01, seed, runs, depth and width", () => {
  const parameters = stored.cells.filter((c) => hasTag(c, "parameters"));
  assert.equal(parameters.length, 1);
  const source = sourceText(parameters[0]);
  for (const name of ["alpha = 0.01", "seed = 0", "runs = \\d+", "depth = \\d+", "width = \\d+"]) {
    assert.match(source, new RegExp(`^const ${name};`, "m"), name);
  }
});

Deno.test("07: every part of the text has a heading of its own right above its table of claims", () => {
  const parts = [...new Set(CLAIMS.map(claimPart))];
  const tables = stored.cells.flatMap((cell, i) => hasTag(cell, "claims-table") ? [i] : []);
  // The first two tables (the counts, what did not hold) come before the parts' tables.
  const partTables = tables.slice(2);
  assert.equal(partTables.length, parts.length);
  partTables.forEach((index, p) => {
    const before = sourceText(stored.cells[index - 1]);
    assert.match(before, new RegExp(`^## ${parts[p].replace(/[()]/g, "\\$&")}$`, "m"), parts[p]);
  });
});

Deno.test("07: the prose speaks of claims, verdicts and notebooks, not of how the series is built", () => {
  const prose = stored.cells.filter((c) => c.cell_type === "markdown" && !hasTag(c, "claims-table"))
    .map(sourceText).join("\n");
  for (
    const word of [/registry/i, /claims? tests?/i, /tests\//, /runner/i, /CLAIMS/, /Deno\.test/]
  ) {
    assert.doesNotMatch(prose, word);
  }
});

Deno.test("07: prints no verdict of its own: every verdict belongs to the notebook that measures it", () => {
  assert.deepEqual(text.split("\n").filter((line) => VERDICT_LINE.test(line)), []);
});

Deno.test("07: in the cross-check the sigmoid's first layer gets under a millionth of the output layer's gradient, ReLU's over a thousandth", () => {
  assert.ok(logRatio(text, "Sigmoid") < -6);
  assert.ok(logRatio(text, "ReLU") > -3);
  assert.ok(logRatio(text, "Leaky ReLU (α = 0.01)") > -3);
  assert.ok(Number.isFinite(logRatio(text, "tanh")));
});

Deno.test({
  name: "07 with alpha = 0.2: the Leaky ReLU line follows alpha, the others stay",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.ok(Number.isFinite(logRatio(rerun, "Leaky ReLU (α = 0.2)")));
    assert.doesNotMatch(rerun, /α = 0\.01/);
    for (const label of ["Sigmoid", "tanh", "ReLU"]) {
      assert.equal(logRatio(rerun, label), logRatio(text, label), label);
    }
  },
});
