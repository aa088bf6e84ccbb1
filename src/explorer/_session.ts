/**
 * One training run of the explorer: the data, the model and the training options built from
 * the settings with the library's public parts, and a session that runs `trainAsync` one epoch
 * at a time on request. The page and the kernel run this same code, so an epoch in the page
 * gives the record `train()` gives in Deno.
 *
 * @module
 */

import { optionsFor } from "../activations/create_activation.ts";
import type { Dataset } from "../core/dataset.ts";
import { circles } from "../data/circles.ts";
import { spirals } from "../data/spirals.ts";
import { type TrainTestSplit, trainTestSplit } from "../data/train_test_split.ts";
import { twoMoons } from "../data/two_moons.ts";
import { xor } from "../data/xor.ts";
import { deadNeurons } from "../diagnostics/dead_neurons.ts";
import { accuracy } from "../nn/accuracy.ts";
import { mlp } from "../nn/mlp.ts";
import type { Sequential } from "../nn/sequential.ts";
import { softmaxCrossEntropy } from "../nn/softmax_cross_entropy.ts";
import {
  type EpochRecord,
  trainAsync,
  TrainingDivergedError,
  type TrainOptions,
} from "../nn/train.ts";
import type { ExplorerSettings } from "./_settings.ts";

/** The inner circle's radius relative to the outer one, for the circles data set. */
export const CIRCLES_FACTOR = 0.5;

/**
 * The data set of the settings, split into training and test points: the generator named by
 * `dataset` with `n`, `noise` and `seed` (spirals with two arms, circles with factor 0.5), then
 * `trainTestSplit` with `testFraction` and `seed`.
 */
export function explorerData(settings: ExplorerSettings): TrainTestSplit {
  const { n, noise, seed } = settings;
  let data: Dataset;
  const options = { n, noise, seed, ...DATA_EXTRAS[settings.dataset] };
  switch (settings.dataset) {
    case "twoMoons":
      data = twoMoons(options);
      break;
    case "circles":
      data = circles(options);
      break;
    case "spirals":
      data = spirals(options);
      break;
    case "xor":
      data = xor(options);
      break;
  }
  return trainTestSplit(data, { testFraction: settings.testFraction, seed });
}

/**
 * The model of the settings: `mlp([2, ...hidden, 2])` with the activation, its `alpha` when it
 * takes one (Leaky ReLU, PReLU, ELU), `biasInit` and `seed`.
 */
export function explorerModel(settings: ExplorerSettings): Sequential {
  const { activation, alpha, biasInit, seed } = settings;
  return mlp([2, ...settings.hidden, 2], {
    activation,
    ...optionsFor(activation, { alpha }),
    biasInit,
    seed,
  });
}

/** The options of `train` for the settings (the test set is added by the caller). */
export function explorerTrainOptions(settings: ExplorerSettings): TrainOptions {
  const { epochs, batchSize, learningRate, optimizer, seed } = settings;
  return { epochs, batchSize, learningRate, optimizer, seed };
}

/**
 * The run of the settings as code a notebook cell can run: the data, the split, the model and
 * `train` with the explorer's options, from the library's public API.
 */
export function recipeCode(settings: ExplorerSettings): string {
  const { n, noise, seed, alpha, biasInit } = settings;
  const dataOptions = { n, noise, seed, ...DATA_EXTRAS[settings.dataset] };
  const activation = JSON.stringify(settings.activation);
  const slope = "alpha" in optionsFor(settings.activation, { alpha }) ? ` alpha: ${alpha},` : "";
  const trainOptions = Object.entries(explorerTrainOptions(settings))
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(", ");
  return [
    `const data = ${settings.dataset}(${literal(dataOptions)});`,
    `const { train: points, test } = trainTestSplit(data, ${
      literal({ testFraction: settings.testFraction, seed })
    });`,
    `const model = mlp(${JSON.stringify([2, ...settings.hidden, 2]).replaceAll(",", ", ")}, {`,
    `  activation: ${activation},${slope} biasInit: ${biasInit}, seed: ${seed},`,
    `});`,
    `const history = train(model, points, { ${trainOptions}, test });`,
  ].join("\n");
}

/** Options the generators get besides n, noise and seed. */
const DATA_EXTRAS: Record<ExplorerSettings["dataset"], Record<string, number>> = {
  twoMoons: {},
  circles: { factor: CIRCLES_FACTOR },
  spirals: { classes: 2 },
  xor: {},
};

function literal(options: Record<string, number>): string {
  return `{ ${Object.entries(options).map(([key, value]) => `${key}: ${value}`).join(", ")} }`;
}

/** What the explorer shows per epoch: epoch 0 (the untrained model) and train()'s records. */
export interface ExplorerRecord {
  /** The epoch, 0 for the untrained model. */
  epoch: number;
  /** Mean loss on the training set. */
  trainLoss: number;
  /** Mean loss on the test set. */
  testLoss: number;
  /** Accuracy on the training set. */
  trainAccuracy: number;
  /** Accuracy on the test set. */
  testAccuracy: number;
  /** Dead fraction per hidden layer, on the training set. */
  deadFraction: number[];
  /** PReLU's slopes per hidden layer, when the activation is PReLU. */
  preluSlopes?: number[][];
}

/** Where a session stands. */
export type SessionStatus = "ready" | "training" | "done" | "diverged" | "failed";

/**
 * A training run advanced one epoch per {@linkcode ExplorerSession.step}: `trainAsync` with a
 * progress reporter that waits for the next request, so the epochs, their order and their
 * numbers are `train()`'s.
 */
