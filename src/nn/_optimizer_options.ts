/**
 * The options check of the optimizer factories, which refuses a number in their place as the
 * learning rate it most likely is, saying where that goes.
 *
 * @module
 */

import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";

/**
 * `requireOptions` for the optimizer factory `factory` (`"adam"`, `"adamW"`, `"sgd"`): a number
 * in place of the options is refused with a pointer to `train()`'s `learningRate`, as the
 * factories take no learning rate.
 */
export function requireOptimizerOptions<T extends object>(
  action: string,
  factory: string,
  options: T | undefined,
  known: NoInfer<OptionKeys<T>>,
): T {
  if (typeof options === "number") {
    throw new TypeError(
      `Cannot ${action} as options must be an object, not a learning rate (train() takes it: ` +
        `train(model, data, { optimizer: ${factory}(), learningRate: ${
          formatValue(options)
        } })): options=${formatValue(options)}`,
    );
  }
  return requireOptions(action, options, known);
}
