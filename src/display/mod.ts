/**
 * display (work in progress).
 *
 * @module
 */
export {};
