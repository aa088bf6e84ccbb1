/**
 * Weight initialisers: He (Kaiming), Xavier (Glorot), LeCun, constant, zeros, a naive normal,
 * and the randomized asymmetric initialisation (RAI) of Lu et al. (2019).
 *
 * Each initialiser fills a dense layer's `fanIn x fanOut` weight matrix (row-major, one column
 * per neuron) from a {@linkcode Prng}. Biases are set by the layer (`biasInit`); only RAI draws
 * them too.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { checkMatrix, shapeOf } from "./_check.ts";
import type { Prng } from "../core/prng.ts";
import { drawNormal, drawPositive, drawUniform, requirePrng } from "../core/_draw.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";

/** Fills a dense layer's weights (and, for RAI, biases) from a generator. */
export interface Initializer {
  /** The initialiser's name, e.g. `"heNormal"`. */
  readonly name: string;
  /** The parameters it was made with, e.g. `{ alpha: 0.01 }`. */
  readonly params: Readonly<Record<string, number>>;
  /**
   * True when {@linkcode Initializer.fill} sets the biases too (RAI): a layer given such an
   * initialiser refuses a `biasInit`, which it would overwrite. Default: false.
   */
  readonly setsBiases?: boolean;
  /**
   * Fills `weights` (rows = fan-in, columns = fan-out, one column per neuron). `biases` holds
   * the layer's bias initialisation, one per neuron; only initialisers that define biases
   * overwrite it. The initialisers of this module check these arguments (a malformed matrix,
   * biases of another length or a `prng` that is no function throw) before writing.
   */
  fill(weights: Matrix, biases: Float64Array, prng: Prng): void;
}

/**
 * `init` with its `fill` checking its arguments once per call, before it writes: `weights` a
 * well-formed matrix, `biases` a Float64Array of one value per neuron (column), `prng` a
 * function. Anything else would fail deep in a loop with the engine's own words, or (biases too
 * short) leave neurons out without a word.
 */
function checked(init: Initializer): Initializer {
  const action = `fill weights with ${init.name}`;
  const fill = init.fill;
  return {
    ...init,
    fill(weights: Matrix, biases: Float64Array, prng: Prng): void {
      checkMatrix(action, "weights", weights);
      if (!(biases instanceof Float64Array)) {
        throw new TypeError(
          `Cannot ${action} as biases must be a Float64Array: biases=${formatValue(biases)}`,
        );
      }
      if (biases.length !== weights.cols) {
        throw new RangeError(
          `Cannot ${action} as biases must hold one value per neuron (column of the ${
            shapeOf(weights)
          } weights): biases.length=${biases.length}`,
        );
      }
      requirePrng(action, prng);
      fill(weights, biases, prng);
    },
  };
}

/** Fills `data` from N(mean, std²); a broken `prng` is refused naming the initializer. */
function fillNormal(name: string, data: Float64Array, std: number, prng: Prng, mean = 0): void {
  const action = `fill weights with ${name}`;
  for (let i = 0; i < data.length; i++) data[i] = mean + std * drawNormal(action, prng);
}

/** Fills `data` from U(-limit, limit); a broken `prng` is refused naming the initializer. */
function fillUniform(name: string, data: Float64Array, limit: number, prng: Prng): void {
  const action = `fill weights with ${name}`;
  for (let i = 0; i < data.length; i++) data[i] = (2 * drawUniform(action, prng) - 1) * limit;
}

/**
 * The He gain for rectifiers with negative slope `alpha`: `sqrt(2 / (1 + alpha^2))`
 * (`sqrt(2)` for ReLU, just under it for Leaky ReLU with a small alpha, 1 for the identity).
 *
 * @param alpha The negative slope, a finite number (0 for ReLU).
 * @returns The gain.
 *
 * @example
 * ```ts
 * import { heGain } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(heGain(0), Math.SQRT2);
 * assert.equal(heGain(1), 1);
 * ```
 */
