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
 */
export function highlightCode(source: string, language: string): string | undefined {
  if (hljs.getLanguage(language) === undefined) return undefined;
  return hljs.highlight(source, { language, ignoreIllegals: true }).value;
}

let themeCss: string | undefined;

/** The highlight.js GitHub theme, read once from the package in node_modules. */
export async function highlightThemeCss(): Promise<string> {
  themeCss ??= await Deno.readTextFile(
    await nodeModulesFile("highlight.js/styles/github.min.css"),
  );
  return themeCss;
}
