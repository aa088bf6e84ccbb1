/**
 * relu-lab: ReLU, Leaky ReLU and their relatives, with their derivatives; a small multilayer
 * perceptron library; diagnostics; plots; and rich display in the Deno Jupyter kernel.
 *
 * @example
 * ```ts
 * import { createPrng } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(createPrng(1)(), createPrng(1)());
 * ```
 *
 * @module
 */
export * from "./core/mod.ts";
export * from "./activations/mod.ts";
export * from "./math/mod.ts";
export * from "./data/mod.ts";
export * from "./nn/mod.ts";
export * from "./diagnostics/mod.ts";
export * from "./experiments/mod.ts";
export * from "./plot/mod.ts";
export * from "./display/mod.ts";
