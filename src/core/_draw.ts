/**
 * A draw from a user's generator, checked: a {@linkcode Prng} promises numbers in [0, 1), and one
 * that breaks it (NaN, 2) would otherwise give slopes outside their range or a dropout that
 * drops nothing, silently.
 *
 * @module
 */

import type { Prng } from "./prng.ts";
import { formatValue } from "./validate.ts";

/**
 * One number from `prng`, or a RangeError naming `action` when it is not in [0, 1).
 *
 * @param action What was being attempted, e.g. `"run Dropout(0.5, 8) forward"`.
 * @param prng The generator.
 * @returns The number drawn.
 */
export function drawUniform(action: string, prng: Prng): number {
  const u = prng();
  if (!(u >= 0 && u < 1)) {
    throw new RangeError(
      `Cannot ${action} as prng must return numbers in [0, 1): drew ${formatValue(u)}`,
    );
  }
  return u;
}
