/**
 * diagnostics (work in progress).
 *
 * @module
 */
export {};
