/**
 * The trade-offs of Leaky ReLU: train the same small network with several activations (or
 * several slopes alpha) over several seeds and report, per setting, the spread across seeds of
 * the test accuracy, the dead fraction, the exact and near-zero outputs; decide from the numbers
 * whether two settings differ beyond the noise; and measure how large unbounded activations get.
 *
 * @module
 */

import { createActivation } from "../activations/mod.ts";
import type { Dataset } from "../core/dataset.ts";
import { matrix } from "../core/matrix.ts";
import { createPrng, randomNormal } from "../core/prng.ts";
import { requireNumber } from "../core/validate.ts";
import { spirals } from "../data/spirals.ts";
import type { DyingReluResult } from "./dying.ts";
import { type TrainTestSplit, trainTestSplit } from "../data/train_test_split.ts";
import {
  accuracy,
  type History,
  type Initializer,
  type InitializerName,
  isActivationLayer,
  mlp,
  normalInit,
  type OptimizerName,
  scanActivations,
  type Sequential,
  train,
  TrainingDivergedError,
} from "../nn/mod.ts";
import { slopeFor } from "./_slope.ts";

/** Mean, spread and standard error of one measurement over seeds. */
export interface SeedSpread {
  /** The values, one per seed that produced one (diverged runs are left out). */
  values: number[];
  /** Number of values. */
  n: number;
  /** Their mean (NaN when there are none). */
  mean: number;
  /** Their sample standard deviation (n - 1 in the denominator; 0 for a single value). */
  std: number;
  /** The standard error of the mean, `std / sqrt(n)`. */
  se: number;
  /** `mean - 2 se`: the low end of the rough 95% interval used to call differences noise. */
  low: number;
  /** `mean + 2 se`. */
  high: number;
}

/**
 * Summarises the values of one measurement over seeds: mean, sample standard deviation,
 * standard error and the interval mean ± 2·SE. Non-finite values (diverged runs) are dropped.
 *
 * @param values One value per seed.
 * @returns The summary.
 *
 * @example
 * ```ts
 * import { seedSpread } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const s = seedSpread([0.9, 1.0, 0.8, NaN]);
 * assert.equal(s.n, 3);
 * assert.ok(Math.abs(s.mean - 0.9) < 1e-12);
 * assert.ok(Math.abs(s.std - 0.1) < 1e-12);
 * assert.ok(Math.abs(s.high - s.low - 4 * 0.1 / Math.sqrt(3)) < 1e-12);
 * ```
 */
export function seedSpread(values: readonly number[]): SeedSpread {
  const kept = values.filter((v) => Number.isFinite(v));
  const n = kept.length;
  let sum = 0;
  for (const v of kept) sum += v;
  const mean = n === 0 ? NaN : sum / n;
  let squares = 0;
  for (const v of kept) squares += (v - mean) ** 2;
  const std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const se = n > 0 ? std / Math.sqrt(n) : NaN;
  return { values: kept, n, mean, std, se, low: mean - 2 * se, high: mean + 2 * se };
}

/**
 * Formats a spread as `mean ± std`, scaled and with a unit, e.g. `95.3 ± 1.2%` (a single
 * value without the ±).
 *
 * @param spread A {@linkcode SeedSpread}.
 * @param options `scale` (default 100, for fractions as percentages), `digits` (default 1) and
 *   `unit` (default `"%"`).
 * @returns The text; `"n/a"` when there are no values.
 *
 * @example
 * ```ts
 * import { formatSpread, seedSpread } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatSpread(seedSpread([0.9, 1.0, 0.8])), "90.0 ± 10.0%");
 * assert.equal(formatSpread(seedSpread([2, 4]), { scale: 1, digits: 2, unit: "" }), "3.00 ± 1.41");
 * assert.equal(formatSpread(seedSpread([0.25])), "25.0%");
 * ```
 */
export function formatSpread(
  spread: SeedSpread,
  options: { scale?: number; digits?: number; unit?: string } = {},
): string {
  if (spread.n === 0) return "n/a";
  const scale = options.scale ?? 100, digits = options.digits ?? 1, unit = options.unit ?? "%";
  const mean = (spread.mean * scale).toFixed(digits);
  if (spread.n === 1) return `${mean}${unit}`;
  return `${mean} ± ${(spread.std * scale).toFixed(digits)}${unit}`;
}

