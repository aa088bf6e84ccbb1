/**
 * Renders an executed notebook as one self-contained HTML page: Markdown with maths pre-rendered
 * by KaTeX, code highlighted by highlight.js, outputs (SVG figures, HTML with its scripts, tables)
 * inline, links to the index and to the previous and next notebook at the top and the bottom, and
 * a table of contents. The KaTeX stylesheet (fonts inlined as data: URLs) and the highlight.js
 * theme are inlined: the page references no network resource and needs no script of its own.
 *
 * Written here rather than using `nbconvert --to html` because Debian's nbconvert sanitiser
 * strips SVG (path, g, viewBox), which blanks every plot.
 *
 * @module
 */

import { type Cell, hasTag, type Notebook, type Output, sourceText } from "./notebook.ts";
import { renderMarkdown, renderTex } from "./markdown.ts";
import { escapeHtml } from "../plot/escape_html.ts";
import { encodeBase64 } from "./base64.ts";
import { highlightCode, highlightThemeCss } from "./highlight.ts";
import { nodeModulesFile } from "./node_modules.ts";
import { PAGE_CSS } from "./page_css.ts";
import { firstHeading } from "./series.ts";
import { formatTables } from "./tables.ts";

/**
 * Removes ANSI escape sequences (colours) from kernel text.
 *
 * @example
 * ```ts
 * import { stripAnsi } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(stripAnsi("\x1b[31mTypeError\x1b[0m: bad alpha"), "TypeError: bad alpha");
 * assert.equal(stripAnsi("plain [31m"), "plain [31m");
 * ```
 */
export function stripAnsi(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}

function joined(value: unknown): string {
  return Array.isArray(value) ? value.join("") : String(value ?? "");
}

let katexCss: string | undefined;

/**
 * The KaTeX stylesheet with every font as an inline woff2 data: URL (other formats dropped).
 * Read once from the katex package in node_modules.
 *
 * @example
 * ```ts
 * import { inlineKatexCss, networkResources } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const css = await inlineKatexCss();
 * assert.match(css, /\.katex\{/);
 * assert.match(css, /src:url\(data:font\/woff2;base64,/);
 * assert.doesNotMatch(css, /url\(fonts\//);
 * assert.deepEqual(networkResources(`<style>${css}</style>`), []);
 * ```
 */
export async function inlineKatexCss(): Promise<string> {
  if (katexCss !== undefined) return katexCss;
  const css = await Deno.readTextFile(await nodeModulesFile("katex/dist/katex.min.css"));
  const fonts = new Map<string, string>();
  for (const [, file] of css.matchAll(/url\(fonts\/([^)]+\.woff2)\)/g)) {
    if (!fonts.has(file)) {
      const bytes = await Deno.readFile(await nodeModulesFile(`katex/dist/fonts/${file}`));
      fonts.set(file, `url(data:font/woff2;base64,${encodeBase64(bytes)})`);
    }
  }
  katexCss = css.replace(
    /src:([^;}]*)/g,
    (_, sources: string) => {
      const woff2 = /url\(fonts\/([^)]+\.woff2)\)/.exec(sources);
      return woff2 ? `src:${fonts.get(woff2[1])} format("woff2")` : `src:${sources}`;
    },
  );
  return katexCss;
}

