import assert from "node:assert/strict";
import {
  CLAIM_VERDICTS,
  claimPart,
  CLAIMS,
  claimsMarkdownTable,
  claimsSummaryTable,
  claimsSummaryTables,
  headingAnchor,
  VERDICT_LINE,
  verdictCounts,
  verdictCountsTable,
} from "./registry.ts";

Deno.test("CLAIMS has unique kebab-case ids and a known verdict on every record", () => {
  const ids = CLAIMS.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of CLAIMS) {
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, r.id);
    assert.ok(CLAIM_VERDICTS.includes(r.verdict), `${r.id}: ${r.verdict}`);
  }
});

Deno.test("CLAIMS fills every field: a claims test file, a notebook name, one-sentence text", () => {
  for (const r of CLAIMS) {
    assert.match(r.testFile, /^tests\/claims\/\d\d_[a-z_]+_test\.ts$/, r.id);
    assert.match(r.notebook, /^\d\d-[a-z0-9-]+$/, r.id);
    for (const field of [r.section, r.claim, r.heading, r.testName, r.finding]) {
      assert.ok(field.trim().length > 0, r.id);
      assert.equal(field, field.trim(), `${r.id}: "${field}" has outer spaces`);
      assert.ok(!field.includes("\n"), `${r.id}: one line`);
    }
    assert.ok(!r.heading.startsWith("#"), `${r.id}: heading without the #s`);
    assert.match(r.finding, /[.)]$/, `${r.id}: the finding is a sentence`);
  }
});

Deno.test("CLAIMS follows the text's order of parts, ending with the Summary, then the papers", () => {
  const parts = [...new Set(CLAIMS.map(claimPart))];
  // Each part forms one contiguous run of records.
  const runs = CLAIMS.map(claimPart).filter((p, i, all) => i === 0 || all[i - 1] !== p);
  assert.deepEqual(runs, parts);
  const textOrder = [
    "ReLU (Rectified Linear Unit) Overview",
    "Advantages of ReLU",
    "Limitations of ReLU",
    "Leaky ReLU Overview",
    "How Leaky ReLU Fixes ReLU Limitations",
    "Example",
    "Advantages of Leaky ReLU",
    "Limitations of Leaky ReLU",
    "Comparison with ReLU",
    "Practical Considerations",
    "Summary",
  ];
  // Every part of the text has claims, in the text's order; the paper reproductions come last,
  // beyond the text.
  assert.deepEqual(parts, [...textOrder, "Paper reproductions"]);
});

Deno.test("headingAnchor() replaces spaces with '-' as Jupyter Notebook 6 does, percent-encoded", async (t) => {
  await t.step("plain words", () => {
    assert.equal(
      headingAnchor("Sensitivity to the learning rate"),
      "Sensitivity-to-the-learning-rate",
    );
  });
  await t.step("maths and punctuation are kept, encoded", () => {
    assert.equal(
      headingAnchor("The alternative form $\\max(\\alpha z, z)$"),
      "The-alternative-form-%24%5Cmax%28%5Calpha-z%2C-z%29%24",
    );
    assert.equal(
      decodeURIComponent(headingAnchor("It keeps ReLU's strengths")),
      "It-keeps-ReLU's-strengths",
    );
  });
  await t.step("non-ASCII letters", () => {
    assert.equal(
      decodeURIComponent(headingAnchor("The slope α has to be chosen")),
      "The-slope-α-has-to-be-chosen",
    );
  });
});

Deno.test("claimsMarkdownTable() gives a header, a rule and one row per record with the test name", () => {
  const table = claimsMarkdownTable(CLAIMS);
  const lines = table.trimEnd().split("\n");
  assert.equal(lines.length, CLAIMS.length + 2);
  assert.equal(lines[1], "| --- | --- | --- | --- |");
  CLAIMS.forEach((r, i) => {
    const line = lines[i + 2];
    assert.ok(line.includes(r.testName.replace(/\|/g, "\\|")), r.id);
    assert.ok(line.includes(`(notebooks/${r.notebook}.ipynb)`), r.id);
    assert.ok(line.includes(`| ${r.verdict} |`), r.id);
    // Four cells: every | inside a cell is escaped.
    assert.equal(line.replace(/\\\|/g, "").split("|").length, 6, r.id);
  });
});

Deno.test("claimsMarkdownTable() takes another notebook folder", () => {
  const table = claimsMarkdownTable(CLAIMS.slice(0, 1), { notebookDir: "../notebooks/" });
  assert.ok(table.includes("(../notebooks/01-relu-overview.ipynb)"));
});

Deno.test("verdictCounts() counts every record once, per part and verdict", () => {
  const counts = verdictCounts(CLAIMS);
  assert.equal(counts.reduce((sum, c) => sum + c.count, 0), CLAIMS.length);
  const keys = counts.map((c) => `${c.part}/${c.verdict}`);
  assert.equal(new Set(keys).size, keys.length);
  const parts = new Set(CLAIMS.map(claimPart));
  assert.equal(counts.length, parts.size * CLAIM_VERDICTS.length);
  assert.deepEqual(counts.slice(0, 4).map((c) => c.verdict), CLAIM_VERDICTS);
  assert.equal(counts.find((c) => c.part === "Advantages of ReLU")?.label, "ReLU pros");
  assert.deepEqual(verdictCounts([]), []);
});

