/**
 * Builds activation objects by name: the one entry point for layers, plots and notebooks.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { ActivationFunction } from "./activation_function.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";
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

/** Every activation option, marked as those of each options object are. */
const OPTION_KEYS: OptionKeys<ActivationOptions> = {
  alpha: "number",
  atZero: true,
  beta: "number",
  threshold: "number",
  lower: "number",
  upper: "number",
};

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
 * The options each activation takes; {@linkcode createActivation} (and `mlp`) refuse an option
 * the chosen activation does not take, saying which activations do.
 *
 * @example
 * ```ts
 * import { ACTIVATION_OPTIONS, createActivation } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(ACTIVATION_OPTIONS.leakyRelu, ["alpha", "atZero"]);
 * assert.deepEqual(ACTIVATION_OPTIONS.sigmoid, []);
 * // Frozen, lists too: createActivation reads them, and a push would let an option through unused.
 * assert.ok(Object.isFrozen(ACTIVATION_OPTIONS.relu));
 * assert.throws(() => createActivation("relu", { alpha: 0.2 }), {
 *   name: "TypeError",
 *   message: "Cannot create relu as alpha is not one of its options (atZero): " +
 *     "alpha applies to leakyRelu, prelu, elu",
 * });
 * ```
 */
export const ACTIVATION_OPTIONS: Readonly<
  Record<ActivationName, readonly (keyof ActivationOptions)[]>
> = Object.freeze(
  {
    relu: optionList("atZero"),
    leakyRelu: optionList("alpha", "atZero"),
    prelu: optionList("alpha", "atZero"),
    rrelu: optionList("lower", "upper", "atZero"),
    elu: optionList("alpha", "atZero"),
    selu: optionList("atZero"),
    softplus: optionList("beta", "threshold"),
    gelu: optionList(),
    geluTanh: optionList(),
    silu: optionList(),
    sigmoid: optionList(),
    tanh: optionList(),
    identity: optionList(),
  },
);

/** A frozen list of option names (typed, so a misspelt one does not compile). */
function optionList(
  ...names: (keyof ActivationOptions)[]
): readonly (keyof ActivationOptions)[] {
  return Object.freeze(names);
}

/**
 * The part of `options` that the activation `name` takes, for comparing several activations
 * under one setting: `mlp(sizes, { activation, ...optionsFor(activation, { alpha }) })` gives
 * Leaky ReLU, PReLU and ELU their `alpha` and ReLU or tanh none. The caller says, in view,
 * that the other keys are meant for other activations; elsewhere an option that does not
 * apply is refused. A key that no activation takes is refused too (a typo, say).
 *
 * @param name The activation's name (one of `ACTIVATION_NAMES`).
 * @param options Options meant for some of the activations compared.
 * @returns A new object with the keys `name` takes.
 *
 * @example
 * ```ts
 * import { optionsFor } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(optionsFor("leakyRelu", { alpha: 0.2 }), { alpha: 0.2 });
 * assert.deepEqual(optionsFor("relu", { alpha: 0.2 }), {});
 * assert.deepEqual(optionsFor("elu", { alpha: 0.5, lower: 0.1 }), { alpha: 0.5 });
 * assert.throws(() => optionsFor("relu", { alfa: 0.2 } as never), TypeError);
 * ```
 */
export function optionsFor(name: string, options: ActivationOptions): ActivationOptions;
export function optionsFor(
  name: string,
  options: ActivationOptions,
  extra?: unknown,
): ActivationOptions {
  refuseTrailing(
    "pick the options of an activation",
    "optionsFor",
    "name and options",
    "third",
    extra,
  );
  if (!(ACTIVATION_NAMES as readonly string[]).includes(name)) {
    throw new RangeError(
      `Cannot pick the options of an activation as name must be one of ${
        ACTIVATION_NAMES.join(", ")
      }: name=${formatValue(name)}`,
    );
  }
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(
      `Cannot pick the options of ${name} as options must be an object: options=${
        formatValue(options)
      }`,
    );
  }
  const taken: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (activationsTaking(key).length === 0) {
      throw new TypeError(
        `Cannot pick the options of ${name} as no activation takes the option "${key}"`,
      );
    }
    if ((ACTIVATION_OPTIONS[name as ActivationName] as readonly string[]).includes(key)) {
      taken[key] = value;
    }
  }
  return taken as ActivationOptions;
}

/** The activations that take `key`, in display order. */
function activationsTaking(key: string): ActivationName[] {
  return ACTIVATION_NAMES.filter((name) =>
    (ACTIVATION_OPTIONS[name] as readonly string[]).includes(key)
  );
}

/**
 * Checks `options` for the activation `name`: an object whose keys that activation takes. A
 * key another activation takes is refused with the names of those that do.
 */
function checkActivationOptions(name: ActivationName, options: unknown): ActivationOptions {
  const action = `create ${name}`;
  const keys: readonly string[] = ACTIVATION_OPTIONS[name];
  if (typeof options === "object" && options !== null) {
    for (const key of Object.keys(options)) {
      const takers = activationsTaking(key);
      if (!keys.includes(key) && takers.length > 0) {
        throw new TypeError(
          `Cannot ${action} as ${key} is not one of its options (${
            keys.length === 0 ? "it takes none" : keys.join(", ")
          }): ${key} applies to ${takers.join(", ")}`,
        );
      }
    }
  }
  // The activation's own keys only, in its order: a subset of every key's table.
  const known = Object.fromEntries(
    keys.map((key) => [key, OPTION_KEYS[key as keyof ActivationOptions]]),
  ) as OptionKeys<ActivationOptions>;
  return requireOptions(action, options as ActivationOptions | undefined, known);
}

/**
 * Creates an activation object (an {@linkcode ActivationFunction}) by name, checking its
 * parameters. `createActivation(a.name, a.params)` rebuilds an equal object. Every
 * fixed-parameter activation has one; `prelu` here has a fixed slope (the learned one is the
 * nn layer's), and `rrelu` is its evaluation form (mean slope; training draws slopes, see
 * `rreluForward`).
 *
 * @param name The activation, one of {@linkcode ACTIVATION_NAMES} (other strings throw
 *   `RangeError`; plain strings are accepted so names read back from JSON type-check).
 * @param options Its parameters, e.g. `{ alpha: 0.1 }`: only those the activation takes (see
 *   {@linkcode ACTIVATION_OPTIONS}); any other key, or a non-object, throws a `TypeError`.
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
 * assert.throws(() => createActivation("elu", { alfa: 0.5 }), TypeError); // a typo
 * ```
 */
export function createActivation(
  name: ActivationName | (string & Record<never, never>),
  options?: ActivationOptions | Readonly<Record<string, unknown>>,
): ActivationFunction;
export function createActivation(
  name: ActivationName | (string & Record<never, never>),
  options: ActivationOptions | Readonly<Record<string, unknown>> = {},
  extra?: unknown,
): ActivationFunction {
  refuseTrailing("create an activation", "createActivation", "name and options", "third", extra);
  if (!(ACTIVATION_NAMES as readonly string[]).includes(name)) {
    throw new RangeError(
      `Cannot create an activation as name must be one of ${
        ACTIVATION_NAMES.map(formatValue).join(", ")
      }: name=${formatValue(name)}`,
    );
  }
  // Parameters restored from JSON arrive untyped: the keys are checked here, and every
  // factory checks each value it reads.
  const known = name as ActivationName;
  const checked = checkActivationOptions(known, options);
  switch (known) {
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
}
