/**
 * Formulas as LaTeX, through mathjs.
 *
 * @module
 */

import { parseExpression } from "./_parse.ts";

/**
 * Converts a mathjs expression (such as an activation's `expression`) to LaTeX with mathjs's
 * `toTex`. Conditionals `c ? a : b` become a `cases` environment.
 *
 * @param expression A mathjs expression, e.g. `"1 / (1 + exp(-z))"`. A non-string throws a
 *   `TypeError`; one mathjs cannot parse, or a blank one, a `SyntaxError`.
 * @returns The LaTeX, without surrounding `$`.
 *
 * @example
 * ```ts
 * import { formulaLatex } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formulaLatex("exp(z)"), String.raw`\exp\left( z\right)`);
 * assert.match(formulaLatex("z > 0 ? z : 0"), /cases/);
 * assert.throws(() => formulaLatex("z +"), SyntaxError);
 * assert.throws(() => formulaLatex(" "), SyntaxError);
 * ```
 */
export function formulaLatex(expression: string): string {
  return parseExpression("convert a formula to LaTeX", expression).toTex({ parenthesis: "keep" });
}
