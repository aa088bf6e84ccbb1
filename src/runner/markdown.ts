/**
 * Markdown to HTML with `$...$` and `$$...$$` maths rendered ahead of time by KaTeX.
 *
 * Maths is cut out before the Markdown parser sees it (so `_` and `*` inside formulas stay
 * maths), replaced by placeholders, and the KaTeX HTML is put back afterwards.
 *
 * @module
 */

import katex from "katex";
import { Marked } from "marked";
import { escapeHtml } from "../plot/escape_html.ts";

const marked = new Marked({ gfm: true, async: false });

/**
 * Renders TeX to HTML (MathML + HTML output); errors show as red source, never throw.
 *
 * @example
 * ```ts
 * import { renderTex } from "./markdown.ts";
 * import assert from "node:assert/strict";
 *
 * // Both outputs: MathML for screen readers, HTML for the eye.
 * const html = renderTex("\\max(0, z)", false);
 * assert.match(html, /<span class="katex-mathml"><math xmlns="[^"]*MathML">/);
 * assert.match(html, /<span class="mop">max<\/span>/);
 * assert.match(renderTex("x^2", true), /class="katex-display"/);
 * assert.match(renderTex("\\frac{1}{", false), /katex-error/);
 * ```
 */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: "htmlAndMathml" });
}

const PLACEHOLDER = (i: number) => `KATEXPLACEHOLDER${i}X`;
const PLACEHOLDERS = /KATEXPLACEHOLDER(\d+)X/g;

/**
 * Renders Markdown with maths: `$$...$$` (display, may span lines), `\[...\]`, `$...$` and
 * `\(...\)` (inline). A `\$` stays a dollar sign; code spans and fenced code are left alone.
 * Every heading gets the id Jupyter Notebook gives it, so a link to a heading (`#Dying-ReLU`)
 * finds it in the page as in Jupyter: its text as shown, maths as written, spaces replaced by
 * `-`; ATX (`## `) and setext (underlined) headings alike, and HTML ones without attributes.
 *
 * @example
 * ```ts
 * import { renderMarkdown } from "./markdown.ts";
 * import assert from "node:assert/strict";
 *
 * const html = renderMarkdown("## Slope $\\alpha$\n\nKeep `$x$` and \\$5; $a_1 * b_2$ is maths.");
 * assert.match(html, /^<h2 id="Slope-\$\\alpha\$">Slope <span class="katex">/);
 * assert.match(html, /<code>\$x\$<\/code>/);
 * assert.match(html, / and \$5; <span class="katex">/);
 * assert.doesNotMatch(html, /<em>/);
 * // Inline maths and the punctuation after it stay on one line; display maths is left alone.
 * assert.match(renderMarkdown("Its norm $|x|$."), /<span class="nowrap"><span class="katex">.*\.<\/span><\/p>/s);
 * assert.doesNotMatch(renderMarkdown("$$x$$."), /nowrap/);
 * // A heading's id is its text as shown: no backticks, no stars; an underlined one gets one too.
 * assert.match(renderMarkdown("## The `relu` *kink*"), /^<h2 id="The-relu-kink">/);
 * assert.match(renderMarkdown("Dying ReLU\n---"), /^<h2 id="Dying-ReLU">/);
 * ```
 */
export function renderMarkdown(text: string): string {
  const maths: KeptMaths[] = [];
  const keep = (source: string, html: string) => PLACEHOLDER(maths.push({ source, html }) - 1);
  // Split out code (fenced blocks and inline spans) so dollars inside code are not maths.
  const parts = text.split(/(```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`)/g);
  const protectedText = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    return part
      .replace(/\$\$([\s\S]+?)\$\$/g, (all, tex) => keep(all, renderTex(tex.trim(), true)))
      .replace(/\\\[([\s\S]+?)\\\]/g, (all, tex) => keep(all, renderTex(tex.trim(), true)))
      .replace(/\\\(([\s\S]+?)\\\)/g, (all, tex) => keep(all, renderTex(tex.trim(), false)))
      .replace(
        /(^|[^\\$])\$(?!\s)((?:\\.|[^$\\\n])+?)\$(?!\d)/g,
        (_, before, tex) => before + keep(`$${tex}$`, renderTex(tex, false)),
      )
      .replace(/\\\$/g, "$");
  }).join("");
  const html = withHeadingIds(marked.parse(protectedText) as string, maths);
  // Inline maths keeps the punctuation right after it on its line ("|x|." never leaves the "."
  // to start the next line); the page's style keeps each formula on one line too.
  return html.replace(TRAILED_PLACEHOLDERS, (_, i, after: string) => {
    const { html } = maths[Number(i)];
    return after === "" || html.includes('class="katex-display"')
      ? html + after
      : `<span class="nowrap">${html}${after}</span>`;
  });
}

/** A placeholder and the punctuation that follows it, if any. */
const TRAILED_PLACEHOLDERS = /KATEXPLACEHOLDER(\d+)X([.,;:!?)\]]*)/g;

/** A formula cut out of the Markdown: as written (delimiters included) and rendered. */
interface KeptMaths {
  source: string;
  html: string;
}

/**
 * The text a browser shows for a piece of HTML (its `textContent`): tags dropped, character
 * references decoded. Jupyter Notebook makes a heading's id from this text.
 *
 * @example
 * ```ts
 * import { textContent } from "./markdown.ts";
 * import assert from "node:assert/strict";
 *
 * const html = "The <code>relu</code> &amp; <em>Leaky</em>&#160;ReLU";
 * assert.equal(textContent(html), "The relu & Leaky\u00a0ReLU");
 * assert.equal(textContent("&lt;b&gt; &quot;c&quot; &#39;d&#x27; &no;"), "<b> \"c\" 'd' &no;");
 * ```
 */
export function textContent(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(
    /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi,
    (reference, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith("#x")) return codePoint(parseInt(lower.slice(2), 16), reference);
      if (lower.startsWith("#")) return codePoint(parseInt(lower.slice(1), 10), reference);
      return NAMED_REFERENCES[lower] ?? reference;
    },
  );
}

const NAMED_REFERENCES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function codePoint(code: number, reference: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
}

/**
 * Puts Jupyter Notebook's id on each heading without attributes: its text as shown, the maths
 * (still placeholders here) as written, spaces replaced by `-`.
 */
function withHeadingIds(html: string, maths: KeptMaths[]): string {
  return html.replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_, level, inner: string) => {
    const text = textContent(inner).replace(PLACEHOLDERS, (_, i) => maths[Number(i)].source);
    return `<h${level} id="${escapeHtml(text.replace(/ /g, "-"))}">${inner}</h${level}>`;
  });
}
