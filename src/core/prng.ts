/**
 * The one pseudo-random number generator type of relu-lab, and its seeded constructor.
 *
 * Everything random in relu-lab takes a {@linkcode Prng} (usually as `{ prng }`) or a seed
 * (`{ seed }`), never `Math.random`, so the same seed always gives the same bits.
 *
 * @module
 */

import { refuseTrailing } from "./_require.ts";
import { drawNormal, requirePrng, requireRandomOptions } from "./_draw.ts";
import { type OptionKeys, requireNumber, requireOptions } from "./validate.ts";

/** A source of uniform random numbers in [0, 1), like `Math.random`. */
export type Prng = () => number;

/**
 * Creates a seeded {@linkcode Prng} (the sfc32 generator, seeded through splitmix32).
 *
 * @param seed An integer seed; any safe integer, negative ones included.
 * @returns A generator of uniform numbers in [0, 1) with 2^-32 resolution.
 *
 * @example Same seed, same sequence
 * ```ts
 * import { createPrng } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const a = createPrng(42);
 * const b = createPrng(42);
 * assert.equal(a(), b());
 * const u = a();
 * assert.ok(u >= 0 && u < 1);
 * ```
 */
export function createPrng(seed: number): Prng;
export function createPrng(seed: number, extra?: unknown, array?: unknown): Prng {
  refuseTrailing("create a Prng", "createPrng", "seed alone", "second", extra, seed, array);
  requireNumber("create a Prng", "seed", seed, { integer: true }); // a safe integer
  // splitmix32 expands the seed's low 32 bits into four well-mixed state words; its high
  // bits (0 for seeds 0 to 2^32 - 1) change the second word through a bijection that leaves 0
  // at 0, so no two safe integers share a state (the first word determines the low bits).
  const low = seed | 0, high = Math.floor(seed / 0x100000000) | 0;
  let s = low;
  const next = () => {
    s = (s + 0x9e3779b9) | 0;
    return mix32(s);
  };
  let a = next(),
    b = next() ^ (mix32(high + 0x6a09e667) ^ mix32(0x6a09e667)),
    c = next(),
    d = next();
  const prng: Prng = () => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) prng(); // warm up
  return prng;
}

/** splitmix32's finalizer: a bijection of 32-bit words. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Options accepted by every random function: a generator, or a seed to build one. */
export interface RandomOptions {
  /** The generator to draw from. Give this or `seed`, not both. */
  prng?: Prng;
  /** A seed for a fresh {@linkcode createPrng} generator. Default: 0 (when no `prng` is given). */
  seed?: number;
}

const RANDOM_KEYS: OptionKeys<RandomOptions> = { seed: "number", prng: true };

/**
 * Returns `options.prng`, or a new generator seeded with `options.seed` (default 0).
 *
 * Any key but these two is refused, so that a typo such as `sed` is not read as the default
 * seed 0, and so are both given at once, where the seed would go unused. (relu-lab's random
 * functions check their own options, which include these two, and pick their generator by the
 * same rule, refusing a bad seed or prng in their own name.)
 *
 * @param options The `{ prng, seed }` options of a random function.
 * @returns The generator to use.
 *
 * @example
 * ```ts
 * import { createPrng, resolvePrng } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(resolvePrng({ seed: 7 })(), createPrng(7)());
 * const typo = { sed: 7 };
 * // @ts-expect-error: a typo
 * assert.throws(() => resolvePrng(typo), {
 *   name: "TypeError",
 *   message:
 *     'Cannot resolve a prng as options must have only the keys seed, prng: unknown key "sed"',
 * });
 * assert.throws(() => resolvePrng({ seed: 7, prng: Math.random }), /must not both be given/);
 * ```
 */
export function resolvePrng(options?: RandomOptions): Prng;
export function resolvePrng(options: RandomOptions = {}, extra?: unknown, array?: unknown): Prng {
  const action = "resolve a prng";
  refuseTrailing(action, "resolvePrng", "options alone", "second", extra, options, array);
  requireRandomOptions(requireOptions(action, options, RANDOM_KEYS), action);
  return options.prng ?? createPrng(options.seed ?? 0);
}

/**
 * Draws one standard normal sample (mean 0, variance 1) with the Box–Muller transform.
 *
 * @param prng The generator to draw from.
 * @returns A sample of N(0, 1).
 *
 * @example
 * ```ts
 * import { createPrng, randomNormal } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const prng = createPrng(1);
 * let sum = 0;
 * for (let i = 0; i < 10_000; i++) sum += randomNormal(prng);
 * assert.ok(Math.abs(sum / 10_000) < 0.05);
 * ```
 */
export function randomNormal(prng: Prng): number;
export function randomNormal(prng: Prng, extra?: unknown): number {
  refuseTrailing("draw a normal sample", "randomNormal", "prng alone", "second", extra);
  requirePrng("draw a normal sample", prng, " (createPrng(seed) makes one)");
  return drawNormal("draw a normal sample", prng);
}
