import assert from "node:assert/strict";
import {
  declaredParameters,
  injectParameters,
  parseAssignment,
  parseParameterValue,
} from "../../src/runner/parameters.ts";
import { type Notebook, sourceText } from "../../src/runner/notebook.ts";

function notebookWith(parameters: string): Notebook {
  return {
    cells: [
      { cell_type: "markdown", metadata: {}, source: "# Title" },
      { cell_type: "code", metadata: { tags: ["parameters"] }, source: parameters, outputs: [] },
      { cell_type: "code", metadata: {}, source: "console.log(alpha);", outputs: [] },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
}

Deno.test("parseParameterValue() reads numbers, booleans, null, JSON and plain strings", async (t) => {
  await t.step("numbers", () => {
    assert.equal(parseParameterValue("0.01"), 0.01);
    assert.equal(parseParameterValue("-3"), -3);
    assert.equal(parseParameterValue("1e-3"), 0.001);
  });
  await t.step("booleans and null", () => {
    assert.equal(parseParameterValue("true"), true);
    assert.equal(parseParameterValue("false"), false);
    assert.equal(parseParameterValue("null"), null);
  });
  await t.step("JSON objects, arrays and quoted strings", () => {
    assert.deepEqual(parseParameterValue('{"n": 5, "xs": [1, 2]}'), { n: 5, xs: [1, 2] });
    assert.deepEqual(parseParameterValue("[0.1, 0.2]"), [0.1, 0.2]);
    assert.equal(parseParameterValue('"42"'), "42");
  });
  await t.step("anything else is a string", () => {
    assert.equal(parseParameterValue("leaky"), "leaky");
    assert.equal(parseParameterValue("{not json"), "{not json");
  });
});

Deno.test("parseAssignment() splits at the first = and rejects a missing name", () => {
  assert.deepEqual(parseAssignment("label=a=b"), ["label", "a=b"]);
  assert.throws(() => parseAssignment("=3"), TypeError);
  assert.throws(() => parseAssignment("alpha"), /name=value/);
});

Deno.test("declaredParameters() lists top-level names with their keyword", () => {
  const source = [
    'const alpha = 0.01; // slope, "quoted; text"',
    "let label = 'a, b; c';",
    "const options = { n: 3, m: [1, 2] }, flag = false;",
    "var epochs: number =",
    "  10;",
    "/* const hidden = 1; */",
    "let sizes = [",
    "  1, 2,",
    "];",
  ].join("\n");
  assert.deepEqual(declaredParameters(source), [
    { name: "alpha", keyword: "const" },
    { name: "label", keyword: "let" },
    { name: "options", keyword: "const" },
    { name: "flag", keyword: "const" },
    { name: "epochs", keyword: "var" },
    { name: "sizes", keyword: "let" },
  ]);
});

Deno.test("injectParameters() adds a cell after the parameters cell reusing each keyword", () => {
  const notebook = notebookWith("const alpha = 0.01;\nlet label = 'x';\nconst sizes = [1];");
  const injected = injectParameters(notebook, { alpha: 0.2, label: "hi", sizes: [2, 3] });
  assert.equal(injected.cells.length, 4);
  const cell = injected.cells[2];
  assert.deepEqual(cell.metadata.tags, ["injected-parameters"]);
  const lines = sourceText(cell).split("\n");
  assert.ok(lines.includes("const alpha = 0.2;"));
  assert.ok(lines.includes('let label = "hi";'));
  assert.ok(lines.includes("const sizes = [2,3];"));
  assert.equal(notebook.cells.length, 3, "the original notebook is unchanged");
});

Deno.test("injectParameters() replaces an injected cell from an earlier run", () => {
  const once = injectParameters(notebookWith("const alpha = 0.01;"), { alpha: 0.2 });
  const twice = injectParameters(once, { alpha: 0.3 });
  assert.equal(twice.cells.length, 4);
  assert.match(sourceText(twice.cells[2]), /const alpha = 0\.3;/);
});

Deno.test("injectParameters() without overrides returns the cells unchanged", () => {
  const notebook = notebookWith("const alpha = 0.01;");
  assert.deepEqual(injectParameters(notebook, {}).cells, notebook.cells);
});

Deno.test("injectParameters() names the notebook's parameters when a name is unknown", () => {
  const notebook = notebookWith("const alpha = 0.01;\nlet seed = 1;");
  assert.throws(
    () => injectParameters(notebook, { beta: 1 }, "notebooks/x.ipynb"),
    (error: Error) =>
      error instanceof RangeError && /beta/.test(error.message) &&
      /notebooks\/x\.ipynb/.test(error.message) && /alpha, seed/.test(error.message),
  );
});

Deno.test("injectParameters() refuses a notebook without a parameters cell", () => {
  const notebook = notebookWith("const alpha = 0.01;");
  notebook.cells[1].metadata = {};
  assert.throws(() => injectParameters(notebook, { alpha: 1 }), /no cell tagged "parameters"/);
});

Deno.test("injectParameters() refuses two parameters cells", () => {
  const notebook = notebookWith("const alpha = 0.01;");
  notebook.cells[2].metadata = { tags: ["parameters"] };
  assert.throws(() => injectParameters(notebook, { alpha: 1 }), /2 cells are tagged/);
});
