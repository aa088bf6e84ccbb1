/**
 * The claim tests (tests/claims) re-measure each notebook's claims "with its default parameters",
 * which they copy by hand into constants: `ALPHA` for the notebook's `alpha`, `SEEDS` for the
 * seeds `seed`, `seed + 1`, … of its `runs`. This test reads each stored notebook's parameters
 * cell and each claim test's top-level constants, and checks that every constant named after a
 * parameter holds the parameter's value, so that a parameter changed in the notebook and not in
 * its test (or the other way round) fails here instead of silently measuring something else.
 *
 * Reads files, so it runs with the `test:notebooks` task's permissions (--allow-read).
 */
import assert from "node:assert/strict";
import { parseNotebook, sourceText } from "../../src/runner/notebook.ts";
import { declaredParameters, parametersCellIndex } from "../../src/runner/parameters.ts";

const ROOT = new URL("../../", import.meta.url);

/** A value, from the parameters cell or from a test's constant. */
type Values = Record<string, unknown>;

/** `HIGH_RATES` → `highRates`, `DIGITS_N` → `digitsN`. */
const camelCase = (name: string) =>
  name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Runs `const` declarations (plain JavaScript) and returns the values of `names`. */
function evaluate(source: string, names: string[]): Values {
  const body = `"use strict";\n${source}\nreturn { ${names.join(", ")} };`;
  return new Function(body)() as Values;
}

/** The values of a notebook's parameters cell, by name. */
async function notebookParameters(file: string): Promise<Values> {
  const notebook = parseNotebook(await Deno.readTextFile(new URL(`notebooks/${file}`, ROOT)));
  // The runner's own reading of the cell: the one tagged cell, the names it declares.
  const source = sourceText(notebook.cells[parametersCellIndex(notebook, file)]);
  return evaluate(source, declaredParameters(source).map(({ name }) => name));
}

/** One line `const NAME = value; // comment` at a test file's top level. */
const CONSTANT_LINE = /^const ([A-Z][A-Z0-9_]*) = (.+?);(?:\s*\/\/.*)?$/gm;

/**
 * The seeds a notebook's repeated experiments use: `count` of them from `seed` (the runner's
 * convention, stated in every parameters cell).
 */
const seedsOf = (parameters: Values, count: unknown) =>
  Array.from({ length: count as number }, (_, i) => (parameters.seed as number) + i);

/**
 * The differences between a claim test's copies and the notebook's parameters: one line each,
 * empty when every constant named after a parameter (and `SEEDS`, `SCALE_SEEDS`) agrees. Also
 * returns the names it compared.
 */
function compareCopies(testSource: string, parameters: Values) {
  const expected = new Map<string, unknown>();
  const lines: string[] = [];
  for (const match of testSource.matchAll(CONSTANT_LINE)) {
    const [line, name] = match;
    const parameter = camelCase(name);
    if (name === "SEEDS") expected.set(name, seedsOf(parameters, parameters.runs));
    else if (name === "SCALE_SEEDS") {
      expected.set(name, seedsOf(parameters, parameters.scaleRunCount));
    } else if (parameter in parameters) expected.set(name, parameters[parameter]);
    else continue;
    lines.push(line);
  }
  const copies = evaluate(lines.join("\n"), [...expected.keys()]);
  const differences = [...expected].flatMap(([name, value]) => {
    try {
      assert.deepEqual(copies[name], value);
      return [];
    } catch {
      const copy = JSON.stringify(copies[name]), stated = JSON.stringify(value);
      return [`${name} is ${copy}, the notebook's parameters give ${stated}`];
    }
  });
  return { compared: [...expected.keys()], differences };
}

/** Each claim test file with the notebook its number names. */
async function claimTests(): Promise<{ test: string; notebook: string }[]> {
  const notebooks: string[] = [];
  for await (const entry of Deno.readDir(new URL("notebooks/", ROOT))) {
    if (entry.name.endsWith(".ipynb")) notebooks.push(entry.name);
  }
  const pairs: { test: string; notebook: string }[] = [];
  for await (const entry of Deno.readDir(new URL("tests/claims/", ROOT))) {
    const number = /^(\d\d)_.*_test\.ts$/.exec(entry.name)?.[1];
    if (number === undefined) continue;
    const matching = notebooks.filter((name) => name.startsWith(`${number}-`));
    assert.equal(matching.length, 1, `${entry.name}: one notebook numbered ${number}`);
    pairs.push({ test: entry.name, notebook: matching[0] });
  }
  return pairs.sort((a, b) => a.test.localeCompare(b.test));
}

Deno.test("every claim test measures with its notebook's parameters: each constant named after a parameter holds the parameter cell's value", async (t) => {
  const pairs = await claimTests();
  assert.ok(pairs.length >= 7, `claim tests found: ${pairs.map((p) => p.test).join(", ")}`);
  for (const { test, notebook } of pairs) {
    await t.step(`${test} against ${notebook}`, async () => {
      const source = await Deno.readTextFile(new URL(`tests/claims/${test}`, ROOT));
      const { compared, differences } = compareCopies(source, await notebookParameters(notebook));
      assert.deepEqual(differences, []);
      for (const name of ["ALPHA", "SEEDS"]) {
        assert.ok(compared.includes(name), `${test} copies ${name}: compared ${compared}`);
      }
    });
  }
});

Deno.test("a copy that differs from its notebook's parameter is reported with both values", () => {
  const parameters = { alpha: 0.01, seed: 0, runs: 5, hidden: [16, 16], epochs: 30 };
  const copies = [
    "const ALPHA = 0.01;",
    "const SEEDS = [0, 1, 2, 3]; // one seed short",
    "const HIDDEN = [16, 32];",
    "const EPOCHS = 30;",
    "const NEURONS = 48; // not a parameter: not compared",
  ].join("\n");
  assert.deepEqual(compareCopies(copies, parameters), {
    compared: ["ALPHA", "SEEDS", "HIDDEN", "EPOCHS"],
    differences: [
      "SEEDS is [0,1,2,3], the notebook's parameters give [0,1,2,3,4]",
      "HIDDEN is [16,32], the notebook's parameters give [16,16]",
    ],
  });
});
