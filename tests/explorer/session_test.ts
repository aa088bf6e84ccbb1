/**
 * The explorer's stepping logic against train(): the same settings and seed give the same
 * records, bit for bit, while the page's drawing work runs between epochs.
 */
import assert from "node:assert/strict";
import {
  circles,
  createActivation,
  deadNeurons,
  type EpochRecord,
  mlp,
  spirals,
  train,
  trainTestSplit,
  twoMoons,
  xor,
} from "../../src/mod.ts";
import { trainDirectly } from "./_train_directly.ts";
import { domainOf } from "../../src/explorer/_charts.ts";
import { ExplorerSession, recipeCode, staleViewsNote } from "../../src/explorer/_session.ts";
import { type ExploreOptions, resolveExplorerSettings } from "../../src/explorer/_settings.ts";
import { boundaryPixels, GRID_SIZE, gridPoints } from "../../src/explorer/_shading.ts";

/** Steps a session to its end, doing the page's drawing work after every epoch. */
async function runLikeThePage(options: ExploreOptions): Promise<ExplorerSession> {
  const session = new ExplorerSession(resolveExplorerSettings(options));
  const grid = gridPoints(domainOf(session.train, session.test));
  const pixels = new Uint8ClampedArray(GRID_SIZE * GRID_SIZE * 4);
  while (await session.step() !== undefined) {
    boundaryPixels(session.model, grid, pixels);
    deadNeurons(session.model, session.train);
  }
  return session;
}

const RUNS: ExploreOptions[] = [
  { epochs: 12 },
  { activation: "relu", biasInit: -2, optimizer: "adam", learningRate: 0.01, epochs: 10 },
  { activation: "leakyRelu", alpha: 0.1, dataset: "circles", noise: 0.05, epochs: 8, seed: 3 },
  { activation: "prelu", alpha: 0.25, dataset: "spirals", noise: 0.2, hidden: [8, 8, 8] },
  { activation: "elu", alpha: 0.5, dataset: "xor", batchSize: 7, hidden: [5], epochs: 9 },
];

Deno.test("ExplorerSession gives train()'s records bit for bit, with the page's drawing between epochs", async (t) => {
  for (const options of RUNS) {
    await t.step(JSON.stringify(options), async () => {
      const expected = trainDirectly({ ...options, epochs: options.epochs ?? 6 });
      const session = await runLikeThePage({ ...options, epochs: options.epochs ?? 6 });
      assert.equal(session.status, "done");
      assert.equal(session.history.length, expected.length + 1);
      expected.forEach((record, i) => {
        const got = session.history[i + 1];
        assert.equal(got.epoch, record.epoch);
        assert.equal(got.trainLoss, record.trainLoss);
        assert.equal(got.testLoss, record.testLoss);
        assert.equal(got.trainAccuracy, record.trainAccuracy);
        assert.equal(got.testAccuracy, record.testAccuracy);
        assert.deepEqual(got.deadFraction, record.deadFraction);
        assert.deepEqual(got.preluSlopes, record.preluSlopes);
      });
    });
  }
});

Deno.test("ExplorerSession starts with epoch 0, the untrained model's figures", () => {
  const session = new ExplorerSession(resolveExplorerSettings({ biasInit: -3, hidden: [16, 16] }));
  const [first] = session.history;
  assert.equal(session.history.length, 1);
  assert.equal(first.epoch, 0);
  assert.ok(first.trainLoss > 0 && Number.isFinite(first.testLoss));
  assert.ok(first.testAccuracy >= 0 && first.testAccuracy <= 1);
  assert.equal(first.deadFraction.length, 2);
  assert.deepEqual(
    first.deadFraction,
    deadNeurons(session.model, session.train).map((layer) => layer.deadFraction),
  );
  assert.ok(first.deadFraction[0] > 0.5, "a bias of -3 starts most neurons dead");
  assert.equal(session.status, "ready");
  assert.equal(session.last, first, "the latest record is epoch 0's");
  assert.equal(session.lastSeconds, 0, "no epoch timed yet");
});

Deno.test("ExplorerSession.step() resolves undefined once the epochs are done", async () => {
  const session = new ExplorerSession(resolveExplorerSettings({ epochs: 3 }));
  const epochs: number[] = [];
  for (let i = 0; i < 5; i++) {
    epochs.push((await session.step())?.epoch ?? -1);
    assert.equal(session.last, session.history[session.history.length - 1]);
    assert.ok(session.lastSeconds > 0 && session.lastSeconds < 60, "the epoch's seconds");
  }
  assert.deepEqual(epochs, [1, 2, 3, -1, -1]);
  assert.equal(session.last.epoch, 3);
  assert.equal(session.status, "done");
  assert.equal(session.over, true);
});

