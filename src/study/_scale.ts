/**
 * Private: the scaling the study helpers share, for values of any magnitude.
 *
 * @module
 */

/**
 * A power of two near the largest magnitude among the finite `values` (within a factor of 4),
 * 1 when none is finite and non-zero. Dividing a float64 by it is exact (unless the quotient
 * falls below float64's normal range, where it is negligible beside the largest), so values of
 * any magnitude scaled by it can be summed and squared without overflow or underflow, then
 * scaled back.
 */
export function scaleFor(values: readonly number[]): number {
  let largest = 0;
  for (const v of values) {
    if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  }
  if (largest === 0) return 1;
  // log2 rounds up to 1024 near float64's largest value, whose 2^1024 is Infinity.
  return 2 ** Math.min(1023, Math.max(-1074, Math.floor(Math.log2(largest))));
}
