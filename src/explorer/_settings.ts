/**
 * The explorer's settings: the options a notebook passes to `explore`, their defaults, the
 * ranges its controls offer, and their validation.
 *
 * @module
 */

import { createActivation } from "../activations/create_activation.ts";
import type { Activation } from "../activations/types.ts";
import { requireChoice } from "../core/_require.ts";
import { formatValue, requireNumber } from "../core/validate.ts";
import { deadDefinition, passesGradientBelowZero } from "../diagnostics/_dead_rule.ts";
import { formatSetting } from "./_charts.ts";

/** The hidden activations the explorer offers. */
export type ExplorerActivationName = "relu" | "leakyRelu" | "prelu" | "elu";

/** The data sets the explorer offers (two classes each). */
export type ExplorerDatasetName = "twoMoons" | "circles" | "spirals" | "xor";

/** The optimizers the explorer offers. */
export type ExplorerOptimizerName = "sgd" | "adam";

/**
 * Options of `explore`: the explorer's starting state. A notebook passes its own parameters, so
 * the explorer continues the experiment the notebook ran. Every option is optional.
 */
export interface ExploreOptions {
  /** Hidden activation. Default: `"leakyRelu"`. */
  activation?: ExplorerActivationName;
  /**
   * In [0, 1]: Leaky ReLU's negative slope, PReLU's initial slope (then learned) or ELU's
   * saturation value (f → -alpha as z → -∞); ReLU ignores it. Default: 0.01.
   */
  alpha?: number;
  /** Learning rate, in (0, 10]. Default: 0.03. */
  learningRate?: number;
  /** Optimizer. Default: `"sgd"`. */
  optimizer?: ExplorerOptimizerName;
  /** Initial bias of every hidden neuron, in [-5, 5] (negative values start neurons dead). Default: 0. */
  biasInit?: number;
  /** Hidden layer widths: 1 to 4 layers of 1 to 32 neurons. Default: `[16, 16]`. */
  hidden?: readonly number[];
  /** Data set. Default: `"twoMoons"`. */
  dataset?: ExplorerDatasetName;
  /** The data set's noise, in [0, 1] (for spirals: of the angle, in radians). Default: 0.1. */
  noise?: number;
  /** Number of points (training and test together), an integer in [20, 1000]. Default: 200. */
  n?: number;
  /** Fraction of the points held out for testing, in [0.1, 0.9]. Default: 0.25. */
  testFraction?: number;
  /** Mini-batch size, an integer in [1, 1000]. Default: 10. */
  batchSize?: number;
  /** Epochs to train before stopping, an integer in [1, 5000]. Default: 200. */
  epochs?: number;
  /** Seed of the data, the split, the weights and the shuffling; a safe integer. Default: 0. */
  seed?: number;
}

/** Every option resolved: what the explorer runs with. */
export type ExplorerSettings = Required<ExploreOptions> & { readonly hidden: readonly number[] };

/** The explorer's defaults. */
export const EXPLORER_DEFAULTS: Readonly<ExplorerSettings> = Object.freeze({
  activation: "leakyRelu",
  alpha: 0.01,
  learningRate: 0.03,
  optimizer: "sgd",
  biasInit: 0,
  hidden: Object.freeze([16, 16]),
  dataset: "twoMoons",
  noise: 0.1,
  n: 200,
  testFraction: 0.25,
  batchSize: 10,
  epochs: 200,
  seed: 0,
});

/** Display names of the activations, in menu order. */
export const ACTIVATION_LABELS: Readonly<Record<ExplorerActivationName, string>> = Object.freeze({
  relu: "ReLU",
  leakyRelu: "Leaky ReLU",
  prelu: "PReLU",
  elu: "ELU",
});

/** Display names of the data sets, in menu order. */
export const DATASET_LABELS: Readonly<Record<ExplorerDatasetName, string>> = Object.freeze({
  twoMoons: "two moons",
  circles: "circles",
  spirals: "spirals",
  xor: "XOR",
});

