/**
 * Renders an executed notebook as one self-contained HTML page: Markdown with maths pre-rendered
 * by KaTeX, code with its outputs, SVG figures inline, the KaTeX stylesheet and fonts inlined as
 * data: URLs. The page references no network resource.
 *
 * Written here rather than using `nbconvert --to html` because Debian's nbconvert sanitiser
 * strips SVG (path, g, viewBox), which blanks every plot.
 *
 * @module
 */

import { type Cell, hasTag, type Notebook, type Output, sourceText } from "./notebook.ts";
import { renderMarkdown, renderTex } from "./markdown.ts";
import { encodeBase64 } from "./base64.ts";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Removes ANSI escape sequences (colours) from kernel text. */
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
 */
export async function inlineKatexCss(): Promise<string> {
  if (katexCss !== undefined) return katexCss;
  const dist = await katexDist();
  const css = await Deno.readTextFile(new URL("katex.min.css", dist));
  const fonts = new Map<string, string>();
  for (const [, file] of css.matchAll(/url\(fonts\/([^)]+\.woff2)\)/g)) {
    if (!fonts.has(file)) {
      const bytes = await Deno.readFile(new URL(`fonts/${file}`, dist));
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

/** Finds node_modules/katex/dist next to the deno.json above this file. */
async function katexDist(): Promise<URL> {
  let dir = new URL("./", import.meta.url);
  for (let i = 0; i < 6; i++) {
    const candidate = new URL("node_modules/katex/dist/", dir);
    try {
      await Deno.stat(new URL("katex.min.css", candidate));
      return candidate;
    } catch {
      dir = new URL("../", dir);
    }
  }
  throw new Error(
    "Cannot inline the KaTeX stylesheet as node_modules/katex/dist/katex.min.css was not found: " +
      "run `deno install` in the project folder",
  );
}

/** Renders one output as HTML, choosing the richest MIME type the page can show. */
export function renderOutput(output: Output): string {
  switch (output.output_type) {
    case "stream": {
      const text = escapeHtml(stripAnsi(joined(output.text)));
      return `<pre class="output stream ${escapeHtml(output.name ?? "stdout")}">${text}</pre>`;
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

function renderData(data: Record<string, unknown>): string {
  // HTML first, as Jupyter front ends rank it: figures carry an SVG form too, for front ends
  // without HTML, and an activation's HTML holds its formulas, which its SVG form lacks.
  if ("text/html" in data) return `<div class="output html">${joined(data["text/html"])}</div>`;
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
  if ("text/markdown" in data) {
    return `<div class="output markdown">${renderMarkdown(joined(data["text/markdown"]))}</div>`;
  }
  if ("text/latex" in data) {
    const tex = joined(data["text/latex"]).trim().replace(/^\$\$?|\$\$?$/g, "");
    return `<div class="output latex">${renderTex(tex, true)}</div>`;
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

function renderCell(cell: Cell): string {
  const source = sourceText(cell);
  if (cell.cell_type === "markdown") {
    return `<section class="cell markdown">${renderMarkdown(source)}</section>`;
  }
  if (cell.cell_type === "raw") {
    return `<section class="cell raw"><pre>${escapeHtml(source)}</pre></section>`;
  }
  const tags = (cell.metadata.tags ?? []).map((t) => ` tag-${escapeHtml(t)}`).join("");
  const count = cell.execution_count ?? " ";
  const input = source.trim() === ""
    ? ""
    : `<div class="input"><span class="prompt">[${count}]</span>` +
      `<pre class="source"><code>${escapeHtml(source)}</code></pre></div>`;
  const outputs = (cell.outputs ?? []).map(renderOutput).join("\n");
  const hidden = hasTag(cell, "remove-input") ? "" : input;
  return `<section class="cell code${tags}">${hidden}` +
    (outputs ? `<div class="outputs">${outputs}</div>` : "") + `</section>`;
}

const PAGE_CSS = `
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f;
  max-width: 54rem; margin: 2rem auto; padding: 0 1rem; }
.cell { margin: 0.9rem 0; }
.input { display: flex; gap: 0.5rem; align-items: flex-start; }
.prompt { color: #8a8a8a; font: 12px/2 ui-monospace, monospace; min-width: 2.6rem; text-align: right; }
pre { margin: 0; overflow-x: auto; font: 13.5px/1.45 ui-monospace, "SFMono-Regular", Menlo, monospace; }
pre.source { flex: 1; background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 6px; padding: 0.6rem 0.8rem; }
.outputs { margin: 0.4rem 0 0 3.1rem; }
.output { margin: 0.3rem 0; }
pre.output { padding: 0.2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.output.stderr { color: #8a4600; }
pre.output.error { color: #b31d28; background: #fff5f5; border-left: 3px solid #d73a49; padding: 0.5rem 0.8rem; }
.output svg { max-width: 100%; height: auto; }
figure { margin: 0.5rem 0; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 0.2rem 0.5rem; }
.katex-display { overflow-x: auto; overflow-y: hidden; }
`;

/** Options of {@linkcode renderNotebookHtml}. */
export interface HtmlOptions {
  /** Page title. Default: the first Markdown heading, else "Notebook". */
  title?: string;
}

/** Renders a notebook as a self-contained HTML page. */
export async function renderNotebookHtml(
  notebook: Notebook,
  options: HtmlOptions = {},
): Promise<string> {
  const title = options.title ?? firstHeading(notebook) ?? "Notebook";
  const body = notebook.cells.map(renderCell).join("\n");
  return page(title, body, await inlineKatexCss());
}

/** The first Markdown heading of a notebook, as plain text. */
export function firstHeading(notebook: Notebook): string | undefined {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const heading = /^#+\s+(.+)$/m.exec(sourceText(cell));
    if (heading) return heading[1].replace(/\$([^$]*)\$/g, "$1").trim();
  }
  return undefined;
}

function page(title: string, body: string, css: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
<style>${PAGE_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * Lists the network resources a page would load: `src`/`href` URLs on any element but `<a>`
 * (plain links stay links), CSS `url(...)` and `@import` with an http(s) or protocol-relative
 * address. A self-contained page has none.
 */
export function networkResources(html: string): string[] {
  const found: string[] = [];
  const attribute = /<(\w+)\b[^>]*?\s(?:src|href|xlink:href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]*/g;
  for (const m of html.matchAll(attribute)) {
    if (m[1].toLowerCase() !== "a") found.push(m[0]);
  }
  for (const m of html.matchAll(/url\(\s*["']?(?:https?:)?\/\/[^)]*\)|@import[^;]*/g)) {
    found.push(m[0]);
  }
  return found;
}

/** One line of the index page. */
export interface IndexEntry {
  /** Notebook file name without extension. */
  name: string;
  title: string;
  status: "ok" | "failed";
  seconds: number;
}

/** Renders build/index.html linking each notebook page. */
export function renderIndexHtml(entries: IndexEntry[]): string {
  const rows = entries.map((e) =>
    `<li><a href="${escapeHtml(encodeURIComponent(e.name))}.html">${escapeHtml(e.title)}</a>` +
    ` <span class="meta">${escapeHtml(e.name)} · ${e.status}</span></li>`
  ).join("\n");
  const body = `<h1>relu-lab notebooks</h1>\n<ol class="index">\n${rows}\n</ol>`;
  return page("relu-lab notebooks", body, ".meta { color: #8a8a8a; font-size: 0.85em; }");
}
