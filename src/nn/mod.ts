/**
 * nn (work in progress).
 *
 * @module
 */
export {};
