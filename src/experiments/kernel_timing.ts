/**
 * Computational cost, measured: the activations' array kernels on a large array, and a dense
 * layer fed ReLU's zeros against Leaky ReLU's small negatives. Timings vary from run to run;
 * report them as ratios measured in the same run.
 *
 * @module
 */

import { createActivation } from "../activations/mod.ts";
import { createPrng, randomNormal } from "../core/prng.ts";
import { requireNumber } from "../core/validate.ts";
import { Dense } from "../nn/mod.ts";
import { median } from "./_stats.ts";

/**
 * The activations timed by default.
 *
 * @example
 * ```ts
 * import { TIMED_ACTIVATIONS } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.ok(TIMED_ACTIVATIONS.includes("relu"));
 * assert.equal(TIMED_ACTIVATIONS.length, 4);
 * ```
 */
export const TIMED_ACTIVATIONS: readonly string[] = Object.freeze([
  "relu",
  "leakyRelu",
  "sigmoid",
  "tanh",
]);

/** Options of {@linkcode timeActivationKernels}. */
export interface TimeActivationKernelsOptions {
  /** Activations by name; the first is the baseline of the ratios. Default: {@linkcode TIMED_ACTIVATIONS}. */
  activations?: readonly string[];
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** Length of the Float64Array. Default: 1,000,000. */
  size?: number;
  /** Timed calls per kernel (after one warm-up call); the median is kept. Default: 15. */
  repeats?: number;
  /** Seed of the standard normal inputs. Default: 0. */
  seed?: number;
}

/** The timing of one activation's kernels in {@linkcode timeActivationKernels}. */
export interface KernelTiming {
  /** The activation's name. */
  activation: string;
  /** Its label. */
  label: string;
  /** Median milliseconds of one forward call over the whole array. */
  forwardMs: number;
  /** Median milliseconds of one backward call (with the forward output given). */
  backwardMs: number;
  /** `forwardMs` over the baseline's (the first activation): 1 for the baseline itself. */
  forwardRatio: number;
  /** `backwardMs` over the baseline's. */
  backwardRatio: number;
}

/**
 * Times each activation's typed-array kernels (`forward`, then `backward` with the forward
 * output) on the same array of standard normal values, writing into preallocated outputs. The
 * kernels are interleaved round by round, so a slow moment of the machine hits them all.
 *
 * @param options Activations, array size, repeats and seed.
 * @returns One timing per activation, in the order given; ratios relative to the first.
 *
 * @example
 * ```ts
 * import { timeActivationKernels } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [relu, sigmoid] = timeActivationKernels({ activations: ["relu", "sigmoid"], size: 1000, repeats: 3 });
 * assert.equal(relu.forwardRatio, 1);
 * assert.ok(sigmoid.forwardMs > 0);
 * ```
 */
export function timeActivationKernels(options: TimeActivationKernelsOptions = {}): KernelTiming[] {
  const action = "time activation kernels";
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const size = requireNumber(action, "size", options.size ?? 1_000_000, { integer: true, min: 1 });
  const repeats = requireNumber(action, "repeats", options.repeats ?? 15, {
    integer: true,
    min: 1,
  });
  const prng = createPrng(options.seed ?? 0);
  const x = new Float64Array(size);
  for (let i = 0; i < size; i++) x[i] = randomNormal(prng);
  const gradOut = new Float64Array(size).fill(1);
  const fns = (options.activations ?? TIMED_ACTIVATIONS).map((name) =>
    createActivation(name, name === "leakyRelu" ? { alpha } : {})
  );
  const outputs = fns.map(() => new Float64Array(size));
  const grads = new Float64Array(size);
  const forward = fns.map(() => [] as number[]);
  const backward = fns.map(() => [] as number[]);
  for (let round = 0; round <= repeats; round++) {
    fns.forEach((fn, k) => {
      let start = performance.now();
      fn.forward(x, outputs[k]);
      const forwardMs = performance.now() - start;
      start = performance.now();
      fn.backward(x, gradOut, grads, outputs[k]);
      const backwardMs = performance.now() - start;
      if (round > 0) { // round 0 warms the kernels up
        forward[k].push(forwardMs);
        backward[k].push(backwardMs);
      }
    });
  }
  const forwardMs = forward.map(median), backwardMs = backward.map(median);
  return fns.map((fn, k) => ({
    activation: fn.name,
    label: fn.label,
    forwardMs: forwardMs[k],
    backwardMs: backwardMs[k],
    forwardRatio: forwardMs[k] / forwardMs[0],
    backwardRatio: backwardMs[k] / backwardMs[0],
  }));
}

/** Options of {@linkcode timeDenseOnSparseInput}. */
export interface TimeDenseOnSparseInputOptions {
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** Rows of the batch. Default: 256. */
  rows?: number;
  /** Inputs and outputs of the dense layer. Default: 256. */
  width?: number;
  /** Timed calls per input (after one warm-up call); the median is kept. Default: 9. */
  repeats?: number;
  /** Seed of the pre-activations and weights. Default: 0. */
  seed?: number;
}

/** What {@linkcode timeDenseOnSparseInput} measures. */
export interface DenseSparsityTiming {
  /** Fraction of exact zeros in the ReLU input (about 1/2 for standard normal z). */
  reluSparsity: number;
  /** Fraction of exact zeros in the Leaky ReLU input (0 unless alpha = 0). */
  leakySparsity: number;
  /** Median milliseconds of the dense forward pass on ReLU(z). */
  reluMs: number;
  /** Median milliseconds of the dense forward pass on LeakyReLU(z). */
  leakyMs: number;
  /** `reluMs / leakyMs`: below 1 when the zeros save time. */
  ratio: number;
}

