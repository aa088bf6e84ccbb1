/**
 * The shared shape of an optimizer, and the resolver for optimizer names.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Parameter } from "./layer.ts";
import { resolveOptimizerFor } from "./_optimizer_choice.ts";

/**
 * Updates parameters in place from their accumulated gradients. Optimizers with state
 * (momentum, Adam moments) keep one buffer per parameter, allocated on its first step.
 */
export interface Optimizer {
  /** The optimizer's name, e.g. `"adam"`. */
  readonly name: string;
  /** The settings it was made with, e.g. `{ beta1: 0.9, ... }`. */
  readonly options: Readonly<Record<string, number | boolean>>;
  /** Applies one update with the given learning rate. */
  step(params: readonly Parameter[], learningRate: number): void;
}

/** Optimizer names accepted wherever an {@linkcode Optimizer} is expected. */
export type OptimizerName = "sgd" | "momentum" | "nesterov" | "adam" | "adamW";

/** Settings used when an optimizer is given by name. */
export interface OptimizerSettings {
  /**
   * Momentum coefficient, for `"momentum"` (in [0, 1)) and `"nesterov"` (in (0, 1): Nesterov
   * needs momentum) only. Default: 0.9.
   */
  momentum?: number;
  /** Weight decay: L2 added to the gradient (`"sgd"`, `"momentum"`, `"nesterov"`, `"adam"`) or decoupled (`"adamW"`). Default: 0 (0.01 for `"adamW"`). */
  weightDecay?: number;
}

/**
 * Resolves an optimizer given by name, or returns the one given. An unknown name throws a
 * `RangeError`, a value of another type (an object without `step`) a `TypeError`. Settings are
 * checked: an unknown key, `momentum` for an optimizer without momentum, or any setting beside
 * an optimizer object (which carries its own) throws a `TypeError`, and an out-of-range value
 * a `RangeError`.
 *
 * @param optimizer `"sgd"`, `"momentum"`, `"nesterov"`, `"adam"`, `"adamW"`, or an {@linkcode Optimizer}.
 * @param settings Momentum and weight decay for named optimizers; a setting left out takes the
 *   optimizer's own default.
 * @returns The optimizer.
 *
 * @example
 * ```ts
 * import { resolveOptimizer } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const optimizer = resolveOptimizer("nesterov", { momentum: 0.8 });
 * assert.equal(optimizer.options.nesterov, true);
 * assert.equal(optimizer.options.momentum, 0.8);
 * assert.equal(resolveOptimizer("adamW").options.weightDecay, 0.01);
 * assert.throws(() => resolveOptimizer("nesterov", { momentum: 0 }), RangeError);
 * assert.throws(() => resolveOptimizer("adam", { momentum: 0.9 }), {
 *   name: "TypeError",
 *   message:
 *     'Cannot resolve an optimizer as momentum applies only to the optimizers "momentum" and "nesterov": optimizer="adam"',
 * });
 * ```
 */
export function resolveOptimizer(
  optimizer: OptimizerName | Optimizer,
  settings?: OptimizerSettings,
): Optimizer;
export function resolveOptimizer(
  optimizer: OptimizerName | Optimizer,
  settings: OptimizerSettings = {},
  extra?: unknown,
): Optimizer {
  refuseTrailing(
    "resolve an optimizer",
    "resolveOptimizer",
    "optimizer and settings",
    "third",
    extra,
  );
  return resolveOptimizerFor("resolve an optimizer", optimizer, settings);
}
