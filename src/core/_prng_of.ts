/**
 * Private: the generator of a random function's options, once the function has checked them.
 *
 * @module
 */

import { createPrng, type Prng, type RandomOptions } from "./prng.ts";
import { requireRandomOptions } from "./_draw.ts";

/**
 * The generator of a random function's options: `prng`, else one seeded with `seed` (default 0).
 * It reads the function's whole options object, whose keys the function has checked against its
 * own (which include these two) with `requireOptions`, and checks them with
 * {@linkcode requireRandomOptions}.
 */
export function prngOf(options: RandomOptions, action: string): Prng {
  requireRandomOptions(options, action);
  return options.prng ?? createPrng(options.seed ?? 0);
}
