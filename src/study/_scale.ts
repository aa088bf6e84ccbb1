/**
 * Private: the scaling the study helpers share, for values of any magnitude.
 *
 * @module
 */

/**
 * A power of two near `largest` (within a factor of 4), 1 when `largest` is 0 or not finite.
 * Dividing a float64 by it is exact (unless the quotient falls below float64's normal range,
 * where it is negligible beside `largest`), so values of any magnitude scaled by it can be
 * summed and squared without overflow or underflow, then scaled back.
 */
export function powerOfTwoNear(largest: number): number {
  if (!(largest > 0) || largest === Infinity) return 1;
  // log2 rounds up to 1024 near float64's largest value, whose 2^1024 is Infinity.
  return 2 ** Math.min(1023, Math.max(-1074, Math.floor(Math.log2(largest))));
}
