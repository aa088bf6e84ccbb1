/**
 * The shared shape of an activation function in relu-lab.
 *
 * @module
 */

/** The typed arrays the array kernels run on. Each has its own kernel on the hot path. */
export type FloatArray = Float64Array | Float32Array;

/** The derivative's value at a kink (for ReLU-like functions, at z = 0). */
export type KinkConvention = "left" | "right" | "mean" | number;

/**
 * The object form of an activation: a scalar function and its derivative side by side, array
 * kernels for layers, and the formula it implements.
 */
export interface Activation {
  /** The function's name as exported, e.g. `"leakyRelu"`. */
  readonly name: string;
  /** A human label with parameters, e.g. `"Leaky ReLU (α = 0.01)"`. */
  readonly label: string;
  /** The parameters this instance was made with, e.g. `{ alpha: 0.01 }`. */
  readonly params: Readonly<Record<string, number | string>>;
  /** f(z) for one number. */
  f(z: number): number;
  /** f'(z) for one number, with the documented convention at kinks. */
  grad(z: number): number;
  /**
   * Applies f elementwise: `out[i] = f(x[i])`. Allocates `out` (Float64Array, or
   * Float32Array when `x` is one) when it is not given. `out` may be `x` itself, or overlap it.
   * A Float32Array `out` computes in float32, as a float32 layer: on `x` rounded to float32
   * first, even when `x` is a Float64Array or a number array.
   */
  forward<T extends FloatArray = Float64Array>(x: ArrayLike<number>, out?: T): T;
  /**
   * The fused backward pass: `out[i] = gradOut[i] * f'(x[i])`. `y` is the forward output
   * `f(x)`, which some gradients reuse (sigmoid, tanh, ELU); pass it when you have it. A
   * Float32Array `out` computes in float32, as `forward`: on `x`, `gradOut` and `y` rounded to
   * float32 first (an x of 1e-50 becomes 0, and gets the derivative at the kink).
   */
  backward<T extends FloatArray = Float64Array>(
    x: ArrayLike<number>,
    gradOut: ArrayLike<number>,
    out?: T,
    y?: ArrayLike<number>,
  ): T;
  /** The formula as a mathjs expression in `z` (piecewise forms may use `z > 0 ? a : b`). */
  readonly expression: string;
  /** The formula in LaTeX, e.g. `f(z) = \max(0, z)`. */
  readonly latex: string;
  /** The derivative in LaTeX, with the convention at the kink. */
  readonly gradLatex: string;
  /** Where f' jumps (e.g. `[0]` for ReLU); empty or absent for smooth functions. */
  readonly kinks?: readonly number[];
}