export function heGain(alpha?: number): number;
export function heGain(alpha = 0, extra?: unknown, array?: unknown): number {
  refuseTrailing("compute the He gain", "heGain", "alpha alone", "second", extra, alpha, array);
  requireNumber("compute the He gain", "alpha", alpha);
  const square = alpha * alpha;
  // Beyond |alpha| ≈ 1.3e154 the square overflows and the gain would read 0: √2 / |alpha| then.
  return Number.isFinite(square) ? Math.sqrt(2 / (1 + square)) : Math.SQRT2 / Math.abs(alpha);
}

/** Options of the He initialisers. */
export interface HeOptions {
  /** Negative slope of the rectifier that follows (0 for ReLU; Leaky/PReLU slope otherwise). Default: 0. */
  alpha?: number;
}

const HE_KEYS: OptionKeys<HeOptions> = { alpha: "number" };

/**
 * He (Kaiming) normal initialisation: weights from N(0, gain² / fanIn) with
 * gain = sqrt(2 / (1 + alpha²)) (He et al. 2015). Not truncated.
 *
 * @param options `alpha`: the negative slope of the rectifier (default 0, plain ReLU).
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, heNormal, matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(400, 50);
 * heNormal().fill(w, new Float64Array(50), createPrng(1));
 * const variance = w.data.reduce((s, v) => s + v * v, 0) / w.data.length;
 * assert.ok(Math.abs(variance - 2 / 400) < 0.0005);
 * ```
 */
export function heNormal(options?: HeOptions): Initializer;
export function heNormal(options: HeOptions = {}, extra?: unknown, array?: unknown): Initializer {
  refuseTrailing("create heNormal", "heNormal", "options alone", "second", extra, options, array);
  requireOptions("create heNormal", options, HE_KEYS);
  const alpha = requireNumber("create heNormal", "alpha", options.alpha ?? 0);
  const gain = heGain(alpha);
  return checked({
    name: "heNormal",
    params: { alpha },
    fill: (w, _b, prng) => fillNormal("heNormal", w.data, gain / Math.sqrt(w.rows), prng),
  });
}

/**
 * He (Kaiming) uniform initialisation: weights from U(-limit, limit) with
 * limit = gain * sqrt(3 / fanIn), gain = sqrt(2 / (1 + alpha²)), so the variance is gain² / fanIn.
 *
 * @param options `alpha`: the negative slope of the rectifier (default 0, plain ReLU).
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, heUniform, matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(6, 4);
 * heUniform().fill(w, new Float64Array(4), createPrng(1));
 * assert.ok(w.data.every((v) => Math.abs(v) <= 1));
 * ```
 */
export function heUniform(options?: HeOptions): Initializer;
export function heUniform(options: HeOptions = {}, extra?: unknown, array?: unknown): Initializer {
  refuseTrailing("create heUniform", "heUniform", "options alone", "second", extra, options, array);
  requireOptions("create heUniform", options, HE_KEYS);
  const alpha = requireNumber("create heUniform", "alpha", options.alpha ?? 0);
  const gain = heGain(alpha);
  return checked({
    name: "heUniform",
    params: { alpha },
    fill: (w, _b, prng) => fillUniform("heUniform", w.data, gain * Math.sqrt(3 / w.rows), prng),
  });
}

/**
 * Xavier (Glorot) normal initialisation: weights from N(0, 2 / (fanIn + fanOut))
 * (Glorot and Bengio 2010), suited to tanh and sigmoid. It takes no options: an argument
 * (`xavierNormal({ gain: 2 })`) throws a `TypeError` rather than be ignored.
 *
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, matrix, xavierNormal } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(300, 100);
 * xavierNormal().fill(w, new Float64Array(100), createPrng(1));
 * const variance = w.data.reduce((s, v) => s + v * v, 0) / w.data.length;
 * assert.ok(Math.abs(variance - 2 / 400) < 0.0005);
 * ```
 */
