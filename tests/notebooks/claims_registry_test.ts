/**
 * The claims registry (tests/claims/registry.ts) against the files it names: every record's
 * test exists under exactly its name, every record's heading exists in its notebook, every claim
 * test is in the registry, and the README's claims table lists every record's test.
 *
 * Reads files, so it runs with the `test:notebooks` task's permissions (--allow-read), not with
 * the unit tests (which run with none).
 */
import assert from "node:assert/strict";
import { CLAIMS, claimsMarkdownTable } from "../claims/registry.ts";
import { parseNotebook, sourceText } from "../../src/runner/notebook.ts";

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

Deno.test("every Deno.test in tests/claims/ is in the registry", async () => {
  const registered = new Set(CLAIMS.map((r) => `${r.testFile}\n${r.testName}`));
  const unregistered: string[] = [];
  for await (const entry of Deno.readDir(new URL("tests/claims/", ROOT))) {
    if (!entry.isFile || !entry.name.endsWith("_test.ts")) continue;
    const file = `tests/claims/${entry.name}`;
    for (const name of await testNamesOf(file)) {
      if (!registered.has(`${file}\n${name}`)) unregistered.push(`${file}: "${name}"`);
    }
  }
  assert.deepEqual(unregistered.sort(), []);
});

Deno.test("README.md's claims table lists every registry record's test name", async () => {
  let readme = "";
  try {
    readme = await Deno.readTextFile(new URL("README.md", ROOT));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  // The table escapes `|` inside cells; accept the name either way.
  const unlisted = CLAIMS.filter((r) =>
    !readme.includes(r.testName) && !readme.includes(r.testName.replace(/\|/g, "\\|"))
  ).map((r) => r.id);
  assert.deepEqual(
    unlisted,
    [],
    "README.md misses these records' tests: paste claimsMarkdownTable(CLAIMS) into it, e.g.\n" +
      claimsMarkdownTable(CLAIMS.filter((r) => unlisted.includes(r.id))).slice(0, 2000),
  );
});
