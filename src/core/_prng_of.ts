/**
 * Private: the generator of a random function's options, once the function has checked them.
 *
 * @module
 */

import { type Prng, type RandomOptions, resolvePrng } from "./prng.ts";
import { formatValue, requireNumber } from "./validate.ts";

/**
 * The generator of a random function's options: `prng`, else one seeded with `seed` (default 0).
 * It reads the function's whole options object, whose keys the function has checked against its
 * own (which include these two) with `requireOptions`, and gives {@linkcode resolvePrng}, which
 * refuses any other key, these two alone.
 *
 * Given `action` (what the caller was attempting, e.g. `"generate two moons"`), a `prng` that is
 * not a function, or a `seed` (when no `prng` is given) that is not a safe integer, is refused
 * naming that action, not the Prng that the caller never asked for by name. The rules are
 * {@linkcode resolvePrng}'s and `createPrng`'s: what passes is passed on to them.
 */
export function prngOf(options: RandomOptions, action?: string): Prng {
  const { prng, seed } = options;
  if (action !== undefined) {
    if (prng !== undefined && typeof prng !== "function") {
      throw new TypeError(
        `Cannot ${action} as prng must be a function returning numbers in [0, 1): prng=${
          formatValue(prng)
        }`,
      );
    }
    // createPrng's rule (a safe integer), checked here to name the caller's action.
    if (prng === undefined && seed !== undefined) {
      requireNumber(action, "seed", seed, { integer: true });
    }
  }
  return resolvePrng({ prng, seed });
}
