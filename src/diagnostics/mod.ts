/**
 * Diagnostics for ReLU networks: dead neurons (pre-activation <= 0 for every sample), activation
 * sparsity and statistics, per-layer gradient norms, gradient checking against finite
 * differences, and a printable report gathering them. Built on the evaluation pass of the `nn`
 * module ({@linkcode scanActivations}), the same one the training loop uses each epoch.
 *
 * @example
 * ```ts
 * import { fromRows } from "@relu-lab/relu-lab/core";
 * import { deadNeurons } from "@relu-lab/relu-lab/diagnostics";
 * import { mlp } from "@relu-lab/relu-lab/nn";
 * import assert from "node:assert/strict";
 *
 * // A bias of -3 on every hidden neuron starts most of them dead on small inputs.
 * const model = mlp([2, 16, 2], { biasInit: -3, seed: 1 });
 * const [layer] = deadNeurons(model, fromRows([[0.1, 0.2], [-0.3, 0.1]]));
 * assert.ok(layer.deadFraction > 0.5);
 * ```
 *
 * @module
 */
export * from "./dead_neurons.ts";
export * from "./activation_statistics.ts";
export * from "./gradient_norms.ts";
export * from "./gradient_check.ts";
export * from "./diagnose.ts";
