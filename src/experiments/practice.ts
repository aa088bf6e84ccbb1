/**
 * The comparison of ReLU with Leaky ReLU and the practical advice around them: a table whose
 * every row is a measured number, low-intensity pixels through a convolution, dead neurons
 * against depth, initialisation schemes, PReLU's learned slopes, and regularisation on a
 * small noisy data set.
 *
 * @module
 */

import type { Activation } from "../activations/types.ts";
import { createActivation } from "../activations/mod.ts";
import type { Matrix } from "../core/matrix.ts";
import { requireNumber } from "../core/validate.ts";
import { digitImage } from "../data/digit_image.ts";
import { loadDigits } from "../data/load_digits.ts";
import type { TrainTestSplit } from "../data/train_test_split.ts";
import { twoMoons } from "../data/two_moons.ts";
import {
  conv2d,
  edgeKernel,
  type EdgeKernelName,
  type EpochRecord,
  type Initializer,
  type InitializerName,
  normalInit,
  type OptimizerName,
} from "../nn/mod.ts";
import { dyingReluSeeds } from "./dying.ts";
import {
  type ActivationScores,
  type DyingSummary,
  formatSpread,
  outputMagnitude,
  scoreActivation,
  type SeedRunsOptions,
  type SeedSpread,
  summarizeDying,
} from "./tradeoffs.ts";

/** One row of {@linkcode formatComparisonTable}: a claim, the two measured values, a verdict. */
export interface ComparisonRow {
  /** What the row compares, e.g. `"dead neurons after training"`. */
  row: string;
  /** ReLU's value, as text. */
  relu: string;
  /** Leaky ReLU's value, as text. */
  leaky: string;
  /** What the numbers say, e.g. `"Leaky lower, beyond noise"`. */
  verdict: string;
  /** A short name for chart axes. Default: `row`. */
  short?: string;
  /** ReLU's mean. */
  reluValue?: number;
  /** Leaky ReLU's mean. */
  leakyValue?: number;
}

/**
 * Compares two spreads for a table row: which is lower or higher, and whether the difference is
 * beyond the noise (non-overlapping mean ± 2·SE intervals). Two single values (n = 1, e.g. one
 * image) are compared without a noise verdict.
 *
 * @param row The row's name.
 * @param relu ReLU's spread.
 * @param leaky Leaky ReLU's spread.
 * @param options `scale`, `digits`, `unit` for the values (as `formatSpread`); `short`, a
 *   short name for charts.
 * @returns The row.
 *
 * @example
 * ```ts
 * import { comparisonRow, seedSpread } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const row = comparisonRow("dead", seedSpread([0.5, 0.6]), seedSpread([0.1, 0.1]));
 * assert.equal(row.verdict, "Leaky lower, beyond noise");
 * assert.equal(row.relu, "55.0 ± 7.1%");
 * const single = comparisonRow("x", seedSpread([1]), seedSpread([0]));
 * assert.equal(single.verdict, "Leaky lower (one measurement, no spread)");
 * ```
 */
export function comparisonRow(
  row: string,
  relu: SeedSpread,
  leaky: SeedSpread,
  options: { scale?: number; digits?: number; unit?: string; short?: string } = {},
): ComparisonRow {
  let verdict: string;
  if (relu.n === 0 || leaky.n === 0) verdict = "no data";
  else if (relu.mean === leaky.mean) verdict = "equal";
  else {
    const direction = leaky.mean < relu.mean ? "Leaky lower" : "Leaky higher";
    const apart = relu.low > leaky.high || leaky.low > relu.high;
    verdict = relu.n === 1 && leaky.n === 1
      ? `${direction} (one measurement, no spread)`
      : `${direction}, ${apart ? "beyond noise" : "within noise"}`;
  }
  return {
    row,
    relu: formatSpread(relu, options),
    leaky: formatSpread(leaky, options),
    verdict,
    short: options.short ?? row,
    reluValue: relu.mean,
    leakyValue: leaky.mean,
  };
}

