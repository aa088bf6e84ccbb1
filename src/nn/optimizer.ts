/**
 * The shared shape of an optimizer, and the resolver for optimizer names.
 *
 * @module
 */

import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";
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
  /** Momentum coefficient in [0, 1), for `"momentum"` and `"nesterov"` only. Default: 0.9. */
  momentum?: number;
  /** Weight decay: L2 added to the gradient (`"sgd"`, `"momentum"`, `"nesterov"`, `"adam"`) or decoupled (`"adamW"`). Default: 0 (0.01 for `"adamW"`). */
  weightDecay?: number;
}

const OPTIMIZER_NAMES: readonly OptimizerName[] = ["sgd", "momentum", "nesterov", "adam", "adamW"];
const SETTINGS_KEYS: OptionKeys<OptimizerSettings> = { momentum: true, weightDecay: true };

/**
 * Resolves an optimizer given by name, or returns the one given. Settings are checked: an
 * unknown key, `momentum` for an optimizer without momentum, or any setting beside an
 * optimizer object (which carries its own) throws a `TypeError`, and an out-of-range value
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
 * assert.throws(() => resolveOptimizer("adam", { momentum: 0.9 }), {
 *   name: "TypeError",
 *   message:
 *     'Cannot resolve an optimizer as momentum applies only to the optimizers "momentum" and "nesterov": optimizer="adam"',
 * });
 * ```
 */
export function resolveOptimizer(
  optimizer: OptimizerName | Optimizer,
  settings: OptimizerSettings = {},
): Optimizer {
  const action = "resolve an optimizer";
  const { momentum, weightDecay } = requireOptions(action, settings, SETTINGS_KEYS, "settings");
  if (typeof optimizer === "object" && optimizer !== null && typeof optimizer.step === "function") {
    for (const [key, value] of [["momentum", momentum], ["weightDecay", weightDecay]] as const) {
      if (value !== undefined) {
        throw new TypeError(
          `Cannot ${action} as ${key} must be given to the optimizer's factory when optimizer is an object: ${key}=${
            formatValue(value)
          }`,
        );
      }
    }
    return optimizer;
  }
  if (!(OPTIMIZER_NAMES as readonly unknown[]).includes(optimizer)) {
    throw new RangeError(
      `Cannot ${action} as optimizer must be an Optimizer or one of "sgd", "momentum", "nesterov", "adam", "adamW": optimizer=${
        formatValue(optimizer)
      }`,
    );
  }
  if (momentum !== undefined && optimizer !== "momentum" && optimizer !== "nesterov") {
    throw new TypeError(
      `Cannot ${action} as momentum applies only to the optimizers "momentum" and "nesterov": optimizer=${
        formatValue(optimizer)
      }`,
    );
  }
  switch (optimizer) {
    case "sgd":
      return sgd({ weightDecay });
    case "momentum":
      return sgd({ momentum: momentum ?? 0.9, weightDecay });
    case "nesterov":
      return sgd({ momentum: momentum ?? 0.9, nesterov: true, weightDecay });
    case "adam":
      return adam({ weightDecay });
    case "adamW":
    default: // the names were checked above
      return adamW({ weightDecay });
  }
}
