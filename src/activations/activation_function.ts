/**
 * The one class behind every activation object: a scalar function and its derivative, typed
 * array kernels, and the formula, with a readable text form.
 *
 * @module
 */

import {
  allocateLike,
  as32,
  as64,
  requireArray,
  requireFloatArray,
  requireLength,
  unshared,
} from "./_arrays.ts";
import { requireAlone } from "./_kink.ts";
import { refuseTrailing } from "../core/_require.ts";
import type { Activation, FloatArray } from "./types.ts";

/** The pieces an {@linkcode ActivationFunction} is built from (one per activation file). */
export interface ActivationSpec {
  /** The function's name as exported, e.g. `"leakyRelu"`. */
  readonly name: string;
  /** A human label with parameters, e.g. `"Leaky ReLU (α = 0.01)"`. */
  readonly label: string;
  /** The parameters, as `createActivation` accepts them back. */
  readonly params: Readonly<Record<string, number | string>>;
  /** f(z) for one number. */
  readonly f: (z: number) => number;
  /** f'(z) for one number. */
  readonly grad: (z: number) => number;
  /**
   * `out[i] = f(x[i])` on float64. `out` may be `x` itself; it never partly overlaps `x` (the
   * class copies `x` first).
   */
  readonly forward64: (x: Float64Array, out: Float64Array) => void;
  /** `out[i] = f(x[i])` on float32 (`out` may be `x` itself, as for `forward64`). */
  readonly forward32: (x: Float32Array, out: Float32Array) => void;
  /**
   * `out[i] = gradOut[i] * f'(x[i])` on float64; `y = f(x)` when known. `out` may be an input
   * itself; it never partly overlaps one (the class copies that input first).
   */
  readonly backward64: (
    x: Float64Array,
    gradOut: Float64Array,
    out: Float64Array,
    y: Float64Array | undefined,
  ) => void;
  /** `out[i] = gradOut[i] * f'(x[i])` on float32; `y = f(x)` when known. */
  readonly backward32: (
    x: Float32Array,
    gradOut: Float32Array,
    out: Float32Array,
    y: Float32Array | undefined,
  ) => void;
  /** The formula as a mathjs expression in `z`. */
  readonly expression: string;
  /** The formula in LaTeX. */
  readonly latex: string;
  /** The derivative in LaTeX, with the convention at the kink. */
  readonly gradLatex: string;
  /** Where f' jumps (e.g. `[0]` for ReLU), or `[]` for smooth functions. */
  readonly kinks: readonly number[];
}

/**
 * An activation function object (see {@linkcode Activation}). Build one with
 * `createActivation(name, options)`; every activation object of relu-lab is an instance of
 * this class, so display code can add methods to its prototype.
 *
 * @example
 * ```ts
 * import { ActivationFunction, createActivation } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const leaky = createActivation("leakyRelu", { alpha: 0.1 });
 * assert.ok(leaky instanceof ActivationFunction);
 * assert.equal(leaky.f(-2), -0.2);
 * assert.deepEqual(Array.from(leaky.forward([-2, 3])), [-0.2, 3]);
 * ```
 */
export class ActivationFunction implements Activation {
  /** The function's name as exported, e.g. `"leakyRelu"`. */
  readonly name: string;
  /** A human label with parameters, e.g. `"Leaky ReLU (α = 0.01)"`. */
  readonly label: string;
  /** The parameters this instance was made with (frozen). */
  readonly params: Readonly<Record<string, number | string>>;
  /**
   * f(z) for one number (a bound function: `xs.map(activation.f)` works). A `z` that is not a
   * number throws a `TypeError`, and so does a second argument (but for the index and array
   * `map` and `forEach` pass): the parameters are fixed when the activation is made.
   */
  readonly f: (z: number) => number;
  /** f'(z) for one number, with the documented convention at kinks (bound, like `f`). */
  readonly grad: (z: number) => number;
  /** The formula as a mathjs expression in `z`. */
  readonly expression: string;
  /** The formula in LaTeX. */
  readonly latex: string;
  /** The derivative in LaTeX, with the convention at the kink. */
  readonly gradLatex: string;
  /** Where f' jumps (e.g. `[0]` for ReLU), or `[]` for smooth functions. */
  readonly kinks: readonly number[];
  #spec: ActivationSpec;