/**
 * Prints comparison rows as a plain-text table with a header: row, ReLU, Leaky ReLU, verdict.
 *
 * @param rows The rows.
 * @param leakyLabel The heading of the Leaky ReLU column. Default: `"Leaky ReLU"`.
 * @returns The table.
 *
 * @example
 * ```ts
 * import { formatComparisonTable } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const table = formatComparisonTable([{ row: "a", relu: "1", leaky: "2", verdict: "v" }]);
 * assert.equal(table.split("\n").length, 3);
 * assert.match(table, /^row +ReLU +Leaky ReLU +verdict$/m);
 * ```
 */
export function formatComparisonTable(
  rows: readonly ComparisonRow[],
  leakyLabel = "Leaky ReLU",
): string {
  const header: ComparisonRow = { row: "row", relu: "ReLU", leaky: leakyLabel, verdict: "verdict" };
  const all = [header, ...rows];
  const width = (pick: (r: ComparisonRow) => string) => Math.max(...all.map((r) => pick(r).length));
  const [w1, w2, w3] = [width((r) => r.row), width((r) => r.relu), width((r) => r.leaky)];
  const line = (r: ComparisonRow) =>
    `${r.row.padEnd(w1)}  ${r.relu.padEnd(w2)}  ${r.leaky.padEnd(w3)}  ${r.verdict}`;
  return [line(header), "-".repeat(w1 + w2 + w3 + 6 + 7), ...rows.map(line)].join("\n");
}

/** One bar of {@linkcode comparisonBars}, in the shape `plotLayerBars` takes. */
export interface ComparisonBar {
  /** The row's short name. */
  layer: string;
  /** The mean. */
  value: number;
  /** `"ReLU"` or the Leaky ReLU label. */
  series: string;
}

/**
 * The means of comparison rows as grouped bars (ReLU and Leaky ReLU side by side per row).
 *
 * @param rows Rows of {@linkcode comparisonRow}.
 * @param leakyLabel The Leaky ReLU series' name. Default: `"Leaky ReLU"`.
 * @returns Two bars per row.
 *
 * @example
 * ```ts
 * import { comparisonBars, comparisonRow, seedSpread } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const row = comparisonRow("dead neurons", seedSpread([0.4]), seedSpread([0.1]), { short: "dead" });
 * assert.deepEqual(comparisonBars([row]), [
 *   { layer: "dead", value: 0.4, series: "ReLU" },
 *   { layer: "dead", value: 0.1, series: "Leaky ReLU" },
 * ]);
 * ```
 */
export function comparisonBars(
  rows: readonly ComparisonRow[],
  leakyLabel = "Leaky ReLU",
): ComparisonBar[] {
  return rows.flatMap((r) => [
    { layer: r.short ?? r.row, value: r.reluValue ?? NaN, series: "ReLU" },
    { layer: r.short ?? r.row, value: r.leakyValue ?? NaN, series: leakyLabel },
  ]);
}

/** Options of {@linkcode lowIntensityFeatures}. */
export interface LowIntensityFeaturesOptions {
  /** Which image: the index into a seeded sample of the `mnist` package's digits. Default: 0. */
  index?: number;
  /** Seed of the sample. Default: 0. */
  seed?: number;
  /**
   * The filter: an edge kernel's name, `"box"` (the 3×3 mean, a brightness detector) or a
   * matrix. Default: `"box"`.
   */
  kernel?: EdgeKernelName | "box" | Matrix;
  /** The filter's bias, added to every response (a learned filter has one). Default: -0.25. */
  bias?: number;
  /** Leaky ReLU's slope. Default: 0.01. */
  alpha?: number;
  /** Pixels with intensity below this count as low-intensity. Default: 0.1. */
  threshold?: number;
}

