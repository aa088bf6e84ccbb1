/**
 * Vanishing gradients: the largest slope of each activation, and the gradient norm of every
 * layer of a deep, freshly initialised MLP.
 *
 * @module
 */

import { createActivation } from "../activations/mod.ts";
import { requireNumber } from "../core/validate.ts";
import { twoMoons } from "../data/mod.ts";
import { gradientNorms } from "../diagnostics/mod.ts";
import { type InitializerName, mlp } from "../nn/mod.ts";
import { slopeFor } from "./_slope.ts";

/**
 * The activations compared for gradient flow: sigmoid, tanh, ReLU and Leaky ReLU.
 *
 * @example
 * ```ts
 * import { GRADIENT_FLOW_ACTIVATIONS } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(GRADIENT_FLOW_ACTIVATIONS, ["sigmoid", "tanh", "relu", "leakyRelu"]);
 * ```
 */
export const GRADIENT_FLOW_ACTIVATIONS: readonly string[] = Object.freeze([
  "sigmoid",
  "tanh",
  "relu",
  "leakyRelu",
]);

/** The largest derivative of one activation over a grid, from its own gradient function. */
export interface DerivativePeak {
  /** The activation's name. */
  activation: string;
  /** Its label. */
  label: string;
  /** The largest f'(z) on the grid. */
  max: number;
  /** The z of the first grid point where it is reached. */
  at: number;
}

/** Options of {@linkcode derivativePeaks}. */
export interface DerivativePeaksOptions {
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** The grid runs over [-range, range]. Default: 10. */
  range?: number;
  /** Grid points. Default: 20001 (a step of 0.001 over [-10, 10]). */
  points?: number;
}

/**
 * Evaluates each activation's derivative (`createActivation(name).grad`) on a grid of z
 * values and returns its largest value: 1/4 for the sigmoid (at 0), 1 for tanh (at 0), 1 for
 * ReLU and Leaky ReLU (every z > 0).
 *
 * @param activations Names for `createActivation`. Default: {@linkcode GRADIENT_FLOW_ACTIVATIONS}.
 * @param options Leaky ReLU's slope and the grid.
 * @returns One peak per activation, in the order given.
 *
 * @example
 * ```ts
 * import { derivativePeaks } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [sigmoid, tanh, relu] = derivativePeaks(["sigmoid", "tanh", "relu"]);
 * assert.equal(sigmoid.max, 0.25);
 * assert.equal(tanh.max, 1);
 * assert.equal(relu.max, 1);
 * ```
 */
export function derivativePeaks(
  activations: readonly string[] = GRADIENT_FLOW_ACTIVATIONS,
  options: DerivativePeaksOptions = {},
): DerivativePeak[] {
  const action = "find derivative peaks";
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const range = requireNumber(action, "range", options.range ?? 10, {
    min: 0,
    minExclusive: true,
  });
  const points = requireNumber(action, "points", options.points ?? 20001, {
    integer: true,
    min: 2,
  });
  return activations.map((activation) => {
    const fn = createActivation(activation, activation === "leakyRelu" ? { alpha } : {});
    let max = -Infinity, at = NaN;
    for (let i = 0; i < points; i++) {
      // Integer steps keep the grid exact at z = 0 (the middle point for an odd count).
      const z = ((2 * i - (points - 1)) * range) / (points - 1);
      const slope = fn.grad(z);
      if (slope > max) {
        max = slope;
        at = z;
      }
    }
    return { activation, label: fn.label, max, at };
  });
}

/** Options of {@linkcode gradientFlow}. */
export interface GradientFlowOptions {
  /** Hidden activations by name. Default: {@linkcode GRADIENT_FLOW_ACTIVATIONS}. */
  activations?: readonly string[];
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** Number of hidden layers. Default: 15. */
  depth?: number;
  /** Width of every hidden layer. Default: 32. */
  width?: number;
  /** Samples of the two-moons batch the gradient is taken on. Default: 256. */
  n?: number;
  /**
   * One initialiser for every activation. Default: the one `mlp` picks for each (He for the
   * ReLU family, Xavier for sigmoid and tanh), i.e. the scheme suited to each.
   */
  init?: InitializerName;
  /** Seed of the weights and the data. Default: 0. */
  seed?: number;
}

/** The per-layer gradient norms of one activation's network in {@linkcode gradientFlow}. */
export interface GradientFlow {
  /** The activation's name. */
  activation: string;
  /** Its label. */
  label: string;
  /** The initialiser used, e.g. `"heNormal"`. */
  init: string;
  /** L2 norm of each Dense layer's gradient (weights and biases), input layer first. */
  norms: number[];
  /** First layer's norm over the last layer's: far below 1 means the gradient vanished. */
  firstOverLast: number;
  /** Largest layer norm over the smallest: how far apart the layers' gradients are. */
  spread: number;
}

