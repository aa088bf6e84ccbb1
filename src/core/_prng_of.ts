/**
 * Private: the generator of a random function's options, once the function has checked them.
 *
 * @module
 */

import { createPrng, type Prng, type RandomOptions } from "./prng.ts";
import { requirePrng } from "./_draw.ts";
import { requireNumber } from "./validate.ts";

/**
 * The generator of a random function's options: `prng`, else one seeded with `seed` (default 0).
 * It reads the function's whole options object, whose keys the function has checked against its
 * own (which include these two) with `requireOptions`. A `prng` that is not a function, or a
 * `seed` (when no `prng` is given) that is not a safe integer, as `createPrng` takes, is refused
 * naming `action`, what the caller was attempting (e.g. `"generate two moons"`), not the Prng
 * the caller never asked for by name.
 */
export function prngOf(options: RandomOptions, action: string): Prng {
  requireRandomOptions(options, action);
  return options.prng ?? createPrng(options.seed ?? 0);
}

/**
 * The checks of {@linkcode prngOf} without the generator, for options that go unused (a random
 * function's evaluation mode): a bad `prng` or `seed` is refused all the same.
 */
export function requireRandomOptions(options: RandomOptions, action: string): void {
  const { prng, seed } = options;
  if (prng === undefined) {
    requireNumber(action, "seed", seed === undefined ? 0 : seed, { integer: true });
  } else requirePrng(action, prng);
}
