/**
 * math (work in progress).
 *
 * @module
 */
export {};
