import assert from "node:assert/strict";
import {
  networkResources,
  renderNotebookHtml,
  renderOutput,
  stripAnsi,
} from "../../src/runner/html.ts";
import { renderMarkdown } from "../../src/runner/markdown.ts";
import type { Notebook } from "../../src/runner/notebook.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g>' +
  '<path d="M0 10 L10 0" stroke="black"/></g></svg>';

const notebook: Notebook = {
  cells: [
    {
      cell_type: "markdown",
      metadata: {},
      source:
        "# Leaky ReLU\n\n$f(x) = \\max(\\alpha x, x)$ with a_b_c and [a link](https://example.org/x).",
    },
    {
      cell_type: "code",
      metadata: { tags: ["figure"] },
      source: "plotActivation(x < 1 && y > 2)",
      execution_count: 1,
      outputs: [{ output_type: "display_data", data: { "image/svg+xml": SVG }, metadata: {} }],
    },
    {
      cell_type: "code",
      metadata: {},
      source: "throw new Error()",
      execution_count: 2,
      outputs: [{
        output_type: "error",
        ename: "Error",
        evalue: "boom",
        traceback: ["\x1b[31mError: boom\x1b[0m", "    at <anonymous>:1:7"],
      }],
    },
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
};

Deno.test("renderNotebookHtml() keeps SVG figures whole (path, g, viewBox)", async () => {
  const html = await renderNotebookHtml(notebook);
  assert.ok(html.includes('viewBox="0 0 10 10"'));
  assert.ok(html.includes('<path d="M0 10 L10 0"'));
  assert.ok(html.includes("<g>"));
});

Deno.test("renderNotebookHtml() renders maths with KaTeX and Markdown around it", async () => {
  const html = await renderNotebookHtml(notebook);
  assert.match(html, /<h1[^>]*>Leaky ReLU<\/h1>/);
  assert.match(html, /class="katex"/);
  assert.match(html, /<annotation encoding="application\/x-tex">f\(x\) = \\max\(\\alpha x, x\)/);
  assert.ok(!html.includes("$f(x)"), "no raw maths left");
  assert.match(html, /<title>Leaky ReLU<\/title>/);
});

Deno.test("renderNotebookHtml() is self-contained: fonts inlined, no network resource", async () => {
  const html = await renderNotebookHtml(notebook);
  assert.match(html, /url\(data:font\/woff2;base64,/);
  assert.ok(!/url\(fonts\//.test(html), "no relative font URL left");
  assert.deepEqual(networkResources(html), []);
  assert.ok(html.includes('href="https://example.org/x"'), "author's links stay");
});

Deno.test("renderNotebookHtml() escapes code and strips ANSI from errors", async () => {
  const html = await renderNotebookHtml(notebook);
  assert.ok(html.includes("plotActivation(x &#60; 1 &#38;&#38; y &#62; 2)"));
  assert.match(
    html,
    /<pre class="output error">Error: boom\n {4}at &#60;anonymous&#62;:1:7<\/pre>/,
  );
  assert.ok(!html.includes("\x1b"));
});

Deno.test("renderOutput() picks the richest MIME type", async (t) => {
  await t.step("SVG before text/plain", () => {
    const html = renderOutput({
      output_type: "display_data",
      data: { "image/svg+xml": [SVG], "text/plain": "Figure" },
    });
    assert.ok(html.includes("<svg") && !html.includes("Figure"));
  });
  await t.step("text/html inline", () => {
    assert.match(
      renderOutput({ output_type: "execute_result", data: { "text/html": "<b>x</b>" } }),
      /<b>x<\/b>/,
    );
  });
  await t.step("image/png as a data: URL", () => {
    const html = renderOutput({ output_type: "display_data", data: { "image/png": "iVBORw0K\n" } });
    assert.ok(html.includes('src="data:image/png;base64,iVBORw0K"'));
  });
  await t.step("text/latex through KaTeX", () => {
    const html = renderOutput({ output_type: "display_data", data: { "text/latex": "$$x^2$$" } });
    assert.match(html, /class="katex-display"/);
  });
  await t.step("text/markdown", () => {
    const html = renderOutput({ output_type: "display_data", data: { "text/markdown": "**b**" } });
    assert.match(html, /<strong>b<\/strong>/);
  });
  await t.step("text/plain escaped in <pre>", () => {
    const html = renderOutput({ output_type: "execute_result", data: { "text/plain": "<1>" } });
    assert.equal(html, '<pre class="output text">&#60;1&#62;</pre>');
  });
});

Deno.test("renderMarkdown() protects maths from the Markdown parser", async (t) => {
  await t.step("underscores and stars stay maths", () => {
    const html = renderMarkdown("$a_1 * b_2 * c$");
    assert.ok(!html.includes("<em>"));
    assert.match(html, /a_1 \* b_2 \* c/);
  });
  await t.step("display maths over several lines", () => {
    assert.match(renderMarkdown("$$\nf'(x) = 1\n$$"), /katex-display/);
  });
  await t.step("escaped dollars and dollars in code stay text", () => {
    const html = renderMarkdown("costs \\$5 and \\$6, `$x$` in code");
    assert.ok(!html.includes("katex"));
    assert.match(html, /\$5 and \$6/);
    assert.match(html, /<code>\$x\$<\/code>/);
  });
});

Deno.test("stripAnsi() removes colour codes", () => {
  assert.equal(stripAnsi("\x1b[1m\x1b[31merror\x1b[0m: x"), "error: x");
});

Deno.test("networkResources() finds loaded resources but not plain links", () => {
  assert.deepEqual(networkResources('<a href="https://example.org">x</a>'), []);
  assert.equal(networkResources('<img alt="" src="https://example.org/a.png">').length, 1);
  assert.equal(networkResources('<link rel="stylesheet" href="//cdn.example/k.css">').length, 1);
  assert.equal(networkResources("<style>@font-face{src:url(https://x/y.woff2)}</style>").length, 1);
  assert.equal(networkResources('<svg xmlns="http://www.w3.org/2000/svg"></svg>').length, 0);
});

Deno.test("renderMarkdown() gives headings the ids Jupyter Notebook gives them", () => {
  const html = renderMarkdown("# Not differentiable at $z = 0$\n\ntext\n\n## Role in ANNs");
  assert.ok(html.includes('<h1 id="Not-differentiable-at-$z-=-0$">'), html);
  assert.ok(html.includes('<h2 id="Role-in-ANNs">'), html);
  assert.ok(!renderMarkdown("```\n# a comment\n```").includes("id="));
});
