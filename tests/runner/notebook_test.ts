import assert from "node:assert/strict";
import {
  comparableText,
  normalizeNotebook,
  normalizeOutput,
  type Notebook,
  parseNotebook,
  serializeNotebook,
  splitLines,
  stripOutputs,
} from "../../src/runner/notebook.ts";

function executed(timing: string): Notebook {
  return {
    cells: [
      { cell_type: "markdown", metadata: {}, source: "# T" },
      {
        cell_type: "code",
        metadata: { execution: { "iopub.status.busy": "2026-01-01T00:00:00Z" } },
        source: "console.log(1)",
        execution_count: 7,
        outputs: [{ output_type: "stream", name: "stdout", text: "1\n" }],
      },
      {
        cell_type: "code",
        metadata: { tags: ["nondeterministic"] },
        source: "timing()",
        execution_count: 8,
        outputs: [{ output_type: "stream", name: "stdout", text: timing }],
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 4,
  };
}

Deno.test("splitLines() keeps each newline with its line", () => {
  assert.deepEqual(splitLines("a\nb\n"), ["a\n", "b\n"]);
  assert.deepEqual(splitLines("a\nb"), ["a\n", "b"]);
  assert.deepEqual(splitLines(""), []);
});

Deno.test("normalizeNotebook() drops per-run metadata and numbers cells", () => {
  const normal = normalizeNotebook(executed("3 ms\n"));
  assert.equal(normal.cells[1].metadata.execution, undefined);
  assert.deepEqual(normal.cells.map((c) => c.id), ["cell-00", "cell-01", "cell-02"]);
  assert.deepEqual(normal.metadata.kernelspec, {
    display_name: "Deno",
    language: "typescript",
    name: "deno",
  });
});

Deno.test("serializeNotebook() output parses back to the same notebook", () => {
  const normal = normalizeNotebook(executed("3 ms\n"));
  const text = serializeNotebook(normal);
  assert.ok(text.endsWith("}\n"));
  assert.deepEqual(parseNotebook(text), normal);
  assert.equal(serializeNotebook(parseNotebook(text)), text);
});

Deno.test("comparableText() ignores the numbers printed by cells tagged nondeterministic only", async (t) => {
  await t.step("timings that differ compare equal", () => {
    assert.equal(comparableText(executed("3 ms\n")), comparableText(executed("5.25 ms\n")));
    assert.equal(comparableText(executed("ratio 1e-3\n")), comparableText(executed("ratio 7\n")));
  });
  await t.step("a number printed by another cell does not", () => {
    const other = executed("3 ms\n");
    other.cells[1].outputs = [{ output_type: "stream", name: "stdout", text: "2\n" }];
    assert.notEqual(comparableText(other), comparableText(executed("3 ms\n")));
  });
  await t.step(
    "the timing rule's and the verdicts' words compare equal: a ratio near the margin falls either side from run to run",
    () => {
      assert.equal(
        comparableText(executed("ratio 0.79, faster\nverdict (x): supported\n")),
        comparableText(executed("ratio 0.81, not faster\nverdict (x): qualified\n")),
      );
      assert.equal(
        comparableText(executed("ratio 1.26, slower\nverdict (x): not supported\n")),
        comparableText(executed("ratio 1.24, not slower\nverdict (x): supported\n")),
      );
    },
  );
  await t.step("a timing cell's other words do not (new code)", () => {
    assert.notEqual(
      comparableText(executed("3 ms per call\n")),
      comparableText(executed("3 ms per row\n")),
    );
    assert.notEqual(
      comparableText(executed("verdict (x): supported\n")),
      comparableText(executed("verdict (y): supported\n")),
    );
  });
  await t.step("a timing figure compares by its kind and MIME types only", () => {
    const figure = (svg: string, types = ["image/svg+xml", "text/plain"]) => {
      const notebook = executed("3 ms\n");
      notebook.cells[2].outputs = [{
        output_type: "display_data",
        metadata: {},
        data: Object.fromEntries(types.map((type) => [type, svg])),
      }];
      return comparableText(notebook);
    };
    assert.equal(figure("<svg>1.5</svg>"), figure("<svg><g>2</g></svg>"));
    assert.notEqual(figure("<svg/>"), figure("<svg/>", ["text/plain"]));
  });
});

Deno.test("parseNotebook() rejects what is not nbformat 4 with a one-line TypeError naming the file", async (t) => {
  const rejects = (text: string, problem: RegExp) => {
    assert.throws(() => parseNotebook(text, "x.ipynb"), (error: Error) => {
      assert.ok(error instanceof TypeError, `${error.name}: ${error.message}`);
      assert.match(error.message, /^Cannot read x\.ipynb as an nbformat 4 notebook: /);
      assert.match(error.message, problem);
      assert.ok(!error.message.includes("\n"), `one line: ${error.message}`);
      return true;
    });
  };
  await t.step("another nbformat", () => rejects('{"cells": [], "nbformat": 3}', /nbformat=3/));
  await t.step("damaged JSON, even across lines, with the parser's words whole", () => {
    const damaged = '{\n "cells": [\n  {"cell_type": "code",\n';
    let detail = "";
    try {
      JSON.parse(damaged);
    } catch (error) {
      detail = (error as Error).message.replace(/\s+/g, " ");
    }
    assert.ok(detail.length > 10 && detail.length < 160, detail);
    rejects(damaged, new RegExp(`not valid JSON \\(${RegExp.escape(detail)}\\)$`));
  });
  await t.step("JSON that is not an object", () => {
    rejects("[1, 2]", /not a JSON object/);
    rejects("null", /not a JSON object/);
  });
  await t.step("a cell without a known type or without a source", () => {
    rejects('{"nbformat": 4, "cells": [{"cell_type": "python", "source": ""}]}', /cell 0/);
    rejects('{"nbformat": 4, "cells": [{"cell_type": "code"}]}', /cell 0 has no source/);
  });
  await t.step("a cell field of the wrong type, named with the value seen", () => {
    const cell = (fields: Record<string, unknown>) =>
      JSON.stringify({
        nbformat: 4,
        cells: [{ cell_type: "markdown", source: "# T" }, {
          cell_type: "code",
          source: "1",
          ...fields,
        }],
      });
    rejects(
      cell({ metadata: { tags: "figure" } }),
      /: cell 1 has metadata\.tags="figure", not a list of strings$/,
    );
    rejects(
      cell({ metadata: { tags: {} } }),
      /: cell 1 has metadata\.tags=\{\}, not a list of strings$/,
    );
    rejects(
      cell({ metadata: { tags: [1] } }),
      /: cell 1 has metadata\.tags=\[1\], not a list of strings$/,
    );
    rejects(cell({ metadata: "oops" }), /: cell 1 has metadata="oops", not an object$/);
    rejects(cell({ metadata: [] }), /: cell 1 has metadata=\[\], not an object$/);
    rejects(cell({ outputs: {} }), /: cell 1 has outputs=\{\}, not a list of objects$/);
    rejects(cell({ outputs: ["text"] }), /: cell 1 has outputs=\["text"\], not a list of objects$/);
    rejects(
      cell({ source: ["a", 2] }),
      /: cell 1 has source=\["a",2\], not a string or a list of strings$/,
    );
    rejects('{"nbformat": 4, "cells": [], "metadata": 7}', /: metadata=7, not an object$/);
    assert.deepEqual(
      parseNotebook(cell({ metadata: { tags: ["figure"] }, outputs: [] })).cells[1].metadata,
      {
        tags: ["figure"],
      },
    );
  });
});

Deno.test("normalizeNotebook() ends every cell source with a newline (what deno fmt --check wants)", () => {
  const normal = normalizeNotebook(executed("3 ms\n"));
  assert.deepEqual(normal.cells.map((c) => c.source), [["# T\n"], ["console.log(1)\n"], [
    "timing()\n",
  ]]);
});

Deno.test("serializeNotebook() writes as Jupyter does: keys sorted at every depth, one-space indent", () => {
  const notebook = {
    nbformat_minor: 5,
    nbformat: 4,
    metadata: { zeta: 1, alpha: { d: null, c: [1, "x"] } },
    cells: [],
  } as unknown as Notebook;
  assert.equal(
    serializeNotebook(notebook),
    '{\n "cells": [],\n "metadata": {\n  "alpha": {\n   "c": [\n    1,\n    "x"\n   ],\n' +
      '   "d": null\n  },\n  "zeta": 1\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
  );
});

Deno.test("normalizeOutput() stores text as line lists and leaves everything else as it was", async (t) => {
  await t.step("stream text, given as a string or as a list of pieces", () => {
    assert.deepEqual(
      normalizeOutput({ output_type: "stream", name: "stdout", text: "a\nb\n" }),
      { output_type: "stream", name: "stdout", text: ["a\n", "b\n"] },
    );
    assert.deepEqual(
      normalizeOutput({ output_type: "stream", name: "stdout", text: ["a", "\nb"] }),
      { output_type: "stream", name: "stdout", text: ["a\n", "b"] },
    );
  });
  await t.step("text/* and SVG data split into lines; images and JSON kept whole", () => {
    const out = normalizeOutput({
      output_type: "display_data",
      data: {
        "text/plain": "x\ny",
        "text/html": ["<p>", "</p>"],
        "image/svg+xml": "<svg>\n</svg>",
        "image/png": "iVBOR\nw0K",
        "application/json": { a: 1 },
      },
    });
    assert.deepEqual(out, {
      output_type: "display_data",
      data: {
        "text/plain": ["x\n", "y"],
        "text/html": ["<p>", "</p>"],
        "image/svg+xml": ["<svg>\n", "</svg>"],
        "image/png": "iVBOR\nw0K",
        "application/json": { a: 1 },
      },
      metadata: {},
    }, "no text or traceback field added to a display");
  });
  await t.step("an error gets an empty traceback when it has none", () => {
    assert.deepEqual(
      normalizeOutput({ output_type: "error", ename: "E", evalue: "v" }),
      { output_type: "error", ename: "E", evalue: "v", traceback: [] },
    );
  });
});

Deno.test("normalizeNotebook() leaves an empty cell empty", () => {
  const notebook = executed("3 ms\n");
  notebook.cells[0].source = "";
  assert.deepEqual(normalizeNotebook(notebook).cells[0].source, []);
});

Deno.test("stripOutputs() empties code cells only", () => {
  const stripped = stripOutputs(executed("3 ms\n"));
  assert.deepEqual(stripped.cells[0], executed("3 ms\n").cells[0], "markdown as it was");
  assert.deepEqual(
    stripped.cells.slice(1).map((c) => [c.outputs, c.execution_count, c.source]),
    [[[], null, "console.log(1)"], [[], null, "timing()"]],
  );
});
