/**
 * A small multilayer-perceptron library on row-major `Float64Array` matrices: layers (Dense,
 * activation, PReLU, RReLU, Dropout) with forward and backward passes side by side, the
 * {@linkcode Sequential} model and the {@linkcode mlp} builder, losses, optimizers, initialisers,
 * learning-rate schedules, the {@linkcode train} loop that records dead neurons per epoch, and
 * a plain 2-D convolution ({@linkcode conv2d}) for image examples.
 *
 * Everything random is seeded; the same seed trains the same weights bit for bit.
 *
 * @example
 * ```ts
 * import { dataset, fromRows } from "@relu-lab/relu-lab/core";
 * import { mlp, train } from "@relu-lab/relu-lab/nn";
 * import assert from "node:assert/strict";
 *
 * const data = dataset(fromRows([[0, 1], [1, 0]]), new Int32Array([0, 1]));
 * const model = mlp([2, 16, 2], { activation: "leakyRelu", alpha: 0.01, seed: 1 });
 * const history = train(model, data, { epochs: 20, learningRate: 0.1 });
 * assert.equal(history.at(-1)?.trainAccuracy, 1);
 * ```
 *
 * @module
 */
export * from "./layer.ts";
export * from "./dense.ts";
export * from "./activation_layer.ts";
export * from "./elementwise_layer.ts";
export * from "./prelu_layer.ts";
export * from "./rrelu_layer.ts";
export * from "./dropout.ts";
export * from "./sequential.ts";
export * from "./model_from_json.ts";
export * from "./mlp.ts";
export * from "./init.ts";
export * from "./loss.ts";
export * from "./mean_squared_error.ts";
export * from "./softmax_cross_entropy.ts";
export * from "./binary_cross_entropy.ts";
export * from "./accuracy.ts";
export * from "./optimizer.ts";
export * from "./sgd.ts";
export * from "./adam.ts";
export * from "./clip_grad_norm.ts";
export * from "./schedules.ts";
export * from "./scan_activations.ts";
export * from "./check_dataset.ts";
export * from "./train.ts";
export * from "./conv2d.ts";
export * from "./conv2d_layer.ts";