/**
 * Builds one deep MLP per activation (2 inputs, `depth` hidden layers of `width`, 2 outputs)
 * with the same seed, and measures the norm of each Dense layer's gradient of the full-batch
 * cross-entropy on a two-moons sample, before any training.
 *
 * Backpropagation multiplies the gradient by f'(z) once per layer, so with the sigmoid
 * (f' <= 1/4) it shrinks layer by layer towards the input; with ReLU (f' = 1 where z > 0)
 * and a He initialisation it keeps its size.
 *
 * @param options Activations, depth, width, initialiser and seed.
 * @returns One entry per activation, in the order given.
 *
 * @example
 * ```ts
 * import { gradientFlow } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [sigmoid, relu] = gradientFlow({ activations: ["sigmoid", "relu"], depth: 8, n: 64 });
 * assert.equal(relu.norms.length, 9);
 * assert.ok(sigmoid.firstOverLast < 1e-3);
 * assert.ok(relu.firstOverLast > 0.1);
 * ```
 */
export function gradientFlow(options: GradientFlowOptions = {}): GradientFlow[] {
  const action = "measure gradient flow";
  const depth = requireNumber(action, "depth", options.depth ?? 15, { integer: true, min: 1 });
  const width = requireNumber(action, "width", options.width ?? 32, { integer: true, min: 1 });
  const n = requireNumber(action, "n", options.n ?? 256, { integer: true, min: 2 });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const data = twoMoons({ n, noise: 0.1, seed });
  const sizes = [2, ...Array.from({ length: depth }, () => width), 2];
  return (options.activations ?? GRADIENT_FLOW_ACTIVATIONS).map((activation) => {
    const model = mlp(sizes, {
      activation,
      alpha: slopeFor(activation, alpha),
      seed,
      init: options.init,
    });
    const norms = gradientNorms(model, data).map((layer) => layer.total);
    return {
      activation,
      label: createActivation(activation, activation === "leakyRelu" ? { alpha } : {}).label,
      init: options.init ?? defaultInitName(activation),
      norms,
      firstOverLast: norms[0] / norms[norms.length - 1],
      spread: Math.max(...norms) / Math.min(...norms),
    };
  });
}

/** The initialiser `mlp` picks by default, by name (see its `init` option). */
function defaultInitName(activation: string): string {
  if (activation === "sigmoid" || activation === "tanh" || activation === "identity") {
    return "xavierNormal";
  }
  return activation === "selu" ? "lecunNormal" : "heNormal";
}

/**
 * A short report of {@linkcode gradientFlow}'s result: per activation, the first layer's
 * gradient norm relative to the last and the spread across layers, then which activation keeps
 * the most gradient at the first layer, all built from the measured numbers.
 *
 * @param flows The result of {@linkcode gradientFlow}.
 * @returns The report, one line per activation between a header and a conclusion.
 *
 * @example
 * ```ts
 * import { describeGradientFlow } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const flow = (label: string, norms: number[]) => ({
 *   activation: label, label, init: "heNormal", norms,
 *   firstOverLast: norms[0] / norms[1], spread: Math.max(...norms) / Math.min(...norms),
 * });
 * const text = describeGradientFlow([flow("sigmoid", [1e-9, 1]), flow("ReLU", [0.5, 1])]);
 * assert.match(text, /sigmoid \(heNormal\): first\/last 1\.0e-9, spread 1\.0e\+9/);
 * assert.match(text, /ReLU keeps the most/);
 * ```
 */
export function describeGradientFlow(flows: readonly GradientFlow[]): string {
  const lines = flows.map((f) =>
    `  ${f.label} (${f.init}): first/last ${formatRatio(f.firstOverLast)}, spread ${
      formatRatio(f.spread)
    }`
  );
  const best = flows.reduce((a, b) => (b.firstOverLast > a.firstOverLast ? b : a));
  const worst = flows.reduce((a, b) => (b.firstOverLast < a.firstOverLast ? b : a));
  return [
    "Gradient norms: first layer over last (first/last), largest layer over smallest (spread):",
    ...lines,
    `${best.label} keeps the most gradient at the first layer, ${worst.label} the least ` +
    `(a factor of ${formatRatio(best.firstOverLast / worst.firstOverLast)} between them).`,
  ].join("\n");
}

function formatRatio(value: number): string {
  return value >= 0.01 && value < 1000 ? value.toPrecision(2) : value.toExponential(1);
}
