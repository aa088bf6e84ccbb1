/**
 * data (work in progress).
 *
 * @module
 */
export {};
