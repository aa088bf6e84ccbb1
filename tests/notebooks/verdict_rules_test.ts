/**
 * The verdict rules on real training runs, composed the way a notebook composes them (`mlp`,
 * `train`, then the study kit): a run that diverges is a result, kept by `overSeeds`, counted by
 * `measure` and `formatSummary`, reported by `compareSummaries`; and a condition in which every
 * run diverged is no evidence that a claim held there. Needs no permissions.
 */
import assert from "node:assert/strict";
import {
  compareSummaries,
  formatSummary,
  measure,
  mlp,
  overSeeds,
  train,
  TrainingDivergedError,
  trainTestSplit,
  twoMoons,
  verdictOf,
} from "../../src/mod.ts";

const { train: data } = trainTestSplit(twoMoons({ n: 400, noise: 0.1, seed: 0 }), { seed: 0 });
const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7];

/** A 2-16-16-16-2 Leaky ReLU network trained with plain SGD at `learningRate`, one per seed. */
function leakyRuns(learningRate: number) {
  return overSeeds(SEEDS, (seed) => {
    const model = mlp([2, 16, 16, 16, 2], { activation: "leakyRelu", alpha: 0.01, seed });
    return train(model, data, { epochs: 30, batchSize: 32, learningRate, seed });
  });
}

Deno.test("a diverged training run is counted: overSeeds keeps it, measure and formatSummary count it", () => {
  // At learning rate 1.5 some of these networks diverge and some finish.
  const runs = leakyRuns(1.5);
  const diverged = runs.filter((run) => run.diverged !== undefined);
  assert.ok(diverged.length > 0 && diverged.length < SEEDS.length, `${diverged.length} diverged`);
  for (const run of diverged) {
    assert.ok(run.diverged instanceof TrainingDivergedError);
    assert.ok(!Number.isFinite(run.diverged.loss));
    assert.equal(run.result, undefined);
  }
  assert.deepEqual(runs.map((run) => run.seed), SEEDS);

  const loss = measure(runs, (history) => history.at(-1)!.trainLoss);
  assert.equal(loss.diverged, diverged.length);
  assert.equal(loss.n, SEEDS.length - diverged.length);
  const finished = runs.flatMap((run) => run.result ? [run.result.at(-1)!.trainLoss] : []);
  assert.deepEqual(loss.values, finished);
  assert.ok(Math.abs(loss.mean - finished.reduce((s, v) => s + v, 0) / finished.length) < 1e-12);
  assert.match(
    formatSummary(loss),
    new RegExp(`\\(n = ${loss.n}, ${diverged.length} diverged\\)$`),
  );
});

Deno.test("a condition in which every run diverged is no evidence: the comparison is not beyond noise and the finding is false", () => {
  const [calm, wild] = [leakyRuns(0.1), leakyRuns(3)];
  const [calmLoss, wildLoss] = [calm, wild].map((runs) =>
    measure(runs, (history) => history.at(-1)!.trainLoss)
  );
  assert.equal(calmLoss.diverged, 0);
  assert.equal(wildLoss.n, 0);
  assert.equal(formatSummary(wildLoss), `no finished run (${SEEDS.length} diverged)`);

  // "The loss ends lower at 3 than at 0.1": in view of the diverged runs, it did not hold.
  // With no finished run there is no mean to compare: no direction, and not beyond noise.
  const comparison = compareSummaries(wildLoss, calmLoss);
  const held = comparison.beyondNoise && comparison.direction === "lower";
  assert.equal(comparison.direction, "undetermined");
  assert.equal(comparison.beyondNoise, false);
  assert.deepEqual(comparison.diverged, [SEEDS.length, 0]);
  // Over both conditions (the calm one holding), the claim is qualified, not supported.
  assert.equal(verdictOf([true, held]), "qualified");
});