  /**
   * Wraps an activation's pieces. Prefer `createActivation`, which checks the parameters.
   *
   * @param spec The scalar functions, kernels and formulas.
   */
  constructor(spec: ActivationSpec) {
    this.#spec = spec;
    this.name = spec.name;
    this.label = spec.label;
    this.params = Object.freeze({ ...spec.params });
    // The input check sits here, outside the kernels: forward and backward never call f or grad.
    const { f, grad } = spec;
    // A second argument is refused (but for what map and forEach pass): the parameters were
    // fixed when the activation was made, so f(z, { alpha: 0.2 }) would silently ignore alpha.
    const hint = ` (its parameters are fixed when it is made: createActivation("${spec.name}", ` +
      `{ ... }))`;
    const checked = (fn: (z: number) => number, name: string, action: string) => {
      const names = { action, hint };
      return (z: number, extra?: unknown, array?: unknown) =>
        fn(requireAlone(name, z, extra, array, names));
    };
    this.f = checked(f, `${spec.name}.f`, `compute ${spec.name}`);
    this.grad = checked(grad, `${spec.name}.grad`, `compute the derivative of ${spec.name}`);
    this.expression = spec.expression;
    this.latex = texNumbers(spec.latex);
    this.gradLatex = texNumbers(spec.gradLatex);
    this.kinks = Object.freeze([...spec.kinks]);
  }

  /**
   * Applies f elementwise: `out[i] = f(x[i])`.
   *
   * @param x The inputs: a number array, `Float64Array` or `Float32Array`.
   * @param out Where to write, a `Float64Array` or `Float32Array` (anything else throws a
   *   `TypeError`). It may be `x` itself or overlap it anywhere (then `x` is copied first);
   *   default a new `Float64Array`, or `Float32Array` when `x` is one. Its type sets the
   *   precision, as a layer's: a `Float32Array` computes in float32, on `x` rounded to float32
   *   first (a float64 or number `x` too), so `out[i]` is `Math.fround(f(Math.fround(x[i])))`,
   *   which may differ from `Math.fround(f(x[i]))` by a float32 unit.
   * @returns `out`.
   *
   * @example
   * ```ts
   * import { createActivation, gelu } from "@relu-lab/relu-lab";
   * import assert from "node:assert/strict";
   *
   * const out = createActivation("gelu").forward(Float64Array.of(0.2), new Float32Array(1));
   * assert.equal(out[0], Math.fround(gelu(Math.fround(0.2)))); // 0.2 rounded to float32 first
   * assert.notEqual(out[0], Math.fround(gelu(0.2)));
   * ```
   */
  forward<T extends FloatArray = Float64Array>(x: ArrayLike<number>, out?: T): T;
  forward<T extends FloatArray = Float64Array>(
    x: ArrayLike<number>,
    out?: T,
    extra?: unknown,
  ): T {
    const action = `run ${this.name} forward`;
    refuseTrailing(action, "forward", "x and out", "third", extra);
    requireArray(action, "x", x);
    const target = out === undefined ? allocateLike(x) : requireFloatArray(action, "out", out);
    requireLength(action, "out", target, x.length);
    if (target instanceof Float64Array) {
      if (!(x instanceof Float64Array)) target.set(x); // then run in place
      this.#spec.forward64(x instanceof Float64Array ? unshared(x, target) : target, target);
    } else {
      if (!(x instanceof Float32Array)) target.set(x); // then run in place
      this.#spec.forward32(x instanceof Float32Array ? unshared(x, target) : target, target);
    }
    return target as T;
  }

