/**
 * Formulas as LaTeX, through mathjs.
 *
 * @module
 */

import { type MathNode, parse } from "mathjs";
import { formatValue } from "../core/validate.ts";

/**
 * Parses a mathjs expression and returns the parse tree, or throws with the house message.
 *
 * @param action What was being attempted, for the error message.
 * @param expression The expression.
 * @returns The parse tree.
 */
export function parseExpression(action: string, expression: unknown): MathNode {
  if (typeof expression !== "string") {
    throw new TypeError(
      `Cannot ${action} as expression must be a string: expression=${formatValue(expression)}`,
    );
  }
  try {
    return parse(expression);
  } catch (error) {
    throw new SyntaxError(
      `Cannot ${action} as expression must be a valid mathjs expression (${
        (error as Error).message
      }): expression=${formatValue(expression)}`,
    );
  }
}

/**
 * Converts a mathjs expression (such as an activation's `expression`) to LaTeX with mathjs's
 * `toTex`. Conditionals `c ? a : b` become a `cases` environment.
 *
 * @param expression A mathjs expression, e.g. `"1 / (1 + exp(-z))"`.
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
 * ```
 */
export function formulaLatex(expression: string): string {
  return parseExpression("convert a formula to LaTeX", expression).toTex({ parenthesis: "keep" });
}
