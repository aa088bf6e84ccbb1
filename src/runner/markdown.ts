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
  const html = withHeadingIds(marked.parse(protectedText) as string, headingIds(parts));
  return html.replace(/KATEXPLACEHOLDER(\d+)X/g, (_, i) => maths[Number(i)]);
}

/**
 * The ids Jupyter Notebook gives the ATX headings (`# ...`) of a Markdown cell: the raw heading
 * text, maths included, with spaces replaced by `-`. `parts` alternates text and code, as split
 * in {@linkcode renderMarkdown}; headings inside code are not headings.
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
