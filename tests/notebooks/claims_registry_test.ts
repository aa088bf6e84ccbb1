/**
 * The claims registry (tests/claims/registry.ts) against the files it names and the files
 * generated from it:
 *
 * - every record's test exists under exactly its name, every record's heading exists in its
 *   notebook, and every claim test is in the registry;
 * - one verdict per claim: every stored notebook's printed lines `verdict (<id>): <verdict>` name
 *   a registry claim, each claim's line appears once, in the notebook the registry names, with the
 *   registry's verdict, and every measured claim (not a definition, not a restatement) has one;
 * - the README's claims table and notebook 07's tables are what the registry generates.
 *
 * Reads files, so it runs with the `test:notebooks` task's permissions (--allow-read), not with
 * the unit tests (which run with none).
 */
import assert from "node:assert/strict";
import {
  type ClaimRecord,
  CLAIMS,
  claimsMarkdownTable,
  claimsSummaryTables,
  VERDICT_LINE,
} from "../claims/registry.ts";
import { hasTag, parseNotebook, sourceText } from "../../src/runner/notebook.ts";
import { printed } from "./_notebook_outputs.ts";

const ROOT = new URL("../../", import.meta.url);

/** The names of the `Deno.test("...")` calls in a test file's source, unescaped. */
function denoTestNames(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/Deno\.test\(\s*(?:\{\s*name:\s*)?("(?:[^"\\\n]|\\.)*")/g)) {
    names.push(JSON.parse(match[1]) as string);
  }
  return names;
}

/** The Markdown headings of a notebook, without their `#`s. */
async function notebookHeadings(name: string): Promise<string[]> {
  const text = await Deno.readTextFile(new URL(`notebooks/${name}.ipynb`, ROOT));
  const headings: string[] = [];
  for (const cell of parseNotebook(text).cells) {
    if (cell.cell_type !== "markdown") continue;
    for (const line of sourceText(cell).split("\n")) {
      const heading = /^#{1,6}\s+(.*?)\s*$/.exec(line);
      if (heading) headings.push(heading[1]);
    }
  }
  return headings;
}

const testFiles = new Map<string, string[]>();
async function testNamesOf(file: string): Promise<string[]> {
  if (!testFiles.has(file)) {
    testFiles.set(file, denoTestNames(await Deno.readTextFile(new URL(file, ROOT))));
  }
  return testFiles.get(file)!;
}

Deno.test("denoTestNames() reads the names of Deno.test calls, escapes included", () => {
  const source = 'Deno.test("a \\"b\\" c", () => {});\nDeno.test(\n  "d",\n  fn);\n' +
    'Deno.test({ name: "e", fn });';
  assert.deepEqual(denoTestNames(source), ['a "b" c', "d", "e"]);
});

Deno.test("every registry record names a Deno.test that exists in its test file, exactly", async () => {
  const missing: string[] = [];
  for (const record of CLAIMS) {
    const names = await testNamesOf(record.testFile);
    if (!names.includes(record.testName)) {
      missing.push(`${record.id}: "${record.testName}" not in ${record.testFile}`);
    }
  }
  assert.deepEqual(missing, []);
});

Deno.test("every registry record names a Markdown heading that exists in its notebook, exactly", async () => {
  const missing: string[] = [];
  for (const record of CLAIMS) {
    const headings = await notebookHeadings(record.notebook);
    if (!headings.includes(record.heading)) {
      missing.push(`${record.id}: "${record.heading}" not a heading of ${record.notebook}`);
    }
  }
  assert.deepEqual(missing, []);
});

Deno.test("every Deno.test of a claim test file (tests/claims/NN_*_test.ts) is in the registry", async () => {
  const registered = new Set(CLAIMS.map((r) => `${r.testFile}\n${r.testName}`));
  const unregistered: string[] = [];
  for await (const entry of Deno.readDir(new URL("tests/claims/", ROOT))) {
    // The claim tests are the numbered files; registry_test.ts tests the registry itself.
    if (!entry.isFile || !/^\d\d_[a-z_]+_test\.ts$/.test(entry.name)) continue;
    const file = `tests/claims/${entry.name}`;
    for (const name of await testNamesOf(file)) {
      if (!registered.has(`${file}\n${name}`)) unregistered.push(`${file}: "${name}"`);
    }
  }
  assert.deepEqual(unregistered.sort(), []);
});

