/**
 * The error function erf and its complement erfc, which `Math` lacks (GELU needs them).
 *
 * - |x| < 0.5: erf comes from the series `erf(x) = 2/√π e^{-x²} Σ 2ⁿ x^{2n+1} / (2n+1)!!`,
 *   whose terms are all positive (no cancellation), and erfc from `1 - erf(x)` (erfc > 0.47
 *   there, so at most a factor 2 of cancellation).
 * - 0.5 <= x < 2: erfc comes from its Taylor polynomial of degree 15 about the nearest of the
 *   centres c = 5/8, 7/8, …, 15/8 (|x - c| <= 1/8), whose coefficients follow from
 *   `erfc'' = -2x erfc'` and the stored erfc(c) and erfc'(c) (`1 - erf(x)` cancels here:
 *   erfc(2) ≈ 0.0047).
 * - x >= 2: erfc comes from its continued fraction
 *   `erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))`, evaluated backwards to
 *   a depth set for each range, times e^{-x²} computed without rounding x² first.
 * - x <= -0.5: erfc(x) = 2 - erfc(-x). For |x| >= 0.5, erf(x) = ±(1 - erfc(|x|)) (erf is odd).
 *
 * Measured against mpmath (50 digits) on a grid of step 0.001 over [-6, 27] plus the points
 * around each switch (33,443 points): erfc's relative error is at most 5.3e-16 (largest for
 * 0 < x < 0.5; at most 4.5e-16 for x >= 0.5) where erfc(x) is a normal float64 (x < 26.54),
 * and above that, where erfc is subnormal, its error is below one unit of the smallest
 * subnormal (2⁻¹⁰⁷⁴); erf's relative error is at most 6.1e-16. Python's `math.erfc` (C libm)
 * measured 3.8e-16 on the same grid. Off the grid the series part does a little worse: at
 * x = 0.4487118721008301 erfc is off by 7.6e-16 and erf by 7.3e-16, and 12 of 8,000 random
 * points in (0, 0.5) exceed 5.3e-16 (a read-only audit, 2026-12-08).
 *
 * @module
 */

import { type AloneNames, requireAlone } from "./_kink.ts";

/** erf and erfc name their argument x. */
const X_ALONE: AloneNames = { arg: "x" };
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
/** Where erfc switches from the Taylor polynomials to the continued fraction. */
const SWITCH = 2;
/** From here on erfc(x) rounds to 0 (erfc(27.3) ≈ 4.4e-326 < 2⁻¹⁰⁷⁵). */
const UNDERFLOW = 27.3;
/** From here up to {@link SWITCH}, erfc comes from Taylor polynomials (1 - erf cancels). */
const TAYLOR_FROM = 0.5;
/** The Taylor polynomials' degree: it leaves under 5.1e-19 relative (mpmath, worst at x = 2). */
const TAYLOR_DEGREE = 15;
/** 1/((n+2)(n+1)) for the Taylor recurrence (a multiplication is faster than a division). */
const TAYLOR_RECIPROCALS = Array.from(
  { length: TAYLOR_DEGREE - 1 },
  (_, n) => 1 / ((n + 2) * (n + 1)),
);
/**
 * erfc(c) at the centres c = 5/8, 7/8, …, 15/8, correctly rounded (mpmath, 50 digits:
 * `float(mpmath.erfc(c))`).
 */
const TAYLOR_ERFC = [
  0.376759117811582,
  0.21592493894014034,
  0.11161176829829224,
  0.051829927217909674,
  0.021556266760016336,
  0.00800994232988003,
];
/**
 * -erfc'(c) = 2/√π e^{-c²} at the same centres, correctly rounded (mpmath, 50 digits:
 * `float(2 / mpmath.sqrt(mpmath.pi) * mpmath.exp(-c * c))`).
 */
const TAYLOR_SLOPE = [
  0.7634995357606049,
  0.5247450452901482,
  0.3182739585007693,
  0.1703597736875156,
  0.08047225902251116,
  0.03354582842421607,
];

/**
 * The error function `erf(x) = 2/√π ∫₀ˣ e^{-t²} dt`, with relative error at most 6.1e-16 on a
 * grid of step 0.001 and 7.3e-16 at a point found off it (measured; see the module
 * documentation).
 * `erf(±Infinity) === ±1`; NaN propagates.
 *
 * @param x The input.
 * @returns erf(x), in [-1, 1].
 *
 * @example
 * ```ts
 * import { erf } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(erf(0), 0);
 * assert.ok(Math.abs(erf(1) - 0.8427007929497149) < 1e-15);
 * assert.equal(erf(-Infinity), -1);
 * ```
 */
export function erf(x: number): number;
export function erf(x: number, extra?: unknown, array?: unknown): number {
  requireAlone("erf", x, extra, array, X_ALONE);
  if (Number.isNaN(x) || x === 0) return x; // keeps the sign of ±0 (erf is odd)
  const a = Math.abs(x);
  const value = a < TAYLOR_FROM ? erfSeries(a) : 1 - erfcPositive(a);
  return x < 0 ? -value : value;
}

