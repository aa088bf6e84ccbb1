/**
 * Private backward kernels shared by the two-piece linear activations (ReLU, Leaky ReLU,
 * PReLU with one slope, RReLU in evaluation): `out[i] = gradOut[i] * slope(x[i])`.
 *
 * They are branch-free on the sign of x (random signs would make a branch mispredict half
 * the time): a comparison indexes the slope pair `[left, right]`. They are exact at every
 * edge: ±0 and -Infinity take the convention's and the left slope, +Infinity the right one,
 * and a NaN input gives NaN (see the note above the kernels for how, at one comparison).
 *
 * @module
 */

import { kernelLengthError } from "./_arrays.ts";
import { resolveKink } from "./_kink.ts";
import { RELU32_WASM_MIN_LENGTH, reluForward32Wasm } from "./_relu32_wasm.ts";
import type { KinkConvention } from "./types.ts";

/** The slopes and convention of a two-piece linear function, resolved once. */
export interface LinearSlopes {
  /** `[left slope, right slope]`, indexed by `+(z > 0)` (the forward kernels). */
  readonly pair: Float64Array;
  /** The derivative at z = 0. */
  readonly atZero: number;
  /** True when f'(0) is the left slope (ReLU's and Leaky ReLU's default): the fast kernel. */
  readonly kinkLeft: boolean;
  /** `[left slope, right slope, f'(0)]`, indexed by `(z > 0) | (z === 0) << 1`. */
  readonly table: Float64Array;
}

/**
 * The ReLU and Leaky ReLU objects built by this module with f'(0) equal to the slope for z < 0
 * (the default convention), with that slope: 0 for ReLU, alpha for Leaky ReLU.
 */
const LEFT_KINK_SLOPES = new WeakMap<object, number>();

/** Records `activation` as a left-kink ReLU or Leaky ReLU of slope `slope` for z <= 0. */
export function registerLeftKink(activation: object, slope: number): void {
  LEFT_KINK_SLOPES.set(activation, slope);
}

/**
 * The slope for z <= 0 of `activation` if it is a ReLU or Leaky ReLU built by this module with
 * f'(0) equal to that slope, else undefined. Its backward pass is then `kinkLeft64` at that slope,
 * and its forward pass `reluForward64` (slope ±0: ReLU, or Leaky ReLU at alpha 0) or
 * `linearForward64`, which the WebAssembly training step (`nn/_wasm_training.ts`) reproduces bit
 * for bit. A look-alike (another object of the same name) has none.
 */
export function leftKinkSlope(activation: unknown): number | undefined {
  return typeof activation === "object" && activation !== null
    ? LEFT_KINK_SLOPES.get(activation)
    : undefined;
}

/** Resolves the slopes and the kink convention for the backward kernels. */
export function linearSlopes(
  action: string,
  left: number,
  right: number,
  atZero: KinkConvention,
): LinearSlopes {
  const value = resolveKink(action, atZero, left, right);
  return {
    pair: Float64Array.of(left, right),
    table: Float64Array.of(left, right, value),
    atZero: value,
    kinkLeft: Object.is(value, left),
  };
}

/** f'(z) of a two-piece linear f: the right slope for z > 0, the left for z < 0, the kink value at 0. */
export function linearGrad(z: number, slopes: LinearSlopes): number {
  if (z > 0) return slopes.pair[1];
  if (z < 0) return slopes.pair[0];
  if (z === 0) return slopes.atZero;
  return NaN;
}

/** `out[i] = gradOut[i] * f'(x[i])` on float64 for a two-piece linear f. */
export function linearBackward64(
  x: Float64Array,
  gradOut: Float64Array,
  out: Float64Array,
  slopes: LinearSlopes,
): void {
  if (!prepareAliased(x, out, slopes, gradOut)) return;
  const sum = slopes.kinkLeft
    ? kinkLeft64(x, gradOut, out, slopes.pair)
    : kinkOther64(x, gradOut, out, slopes.table);
  if (sum !== sum) markNaN(x, out);
}

