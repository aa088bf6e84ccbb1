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

/**
 * Renders Markdown with maths: `$$...$$` (display, may span lines), `\[...\]`, `$...$` and
 * `\(...\)` (inline). A `\$` stays a dollar sign; code spans and fenced code are left alone.
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
 * ```
 */
export function renderMarkdown(text: string): string {
  const maths: string[] = [];
  const keep = (html: string) => {
    maths.push(html);
    return PLACEHOLDER(maths.length - 1);
  };
  // Split out code (fenced blocks and inline spans) so dollars inside code are not maths.
  const parts = text.split(/(```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`)/g);
  const protectedText = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    return part
      .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex) => keep(renderTex(tex.trim(), true)))
      .replace(/\\\[([\s\S]+?)\\\]/g, (_, tex) => keep(renderTex(tex.trim(), true)))
      .replace(/\\\(([\s\S]+?)\\\)/g, (_, tex) => keep(renderTex(tex.trim(), false)))
      .replace(
        /(^|[^\\$])\$(?!\s)((?:\\.|[^$\\\n])+?)\$(?!\d)/g,
        (_, before, tex) => before + keep(renderTex(tex, false)),
      )
      .replace(/\\\$/g, "$");
  }).join("");
  const html = withHeadingIds(marked.parse(protectedText) as string, headingIds(parts));
  return html.replace(/KATEXPLACEHOLDER(\d+)X/g, (_, i) => maths[Number(i)]);
}

/**
 * The ids Jupyter Notebook gives the ATX headings (`# ...`) of a Markdown cell: the raw heading
 * text, maths included, with spaces replaced by `-`. `parts` alternates text and code, as split
 * in {@linkcode renderMarkdown}; headings inside code are not headings.
 *
 * @example
 * ```ts
 * import { headingIds } from "./markdown.ts";
 * import assert from "node:assert/strict";
 *
 * // Text and code alternate, as renderMarkdown splits them.
 * const parts = ["## The kink at $z = 0$\n", "`# not a heading`", "\n### Leaky ReLU ##"];
 * assert.deepEqual(headingIds(parts), ["The-kink-at-$z-=-0$", "Leaky-ReLU"]);
 * ```
 */
export function headingIds(parts: string[]): string[] {
  const ids: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) return;
    for (const line of part.split("\n")) {
      const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
      if (heading) ids.push(heading[1].replace(/ /g, "-"));
    }
  });
  return ids;
}

/** Puts `ids` on the rendered headings in order, when there is one id per heading. */
function withHeadingIds(html: string, ids: string[]): string {
  const count = html.match(/<h[1-6]>/g)?.length ?? 0;
  if (count !== ids.length) return html;
  let i = 0;
  return html.replace(/<h([1-6])>/g, (_, level) => `<h${level} id="${escapeAttribute(ids[i++])}">`);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(
    />/g,
    "&gt;",
  );
}
