/**
 * Private helper of the experiments: `mlp` refuses `alpha` for activations that do not take
 * one, while the experiments carry one alpha for every activation they compare.
 *
 * @module
 */

/**
 * The `alpha` to give `mlp` for `activation`: the slope for Leaky ReLU and PReLU (whose
 * negative slope it sets), `undefined` for the others (ELU keeps its default scale, as these
 * experiments always had it).
 */
export function slopeFor(activation: unknown, alpha: number | undefined): number | undefined {
  return activation === "leakyRelu" || activation === "prelu" ? alpha : undefined;
}