/** What {@linkcode lowIntensityFeatures} measures. */
export interface LowIntensityFeatures {
  /** The digit shown. */
  digit: number;
  /** The 28×28 image, intensities in [0, 1]. */
  image: Matrix;
  /** The pre-activation map z = filter ⋆ image + bias ("same" padding). */
  z: Matrix;
  /** ReLU(z). */
  reluMap: Matrix;
  /** LeakyReLU(z). */
  leakyMap: Matrix;
  /** Fraction of pixels that are low-intensity. */
  lowFraction: number;
  /** Among low-intensity pixels: fraction where ReLU's output is exactly 0. */
  reluZeroLow: number;
  /** Among low-intensity pixels: fraction where Leaky ReLU's output is exactly 0. */
  leakyZeroLow: number;
  /**
   * Among the low-intensity pixels that ReLU sets to 0: the largest |Leaky ReLU output| there,
   * i.e. how small the outputs that Leaky ReLU keeps "active" are.
   */
  leakyMaxAbsLow: number;
  /** Over all pixels: fraction of ReLU outputs exactly 0. */
  reluZero: number;
  /** Over all pixels: fraction of Leaky ReLU outputs exactly 0. */
  leakyZero: number;
}

/**
 * The text's convolutional example: one handwritten digit goes through one 3×3 filter with a
 * bias, and ReLU and Leaky ReLU are applied to the response. For the low-intensity pixels
 * (background), counts how many outputs each activation sets to exactly 0. With a zero-sum
 * edge filter and no bias the background response is exactly 0, and both activations output 0
 * there; with a bias, Leaky ReLU keeps a small non-zero output (alpha times the bias). Async
 * because the digits are loaded on first use.
 *
 * @param options Image, filter, bias, slope and intensity threshold.
 * @returns The maps and the fractions.
 *
 * @example
 * ```ts
 * import { lowIntensityFeatures } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const box = await lowIntensityFeatures({ kernel: "box", bias: -0.25, alpha: 0.01 });
 * assert.ok(box.reluZeroLow > 0.9);
 * assert.equal(box.leakyZeroLow, 0);
 * assert.ok(Math.abs(box.leakyMaxAbsLow - 0.0025) < 1e-12); // alpha times the bias
 * const edges = await lowIntensityFeatures({ kernel: "sobelX", bias: 0 });
 * assert.ok(edges.leakyZeroLow > 0.5);
 * ```
 */
export async function lowIntensityFeatures(
  options: LowIntensityFeaturesOptions = {},
): Promise<LowIntensityFeatures> {
  const action = "measure low-intensity features";
  const index = requireNumber(action, "index", options.index ?? 0, { integer: true, min: 0 });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const bias = requireNumber(action, "bias", options.bias ?? -0.25);
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const threshold = requireNumber(action, "threshold", options.threshold ?? 0.1);
  const kernel = resolveKernel(options.kernel ?? "box");
  const data = await loadDigits({ n: index + 1, seed });
  const image = digitImage(data, index);
  const z = conv2d(image, kernel, { padding: "same" });
  for (let i = 0; i < z.data.length; i++) z.data[i] += bias;
  const apply = (activation: Activation): Matrix => ({
    rows: z.rows,
    cols: z.cols,
    data: activation.forward(z.data),
  });
  const reluMap = apply(createActivation("relu"));
  const leakyMap = apply(createActivation("leakyRelu", { alpha }));
  let low = 0, reluZeroLow = 0, leakyZeroLow = 0, leakyMaxAbsLow = 0, reluZero = 0, leakyZero = 0;
  for (let i = 0; i < image.data.length; i++) {
    if (reluMap.data[i] === 0) reluZero++;
    if (leakyMap.data[i] === 0) leakyZero++;
    if (image.data[i] >= threshold) continue;
    low++;
    if (leakyMap.data[i] === 0) leakyZeroLow++;
    if (reluMap.data[i] !== 0) continue;
    reluZeroLow++;
    leakyMaxAbsLow = Math.max(leakyMaxAbsLow, Math.abs(leakyMap.data[i]));
  }
  const n = image.data.length;
  return {
    digit: data.digits[data.y[index]],
    image,
    z,
    reluMap,
    leakyMap,
    lowFraction: low / n,
    reluZeroLow: low === 0 ? NaN : reluZeroLow / low,
    leakyZeroLow: low === 0 ? NaN : leakyZeroLow / low,
    leakyMaxAbsLow,
    reluZero: reluZero / n,
    leakyZero: leakyZero / n,
  };
}

