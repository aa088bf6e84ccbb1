/**
 * The shared shape of an optimizer, and the resolver for optimizer names.
 *
 * @module
 */

import { formatValue } from "../core/validate.ts";
import { adam, adamW } from "./adam.ts";
import type { Parameter } from "./layer.ts";
import { sgd } from "./sgd.ts";

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
  /** Momentum coefficient for `"momentum"` and `"nesterov"`. Default: 0.9. */
  momentum?: number;
  /** Weight decay: L2 added to the gradient (`"sgd"`, `"momentum"`, `"nesterov"`, `"adam"`) or decoupled (`"adamW"`). Default: 0 (0.01 for `"adamW"`). */
  weightDecay?: number;
}

/**
 * Resolves an optimizer given by name, or returns the one given.
 *
 * @param optimizer `"sgd"`, `"momentum"`, `"nesterov"`, `"adam"`, `"adamW"`, or an {@linkcode Optimizer}.
 * @param settings Momentum and weight decay for named optimizers.
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
 * ```
 */
export function resolveOptimizer(
  optimizer: OptimizerName | Optimizer,
  settings: OptimizerSettings = {},
): Optimizer {
  if (typeof optimizer === "object" && optimizer !== null && typeof optimizer.step === "function") {
    return optimizer;
  }
  const { weightDecay } = settings;
  switch (optimizer) {
    case "sgd":
      return sgd({ weightDecay });
    case "momentum":
      return sgd({ momentum: settings.momentum ?? 0.9, weightDecay });
    case "nesterov":
      return sgd({ momentum: settings.momentum ?? 0.9, nesterov: true, weightDecay });
    case "adam":
      return adam({ weightDecay });
    case "adamW":
      return adamW({ weightDecay });
  }
  throw new RangeError(
    `Cannot resolve an optimizer as optimizer must be an Optimizer or one of "sgd", "momentum", "nesterov", "adam", "adamW": optimizer=${
      formatValue(optimizer)
    }`,
  );
}
