/**
 * Symbolic derivatives through mathjs, extended to the two things activation formulas need
 * and mathjs's `derivative` lacks: piecewise definitions (`c ? a : b`) and `erf` (for GELU).
 *
 * @module
 */

import {
  ConditionalNode,
  ConstantNode,
  derivative,
  FunctionNode,
  type MathNode,
  OperatorNode,
  type ParenthesisNode,
  simplify,
  SymbolNode,
} from "./_mathjs.ts";
import { formatValue, requireNumberType } from "../core/validate.ts";
import { parseExpression } from "./_parse.ts";
import { refuseTrailing } from "../core/_require.ts";
import { explainNaN } from "./_nan_origin.ts";

/** A derivative found by {@linkcode symbolicDerivative}. */
export interface SymbolicDerivative {
  /** The derivative as a mathjs expression. */
  readonly expression: string;
  /** The derivative in LaTeX (mathjs `toTex`). */
  readonly latex: string;
  /**
   * Evaluates the derivative at a number (compiled once), in float64 as written. Piecewise
   * parts take the branch their condition picks, so at a kink this is the side the formula
   * assigns the point to. NaN gives NaN (a condition would otherwise pick a branch for it).
   *
   * Any other number gives a number, but where the derivative has no real value (mathjs gives
   * a complex number, as for `sqrt(z)`'s at z = -1): NaN, as `Math.sqrt(-1)`. Where float64
   * arithmetic turns the formula into NaN, it throws a `RangeError` naming the part that
   * became ±Infinity and the operation that made NaN: an overflow (sigmoid's derivative
   * `exp(-z) / (exp(-z) + 1) ^ 2` at z = -800 is `Infinity / Infinity`, though the derivative
   * is 0), or a `0 / 0`. The formula gives no value there, and a NaN would pass for one. An
   * overflow that leaves a number is returned as float64 gives it: Infinity for `exp(z)`'s
   * derivative at 800 (as `Math.exp(800)`), and Infinity too where only a part overflowed:
   * `exp(2 * z) / exp(z)` (its own derivative) at 400, though e^400 is about 5e173.
   *
   * A value that is not a number, or a second argument (but the index and array `map` passes
   * a callback), throws a `TypeError`; a derivative with a symbol other than the variable and
   * mathjs's constants (`alpha` in `"z > 0 ? 1 : alpha"`) throws a `RangeError`, as it has no
   * value.
   */
  evaluate(value: number): number;
}

/**
 * Differentiates a mathjs expression with respect to one variable. Smooth parts go through
 * mathjs's `derivative`; this adds rules for conditionals (`d(c ? a : b) = c ? a' : b'`, valid
 * away from the points where c changes) and for `erf` (`d erf(u) = 2/√π e^{-u²} u'`).
 *
 * Other symbols than the variable are constants: `"z > 0 ? z : alpha * z"` gives
 * `"(z > 0) ? 1 : alpha"` (its expression and LaTeX; `evaluate` needs every symbol to be
 * mathjs's, such as `pi` or `e`).
 *
 * mathjs's simplification folds constant subexpressions into float64 numbers, rounding and all:
 * GELU's `erf(z / sqrt(2))` differentiates to a term in `0.49999999999999994 z²` (the float64
 * value of `(1 / sqrt(2))²`, not 1/2) and shows `sqrt(2)` as a decimal. The derivative is right
 * to float64 precision, but such a formula reads best with the numbers rounded by hand.
 *
 * @param expression A mathjs expression, e.g. an activation's `expression`. A non-string
 *   throws a `TypeError`; one mathjs cannot parse, or a blank one, a `SyntaxError`; an
 *   assignment, array or other non-formula, or a function or operator mathjs cannot
 *   differentiate (`max`, `mod`, an unknown function), a `RangeError`.
 * @param variable The variable to differentiate by. Default: `"z"`.
 * @returns The derivative as an expression string, its LaTeX and a compiled evaluator.
 *
 * @example
 * ```ts
 * import { symbolicDerivative } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const d = symbolicDerivative("z ^ 3");
 * assert.equal(d.expression, "3 * z ^ 2");
 * assert.equal(d.evaluate(2), 12);
 * const leaky = symbolicDerivative("z > 0 ? z : 0.1 * z");
 * assert.equal(leaky.evaluate(-1), 0.1);
 * assert.equal(leaky.evaluate(1), 1);
 * assert.throws(() => symbolicDerivative("max(z, 0)"), RangeError);
 * assert.equal(symbolicDerivative("z > 0 ? z : alpha * z").expression, "(z > 0) ? 1 : alpha");
 *
 * // Where float64 overflows into NaN, evaluate() refuses rather than return it:
 * const sigmoid = symbolicDerivative("1 / (1 + exp(-z))");
 * assert.equal(sigmoid.expression, "exp(-z) / (exp(-z) + 1) ^ 2");
 * assert.equal(sigmoid.evaluate(-40), 4.248354255291589e-18);
 * assert.throws(() => sigmoid.evaluate(-800), {
 *   name: "RangeError",
 *   message: "Cannot evaluate a derivative as its expression must not overflow at z " +
 *     "(exp(-z) overflows to Infinity, so exp(-z) / (exp(-z) + 1) ^ 2 = Infinity / Infinity " +
 *     '= NaN): z=-800, expression="exp(-z) / (exp(-z) + 1) ^ 2"',
 * });
 * assert.ok(Number.isNaN(symbolicDerivative("sqrt(z)").evaluate(-1)), "no real value");
 * ```
 */