/** Options of {@linkcode deadByDepth}. */
export interface DeadByDepthOptions {
  /** Hidden activation. Default: `"relu"`. */
  activation?: string;
  /** Leaky ReLU's slope. Default: 0.01. */
  alpha?: number;
  /** Width of every hidden layer. Default: 16. */
  width?: number;
  /** Seeds. Default: `[0, 1, 2, 3, 4]`. */
  seeds?: readonly number[];
  /** Epochs. Default: 20. */
  epochs?: number;
  /** Learning rate. Default: 0.01. */
  learningRate?: number;
  /** Optimizer. Default: `"adam"`. */
  optimizer?: OptimizerName;
}

/** One depth of {@linkcode deadByDepth}. */
export interface DepthPoint {
  /** Number of hidden layers. */
  depth: number;
  /** The dying-ReLU summary over the seeds at this depth. */
  summary: DyingSummary;
}

/**
 * Trains MLPs of increasing depth (two moons, `depth` hidden layers of `width`) over several
 * seeds with the dying-ReLU experiment, and summarises the inactive fraction before and after
 * training at each depth.
 *
 * @param depths The numbers of hidden layers.
 * @param options Activation, slope, width, seeds and training settings.
 * @returns One point per depth, in order.
 *
 * @example
 * ```ts
 * import { deadByDepth } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const points = deadByDepth([1, 6], { seeds: [0, 1], epochs: 1 });
 * assert.deepEqual(points.map((p) => p.depth), [1, 6]);
 * assert.ok(points[1].summary.deadAtStart.mean > points[0].summary.deadAtStart.mean);
 * ```
 */
export function deadByDepth(
  depths: readonly number[],
  options: DeadByDepthOptions = {},
): DepthPoint[] {
  const action = "measure dead neurons by depth";
  const width = requireNumber(action, "width", options.width ?? 16, { integer: true, min: 1 });
  return depths.map((depth, i) => {
    requireNumber(action, `depths[${i}]`, depth, { integer: true, min: 1 });
    const runs = dyingReluSeeds(options.seeds ?? [0, 1, 2, 3, 4], {
      activation: options.activation ?? "relu",
      alpha: options.alpha ?? 0.01,
      hidden: Array(depth).fill(width),
      epochs: options.epochs ?? 20,
      learningRate: options.learningRate ?? 0.01,
      optimizer: options.optimizer ?? "adam",
    });
    return { depth, summary: summarizeDying(runs) };
  });
}

/** One initialisation scheme of {@linkcode compareInits}. */
export interface InitScheme {
  /** Its name in tables and legends. */
  name: string;
  /** The initialiser. */
  init: Initializer | InitializerName;
}

/**
 * The schemes {@linkcode compareInits} compares by default: He, Xavier and naive N(0, 0.01²).
 *
 * @example
 * ```ts
 * import { INIT_SCHEMES } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(INIT_SCHEMES.map((s) => s.name), ["He", "Xavier", "naive N(0, 0.01²)"]);
 * assert.equal(INIT_SCHEMES[0].init, "he");
 * ```
 */
export const INIT_SCHEMES: readonly InitScheme[] = Object.freeze([
  { name: "He", init: "he" },
  { name: "Xavier", init: "xavier" },
  { name: "naive N(0, 0.01²)", init: normalInit({ sigma: 0.01 }) },
]);

