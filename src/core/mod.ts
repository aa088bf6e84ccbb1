/**
 * Foundations shared by every part of relu-lab: the seeded {@linkcode Prng}, the row-major
 * {@linkcode Matrix}, the {@linkcode Dataset},
 * and argument checks with house-style error messages.
 *
 * @module
 */
export * from "./prng.ts";
export * from "./matrix.ts";
export * from "./validate.ts";
export * from "./dataset.ts";