  /**
   * The fused backward pass: `out[i] = gradOut[i] * f'(x[i])` (IEEE products, so an infinite
   * `gradOut` times a zero slope is NaN), with `f'` taken from `y` where given (see `y`).
   *
   * @param x The forward inputs.
   * @param gradOut dLoss/dOutput, same length.
   * @param out Where to write, a `Float64Array` or `Float32Array`. It may be `x`, `gradOut` or
   *   `y` itself or overlap them anywhere (then those it overlaps are copied first); default as
   *   for `forward`. Its type sets the precision, as a layer's: a `Float32Array` computes in
   *   float32, on `x`, `gradOut` and `y` rounded to float32 first (float64 or number arrays
   *   too). An `x` below float32's range then rounds to 0 and gets the derivative at the kink:
   *   ReLU's `backward` gives 0 for x = 1e-50 where `reluGrad(1e-50)` is 1.
   * @param y The forward outputs `f(x)`, reused by sigmoid, tanh and ELU when given, as
   *   PyTorch's autograd reuses them: `y (1 - y)`, `1 - y²` and `y + alpha` (for x <= 0) are
   *   cheaper than the derivative from `x`, but not as accurate where it is tiny or `y` is
   *   rounded: sigmoid's at x = 40 is 0 from `y` and 4.2e-18 from `x`, and at x = 2 the two
   *   differ in the last bits. ReLU, Leaky ReLU and the other activations ignore it.
   * @returns `out`.
   *
   * @example
   * ```ts
   * import { createActivation, reluGrad } from "@relu-lab/relu-lab";
   * import assert from "node:assert/strict";
   *
   * const relu = createActivation("relu");
   * const x = Float64Array.of(1e-50), gradOut = Float64Array.of(1);
   * assert.equal(relu.backward(x, gradOut)[0], reluGrad(1e-50)); // 1, in float64
   * assert.equal(relu.backward(x, gradOut, new Float32Array(1))[0], 0); // 1e-50 rounds to 0
   * assert.equal(reluGrad(Math.fround(1e-50)), 0); // reluGrad(0), the convention at the kink
   * ```
   */
  backward<T extends FloatArray = Float64Array>(
    x: ArrayLike<number>,
    gradOut: ArrayLike<number>,
    out?: T,
    y?: ArrayLike<number>,
  ): T;
  backward<T extends FloatArray = Float64Array>(
    x: ArrayLike<number>,
    gradOut: ArrayLike<number>,
    out?: T,
    y?: ArrayLike<number>,
    extra?: unknown,
  ): T {
    const action = `run ${this.name} backward`;
    refuseTrailing(action, "backward", "x, gradOut, out and y", "fifth", extra);
    requireArray(action, "x", x);
    requireArray(action, "gradOut", gradOut, x.length);
    const target = out === undefined ? allocateLike(x) : requireFloatArray(action, "out", out);
    requireLength(action, "out", target, x.length);
    if (y !== undefined) requireArray(action, "y", y, x.length);
    if (target instanceof Float64Array) {
      this.#spec.backward64(
        as64(x, target),
        as64(gradOut, target),
        target,
        y === undefined ? undefined : as64(y, target),
      );
    } else {
      this.#spec.backward32(
        as32(x, target),
        as32(gradOut, target),
        target,
        y === undefined ? undefined : as32(y, target),
      );
    }
    return target as T;
  }

  /**
   * The text form: label and formula.
   *
   * @returns E.g. `"Leaky ReLU (α = 0.01): f(z) = z > 0 ? z : 0.01 * z"`.
   */
  toString(): string {
    return `${this.label}: f(z) = ${this.expression}`;
  }

  /**
   * What `console.log` and the Deno REPL print: the class name, label and formula.
   *
   * @returns E.g. `"ActivationFunction(Leaky ReLU (α = 0.01): f(z) = z > 0 ? z : 0.01 * z)"`.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `ActivationFunction(${this.toString()})`;
  }
}

/**
 * `latex` with every number that JavaScript writes in exponent form (a parameter such as 1e-7)
 * written as TeX does: `1e-7` would render as e, a minus and 7, a different formula.
 */
function texNumbers(latex: string): string {
  return latex.replace(
    /(\d(?:\.\d+)?)e([+-])(\d+)/g,
    (_, mantissa: string, sign: string, power: string) =>
      String.raw`${mantissa} \times 10^{${sign === "-" ? "-" : ""}${power}}`,
  );
}
