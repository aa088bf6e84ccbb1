/**
 * The multilayer perceptron builder: Dense layers with an activation between them.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import { ACTIVATION_NAMES, ACTIVATION_OPTIONS, createActivation } from "../activations/mod.ts";
import { requireRReluBounds } from "../activations/rrelu.ts";
import type { Activation } from "../activations/types.ts";
import { createPrng, type Prng } from "../core/prng.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";

import { requireActivation } from "./_check.ts";
import { drawSeed } from "./_seeds.ts";
import { ActivationLayer } from "./activation_layer.ts";
import { Dense } from "./dense.ts";
import { Dropout } from "./dropout.ts";
import { type Initializer, type InitializerName, resolveInitializer } from "./init.ts";
import { refuseBiasInit } from "./_bias_init.ts";
import type { Layer } from "./layer.ts";
import { PReLU } from "./prelu_layer.ts";
import { RReLU } from "./rrelu_layer.ts";
import { Sequential } from "./sequential.ts";

/** Options of {@linkcode mlp}. */
export interface MlpOptions {
  /**
   * The hidden activation: a name for `createActivation` (`"relu"`, `"leakyRelu"`, `"elu"`,
   * `"tanh"`, ...), `"prelu"` or `"rrelu"` for the trainable and randomized layers, or an
   * `Activation` object. Default: `"relu"`.
   */
  activation?: string | Activation;
  /**
   * The `alpha` of activations that take one: Leaky ReLU's negative slope (default 0.01),
   * PReLU's initial slope (default 0.25), ELU's scale (default 1). For Leaky ReLU and PReLU it
   * also sets the He gain of the default initialiser. Refused for other activations.
   */
  alpha?: number;
  /** RReLU's smallest slope (only with `activation: "rrelu"`). Default: 1/8. */
  lower?: number;
  /** RReLU's largest slope (only with `activation: "rrelu"`). Default: 1/3. */
  upper?: number;
  /** One PReLU slope per layer instead of one per neuron (only with `"prelu"`). Default: false. */
  sharedSlope?: boolean;
  /**
   * Weight initialiser. Default: He normal with the activation's negative slope for the ReLU
   * family, Xavier normal for sigmoid, tanh and identity, LeCun normal for SELU.
   */
  init?: Initializer | InitializerName;
  /**
   * Initial bias of every hidden neuron (e.g. -3 starts ReLU neurons dead). Default: 0. Output
   * biases start at 0 too, except with an initialiser that sets the biases itself (`"rai"`),
   * with which `biasInit` is refused.
   */
  biasInit?: number;
  /** Dropout rate after each hidden activation; 0 adds no dropout layer. Default: 0. */
  dropout?: number;
  /** Seed for the weights and the random layers' generators. Default: 0. */
  seed?: number;
}

const MLP_KEYS: OptionKeys<MlpOptions> = {
  activation: true,
  alpha: "number",
  lower: "number",
  upper: "number",
  sharedSlope: true,
  init: true,
  biasInit: "number",
  dropout: "number",
  seed: "number",
};

/** The options that configure the hidden activation. */
type ActivationParameter = "alpha" | "lower" | "upper" | "sharedSlope";

/** The activations (by name) that take each activation parameter. */
const ACTIVATION_PARAMETERS: Readonly<Record<ActivationParameter, readonly string[]>> = {
  alpha: ACTIVATION_NAMES.filter((name) => ACTIVATION_OPTIONS[name].includes("alpha")),
  lower: ["rrelu"],
  upper: ["rrelu"],
  sharedSlope: ["prelu"],
};

/**
 * Refuses an activation parameter the chosen activation does not take (it would be ignored),
 * and any of them beside an activation object, which carries its own parameters.
 */
function checkActivationParameters(action: string, options: MlpOptions): void {
  const activation = options.activation ?? "relu";
  const keys = Object.keys(ACTIVATION_PARAMETERS) as ActivationParameter[];
  for (const key of keys) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof activation === "object") {
      throw new TypeError(
        `Cannot ${action} as ${key} must be left out when activation is an object, which ` +
          `carries its own parameters: activation=${activation.name}, ${key}=${formatValue(value)}`,
      );
    }
    const takers = ACTIVATION_PARAMETERS[key];
    if (!takers.includes(activation)) {
      throw new TypeError(
        `Cannot ${action} as ${key} applies only to the activations ${takers.join(", ")}: ` +
          `activation=${formatValue(activation)}`,
      );
    }
  }
}

/**
 * Builds a multilayer perceptron: for sizes `[n0, n1, ..., nk]`, Dense(n0 → n1), activation,
 * [dropout], ..., Dense(n(k-1) → nk). The output layer is linear (logits or regression values).
 *
 * All randomness comes from `seed`: the weights are drawn layer by layer from one generator,
 * which also seeds the dropout and RReLU layers, so the same options build the same model bit
 * for bit.
 *
 * @param sizes Layer widths, input first, output last: an array of at least two integers >= 1
 *   (a typed array or another value throws a `TypeError`).
 * @param options Activation, initialisation, biases, dropout and seed. Unknown keys, and
 *   activation parameters the chosen activation does not take (`alpha` with `"relu"`), throw a
 *   `TypeError`.
 * @returns The model.
 *
 * @example
 * ```ts
 * import { mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 32, 32, 2], { activation: "leakyRelu", alpha: 0.1, seed: 7 });
 * assert.equal(model.layers.length, 5);
 * assert.equal(model.parameterCount, 2 * 32 + 32 + 32 * 32 + 32 + 32 * 2 + 2);
 * assert.deepEqual(mlp([2, 8, 1], { seed: 1 }).toJSON(), mlp([2, 8, 1], { seed: 1 }).toJSON());
 * assert.throws(() => mlp([2, 8, 1], { activation: "relu", alpha: 0.2 }), {
 *   name: "TypeError",
 *   message: 'Cannot build an MLP as alpha applies only to the activations leakyRelu, prelu, elu: activation="relu"',
 * });
 * ```
 */