Deno.test("a restatement carries the verdict, notebook, heading, test and finding of the record it restates", () => {
  const restatements = CLAIMS.filter((r) => r.repeats !== undefined);
  assert.ok(restatements.length >= 9, `${restatements.length} restatements`);
  for (const r of restatements) {
    const original = CLAIMS.find((o) => o.id === r.repeats);
    assert.ok(original, `${r.id} restates ${r.repeats}, which is not in the registry`);
    assert.equal(original.repeats, undefined, `${r.id} restates a restatement`);
    assert.ok(CLAIMS.indexOf(original) < CLAIMS.indexOf(r), `${r.id} restates a later record`);
    for (
      const field of ["verdict", "notebook", "heading", "testFile", "testName", "finding"] as const
    ) {
      assert.equal(r[field], original[field], `${r.id}.${field}`);
    }
  }
});

Deno.test("every claim of the text's Summary restates an earlier claim, or is measured on its own", () => {
  const summary = CLAIMS.filter((r) => claimPart(r) === "Summary");
  assert.ok(summary.length > 0);
  // The one claim the text makes only in its summary ("a robust alternative") has a test and a
  // verdict line of its own; every other summary claim restates an earlier record.
  const ownClaims = summary.filter((r) => r.repeats === undefined);
  assert.deepEqual(ownClaims.map((r) => r.id), ["summary-leaky-alternative"]);
  for (const r of ownClaims) {
    assert.ok(r.testFile && r.testName && r.verdict !== "definition", r.id);
  }
});

Deno.test("VERDICT_LINE reads the id and the verdict of a printed verdict line, and nothing else", async (t) => {
  await t.step("a verdict line", () => {
    const match = VERDICT_LINE.exec("verdict (relu-dying-bias): not supported");
    assert.deepEqual(match?.slice(1), ["relu-dying-bias", "not supported"]);
  });
  await t.step("other lines", () => {
    for (const line of ["verdict: supported", " verdict (a): supported", "verdict (A b): x"]) {
      assert.equal(VERDICT_LINE.exec(line), null, line);
    }
  });
});

Deno.test("claimsSummaryTable() gives one row per record of a part, with its verdict and a link", () => {
  const part = "Limitations of ReLU";
  const records = CLAIMS.filter((r) => claimPart(r) === part);
  const lines = claimsSummaryTable(CLAIMS, { part }).trimEnd().split("\n");
  assert.equal(lines.length, records.length + 2);
  assert.equal(lines[1], "| --- | --- | --- |");
  records.forEach((r, i) => {
    const anchor = headingAnchor(r.heading);
    assert.ok(lines[i + 2].startsWith(`| ${r.claim.replace(/\|/g, "\\|")} | ${r.verdict} |`), r.id);
    assert.ok(lines[i + 2].endsWith(`(${r.notebook}.ipynb#${anchor}) |`), r.id);
  });
});

Deno.test("claimsSummaryTable() lists only the records with the verdict asked for", () => {
  const table = claimsSummaryTable(CLAIMS, { verdict: "not supported" });
  const rows = table.trimEnd().split("\n").slice(2);
  assert.equal(rows.length, CLAIMS.filter((r) => r.verdict === "not supported").length);
  assert.ok(rows.every((line) => line.includes("| not supported |")));
});

Deno.test("verdictCountsTable() counts each part's verdicts and totals them", () => {
  const lines = verdictCountsTable(CLAIMS).trimEnd().split("\n");
  const parts = [...new Set(CLAIMS.map(claimPart))];
  assert.equal(lines.length, parts.length + 3);
  const cells = (line: string) => line.split("|").slice(1, -1).map((c) => c.trim());
  parts.forEach((part, i) => {
    const [name, ...numbers] = cells(lines[i + 2]);
    assert.equal(name, part);
    const expected = CLAIM_VERDICTS.map((v) =>
      CLAIMS.filter((r) => claimPart(r) === part && r.verdict === v).length
    );
    assert.deepEqual(numbers.map(Number), [...expected, expected.reduce((a, b) => a + b, 0)]);
  });
  assert.deepEqual(
    cells(lines.at(-1)!).slice(1).map(Number),
    [...CLAIM_VERDICTS.map((v) => CLAIMS.filter((r) => r.verdict === v).length), CLAIMS.length],
  );
});

Deno.test("claimsSummaryTables() gives the counts, the claims not supported, then one table per part", () => {
  const tables = claimsSummaryTables(CLAIMS);
  const parts = [...new Set(CLAIMS.map(claimPart))];
  assert.equal(tables[0], verdictCountsTable(CLAIMS));
  const notSupported = tables[1].trimEnd().split("\n").slice(2);
  const expected = CLAIMS.filter((r) => r.verdict === "not supported" && !r.repeats);
  assert.equal(notSupported.length, expected.length);
  parts.forEach((part, i) => assert.equal(tables[i + 2], claimsSummaryTable(CLAIMS, { part })));
});