/** Options shared by {@linkcode scoreActivation}, {@linkcode alphaSweep} and {@linkcode compareVariants}. */
export interface SeedRunsOptions {
  /** Leaky ReLU's slope (PReLU: its initial slope; others ignore it). Default: 0.01, PReLU 0.25. */
  alpha?: number;
  /** Widths of the hidden layers. Default: `[32, 32]`. */
  hidden?: readonly number[];
  /** The seeds: each builds the weights and shuffles the batches of one run. Default: `[0, 1, 2, 3, 4]`. */
  seeds?: readonly number[];
  /** Epochs per run. Default: 60. */
  epochs?: number;
  /** Learning rate. Default: 0.01. */
  learningRate?: number;
  /** Optimizer. Default: `"adam"`. */
  optimizer?: OptimizerName;
  /** Mini-batch size. Default: 16. */
  batchSize?: number;
  /** Initial bias of every hidden neuron. Default: 0. */
  biasInit?: number;
  /** Weight initialiser. Default: `mlp`'s (He, with the slope, for the ReLU family). */
  init?: Initializer | InitializerName;
  /** Dropout rate after each hidden activation. Default: 0. */
  dropout?: number;
  /** Weight decay (L2 on the weights, in the optimizer). Default: 0. */
  weightDecay?: number;
  /** An output counts as near zero when |f(z)| < `nearZero`. Default: 0.01. */
  nearZero?: number;
}

/** What one seed's run of {@linkcode scoreActivation} ends with. */
export interface RunScore {
  /** The seed. */
  seed: number;
  /** Whether training stopped on a non-finite loss (then every figure below is NaN). */
  diverged: boolean;
  /** Accuracy of the trained network on the training set. */
  trainAccuracy: number;
  /** Accuracy on the test set. */
  testAccuracy: number;
  /** Fraction of all hidden neurons whose z <= 0 for every training sample (trained weights). */
  deadFraction: number;
  /** Fraction of hidden outputs on the test set that are exactly 0. */
  exactZeros: number;
  /** Fraction of hidden outputs on the test set with |f(z)| < `nearZero`. */
  nearZeros: number;
  /** Fraction of hidden pre-activations on the test set that are <= 0 (the negative regime). */
  negativeZ: number;
  /** The training history (the completed epochs, when training diverged). */
  history: History;
}

/** The runs of one activation (or one alpha) over seeds, with their spreads. */
export interface ActivationScores {
  /** The activation's name, e.g. `"leakyRelu"`. */
  activation: string;
  /** Its label, e.g. `"Leaky ReLU (α = 0.01)"`. */
  label: string;
  /** The slope used (Leaky ReLU's alpha, PReLU's initial slope), or NaN for others. */
  alpha: number;
  /** One score per seed, in seed order. */
  runs: RunScore[];
  /** Number of runs that diverged. */
  diverged: number;
  /** Spread of the test accuracy. */
  testAccuracy: SeedSpread;
  /** Spread of the training accuracy. */
  trainAccuracy: SeedSpread;
  /** Spread of the train - test accuracy gap. */
  gap: SeedSpread;
  /** Spread of the dead fraction. */
  deadFraction: SeedSpread;
  /** Spread of the fraction of exact zeros. */
  exactZeros: SeedSpread;
  /** Spread of the fraction of near zeros. */
  nearZeros: SeedSpread;
  /** Spread of the fraction of non-positive pre-activations. */
  negativeZ: SeedSpread;
}

/**
 * The data of the trade-off experiments: three noisy spiral arms (300 points, angle noise 0.2,
 * seed 1), 70% for training and 30% for testing (split seed 1).
 *
 * @returns The split.
 *
 * @example
 * ```ts
 * import { defaultTradeoffData } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const { train, test } = defaultTradeoffData();
 * assert.deepEqual([train.x.rows, test.x.rows], [210, 90]);
 * ```
 */
export function defaultTradeoffData(): TrainTestSplit {
  return trainTestSplit(spirals({ n: 300, classes: 3, noise: 0.2, seed: 1 }), {
    testFraction: 0.3,
    seed: 1,
  });
}

/**
 * Trains one network per seed with the given hidden activation on `data.train` and scores it:
 * training and test accuracy, the fraction of dead hidden neurons on the training set, and on
 * the test set the fractions of hidden outputs that are exactly 0, near 0, and of
 * pre-activations that are <= 0. A run whose loss becomes non-finite is marked `diverged` and
 * left out of the spreads.
 *
 * @param activation A hidden activation `mlp` accepts: `"relu"`, `"leakyRelu"`, `"prelu"`,
 *   `"rrelu"`, `"elu"`, ...
 * @param options The data (`data`, default {@linkcode defaultTradeoffData}), network, seeds and
 *   training settings.
 * @returns The runs and their spreads.
 *
 * @example
 * ```ts
 * import { scoreActivation } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const scores = scoreActivation("relu", { seeds: [0, 1], epochs: 2, hidden: [8] });
 * assert.equal(scores.runs.length, 2);
 * assert.equal(scores.testAccuracy.n, 2);
 * // ReLU's outputs are exactly 0 wherever z <= 0.
 * assert.equal(scores.runs[0].exactZeros, scores.runs[0].negativeZ);
 * ```
 */
