import assert from "node:assert/strict";
import {
  declaredParameters,
  injectParameters,
  ParameterValueError,
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
    assert.equal(parseParameterValue("NaNa"), "NaNa");
  });
});

/** Asserts that `parseParameterValue(text)` throws a ParameterValueError saying `why`. */
function assertRefused(text: string, why: string): void {
  assert.throws(
    () => parseParameterValue(text),
    (error: Error) => {
      assert.ok(error instanceof ParameterValueError);
      assert.equal(error.message, `Cannot read ${text} as a parameter value: ${why}`);
      return true;
    },
  );
}

Deno.test("parseParameterValue() refuses text that starts like JSON but is not JSON", () => {
  for (const text of ["[16,16", "{not json", '"open']) {
    assertRefused(
      text,
      `the value starts with ${text[0]} but is not JSON (a string goes in JSON quotes: "...")`,
    );
  }
});

Deno.test("parseParameterValue() refuses a number that is not finite", () => {
  for (const text of ["1e999", "-1e999", "NaN", "Infinity", "-Infinity"]) {
    assertRefused(text, "the value is not a finite number");
  }
});

Deno.test("parseAssignment() splits at the first = and rejects a missing name", () => {
  assert.deepEqual(parseAssignment("label=a=b"), ["label", "a=b"]);
  assert.throws(() => parseAssignment("=3"), TypeError);
  assert.throws(() => parseAssignment("alpha"), /no "=" after a name \(NAME=VALUE\)$/);
  assert.deepEqual(parseAssignment("n=3"), ["n", 3], "a name of one letter");
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

Deno.test("declaredParameters() passes over a destructuring declaration, which names no parameter", () => {
  assert.deepEqual(
    declaredParameters("const { a, b } = defaults;\nconst [c] = list;\nlet d = 1;"),
    [
      { name: "d", keyword: "let" },
    ],
  );
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

Deno.test("injectParameters() refuses an override whose type is not its literal default's", () => {
  const notebook = notebookWith(
    "const alpha = 0.01, tag = 'v1'; // slope\nlet flag = false\nconst hidden = [16, 16];\n" +
      "const options = { n: 3 };\nconst big = 200_000;\nconst scale = 2 ** 3;",
  );
  const refused = (overrides: Record<string, unknown>, message: string) =>
    assert.throws(
      () => injectParameters(notebook, overrides, "notebooks/x.ipynb"),
      (error: Error) => {
        assert.ok(error instanceof TypeError);
        assert.equal(error.message, message);
        return true;
      },
    );
  refused(
    { alpha: "abc" },
    'Cannot set alpha in notebooks/x.ipynb to "abc" (a string) as its default, 0.01, is a number',
  );
  refused(
    { tag: 7 },
    "Cannot set tag in notebooks/x.ipynb to 7 (a number) as its default, 'v1', is a string " +
      `(a string goes in JSON quotes: tag='"..."')`,
  );
  refused(
    { hidden: 8 },
    "Cannot set hidden in notebooks/x.ipynb to 8 (a number) as its default, [16, 16], is an array",
  );
  refused(
    { flag: "yes" },
    'Cannot set flag in notebooks/x.ipynb to "yes" (a string) as its default, false, is a boolean',
  );
  refused(
    { big: [1] },
    "Cannot set big in notebooks/x.ipynb to [1] (an array) as its default, 200_000, is a number",
  );
  // Same types pass; a default that is an expression is not checked.
  const injected = injectParameters(notebook, {
    alpha: 0.2,
    tag: "v2",
    flag: true,
    hidden: [8],
    options: { n: 5 },
    big: 3,
    scale: "anything",
  });
  assert.match(sourceText(injected.cells[2]), /^const scale = "anything";$/m);
});

Deno.test("injectParameters() reads a default as the code does", async (t) => {
  const refusal = (cell: string, overrides: Record<string, unknown>) => {
    try {
      injectParameters(notebookWith(cell), overrides, "x.ipynb");
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  await t.step(
    "true and an octal literal are literals; a comment after one is not part of it",
    () => {
      assert.match(refusal("let on = true;", { on: 1 })!, /its default, true, is a boolean$/);
      assert.match(
        refusal("const mask = 0o10;", { mask: "x" })!,
        /its default, 0o10, is a number$/,
      );
      assert.match(
        refusal("const n = 1 /* count */;", { n: "x" })!,
        /its default, 1, is a number$/,
      );
    },
  );
  await t.step(
    "a default continued on the next line is an expression, not the literal before",
    () => {
      assert.equal(refusal("const n = [1, 2]\n  .length;", { n: 3 }), undefined);
    },
  );
  await t.step("null given for a number says null, without a kind in brackets", () => {
    assert.equal(
      refusal("const alpha = 0.01;", { alpha: null }),
      "Cannot set alpha in x.ipynb to null as its default, 0.01, is a number",
    );
  });
  await t.step("a parameters cell first in the notebook is found", () => {
    const notebook = notebookWith("const alpha = 0.01;");
    notebook.cells.shift();
    const injected = injectParameters(notebook, { alpha: 0.5 });
    assert.deepEqual(injected.cells.map((cell) => cell.metadata.tags ?? []), [
      ["parameters"],
      ["injected-parameters"],
      [],
    ]);
  });
});

Deno.test("declaredParameters() stops at the end of a cell that ends in a name", () => {
  assert.deepEqual(declaredParameters("let d = 1\nconst e = f"), [
    { name: "d", keyword: "let" },
    { name: "e", keyword: "const" },
  ]);
});
