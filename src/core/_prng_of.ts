/**
 * Private: the generator of a random function's options, once the function has checked them.
 *
 * @module
 */

import { type Prng, type RandomOptions, resolvePrng } from "./prng.ts";

/**
 * The generator of a random function's options: `prng`, else one seeded with `seed` (default 0).
 * It reads the function's whole options object, whose keys the function has checked against its
 * own (which include these two) with `requireOptions`, and gives {@linkcode resolvePrng}, which
 * refuses any other key, these two alone.
 */
export function prngOf(options: RandomOptions): Prng {
  return resolvePrng({ prng: options.prng, seed: options.seed });
}