export function scoreActivation(
  activation: string,
  options: SeedRunsOptions & { data?: TrainTestSplit } = {},
): ActivationScores {
  const action = "score an activation";
  const data = options.data ?? defaultTradeoffData();
  const seeds = options.seeds ?? [0, 1, 2, 3, 4];
  const epochs = requireNumber(action, "epochs", options.epochs ?? 60, { integer: true, min: 1 });
  const nearZero = requireNumber(action, "nearZero", options.nearZero ?? 0.01, { min: 0 });
  const alpha = options.alpha ?? (activation === "prelu" ? 0.25 : 0.01);
  requireNumber(action, "alpha", alpha, { min: 0 });
  const sizes = [data.train.x.cols, ...(options.hidden ?? [32, 32]), classCount(data.train)];
  const runs = seeds.map((seed): RunScore => {
    const model = mlp(sizes, {
      activation,
      alpha: slopeFor(activation, alpha),
      seed,
      biasInit: options.biasInit,
      init: options.init,
      dropout: options.dropout,
    });
    let history: History;
    try {
      history = train(model, data.train, {
        epochs,
        learningRate: options.learningRate ?? 0.01,
        optimizer: options.optimizer ?? "adam",
        batchSize: options.batchSize ?? 16,
        weightDecay: options.weightDecay,
        seed,
      });
    } catch (error) {
      if (!(error instanceof TrainingDivergedError)) throw error;
      return {
        seed,
        diverged: true,
        trainAccuracy: NaN,
        testAccuracy: NaN,
        deadFraction: NaN,
        exactZeros: NaN,
        nearZeros: NaN,
        negativeZ: NaN,
        history: error.history,
      };
    }
    return {
      seed,
      diverged: false,
      trainAccuracy: accuracy(model.predict(data.train.x), labelsOf(data.train)),
      testAccuracy: accuracy(model.predict(data.test.x), labelsOf(data.test)),
      deadFraction: hiddenDeadFraction(model, data.train),
      ...outputZeros(model, data.test, nearZero),
      history,
    };
  });
  const spreadOf = (pick: (run: RunScore) => number) => seedSpread(runs.map(pick));
  const hasSlope = activation === "leakyRelu" || activation === "prelu";
  return {
    activation,
    label: createActivation(activation, activation === "leakyRelu" ? { alpha } : {}).label,
    alpha: hasSlope ? alpha : NaN,
    runs,
    diverged: runs.filter((run) => run.diverged).length,
    testAccuracy: spreadOf((run) => run.testAccuracy),
    trainAccuracy: spreadOf((run) => run.trainAccuracy),
    gap: spreadOf((run) => run.trainAccuracy - run.testAccuracy),
    deadFraction: spreadOf((run) => run.deadFraction),
    exactZeros: spreadOf((run) => run.exactZeros),
    nearZeros: spreadOf((run) => run.nearZeros),
    negativeZ: spreadOf((run) => run.negativeZ),
  };
}

/**
 * Sweeps Leaky ReLU's slope: {@linkcode scoreActivation} with `"leakyRelu"` once per alpha, on
 * the same data, seeds and settings. Alpha 0 is ReLU; alpha 1 is the identity (a linear network).
 *
 * @param alphas The slopes, each >= 0.
 * @param options As for {@linkcode scoreActivation} (its `alpha` is ignored).
 * @returns One entry per alpha, in order.
 *
 * @example
 * ```ts
 * import { alphaSweep } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const sweep = alphaSweep([0, 0.1], { seeds: [0], epochs: 2, hidden: [8] });
 * assert.deepEqual(sweep.map((point) => point.alpha), [0, 0.1]);
 * // Only alpha = 0 produces exact zeros.
 * assert.ok(sweep[0].exactZeros.mean > 0);
 * assert.equal(sweep[1].exactZeros.mean, 0);
 * ```
 */
export function alphaSweep(
  alphas: readonly number[],
  options: SeedRunsOptions & { data?: TrainTestSplit } = {},
): ActivationScores[] {
  const data = options.data ?? defaultTradeoffData();
  return alphas.map((alpha) => scoreActivation("leakyRelu", { ...options, data, alpha }));
}

/**
 * The entry of an alpha sweep for one slope.
 *
 * @param sweep The result of {@linkcode alphaSweep}.
 * @param alpha The slope to find.
 * @returns Its entry.
 * @throws {RangeError} When the sweep has no entry for `alpha`.
 *
 * @example
 * ```ts
 * import { alphaSweep, sweepPoint } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const sweep = alphaSweep([0, 0.1], { seeds: [0], epochs: 1, hidden: [4] });
 * assert.equal(sweepPoint(sweep, 0.1).label, "Leaky ReLU (α = 0.1)");
 * assert.throws(() => sweepPoint(sweep, 0.2), RangeError);
 * ```
 */
