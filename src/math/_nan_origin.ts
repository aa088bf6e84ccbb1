/**
 * Private: why a formula comes to NaN at a number, for {@linkcode explainNaN}'s error message.
 *
 * @module
 */

import type {
  ConditionalNode,
  FunctionNode,
  MathNode,
  OperatorNode,
  ParenthesisNode,
} from "./_mathjs.ts";
import { formatValue } from "../core/validate.ts";

/** How many characters of a part of the formula a message shows. */
const SHOWN_CHARACTERS = 60;

/**
 * The `RangeError` for `node` (the formula `text`) evaluating to NaN at `value` of `variable`,
 * where float64 arithmetic failed: it names the parts that became ±Infinity (`exp(-z)
 * overflows to Infinity`, or `log(z) is -Infinity` at a pole), and the operation that made NaN
 * of them, with its operands (`exp(-z) / (exp(-z) + 1) ^ 2 = Infinity / Infinity = NaN`).
 * Follows the branches the conditions pick, as the evaluation does. Slow (each part is
 * compiled anew): for the error path only.
 */
export function explainNaN(
  action: string,
  node: MathNode,
  text: string,
  variable: string,
  value: number,
): RangeError {
  const at = (n: MathNode): unknown => {
    try {
      return n.compile().evaluate({ [variable]: value });
    } catch {
      return undefined;
    }
  };
  const origin = nanOrigin(node, at);
  const sources: MathNode[] = [];
  for (const arg of operands(origin)) {
    if (isInfinite(at(arg))) infiniteSources(arg, at, sources);
  }
  const seen = new Set<string>();
  const causes: string[] = [];
  let overflows = false;
  for (const source of sources) {
    const shown = short(source.toString());
    if (seen.has(shown)) continue;
    seen.add(shown);
    const overflow = source.type !== "SymbolNode" && operands(source).every((arg) => {
      const v = at(arg);
      return typeof v === "number" && Number.isFinite(v) && v !== 0;
    });
    overflows ||= overflow;
    causes.push(`${shown} ${overflow ? "overflows to" : "is"} ${formatValue(at(source))}`);
  }
  const nan = operands(origin).length === 0
    ? `it holds the constant ${short(origin.toString())}`
    : `${short(origin.toString())} = ${describeOperation(origin, at)}NaN`;
  const why = causes.length === 0 ? nan : `${causes.join(" and ")}, so ${nan}`;
  const requirement = overflows ? "must not overflow" : "must give a number";
  return new RangeError(
    `Cannot ${action} as its expression ${requirement} at ${variable} (${why}): ${variable}=${
      formatValue(value)
    }, expression=${formatValue(text)}`,
  );
}

/** The innermost part on the evaluated path whose value is NaN while its operands' are not. */
function nanOrigin(node: MathNode, at: (n: MathNode) => unknown): MathNode {
  const inner = evaluatedChild(node, at);
  if (inner !== undefined) return nanOrigin(inner, at);
  const nan = operands(node).find((arg) => Number.isNaN(at(arg)));
  return nan === undefined ? node : nanOrigin(nan, at);
}

/** Adds to `out` the innermost parts under `node` (infinite) whose operands are all finite. */
function infiniteSources(node: MathNode, at: (n: MathNode) => unknown, out: MathNode[]): void {
  const inner = evaluatedChild(node, at);
  if (inner !== undefined) return infiniteSources(inner, at, out);
  const infinite = operands(node).filter((arg) => isInfinite(at(arg)));
  if (infinite.length === 0) out.push(node);
  for (const arg of infinite) infiniteSources(arg, at, out);
}

/** The part a parenthesis or a conditional evaluates to (the branch its condition picks). */
function evaluatedChild(node: MathNode, at: (n: MathNode) => unknown): MathNode | undefined {
  if (node.type === "ParenthesisNode") return (node as ParenthesisNode).content;
  if (node.type !== "ConditionalNode") return undefined;
  const c = node as ConditionalNode;
  return at(c.condition) ? c.trueExpr : c.falseExpr;
}

/** The arguments of an operator or a function (not the function's name), else none. */
function operands(node: MathNode): MathNode[] {
  if (node.type === "OperatorNode") return (node as OperatorNode).args;
  if (node.type === "FunctionNode") return (node as FunctionNode).args;
  return [];
}

/** `node`'s operation on its operands' values, followed by ` = `: `Infinity / Infinity = `. */
function describeOperation(node: MathNode, at: (n: MathNode) => unknown): string {
  const values = operands(node).map((arg) => {
    const v = at(arg);
    return typeof v === "number" ? formatValue(v) : String(v);
  });
  if (node.type === "FunctionNode") {
    return `${(node as FunctionNode).fn.toString()}(${values.join(", ")}) = `;
  }
  if (node.type !== "OperatorNode") return "";
  const { op } = node as OperatorNode;
  if (values.length === 1) {
    return `${op}${values[0].startsWith("-") ? `(${values[0]})` : values[0]} = `;
  }
  return `${values.join(` ${op} `)} = `;
}

function isInfinite(v: unknown): boolean {
  return v === Infinity || v === -Infinity;
}

/** `text`, cut to SHOWN_CHARACTERS with `…` where longer. */
function short(text: string): string {
  return text.length <= SHOWN_CHARACTERS ? text : `${text.slice(0, SHOWN_CHARACTERS)}…`;
}