export function symbolicDerivative(expression: string, variable?: string): SymbolicDerivative;
export function symbolicDerivative(
  expression: string,
  variable = "z",
  extra?: unknown,
): SymbolicDerivative {
  const action = "differentiate an expression";
  refuseTrailing(action, "symbolicDerivative", "expression and variable", "third", extra);
  if (typeof variable !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
    throw new TypeError(
      `Cannot ${action} as variable must be a name such as "z": variable=${formatValue(variable)}`,
    );
  }
  const node = parseExpression(action, expression);
  requireFormula(action, node, expression);
  let result: MathNode;
  try {
    result = tidy(differentiate(node, variable, action));
  } catch (error) {
    if (error instanceof RangeError && error.message.startsWith(`Cannot ${action} `)) throw error;
    throw new RangeError(
      `Cannot ${action} as expression must use only functions and operators mathjs can differentiate (${
        (error as Error).message
      }): expression=${formatValue(expression)}`,
    );
  }
  const compiled = result.compile();
  const text = result.toString();
  const unbound = unboundSymbols(result, variable);
  const takes = `${variable} alone`;
  return {
    expression: text,
    latex: result.toTex({ parenthesis: "keep" }),
    evaluate(value: number, extra?: unknown, array?: unknown): number {
      const evaluateAction = "evaluate a derivative";
      requireNumberType(evaluateAction, variable, value);
      refuseTrailing(evaluateAction, "evaluate", takes, "second", extra, value, array);
      if (unbound.length > 0) {
        throw new RangeError(
          `Cannot ${evaluateAction} as its expression must have no symbol but ${variable} and mathjs's constants such as pi (found ${
            unbound.map(formatValue).join(", ")
          }): expression=${formatValue(text)}`,
        );
      }
      if (value !== value) return NaN;
      const y = compiled.evaluate({ [variable]: value });
      if (typeof y !== "number") return NaN; // a complex number, for one: no real value
      if (y !== y) throw explainNaN(evaluateAction, result, text, variable, value);
      return y;
    },
  };
}

/** What the node types that are no formula are, for messages. */
const NOT_FORMULAS: Readonly<Record<string, string>> = {
  AccessorNode: "an index or property access",
  ArrayNode: "an array",
  AssignmentNode: "an assignment",
  BlockNode: "several statements",
  FunctionAssignmentNode: "a function definition",
  IndexNode: "an index",
  ObjectNode: "an object",
  RangeNode: "a range",
};

/** Throws a RangeError naming the first part of `node` that is no formula (an assignment...). */
function requireFormula(action: string, node: MathNode, expression: string): void {
  const [first] = node.filter((n) => Object.hasOwn(NOT_FORMULAS, n.type));
  if (first === undefined) return;
  throw new RangeError(
    `Cannot ${action} as expression must be a formula, not ${
      NOT_FORMULAS[first.type]
    }: expression=${formatValue(expression)}`,
  );
}