export function sweepPoint(sweep: readonly ActivationScores[], alpha: number): ActivationScores {
  const point = sweep.find((p) => p.alpha === alpha);
  if (point === undefined) {
    throw new RangeError(
      `Cannot find a sweep point as alpha must be one of the swept slopes (${
        sweep.map((p) => p.alpha).join(", ")
      }): alpha=${alpha}`,
    );
  }
  return point;
}

/**
 * The activations {@linkcode compareVariants} compares by default.
 *
 * @example
 * ```ts
 * import { RELU_VARIANTS, createActivation } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(RELU_VARIANTS[0], "relu");
 * assert.ok(RELU_VARIANTS.includes("prelu"));
 * for (const name of RELU_VARIANTS) assert.equal(createActivation(name).f(2), 2); // identity for z > 0
 * ```
 */
export const RELU_VARIANTS: readonly string[] = Object.freeze([
  "relu",
  "leakyRelu",
  "prelu",
  "elu",
  "rrelu",
]);

/**
 * Runs {@linkcode scoreActivation} for several activations on the same data, seeds and
 * settings. PReLU starts from its usual slope 0.25 unless `preluInit` says otherwise; Leaky
 * ReLU uses `alpha`; RReLU draws its slopes from U[1/8, 1/3] in training and uses their mean
 * in evaluation.
 *
 * @param activations The activations. Default: {@linkcode RELU_VARIANTS}.
 * @param options As for {@linkcode scoreActivation}, plus `preluInit`.
 * @returns One entry per activation, in order.
 *
 * @example
 * ```ts
 * import { compareVariants } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const scores = compareVariants(["relu", "prelu"], { seeds: [0], epochs: 2, hidden: [8] });
 * assert.deepEqual(scores.map((s) => s.label), ["ReLU", "PReLU (α₀ = 0.25)"]);
 * ```
 */
export function compareVariants(
  activations: readonly string[] = RELU_VARIANTS,
  options: SeedRunsOptions & { data?: TrainTestSplit; preluInit?: number } = {},
): ActivationScores[] {
  const data = options.data ?? defaultTradeoffData();
  return activations.map((activation) => {
    const scores = scoreActivation(activation, {
      ...options,
      data,
      alpha: activation === "prelu" ? options.preluInit ?? 0.25 : options.alpha,
    });
    if (activation === "prelu") return { ...scores, label: `PReLU (α₀ = ${scores.alpha})` };
    if (activation === "rrelu") return { ...scores, label: "RReLU (α ~ U[1/8, 1/3])" };
    return scores;
  });
}

/** The measurements of {@linkcode ActivationScores} that carry a {@linkcode SeedSpread}. */
export type SpreadMetric =
  | "testAccuracy"
  | "trainAccuracy"
  | "gap"
  | "deadFraction"
  | "exactZeros"
  | "nearZeros"
  | "negativeZ";

/** What {@linkcode noiseVerdict} decides. */
export interface NoiseVerdict {
  /** Pairs `[better, worse]` of labels whose mean ± 2·SE intervals do not overlap. */
  separated: [string, string][];
  /** The label with the highest mean. */
  best: string;
  /** The label with the lowest mean. */
  worst: string;
  /** Whether every interval overlaps every other: all differences are within the noise. */
  withinNoise: boolean;
  /** One or two sentences saying so, built from the numbers. */
  sentence: string;
}

/**
 * Decides whether several settings differ beyond seed noise in one measurement: two settings
 * are called different when their intervals mean ± 2·SE (about 95% each) do not overlap. This
 * is a rough, conservative screen, not a significance test.
 *
 * With `reference`, only the pairs that include the entry with that label are compared (for a
 * sweep: each setting against the default one).
 *
 * @param scores Results of {@linkcode scoreActivation} (or anything with a label and spreads).
 * @param options `metric`: the measurement (default `"testAccuracy"`, higher is better);
 *   `reference`: the label every other entry is compared with (default: all pairs).
 * @returns The separated pairs and a sentence.
 *
 * @example
 * ```ts
 * import { noiseVerdict, seedSpread } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const verdict = noiseVerdict([
 *   { label: "A", testAccuracy: seedSpread([0.90, 0.91, 0.92]) },
 *   { label: "B", testAccuracy: seedSpread([0.89, 0.92, 0.90]) },
 *   { label: "C", testAccuracy: seedSpread([0.70, 0.71, 0.72]) },
 * ]);
 * assert.deepEqual(verdict.separated, [["A", "C"], ["B", "C"]]);
 * assert.equal(verdict.withinNoise, false);
 * assert.deepEqual(noiseVerdict([{ label: "A", testAccuracy: seedSpread([1, 2]) }]).separated, []);
 * ```
 */