/** Display names of the optimizers, in menu order. */
export const OPTIMIZER_LABELS: Readonly<Record<ExplorerOptimizerName, string>> = Object.freeze({
  sgd: "SGD",
  adam: "Adam",
});

/** The hidden activation of the settings, as the model's hidden layers start with it. */
export function activationOf(settings: Pick<ExplorerSettings, "activation" | "alpha">): Activation {
  return settings.activation === "relu"
    ? createActivation("relu")
    : createActivation(settings.activation, { alpha: settings.alpha });
}

/**
 * The caption of the dead-neuron chart: what counts as dead, and what the hidden activation
 * still passes back to such a neuron, read from its own derivative below 0. Where that is 0
 * (ReLU, and Leaky ReLU or ELU at α = 0) the neuron comes back only when something else moves
 * its pre-activation; Leaky ReLU, PReLU and ELU otherwise pass a share of the gradient, so it can
 * recover by its own. PReLU's slope is learned, so even from α = 0 it can.
 */
export function deadCaption(settings: Pick<ExplorerSettings, "activation" | "alpha">): string {
  const { activation, alpha } = settings;
  const shown = formatSetting(alpha); // as the activation chart writes α
  const rule = deadDefinition("training point") + " ";
  if (activation === "prelu") {
    return rule + `PReLU passes back its slope times the gradient; the slope starts at ` +
      `α = ${shown} and is learned, so the neuron can recover.`;
  }
  if (passesGradientBelowZero(activationOf(settings)) !== true) {
    const which = activation === "relu"
      ? "ReLU outputs 0 there"
      : `${ACTIVATION_LABELS[activation]} at α = 0 is ReLU there`;
    return rule + `${which} and passes no gradient back to it: it comes back only if the ` +
      `layers before it, or an optimizer's momentum, move its pre-activation.`;
  }
  return rule +
    (activation === "leakyRelu"
      ? `Leaky ReLU still passes back α = ${shown} times the gradient, so the neuron can recover.`
      : `ELU still passes back α·e^z = ${shown}·e^z times the gradient (small far below 0, ` +
        `and 0 in float64 only below z ≈ ${eluUnderflow(alpha)}, where it underflows), so the ` +
        `neuron can recover.`);
}

/**
 * Where α·e^z underflows to 0 in float64, to the nearest integer and with a minus sign: below
 * z = ln(m / 2α), m the smallest subnormal, α·e^z is under m / 2 and rounds to 0 (m / 2 itself
 * is 0 in float64, hence the sum of logarithms).
 */
function eluUnderflow(alpha: number): string {
  return `−${-Math.round(Math.log(Number.MIN_VALUE) - Math.LN2 - Math.log(alpha))}`;
}

/** Largest number of hidden layers. */
export const MAX_LAYERS = 4;
/** Largest hidden layer. */
export const MAX_WIDTH = 32;

const ACTION = "explore";

/**
 * Checks `options` and fills in the defaults. Unknown keys throw a `TypeError` naming them; a
 * value of the wrong kind a `TypeError`, one out of range a `RangeError`, each with the value.
 *
 * @param options The options, as a notebook passes them.
 * @returns The complete settings.
 */