export function xavierNormal(): Initializer;
export function xavierNormal(extra?: unknown): Initializer {
  refuseTrailing("create xavierNormal", "xavierNormal", "no arguments", "first", extra);
  return checked({
    name: "xavierNormal",
    params: {},
    fill: (w, _b, prng) =>
      fillNormal("xavierNormal", w.data, Math.sqrt(2 / (w.rows + w.cols)), prng),
  });
}

/**
 * Xavier (Glorot) uniform initialisation: weights from U(-limit, limit) with
 * limit = sqrt(6 / (fanIn + fanOut)).
 *
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, matrix, xavierUniform } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(3, 3);
 * xavierUniform().fill(w, new Float64Array(3), createPrng(1));
 * assert.ok(w.data.every((v) => Math.abs(v) <= 1));
 * ```
 */
export function xavierUniform(): Initializer;
export function xavierUniform(extra?: unknown): Initializer {
  refuseTrailing("create xavierUniform", "xavierUniform", "no arguments", "first", extra);
  return checked({
    name: "xavierUniform",
    params: {},
    fill: (w, _b, prng) =>
      fillUniform("xavierUniform", w.data, Math.sqrt(6 / (w.rows + w.cols)), prng),
  });
}

/**
 * LeCun normal initialisation: weights from N(0, 1 / fanIn) (LeCun et al. 1998), the one
 * SELU expects.
 *
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, lecunNormal, matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(400, 50);
 * lecunNormal().fill(w, new Float64Array(50), createPrng(2));
 * const variance = w.data.reduce((s, v) => s + v * v, 0) / w.data.length;
 * assert.ok(Math.abs(variance - 1 / 400) < 0.0003);
 * ```
 */
export function lecunNormal(): Initializer;
export function lecunNormal(extra?: unknown): Initializer {
  refuseTrailing("create lecunNormal", "lecunNormal", "no arguments", "first", extra);
  return checked({
    name: "lecunNormal",
    params: {},
    fill: (w, _b, prng) => fillNormal("lecunNormal", w.data, 1 / Math.sqrt(w.rows), prng),
  });
}

/**
 * LeCun uniform initialisation: weights from U(-sqrt(3 / fanIn), sqrt(3 / fanIn)).
 *
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, lecunUniform, matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(3, 2);
 * lecunUniform().fill(w, new Float64Array(2), createPrng(1));
 * assert.ok(w.data.every((v) => Math.abs(v) <= 1));
 * ```
 */
export function lecunUniform(): Initializer;
export function lecunUniform(extra?: unknown): Initializer {
  refuseTrailing("create lecunUniform", "lecunUniform", "no arguments", "first", extra);
  return checked({
    name: "lecunUniform",
    params: {},
    fill: (w, _b, prng) => fillUniform("lecunUniform", w.data, Math.sqrt(3 / w.rows), prng),
  });
}

const NORMAL_INIT_KEYS: OptionKeys<{ sigma?: number; mean?: number }> = {
  sigma: "number",
  mean: "number",
};

/**
 * Naive normal initialisation: weights from N(mean, sigma²) whatever the layer's size — the
 * "small random numbers" that make deep ReLU networks vanish (small sigma) or explode (large).
 *
 * @param options `sigma`: standard deviation, a finite number >= 0 (default 0.01); `mean` (default 0).
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, matrix, normalInit } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(2, 2);
 * normalInit({ sigma: 0 , mean: 3 }).fill(w, new Float64Array(2), createPrng(1));
 * assert.deepEqual(Array.from(w.data), [3, 3, 3, 3]);
 * ```
 */
export function normalInit(options?: { sigma?: number; mean?: number }): Initializer;
export function normalInit(
  options: { sigma?: number; mean?: number } = {},
  extra?: unknown,
  array?: unknown,
): Initializer {
  refuseTrailing(
    "create normalInit",
    "normalInit",
    "options alone",
    "second",
    extra,
    options,
    array,
  );
  requireOptions("create normalInit", options, NORMAL_INIT_KEYS);
  const sigma = requireNumber("create normalInit", "sigma", options.sigma ?? 0.01, { min: 0 });
  const mean = requireNumber("create normalInit", "mean", options.mean ?? 0);
  return checked({
    name: "normal",
    params: { sigma, mean },
    fill: (w, _b, prng) => fillNormal("normal", w.data, sigma, prng, mean),
  });
}