export function noiseVerdict(
  scores: readonly ({ label: string } & Partial<Record<SpreadMetric, SeedSpread>>)[],
  options: { metric?: SpreadMetric; reference?: string } = {},
): NoiseVerdict {
  const metric = options.metric ?? "testAccuracy";
  const entries = scores.map((s) => ({ label: s.label, spread: s[metric] as SeedSpread }));
  if (entries.some((e) => typeof e.spread?.mean !== "number")) {
    throw new TypeError(
      `Cannot decide on noise as every entry must hold a SeedSpread under metric: metric=${metric}`,
    );
  }
  const reference = options.reference;
  if (reference !== undefined && !entries.some((e) => e.label === reference)) {
    throw new RangeError(
      `Cannot decide on noise as reference must be one of the labels: reference=${reference}`,
    );
  }
  const separated: [string, string][] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, b] = [entries[i], entries[j]];
      if (reference !== undefined && a.label !== reference && b.label !== reference) continue;
      if (a.spread.low > b.spread.high) separated.push([a.label, b.label]);
      else if (b.spread.low > a.spread.high) separated.push([b.label, a.label]);
    }
  }
  const ranked = entries.filter((e) => e.spread.n > 0).sort((a, b) =>
    b.spread.mean - a.spread.mean
  );
  const best = ranked[0]?.label ?? "", worst = ranked[ranked.length - 1]?.label ?? "";
  const withinNoise = separated.length === 0;
  const n = Math.min(...entries.map((e) => e.spread.n));
  const range = ranked.length === 0
    ? ""
    : ` Means range from ${pct(ranked[ranked.length - 1].spread.mean)} (${worst}) to ${
      pct(ranked[0].spread.mean)
    } (${best}).`;
  const within = reference === undefined
    ? `All ${entries.length} are within noise of each other: every pair of mean ± 2·SE intervals overlaps`
    : `Every setting is within noise of ${reference}: each one's mean ± 2·SE interval overlaps ${reference}'s`;
  const sentence = withinNoise
    ? `${within} (${n} seeds each).${range}`
    : `Beyond noise (non-overlapping mean ± 2·SE intervals, ${n} seeds each): ${
      separated.map(([a, b]) => `${a} > ${b}`).join("; ")
    }. Every other ${
      reference === undefined ? "pair" : `comparison with ${reference}`
    } is within noise.${range}`;
  return { separated, best, worst, withinNoise, sentence };
}

/**
 * Compares one measurement of two settings over seeds and says which is larger and whether the
 * difference is beyond the noise (their mean ± 2·SE intervals do not overlap).
 *
 * @param what What was measured, e.g. `"dead fraction after training"`.
 * @param a The first setting: `[name, spread]`.
 * @param b The second setting: `[name, spread]`.
 * @param options `scale`, `digits`, `unit` as for {@linkcode formatSpread}.
 * @returns One sentence.
 *
 * @example
 * ```ts
 * import { describeContrast, seedSpread } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeContrast("dead fraction", ["ReLU", seedSpread([0.5, 0.6, 0.55])], [
 *   "Leaky ReLU",
 *   seedSpread([0.1, 0.12, 0.11]),
 * ]);
 * assert.equal(
 *   text,
 *   "dead fraction: ReLU 55.0 ± 5.0% against Leaky ReLU 11.0 ± 1.0%; ReLU is higher, beyond noise (mean ± 2·SE intervals do not overlap, 3 and 3 seeds).",
 * );
 * ```
 */
export function describeContrast(
  what: string,
  a: readonly [string, SeedSpread],
  b: readonly [string, SeedSpread],
  options: { scale?: number; digits?: number; unit?: string } = {},
): string {
  const [nameA, sa] = a, [nameB, sb] = b;
  const values = `${what}: ${nameA} ${formatSpread(sa, options)} against ${nameB} ${
    formatSpread(sb, options)
  }`;
  if (sa.n === 0 || sb.n === 0) return `${values}; nothing to compare.`;
  const seeds = `${sa.n} and ${sb.n} seeds`;
  const apart = sa.low > sb.high || sb.low > sa.high;
  if (sa.mean === sb.mean) return `${values}; equal means (${seeds}).`;
  const higher = sa.mean > sb.mean ? nameA : nameB;
  return apart
    ? `${values}; ${higher} is higher, beyond noise (mean ± 2·SE intervals do not overlap, ${seeds}).`
    : `${values}; ${higher} is higher, but within noise (mean ± 2·SE intervals overlap, ${seeds}).`;
}

