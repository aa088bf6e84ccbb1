import assert from "node:assert/strict";
import {
  headingsOf,
  networkResources,
  renderIndexHtml,
  renderNotebookHtml,
  renderOutput,
  stripAnsi,
} from "../../src/runner/html.ts";
import { renderMarkdown, textContent } from "../../src/runner/markdown.ts";
import type { Notebook } from "../../src/runner/notebook.ts";

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

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
  const code = /<pre class="source"><code[^>]*>([\s\S]*?)<\/code><\/pre>/.exec(html);
  assert.ok(code, "a code block");
  assert.ok(!code[1].includes("x < 1") && !code[1].includes("&&"), code[1]);
  assert.equal(textContent(code[1]), "plotActivation(x < 1 && y > 2)");
  assert.match(
    html,
    /<pre class="output error">Error: boom\n {4}at &lt;anonymous&gt;:1:7<\/pre>/,
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
    assert.equal(html, '<pre class="output text">&lt;1&gt;</pre>');
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
  await t.step("dollars in every code span stay text, not only the first", () => {
    const html = renderMarkdown("`$a$`, then `$b$` and `$c$`");
    assert.ok(!html.includes("katex"), html);
    assert.match(html, /<code>\$b\$<\/code> and <code>\$c\$<\/code>/);
  });
  await t.step("\\[ \\] is display maths, \\( \\) inline", () => {
    assert.match(renderMarkdown("\\[x^2\\]"), /katex-display/);
    const inline = renderMarkdown("so \\(x^2\\) here");
    assert.match(inline, /class="katex"/);
    assert.ok(!inline.includes("katex-display"), inline);
  });
  await t.step("broken TeX shows as red source in place of an error", () => {
    const html = renderMarkdown("before $\\frac{1$ after");
    assert.match(html, /class="katex-error"[^>]*>\\frac\{1</);
    assert.match(html, /after/);
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
  assert.deepEqual(networkResources(`<div style='@import "x.css"'>`), ['@import "x.css"']);
  assert.deepEqual(networkResources("<STYLE media=print>@import url(p.css);</STYLE>"), [
    "@import url(p.css)",
  ]);
  assert.deepEqual(networkResources("<p>CSS's @import rule; and @import again</p>"), []);
});

Deno.test("networkResources() finds CSS url(...) in markup but not in the page's text", () => {
  const image = "url(https://x.org/a.png)";
  assert.deepEqual(networkResources(`<div style="background: ${image}">`), [image]);
  assert.deepEqual(networkResources(`<rect title="a > b" fill="${image}"/>`), [image]);
  assert.deepEqual(networkResources(`<style>\nbody { background: ${image} }\n</style>`), [image]);
  assert.deepEqual(networkResources(`<p>CSS loads ${image} <code>${image}</code></p>`), []);
  assert.deepEqual(networkResources(`<pre>div { background: ${image} }</pre>`), []);
});

Deno.test("renderMarkdown() gives headings the ids Jupyter Notebook gives them", () => {
  const html = renderMarkdown("# Not differentiable at $z = 0$\n\ntext\n\n## Role in ANNs");
  assert.ok(html.includes('<h1 id="Not-differentiable-at-$z-=-0$">'), html);
  assert.ok(html.includes('<h2 id="Role-in-ANNs">'), html);
  assert.ok(!renderMarkdown("```\n# a comment\n```").includes("id="));
  const afterCode = renderMarkdown(
    "```\n# a\n```\n\n```\n# b\n```\n\n# Real one\n\n    indented code",
  );
  assert.ok(afterCode.includes('<h1 id="Real-one">'), afterCode);
  assert.ok(renderMarkdown("# a > b & c").includes('<h1 id="a-&gt;-b-&amp;-c">'));
});

Deno.test("a heading's id is its text as shown, as Jupyter Notebook reads it", async (t) => {
  const idsOf = (markdown: string) =>
    [...renderMarkdown(markdown).matchAll(/<h[1-6]( id="[^"]*")?>/g)].map((m) => m[1] ?? "none");
  await t.step("code spans, emphasis and links keep their text, not their marks", () => {
    assert.deepEqual(idsOf("## The `relu` function"), [' id="The-relu-function"']);
    assert.deepEqual(idsOf("## *Leaky* **ReLU**"), [' id="Leaky-ReLU"']);
    assert.deepEqual(idsOf("## See [the paper](https://x.org)"), [' id="See-the-paper"']);
    assert.deepEqual(idsOf("## a\\_b and 'c'"), [` id="a_b-and-'c'"`]);
  });
  await t.step("maths stays as written, delimiters included", () => {
    assert.deepEqual(idsOf("## At $z = 0$ and \\(x < 1\\)"), [
      ' id="At-$z-=-0$-and-\\(x-&lt;-1\\)"',
    ]);
  });
  await t.step("underlined and HTML headings get ids, and do not cost the others theirs", () => {
    assert.deepEqual(idsOf("Dying ReLU\n==========\n\n## Fix\n\nLeaky\n-----"), [
      ' id="Dying-ReLU"',
      ' id="Fix"',
      ' id="Leaky"',
    ]);
    assert.deepEqual(idsOf("<h2>Raw HTML</h2>\n\n## After"), [' id="Raw-HTML"', ' id="After"']);
  });
});

const LIVE_HTML = '<div id="live">static</div><script type="module">\n' +
  'const el = document.getElementById("live");\nif (el && 1 < 2) el.textContent = "live";\n' +
  "</script>";

const chapter: Notebook = {
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Leaky ReLU\n\nIt leaks $\\alpha z$." },
    { cell_type: "markdown", metadata: {}, source: "## Definition\n\ntext\n\n### At $z = 0$" },
    {
      cell_type: "markdown",
      metadata: {},
      source: "## Results\n\n| activation | dead | loss |\n| --- | --- | --- |\n" +
        "| ReLU | 48.3% | 0.197 ± 0.180 |\n| Leaky | 18.8% | 0.001 |",
    },
    {
      cell_type: "code",
      metadata: {},
      source: 'const alpha = 0.01; // slope\nconsole.log("a < b");',
      execution_count: 1,
      outputs: [
        {
          output_type: "stream",
          name: "stdout",
          text: "depth  ReLU  Leaky\n    2  0.10   0.05\n   12  0.40   0.07\n",
        },
        {
          output_type: "display_data",
          data: {
            "text/html": LIVE_HTML,
            "image/svg+xml": SVG.replace("<g>", '<g id="static-picture">'),
            "image/png": "iVBORw0K",
            "text/plain": "Explorer",
          },
        },
      ],
    },
  ],
  metadata: { language_info: { name: "typescript" } },
  nbformat: 4,
  nbformat_minor: 5,
};

const previous = { name: "03-relu-limitations", title: "Limitations of ReLU" };
const next = { name: "05-leaky-relu-tradeoffs", title: "Leaky ReLU: what it buys & costs" };

Deno.test("renderNotebookHtml() links the index, the previous and the next page, top and bottom", async (t) => {
  const html = await renderNotebookHtml(chapter, { previous, next });
  await t.step("two pagers, one before the first cell and one after the last", () => {
    assert.equal(count(html, '<nav class="pager'), 2);
    assert.ok(html.indexOf('<nav class="pager top"') < html.indexOf("Leaky ReLU</h1>"));
    assert.ok(html.indexOf('<nav class="pager bottom"') > html.indexOf('id="live"'));
  });
  await t.step("each pager links the index and both neighbours with their titles", () => {
    assert.equal(count(html, '<a class="home" href="index.html">'), 2);
    assert.equal(count(html, 'rel="prev" href="03-relu-limitations.html"'), 2);
    assert.equal(count(html, 'rel="next" href="05-leaky-relu-tradeoffs.html"'), 2);
    assert.equal(count(html, "Limitations of ReLU</span>"), 2);
    assert.equal(count(html, "Leaky ReLU: what it buys &amp; costs</span>"), 2, "title escaped");
  });
  await t.step(
    "the first page of a series has no previous link, only the index and next",
    async () => {
      const first = await renderNotebookHtml(chapter, { next });
      assert.equal(count(first, 'rel="prev"'), 0);
      assert.equal(count(first, 'rel="next"'), 2);
      assert.equal(count(first, 'href="index.html"'), 2);
    },
  );
  await t.step("an unknown option key is refused", async () => {
    await assert.rejects(
      () => renderNotebookHtml(chapter, { nxt: next } as never),
      (error: Error) => error instanceof TypeError && /unknown keys: nxt/.test(error.message),
    );
  });
});

Deno.test("renderNotebookHtml() lists the level 2 and 3 headings in a table of contents", async (t) => {
  const html = await renderNotebookHtml(chapter);
  const sidebar = /<nav class="toc sidebar"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
  const narrow = /<details class="toc narrow"><summary>Contents<\/summary>([\s\S]*?)<\/details>/
    .exec(html)?.[1] ?? "";
  await t.step("a sidebar and a collapsed list at the top hold the same entries", () => {
    assert.notEqual(sidebar, "");
    assert.equal(narrow, sidebar);
    assert.ok(html.indexOf("<details") < html.indexOf("Leaky ReLU</h1>"));
  });
  await t.step("each entry links a heading id that the page has, in order", () => {
    const links = [...sidebar.matchAll(/<li class="toc-h(\d)"><a href="#([^"]*)">/g)];
    assert.deepEqual(links.map((m) => [m[1], m[2]]), [
      ["2", "Definition"],
      ["3", "At-$z-=-0$"],
      ["2", "Results"],
    ]);
    for (const [, , id] of links) assert.ok(html.includes(` id="${id}"`), id);
  });
  await t.step("maths in a heading shows as maths in the contents", () => {
    assert.match(sidebar, /toc-h3"><a href="#At-\$z-=-0\$">At <span class="katex">/);
  });
  await t.step("the title heads the contents and is not an entry", () => {
    assert.match(sidebar, /^<p class="toc-title"><a href="#">Leaky ReLU<\/a><\/p>/);
    assert.ok(!/toc-h1/.test(sidebar));
  });
});

Deno.test("headingsOf() finds headings with ids and drops links inside them", () => {
  const headings = headingsOf('<h2 id="a">A <a href="x">link</a></h2><h3>no id</h3><p>x</p>');
  assert.deepEqual(headings, [{ level: 2, id: "a", html: "A link" }]);
});

Deno.test("renderNotebookHtml() highlights code with highlight.js at render time", async (t) => {
  const html = await renderNotebookHtml(chapter);
  const code = /<pre class="source"><code class="hljs language-typescript">([\s\S]*?)<\/code>/
    .exec(html)?.[1] ?? "";
  await t.step("keywords, numbers, strings and comments carry hljs classes", () => {
    assert.match(code, /<span class="hljs-keyword">const<\/span>/);
    assert.match(code, /<span class="hljs-number">0.01<\/span>/);
    assert.match(code, /<span class="hljs-comment">\/\/ slope<\/span>/);
    assert.match(code, /<span class="hljs-string">&quot;a &lt; b&quot;<\/span>/);
  });
  await t.step("the highlighted text is the source, escaped", () => {
    assert.equal(textContent(code), 'const alpha = 0.01; // slope\nconsole.log("a < b");');
  });
  await t.step("the theme's stylesheet is in the page and no script is", () => {
    assert.match(html, /\.hljs-keyword[,{]/);
    assert.equal(count(html, "<script"), 1, "only the output's own script");
  });
  await t.step("a language highlight.js was not given stays plain, escaped text", async () => {
    const python = {
      ...chapter,
      metadata: { language_info: { name: "python" } },
      cells: [{ ...chapter.cells[3], outputs: [] }],
    };
    const plain = await renderNotebookHtml(python);
    assert.match(plain, /<pre class="source"><code>const alpha = 0.01; \/\/ slope\n/);
    assert.ok(!plain.includes('<span class="hljs-'));
  });
});

Deno.test("renderNotebookHtml() prints tables as tables", async (t) => {
  const html = await renderNotebookHtml(chapter);
  await t.step("a Markdown table becomes a <table> with a header row, in a scrolling box", () => {
    assert.match(html, /<div class="table-scroll"><table>\s*<thead>\s*<tr>\s*<th>activation<\/th>/);
  });
  await t.step("its numeric columns are marked for right alignment, its text column is not", () => {
    assert.match(html, /<th class="num">dead<\/th>/);
    assert.match(html, /<td class="num">48.3%<\/td>/);
    assert.match(html, /<td class="num">0.197 ± 0.180<\/td>/);
    assert.match(html, /<td>ReLU<\/td>/);
  });
  await t.step("the stylesheet gives tables borders, zebra rows and right-aligned numbers", () => {
    assert.match(html, /main th, main td \{ border: 1px solid/);
    assert.match(html, /tbody tr:nth-child\(even\)/);
    assert.match(html, /td\.num \{ text-align: right/);
  });
  await t.step("printed columns keep their alignment (no wrapping)", () => {
    assert.match(html, /<pre class="output stream stdout aligned">depth {2}ReLU/);
    assert.match(html, /pre\.output\.aligned \{ white-space: pre;/);
  });
});

Deno.test("renderNotebookHtml() keeps a live output's HTML and script as they are", async (t) => {
  const html = await renderNotebookHtml(chapter, { previous, next });
  await t.step("text/html is preferred to the static SVG and PNG of the same output", () => {
    assert.ok(html.includes(`<div class="output html">${LIVE_HTML}</div>`));
    assert.ok(!html.includes("static-picture"));
    assert.ok(!html.includes("data:image/png"));
  });
  await t.step("the page loads nothing from the network", () => {
    assert.deepEqual(networkResources(html), []);
  });
});

Deno.test("renderOutput() falls back to the static picture when there is no text/html", () => {
  const html = renderOutput({
    output_type: "display_data",
    data: { "image/svg+xml": SVG, "image/png": "iVBORw0K", "text/plain": "Explorer" },
  });
  assert.match(html, /^<div class="output svg"><svg/);
});

Deno.test("renderIndexHtml() lists every notebook with its title, first paragraph and run", async () => {
  const html = await renderIndexHtml([
    { name: "01-a", title: "ReLU", summary: "Zero below $z = 0$.", status: "ok", seconds: 6.9 },
    { name: "02-b", title: "Leaky <ReLU>", summary: "", status: "failed", seconds: 1 },
  ]);
  // The formula and the full stop after it kept on one line.
  assert.match(
    html,
    /<h2><a href="01-a\.html">ReLU<\/a><\/h2><p>Zero below <span class="nowrap"><span class="katex">/,
  );
  assert.match(
    html,
    /<h2><a href="02-b\.html">Leaky &lt;ReLU&gt;<\/a><\/h2><p class="meta failed">/,
  );
  assert.match(html, /01-a · ok · ran in 6.9 s/);
  assert.match(html, /url\(data:font\/woff2;base64,/, "KaTeX fonts for maths in summaries");
  assert.deepEqual(networkResources(html), []);
});

/** A page with each stylesheet's content replaced by "…", so that its frame can be read whole. */
function frameOf(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, "<style>…</style>");
}

/** The frame of every page around `body`: its head with `sheets` stylesheets shown as "…". */
function framed(title: string, sheets: number, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${"<style>…</style>\n".repeat(sheets)}</head>
<body>
${body}
</body>
</html>
`;
}

Deno.test("renderNotebookHtml() frames the cells in one well-formed page", async () => {
  const empty: Notebook = { cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 };
  const html = await renderNotebookHtml(empty, { title: "Empty & new" });
  const contents = '<p class="toc-title"><a href="#">Empty &amp; new</a></p><ol></ol>';
  const pager = (where: string, label: string) =>
    `<nav class="pager ${where}" aria-label="${label}"><span class="prev none"></span>` +
    '<a class="home" href="index.html">All notebooks</a><span class="next none"></span></nav>';
  assert.equal(
    frameOf(html),
    framed(
      "Empty &amp; new",
      3,
      `${pager("top", "Notebooks")}
<div class="layout">
<nav class="toc sidebar" aria-label="Contents">${contents}</nav>
<main id="content">
<details class="toc narrow"><summary>Contents</summary>${contents}</details>

</main>
</div>
${pager("bottom", "Notebooks (end)")}`,
    ),
  );
});

Deno.test("renderNotebookHtml() writes a neighbour's link as its label and its title", async () => {
  const html = await renderNotebookHtml(chapter, { previous, next });
  const top = /<nav class="pager top"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1];
  assert.equal(
    top,
    '<a class="prev" rel="prev" href="03-relu-limitations.html"><span class="label">← Previous' +
      '</span><span class="title">Limitations of ReLU</span></a><a class="home" href="index.html">' +
      'All notebooks</a><a class="next" rel="next" href="05-leaky-relu-tradeoffs.html"><span ' +
      'class="label">Next →</span><span class="title">Leaky ReLU: what it buys &amp; costs</span></a>',
  );
});

Deno.test("renderNotebookHtml() shows a code cell as its prompt, its source and its outputs", async (t) => {
  const cell = (source: string, tags: string[] = [], count: number | null = 3) => ({
    cell_type: "code" as const,
    metadata: { tags },
    source,
    execution_count: count,
    outputs: [{ output_type: "execute_result" as const, data: { "text/plain": "1" } }],
  });
  const render = async (cells: Notebook["cells"]) => {
    const html = await renderNotebookHtml({
      cells,
      metadata: { language_info: { name: "no-such-language" } },
      nbformat: 4,
      nbformat_minor: 5,
    });
    return [...html.matchAll(/<section class="cell[\s\S]*?<\/section>/g)].map((m) => m[0]);
  };
  const outputs = '<div class="outputs"><pre class="output text">1</pre></div>';
  await t.step("the input, then the outputs, each in its box; tags become classes", async () => {
    assert.deepEqual(await render([cell("x < 1", ["figure"])]), [
      '<section class="cell code tag-figure"><div class="input"><span class="prompt">[3]</span>' +
      `<pre class="source"><code>x &lt; 1</code></pre></div>${outputs}</section>`,
    ]);
  });
  await t.step("a cell never run shows an empty prompt", async () => {
    const [html] = await render([cell("x", [], null)]);
    assert.match(html, /<span class="prompt">\[ \]<\/span>/);
  });
  await t.step("a blank cell and a cell tagged remove-input show their outputs only", async () => {
    assert.deepEqual(await render([cell(" \n "), cell("secret()", ["remove-input"])]), [
      `<section class="cell code">${outputs}</section>`,
      `<section class="cell code tag-remove-input">${outputs}</section>`,
    ]);
  });
});

Deno.test("renderOutput() shows an error's traceback, or its name and value without one", async (t) => {
  const error = (traceback?: string[]) =>
    renderOutput({ output_type: "error", ename: "RangeError", evalue: "alpha < 0", traceback });
  await t.step("a traceback of one line is shown", () => {
    assert.equal(
      error(["RangeError: at line 1"]),
      '<pre class="output error">RangeError: at line 1</pre>',
    );
  });
  await t.step("an empty or absent traceback gives the name and the value", () => {
    const plain = '<pre class="output error">RangeError: alpha &lt; 0</pre>';
    assert.equal(error([]), plain);
    assert.equal(error(undefined), plain);
  });
});

Deno.test("renderOutput() keeps printed text in columns only when two lines are in columns", () => {
  const stream = (text: string) => renderOutput({ output_type: "stream", name: "stdout", text });
  assert.equal(
    stream("a  b\nc  d\n"),
    '<pre class="output stream stdout aligned">a  b\nc  d\n</pre>',
  );
  assert.equal(stream("a  b\nc d\n"), '<pre class="output stream stdout">a  b\nc d\n</pre>');
});

Deno.test("renderOutput() prints JSON indented by two spaces", () => {
  assert.equal(
    renderOutput({ output_type: "execute_result", data: { "application/json": { a: [1] } } }),
    '<pre class="output json">{\n  &quot;a&quot;: [\n    1\n  ]\n}</pre>',
  );
});

Deno.test("networkResources() names each resource with its whole address", () => {
  assert.deepEqual(
    networkResources(
      '<img alt="" src="https://example.org/a.png?w=2&amp;h=3"><style>@font-face{src:' +
        'url(//x.org/y.woff2)}@import "https://x.org/k.css";</style>',
    ),
    [
      '<img alt="" src="https://example.org/a.png?w=2&amp;h=3',
      "url(//x.org/y.woff2)",
      '@import "https://x.org/k.css"',
    ],
  );
});

Deno.test("renderIndexHtml() frames its list in one well-formed page", async () => {
  const html = await renderIndexHtml([{ name: "02-b", title: "B", status: "ok", seconds: 2 }]);
  assert.equal(
    frameOf(html),
    framed(
      "relu-lab notebooks",
      2,
      `<main id="content" class="index">
<h1>relu-lab notebooks</h1>
<ol class="index">
<li><h2><a href="02-b.html">B</a></h2><p class="meta">02-b · ok · ran in 2 s</p></li>
</ol>
</main>`,
    ),
  );
});

Deno.test("renderNotebookHtml() leads a link to a notebook beside it to that notebook's page", async () => {
  const linked: Notebook = {
    ...notebook,
    cells: [{
      cell_type: "markdown",
      metadata: {},
      source: "See [part 3](02-b.ipynb#3.-Sparse), [it](02-b.ipynb), [a copy](sub/c.ipynb), " +
        "[a site](https://example.org/d.ipynb) and [this page](#Part).",
    }],
  };
  const html = await renderNotebookHtml(linked);
  assert.match(html, /<a href="02-b\.html#3\.-Sparse">part 3<\/a>/);
  assert.match(html, /<a href="02-b\.html">it<\/a>/);
  // A path or a URL is not a page of this series: left as it is.
  assert.match(html, /<a href="sub\/c\.ipynb">a copy<\/a>/);
  assert.match(html, /<a href="https:\/\/example\.org\/d\.ipynb">a site<\/a>/);
  assert.match(html, /<a href="#Part">this page<\/a>/);
});
