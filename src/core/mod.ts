/**
 * Foundations shared by every part of relu-lab: the seeded {@linkcode Prng}, the row-major
 * {@linkcode Matrix}, the {@linkcode Dataset},
 * and argument checks with house-style error messages.
 *
 * @example
 * ```ts
 * import { createPrng, fromRows, requireNumber } from "@relu-lab/relu-lab/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(createPrng(7)(), createPrng(7)());
 * assert.equal(fromRows([[1, 2], [3, 4]]).cols, 2);
 * assert.throws(() => requireNumber("train", "epochs", 0, { min: 1 }), RangeError);
 * ```
 *
 * @module
 */
export * from "./prng.ts";
export * from "./matrix.ts";
export * from "./validate.ts";
export * from "./dataset.ts";
