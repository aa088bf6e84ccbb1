/**
 * Builds activation objects by name: the one entry point for layers, plots and notebooks.
 *
 * @module
 */

import type { ActivationFunction } from "./activation_function.ts";
import { formatValue } from "../core/validate.ts";
import { eluActivation } from "./elu.ts";
import { geluActivation } from "./gelu.ts";
import { geluTanhActivation } from "./gelu_tanh.ts";
import { identityActivation } from "./identity.ts";
import { leakyReluActivation } from "./leaky_relu.ts";
import { preluActivation } from "./prelu.ts";
import { reluActivation } from "./relu.ts";
import { rreluActivation } from "./rrelu.ts";
import { seluActivation } from "./selu.ts";
import { sigmoidActivation } from "./sigmoid.ts";
import { siluActivation } from "./silu.ts";
import { softplusActivation } from "./softplus.ts";
import { tanhActivation } from "./tanh.ts";
import type { KinkConvention } from "./types.ts";

/** The names {@linkcode createActivation} accepts. */
export type ActivationName =
  | "relu"
  | "leakyRelu"
  | "prelu"
  | "rrelu"
  | "elu"
  | "selu"
  | "softplus"
  | "gelu"
  | "geluTanh"
  | "silu"
  | "sigmoid"
  | "tanh"
  | "identity";

/** Every option any activation takes; each activation reads the ones it has. */
export interface ActivationOptions {
  /** Negative slope (leakyRelu: default 0.01; prelu, fixed: 0.25) or ELU's scale (default 1). */
  alpha?: number;
  /** The derivative at the kink z = 0 (relu, leakyRelu, prelu, rrelu, elu, selu; default `"left"`). */
  atZero?: KinkConvention;
  /** Softplus sharpness (default 1). */
  beta?: number;
  /** Softplus linear threshold on `beta * z` (default 20). */
  threshold?: number;
  /** RReLU's smallest slope (default 1/8); the object uses the mean slope (evaluation). */
  lower?: number;
  /** RReLU's largest slope (default 1/3). */
  upper?: number;
}

/**
 * The names {@linkcode createActivation} accepts, in display order.
 *
 * @example
 * ```ts
 * import { ACTIVATION_NAMES, createActivation } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(ACTIVATION_NAMES[0], "relu");
 * assert.ok(ACTIVATION_NAMES.includes("selu"));
 * for (const name of ACTIVATION_NAMES) assert.equal(createActivation(name).name, name);
 * ```
 */
export const ACTIVATION_NAMES: readonly ActivationName[] = Object.freeze([
  "relu",
  "leakyRelu",
  "prelu",
  "rrelu",
  "elu",
  "selu",
  "softplus",
  "gelu",
  "geluTanh",
  "silu",
  "sigmoid",
  "tanh",
  "identity",
]);

/**
 * Creates an activation object (an {@linkcode ActivationFunction}) by name, checking its
 * parameters. `createActivation(a.name, a.params)` rebuilds an equal object. Every
 * fixed-parameter activation has one; `prelu` here has a fixed slope (the learned one is the
 * nn layer's), and `rrelu` is its evaluation form (mean slope; training draws slopes, see
 * `rreluForward`).
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
    case "prelu":
      return preluActivation(checked);
    case "rrelu":
      return rreluActivation(checked);
    case "elu":
      return eluActivation(checked);
    case "selu":
      return seluActivation(checked);
    case "softplus":
      return softplusActivation(checked);
    case "gelu":
      return geluActivation();
    case "geluTanh":
      return geluTanhActivation();
    case "silu":
      return siluActivation();
    case "sigmoid":
      return sigmoidActivation();
    case "tanh":
      return tanhActivation();
    case "identity":
      return identityActivation();
  }
  throw new RangeError(
    `Cannot create an activation as name must be one of ${
      ACTIVATION_NAMES.map(formatValue).join(", ")
    }: name=${formatValue(name)}`,
  );
}