/** Options of {@linkcode compareInits}. */
export interface CompareInitsOptions {
  /** Hidden activation. Default: `"relu"`. */
  activation?: string;
  /** Leaky ReLU's slope. Default: 0.01. */
  alpha?: number;
  /** Number of hidden layers. Default: 8. */
  depth?: number;
  /** Width of every hidden layer. Default: 32. */
  width?: number;
  /** Seeds. Default: `[0, 1, 2, 3, 4]`. */
  seeds?: readonly number[];
  /** Epochs of plain SGD. Default: 20. */
  epochs?: number;
  /** Learning rate. Default: 0.1. */
  learningRate?: number;
}

/** The result of one scheme in {@linkcode compareInits}. */
export interface InitResult {
  /** The scheme's name. */
  name: string;
  /** Inactive fractions before and after training, final loss, over the seeds (two moons). */
  summary: DyingSummary;
  /**
   * Mean |activation| of each hidden layer of the untrained network on N(0, 1) inputs of
   * width `width` (the first seed), from the input side.
   */
  meanAbs: number[];
}

/**
 * Compares weight initialisations for a deep ReLU-family MLP: the inactive fraction before and
 * after training on two moons (plain SGD, several seeds), the final loss, and the scale of the
 * activations layer by layer in the untrained network.
 *
 * @param schemes The schemes. Default: {@linkcode INIT_SCHEMES}.
 * @param options Activation, depth, width, seeds and training settings.
 * @returns One result per scheme, in order.
 *
 * @example
 * ```ts
 * import { compareInits } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [he, , naive] = compareInits(undefined, { depth: 4, seeds: [0], epochs: 2 });
 * assert.ok(naive.meanAbs[3] < 1e-3 * he.meanAbs[3]);
 * ```
 */
export function compareInits(
  schemes: readonly InitScheme[] = INIT_SCHEMES,
  options: CompareInitsOptions = {},
): InitResult[] {
  const action = "compare initialisations";
  const depth = requireNumber(action, "depth", options.depth ?? 8, { integer: true, min: 1 });
  const width = requireNumber(action, "width", options.width ?? 32, { integer: true, min: 1 });
  const seeds = options.seeds ?? [0, 1, 2, 3, 4];
  const activation = options.activation ?? "relu";
  const alpha = options.alpha ?? 0.01;
  return schemes.map(({ name, init }) => {
    const runs = dyingReluSeeds(seeds, {
      activation,
      alpha,
      init,
      hidden: Array(depth).fill(width),
      epochs: options.epochs ?? 20,
      learningRate: options.learningRate ?? 0.1,
    });
    const scale = outputMagnitude({ activation, alpha, init, depth, width, seed: seeds[0] });
    return { name, summary: summarizeDying(runs), meanAbs: scale.meanAbs };
  });
}

/** PReLU's slopes in one layer over training, as {@linkcode preluSlopeTrace} returns them. */
export interface SlopeTrace {
  /** The PReLU layer, counted from 1. */
  layer: number;
  /** The epochs, from 1. */
  epochs: number[];
  /** Mean slope of the layer's neurons after each epoch. */
  mean: number[];
  /** Smallest slope after each epoch. */
  min: number[];
  /** Largest slope after each epoch. */
  max: number[];
}

/**
 * Reads PReLU's slopes from a training history (`preluSlopes` of each epoch record) and
 * returns, per PReLU layer, their mean, smallest and largest value after every epoch.
 *
 * @param history A training history of a model with PReLU layers.
 * @returns One trace per PReLU layer (none when the history has no slopes).
 *
 * @example
 * ```ts
 * import { preluSlopeTrace } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const record = (epoch: number, slopes: number[][]) => ({ epoch, preluSlopes: slopes });
 * const [first] = preluSlopeTrace([record(1, [[0.2, 0.4]]), record(2, [[0.1, 0.5]])]);
 * assert.deepEqual(first.min, [0.2, 0.1]);
 * assert.ok(Math.abs(first.mean[1] - 0.3) < 1e-12);
 * ```
 */
