/**
 * Builds activation objects by name: the one entry point for layers, plots and notebooks.
 *
 * @module
 */

import type { ActivationFunction } from "./activation_function.ts";
import { formatValue } from "../core/validate.ts";
import { leakyReluActivation } from "./leaky_relu.ts";
import { reluActivation } from "./relu.ts";
import type { KinkConvention } from "./types.ts";

/** The names {@linkcode createActivation} accepts. */
export type ActivationName = "relu" | "leakyRelu";

/** Every option any activation takes; each activation reads the ones it has. */
export interface ActivationOptions {
  /** Negative slope (leakyRelu, default 0.01). */
  alpha?: number;
  /** The derivative at the kink z = 0 (relu, leakyRelu; default `"left"`). */
  atZero?: KinkConvention;
}

/** The names {@linkcode createActivation} accepts, in display order. */
export const ACTIVATION_NAMES: readonly ActivationName[] = Object.freeze([
  "relu",
  "leakyRelu",
]);

/**
 * Creates an activation object (an {@linkcode ActivationFunction}) by name, checking its
 * parameters. `createActivation(a.name, a.params)` rebuilds an equal object.
 *
 * @param name The activation, one of {@linkcode ACTIVATION_NAMES} (other strings throw
 *   `RangeError`; plain strings are accepted so names read back from JSON type-check).
 * @param options Its parameters, e.g. `{ alpha: 0.1 }`.
 * @returns The activation object.
 *
 * @example
 * ```ts
 * import { createActivation } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const leaky = createActivation("leakyRelu", { alpha: 0.1 });
 * assert.equal(leaky.f(-2), -0.2);
 * assert.equal(leaky.grad(-2), 0.1);
 * assert.equal(leaky.label, "Leaky ReLU (α = 0.1)");
 * assert.throws(() => createActivation("leakyRelu", { alpha: -1 }), RangeError);
 * ```
 */
export function createActivation(
  name: ActivationName | (string & Record<never, never>),
  options: ActivationOptions | Readonly<Record<string, unknown>> = {},
): ActivationFunction {
  // Parameters restored from JSON arrive untyped; every factory checks each one it reads.
  const checked = options as ActivationOptions;
  switch (name) {
    case "relu":
      return reluActivation(checked);
    case "leakyRelu":
      return leakyReluActivation(checked);
  }
  throw new RangeError(
    `Cannot create an activation as name must be one of ${
      ACTIVATION_NAMES.map(formatValue).join(", ")
    }: name=${formatValue(name)}`,
  );
}
