/**
 * Lets the training step kept in WebAssembly memory (`_wasm_training.ts`) stand in for an
 * elementwise layer's last forward pass: the layer's `lastInput` and `lastOutput` are read from
 * that memory when first asked for, so a step copies nothing out for them, and a caller sees
 * the values the layer-by-layer loop would have left.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import type { ElementwiseLayer } from "./elementwise_layer.ts";

/** A layer's last forward input (z) and output (y), computed elsewhere. */
export interface LastValues {
  z: Matrix;
  y: Matrix;
}

/** Gives `layer`'s last values by `source` until its next forward pass (or until read once). */
export type Defer = (layer: ElementwiseLayer, source: () => LastValues) => void;

/**
 * Set by {@linkcode ElementwiseLayer}'s static block (only its own code can reach its private
 * fields), so that this stays out of the public API.
 */
export const deferredValues: { defer: Defer } = {
  defer: () => {
    throw new Error("ElementwiseLayer is not loaded");
  },
};
