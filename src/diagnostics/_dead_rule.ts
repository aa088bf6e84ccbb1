/**
 * What "dead" means wherever the diagnostics report dead neurons: under the text report's table
 * and under every chart of them in the rich displays (as the explorer's own caption says), and
 * the tables' word for whether a layer's dead neurons can recover.
 *
 * @module
 */

/** What a report of dead neurons counts, and which neurons so counted can still recover. */
export const DEAD_RULE =
  "A neuron counts as dead when its pre-activation z is ≤ 0 on every input. " +
  "A ReLU neuron then passes no gradient back, nor does a Leaky ReLU or ELU one at α = 0; " +
  "at α > 0 they still do, as PReLU and RReLU neurons do, so they can recover.";

/**
 * The "can recover" cell of a layer in the reports' tables.
 *
 * @param canRecover The layer's `canRecover` (see `DeadNeurons`).
 * @returns `"yes"`, `"no"`, or `"?"` for a layer of a kind the diagnostics do not know.
 */
export function recoveryCell(canRecover: boolean | undefined): string {
  return canRecover === undefined ? "?" : canRecover ? "yes" : "no";
}
