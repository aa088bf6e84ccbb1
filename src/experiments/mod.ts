/**
 * Experiments the notebooks run: each a function of (options) returning plain numbers and
 * arrays, tested in tests/experiments/ and tests/claims/, and named in the notebook cells
 * that demonstrate them. Experiments compose the core (activations, nn, data, diagnostics);
 * they never draw (plots take their results).
 *
 * @module
 */
export * from "./dying.ts";
export * from "./limitations.ts";
export * from "./leaky.ts";
export * from "./overview.ts";
export * from "./compare_activations.ts";
export * from "./gradient_flow.ts";
export * from "./kernel_timing.ts";
export * from "./sparse_activation.ts";
export * from "./convergence.ts";
export * from "./digits_comparison.ts";
export * from "./tradeoffs.ts";
export * from "./practice.ts";
export * from "./papers.ts";
