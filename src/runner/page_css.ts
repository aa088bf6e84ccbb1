/**
 * The stylesheet of the rendered pages (after KaTeX's and the highlight.js theme): a reading column
 * with a contents sidebar on wide screens, a collapsed contents list on narrow ones, the pager,
 * code and outputs, and tables. In both layouts a code box shows a line of 100 characters (the
 * notebooks' `deno fmt` line width) without scrolling, in 13px monospace
 * (`tests/browser/pages_layout_test.ts`).
 *
 * @module
 */

/** Width at which the contents move from a collapsed list at the top to a sidebar. */
const WIDE = "75rem";
/** Width below which code prompts are hidden and outputs lose their indent. */
const NARROW = "40rem";

/**
 * The page stylesheet.
 *
 * @example
 * ```ts
 * import { PAGE_CSS } from "./page_css.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(PAGE_CSS, /\.table-scroll \{[^}]*overflow-x: auto/);
 * assert.match(PAGE_CSS, /@media \(min-width: 75rem\)/);
 * assert.doesNotMatch(PAGE_CSS, /url\(/);
 * ```
 */
export const PAGE_CSS = `
:root { --text: #1d1d1f; --muted: #6a737d; --line: #d0d7de; --soft: #f6f8fa; --link: #0b57d0; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--text);
  margin: 0; overflow-wrap: break-word; }
a { color: var(--link); }
.layout, .pager { max-width: 54rem; margin: 0 auto; padding: 0 1rem; }
main { min-width: 0; padding-bottom: 1rem; }

/* Pager: index, previous and next notebook, at the top and the bottom. */
.pager { display: grid; grid-template-columns: 1fr auto 1fr; grid-template-areas: "prev home next";
  gap: 0.5rem 1rem; align-items: center; padding-top: 0.7rem; padding-bottom: 0.7rem; }
.pager.top { border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
.pager.bottom { border-top: 1px solid var(--line); margin-top: 2rem; margin-bottom: 2rem; }
.pager .prev { grid-area: prev; } .pager .home { grid-area: home; text-align: center; }
.pager .next { grid-area: next; text-align: right; }
.pager a { text-decoration: none; }
.pager a:hover .title, .pager a.home:hover { text-decoration: underline; }
.pager .label { display: block; font-size: 0.8rem; color: var(--muted); }
.pager .title { display: block; line-height: 1.3; }
.pager.top .title { font-size: 0.9rem; }
.pager.bottom a.prev, .pager.bottom a.next { border: 1px solid var(--line); border-radius: 6px;
  padding: 0.5rem 0.8rem; }

/* Contents: a collapsed list at the top, or a sticky sidebar on wide screens. */
.toc ol { list-style: none; margin: 0.3rem 0 0; padding: 0; }
.toc li { margin: 0.15rem 0; line-height: 1.3; }
.toc li.toc-h3 { padding-left: 1rem; font-size: 0.92em; }
.toc a { text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.toc .toc-title { margin: 0; font-weight: 600; }
.toc .toc-title a { color: var(--text); }
details.toc { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.8rem;
  margin: 0 0 1rem; background: var(--soft); }
details.toc summary { cursor: pointer; font-weight: 600; }
details.toc .toc-title { display: none; }
nav.toc.sidebar { display: none; }
@media (min-width: ${WIDE}) {
  .layout, .pager { max-width: 72rem; }
  .layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2.5rem; }
  /* The pager's first column starts where the text does, its box as wide as the layout's. */
  .pager { max-width: calc(72rem - 17.5rem); padding-left: calc(1rem + 17.5rem); }
  nav.toc.sidebar { display: block; position: sticky; top: 0; align-self: start;
    max-height: 100vh; overflow-y: auto; padding: 0.5rem 0; font-size: 0.9rem; }
  details.toc { display: none; }
}

/* Cells. */
h1 { line-height: 1.2; margin: 0.5rem 0 1rem; }
h2, h3 { line-height: 1.25; margin: 1.8rem 0 0.6rem; scroll-margin-top: 0.5rem; }
.cell { margin: 0.9rem 0; }
.input { display: flex; gap: 0.5rem; align-items: flex-start; }
.prompt { color: #8a8a8a; font: 12px/2 ui-monospace, monospace; min-width: 2.6rem; text-align: right; }
pre { margin: 0; overflow-x: auto; font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, monospace; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 0.9em; }
pre code { font-size: inherit; }
pre.source { flex: 1; min-width: 0; background: var(--soft); border: 1px solid #e1e4e8;
  border-radius: 6px; padding: 0.6rem 0.8rem; }
pre.source code.hljs { background: none; padding: 0; overflow-x: visible; }
.outputs { margin: 0.4rem 0 0 3.1rem; }
.output { margin: 0.3rem 0; }
/* An output's children keep their outer margins inside it: it stays nearer its own code. */
.output > :first-child { margin-top: 0; }
.output > :last-child { margin-bottom: 0; }
pre.output { padding: 0.2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.output.aligned { white-space: pre; overflow-wrap: normal; }
pre.output.stderr { color: #8a4600; }
pre.output.error { color: #b31d28; background: #fff5f5; border-left: 3px solid #d73a49; padding: 0.5rem 0.8rem; }
.output.svg { overflow-x: auto; }
.output svg, .output img { max-width: 100%; height: auto; }
figure { margin: 0.5rem 0; }
.katex-display { overflow-x: auto; overflow-y: hidden; }
.katex, .nowrap { white-space: nowrap; }
@media (max-width: ${NARROW}) {
  .prompt { display: none; }
  .outputs { margin-left: 0; }
  .pager { grid-template-columns: 1fr 1fr; grid-template-areas: "home home" "prev next"; }
  .pager .home { text-align: left; }
  main th:not(.num), main td:not(.num) { min-width: 8rem; }
}

/* Tables: borders, zebra rows, numbers right-aligned, scrolling when too wide. */
.table-scroll { overflow-x: auto; margin: 0.8rem 0; }
main table { border-collapse: collapse; font-size: 0.92em; font-variant-numeric: tabular-nums; }
main th, main td { border: 1px solid var(--line); padding: 0.3rem 0.6rem; vertical-align: top; }
main th { background: #eef1f4; font-weight: 600; text-align: left; }
main tbody tr:nth-child(even) { background: var(--soft); }
main th.num, main td.num { text-align: right; white-space: nowrap; }

/* Index page. */
main.index { max-width: 54rem; margin: 2rem auto; padding: 0 1rem; }
ol.index { list-style: none; padding: 0; }
ol.index li { margin: 0 0 1.6rem; }
ol.index h2 { margin: 0 0 0.3rem; font-size: 1.25rem; }
ol.index p { margin: 0.3rem 0; }
.meta { color: var(--muted); font-size: 0.85em; }
.meta.failed { color: #b31d28; }
`;