/**
 * A table of scores over seeds, one line per setting: test accuracy, train - test gap, inactive
 * (dead) fraction, exact zeros, near zeros and non-positive z (mean ± std in %), and diverged runs.
 *
 * @param scores Results of {@linkcode scoreActivation}, {@linkcode alphaSweep} or
 *   {@linkcode compareVariants}.
 * @returns The lines, joined with newlines.
 *
 * @example
 * ```ts
 * import { describeScores, scoreActivation } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeScores([scoreActivation("relu", { seeds: [0], epochs: 1, hidden: [4] })]);
 * assert.match(text, /^ReLU +test acc +\d+\.\d% \| gap /);
 * ```
 */
export function describeScores(scores: readonly ActivationScores[]): string {
  const width = Math.max(...scores.map((s) => s.label.length));
  return scores.map((s) => {
    const cells = [
      `test acc ${formatSpread(s.testAccuracy)}`,
      `gap ${formatSpread(s.gap)}`,
      `inactive ${formatSpread(s.deadFraction)}`,
      `exact 0 ${formatSpread(s.exactZeros)}`,
      `|f| small ${formatSpread(s.nearZeros)}`,
      `z ≤ 0 ${formatSpread(s.negativeZ)}`,
    ];
    if (s.diverged > 0) cells.push(`${s.diverged}/${s.runs.length} diverged`);
    return `${s.label.padEnd(width)}  ${cells.join(" | ")}`;
  }).join("\n");
}

/** One named curve of {@linkcode spreadCurves}, in the shape `plotLines` takes. */
export interface SpreadCurve {
  /** The legend name. */
  name: string;
  /** The x values. */
  x: number[];
  /** The y values. */
  y: number[];
}

/**
 * The mean and mean ± std of one measurement of an alpha sweep as three curves against alpha,
 * for `plotLines`. Entries with alpha = 0 (ReLU, which a log axis cannot place) become a
 * fourth, flat curve at ReLU's mean, across the range of the others, as a reference.
 *
 * @param sweep The result of {@linkcode alphaSweep}.
 * @param metric The measurement. Default: `"testAccuracy"`.
 * @param name What to call the mean curve. Default: `"Leaky ReLU, mean"`.
 * @returns The curves: mean, mean + std, mean - std, then ReLU's (when alpha 0 was swept).
 *
 * @example
 * ```ts
 * import { seedSpread, spreadCurves } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const point = (alpha: number, values: number[]) => ({ alpha, testAccuracy: seedSpread(values) });
 * const curves = spreadCurves([point(0, [0.8, 0.8]), point(0.1, [0.9, 0.9]), point(1, [0.5, 0.7])]);
 * assert.deepEqual(curves.map((c) => c.name), [
 *   "Leaky ReLU, mean", "mean + std", "mean − std", "ReLU (α = 0), mean",
 * ]);
 * assert.deepEqual(curves[0].x, [0.1, 1]);
 * assert.deepEqual(curves[3].y, [0.8, 0.8]);
 * ```
 */
export function spreadCurves(
  sweep: readonly ({ alpha: number } & Partial<Record<SpreadMetric, SeedSpread>>)[],
  metric: SpreadMetric = "testAccuracy",
  name = "Leaky ReLU, mean",
): SpreadCurve[] {
  const spreadOf = (p: Partial<Record<SpreadMetric, SeedSpread>>) => p[metric] as SeedSpread;
  const leaky = sweep.filter((p) => p.alpha > 0);
  const x = leaky.map((p) => p.alpha);
  const curves: SpreadCurve[] = [
    { name, x, y: leaky.map((p) => spreadOf(p).mean) },
    { name: "mean + std", x, y: leaky.map((p) => spreadOf(p).mean + spreadOf(p).std) },
    { name: "mean − std", x, y: leaky.map((p) => spreadOf(p).mean - spreadOf(p).std) },
  ];
  const relu = sweep.find((p) => p.alpha === 0);
  if (relu !== undefined && x.length > 0) {
    const y = spreadOf(relu).mean;
    curves.push({
      name: "ReLU (α = 0), mean",
      x: [Math.min(...x), Math.max(...x)],
      y: [y, y],
    });
  }
  return curves;
}

/**
 * A report on an alpha sweep: the table of {@linkcode describeScores}, then which slope had the
 * best mean test accuracy and which slopes are worse than it beyond the noise.
 *
 * @param sweep The result of {@linkcode alphaSweep}.
 * @returns The report.
 *
 * @example
 * ```ts
 * import { alphaSweep, describeAlphaSweep } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeAlphaSweep(alphaSweep([0, 1], { seeds: [0, 1], epochs: 20, hidden: [16] }));
 * assert.match(text, /Best mean test accuracy: Leaky ReLU \(α = 0\)/);
 * ```
 */
