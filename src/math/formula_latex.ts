/**
 * Formulas as LaTeX, through mathjs.
 *
 * @module
 */

import { parseExpression } from "./_parse.ts";
import { refuseTrailing } from "../core/_require.ts";

/**
 * Converts a mathjs expression (such as an activation's `expression`) to LaTeX with mathjs's
 * `toTex`. Conditionals `c ? a : b` become a `cases` environment.
 *
 * @param expression A mathjs expression, e.g. `"1 / (1 + exp(-z))"`. A non-string throws a
 *   `TypeError`; one mathjs cannot parse, or a blank one, a `SyntaxError`. It takes no options:
 *   a second argument throws a `TypeError` (but the index and array `map` passes a callback).
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
 * // @ts-expect-error: formulaLatex takes no options
 * assert.throws(() => formulaLatex("z", { parenthesis: "all" }), TypeError);
 * assert.deepEqual(["z", "2"].map(formulaLatex), [" z", "2"]);
 * ```
 */
export function formulaLatex(expression: string): string;
export function formulaLatex(expression: string, extra?: unknown, array?: unknown): string {
  const action = "convert a formula to LaTeX";
  refuseTrailing(action, "formulaLatex", "expression alone", "second", extra, expression, array);
  return parseExpression(action, expression).toTex({ parenthesis: "keep" });
}