/**
 * Constant initialisation: every weight equals `value` (every neuron then learns the same
 * thing — a teaching counter-example).
 *
 * @param value A finite number.
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { constantInit, createPrng, matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(1, 2);
 * constantInit(0.5).fill(w, new Float64Array(2), createPrng(1));
 * assert.deepEqual(Array.from(w.data), [0.5, 0.5]);
 * ```
 */
export function constantInit(value: number): Initializer;
export function constantInit(value: number, extra?: unknown, array?: unknown): Initializer {
  refuseTrailing(
    "create constantInit",
    "constantInit",
    "value alone",
    "second",
    extra,
    value,
    array,
  );
  requireNumber("create constantInit", "value", value);
  return checked({ name: "constant", params: { value }, fill: (w) => w.data.fill(value) });
}

/**
 * Zero initialisation: every weight is 0.
 *
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, matrix, zerosInit } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(1, 2, new Float64Array([1, 2]));
 * zerosInit().fill(w, new Float64Array(2), createPrng(1));
 * assert.deepEqual(Array.from(w.data), [0, 0]);
 * ```
 */
export function zerosInit(): Initializer;
export function zerosInit(extra?: unknown): Initializer {
  refuseTrailing("create zerosInit", "zerosInit", "no arguments", "first", extra);
  return checked({ name: "zeros", params: {}, fill: (w) => w.data.fill(0) });
}

/** Options of {@linkcode randomAsymmetricInit}. */
export interface RandomAsymmetricOptions {
  /** Scale of the symmetric part: entries are N(0, sigma² / fanIn). Default: 0.6007. */
  sigma?: number;
}

const RANDOM_ASYMMETRIC_KEYS: OptionKeys<RandomAsymmetricOptions> = { sigma: "number" };

/**
 * Randomized asymmetric initialisation (RAI) of Lu, Shin, Su and Karniadakis (2019), "Dying
 * ReLU and Initialization: Theory and Numerical Examples".
 *
 * What this implements, for each neuron j (column j of the weights) with fan-in d: let
 * v = (w_1j, ..., w_dj, b_j), its d incoming weights and its bias. Every entry of v is drawn
 * from the symmetric distribution Q = N(0, sigma² / d); then one index k, uniform over the d + 1
 * entries, is redrawn from the positive distribution P = Beta(2, 1) (density 2t on [0, 1],
 * sampled as sqrt(u)). So every neuron starts with one positive weight or bias. P = Beta(2, 1)
 * and sigma = 0.6007 are the paper's recommended choice (as in the authors' reference code).
 * This initialiser sets the biases (`setsBiases`), so Dense and `mlp` refuse a `biasInit` beside it.
 *
 * @param options `sigma`: scale of the symmetric part (default 0.6007).
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { createPrng, matrix, randomAsymmetricInit } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const w = matrix(3, 5);
 * const b = new Float64Array(5);
 * randomAsymmetricInit({ sigma: 0 }).fill(w, b, createPrng(1));
 * // With sigma = 0 only the asymmetric entry is non-zero: one positive value per neuron.
 * for (let j = 0; j < 5; j++) {
 *   const v = [w.data[j], w.data[5 + j], w.data[10 + j], b[j]];
 *   assert.equal(v.filter((x) => x > 0).length, 1);
 * }
 * ```
 */
