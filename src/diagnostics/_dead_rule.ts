/**
 * What "dead" means wherever the diagnostics report dead neurons: under the text report's table
 * and under every chart of them in the rich displays (as the explorer's own caption says).
 *
 * @module
 */

/** What a report of dead neurons counts, and which neurons so counted can still recover. */
export const DEAD_RULE =
  "A neuron counts as dead when its pre-activation z is ≤ 0 on every input. " +
  "A ReLU neuron then passes no gradient back; a Leaky ReLU, ELU or PReLU one still does, so it " +
  "can recover.";