export class ExplorerSession {
  /** The settings of this run. */
  readonly settings: ExplorerSettings;
  /** Training points. */
  readonly train: Dataset;
  /** Test points. */
  readonly test: Dataset;
  /** The model, trained in place. */
  readonly model: Sequential;
  /** Epoch 0 (the untrained model), then one record per epoch trained. */
  readonly history: ExplorerRecord[];
  /** Where the run stands. */
  status: SessionStatus = "ready";
  /**
   * Why the run stopped early: a `TrainingDivergedError` when the loss stopped being finite
   * (status `"diverged"`), any other error otherwise (status `"failed"`).
   */
  error: Error | undefined;
  /** Seconds the last epoch took (training and measurement, as `train` times it). */
  lastSeconds = 0;
  #release: (() => void) | undefined;
  #pending: Promise<ExplorerRecord | undefined> | undefined;
  #deliver: ((record: ExplorerRecord | undefined) => void) | undefined;

  /** Builds the data and the model of `settings`; nothing is trained yet. */
  constructor(settings: ExplorerSettings) {
    this.settings = settings;
    const { train, test } = explorerData(settings);
    this.train = train;
    this.test = test;
    this.model = explorerModel(settings);
    this.history = [untrainedRecord(this.model, train, test)];
  }

  /** Whether the run is over: all epochs done, diverged or failed. */
  get over(): boolean {
    return this.status === "done" || this.status === "diverged" || this.status === "failed";
  }

  /** The latest record. */
  get last(): ExplorerRecord {
    return this.history[this.history.length - 1];
  }

  /**
   * Trains one more epoch. Resolves with its record, or with undefined when the run is over
   * (all epochs done, or diverged: see `status` and `error`). A call made while an epoch runs
   * gets that epoch's promise.
   */
  step(): Promise<ExplorerRecord | undefined> {
    if (this.#pending !== undefined) return this.#pending;
    if (this.over) return Promise.resolve(undefined);
    const pending = new Promise<ExplorerRecord | undefined>((resolve) => {
      this.#deliver = resolve;
    });
    this.#pending = pending;
    if (this.status === "ready") {
      this.status = "training";
      this.#start();
    } else {
      const release = this.#release;
      this.#release = undefined;
      release?.();
    }
    // The first epoch runs within this call, which may already have cleared #pending.
    return pending;
  }

  #start(): void {
    const options: TrainOptions = {
      ...explorerTrainOptions(this.settings),
      test: this.test,
      progress: (record) => {
        const last = record.epoch === this.settings.epochs;
        if (last) this.status = "done";
        this.#finish(this.#record(record));
        return last ? undefined : new Promise<void>((resolve) => {
          this.#release = resolve;
        });
      },
    };
    trainAsync(this.model, this.train, options).catch((error) => {
      this.status = error instanceof TrainingDivergedError ? "diverged" : "failed";
      this.error = error instanceof Error ? error : new Error(String(error));
      this.#finish(undefined);
    });
  }

  #record(record: EpochRecord): ExplorerRecord {
    this.lastSeconds = record.seconds;
    const entry: ExplorerRecord = {
      epoch: record.epoch,
      trainLoss: record.trainLoss,
      testLoss: record.testLoss!,
      trainAccuracy: record.trainAccuracy!,
      testAccuracy: record.testAccuracy!,
      deadFraction: record.deadFraction,
      ...(record.preluSlopes === undefined ? {} : { preluSlopes: record.preluSlopes }),
    };
    this.history.push(entry);
    return entry;
  }

  #finish(record: ExplorerRecord | undefined): void {
    const deliver = this.#deliver;
    this.#deliver = undefined;
    this.#pending = undefined;
    deliver?.(record);
  }
}

/** Epoch 0: loss, accuracy and dead fractions of the untrained model. */
function untrainedRecord(model: Sequential, train: Dataset, test: Dataset): ExplorerRecord {
  const measure = (data: Dataset) => {
    const labels = data.y as Int32Array;
    const out = model.predict(data.x);
    return { loss: softmaxCrossEntropy.value(out, labels), accuracy: accuracy(out, labels) };
  };
  const onTrain = measure(train), onTest = measure(test);
  return {
    epoch: 0,
    trainLoss: onTrain.loss,
    testLoss: onTest.loss,
    trainAccuracy: onTrain.accuracy,
    testAccuracy: onTest.accuracy,
    deadFraction: deadNeurons(model, train).map((layer) => layer.deadFraction),
  };
}

/**
 * For a run that stopped inside an epoch (diverged or failed), whose model is then part-way
 * through that epoch (its outputs often no numbers), the note the page shows over its views,
 * which keep the last complete epoch; undefined while the model is the last record's.
 *
 * @example
 * ```ts
 * import { ExplorerSession, staleViewsNote } from "./_session.ts";
 * import { resolveExplorerSettings } from "./_settings.ts";
 * import assert from "node:assert/strict";
 *
 * const run = new ExplorerSession(resolveExplorerSettings({ learningRate: 10, epochs: 20 }));
 * assert.equal(staleViewsNote(run), undefined);
 * await run.step(); // it diverges in its first epoch
 * assert.match(staleViewsNote(run) ?? "", /^Diverged in epoch 1: the views .* show epoch 0,/);
 * ```
 */
export function staleViewsNote(
  session: Pick<ExplorerSession, "error" | "last">,
): string | undefined {
  const { error, last } = session;
  if (error === undefined) return undefined;
  const stopped = error instanceof TrainingDivergedError
    ? `Diverged in epoch ${error.epoch}`
    : `Failed in epoch ${last.epoch + 1}`;
  return `${stopped}: the views of the model show epoch ${last.epoch}, the last complete one, ` +
    `not the model the run stopped with.`;
}
