// The piecewise (`cases`) layout of latexToHtml: the brace as an inline SVG that stretches to the
// rows, the rows as a CSS grid of MathML cells. Chromium draws MathML's stretchy brace only with
// an OpenType MATH font and ignores `columnalign`, so KaTeX's MathML for `cases` shows a small
// brace and centred, misaligned rows on many systems; this layout needs neither.

const BEGIN = "\\begin{cases}";
const END = "\\end{cases}";

/** A LaTeX formula split around its first `cases` environment. */
export interface CasesParts {
  /** The LaTeX before `\begin{cases}`. */
  before: string;
  /** The rows, each a list of cells (LaTeX). */
  rows: string[][];
  /** The LaTeX after `\end{cases}` (it may hold further `cases`). */
  after: string;
}

/**
 * A command that restyles everything after it in its group (colour, size, font): before the
 * cases, it would style them too, which drawing the pieces apart would lose.
 */
const STYLE_SWITCH =
  /\\(?:color|tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge|rm|sf|tt|bf|it|cal|scriptstyle|scriptscriptstyle)(?![a-zA-Z])/;

/** The spacing argument a row break may carry (`\\[2pt]`), left at the start of the next row. */
const ROW_SPACING = /^\s*\[[^\]]*\]/;

/**
 * Splits a formula around its first `cases` environment, or returns `undefined` when it has none,
 * when the split would cut a group in two, or when the LaTeX before it holds a command that
 * would restyle the cases (then KaTeX's MathML is drawn as it is).
 */
export function splitCases(latex: string): CasesParts | undefined {
  const begin = latex.indexOf(BEGIN);
  if (begin < 0) return undefined;
  const end = latex.indexOf(END, begin);
  if (end < 0) return undefined;
  const before = latex.slice(0, begin);
  const body = latex.slice(begin + BEGIN.length, end);
  const after = latex.slice(end + END.length);
  if (
    body.includes("\\begin{") || !balanced(before) || !balanced(body) || STYLE_SWITCH.test(before)
  ) {
    return undefined;
  }
  const rows = splitTopLevel(body, "\\\\")
    .map((row, r) => r === 0 ? row : row.replace(ROW_SPACING, ""))
    .map((row) => splitTopLevel(row, "&").map((cell) => cell.trim()))
    .filter((cells) => cells.some((cell) => cell !== ""));
  if (rows.length === 0) return undefined;
  return { before: before.trim(), rows, after: after.trim() };
}

/** Whether every `{` has its `}` (escaped braces aside) and every `\left` its `\right`. */
function balanced(latex: string): boolean {
  const lefts = latex.match(/\\left(?![a-zA-Z])/g)?.length ?? 0;
  const rights = latex.match(/\\right(?![a-zA-Z])/g)?.length ?? 0;
  if (lefts !== rights) return false;
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    if (latex[i] === "\\") i++;
    else if (latex[i] === "{") depth++;
    else if (latex[i] === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Splits at `separator` (`&` or `\\`) outside braces. */
function splitTopLevel(latex: string, separator: "&" | "\\\\"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < latex.length; i++) {
    const ch = latex[i];
    if (depth === 0 && latex.startsWith(separator, i)) {
      parts.push(latex.slice(start, i));
      i += separator.length - 1;
      start = i + 1;
    } else if (ch === "\\") i++;
    else if (ch === "{") depth++;
    else if (ch === "}") depth--;
  }
  parts.push(latex.slice(start));
  return parts;
}

// A left brace in a 10 x 100 box, stretched to the rows' height; the stroke keeps its width.
const BRACE_PATH = "M9 1C5.5 1 5 3 5 9V41C5 47 4 50 1 50C4 50 5 53 5 59V91C5 97 5.5 99 9 99";

/**
 * Lays out the rows of a `cases` environment as an HTML fragment: a brace that stretches to the
 * rows, then the rows in a grid whose columns are left-aligned.
 *
 * @param rows The rendered cells (HTML), row by row.
 */
export function casesHtml(rows: readonly (readonly string[])[]): string {
  const columns = rows.reduce((most, cells) => Math.max(most, cells.length), 0);
  const cells = rows.flatMap((row) =>
    Array.from(
      { length: columns },
      (_, c) => `<span style="white-space: nowrap;">${row[c] ?? ""}</span>`,
    )
  ).join("");
  const brace = `<span aria-hidden="true" style="position: relative; flex: none; width: 0.55em;">` +
    `<svg viewBox="0 0 10 100" preserveAspectRatio="none" style="position: absolute; left: 0; ` +
    `top: 0; width: 100%; height: 100%; overflow: visible;"><path d="${BRACE_PATH}" fill="none" ` +
    `stroke="currentColor" stroke-width="1.2" stroke-linecap="round" ` +
    `vector-effect="non-scaling-stroke"/></svg></span>`;
  const grid =
    `<span style="display: inline-grid; grid-template-columns: repeat(${columns}, auto); ` +
    `column-gap: 1.2em; row-gap: 0.2em; align-items: baseline; justify-items: start; ` +
    `padding: 0.2em 0 0.2em 0.4em;">${cells}</span>`;
  return `<span style="display: inline-flex; align-items: stretch; margin: 0 0.15em 0 0.3em;">` +
    brace + grid + `</span>`;
}
