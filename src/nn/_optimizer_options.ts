/**
 * The options check of the optimizer factories and of resolving an optimizer by name, which
 * refuse a number in their place as the learning rate it most likely is, saying where that goes.
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
    throw notALearningRate(action, "options", `${factory}()`, options);
  }
  return requireOptions(action, options, known);
}

/**
 * The error for a number given as `name` where an optimizer takes no learning rate: it goes to
 * `train()`, shown with `optimizer` (an expression such as `adam()` or `"adam"`).
 */
export function notALearningRate(
  action: string,
  name: string,
  optimizer: string,
  value: number,
): TypeError {
  return new TypeError(
    `Cannot ${action} as ${name} must be an object, not a learning rate (train() takes it: ` +
      `train(model, data, { optimizer: ${optimizer}, learningRate: ${formatValue(value)} })): ` +
      `${name}=${formatValue(value)}`,
  );
}
