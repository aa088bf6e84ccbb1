/**
 * Rendering LaTeX formulas to HTML that every notebook front end shows without extra CSS.
 *
 * @module
 */

import katex from "katex";

/** Options for {@linkcode latexToHtml}. */
export interface LatexToHtmlOptions {
  /** Display (block, centred) rather than inline math. Default: `true`. */
  displayMode?: boolean;
}

/**
 * Renders a LaTeX formula to MathML (with KaTeX), which browsers draw natively: no KaTeX
 * stylesheet or fonts are needed, so the HTML works in Notebook 6, JupyterLab and exported HTML.
 * The LaTeX source stays in the MathML as an annotation. Errors render in red, never throw.
 *
 * @param latex The formula, e.g. `f(z) = \max(0, z)`.
 * @param options Display or inline; see {@linkcode LatexToHtmlOptions}.
 * @returns An HTML fragment holding a `<math>` element.
 *
 * @example
 * ```ts
 * import { latexToHtml } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const html = latexToHtml("f(z) = \\max(0, z)");
 * assert.match(html, /<math[^>]*display="block"/);
 * assert.match(html, /\\max\(0, z\)/);
 * ```
 */
export function latexToHtml(latex: string, options: LatexToHtmlOptions = {}): string {
  if (typeof latex !== "string") {
    throw new TypeError(
      `Cannot render LaTeX as latex must be a string: latex=${String(latex)}`,
    );
  }
  return katex.renderToString(latex, {
    output: "mathml",
    displayMode: options.displayMode ?? true,
    throwOnError: false,
  });
}
