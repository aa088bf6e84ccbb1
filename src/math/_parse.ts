/**
 * Private: parsing with the house error message.
 *
 * @module
 */

import { type MathNode, parse } from "./_mathjs.ts";
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