/** One printed verdict line: the notebook that printed it, the claim id and the verdict. */
interface VerdictLine {
  notebook: string;
  id: string;
  verdict: string;
}

/** The verdict lines printed by the code cells of stored notebooks, in order. */
function verdictLines(notebook: string, text: string): VerdictLine[] {
  return text.split("\n").flatMap((line) => {
    const match = VERDICT_LINE.exec(line);
    return match ? [{ notebook, id: match[1], verdict: match[2] }] : [];
  });
}

/**
 * What is wrong with the verdict lines of the notebooks against the registry, one message per
 * fault: a line naming no claim, a restatement or a definition; a claim printed twice or by a
 * notebook the registry does not name; a verdict that is not the registry's; a measured claim
 * with no line.
 */
function verdictFaults(
  lines: readonly VerdictLine[],
  records: readonly ClaimRecord[],
  notebooks: readonly string[],
): string[] {
  const faults: string[] = [];
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const line of lines) {
    const record = byId.get(line.id);
    const where = `${line.notebook}: verdict (${line.id}): ${line.verdict}`;
    if (record === undefined) faults.push(`${where}: no claim has this id`);
    else if (record.repeats !== undefined) {
      faults.push(`${where}: a restatement of ${record.repeats}, whose line is its verdict`);
    } else if (record.verdict === "definition") {
      faults.push(`${where}: a definition is checked, not measured`);
    } else {
      if (record.notebook !== line.notebook) {
        faults.push(`${where}: the claim belongs to ${record.notebook}`);
      }
      if (record.verdict !== line.verdict) {
        faults.push(`${where}: the registry says ${record.verdict}`);
      }
    }
  }
  const counts = new Map<string, string[]>();
  for (const line of lines) counts.set(line.id, [...(counts.get(line.id) ?? []), line.notebook]);
  for (const [id, where] of counts) {
    if (where.length > 1) faults.push(`${id}: printed ${where.length} times (${where.join(", ")})`);
  }
  for (const record of records) {
    const measured = record.verdict !== "definition" && record.repeats === undefined;
    if (measured && notebooks.includes(record.notebook) && !counts.has(record.id)) {
      faults.push(`${record.notebook}: no line verdict (${record.id}): ${record.verdict}`);
    }
  }
  return faults;
}

Deno.test("verdictFaults() finds every way a verdict line can disagree with the registry", async (t) => {
  const record = (id: string, notebook: string, verdict: ClaimRecord["verdict"]): ClaimRecord => ({
    id,
    section: "S",
    claim: "c",
    notebook,
    heading: "h",
    testFile: "tests/claims/00_x_test.ts",
    testName: "t",
    verdict,
    finding: "f.",
  });
  const records = [
    record("a", "01-x", "supported"),
    record("b", "02-y", "qualified"),
    record("d", "01-x", "definition"),
    { ...record("s", "01-x", "supported"), repeats: "a" },
  ];
  const line = (notebook: string, id: string, verdict: string) => ({ notebook, id, verdict });
  await t.step("agreement: no fault", () => {
    const lines = [line("01-x", "a", "supported"), line("02-y", "b", "qualified")];
    assert.deepEqual(verdictFaults(lines, records, ["01-x", "02-y"]), []);
  });
  await t.step("a different verdict", () => {
    const faults = verdictFaults([line("01-x", "a", "qualified")], records, ["01-x"]);
    assert.deepEqual(faults, ["01-x: verdict (a): qualified: the registry says supported"]);
  });
  await t.step("the wrong notebook, twice", () => {
    const lines = [line("01-x", "b", "qualified"), line("02-y", "b", "qualified")];
    const faults = verdictFaults(lines, records, ["01-x", "02-y"]);
    assert.ok(faults.includes("01-x: verdict (b): qualified: the claim belongs to 02-y"));
    assert.ok(faults.includes("b: printed 2 times (01-x, 02-y)"));
  });
  await t.step("a missing line, an unknown id, a definition, a restatement", () => {
    const lines = [line("01-x", "z", "supported"), line("01-x", "d", "supported")];
    const faults = verdictFaults([...lines, line("01-x", "s", "supported")], records, ["01-x"]);
    assert.equal(faults.length, 4, faults.join("\n"));
    assert.ok(faults.includes("01-x: no line verdict (a): supported"));
  });
});