export function randomAsymmetricInit(options?: RandomAsymmetricOptions): Initializer;
export function randomAsymmetricInit(
  options: RandomAsymmetricOptions = {},
  extra?: unknown,
  array?: unknown,
): Initializer {
  refuseTrailing(
    "create randomAsymmetricInit",
    "randomAsymmetricInit",
    "options alone",
    "second",
    extra,
    options,
    array,
  );
  requireOptions("create randomAsymmetricInit", options, RANDOM_ASYMMETRIC_KEYS);
  const sigma = requireNumber("create randomAsymmetricInit", "sigma", options.sigma ?? 0.6007, {
    min: 0,
  });
  return checked({
    name: "randomAsymmetric",
    params: { sigma },
    setsBiases: true,
    fill: (w, biases, prng) => {
      const action = "fill weights with randomAsymmetric";
      const fanIn = w.rows, fanOut = w.cols, data = w.data;
      const std = fanIn === 0 ? 0 : sigma / Math.sqrt(fanIn);
      for (let j = 0; j < fanOut; j++) {
        for (let i = 0; i < fanIn; i++) data[i * fanOut + j] = std * drawNormal(action, prng);
        biases[j] = std * drawNormal(action, prng);
        const k = Math.min(fanIn, Math.floor(drawUniform(action, prng) * (fanIn + 1)));
        // Beta(2, 1) by inverse CDF; the positive entry must be > 0.
        const positive = Math.sqrt(drawPositive(action, prng));
        if (k === fanIn) biases[j] = positive;
        else data[k * fanOut + j] = positive;
      }
    },
  });
}

/** Initialiser names accepted wherever an {@linkcode Initializer} is expected. */
export type InitializerName =
  | "he"
  | "heNormal"
  | "heUniform"
  | "xavier"
  | "xavierNormal"
  | "xavierUniform"
  | "lecun"
  | "lecunNormal"
  | "lecunUniform"
  | "zeros"
  | "rai"
  | "randomAsymmetric";

/**
 * Resolves an initialiser given by name (`"he"` is He normal, `"xavier"` Xavier normal,
 * `"lecun"` LeCun normal, `"rai"` randomized asymmetric) or returns the one given.
 *
 * @param init A name or an {@linkcode Initializer}: an unknown name throws a `RangeError`, a
 *   value of another type (an object without `fill`) a `TypeError`.
 * @param options `alpha`: the negative slope passed to the He initialisers (default 0).
 * @returns The initialiser.
 *
 * @example
 * ```ts
 * import { resolveInitializer } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(resolveInitializer("he", { alpha: 0.01 }).params.alpha, 0.01);
 * assert.throws(() => resolveInitializer("kaiming" as "he"), RangeError);
 * ```
 */
export function resolveInitializer(
  init: InitializerName | Initializer,
  options?: HeOptions,
): Initializer;
export function resolveInitializer(
  init: InitializerName | Initializer,
  options: HeOptions = {},
  extra?: unknown,
): Initializer {
  refuseTrailing(
    "resolve an initializer",
    "resolveInitializer",
    "init and options",
    "third",
    extra,
  );
  requireOptions("resolve an initializer", options, HE_KEYS);
  if (typeof init === "object" && init !== null && typeof init.fill === "function") return init;
  switch (init) {
    case "he":
    case "heNormal":
      return heNormal(options);
    case "heUniform":
      return heUniform(options);
    case "xavier":
    case "xavierNormal":
      return xavierNormal();
    case "xavierUniform":
      return xavierUniform();
    case "lecun":
    case "lecunNormal":
      return lecunNormal();
    case "lecunUniform":
      return lecunUniform();
    case "zeros":
      return zerosInit();
    case "rai":
    case "randomAsymmetric":
      return randomAsymmetricInit();
  }
  const message =
    `Cannot resolve an initializer as init must be an Initializer or one of "he", "heNormal", "heUniform", "xavier", "xavierNormal", "xavierUniform", "lecun", "lecunNormal", "lecunUniform", "zeros", "rai", "randomAsymmetric": init=${
      formatValue(init)
    }`;
  // An unknown name is out of range; anything else (an object without fill) of the wrong type.
  throw typeof init === "string" ? new RangeError(message) : new TypeError(message);
}
