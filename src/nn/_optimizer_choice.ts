/**
 * Resolving an optimizer given by name or object, with its settings checked, for
 * {@linkcode resolveOptimizer} and `train`, each naming its own action in messages.
 *
 * @module
 */

import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { adam, adamW } from "./adam.ts";
import type { Optimizer, OptimizerName, OptimizerSettings } from "./optimizer.ts";
import { sgd } from "./sgd.ts";
import { notALearningRate } from "./_optimizer_options.ts";

const OPTIMIZER_NAMES: readonly OptimizerName[] = ["sgd", "momentum", "nesterov", "adam", "adamW"];
const SETTINGS_KEYS: OptionKeys<OptimizerSettings> = { momentum: "number", weightDecay: "number" };

/**
 * The optimizer `optimizer` names, or `optimizer` itself. Throws, naming `action`: a TypeError for
 * an unknown settings key, for `momentum` where it does not apply and for any setting beside an
 * optimizer object (which carries its own) and for an optimizer that is neither a name nor an
 * Optimizer; a RangeError for an unknown name or a setting out of range.
 */
export function resolveOptimizerFor(
  action: string,
  optimizer: OptimizerName | Optimizer,
  settings: OptimizerSettings = {},
): Optimizer {
  // A number is momentum only for the optimizers that take one; elsewhere a learning rate.
  if (typeof settings === "number" && optimizer !== "momentum" && optimizer !== "nesterov") {
    const shown = typeof optimizer === "string" ? JSON.stringify(optimizer) : "…";
    throw notALearningRate(action, "settings", shown, settings);
  }
  const { momentum, weightDecay } = requireOptions(action, settings, SETTINGS_KEYS, "settings");
  if (typeof optimizer === "object" && optimizer !== null && typeof optimizer.step === "function") {
    for (const [key, value] of [["weightDecay", weightDecay], ["momentum", momentum]] as const) {
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
    const message =
      `Cannot ${action} as optimizer must be an Optimizer or one of "sgd", "momentum", "nesterov", "adam", "adamW": optimizer=${
        formatValue(optimizer)
      }`;
    // An unknown name is out of range; anything else (an object without step) of the wrong type.
    throw typeof optimizer === "string" ? new RangeError(message) : new TypeError(message);
  }
  if (momentum !== undefined) {
    if (optimizer !== "momentum" && optimizer !== "nesterov") {
      throw new TypeError(
        `Cannot ${action} as momentum applies only to the optimizers "momentum" and "nesterov": optimizer=${
          formatValue(optimizer)
        }`,
      );
    }
    requireNumber(action, "momentum", momentum, { min: 0, max: 1, maxExclusive: true });
  }
  if (weightDecay !== undefined) requireNumber(action, "weightDecay", weightDecay, { min: 0 });
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
