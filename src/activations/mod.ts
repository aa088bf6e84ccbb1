/**
 * activations (work in progress).
 *
 * @module
 */
export {};