Deno.test("ExplorerSession.step() called twice before an epoch ends gives that epoch once", async () => {
  const session = new ExplorerSession(resolveExplorerSettings({ epochs: 5 }));
  await session.step();
  const [a, b] = [session.step(), session.step()];
  assert.equal(a, b);
  assert.equal((await a)?.epoch, 2);
  assert.equal((await session.step())?.epoch, 3);
});

Deno.test("ExplorerSession reports a diverged run with its epoch and step", async () => {
  const session = new ExplorerSession(
    resolveExplorerSettings({ activation: "leakyRelu", learningRate: 10, epochs: 20 }),
  );
  assert.equal(await session.step(), undefined);
  assert.equal(session.status, "diverged");
  assert.equal(session.over, true);
  assert.equal(session.error?.name, "TrainingDivergedError");
  assert.match(session.error!.message, /epoch 1, step \d+/);
  assert.equal(session.history.length, 1, "only epoch 0 completed");
  assert.equal(await session.step(), undefined);
});

Deno.test("ExplorerSession calls a run diverged when an epoch's last step broke it, not done", async () => {
  // The audit's run: its third epoch's last step left the weights NaN, and the page said
  // "Done: epoch 3 of 3 · training loss NaN · test accuracy 0% · dead: ... layer 2 0%".
  for (const epochs of [3, 40]) {
    const session = new ExplorerSession(resolveExplorerSettings({
      optimizer: "sgd",
      learningRate: 10,
      batchSize: 50,
      hidden: [32, 32],
      epochs,
      seed: 1,
    }));
    while (await session.step() !== undefined);
    assert.equal(session.status, "diverged", `${epochs} epochs`);
    assert.match(session.error!.message, /^Cannot continue training as the loss must be finite/);
    for (const record of session.history) {
      assert.ok(
        [record.trainLoss, record.testLoss, ...record.deadFraction].every(Number.isFinite),
        `${epochs} epochs: epoch ${record.epoch} is recorded only with finite figures`,
      );
    }
  }
});

Deno.test("staleViewsNote() says a stopped run's views show its last complete epoch", async () => {
  // The run of the audit: it diverges in its first epoch, the views keep epoch 0.
  const diverging = new ExplorerSession(resolveExplorerSettings({
    learningRate: 10,
    biasInit: 5,
    hidden: [32, 32, 32, 32],
    batchSize: 1,
    epochs: 50,
  }));
  assert.equal(staleViewsNote(diverging), undefined, "nothing to say before it runs");
  await diverging.step();
  assert.equal(diverging.status, "diverged");
  assert.equal(
    staleViewsNote(diverging),
    "Diverged in epoch 1: the views of the model show epoch 0, the last complete one, not the " +
      "model the run stopped with.",
  );
  const failed = { error: new Error("out of memory"), last: { ...diverging.last, epoch: 4 } };
  assert.match(
    staleViewsNote(failed) ?? "",
    /^Failed in epoch 5: the views of the model show epoch 4,/,
  );
  const running = new ExplorerSession(resolveExplorerSettings({ epochs: 2 }));
  await running.step();
  await running.step();
  assert.equal(running.status, "done");
  assert.equal(staleViewsNote(running), undefined, "a finished run's model is its last epoch's");
});

Deno.test("recipeCode() is code that computes the explorer's run", async (t) => {
  for (const options of RUNS) {
    await t.step(JSON.stringify(options), async () => {
      const settings = resolveExplorerSettings({ ...options, epochs: 4 });
      const code = recipeCode(settings);
      const run = new Function(
        "twoMoons",
        "circles",
        "spirals",
        "xor",
        "trainTestSplit",
        "mlp",
        "train",
        "createActivation",
        `${code}\nreturn history;`,
      );
      const history: EpochRecord[] = run(
        twoMoons,
        circles,
        spirals,
        xor,
        trainTestSplit,
        mlp,
        train,
        createActivation,
      );
      const session = await runLikeThePage({ ...options, epochs: 4 });
      assert.deepEqual(
        history.map((r) => r.trainLoss),
        session.history.slice(1).map((r) => r.trainLoss),
      );
    });
  }
});