/**
 * The complementary error function `erfc(x) = 1 - erf(x)`, computed without the cancellation
 * of `1 - erf(x)` for x > 0: its relative error is at most 5.3e-16 on a grid of step 0.001 over
 * [-6, 26.54], where erfc(x) is a normal float64, and 7.6e-16 at a point in (0, 0.5) found off
 * it (see the module documentation), and in the subnormal tail
 * its error is below 2⁻¹⁰⁷⁴. It is 0 from x = 27.3 on. `erfc(Infinity) === 0`,
 * `erfc(-Infinity) === 2`; NaN propagates.
 *
 * @param x The input.
 * @returns erfc(x), in [0, 2].
 *
 * @example
 * ```ts
 * import { erfc } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(erfc(0), 1);
 * assert.ok(Math.abs(erfc(5) / 1.5374597944280349e-12 - 1) < 1e-15);
 * assert.ok(Math.abs(erfc(1.97) / 0.005336275353470088 - 1) < 1e-15);
 * ```
 */
export function erfc(x: number): number;
export function erfc(x: number, extra?: unknown, array?: unknown): number {
  return erfcValue(requireAlone("erfc", x, extra, array, X_ALONE));
}

/** erfc without the input check (GELU's kernels call it). */
export function erfcValue(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= TAYLOR_FROM) return erfcPositive(x);
  if (x <= -TAYLOR_FROM) return 2 - erfcPositive(-x);
  return 1 - (x < 0 ? -erfSeries(-x) : erfSeries(x));
}

/** erfc(a) for a >= 0.5: Taylor polynomials below 2, the continued fraction from 2 on. */
function erfcPositive(a: number): number {
  return a < SWITCH ? erfcTaylor(a) : erfcFraction(a);
}

/** erf(a) for 0 <= a < 0.5 by the positive-term series. */
function erfSeries(a: number): number {
  const twoA2 = 2 * a * a;
  let term = a;
  let sum = a;
  for (let k = 3; term > sum * 1e-17; k += 2) {
    term *= twoA2 / k;
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-a * a) * sum;
}

/**
 * erfc(x) for 0.5 <= x < 2 by its Taylor polynomial of degree {@link TAYLOR_DEGREE} about the
 * nearest centre c = 5/8 + k/4 (so |h| = |x - c| <= 1/8, and h is exact).
 *
 * erfc satisfies y'' = -2x y', so its Taylor coefficients e_n about c satisfy
 * `(n+2)(n+1) e_{n+2} = -2c (n+1) e_{n+1} - 2n e_n`, from e_0 = erfc(c) and
 * e_1 = -2/√π e^{-c²} (the two stored constants). The terms t_n = e_n hⁿ are summed in
 * ascending order.
 */
function erfcTaylor(x: number): number {
  const k = Math.min(Math.floor((x - TAYLOR_FROM) * 4), TAYLOR_ERFC.length - 1);
  const c = TAYLOR_FROM + 0.125 + 0.25 * k;
  const h = x - c;
  let previous = 0; // t_0 (its weight in the first step is n = 0); erfc(c) is added last
  let term = -TAYLOR_SLOPE[k] * h; // t_1
  let correction = term;
  for (let n = 0; n < TAYLOR_DEGREE - 1; n++) {
    const next = -2 * h * (c * (n + 1) * term + h * n * previous) * TAYLOR_RECIPROCALS[n];
    previous = term;
    term = next;
    correction += term;
  }
  return TAYLOR_ERFC[k] + correction;
}

/**
 * erfc(a) for a >= 2 by the continued fraction
 * `erfc(a) = e^{-a²}/√π · 1/(a + (1/2)/(a + (2/2)/(a + (3/2)/(a + …))))`, cut after the partial
 * numerator N/2 and evaluated backwards (t = 0, then t = (k/2)/(a + t) for k = N, …, 1), where
 * each step shrinks the error carried in t. The fraction's truncation error falls as a grows, so
 * N is set by the lower end of each range: 61 from a = 2, 33 from 3, 22 from 4, 14 from 6 and 10
 * from 10 leave at most 1.3e-17 relative (mpmath: 1.27e-17 at 2, 7.1e-18 at 3, 1.0e-17 at 4,
 * 1.1e-17 at 6, 1.0e-18 at 10).
 */
function erfcFraction(a: number): number {
  // erfc(27.3) = 4.4e-326 is below half the smallest subnormal (2^-1075 ≈ 2.5e-324): 0 from here.
  if (a >= UNDERFLOW) return 0;
  const depth = a < 3 ? 61 : a < 4 ? 33 : a < 6 ? 22 : a < 10 ? 14 : 10;
  let t = 0;
  for (let k = depth; k >= 1; k--) t = (0.5 * k) / (a + t);
  return (ONE_OVER_SQRT_PI / (a + t)) * expMinusSquare(a);
}

/**
 * e^{-a²} for 2 <= a < 27.3 without rounding a² first (`Math.exp(-a * a)` would be off by up to
 * a²·2⁻⁵³ relative, 8e-14 at a = 27): with hi = a rounded to a multiple of 2⁻²⁰ (at most 25
 * significant bits, so hi² is exact) and lo = a - hi (exact), a² = hi² + lo·(a + hi), whose
 * second part is below 2⁻¹⁵ and so keeps its rounding negligible. Where erfc is subnormal
 * (a > 26.54) the roundings to the subnormal grid cost under one unit of 2⁻¹⁰⁷⁴ (measured 0.8).
 */
function expMinusSquare(a: number): number {
  const hi = Math.round(a * 1048576) / 1048576;
  const lo = a - hi;
  return Math.exp(-lo * (a + hi)) * Math.exp(-hi * hi);
}
