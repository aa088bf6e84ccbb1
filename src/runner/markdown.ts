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

/** Renders TeX to HTML (MathML + HTML output); errors show as red source, never throw. */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: "htmlAndMathml" });
}

const PLACEHOLDER = (i: number) => `KATEXPLACEHOLDER${i}X`;

/**
 * Renders Markdown with maths: `$$...$$` (display, may span lines), `\[...\]`, `$...$` and
 * `\(...\)` (inline). A `\$` stays a dollar sign; code spans and fenced code are left alone.
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
  const html = marked.parse(protectedText) as string;
  return html.replace(/KATEXPLACEHOLDER(\d+)X/g, (_, i) => maths[Number(i)]);
}
