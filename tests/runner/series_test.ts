import assert from "node:assert/strict";
import {
  firstHeading,
  firstParagraph,
  neighbours,
  readSeries,
  type SeriesEntry,
} from "../../src/runner/series.ts";
import type { Notebook } from "../../src/runner/notebook.ts";

function notebookOf(...markdown: string[]): Notebook {
  return {
    cells: markdown.map((source) => ({ cell_type: "markdown" as const, metadata: {}, source })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
}

Deno.test("firstHeading() gives the first heading as plain text, maths as its TeX", () => {
  assert.equal(firstHeading(notebookOf("text", "## The slope $\\alpha$ \n")), "The slope \\alpha");
  assert.equal(firstHeading(notebookOf("no heading")), undefined);
});

Deno.test("firstParagraph() gives the first paragraph's Markdown", async (t) => {
  await t.step("after the title, in the same cell", () => {
    const notebook = notebookOf("# ReLU\n\nReLU is $\\max(0, z)$,\nwhich is cheap.\n\nMore.");
    assert.equal(firstParagraph(notebook), "ReLU is $\\max(0, z)$,\nwhich is cheap.");
  });
  await t.step("in a later cell when the first holds only the title", () => {
    assert.equal(firstParagraph(notebookOf("# ReLU\n", "Second cell.")), "Second cell.");
  });
  await t.step("lists, tables, quotes, code, display maths and HTML are not paragraphs", () => {
    const notebook = notebookOf(
      "# T\n\n- item\n\n| a |\n|---|\n\n> quote\n\n```\ncode\n```\n\n$$x$$\n\n<div>x</div>\n\n1. one",
      "Text.",
    );
    assert.equal(firstParagraph(notebook), "Text.");
  });
  await t.step("none when there is no paragraph", () => {
    assert.equal(firstParagraph(notebookOf("# Only a title")), undefined);
  });
});

Deno.test("neighbours() gives the entries before and after a page", async (t) => {
  const series: SeriesEntry[] = ["01-a", "02-b", "03-c"].map((name) => ({
    name,
    title: name.toUpperCase(),
    summary: "",
  }));
  await t.step("in the middle: both", () => {
    const { previous, next } = neighbours(series, "02-b");
    assert.equal(previous?.name, "01-a");
    assert.equal(next?.title, "03-C");
  });
  await t.step("at the ends: one", () => {
    assert.deepEqual(neighbours(series, "01-a"), { previous: undefined, next: series[1] });
    assert.deepEqual(neighbours(series, "03-c"), { previous: series[1], next: undefined });
  });
  await t.step("a page outside the series: none", () => {
    assert.deepEqual(neighbours(series, "04-d"), {});
  });
});

Deno.test("readSeries() reads a folder's notebooks in file-name order", async () => {
  const series = await readSeries(new URL("fixtures", import.meta.url).pathname);
  const names = series.map((entry) => entry.name);
  assert.deepEqual(names, [...names].sort());
  for (const name of ["many_cells", "parameters", "slow", "syntax_error", "throws"]) {
    assert.ok(names.includes(name), name);
  }
  const parameters = series[names.indexOf("parameters")];
  await Deno.mkdir("build", { recursive: true });
  const folder = await Deno.makeTempDir({ dir: "build", prefix: "series-" });
  try {
    await Deno.copyFile(new URL("fixtures/hello.ipynb", import.meta.url), `${folder}/b.ipynb`);
    await Deno.writeTextFile(`${folder}/a.txt`, "not a notebook");
    await Deno.mkdir(`${folder}/c.ipynb`);
    assert.deepEqual((await readSeries(folder)).map((entry) => entry.name), ["b"], "files only");
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
  assert.equal(parameters.title, "Parameters fixture");
  assert.match(parameters.summary, /^The slope \$\\alpha\$ of Leaky ReLU/);
});
