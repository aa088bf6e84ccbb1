/**
 * Syntax highlighting of code cells at render time, with highlight.js: the page gets spans with
 * `hljs-*` classes and the highlight.js GitHub theme as a stylesheet, so it needs no script.
 *
 * @module
 */

import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import javascript from "highlight.js/lib/languages/javascript";
import { nodeModulesFile } from "./node_modules.ts";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("javascript", javascript);

/**
 * Highlights source code as HTML: the text escaped, tokens wrapped in `<span class="hljs-...">`.
 * Returns undefined when `language` is not one highlight.js was given here (TypeScript and
 * JavaScript, the languages of the Deno kernel).
 *
 * @example
 * ```ts
 * import { highlightCode } from "./highlight.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   highlightCode("const a = 1 < 2;", "typescript"),
 *   '<span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span> &lt; ' +
 *     '<span class="hljs-number">2</span>;',
 * );
 * assert.equal(highlightCode("print(1)", "python"), undefined);
 * ```
 */
export function highlightCode(source: string, language: string): string | undefined {
  if (hljs.getLanguage(language) === undefined) return undefined;
  return hljs.highlight(source, { language, ignoreIllegals: true }).value;
}

let themeCss: string | undefined;

/**
 * The highlight.js GitHub theme, read once from the package in node_modules.
 *
 * @example
 * ```ts
 * import { highlightThemeCss } from "./highlight.ts";
 * import assert from "node:assert/strict";
 *
 * const css = await highlightThemeCss();
 * assert.match(css, /\.hljs-keyword[^{]*\{color:#d73a49\}/);
 * assert.equal(await highlightThemeCss(), css);
 * ```
 */
export async function highlightThemeCss(): Promise<string> {
  themeCss ??= await Deno.readTextFile(
    await nodeModulesFile("highlight.js/styles/github.min.css"),
  );
  return themeCss;
}
