/**
 * Private backward kernels shared by the two-piece linear activations (ReLU, Leaky ReLU,
 * PReLU with one slope, RReLU in evaluation): `out[i] = gradOut[i] * slope(x[i])`.
 *
 * They are branch-free on the sign of x (random signs would make a branch mispredict half
 * the time): two comparisons index a three-slot table `[left slope, NaN, right slope]`.
 * `+(v > 0) + +!(v <= 0)` is 0 for v <= 0 (±0 and -Infinity included), 2 for v > 0, and 1
 * only for NaN, for which both comparisons are false: so NaN propagates, exactly.
 *
 * @module
 */

import { resolveKink } from "./_kink.ts";
import type { KinkConvention } from "./types.ts";

/** The slopes and convention of a two-piece linear function, resolved once. */
export interface LinearSlopes {
  /** `[left slope, right slope]`, indexed by `+(z > 0)` (the forward kernels). */
  readonly pair: Float64Array;
  /** `[left slope, NaN, right slope]`, indexed by `+(z > 0) + +!(z <= 0)` (see above). */
  readonly triple: Float64Array;
  /** The derivative at z = 0. */
  readonly atZero: number;
  /** How the kernels pick the kink: the left slope, the right one, or a separate value. */
  readonly mode: "left" | "right" | "other";
}

/** Resolves the slopes and the kink convention for the backward kernels. */
export function linearSlopes(
  action: string,
  left: number,
  right: number,
  atZero: KinkConvention,
): LinearSlopes {
  const value = resolveKink(action, atZero, left, right);
  const mode = atZero === "left" || Object.is(value, left)
    ? "left"
    : atZero === "right" || Object.is(value, right)
    ? "right"
    : "other";
  return {
    pair: Float64Array.of(left, right),
    triple: Float64Array.of(left, NaN, right),
    atZero: value,
    mode,
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
  if (slopes.mode === "left") kinkLeft64(x, gradOut, out, slopes.triple);
  else if (slopes.mode === "right") kinkRight64(x, gradOut, out, slopes.triple);
  else kinkOther64(x, gradOut, out, kinkTable(slopes));
}

/** The float32 twin of {@linkcode linearBackward64}. */
export function linearBackward32(
  x: Float32Array,
  gradOut: Float32Array,
  out: Float32Array,
  slopes: LinearSlopes,
): void {
  if (slopes.mode === "left") kinkLeft32(x, gradOut, out, slopes.triple);
  else if (slopes.mode === "right") kinkRight32(x, gradOut, out, slopes.triple);
  else kinkOther32(x, gradOut, out, kinkTable(slopes));
}

// One small function per kink convention and array type, each looping from the last element
// down to the first: V8 compiles that form (a single loop, the index bounded by `i >= 0` and
// `n - 1`) to a tighter loop. Measured by `bench/activations_bench.ts`: the float64 ReLU
// backward went from about 0.52x to about 0.61x of a copy's throughput on this machine; a
// forward loop, or the three loops in one function, stay at about 0.52x.

/** The kink takes the left slope: 0 for v <= 0, 2 for v > 0, 1 for NaN. */
function kinkLeft64(x: Float64Array, g: Float64Array, out: Float64Array, triple: Float64Array) {
  for (let i = x.length - 1; i >= 0; i--) {
    const v = x[i];
    out[i] = g[i] * triple[+(v > 0) + +!(v <= 0)];
  }
}

/** The kink takes the right slope: 0 for v < 0, 2 for v >= 0, 1 for NaN. */
function kinkRight64(x: Float64Array, g: Float64Array, out: Float64Array, triple: Float64Array) {
  for (let i = x.length - 1; i >= 0; i--) {
    const v = x[i];
    out[i] = g[i] * triple[+(v >= 0) + +!(v < 0)];
  }
}

/** The kink has a value of its own: the eight-slot table of {@linkcode kinkTable}. */
function kinkOther64(x: Float64Array, g: Float64Array, out: Float64Array, table: Float64Array) {
  for (let i = x.length - 1; i >= 0; i--) {
    const v = x[i];
    out[i] = g[i] * table[+(v > 0) | (+(v === 0) << 1) | (+(v !== v) << 2)];
  }
}

/** The float32 twin of {@linkcode kinkLeft64}. */
function kinkLeft32(x: Float32Array, g: Float32Array, out: Float32Array, triple: Float64Array) {
  for (let i = x.length - 1; i >= 0; i--) {
    const v = x[i];
    out[i] = g[i] * triple[+(v > 0) + +!(v <= 0)];
  }
}

/** The float32 twin of {@linkcode kinkRight64}. */
function kinkRight32(x: Float32Array, g: Float32Array, out: Float32Array, triple: Float64Array) {
  for (let i = x.length - 1; i >= 0; i--) {
    const v = x[i];
    out[i] = g[i] * triple[+(v >= 0) + +!(v < 0)];
  }
}

/** The float32 twin of {@linkcode kinkOther64}. */
function kinkOther32(x: Float32Array, g: Float32Array, out: Float32Array, table: Float64Array) {
  for (let i = x.length - 1; i >= 0; i--) {
    const v = x[i];
    out[i] = g[i] * table[+(v > 0) | (+(v === 0) << 1) | (+(v !== v) << 2)];
  }
}

/**
 * `out[i] = x[i] * (x[i] > 0 ? 1 : alpha)` on float64, branch-free through the slope pair.
 * Needs alpha > 0 (for alpha = 0, -Infinity * 0 would be NaN: use the ReLU kernel).
 */
export function linearForward64(x: Float64Array, out: Float64Array, pair: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v * pair[+(v > 0)];
  }
}

/** The float32 twin of {@linkcode linearForward64}. */
export function linearForward32(x: Float32Array, out: Float32Array, pair: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    out[i] = v * pair[+(v > 0)];
  }
}

/**
 * The eight-slot table indexed by `(z > 0) | (z === 0) << 1 | (z !== z) << 2`: left slope,
 * right slope, the kink value, NaN for NaN (slots 3, 5, 6, 7 are never reached).
 */
function kinkTable(slopes: LinearSlopes): Float64Array {
  const [left, right] = slopes.pair;
  return Float64Array.of(left, right, slopes.atZero, NaN, NaN, NaN, NaN, NaN);
}
