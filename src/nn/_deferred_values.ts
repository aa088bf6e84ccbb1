/**
 * Lets the training step kept in WebAssembly memory (`_wasm_training.ts`) stand in for the
 * layers' last forward pass: an elementwise layer's `lastInput` and `lastOutput`, and the input a
 * Dense layer keeps for its backward pass, are read from that memory when first needed, so a step
 * copies nothing out for them, and a caller sees the values the layer-by-layer loop would have
 * left.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import type { Dense } from "./dense.ts";
import type { ElementwiseLayer } from "./elementwise_layer.ts";

/** A layer's last forward input (z) and output (y), computed elsewhere. */
export interface LastValues {
  z: Matrix;
  y: Matrix;
}

/** The hooks, each set by its class's static block (only its own code reaches its fields). */
export interface DeferredValues {
  /** Gives `layer`'s last values by `source` until its next forward pass or until first read. */
  defer(layer: ElementwiseLayer, source: () => LastValues): void;
  /** Gives `layer`'s last input by `source` until its next forward pass or until first used. */
  deferInput(layer: Dense, source: () => Matrix): void;
  /** Takes `layer`'s last input from its source now, if it still has one. */
  settleInput(layer: Dense): void;
}

const notLoaded = (): never => {
  throw new Error("relu-lab: a layer class was not loaded before its hook was used");
};

/** The hooks, here rather than in the classes' modules, which the public API re-exports whole. */
export const deferredValues: DeferredValues = {
  defer: notLoaded,
  deferInput: notLoaded,
  settleInput: notLoaded,
};
