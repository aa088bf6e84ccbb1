import assert from "node:assert/strict";
import {
  deadRaster,
  describeDeaths,
  describeDying,
  dyingHistory,
  dyingRelu,
  dyingReluSeeds,
  meanFinalLoss,
} from "../../src/mod.ts";

Deno.test("dyingRelu() records one dead flag per neuron and epoch, epoch 0 included", () => {
  const run = dyingRelu({ hidden: [5, 3], epochs: 4 });
  assert.equal(run.epochs, 4);
  assert.equal(run.neurons, 8);
  assert.deepEqual(run.layers.map((l) => l.dead.length), [5, 5]);
  assert.deepEqual(run.layers.map((l) => l.dead[0].length), [5, 3]);
  assert.equal(run.deadFraction.length, 5);
  assert.equal(run.loss.length, 5);
  assert.equal(run.finalLoss, run.loss[4]);
  assert.equal(run.label, "ReLU");
});

Deno.test("dyingRelu() is deterministic for the same options", () => {
  const a = dyingRelu({ epochs: 3, seed: 4, learningRate: 1 });
  const b = dyingRelu({ epochs: 3, seed: 4, learningRate: 1 });
  assert.deepEqual(a.loss, b.loss);
  assert.deepEqual(a.layers, b.layers);
});

Deno.test("dyingRelu() counts every neuron dead when all biases are very negative, and none comes back", () => {
  const run = dyingRelu({ hidden: [6, 6], epochs: 3, biasInit: -100 });
  assert.equal(run.startedDead, 12);
  assert.equal(run.deadAtEnd, 12);
  assert.equal(run.recovered, 0);
  assert.ok(run.layers.every((l) => l.diedAt.every((e) => e === 0)));
  assert.ok(run.deadFraction.every((f) => f === 1));
});

Deno.test("dyingRelu() derives diedAt, startedDead and recovered from the flags", () => {
  const run = dyingRelu({ hidden: [16, 16, 16], epochs: 20, learningRate: 1.5, seed: 1 });
  for (const layer of run.layers) {
    const last = layer.dead.length - 1;
    layer.diedAt.forEach((e, j) => {
      if (e === -1) {
        assert.equal(layer.dead[last][j], false);
      } else {
        for (let k = e; k <= last; k++) assert.equal(layer.dead[k][j], true);
        if (e > 0) assert.equal(layer.dead[e - 1][j], false);
      }
    });
    assert.equal(layer.startedDead, layer.dead[0].filter(Boolean).length);
    assert.equal(layer.deadAtEnd, layer.diedAt.filter((e) => e >= 0).length);
    assert.equal(layer.recovered, layer.dead[0].filter((d, j) => d && !layer.dead[last][j]).length);
  }
});

Deno.test("dyingRelu() stops on divergence and reports it", () => {
  const run = dyingRelu({ hidden: [8], epochs: 5, learningRate: 1e6 });
  assert.equal(run.diverged, true);
  assert.ok(Number.isNaN(run.finalLoss));
  assert.ok(run.epochs < 5);
  assert.equal(run.deadFraction.length, run.epochs + 1);
  assert.match(describeDying(run), /diverged$/);
  assert.ok(Number.isNaN(meanFinalLoss([run])));
});

Deno.test("dyingRelu() lets Leaky ReLU neurons that start dead come back under Adam", () => {
  const options = { hidden: [16, 16], epochs: 40, biasInit: -3, optimizer: "adam" as const };
  const relu = dyingRelu({ ...options, learningRate: 0.01 });
  const leaky = dyingRelu({ ...options, learningRate: 0.01, activation: "leakyRelu" });
  assert.equal(relu.recovered, 0);
  assert.ok(leaky.recovered > 0);
  assert.equal(leaky.label, "Leaky ReLU (α = 0.01)");
});

Deno.test("dyingRelu() refuses a bad number of epochs", () => {
  assert.throws(() => dyingRelu({ epochs: 0 }), RangeError);
  assert.throws(() => dyingRelu({ epochs: 1.5 }), RangeError);
});

Deno.test("deadRaster() stacks the layers' flags, one row per neuron", () => {
  const run = dyingRelu({ hidden: [3, 2], epochs: 2, learningRate: 2, seed: 3 });
  const raster = deadRaster(run);
  assert.deepEqual([raster.rows, raster.cols], [5, 3]);
  for (let e = 0; e < 3; e++) {
    assert.equal(raster.data[2 * 3 + e], run.layers[0].dead[e][2] ? 1 : 0);
    assert.equal(raster.data[4 * 3 + e], run.layers[1].dead[e][1] ? 1 : 0);
  }
});

Deno.test("dyingHistory() gives epoch, loss and per-layer dead fractions", () => {
  const run = dyingRelu({ hidden: [4, 4], epochs: 2 });
  const history = dyingHistory(run);
  assert.deepEqual(history[2], {
    epoch: 2,
    trainLoss: run.loss[2],
    deadFraction: [run.layers[0].deadFraction[2], run.layers[1].deadFraction[2]],
  });
});

Deno.test("dyingReluSeeds() runs each seed, and describeDeaths() has a line per layer", () => {
  const runs = dyingReluSeeds([0, 1], { hidden: [4, 4], epochs: 2 });
  assert.deepEqual(runs[1].loss, dyingRelu({ hidden: [4, 4], epochs: 2, seed: 1 }).loss);
  assert.equal(describeDeaths(runs[0]).split("\n").length, 2);
  assert.ok(meanFinalLoss(runs) > 0);
});