/**
 * Renders one output as HTML. Of a MIME bundle it shows the first type the page can show in
 * Jupyter Notebook's order of preference: `text/html` (kept as-is, scripts included, so a live
 * output works in the page), `text/markdown`, `text/latex`, `image/svg+xml`, `image/png`,
 * `image/jpeg`, `application/json`, `text/plain`.
 *
 * @example
 * ```ts
 * import { renderOutput } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const both = { "text/plain": "[Figure]", "image/svg+xml": "<svg></svg>" };
 * assert.equal(
 *   renderOutput({ output_type: "display_data", data: both }),
 *   '<div class="output svg"><svg></svg></div>',
 * );
 * // HTML comes first and keeps its scripts.
 * const live = { "image/svg+xml": "<svg></svg>", "text/html": "<p></p><script>go()</script>" };
 * assert.equal(
 *   renderOutput({ output_type: "display_data", data: live }),
 *   '<div class="output html"><p></p><script>go()</script></div>',
 * );
 * assert.equal(
 *   renderOutput({ output_type: "stream", name: "stdout", text: ["a < b\n"] }),
 *   '<pre class="output stream stdout">a &lt; b\n</pre>',
 * );
 * // An error shows its traceback without colours, or its name and message when it has none.
 * const traceback = ["\x1b[31mRangeError\x1b[0m: a < 0", "    at <anonymous>:1:7"];
 * assert.equal(
 *   renderOutput({ output_type: "error", ename: "RangeError", evalue: "a < 0", traceback }),
 *   '<pre class="output error">RangeError: a &lt; 0\n    at &lt;anonymous&gt;:1:7</pre>',
 * );
 * assert.equal(
 *   renderOutput({ output_type: "error", ename: "RangeError", evalue: "a < 0", traceback: [] }),
 *   '<pre class="output error">RangeError: a &lt; 0</pre>',
 * );
 * ```
 */
export function renderOutput(output: Output): string {
  switch (output.output_type) {
    case "stream": {
      const text = stripAnsi(joined(output.text));
      const aligned = isAligned(text) ? " aligned" : "";
      const name = escapeHtml(output.name ?? "stdout");
      return `<pre class="output stream ${name}${aligned}">${escapeHtml(text)}</pre>`;
    }
    case "error": {
      const trace = output.traceback && output.traceback.length > 0
        ? output.traceback.join("\n")
        : `${output.ename}: ${output.evalue}`;
      return `<pre class="output error">${escapeHtml(stripAnsi(trace))}</pre>`;
    }
    default:
      return renderData(output.data ?? {});
  }
}

/**
 * Whether printed text is laid out in columns (two or more lines with a run of two or more spaces
 * between words): such text scrolls rather than wraps, so that its columns stay aligned.
 */
function isAligned(text: string): boolean {
  return text.split("\n").filter((line) => /\S {2,}\S/.test(line)).length >= 2;
}

function renderData(data: Record<string, unknown>): string {
  if ("text/html" in data) {
    return `<div class="output html">${formatTables(joined(data["text/html"]))}</div>`;
  }
  if ("text/markdown" in data) {
    const html = formatTables(renderMarkdown(joined(data["text/markdown"])));
    return `<div class="output markdown">${html}</div>`;
  }
  if ("text/latex" in data) {
    const tex = joined(data["text/latex"]).trim().replace(/^\$\$?|\$\$?$/g, "");
    return `<div class="output latex">${renderTex(tex, true)}</div>`;
  }
  if ("image/svg+xml" in data) {
    return `<div class="output svg">${joined(data["image/svg+xml"])}</div>`;
  }
  if ("image/png" in data) {
    const png = joined(data["image/png"]).replace(/\s/g, "");
    return `<div class="output image"><img src="data:image/png;base64,${png}" alt=""></div>`;
  }
  if ("image/jpeg" in data) {
    const jpeg = joined(data["image/jpeg"]).replace(/\s/g, "");
    return `<div class="output image"><img src="data:image/jpeg;base64,${jpeg}" alt=""></div>`;
  }
  if ("application/json" in data) {
    const json = JSON.stringify(data["application/json"], null, 2);
    return `<pre class="output json">${escapeHtml(json)}</pre>`;
  }
  if ("text/plain" in data) {
    return `<pre class="output text">${escapeHtml(stripAnsi(joined(data["text/plain"])))}</pre>`;
  }
  return "";
}

function renderCode(source: string, language: string): string {
  const highlighted = highlightCode(source, language);
  if (highlighted === undefined) {
    return `<pre class="source"><code>${escapeHtml(source)}</code></pre>`;
  }
  return `<pre class="source"><code class="hljs language-${escapeHtml(language)}">` +
    `${highlighted}</code></pre>`;
}