const NOTEBOOKS = (await Array.fromAsync(Deno.readDir(new URL("notebooks/", ROOT))))
  .filter((entry) => entry.isFile && entry.name.endsWith(".ipynb"))
  .map((entry) => entry.name.replace(/\.ipynb$/, ""))
  .sort();

/** The verdict lines of every stored notebook. */
async function storedVerdictLines(): Promise<VerdictLine[]> {
  const lines: VerdictLine[] = [];
  for (const name of NOTEBOOKS) {
    const text = await Deno.readTextFile(new URL(`notebooks/${name}.ipynb`, ROOT));
    lines.push(...verdictLines(name, printed(parseNotebook(text, name))));
  }
  return lines;
}

Deno.test("one verdict per claim: each notebook prints its measured claims' verdicts once, as the registry has them", async (t) => {
  const lines = await storedVerdictLines();
  for (const name of NOTEBOOKS) {
    await t.step(name, () => {
      const own = CLAIMS.filter((r) => r.notebook === name);
      const faults = verdictFaults(lines.filter((l) => l.notebook === name), own, [name])
        .concat(
          lines.filter((l) => l.notebook === name && !own.some((r) => r.id === l.id))
            .map((l) => `${name}: verdict (${l.id}) belongs to another notebook or to none`),
        );
      assert.deepEqual(faults, []);
    });
  }
  await t.step("across notebooks: no claim printed twice", () => {
    const twice = verdictFaults(lines, CLAIMS, []).filter((f) => / times \(/.test(f));
    assert.deepEqual(twice, []);
  });
});

/** A Markdown table as rows of trimmed cells; rule rows become `---`. Padding does not count. */
function tableCells(markdown: string): string[][] {
  return markdown.split("\n").filter((line) => line.trim().startsWith("|")).map((line) =>
    line.trim().slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()).map((c) =>
      /^:?-+:?$/.test(c) ? "---" : c
    )
  );
}

Deno.test("tableCells() reads a table whatever its padding, escaped bars kept", () => {
  assert.deepEqual(tableCells("| a  | b \\| c |\n| :--- | ---: |\n| 1 | 2 |\n"), [
    ["a", "b \\| c"],
    ["---", "---"],
    ["1", "2"],
  ]);
});

Deno.test("README.md's claims table is the one the registry generates", async () => {
  const readme = await Deno.readTextFile(new URL("README.md", ROOT));
  const start = readme.indexOf("<!-- claims-table:start -->");
  const end = readme.indexOf("<!-- claims-table:end -->");
  assert.ok(start >= 0 && end > start, "README.md has no claims-table markers");
  assert.deepEqual(
    tableCells(readme.slice(start, end)),
    tableCells(claimsMarkdownTable(CLAIMS)),
    "README.md's claims table is stale: run tests/claims/write_tables.ts, then deno fmt README.md",
  );
});

Deno.test("notebook 07's tables are the ones the registry generates", async () => {
  const path = "notebooks/07-summary.ipynb";
  const notebook = parseNotebook(await Deno.readTextFile(new URL(path, ROOT)), path);
  const cells = notebook.cells.filter((cell) => hasTag(cell, "claims-table"));
  const tables = claimsSummaryTables(CLAIMS);
  assert.equal(cells.length, tables.length, "one cell tagged claims-table per generated table");
  cells.forEach((cell, i) => {
    assert.equal(cell.cell_type, "markdown");
    assert.deepEqual(
      tableCells(sourceText(cell)),
      tableCells(tables[i]),
      `table ${i} of ${path} is stale: run tests/claims/write_tables.ts`,
    );
  });
});