export function preluSlopeTrace(
  history: readonly Pick<EpochRecord, "epoch" | "preluSlopes">[],
): SlopeTrace[] {
  const layers = history[0]?.preluSlopes?.length ?? 0;
  return Array.from({ length: layers }, (_, l): SlopeTrace => {
    const trace: SlopeTrace = { layer: l + 1, epochs: [], mean: [], min: [], max: [] };
    for (const record of history) {
      const slopes = record.preluSlopes?.[l];
      if (slopes === undefined || slopes.length === 0) continue;
      let sum = 0;
      for (const s of slopes) sum += s;
      trace.epochs.push(record.epoch);
      trace.mean.push(sum / slopes.length);
      trace.min.push(Math.min(...slopes));
      trace.max.push(Math.max(...slopes));
    }
    return trace;
  });
}

/** One setting of {@linkcode compareRegularization}. */
export interface RegularizationSetting {
  /** Its name in tables. */
  name: string;
  /** Dropout rate after each hidden activation. Default: 0. */
  dropout?: number;
  /** Weight decay (L2 on the weights). Default: 0. */
  weightDecay?: number;
}

/**
 * The settings {@linkcode compareRegularization} compares by default.
 *
 * @example
 * ```ts
 * import { REGULARIZATION_SETTINGS } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(REGULARIZATION_SETTINGS.length, 3);
 * assert.equal(REGULARIZATION_SETTINGS[0].dropout, undefined); // the baseline: no regularization
 * assert.equal(REGULARIZATION_SETTINGS[1].dropout, 0.3);
 * assert.equal(REGULARIZATION_SETTINGS[2].weightDecay, 1e-3);
 * ```
 */
export const REGULARIZATION_SETTINGS: readonly RegularizationSetting[] = Object.freeze([
  { name: "none" },
  { name: "dropout 0.3", dropout: 0.3 },
  { name: "weight decay 1e-3", weightDecay: 1e-3 },
]);

/**
 * A small noisy data set that a wide network overfits: 60 training points of two moons with
 * noise 0.35 (seed 1), and 500 test points from the same distribution (seed 2).
 *
 * @returns The split.
 *
 * @example
 * ```ts
 * import { defaultNoisyData } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const { train, test } = defaultNoisyData();
 * assert.deepEqual([train.x.rows, test.x.rows], [60, 500]);
 * ```
 */
export function defaultNoisyData(): TrainTestSplit {
  return {
    train: twoMoons({ n: 60, noise: 0.35, seed: 1 }),
    test: twoMoons({ n: 500, noise: 0.35, seed: 2 }),
  };
}

/**
 * Trains the same wide network with each regularisation setting over several seeds (with
 * {@linkcode scoreActivation}) and returns the scores, labelled by setting: the train - test
 * accuracy gap shows overfitting, the test accuracy what it costs.
 *
 * @param settings The settings. Default: {@linkcode REGULARIZATION_SETTINGS}.
 * @param options As for {@linkcode scoreActivation}, plus `activation` (default
 *   `"leakyRelu"`); defaults here: {@linkcode defaultNoisyData}, hidden `[64, 64]`, 200 epochs.
 * @returns One entry per setting, in order; `label` is the setting's name.
 *
 * @example
 * ```ts
 * import { compareRegularization } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const scores = compareRegularization(undefined, { seeds: [0], epochs: 2 });
 * assert.deepEqual(scores.map((s) => s.label), ["none", "dropout 0.3", "weight decay 1e-3"]);
 * ```
 */