/** The float32 twin of {@linkcode linearBackward64}. */
export function linearBackward32(
  x: Float32Array,
  gradOut: Float32Array,
  out: Float32Array,
  slopes: LinearSlopes,
): void {
  if (!prepareAliased(x, out, slopes, gradOut)) return;
  const sum = slopes.kinkLeft
    ? kinkLeft32(x, gradOut, out, slopes.pair)
    : kinkOther32(x, gradOut, out, slopes.table);
  if (sum !== sum) markNaN(x, out);
}

// How the kernels stay exact at one comparison per element: the comparison picks the slope
// (a NaN input gets a finite one), and the loop also sums the inputs. A NaN input makes that
// sum NaN, and only then a second pass writes NaN where x is NaN. (The sum can also be NaN
// without a NaN input, from +Infinity and -Infinity; the second pass then changes nothing.)
// The sum costs nothing measurable: the loop waits on memory, not on the addition. Each
// kernel is a small function of its own that runs from the last element down to the first:
// V8 compiles that form to a tighter loop. Measured by `bench/activations_bench.ts`, float64
// ReLU backward: about 0.52x of a copy's throughput with two comparisons per element and the
// loop upwards, 0.62x downwards, about 0.69x with one comparison and the sum.
//
// Each kernel is also kept over the 100 bytes of bytecode up to which V8's mid-tier compiler
// (Maglev) inlines a function into its caller (length checks, two elements per pass). Inlined
// there, a kernel's loop runs as Maglev compiles it (a branch per comparison: 5 to 40 ns per
// element instead of about 1), and V8 does not move a running Maglev frame to the top tier
// (`--osr-from-maglev` is off by default): the loop stays slow until the caller itself is
// recompiled, which for a layer called once per training step can take a whole training run
// (about 20% of the digits benchmark's time when reluForward64 was 100 bytes). The limit is
// V8's, not ours, so `bench/activations_bench.ts` guards it: its "in an ActivationLayer" rows
// call ReLU as train() does in a fresh process and fail when the trap returns (0.10 of
// long-array speed with a 62-byte forward kernel, 0.65-0.8 without).
//
// Tried and measured against these kernels (same run, Deno 2.9.6, 10^7 elements), and left out:
// - A ternary (`v > 0 ? g : g * 0`, `b <= -8388608 ? 0 : b`) or `Math.max(v, 0)`: fine in a
//   warm loop, but compiled as a branch in the on-stack-replaced code the bench's long calls
//   run, about 0.08 of a copy on random signs. The comparison used as an index stays branch-free.
// - Dropping the NaN sum: 4-12% faster backward, but then a NaN input gives ±0, and every
//   other way to catch it (a second comparison, a 3-slot table, an integer flag) costs more than
//   the sum.
// - Unrolling by 2 or 4 by hand (float32, backward): no gain or slower; V8's own unrolling of
//   small loops does as well. Two running sums instead of one in the float64 backward: no gain
//   (it is not the additions' latency that bounds it: on 2,048 elements in cache it takes 1.3 to
//   1.7 times as long as `out = g * x`, the comparison and the slope's load). The float32
//   integer kernel is limited by work per element (about 0.75 ns; a plain integer copy loop
//   takes 0.5), not by memory: the float32 forward now runs `(v + |v|) * 0.5` instead.
// - Two float32 elements per `BigInt64Array` element (SWAR masks): V8's top tier lowers it to
//   64-bit integers, yet it ran slower than the `Int32Array` loop and up to 70 times slower
//   where that lowering has not happened yet.
// - For the float64 backward, on the Zen 5 machine (two runs, 2026-12-04): the slope pair with two
//   running sums, the comparison converted to a number (`g * +(v > 0)`) with one or two sums, and
//   the pair with no sum gave 0.47 to 0.59 of a copy, against this kernel's 0.49 and 0.57 and the
//   plain `out = g * x` loop's 0.59 and 0.63: the comparison itself is what costs. The forward
//   could drop its comparison (`reluForward64`); the backward's 0/1 factor needs one. Later the
//   same evening, in three runs: this loop run upwards gave 0.36 to 0.38 against 0.45 to 0.47
//   downwards (the plain loop was as fast either way), downward blocks of 4,096 taken upwards 0.33
//   to 0.36; in four more, two elements per loop turn 0.47 to 0.52 against 0.47 to 0.50.