function renderCell(cell: Cell, language: string): string {
  const source = sourceText(cell);
  if (cell.cell_type === "markdown") {
    return `<section class="cell markdown">${
      formatTables(pageLinks(renderMarkdown(source)))
    }</section>`;
  }
  if (cell.cell_type === "raw") {
    return `<section class="cell raw"><pre>${escapeHtml(source)}</pre></section>`;
  }
  const tags = (cell.metadata.tags ?? []).map((t) => ` tag-${escapeHtml(t)}`).join("");
  const count = cell.execution_count ?? " ";
  const input = source.trim() === "" || hasTag(cell, "remove-input")
    ? ""
    : `<div class="input"><span class="prompt">[${count}]</span>${
      renderCode(source, language)
    }</div>`;
  const outputs = (cell.outputs ?? []).map(renderOutput).join("\n");
  return `<section class="cell code${tags}">${input}` +
    (outputs ? `<div class="outputs">${outputs}</div>` : "") + `</section>`;
}

/**
 * The links of rendered Markdown with each link to a notebook in the same folder led to that
 * notebook's page instead (`02-x.ipynb#a` to `02-x.html#a`): in Jupyter the link opens the
 * notebook, on the pages it opens the page. Other links (a path, a URL) are left as they are.
 */
function pageLinks(html: string): string {
  return html.replace(/(<a\s[^>]*?href=")([^"/:?#]+)\.ipynb(?=["#])/g, "$1$2.html");
}

/** A page that another page links to. */
export interface PageLink {
  /** File name without extension: the page is `<name>.html` in the same folder. */
  name: string;
  /** The page's title, shown as the link's text. */
  title: string;
}

/** Options of {@linkcode renderNotebookHtml}. */
export interface HtmlOptions {
  /** Page title. Default: the first Markdown heading, else "Notebook". */
  title?: string;
  /** The notebook before this one in the series; no link when absent. */
  previous?: PageLink;
  /** The notebook after this one in the series; no link when absent. */
  next?: PageLink;
}

const HTML_OPTIONS = ["title", "previous", "next"];

/** One heading of a page, for its table of contents. */
export interface TocEntry {
  /** Heading level, 1 to 6. */
  level: number;
  /** The heading's id, as written in its attribute (HTML-escaped). */
  id: string;
  /** The heading's content as HTML, links removed. */
  html: string;
}

/**
 * The headings with an id in rendered HTML, in order.
 *
 * @example
 * ```ts
 * import { headingsOf } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const html = '<h2 id="dying-relu"><a href="#dying-relu">Dying ReLU</a></h2><p>Text</p>' +
 *   "<h3>No id</h3>";
 * assert.deepEqual(headingsOf(html), [{ level: 2, id: "dying-relu", html: "Dying ReLU" }]);
 * ```
 */
export function headingsOf(html: string): TocEntry[] {
  const found: TocEntry[] = [];
  for (const m of html.matchAll(/<h([1-6]) id="([^"]*)">([\s\S]*?)<\/h\1>/g)) {
    found.push({ level: Number(m[1]), id: m[2], html: m[3].replace(/<\/?a\b[^>]*>/g, "") });
  }
  return found;
}

/**
 * Renders a notebook as a self-contained HTML page, with links to `index.html` and to the
 * previous and next notebook at the top and the bottom, and a table of contents of its level 2
 * and 3 headings (a sidebar on wide screens, a collapsed list at the top on narrow ones). A
 * Markdown link to a notebook in the same folder (`02-x.ipynb#part`) leads to its page
 * (`02-x.html#part`).
 *
 * @example
 * ```ts
 * import type { Notebook } from "./notebook.ts";
 * import { headingsOf, networkResources, renderNotebookHtml } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const notebook: Notebook = {
 *   cells: [
 *     { cell_type: "markdown", metadata: {}, source: "# ReLU\n\n## The kink at $z = 0$" },
 *     {
 *       cell_type: "code",
 *       metadata: {},
 *       source: "Math.max(0, -2)",
 *       outputs: [{ output_type: "execute_result", data: { "text/plain": "0" } }],
 *     },
 *   ],
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * };
 * const next = { name: "02-next", title: "Next one" };
 * const page = await renderNotebookHtml(notebook, { next });
 * assert.match(page, /<title>ReLU<\/title>/);
 * assert.match(page, /href="02-next\.html"/);
 * assert.match(page, /class="katex"/);
 * assert.deepEqual(headingsOf(page).map((h) => h.id), ["ReLU", "The-kink-at-$z-=-0$"]);
 * // The contents list the level 2 heading (not the title) and link to its id.
 * assert.match(page, /<ol><li class="toc-h2"><a href="#The-kink-at-\$z-=-0\$">The kink at </);
 * assert.deepEqual(networkResources(page), []);
 * await assert.rejects(() => renderNotebookHtml(notebook, { titel: "x" } as never), TypeError);
 * ```
 */
export async function renderNotebookHtml(
  notebook: Notebook,
  options: HtmlOptions = {},
): Promise<string> {
  const unknown = Object.keys(options).filter((key) => !HTML_OPTIONS.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `Cannot render the notebook page as options has unknown keys: ${unknown.join(", ")} ` +
        `(known: ${HTML_OPTIONS.join(", ")})`,
    );
  }
  const title = options.title ?? firstHeading(notebook) ?? "Notebook";
  const language = languageOf(notebook);
  const cells = notebook.cells.map((cell) => renderCell(cell, language));
  const markdown = cells.filter((_, i) => notebook.cells[i].cell_type === "markdown").join("\n");
  const contents = tableOfContents(title, headingsOf(markdown));
  const body = `${pager(options, "top")}
<div class="layout">
<nav class="toc sidebar" aria-label="Contents">${contents}</nav>
<main id="content">
<details class="toc narrow"><summary>Contents</summary>${contents}</details>
${cells.join("\n")}
</main>
</div>
${pager(options, "bottom")}`;
  const css = [await inlineKatexCss(), await highlightThemeCss(), PAGE_CSS];
  return page(title, body, css);
}