/**
 * Times a Dense layer's forward pass on ReLU(z) and on LeakyReLU(z) for the same standard
 * normal pre-activations z. The two inputs differ only where z < 0: exact zeros for ReLU, small
 * negatives for Leaky ReLU. Whether zeros save time depends on the code: relu-lab's
 * `Dense.forward` skips a zero input's row of the product, a BLAS matrix product would not.
 *
 * @param options Sizes, repeats and seed.
 * @returns The sparsities, the timings and their ratio.
 *
 * @example
 * ```ts
 * import { timeDenseOnSparseInput } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const timing = timeDenseOnSparseInput({ rows: 16, width: 16, repeats: 3 });
 * assert.ok(timing.reluSparsity > 0.3 && timing.reluSparsity < 0.7);
 * assert.equal(timing.leakySparsity, 0);
 * ```
 */
export function timeDenseOnSparseInput(
  options: TimeDenseOnSparseInputOptions = {},
): DenseSparsityTiming {
  const action = "time a dense layer on sparse input";
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const rows = requireNumber(action, "rows", options.rows ?? 256, { integer: true, min: 1 });
  const width = requireNumber(action, "width", options.width ?? 256, { integer: true, min: 1 });
  const repeats = requireNumber(action, "repeats", options.repeats ?? 9, {
    integer: true,
    min: 1,
  });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const prng = createPrng(seed);
  const z = new Float64Array(rows * width);
  for (let i = 0; i < z.length; i++) z[i] = randomNormal(prng);
  const reluInput = createActivation("relu").forward(z);
  const leakyInput = createActivation("leakyRelu", { alpha }).forward(z);
  const layer = new Dense(width, width, { seed });
  const times = [[], []] as [number[], number[]];
  const inputs = [reluInput, leakyInput];
  for (let round = 0; round <= repeats; round++) {
    inputs.forEach((data, k) => {
      const start = performance.now();
      layer.forward({ rows, cols: width, data });
      if (round > 0) times[k].push(performance.now() - start);
    });
  }
  const reluMs = median(times[0]), leakyMs = median(times[1]);
  return {
    reluSparsity: zeroFraction(reluInput),
    leakySparsity: zeroFraction(leakyInput),
    reluMs,
    leakyMs,
    ratio: reluMs / leakyMs,
  };
}

function list(labels: readonly string[]): string {
  return labels.length <= 1
    ? labels.join("")
    : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

function zeroFraction(values: Float64Array): number {
  let zeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
  return zeros / values.length;
}

/**
 * A short report of the measured kernel and dense-layer timings: per activation its median
 * times and ratios to the baseline, then which kernels were slower, built from the numbers
 * (it claims nothing they do not show).
 *
 * @param kernels The result of {@linkcode timeActivationKernels} (the first is the baseline).
 * @param dense The result of {@linkcode timeDenseOnSparseInput}, if measured.
 * @returns The report, one line per activation between a header and the conclusions.
 *
 * @example
 * ```ts
 * import { describeTimings } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeTimings([
 *   { activation: "relu", label: "ReLU", forwardMs: 1, backwardMs: 1, forwardRatio: 1, backwardRatio: 1 },
 *   { activation: "sigmoid", label: "sigmoid", forwardMs: 5, backwardMs: 2, forwardRatio: 5, backwardRatio: 2 },
 * ]);
 * assert.match(text, /sigmoid: forward 5\.00 ms \(5\.0×\), backward 2\.00 ms \(2\.0×\)/);
 * assert.match(text, /sigmoid took at least 1\.5× ReLU's forward time/);
 * ```
 */
export function describeTimings(
  kernels: readonly KernelTiming[],
  dense?: DenseSparsityTiming,
): string {
  const base = kernels[0];
  const lines = kernels.map((k) =>
    `  ${k.label}: forward ${k.forwardMs.toFixed(2)} ms (${k.forwardRatio.toFixed(1)}×), ` +
    `backward ${k.backwardMs.toFixed(2)} ms (${k.backwardRatio.toFixed(1)}×)`
  );
  const others = kernels.slice(1);
  const slower = others.filter((k) => k.forwardRatio >= 1.5).map((k) => k.label);
  const similar = others.filter((k) => k.forwardRatio > 1 / 1.5 && k.forwardRatio < 1.5)
    .map((k) => k.label);
  const faster = others.filter((k) => k.forwardRatio <= 1 / 1.5).map((k) => k.label);
  const verdict = [
    slower.length > 0 ? `${list(slower)} took at least 1.5× ${base.label}'s forward time.` : "",
    similar.length > 0 ? `${list(similar)} took about the same (within 1.5×).` : "",
    faster.length > 0 ? `${list(faster)} took less than ${base.label}.` : "",
  ].filter((sentence) => sentence !== "");
  const report = [
    `Median time per call, with the ratio to ${base.label} measured in the same run:`,
    ...lines,
    ...verdict,
  ];
  if (dense !== undefined) {
    report.push(
      `A dense layer fed ReLU outputs (${(100 * dense.reluSparsity).toFixed(0)}% zeros) took ` +
        `${dense.ratio.toFixed(2)}× its time on Leaky ReLU outputs\nof the same z: ${
          dense.ratio < 0.9
            ? "the zeros saved work."
            : dense.ratio <= 1.1
            ? "the zeros saved nothing measurable."
            : "the zeros saved nothing."
        }`,
    );
  }
  return report.join("\n");
}