/** The names in `node` other than `variable` that mathjs cannot evaluate (`alpha`, `foo`). */
function unboundSymbols(node: MathNode, variable: string): string[] {
  const names = new Set<string>();
  node.traverse((n) => {
    if (n.type === "SymbolNode") names.add((n as SymbolNode).name);
  });
  names.delete(variable);
  return [...names].filter((name) => {
    try {
      new SymbolNode(name).compile().evaluate({});
      return false;
    } catch {
      return true;
    }
  });
}

function needsOwnRule(node: MathNode): boolean {
  return node.filter((n) =>
    n.type === "ConditionalNode" || (n.type === "FunctionNode" && functionName(n) === "erf")
  ).length > 0;
}

function dependsOn(node: MathNode, variable: string): boolean {
  return node.filter((n) => n.type === "SymbolNode" && (n as SymbolNode).name === variable)
    .length > 0;
}

function functionName(node: MathNode): string {
  return ((node as FunctionNode).fn as SymbolNode).name;
}

function differentiate(node: MathNode, variable: string, action: string): MathNode {
  if (!needsOwnRule(node)) return derivative(node, variable);
  const d = (n: MathNode) => differentiate(n, variable, action);
  switch (node.type) {
    case "ParenthesisNode":
      return d((node as ParenthesisNode).content);
    case "ConditionalNode": {
      const c = node as ConditionalNode;
      return new ConditionalNode(c.condition, tidy(d(c.trueExpr)), tidy(d(c.falseExpr)));
    }
    case "FunctionNode": {
      const args = (node as FunctionNode).args;
      if (functionName(node) === "erf" && args.length === 1) {
        const u = args[0];
        // d erf(u) = 2 / sqrt(pi) * exp(-(u ^ 2)) * u'
        const outer = new OperatorNode("*", "multiply", [
          new OperatorNode("/", "divide", [
            new ConstantNode(2),
            new FunctionNode("sqrt", [new SymbolNode("pi")]),
          ]),
          new FunctionNode("exp", [
            new OperatorNode("-", "unaryMinus", [
              new OperatorNode("^", "pow", [u, new ConstantNode(2)]),
            ]),
          ]),
        ]);
        return product(outer, d(u));
      }
      break;
    }
    case "OperatorNode": {
      const op = node as OperatorNode;
      const [a, b] = op.args;
      if (op.fn === "unaryMinus") return new OperatorNode("-", "unaryMinus", [d(a)]);
      if (op.fn === "unaryPlus") return d(a);
      if (op.fn === "add") return new OperatorNode("+", "add", [d(a), d(b)]);
      if (op.fn === "subtract") return new OperatorNode("-", "subtract", [d(a), d(b)]);
      if (op.fn === "multiply" && op.args.length === 2) {
        if (!dependsOn(a, variable)) return product(a, d(b));
        if (!dependsOn(b, variable)) return product(d(a), b);
        return new OperatorNode("+", "add", [product(d(a), b), product(a, d(b))]);
      }
      if (op.fn === "divide") {
        if (!dependsOn(b, variable)) return new OperatorNode("/", "divide", [d(a), b]);
        const numerator = new OperatorNode("-", "subtract", [product(d(a), b), product(a, d(b))]);
        return new OperatorNode("/", "divide", [
          numerator,
          new OperatorNode("^", "pow", [b, new ConstantNode(2)]),
        ]);
      }
      break;
    }
  }
  throw new RangeError(
    `Cannot ${action} as piecewise parts and erf must appear under +, -, *, / only: expression=${
      formatValue(node.toString())
    }`,
  );
}

function product(a: MathNode, b: MathNode): MathNode {
  return new OperatorNode("*", "multiply", [a, b]);
}

/** Simplifies with mathjs where it can (it cannot see inside conditionals), branch by branch. */
function tidy(node: MathNode): MathNode {
  if (node.type === "ConditionalNode") {
    const c = node as ConditionalNode;
    return new ConditionalNode(c.condition, tidy(c.trueExpr), tidy(c.falseExpr));
  }
  if (node.filter((n) => n.type === "ConditionalNode").length > 0) return node;
  return simplify(node);
}
