/**
 * plot (work in progress).
 *
 * @module
 */
export {};