export function describeAlphaSweep(sweep: readonly ActivationScores[]): string {
  const verdict = noiseVerdict(sweep, {
    reference: [...sweep].sort((a, b) => b.testAccuracy.mean - a.testAccuracy.mean)[0]?.label,
  });
  const worse = verdict.separated.map(([, b]) => b);
  const conclusion = worse.length === 0
    ? "every other slope is within noise of it (overlapping mean ± 2·SE intervals)."
    : `worse beyond noise: ${worse.join(", ")}; every other slope is within noise of it.`;
  return `${describeScores(sweep)}\nBest mean test accuracy: ${verdict.best}; ${conclusion}`;
}

/** What {@linkcode summarizeDying} gathers from several dying-ReLU runs (one per seed). */
export interface DyingSummary {
  /** The activation's label. */
  label: string;
  /** Number of runs. */
  runs: number;
  /** Runs that diverged (their figures are left out below). */
  diverged: number;
  /** Spread of the fraction of hidden neurons dead before training. */
  deadAtStart: SeedSpread;
  /** Spread of the fraction of hidden neurons dead after the last epoch. */
  deadAtEnd: SeedSpread;
  /** Neurons dead before training, summed over the runs that finished. */
  startedDead: number;
  /** Of those, the neurons alive at the end. */
  recovered: number;
  /** Spread of the final training loss. */
  finalLoss: SeedSpread;
}

/**
 * Summarises runs of the dying-ReLU experiment (`dyingReluSeeds`): dead fractions before and
 * after training over the seeds, how many initially dead neurons came back, the final loss,
 * and how many runs diverged. For Leaky ReLU "dead" means inactive (z <= 0 on every training
 * sample); such a neuron still gets a gradient scaled by alpha, so it can come back.
 *
 * @param runs The runs (results of `dyingRelu`), at least one.
 * @returns The summary.
 *
 * @example
 * ```ts
 * import { dyingReluSeeds, summarizeDying } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const summary = summarizeDying(dyingReluSeeds([1, 2], { biasInit: -3, hidden: [8], epochs: 2 }));
 * assert.equal(summary.runs, 2);
 * assert.ok(summary.deadAtStart.mean > 0.5);
 * assert.equal(summary.recovered, 0);
 * ```
 */
export function summarizeDying(runs: readonly DyingReluResult[]): DyingSummary {
  if (runs.length === 0) {
    throw new RangeError("Cannot summarize dying runs as runs must not be empty: runs.length=0");
  }
  const finished = runs.filter((run) => !run.diverged);
  let startedDead = 0, recovered = 0;
  for (const run of finished) {
    startedDead += run.startedDead;
    recovered += run.recovered;
  }
  return {
    label: runs[0].label,
    runs: runs.length,
    diverged: runs.length - finished.length,
    deadAtStart: seedSpread(finished.map((run) => run.deadFraction[0])),
    deadAtEnd: seedSpread(finished.map((run) => run.deadFraction[run.deadFraction.length - 1])),
    startedDead,
    recovered,
    finalLoss: seedSpread(finished.map((run) => run.finalLoss)),
  };
}

/**
 * One line on a {@linkcode DyingSummary}: dead fractions before and after, recoveries, loss.
 *
 * @param summary The summary.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { describeDyingSummary, dyingReluSeeds, summarizeDying } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeDyingSummary(summarizeDying(dyingReluSeeds([1], { hidden: [4], epochs: 1 })));
 * assert.match(text, /^ReLU: dead .* before, .* after training; \d+ of \d+ initially dead came back/);
 * ```
 */
export function describeDyingSummary(summary: DyingSummary): string {
  const diverged = summary.diverged === 0
    ? ""
    : `; ${summary.diverged} of ${summary.runs} runs diverged (left out)`;
  return `${summary.label}: dead ${formatSpread(summary.deadAtStart)} before, ${
    formatSpread(summary.deadAtEnd)
  } after training; ${summary.recovered} of ${summary.startedDead} initially dead came back; ` +
    `final loss ${formatSpread(summary.finalLoss, { scale: 1, digits: 3, unit: "" })}${diverged}`;
}

/** Options of {@linkcode outputMagnitude}. */
export interface OutputMagnitudeOptions {
  /** Hidden activation. Default: `"relu"`. */
  activation?: string;
  /** Leaky ReLU's slope. Default: 0.01. */
  alpha?: number;
  /** Standard deviation of the N(0, sigma²) weights: the "large" initialisation. Default: 1. */
  sigma?: number;
  /** Weight initialiser, instead of N(0, sigma²). Default: none. */
  init?: Initializer | InitializerName;
  /** Hidden layers. Default: 8. */
  depth?: number;
  /** Width of the input and of every hidden layer. Default: 32. */
  width?: number;
  /** Number of N(0, 1) input samples. Default: 256. */
  samples?: number;
  /** Seed of the inputs and weights. Default: 0. */
  seed?: number;
}

