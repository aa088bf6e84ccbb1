import assert from "node:assert/strict";
import {
  CLAIM_VERDICTS,
  claimPart,
  CLAIMS,
  claimsEvidenceTable,
  claimsMarkdownTable,
  headingAnchor,
  verdictCounts,
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

Deno.test("CLAIMS follows the text's order of parts, ending with the Summary", () => {
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
  const known = parts.filter((p) => textOrder.includes(p));
  assert.deepEqual(known, textOrder.filter((p) => known.includes(p)));
  assert.equal(claimPart(CLAIMS[0]), textOrder[0]);
  assert.ok(parts.includes("Summary"));
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

Deno.test("claimsEvidenceTable() shows the evidence given and the registry's finding otherwise", () => {
  const [first, second] = ["relu-definition", "relu-sparse"].map((id) =>
    CLAIMS.find((r) => r.id === id)!
  );
  const table = claimsEvidenceTable([first, second], {
    evidence: new Map([[first.id, "measured | now"]]),
  });
  const lines = table.trimEnd().split("\n");
  assert.equal(lines.length, 4);
  assert.ok(lines[2].includes("measured \\| now"));
  assert.ok(!lines[2].includes("(defaults)"));
  assert.ok(lines[3].includes(`${second.finding} (defaults)`));
  assert.ok(lines[3].includes(`(${second.notebook}.ipynb#${headingAnchor(second.heading)})`));
  assert.ok(lines[3].includes(`(${second.notebook}.html#${headingAnchor(second.heading)})`));
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

Deno.test("claimsEvidenceTable() lends a record the evidence of another record with the same test", () => {
  const summary = CLAIMS.find((r) => r.id === "summary-relu-dying")!;
  const source = CLAIMS.find((r) => r.id === "relu-dying-bias")!;
  assert.equal(summary.testName, source.testName);
  const evidence = new Map([[source.id, "41 of 48 dead"]]);
  const table = claimsEvidenceTable([source, summary], { evidence });
  assert.equal(table.split("41 of 48 dead").length, 3);
  assert.ok(claimsEvidenceTable([summary], { evidence }).includes("(defaults)"));
});

Deno.test("claimsEvidenceTable() lists one part of the text when asked", () => {
  const table = claimsEvidenceTable(CLAIMS, { part: "Summary" });
  const summaries = CLAIMS.filter((r) => claimPart(r) === "Summary");
  assert.equal(table.trimEnd().split("\n").length, summaries.length + 2);
});