function languageOf(notebook: Notebook): string {
  const info = notebook.metadata.language_info as { name?: unknown } | undefined;
  return typeof info?.name === "string" ? info.name : "typescript";
}

function tableOfContents(title: string, headings: TocEntry[]): string {
  const items = headings
    .filter((h) => h.level === 2 || h.level === 3)
    .map((h) => `<li class="toc-h${h.level}"><a href="#${h.id}">${h.html}</a></li>`);
  return `<p class="toc-title"><a href="#">${escapeHtml(title)}</a></p>` +
    `<ol>${items.join("")}</ol>`;
}

function pager(links: Pick<HtmlOptions, "previous" | "next">, where: "top" | "bottom"): string {
  const link = (page: PageLink | undefined, rel: "prev" | "next", label: string) =>
    page
      ? `<a class="${rel}" rel="${rel}" href="${escapeHtml(encodeURIComponent(page.name))}.html">` +
        `<span class="label">${label}</span><span class="title">${
          escapeHtml(page.title)
        }</span></a>`
      : `<span class="${rel} none"></span>`;
  return `<nav class="pager ${where}" aria-label="Notebooks${
    where === "bottom" ? " (end)" : ""
  }">` +
    link(links.previous, "prev", "← Previous") +
    `<a class="home" href="index.html">All notebooks</a>` +
    link(links.next, "next", "Next →") + `</nav>`;
}

