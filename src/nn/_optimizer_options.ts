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

/**
 * Checks the parameters of an optimizer step before any is updated (a few comparisons per
 * parameter, none per value): an array of parameters, each with `value` and `grad`
 * Float64Arrays of one length. A shorter gradient would otherwise be read past its end (NaN in
 * TypeScript, another parameter's gradient in WebAssembly memory).
 */
export function requireStepParams(action: string, params: unknown): void {
  if (!Array.isArray(params)) {
    throw new TypeError(
      `Cannot ${action} as params must be an array of parameters (model.params() gives one): params=${
        formatValue(params)
      }`,
    );
  }
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as { value?: unknown; grad?: unknown } | null | undefined;
    if (typeof p !== "object" || p === null) {
      throw new TypeError(
        `Cannot ${action} as params[${i}] must be a parameter { value, grad, … }: params[${i}]=${
          formatValue(p)
        }`,
      );
    }
    for (const key of ["value", "grad"] as const) {
      if (!(p[key] instanceof Float64Array)) {
        throw new TypeError(
          `Cannot ${action} as params[${i}].${key} must be a Float64Array: params[${i}].${key}=${
            formatValue(p[key])
          }`,
        );
      }
    }
    const n = (p.value as Float64Array).length, m = (p.grad as Float64Array).length;
    if (n !== m) {
      throw new RangeError(
        `Cannot ${action} as params[${i}].grad must hold one value per params[${i}].value: params[${i}].grad.length=${m}, params[${i}].value.length=${n}`,
      );
    }
  }
}
