/**
 * The caption under every chart of dead neurons in the rich displays: what counts as dead, and
 * what it means for each kind of activation (as the explorer's own caption says).
 *
 * @module
 */

/** What a chart of dead neurons counts, and which neurons so counted can still recover. */
export const DEAD_RULE =
  "A neuron counts as dead when its pre-activation z is ≤ 0 on every input. " +
  "A ReLU neuron then passes no gradient back; a Leaky ReLU, ELU or PReLU one still does, so it " +
  "can recover.";
