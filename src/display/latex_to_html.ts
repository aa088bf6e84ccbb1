/**
 * Rendering LaTeX formulas to HTML that every notebook front end shows without extra CSS.
 *
 * @module
 */

import katex from "npm:katex@0.19.1";
import { refuseTrailing, requireFlag } from "../core/_require.ts";
import { escapeHtml } from "../plot/escape_html.ts";
import { casesHtml, splitCases } from "./_cases_layout.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";

/** Options for {@linkcode latexToHtml}. */
export interface LatexToHtmlOptions {
  /** Display (block, centred) rather than inline math. Default: `true`. */
  displayMode?: boolean;
}

/**
 * Math fonts with the OpenType MATH table browsers need to stretch brackets and place scripts
 * (Windows, macOS, TeX Live, DejaVu), before the browser's own `math` default.
 */
const MATH_FONTS =
  `'STIX Two Math', 'Cambria Math', 'Latin Modern Math', 'DejaVu Math TeX Gyre', math`;

const LATEX_TO_HTML_KEYS: OptionKeys<LatexToHtmlOptions> = { displayMode: true };

/**
 * Renders a LaTeX formula to MathML (with KaTeX), which browsers draw natively: no KaTeX
 * stylesheet or fonts are needed, so the HTML works in Notebook 6, JupyterLab and exported HTML,
 * and looks the same with or without KaTeX's CSS on the page. The LaTeX source stays in the
 * MathML as an annotation. Errors render in red, never throw.
 *
 * Two things Chromium gets wrong in KaTeX's MathML are drawn differently: a `cases` environment
 * is laid out in HTML (a brace as inline SVG that stretches to its rows, left-aligned columns,
 * each cell MathML), since Chromium stretches MathML brackets only with a math font and ignores
 * column alignment; and a prime (`f'`, `f''`) follows its letter instead of being set as a
 * superscript, the letter and its primes kept one group (one argument of `\frac` or `_`).
 * The math around the cases is in display style when the formula is displayed, in text style
 * inline; a row spacing (`\\[2pt]`) is not drawn. When the LaTeX before the cases holds a
 * command that would restyle them too (`\color`, a size such as `\large`, a font such as
 * `\bf`), the formula is left to KaTeX's MathML as a whole.
 *
 * @param latex The formula, e.g. `f(z) = \max(0, z)`.
 * @param options Display or inline; see {@linkcode LatexToHtmlOptions}.
 * @returns An HTML fragment holding `<math>` elements.
 *
 * @example
 * ```ts
 * import { latexToHtml } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const html = latexToHtml("f(z) = \\max(0, z)");
 * assert.match(html, /<math[^>]*display="block"/);
 * assert.match(html, /\\max\(0, z\)/);
 *
 * // A piecewise formula: its rows in a grid beside a stretching brace.
 * const piecewise = latexToHtml("f(z) = \\begin{cases} z & z > 0 \\\\ 0 & z \\le 0 \\end{cases}");
 * assert.match(piecewise, /display: inline-grid/);
 * assert.equal(piecewise.match(/<math/g)?.length, 5);
 *
 * // A prime beside its letter, the two one numerator.
 * assert.match(latexToHtml("\\frac{f'}{2}"), /<mfrac><mrow><mi>f<\/mi><mo[^>]*>′<\/mo><\/mrow><mn>2/);
 * ```
 */
export function latexToHtml(latex: string, options?: LatexToHtmlOptions): string;
export function latexToHtml(
  latex: string,
  options: LatexToHtmlOptions = {},
  extra?: unknown,
): string {
  refuseTrailing("render LaTeX", "latexToHtml", "latex and options", "third", extra);
  requireOptions("render LaTeX", options, LATEX_TO_HTML_KEYS);
  if (typeof latex !== "string") {
    throw new TypeError(
      `Cannot render LaTeX as latex must be a string: latex=${formatValue(latex)}`,
    );
  }
  const displayMode = requireFlag("render LaTeX", "displayMode", options.displayMode, true);
  const parts = splitCases(latex);
  if (parts === undefined) return mathml(latex, displayMode);
  const pieces = casesPieces(latex, displayMode);
  const layout = `<span style="display: inline-flex; align-items: center; text-align: left; ` +
    `vertical-align: middle;">${pieces}</span>`;
  const source = ` data-latex="${escapeHtml(latex)}"`;
  return displayMode
    ? `<div${source} style="margin: 0.5em 0; text-align: center;">${layout}</div>`
    : `<span${source}>${layout}</span>`;
}

/**
 * The pieces of a formula with `cases`: the math before, the brace and rows, the rest. Each piece
 * is inline MathML (a block would break the line at the brace); the math around the cases is in
 * display style when the formula is displayed, the cells in text style as LaTeX sets them.
 */
function casesPieces(latex: string, displayMode: boolean): string {
  const around = (math: string) =>
    math.trim() === "" ? "" : mathml(displayMode ? `\\displaystyle ${math}` : math, false);
  const parts = splitCases(latex);
  if (parts === undefined) return around(latex);
  const rows = parts.rows.map((cells) =>
    cells.map((cell) => cell === "" ? "" : mathml(cell, false))
  );
  return around(parts.before) + casesHtml(rows) + casesPieces(parts.after, displayMode);
}

/** KaTeX's MathML for a formula, without KaTeX's wrapper class, in a math font. */
function mathml(latex: string, displayMode: boolean): string {
  const html = katex.renderToString(latex, { output: "mathml", displayMode, throwOnError: false });
  return html
    // Unwrapped, the runner's KaTeX stylesheet leaves the MathML alone (same look everywhere).
    .replace(/^<span class="katex">(<math[\s\S]*<\/math>)<\/span>$/, "$1")
    .replace(
      /<math /g,
      `<math style="font-family: ${MATH_FONTS};${displayMode ? " margin: 0.5em 0;" : ""}" `,
    )
    // f' is <msup><mi>f</mi><mo>′</mo></msup>, f'' has an <mrow> of primes: the prime glyph is
    // already raised, so as a superscript it floats apart from the f; set it beside the letter
    // instead, the two in one <mrow> so that they stay one argument of a fraction or script.
    .replace(
      PRIMED_LETTER,
      (_, letter: string, superscript: string) =>
        `<mrow>${letter}${superscript.match(/[′″‴]/g)!.map(beside).join("")}</mrow>`,
    );
}

/** A prime as KaTeX writes it. */
const PRIME = "<mo[^>]*>[′″‴]</mo>";
/** A letter with one prime, or an `<mrow>` of primes, as its superscript. */
const PRIMED_LETTER = new RegExp(
  `<msup>(<mi>[^<]*</mi>)(<mrow>(?:${PRIME})+</mrow>|${PRIME})</msup>`,
  "g",
);

/** A prime glyph set beside its letter, with no space on either side. */
function beside(prime: string): string {
  return `<mo mathvariant="normal" lspace="0em" rspace="0em">${prime}</mo>`;
}
