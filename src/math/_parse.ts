/**
 * Private: parsing with the house error message.
 *
 * @module
 */

import { type ConstantNode, type MathNode, parse } from "./_mathjs.ts";
import { formatValue } from "../core/validate.ts";

/**
 * Parses a mathjs expression and returns the parse tree, or throws with the house message: a
 * `TypeError` for a non-string, a `SyntaxError` for what mathjs cannot parse and for a blank
 * expression (mathjs parses `""`, spaces or a lone comment to an empty node).
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
  let node: MathNode;
  try {
    node = parse(expression);
  } catch (error) {
    throw new SyntaxError(
      `Cannot ${action} as expression must be a valid mathjs expression (${
        (error as Error).message
      }): expression=${formatValue(expression)}`,
    );
  }
  if (node.type === "ConstantNode" && (node as ConstantNode).value === undefined) {
    throw new SyntaxError(
      `Cannot ${action} as expression must be a nonblank mathjs expression: expression=${
        formatValue(expression)
      }`,
    );
  }
  return node;
}