export function mlp(sizes: readonly number[], options?: MlpOptions): Sequential;
export function mlp(
  sizes: readonly number[],
  options: MlpOptions = {},
  extra?: unknown,
): Sequential {
  const action = "build an MLP";
  refuseTrailing(action, "mlp", "sizes and options", "third", extra);
  options = requireOptions(action, options, MLP_KEYS);
  const activation: unknown = options.activation;
  if (activation !== undefined && typeof activation !== "string") {
    requireActivation(action, activation, 'a name such as "relu"');
  }
  checkActivationParameters(action, options);
  if (!Array.isArray(sizes)) {
    throw new TypeError(
      `Cannot ${action} as sizes must be an array of layer widths, such as [2, 16, 2]: sizes=${
        formatValue(sizes)
      }`,
    );
  }
  if (sizes.length < 2) {
    throw new RangeError(
      `Cannot ${action} as sizes must list at least an input and an output size: sizes=${
        formatValue(sizes)
      }`,
    );
  }
  for (let i = 0; i < sizes.length; i++) {
    requireNumber(action, `sizes[${i}]`, sizes[i], { integer: true, min: 1 });
  }
  if (options.biasInit !== undefined) requireNumber(action, "biasInit", options.biasInit);
  const dropout = requireNumber(action, "dropout", options.dropout ?? 0, {
    min: 0,
    max: 1,
    maxExclusive: true,
  });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const prng = createPrng(seed);
  const hidden = hiddenLayerFactory(options, prng);
  const init = options.init === undefined
    ? defaultInitializer(hidden)
    : resolveInitializer(options.init, { alpha: hidden.slope });
  refuseBiasInit(action, init, options.biasInit);

  const layers: Layer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const isOutput = i + 2 === sizes.length;
    layers.push(
      // The output layer's biases start at Dense's default, 0, or where the initialiser sets them.
      new Dense(sizes[i], sizes[i + 1], {
        init,
        prng,
        biasInit: isOutput ? undefined : options.biasInit,
      }),
    );
    if (isOutput) break;
    layers.push(hidden.create(sizes[i + 1]));
    if (dropout > 0) {
      layers.push(new Dropout(sizes[i + 1], { rate: dropout, seed: drawSeed(prng) }));
    }
  }
  return new Sequential(layers);
}

/** The negative slope of a rectifier given as an Activation object, for the He gain; else 0. */
function objectSlope(activation: Activation): number {
  const { alpha, lower, upper } = activation.params ?? {};
  if (activation.name === "leakyRelu" || activation.name === "prelu") {
    return typeof alpha === "number" ? alpha : 0;
  }
  if (activation.name === "rrelu" && typeof lower === "number" && typeof upper === "number") {
    return (lower + upper) / 2;
  }
  return 0;
}

interface HiddenLayerFactory {
  /** Negative slope, for the He gain. */
  slope: number;
  /** The activation's name. */
  name: string;
  create(size: number): Layer;
}

function hiddenLayerFactory(options: MlpOptions, prng: Prng): HiddenLayerFactory {
  const activation = options.activation ?? "relu";
  if (typeof activation === "object") {
    // The He gain takes the negative slope of the rectifiers, as for their names below: Leaky
    // ReLU's and PReLU's alpha, RReLU's mean slope.
    const slope = objectSlope(activation);
    return {
      slope,
      name: activation.name,
      create: (size) => new ActivationLayer(activation, size),
    };
  }
  if (activation === "prelu") {
    const init = requireNumber("build an MLP", "alpha", options.alpha ?? 0.25);
    const shared = requireFlag("build an MLP", "sharedSlope", options.sharedSlope);
    return { slope: init, name: "prelu", create: (size) => new PReLU(size, { init, shared }) };
  }
  if (activation === "rrelu") {
    // Checked here, before the mean slope reaches the initialiser's gain.
    // As the RReLU layer checks them: a bound left out is explained as its default.
    const [lower, upper] = requireRReluBounds("build an MLP", options.lower, options.upper);
    return {
      slope: (lower + upper) / 2,
      name: "rrelu",
      create: (size) => new RReLU(size, { lower, upper, seed: drawSeed(prng) }),
    };
  }
  // alpha is the one parameter that reaches createActivation (checked above to apply).
  const fn = createActivation(
    activation,
    options.alpha === undefined ? {} : { alpha: options.alpha },
  );
  const slope = activation === "leakyRelu" && typeof fn.params.alpha === "number"
    ? fn.params.alpha
    : 0;
  return { slope, name: activation, create: (size) => new ActivationLayer(fn, size) };
}

function defaultInitializer(hidden: HiddenLayerFactory): Initializer {
  const name = hidden.name;
  if (name === "sigmoid" || name === "tanh" || name === "identity") {
    return resolveInitializer("xavier");
  }
  if (name === "selu") return resolveInitializer("lecun");
  return resolveInitializer("he", { alpha: hidden.slope });
}