/** The kink takes the left slope: index 1 for v > 0, 0 for v <= 0 (and NaN, fixed later). */
function kinkLeft64(x: Float64Array, g: Float64Array, out: Float64Array, pair: Float64Array) {
  const n = x.length;
  if (g.length !== n) throw kernelLengthError("kinkLeft64", "gradOut", g.length, n);
  if (out.length !== n) throw kernelLengthError("kinkLeft64", "out", out.length, n);
  let sum = 0;
  for (let i = n - 1; i >= 0; i--) {
    const v = x[i];
    sum += v;
    out[i] = g[i] * pair[+(v > 0)];
  }
  return sum;
}

/** Any other f'(0) (the right slope, a mean, a value): indexed by `(v > 0) | (v === 0) << 1`. */
function kinkOther64(x: Float64Array, g: Float64Array, out: Float64Array, table: Float64Array) {
  const n = x.length;
  if (g.length !== n) throw kernelLengthError("kinkOther64", "gradOut", g.length, n);
  if (out.length !== n) throw kernelLengthError("kinkOther64", "out", out.length, n);
  let sum = 0;
  for (let i = n - 1; i >= 0; i--) {
    const v = x[i];
    sum += v;
    out[i] = g[i] * table[+(v > 0) | (+(v === 0) << 1)];
  }
  return sum;
}

/** The float32 twin of {@linkcode kinkLeft64}. */
function kinkLeft32(x: Float32Array, g: Float32Array, out: Float32Array, pair: Float64Array) {
  const n = x.length;
  if (g.length !== n) throw kernelLengthError("kinkLeft32", "gradOut", g.length, n);
  if (out.length !== n) throw kernelLengthError("kinkLeft32", "out", out.length, n);
  let sum = 0;
  for (let i = n - 1; i >= 0; i--) {
    const v = x[i];
    sum += v;
    out[i] = g[i] * pair[+(v > 0)];
  }
  return sum;
}

/** The float32 twin of {@linkcode kinkOther64}. */
function kinkOther32(x: Float32Array, g: Float32Array, out: Float32Array, table: Float64Array) {
  const n = x.length;
  if (g.length !== n) throw kernelLengthError("kinkOther32", "gradOut", g.length, n);
  if (out.length !== n) throw kernelLengthError("kinkOther32", "out", out.length, n);
  let sum = 0;
  for (let i = n - 1; i >= 0; i--) {
    const v = x[i];
    sum += v;
    out[i] = g[i] * table[+(v > 0) | (+(v === 0) << 1)];
  }
  return sum;
}

/** The second pass: NaN wherever x is NaN. */
function markNaN(x: Float64Array | Float32Array, out: Float64Array | Float32Array): void {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) out[i] = NaN;
}

/**
 * When `out` shares memory with `x`, the second pass could not find the NaN inputs any more:
 * a NaN input is then looked for first, and if there is one the plain per-element loop does the
 * work (returns false: done). Otherwise returns true: the fast kernel may run.
 */
function prepareAliased<T extends Float64Array | Float32Array>(
  x: T,
  out: T,
  slopes: LinearSlopes,
  gradOut: T,
): boolean {
  if (x.buffer !== out.buffer) return true;
  const xEnd = x.byteOffset + x.byteLength, outEnd = out.byteOffset + out.byteLength;
  if (xEnd <= out.byteOffset || outEnd <= x.byteOffset) return true;
  // Shared memory: element i of out is element i of x (else the copy below decouples them).
  const input = x.byteOffset === out.byteOffset ? x : (x.slice() as T);
  let hasNaN = false;
  for (let i = 0; i < input.length; i++) hasNaN ||= input[i] !== input[i];
  if (!hasNaN && input === x) return true;
  for (let i = 0; i < input.length; i++) out[i] = gradOut[i] * linearGrad(input[i], slopes);
  return false;
}

