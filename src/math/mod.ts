/**
 * mathjs glue: activation formulas to LaTeX ({@linkcode formulaLatex}) and symbolic
 * derivatives ({@linkcode symbolicDerivative}), so notebooks can show a formula, derive it,
 * and check the library's hand-written derivative against the symbolic one. Only this module
 * (never the computation core in `activations/`) imports mathjs.
 *
 * @example
 * ```ts
 * import { createActivation } from "@relu-lab/relu-lab/activations";
 * import { symbolicDerivative } from "@relu-lab/relu-lab/math";
 * import assert from "node:assert/strict";
 *
 * const sigmoid = createActivation("sigmoid");
 * const d = symbolicDerivative(sigmoid.expression);
 * assert.ok(Math.abs(d.evaluate(0.3) - sigmoid.grad(0.3)) < 1e-15);
 * ```
 *
 * @module
 */
export { formulaLatex } from "./formula_latex.ts";
export { type SymbolicDerivative, symbolicDerivative } from "./symbolic_derivative.ts";
