/**
 * Experiments the notebooks run: each a function of (options) returning plain numbers and
 * arrays, tested in tests/experiments/ and tests/claims/, and named in the notebook cells
 * that demonstrate them. Experiments compose the core (activations, nn, data, diagnostics);
 * they never draw (plots take their results).
 *
 * @module
 */
export * from "./overview.ts";