/**
 * `out[i] = relu(x[i])` on float64, exact at every edge: NaN propagates, -0 and -Infinity give
 * +0. The loop writes `(v + |v|) * 0.5`, three arithmetic operations and no comparison, and sums
 * its outputs. That is exact for every finite v up to `Number.MAX_VALUE / 2`: a positive v
 * doubles and halves without rounding (subnormals too), a negative v or -0 gives `v + -v = +0`.
 * Every input it gets wrong gives an output that is not finite (a NaN from NaN and from
 * -Infinity, an Infinity from a v whose double overflows), and so does +Infinity, which it gets
 * right: only when the sum is not finite does {@linkcode reluSlots64} redo the array exactly.
 * Where `out` shares memory with `x` (in place) the inputs would be gone by then, and
 * {@linkcode reluSlots64} does the work.
 *
 * Against {@linkcode reluSlots64} alone (the kernel before it), alternated in one process on 10^7
 * elements: 0.86 to 0.91 of its time in three runs, 0.70 to 0.76 of a copy's throughput against
 * 0.64 to 0.66; `bench/activations_bench.ts` then gave 1.00 to 1.06 of a copy. Two running sums,
 * as in the float32 twin, so that the additions do not wait on each other.
 */
export function reluForward64(x: Float64Array, out: Float64Array): void {
  if (x.buffer === out.buffer) return reluSlots64(x, out);
  const sum = reluHalfSum64(x, out);
  if (!(sum < Infinity)) reluSlots64(x, out);
}

/**
 * The loop of {@linkcode reluForward64}: writes `(v + |v|) * 0.5`, returns the outputs' sum. The
 * same loop as `reluHalfSum32`, kept apart as every kernel here has a float64 and a float32 twin:
 * one function called with both array types has V8 compile its element accesses for both (in a
 * scratch comparison on 10^7 elements, such a function ran the float64 loop at 0.56 to 0.59 of a
 * copy's throughput, against 0.76 to 0.78 for this one).
 */
function reluHalfSum64(x: Float64Array, out: Float64Array): number {
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("reluForward64", "out", out.length, n);
  let sumA = 0, sumB = 0, i = n - 1;
  for (; i >= 1; i -= 2) {
    const a = x[i], b = x[i - 1];
    const reluA = (a + Math.abs(a)) * 0.5, reluB = (b + Math.abs(b)) * 0.5;
    sumA += reluA;
    sumB += reluB;
    out[i] = reluA;
    out[i - 1] = reluB;
  }
  if (i === 0) {
    const v = x[0];
    const relu = (v + Math.abs(v)) * 0.5;
    sumA += relu;
    out[0] = relu;
  }
  return sumA + sumB;
}

/** Slot 0 holds 0 for ever; slot 1 takes each input of {@linkcode reluSlots64} in turn. */
const RELU_SLOT = new Float64Array(2);

/**
 * `out[i] = relu(x[i])` on float64 for every input, in place too, branch-free: a two-slot scratch
 * array holds 0 and the input, and the comparison picks the slot. `!(v <= 0)` is true for
 * positive v and for NaN (which thus propagates), false for -0 and -Infinity (which give +0).
 * Random signs cost no branch mispredictions, but the store and load of the slot make it slower
 * than {@linkcode reluHalfSum64}, which it backs.
 *
 * The scratch array is allocated once, here, not per call: allocating a typed array costs
 * microseconds (a call on 2,048 elements took 3.8 us instead of 1.4 us in
 * `bench/activations_bench.ts`, whatever V8's inlining flags; see the note above the backward
 * kernels).
 */
function reluSlots64(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("reluForward64", "out", out.length, n);
  const slot = RELU_SLOT;
  let i = n - 1;
  for (; i >= 1; i -= 2) {
    const a = x[i], b = x[i - 1];
    slot[1] = a;
    out[i] = slot[+!(a <= 0)];
    slot[1] = b;
    out[i - 1] = slot[+!(b <= 0)];
  }
  if (i === 0) {
    const v = x[0];
    slot[1] = v;
    out[0] = slot[+!(v <= 0)];
  }
}