export function resolveExplorerSettings(options: ExploreOptions = {}): ExplorerSettings {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(
      `Cannot ${ACTION} as options must be an object: options=${formatValue(options)}`,
    );
  }
  const known = Object.keys(EXPLORER_DEFAULTS);
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `Cannot ${ACTION} as ${unknown.map(formatValue).join(", ")} ${
        unknown.length === 1 ? "is not an option" : "are not options"
      } (the options are ${known.join(", ")})`,
    );
  }
  const given = { ...EXPLORER_DEFAULTS, ...withoutUndefined(options) };
  return {
    activation: requireChoice(ACTION, "activation", given.activation, choicesOf(ACTIVATION_LABELS)),
    alpha: requireNumber(ACTION, "alpha", given.alpha, { min: 0, max: 1 }),
    learningRate: requireNumber(ACTION, "learningRate", given.learningRate, {
      min: 0,
      minExclusive: true,
      max: 10,
    }),
    optimizer: requireChoice(ACTION, "optimizer", given.optimizer, choicesOf(OPTIMIZER_LABELS)),
    biasInit: requireNumber(ACTION, "biasInit", given.biasInit, { min: -5, max: 5 }),
    hidden: requireHidden(given.hidden),
    dataset: requireChoice(ACTION, "dataset", given.dataset, choicesOf(DATASET_LABELS)),
    noise: requireNumber(ACTION, "noise", given.noise, { min: 0, max: 1 }),
    n: requireNumber(ACTION, "n", given.n, { integer: true, min: 20, max: 1000 }),
    testFraction: requireNumber(ACTION, "testFraction", given.testFraction, {
      min: 0.1,
      max: 0.9,
    }),
    batchSize: requireNumber(ACTION, "batchSize", given.batchSize, {
      integer: true,
      min: 1,
      max: 1000,
    }),
    epochs: requireNumber(ACTION, "epochs", given.epochs, { integer: true, min: 1, max: 5000 }),
    seed: requireNumber(ACTION, "seed", given.seed, { integer: true }), // a safe integer
  };
}

/**
 * The seed the page's seed field holds (its `valueAsNumber`), or undefined when it is no whole
 * number within ±(2^53 − 1): empty (NaN), fractional or too large. A fraction is refused, not
 * rounded, as `explore` refuses it.
 *
 * @example
 * ```ts
 * import { typedSeed } from "./_settings.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(typedSeed(7), 7);
 * assert.equal(typedSeed(2.5), undefined);
 * assert.equal(typedSeed(NaN), undefined); // an empty field
 * assert.equal(typedSeed(1e20), undefined);
 * ```
 */
export function typedSeed(value: number): number | undefined {
  return Number.isSafeInteger(value) ? value + 0 : undefined; // + 0: -0 becomes 0
}

/**
 * The page's hint for a refused seed: what a seed must be, what was typed, the seed kept. With
 * `unreadable`, the field held text it could not read as a number (its value is then empty).
 *
 * @example
 * ```ts
 * import { seedRefusal } from "./_settings.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   seedRefusal("0.4", 3),
 *   "The seed must be a whole number within ±(2^53 − 1), not 0.4; the run keeps seed 3.",
 * );
 * assert.equal(
 *   seedRefusal("", 3, true),
 *   "The seed must be a whole number within ±(2^53 − 1); what was typed is no number; the run keeps seed 3.",
 * );
 * ```
 */
export function seedRefusal(typed: string, kept: number, unreadable = false): string {
  const seen = unreadable
    ? "; what was typed is no number"
    : typed.trim() === ""
    ? ", not empty"
    : `, not ${typed.trim()}`;
  return `The seed must be a whole number within ±(2^53 − 1)${seen}; the run keeps seed ${kept}.`;
}

function withoutUndefined(options: ExploreOptions): ExploreOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** A menu's choices: the keys of its labels. */
function choicesOf<K extends string>(labels: Readonly<Record<K, string>>): K[] {
  return Object.keys(labels) as K[];
}

function requireHidden(hidden: unknown): readonly number[] {
  if (!Array.isArray(hidden)) {
    throw new TypeError(
      `Cannot ${ACTION} as hidden must be an array of layer widths: hidden=${formatValue(hidden)}`,
    );
  }
  if (hidden.length < 1 || hidden.length > MAX_LAYERS) {
    throw new RangeError(
      `Cannot ${ACTION} as hidden must list 1 to ${MAX_LAYERS} layer widths: hidden=${
        formatValue(hidden)
      }`,
    );
  }
  // An index loop, not forEach: forEach skips a hole ([16, , 16]) that is a missing width.
  for (let i = 0; i < hidden.length; i++) {
    requireNumber(ACTION, `hidden[${i}]`, hidden[i], { integer: true, min: 1, max: MAX_WIDTH });
  }
  return Object.freeze([...hidden]);
}