/** The result of {@linkcode outputMagnitude}. */
export interface OutputMagnitude {
  /** The activation's label. */
  label: string;
  /** Per hidden layer: the largest |activation| over samples and neurons. */
  maxAbs: number[];
  /** Per hidden layer: the mean |activation|. */
  meanAbs: number[];
}

/**
 * Sends N(0, 1) inputs through a deep untrained MLP with N(0, sigma²) weights and records the
 * largest and mean |activation| of each hidden layer: with a large sigma they grow layer after
 * layer, as nothing bounds the positive side of ReLU or Leaky ReLU.
 *
 * @param options Activation, slope, weight scale, depth, width, samples and seed.
 * @returns Per-layer magnitudes.
 *
 * @example
 * ```ts
 * import { outputMagnitude } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const m = outputMagnitude({ activation: "leakyRelu", depth: 4 });
 * assert.equal(m.maxAbs.length, 4);
 * assert.ok(m.maxAbs[3] > 10 * m.maxAbs[0]);
 * ```
 */
export function outputMagnitude(options: OutputMagnitudeOptions = {}): OutputMagnitude {
  const action = "measure output magnitude";
  const depth = requireNumber(action, "depth", options.depth ?? 8, { integer: true, min: 1 });
  const width = requireNumber(action, "width", options.width ?? 32, { integer: true, min: 1 });
  const samples = requireNumber(action, "samples", options.samples ?? 256, {
    integer: true,
    min: 1,
  });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const activation = options.activation ?? "relu";
  const alpha = options.alpha ?? 0.01;
  const prng = createPrng(seed + 1);
  const x = matrix(samples, width);
  for (let i = 0; i < x.data.length; i++) x.data[i] = randomNormal(prng);
  const model = mlp([width, ...Array(depth).fill(width), 2], {
    activation,
    alpha: slopeFor(activation, alpha),
    init: options.init ?? normalInit({ sigma: options.sigma ?? 1 }),
    seed,
  });
  model.forward(x, { training: false });
  const maxAbs: number[] = [], meanAbs: number[] = [];
  for (const layer of model.layers) {
    if (!isActivationLayer(layer) || layer.lastOutput === undefined) continue;
    const y = layer.lastOutput.data;
    let largest = 0, sum = 0;
    for (let i = 0; i < y.length; i++) {
      const a = Math.abs(y[i]);
      sum += a;
      if (a > largest) largest = a;
    }
    maxAbs.push(largest);
    meanAbs.push(sum / y.length);
  }
  const label = createActivation(activation, activation === "leakyRelu" ? { alpha } : {}).label;
  return { label, maxAbs, meanAbs };
}

/** Fraction of all hidden neurons whose pre-activation is <= 0 on every sample of `data`. */
function hiddenDeadFraction(model: Sequential, data: Dataset): number {
  let dead = 0, neurons = 0;
  for (const scan of scanActivations(model, data.x)) {
    for (const positive of scan.everPositive) if (positive === 0) dead++;
    neurons += scan.size;
  }
  return dead / neurons;
}

/** Fractions of exact-zero and near-zero hidden outputs and of z <= 0, over `data`. */
function outputZeros(
  model: Sequential,
  data: Dataset,
  nearZero: number,
): { exactZeros: number; nearZeros: number; negativeZ: number } {
  model.forward(data.x, { training: false });
  let exact = 0, near = 0, negative = 0, count = 0;
  for (const layer of model.layers) {
    if (!isActivationLayer(layer) || layer.lastOutput === undefined) continue;
    const y = layer.lastOutput.data, z = layer.lastInput!.data;
    for (let i = 0; i < y.length; i++) {
      if (y[i] === 0) exact++;
      if (Math.abs(y[i]) < nearZero) near++;
      if (z[i] <= 0) negative++;
    }
    count += y.length;
  }
  return { exactZeros: exact / count, nearZeros: near / count, negativeZ: negative / count };
}

function labelsOf(data: Dataset): Int32Array {
  if (!(data.y instanceof Int32Array)) {
    throw new TypeError(
      "Cannot score an activation as the data must have class labels: data.y is a matrix",
    );
  }
  return data.y;
}

function classCount(data: Dataset): number {
  const labels = labelsOf(data);
  let largest = 0;
  for (const label of labels) largest = Math.max(largest, label);
  return Math.max(2, data.classes ?? largest + 1);
}

function pct(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}