/**
 * `out[i] = relu(x[i])` on float32. From {@linkcode RELU32_WASM_MIN_LENGTH} elements on, and where
 * WebAssembly SIMD runs, the WebAssembly kernel does the work (`_relu32_wasm.ts`: the same bits as
 * {@linkcode reluBits32}). Otherwise, branch-free: `(v + |v|) * 0.5`, computed in float64 (as every
 * float32 element is read). It is exact for every float32 input but one: a positive v doubles and
 * halves without rounding (float32's range is far inside float64's), a negative v or -0 gives
 * `v + -v = +0`, +Infinity stays +Infinity and a NaN stays a NaN. The exception is -Infinity, for
 * which `-Infinity + Infinity` is NaN: the loop also sums its outputs (every one >= 0, so the sum
 * is NaN only when an output is), and only then a second pass writes +0 where x is -Infinity.
 * Measured by `bench/activations_bench.ts` against the integer kernel below (same run, 10^7
 * elements): about 0.41 of a copy's throughput instead of 0.35, with two running sums (one sum
 * waits on each addition in turn: 0.33).
 *
 * When `out` shares memory with `x` the second pass could not find the -Infinity inputs any
 * more, and the integer kernel {@linkcode reluBits32} does the work.
 */
export function reluForward32(x: Float32Array, out: Float32Array): void {
  if (x.buffer === out.buffer) return reluBits32(x, out);
  if (x.length >= RELU32_WASM_MIN_LENGTH && reluForward32Wasm(x, out)) return;
  const sum = reluHalfSum32(x, out);
  if (sum !== sum) {
    for (let i = 0; i < x.length; i++) if (x[i] === -Infinity) out[i] = 0;
  }
}

/** The loop of {@linkcode reluForward32}: writes `(v + |v|) * 0.5`, returns the outputs' sum. */
function reluHalfSum32(x: Float32Array, out: Float32Array): number {
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("reluForward32", "out", out.length, n);
  let sumA = 0, sumB = 0, i = n - 1;
  for (; i >= 1; i -= 2) {
    const a = x[i], b = x[i - 1];
    const reluA = (a + Math.abs(a)) * 0.5, reluB = (b + Math.abs(b)) * 0.5;
    sumA += reluA;
    sumB += reluB;
    out[i] = reluA;
    out[i - 1] = reluB;
  }
  if (i === 0) {
    const v = x[0];
    const relu = (v + Math.abs(v)) * 0.5;
    sumA += relu;
    out[0] = relu;
  }
  return sumA + sumB;
}

/**
 * `out[i] = relu(x[i])` on float32 bits, for `out` sharing memory with `x`: through `Int32Array`
 * views, an element is cleared exactly when it is negative and not NaN, which for float32 bits
 * read as a signed integer is the one comparison `bits <= -8388608` (0xff800000, -Infinity):
 * -0, negative numbers and -Infinity lie at or below it, negative NaNs above it, and positive
 * numbers and positive NaNs are >= 0. So NaN propagates, -Infinity and -0 give +0.
 */
function reluBits32(x: Float32Array, out: Float32Array): void {
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("reluForward32", "out", out.length, n);
  const bits = new Int32Array(x.buffer, x.byteOffset, n);
  const outBits = new Int32Array(out.buffer, out.byteOffset, n);
  // Two elements per pass, like reluForward64. Mask 0 clears, mask -1 (all ones) keeps.
  let i = n - 1;
  for (; i >= 1; i -= 2) {
    const a = bits[i], b = bits[i - 1];
    outBits[i] = a & (+(a <= -8388608) - 1);
    outBits[i - 1] = b & (+(b <= -8388608) - 1);
  }
  if (i === 0) {
    const b = bits[0];
    outBits[0] = b & (+(b <= -8388608) - 1);
  }
}

/**
 * `out[i] = x[i] * (x[i] > 0 ? 1 : alpha)` on float64, branch-free through the slope pair.
 * Needs alpha > 0 (for alpha = 0, -Infinity * 0 would be NaN: use the ReLU kernel).
 */
export function linearForward64(x: Float64Array, out: Float64Array, pair: Float64Array): void {
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("linearForward64", "out", out.length, n);
  if (pair.length !== 2) throw kernelLengthError("linearForward64", "pair", pair.length, 2);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v * pair[+(v > 0)];
  }
}

/** The float32 twin of {@linkcode linearForward64}. */
export function linearForward32(x: Float32Array, out: Float32Array, pair: Float64Array): void {
  const n = x.length;
  if (out.length !== n) throw kernelLengthError("linearForward32", "out", out.length, n);
  if (pair.length !== 2) throw kernelLengthError("linearForward32", "pair", pair.length, 2);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v * pair[+(v > 0)];
  }
}
