// Small activations and a linear classifier written out by hand, so the plot tests do not depend
// on src/activations or src/nn.

import type { Activation } from "../../src/activations/types.ts";
import type { Matrix } from "../../src/core/matrix.ts";

function fixture(
  name: string,
  label: string,
  params: Record<string, number>,
  f: (z: number) => number,
  grad: (z: number) => number,
  latex: string,
  gradLatex: string,
): Activation {
  return {
    name,
    label,
    params,
    f,
    grad,
    forward<T extends Float64Array | Float32Array = Float64Array>(x: ArrayLike<number>, out?: T) {
      const y = out ?? new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) y[i] = f(x[i]);
      return y as T;
    },
    backward<T extends Float64Array | Float32Array = Float64Array>(
      x: ArrayLike<number>,
      gradOut: ArrayLike<number>,
      out?: T,
    ) {
      const g = out ?? new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) g[i] = gradOut[i] * grad(x[i]);
      return g as T;
    },
    expression: name,
    latex,
    gradLatex,
  };
}

/** ReLU with f'(0) = 0. */
export const relu: Activation = fixture(
  "relu",
  "ReLU",
  {},
  (z) => (z > 0 ? z : 0),
  (z) => (z > 0 ? 1 : 0),
  "f(z) = \\max(0, z)",
  "f'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}",
);

/** Leaky ReLU with alpha = 0.1 and f'(0) = alpha. */
export const leaky: Activation = fixture(
  "leakyRelu",
  "Leaky ReLU (α = 0.1)",
  { alpha: 0.1 },
  (z) => (z > 0 ? z : 0.1 * z),
  (z) => (z > 0 ? 1 : 0.1),
  "f(z) = \\max(0.1 z, z)",
  "f'(z) = \\begin{cases} 1 & z > 0 \\\\ 0.1 & z \\le 0 \\end{cases}",
);

/** tanh: smooth, no kink. */
export const tanh: Activation = fixture(
  "tanh",
  "tanh",
  {},
  Math.tanh,
  (z) => 1 - Math.tanh(z) ** 2,
  "f(z) = \\tanh(z)",
  "f'(z) = 1 - \\tanh^2(z)",
);

/** Class 1 where x1 + x2 > 0, as a logit (as the library's binary models return). */
export function linear(x: Matrix): Matrix {
  const data = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) data[i] = x.data[2 * i] + x.data[2 * i + 1];
  return { rows: x.rows, cols: 1, data };
}
