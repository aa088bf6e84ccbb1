// A hard tanh built by hand, as a user would build an activation of their own: slope 1 on
// (−1, 1), 0 beyond, so a dead neuron with z in (−1, 0] recovers by its own gradient and one
// with z below −1 does not.
import { ActivationFunction } from "../../src/activations/mod.ts";

const clamp = (z: number) => Math.min(1, Math.max(-1, z));
const slope = (z: number) => (Math.abs(z) < 1 ? 1 : 0);

/** The hard tanh, min(1, max(−1, z)). */
export const hardTanh: ActivationFunction = new ActivationFunction({
  name: "hardTanh",
  label: "hard tanh",
  params: {},
  f: clamp,
  grad: slope,
  forward64: (x, out) => out.set(x.map(clamp)),
  forward32: (x, out) => out.set(x.map(clamp)),
  backward64: (x, g, out) => out.set(g.map((gi, i) => gi * slope(x[i]))),
  backward32: (x, g, out) => out.set(g.map((gi, i) => gi * slope(x[i]))),
  expression: "min(1, max(-1, z))",
  latex: "",
  gradLatex: "",
  kinks: [-1, 1],
});
