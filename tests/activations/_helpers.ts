/** Shared test helpers for the activation tests. */

/** Same value, treating -0 and +0 as equal and NaN as equal to NaN. */
export function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** |a - b| <= tolerance * max(1, |a|, |b|). */
export function close(a: number, b: number, tolerance: number): boolean {
  if (sameNumber(a, b)) return true;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The edge inputs every activation is checked on. */
export const EDGES = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1e308, -1e308, 1, -1];