function page(title: string, body: string, css: string[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${css.map((sheet) => `<style>${sheet}</style>`).join("\n")}
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * Lists the network resources a page would load: `src`/`href` URLs on any element but `<a>`
 * (plain links stay links) and CSS `url(...)` in a `<style>` element or a tag's attributes, each
 * with an http(s) or protocol-relative address, and every `@import` in a `<style>` element or a
 * `style` attribute, whatever its address (an `@import` or `url(...)` in the page's text is
 * text). A self-contained page has none.
 *
 * @example
 * ```ts
 * import { networkResources } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const html = '<a href="https://d2l.ai">d2l</a><img src="https://cdn.example/plot.png">' +
 *   "<style>@font-face{src:url(//fonts.example/f.woff2)}</style>" +
 *   '<img src="data:image/png;base64,AA">';
 * assert.deepEqual(networkResources(html), [
 *   '<img src="https://cdn.example/plot.png',
 *   "url(//fonts.example/f.woff2)",
 * ]);
 * const css = "<style>\n@import 'k.css';\n</style><p>CSS's <code>@import</code> loads a file</p>";
 * assert.deepEqual(networkResources(css), ["@import 'k.css'"]);
 * assert.deepEqual(networkResources("<p>write <code>url(https://x.org/a.png)</code></p>"), []);
 * ```
 */
export function networkResources(html: string): string[] {
  const found: string[] = [];
  const attribute = /<(\w+)\b[^>]*?\s(?:src|href|xlink:href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]*/g;
  for (const m of html.matchAll(attribute)) {
    if (m[1].toLowerCase() !== "a") found.push(m[0]);
  }
  // Where CSS can load something, in the page's order: each <style> element's text, and each
  // tag, whose attributes may hold url(...) (style, or SVG's fill) and whose style attribute may
  // hold an @import; not the text a reader sees.
  const places = /<style\b[^>]*>([\s\S]*?)<\/style>|<[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*>/gi;
  for (const [place, styleText] of html.matchAll(places)) {
    const css = styleText ?? place;
    for (const m of css.matchAll(/url\(\s*["']?(?:https?:)?\/\/[^)]*\)/g)) found.push(m[0]);
    for (const m of (styleText ?? styleAttribute(place)).matchAll(/@import[^;]*/g)) {
      found.push(m[0]);
    }
  }
  return found;
}

/** The value of a tag's `style` attribute, quoted either way; "" without one. */
function styleAttribute(tag: string): string {
  const value = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  return value?.[1] ?? value?.[2] ?? "";
}

/** One line of the index page. */
export interface IndexEntry {
  /** Notebook file name without extension. */
  name: string;
  /** The notebook's title, the link's text. */
  title: string;
  /** How its last run ended. */
  status: "ok" | "failed";
  /** How long its last run took, in seconds. */
  seconds: number;
  /** The notebook's first paragraph, as Markdown. */
  summary?: string;
}

/**
 * Renders build/index.html: every notebook with its title, first paragraph and last run.
 *
 * @example
 * ```ts
 * import { networkResources, renderIndexHtml } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const html = await renderIndexHtml([
 *   { name: "01-relu-overview", title: "ReLU", status: "ok", seconds: 4.2, summary: "*ReLU*." },
 *   { name: "02-relu-advantages", title: "Why ReLU", status: "failed", seconds: 1.5 },
 * ]);
 * assert.match(html, /href="01-relu-overview\.html"/);
 * assert.match(html, /<em>ReLU<\/em>/);
 * assert.match(html, /<p class="meta">01-relu-overview · ok · ran in 4.2 s<\/p>/);
 * assert.match(html, /<p class="meta failed">02-relu-advantages · failed · ran in 1.5 s<\/p>/);
 * assert.deepEqual(networkResources(html), []);
 * ```
 */
export async function renderIndexHtml(entries: IndexEntry[]): Promise<string> {
  const items = entries.map((e) => {
    const summary = e.summary ? renderMarkdown(e.summary) : "";
    const failed = e.status === "failed" ? " failed" : "";
    return `<li><h2><a href="${escapeHtml(encodeURIComponent(e.name))}.html">` +
      `${escapeHtml(e.title)}</a></h2>${summary}` +
      `<p class="meta${failed}">${escapeHtml(e.name)} · ${e.status} · ran in ${e.seconds} s</p>` +
      `</li>`;
  }).join("\n");
  const body = `<main id="content" class="index">
<h1>relu-lab notebooks</h1>
<ol class="index">
${items}
</ol>
</main>`;
  return page("relu-lab notebooks", body, [await inlineKatexCss(), PAGE_CSS]);
}
