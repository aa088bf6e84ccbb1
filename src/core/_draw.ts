/**
 * Draws from a user's generator, checked: a {@linkcode Prng} promises numbers in [0, 1), and one
 * that breaks it (NaN, 2, or 0 on and on) would otherwise give slopes outside their range, a
 * dropout that drops nothing, NaN weights or a loop that never ends, silently.
 *
 * @module
 */

import type { Prng, RandomOptions } from "./prng.ts";
import { formatValue, requireNumber } from "./validate.ts";

/**
 * Refuses a `prng` that is not a function, naming `action` (e.g. `"generate two moons"`); `hint`
 * follows the requirement (e.g. `" (createPrng(seed) makes one)"`).
 */
export function requirePrng(action: string, prng: unknown, hint = ""): asserts prng is Prng {
  if (typeof prng !== "function") {
    throw new TypeError(
      `Cannot ${action} as prng must be a function returning numbers in [0, 1)${hint}: prng=${
        formatValue(prng)
      }`,
    );
  }
}

/**
 * Checks a random function's `{ prng, seed }`, naming `action`, what the caller was attempting
 * (e.g. `"generate two moons"`), not the Prng the caller never asked for by name: a `prng` that
 * is not a function, a `seed` that is not a safe integer (as `createPrng` takes), and both given
 * at once, where the seed would go unused (and a bad one pass unseen).
 */
export function requireRandomOptions(options: RandomOptions, action: string): void {
  const { prng, seed } = options;
  if (prng !== undefined && seed !== undefined) {
    throw new TypeError(
      `Cannot ${action} as seed and prng must not both be given (the prng would be drawn from, the seed unused): seed=${
        formatValue(seed)
      }, prng=${formatValue(prng)}`,
    );
  }
  if (prng === undefined) {
    requireNumber(action, "seed", seed === undefined ? 0 : seed, { integer: true });
  } else requirePrng(action, prng);
}

/**
 * How many zeros in a row {@linkcode drawPositive} redraws before it calls the generator broken.
 */
const ZERO_REDRAWS = 64;

/**
 * One number from `prng`, or a RangeError naming `action` when it is not a number in [0, 1) (a
 * string such as `"0.5"` or a bigint would pass the comparisons and be coerced later).
 *
 * @param action What was being attempted, e.g. `"run Dropout(3, rate 0.5)"`.
 * @param prng The generator.
 * @returns The number drawn.
 */
export function drawUniform(action: string, prng: Prng): number {
  const u = prng();
  if (!(typeof u === "number" && u >= 0 && u < 1)) throw broken(action, u, "[0, 1)");
  return u;
}

/**
 * One number from `prng` in (0, 1), for a logarithm or a square root that must not see 0: a 0 is
 * drawn again (a generator of [0, 1) gives it once in 2^32 draws), at most 64 times in a row.
 *
 * @param action What was being attempted, e.g. `"draw a normal sample"`.
 * @param prng The generator.
 * @returns The number drawn.
 */
export function drawPositive(action: string, prng: Prng): number {
  let u = prng();
  for (let draws = 1; u === 0 && draws < ZERO_REDRAWS; draws++) u = prng();
  if (!(typeof u === "number" && u > 0 && u < 1)) {
    throw broken(action, u, u === 0 ? `(0, 1), not 0 ${ZERO_REDRAWS} times running` : "[0, 1)");
  }
  return u;
}

function broken(action: string, u: unknown, range: string): RangeError {
  return new RangeError(
    `Cannot ${action} as prng must return numbers in ${range}: drew ${formatValue(u)}`,
  );
}

/**
 * One standard normal sample (mean 0, variance 1) from `prng` by the Box–Muller transform, each
 * draw checked, a broken generator refused naming `action` (e.g. `"generate blobs"`).
 */
export function drawNormal(action: string, prng: Prng): number {
  const u = drawPositive(action, prng); // log(0) would be -Infinity
  const v = drawUniform(action, prng);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
