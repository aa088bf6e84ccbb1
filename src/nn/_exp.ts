/**
 * The exponential that softmax and softmax cross-entropy use, instead of `Math.exp`: the same
 * result on every engine and in both of the library's implementations of the loss, this
 * TypeScript function and the WebAssembly kernel `softmaxRows` of `_wasm/dense.wat`, which
 * does the same IEEE operations two rows at a time (f64x2 lanes) and so gives the same bits.
 *
 * `Math.exp` could not serve both: ECMAScript leaves its rounding to the engine (V8's changed
 * from fdlibm's to LLVM libc's, which is correctly rounded), and WebAssembly has no
 * exponential. This one is within 1 ulp of the correctly rounded result (tests/nn/exp_test.ts
 * measures it against V8's): the argument is reduced to `r = x - k ln 2`, `|r| <= ln 2 / 2`,
 * with ln 2 in two parts so that `k * LN2_HI` is exact; `exp(r)` comes from the rational form
 * and the degree-5 minimax polynomial of fdlibm's `e_exp.c` (Sun Microsystems, 1993); the
 * result is scaled by `2^k` (in two exact halves where `2^k` is not a normal double), rounded
 * once; the WebAssembly lanes always take the two halves, which round the same product once.
 * `k` is `x / ln 2` rounded to nearest by adding and subtracting 1.5 * 2^52, a step that needs
 * no branch and that WebAssembly's lanes do alike.
 *
 * @module
 */

const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e+00;
const P1 = 1.66666666666666019037e-01;
const P2 = -2.77777777770155933842e-03;
const P3 = 6.61375632143793436117e-05;
const P4 = -1.65339022054652515390e-06;
const P5 = 4.13813679705723846039e-08;
/** 1.5 * 2^52: adding it rounds a number below 2^51 in magnitude to an integer. */
const ROUND = 6755399441055744;
/** Above this, exp overflows; below `UNDERFLOW`, it rounds to 0. */
const OVERFLOW = 709.782712893384;
const UNDERFLOW = -745.1332191019412;
/** `2^k` for k = -1022 .. 1023 (every normal power of two) at index `k + 1022`. */
const POWERS = Float64Array.from({ length: 2046 }, (_, i) => 2 ** (i - 1022));

/** e^x within 1 ulp: exact at 0 (1), Infinity above 709.78, 0 below -745.13, NaN for NaN. */
export function exp(x: number): number {
  // The usual case, one test: a normal result, and 2^k (|k| <= 1023) a normal double.
  if (!(x >= -708 && x <= 709)) return expEdges(x);
  const k = (x * INV_LN2 + ROUND) - ROUND;
  return expReduced(x, k) * POWERS[k + 1022];
}

/** exp(x) for NaN and x outside [-708, 709]: subnormal, overflowing and underflowing results. */
function expEdges(x: number): number {
  if (x !== x) return x + x;
  if (x > OVERFLOW) return Infinity;
  if (x < UNDERFLOW) return 0;
  const k = (x * INV_LN2 + ROUND) - ROUND;
  const y = expReduced(x, k);
  if (k >= -1022 && k <= 1023) return y * POWERS[k + 1022];
  // 2^k itself is not a normal double: two exact halves, so that the result is rounded once.
  const k1 = Math.floor(k / 2);
  return (y * POWERS[k1 + 1022]) * POWERS[k - k1 + 1022];
}

/** exp(x) / 2^k for k = x / ln 2 rounded: exp(r) for r = x - k ln 2, |r| <= ln 2 / 2. */
function expReduced(x: number, k: number): number {
  const hi = x - k * LN2_HI, lo = k * LN2_LO, r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return 1 - ((lo - (r * c) / (2 - c)) - hi);
}
