/**
 * Activation functions and their derivatives, side by side: ReLU and Leaky ReLU first, then
 * their relatives. Each comes as scalar functions (`relu(z)`, `reluGrad(z)`) and as an object
 * ({@linkcode createActivation}) with typed-array kernels for layers and its formula.
 *
 * ## The convention at the kink
 *
 * ReLU-like functions have a kink at z = 0, where the derivative is not defined. Every
 * derivative takes `{ atZero }` to choose the value used there: `"left"` (the slope for
 * z < 0), `"right"` (the slope for z > 0), `"mean"` (their average) or a number. The default
 * is `"left"`, as in PyTorch and TensorFlow.js: `reluGrad(0) === 0` and
 * `leakyReluGrad(0) === alpha`.
 *
 * ## Arguments are checked
 *
 * Every scalar function and derivative takes a number (`relu("a")` throws a `TypeError`
 * rather than returning 0) and its parameters as an options object: a bare number in its
 * place is refused with a `TypeError`, not taken as alpha, so `leakyRelu(z, 0.2)` (PyTorch's
 * `F.leaky_relu(x, 0.2)`) says to write `leakyRelu(z, { alpha: 0.2 })`. An unknown key
 * (`{ alfa: 0.2 }`) is refused with the known keys, and {@linkcode createActivation} refuses
 * an option the chosen activation does not take, naming those that do. PReLU's slope is the
 * exception that proves the rule: a learned parameter, it is `prelu(z, alpha)`'s second
 * argument. The functions without options (`relu`, `sigmoid`, `tanh`, `gelu`, `geluTanh`,
 * `silu`, `selu`, `identity`, their derivatives without options, `preluAlphaGrad`, `erf`
 * and `erfc`; `prelu` after alpha), and an activation object's `f` and `grad`, whose
 * parameters were fixed when it was made, refuse any further argument with a `TypeError`
 * rather than ignore it: `gelu(z, { approximate: "tanh" })` says to call {@linkcode geluTanh},
 * `selu(z, { alpha: 2 })` that SELU's constants are fixed. Only the index and array that
 * `map` and `forEach` pass their callback are let through, so `zs.map(relu)` works. The
 * functions with options refuse a third argument, and say so when `map` hands them its index in
 * place of the options: `zs.map(leakyRelu)` asks for `(z) => leakyRelu(z)`. The checks sit in
 * the scalar entry points; the array kernels run unchecked.
 *
 * ## Edge values
 *
 * NaN inputs propagate (they are not errors); ±Infinity give the mathematical limits
 * (`relu(-Infinity) === 0`); smooth functions never overflow to NaN or Infinity for finite
 * inputs. Bad parameters throw `RangeError` or `TypeError` with a message naming the
 * function, the parameter, the allowed range and the value received.
 *
 * @example
 * ```ts
 * import { leakyRelu, relu, reluGrad } from "@relu-lab/relu-lab/activations";
 * import assert from "node:assert/strict";
 *
 * assert.equal(relu(-2), 0);
 * assert.equal(leakyRelu(-2), -0.02);
 * assert.equal(reluGrad(0), 0);
 * ```
 *
 * @module
 */
export * from "./types.ts";
export { ActivationFunction, type ActivationSpec } from "./activation_function.ts";
export {
  ACTIVATION_NAMES,
  ACTIVATION_OPTIONS,
  type ActivationName,
  type ActivationOptions,
  createActivation,
  optionsFor,
} from "./create_activation.ts";
export { relu, reluGrad, type ReluGradOptions } from "./relu.ts";
export { erf, erfc } from "./erf.ts";
export { elu, eluGrad, type EluGradOptions, type EluOptions } from "./elu.ts";
export { gelu, geluGrad } from "./gelu.ts";
export { geluTanh, geluTanhGrad } from "./gelu_tanh.ts";
export { identity, identityGrad } from "./identity.ts";
export {
  prelu,
  PRELU_ALPHA,
  preluAlphaGrad,
  preluForward,
  type PreluForwardOptions,
  preluGrad,
  type PreluGradOptions,
} from "./prelu.ts";
export {
  rrelu,
  RRELU_LOWER,
  RRELU_UPPER,
  rreluBackward,
  rreluForward,
  type RReluForwardResult,
  rreluGrad,
  type RReluGradOptions,
  type RReluOptions,
} from "./rrelu.ts";
export { selu, SELU_ALPHA, SELU_SCALE, seluGrad, type SeluGradOptions } from "./selu.ts";
export { sigmoid, sigmoidGrad } from "./sigmoid.ts";
export { silu, siluGrad } from "./silu.ts";
export { softplus, softplusGrad, type SoftplusOptions } from "./softplus.ts";
export { tanh, tanhGrad } from "./tanh.ts";
export {
  LEAKY_RELU_ALPHA,
  leakyRelu,
  leakyReluGrad,
  type LeakyReluGradOptions,
  type LeakyReluOptions,
} from "./leaky_relu.ts";