export function compareRegularization(
  settings: readonly RegularizationSetting[] = REGULARIZATION_SETTINGS,
  options: SeedRunsOptions & { data?: TrainTestSplit; activation?: string } = {},
): ActivationScores[] {
  const data = options.data ?? defaultNoisyData();
  return settings.map((setting) => {
    const scores = scoreActivation(options.activation ?? "leakyRelu", {
      hidden: [64, 64],
      epochs: 200,
      ...options,
      data,
      dropout: setting.dropout,
      weightDecay: setting.weightDecay,
    });
    return { ...scores, label: setting.name };
  });
}

/**
 * Marks the exact zeros of a matrix: 1 where a value is exactly 0, else 0 (for `plotImage`).
 *
 * @param m The matrix.
 * @returns A new matrix of the same shape.
 *
 * @example
 * ```ts
 * import { fromRows, zeroMask } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(zeroMask(fromRows([[0, -0.01], [2, -0]])).data), [1, 0, 0, 1]);
 * ```
 */
export function zeroMask(m: Matrix): Matrix {
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < data.length; i++) data[i] = m.data[i] === 0 ? 1 : 0;
  return { rows: m.rows, cols: m.cols, data };
}

/**
 * One line per initialisation scheme: inactive fraction before and after training, final
 * loss, and the growth of the mean |activation| per layer in the untrained network.
 *
 * @param results The result of {@linkcode compareInits}.
 * @returns The lines, joined with newlines.
 *
 * @example
 * ```ts
 * import { compareInits, describeInits } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeInits(compareInits(undefined, { depth: 3, seeds: [0], epochs: 1 }));
 * assert.match(text, /^He +inactive [\d.]+% before, [\d.]+% after training; loss [\d.]+; activation scale ×[\d.]+ per layer/);
 * ```
 */
export function describeInits(results: readonly InitResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  return results.map((r) => {
    const s = r.summary;
    const layers = r.meanAbs.length;
    const growth = layers > 1 ? (r.meanAbs[layers - 1] / r.meanAbs[0]) ** (1 / (layers - 1)) : 1;
    const diverged = s.diverged > 0 ? `; ${s.diverged}/${s.runs} diverged` : "";
    return `${r.name.padEnd(width)}  inactive ${formatSpread(s.deadAtStart)} before, ${
      formatSpread(s.deadAtEnd)
    } after training; loss ${formatSpread(s.finalLoss, { scale: 1, digits: 3, unit: "" })}; ` +
      `activation scale ×${growth.toPrecision(2)} per layer${diverged}`;
  }).join("\n");
}

/**
 * One line per PReLU layer: the mean slope at the start and after the last recorded epoch,
 * and the range of the slopes at the end.
 *
 * @param traces The result of {@linkcode preluSlopeTrace}.
 * @param initial The slope every neuron started from. Default: 0.25.
 * @returns The lines, joined with newlines.
 *
 * @example
 * ```ts
 * import { describeSlopes } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const trace = { layer: 1, epochs: [1, 2], mean: [0.2, 0.1], min: [0, -0.1], max: [0.3, 0.4] };
 * assert.equal(
 *   describeSlopes([trace]),
 *   "layer 1: mean slope 0.250 at the start, 0.100 after epoch 2; range -0.100 to 0.400",
 * );
 * ```
 */
export function describeSlopes(traces: readonly SlopeTrace[], initial = 0.25): string {
  return traces.map((t) => {
    const last = t.epochs.length - 1;
    return `layer ${t.layer}: mean slope ${initial.toFixed(3)} at the start, ${
      t.mean[last].toFixed(3)
    } after epoch ${t.epochs[last]}; range ${t.min[last].toFixed(3)} to ${t.max[last].toFixed(3)}`;
  }).join("\n");
}

function resolveKernel(kernel: EdgeKernelName | "box" | Matrix): Matrix {
  if (kernel === "box") return { rows: 3, cols: 3, data: new Float64Array(9).fill(1 / 9) };
  if (typeof kernel === "string") return edgeKernel(kernel);
  return kernel;
}
