/**
 * Private: mathjs, loaded from its one-file build.
 *
 * mathjs's ES module entry is some 1,200 files; Deno loads them one by one, which took about
 * 0.6 s of every notebook's first cell. The same version's one-file build
 * (`lib/browser/math.js`, the same full instance) loads in about 0.3 s. Types come from the
 * package's own declarations (a type-only import, erased at run time).
 *
 * @module
 */

import type * as MathJs from "npm:mathjs@15.2.0";
import mathjs from "npm:mathjs@15.2.0/lib/browser/math.js";

// The types, each under its constructor's name.
export type ConditionalNode = MathJs.ConditionalNode;
export type ConstantNode = MathJs.ConstantNode;
export type FunctionNode = MathJs.FunctionNode;
export type MathNode = MathJs.MathNode;
export type OperatorNode = MathJs.OperatorNode;
export type ParenthesisNode = MathJs.ParenthesisNode;
export type SymbolNode = MathJs.SymbolNode;

const math = mathjs as unknown as MathJs.MathJsInstance;

export const {
  ConditionalNode,
  ConstantNode,
  derivative,
  FunctionNode,
  OperatorNode,
  parse,
  simplify,
  SymbolNode,
} = math;
