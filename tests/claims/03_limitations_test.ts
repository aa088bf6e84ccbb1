/**
 * The claims of "Limitations of ReLU" (notebook 03), each checked at a small scale over five
 * seeds with the library's public API and the study kit. Where our measurement disagrees with
 * the text, or agrees only in part, the test name says so. No permissions needed.
 */
import assert from "node:assert/strict";
import {
  activationStatistics,
  compareSummaries,
  createActivation,
  type Dataset,
  dataset,
  deadNeurons,
  type Dense,
  gradientNorms,
  type History,
  isActivationLayer,
  type Matrix,
  measure,
  mlp,
  normalInit,
  overSeeds,
  softmaxCrossEntropyGrad,
  standardNormal,
  train,
  twoMoons,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];
const HIDDEN = [16, 16, 16];
const EPOCHS = 30;

interface DyingRun {
  /** dead[e][l]: the dead neurons of hidden layer l after epoch e (0: before training). */
  dead: number[][][];
  history: History;
}

/** Notebook 03's dying run: 2-16-16-16-2 on 200 two-moons points, plain SGD, batches of 16. */
function dyingRun(
  seed: number,
  learningRate: number,
  options: { biasInit?: number; activation?: string } = {},
): DyingRun {
  const data = twoMoons({ n: 200, noise: 0.1, seed });
  const model = mlp([2, ...HIDDEN, 2], {
    activation: options.activation ?? "relu",
    biasInit: options.biasInit ?? 0,
    seed,
  });
  const dead = [deadNeurons(model, data).map((layer) => layer.dead)];
  const history = train(model, data, {
    epochs: EPOCHS,
    batchSize: 16,
    learningRate,
    seed,
    onEpoch: (_record, trained) => {
      dead.push(deadNeurons(trained, data).map((layer) => layer.dead));
    },
  });
  return { dead, history };
}

const deadAt = (run: DyingRun, epoch: number) =>
  run.dead.at(epoch)!.reduce((sum, layer) => sum + layer.length, 0);

/** Neurons of layer l that were dead after some epoch and alive after a later one. */
function cameBack(run: DyingRun, l: number): number {
  const deadSoFar = new Set<number>(), back = new Set<number>();
  for (const perLayer of run.dead) {
    for (const j of deadSoFar) if (!perLayer[l].includes(j)) back.add(j);
    for (const j of perLayer[l]) deadSoFar.add(j);
  }
  return back.size;
}

Deno.test("dying ReLU (qualified): a first-layer neuron dead on every training sample never comes back under plain SGD, while dead neurons of deeper layers do", () => {
  const runs = SEEDS.flatMap((seed) => [
    dyingRun(seed, 0.1, { biasInit: -1.5 }),
    dyingRun(seed, 1.5),
  ]);
  assert.ok(runs.some((run) => run.dead[0][0].length > 0), "some first-layer neurons start dead");
  for (const run of runs) assert.equal(cameBack(run, 0), 0, "no first-layer neuron comes back");
  const deeper = runs.reduce((sum, run) => sum + cameBack(run, 1) + cameBack(run, 2), 0);
  assert.ok(deeper > 0, "deeper dead neurons do come back");
});

Deno.test("dying ReLU: negative initial biases start most ReLU neurons dead, and most stay dead", () => {
  const runs = SEEDS.map((seed) => dyingRun(seed, 0.1, { biasInit: -1.5 }));
  const neurons = HIDDEN.reduce((sum, n) => sum + n, 0);
  assert.ok(runs.every((run) => deadAt(run, 0) > neurons / 2));
  assert.ok(runs.filter((run) => deadAt(run, -1) > neurons / 2).length >= 4);
});

Deno.test("dying ReLU: a high learning rate (1.5) leaves more dead neurons than 0.1 on at least 4 of 5 seeds", () => {
  const more = SEEDS.map((seed) =>
    deadAt(dyingRun(seed, 1.5), -1) > deadAt(dyingRun(seed, 0.1), -1)
  );
  assert.ok(more.filter(Boolean).length >= 4, `more dead at the high rate: ${more}`);
});

/** Notebook 03's kink run: 2-16-16-2 with f'(0) = atZero, counting exact zeros of z per step. */
function kinkRun(data: Dataset, atZero: number, seed: number) {
  const model = mlp([2, 16, 16, 2], { activation: createActivation("relu", { atZero }), seed });
  const layers = model.layers.filter(isActivationLayer);
  let zeros = 0;
  const history = train(model, data, {
    epochs: 10,
    batchSize: 16,
    learningRate: 0.1,
    seed,
    onStep: () => {
      for (const layer of layers) zeros += layer.lastInput!.data.filter((z) => z === 0).length;
    },
  });
  const weights = model.params().flatMap((p) => Array.from(p.value));
  return { zeros, loss: history.at(-1)!.trainLoss, weights };
}

function kinkData(seed: number, zeroRows: boolean): Dataset {
  const data = twoMoons({ n: 200, noise: 0.1, seed });
  if (zeroRows) { for (let i = 0; i < 200; i += 5) data.x.data.fill(0, 2 * i, 2 * i + 2); }
  return data;
}

Deno.test("non-differentiable at 0 (text: subgradients can cause instability; measured: on ordinary data no z is exactly 0, so the convention changes nothing)", () => {
  for (const seed of SEEDS) {
    const [left, mean, right] = [0, 0.5, 1].map((g) => kinkRun(kinkData(seed, false), g, seed));
    assert.equal(left.zeros, 0, `seed ${seed}: no exact zeros`);
    assert.deepEqual(mean.weights, left.weights, `seed ${seed}: the same weights`);
    assert.deepEqual(right.weights, left.weights, `seed ${seed}: the same weights`);
  }
});

Deno.test("non-differentiable at 0: exact zeros come from zero inputs meeting zero biases, and the convention then changes the final loss by less than 0.01", () => {
  const runs = [0, 0.5, 1].map((g) => overSeeds(SEEDS, (s) => kinkRun(kinkData(s, true), g, s)));
  for (const [i, seed] of SEEDS.entries()) {
    const [left, , right] = runs.map((r) => r[i].result!);
    assert.ok(left.zeros > 0, `seed ${seed}: exact zeros`);
    assert.notDeepEqual(right.weights, left.weights, `seed ${seed}: the weights differ`);
    assert.ok(
      Math.abs(right.loss - left.loss) < 0.01,
      `seed ${seed}: ${right.loss} vs ${left.loss}`,
    );
  }
  for (const other of runs.slice(1)) {
    const c = compareSummaries(measure(other, (r) => r.loss), measure(runs[0], (r) => r.loss));
    assert.ok(!c.beyondNoise, `difference ${c.difference}, se ${c.se}`);
  }
});

/** Notebook 03's probe: N(0, 1) inputs through an untrained 10-layer, width-32 MLP. */
function probe(activation: string, init: "N(0, 1)" | "He", seed: number) {
  const x = standardNormal(256, 32, { seed });
  const labels = Int32Array.from({ length: 256 }, (_, i) => i % 2);
  const model = mlp([32, ...Array(10).fill(32), 2], {
    activation,
    init: init === "He" ? "he" : normalInit({ sigma: 1 }),
    seed,
  });
  const stats = activationStatistics(model, x);
  return {
    rms: stats.map((s) => Math.sqrt(s.mean ** 2 + s.std ** 2)),
    means: stats.map((s) => s.mean),
    firstGradient: gradientNorms(model, dataset(x, labels))[0].total,
  };
}

const growth = (r: { rms: number[] }) => (r.rms.at(-1)! / r.rms[0]) ** (1 / (r.rms.length - 1));

Deno.test("unbounded output (qualified): with N(0, 1) weights the activations' root mean square grows geometrically with depth, near sqrt(n/2) per layer, and the gradients with it, while He keeps it level", () => {
  for (const seed of SEEDS) {
    const big = probe("relu", "N(0, 1)", seed), he = probe("relu", "He", seed);
    const tanhBig = probe("tanh", "N(0, 1)", seed);
    assert.ok(
      Math.abs(growth(big) / Math.sqrt(32 / 2) - 1) < 0.25,
      `seed ${seed}: ×${growth(big)}`,
    );
    assert.ok(growth(he) < 1.25 && growth(he) > 0.8, `seed ${seed}: He ×${growth(he)}`);
    assert.ok(tanhBig.rms.every((r) => r < 1), `seed ${seed}: tanh stays below 1`);
    assert.ok(big.firstGradient > 1000 * he.firstGradient, `seed ${seed}: gradients explode`);
  }
  const heGrowth = (name: string) => measure(overSeeds(SEEDS, (s) => probe(name, "He", s)), growth);
  const c = compareSummaries(heGrowth("relu"), heGrowth("tanh"));
  assert.ok(!(c.beyondNoise && c.direction === "higher"), "with He weights, no faster than tanh");
});

Deno.test("non-zero-centred: every ReLU layer's mean activation is positive, while tanh layers average within 0.1 of 0", () => {
  for (const seed of SEEDS) {
    assert.ok(probe("relu", "He", seed).means.every((m) => m > 0.1));
    assert.ok(probe("tanh", "He", seed).means.every((m) => Math.abs(m) < 0.1));
  }
});

/** The share of per-sample weight gradients of the second hidden layer that have one sign. */
function oneSignShare(activation: string, seed: number): number {
  const data = twoMoons({ n: 64, noise: 0.1, seed });
  const model = mlp([2, 16, 16, 2], { activation, seed });
  const second = model.layers[2] as Dense;
  let oneSign = 0, counted = 0;
  for (let i = 0; i < 64; i++) {
    const x: Matrix = { rows: 1, cols: 2, data: data.x.data.slice(2 * i, 2 * i + 2) };
    model.zeroGrad();
    const label = (data.y as Int32Array).slice(i, i + 1);
    model.backward(softmaxCrossEntropyGrad(model.forward(x), label));
    for (let j = 0; j < 16; j++) {
      const column = Array.from({ length: 16 }, (_, k) => second.weightGrad[k * 16 + j])
        .filter((g) => g !== 0);
      if (column.length === 0) continue;
      counted++;
      if (column.every((g) => g > 0) || column.every((g) => g < 0)) oneSign++;
    }
  }
  return oneSign / counted;
}

Deno.test("non-zero-centred: every per-sample weight gradient fed by ReLU outputs has a single sign, against fewer than half with tanh inputs", () => {
  for (const seed of SEEDS) {
    assert.equal(oneSignShare("relu", seed), 1);
    assert.ok(oneSignShare("tanh", seed) < 0.5);
  }
});

Deno.test("non-zero-centred (text: may slow convergence; measured: not observed, ReLU's mean training loss is not above tanh's beyond noise, over 5 seeds)", () => {
  const meanLoss = (r: DyingRun) =>
    r.history.reduce((sum, e) => sum + e.trainLoss, 0) / r.history.length;
  const relu = measure(overSeeds(SEEDS, (s) => dyingRun(s, 0.1)), meanLoss);
  const tanh = measure(overSeeds(SEEDS, (s) => dyingRun(s, 0.1, { activation: "tanh" })), meanLoss);
  const c = compareSummaries(relu, tanh);
  assert.ok(!(c.beyondNoise && c.direction === "higher"), `difference ${c.difference}`);
});

Deno.test("sensitivity to the learning rate (qualified): more ReLU neurons die at 1, 2 and 3 than at 0.1, beyond noise over 5 seeds, but not at 0.3; Leaky ReLU runs diverge at 3 where ReLU's do not", () => {
  const sweep = (activation: string, learningRate: number) =>
    overSeeds(SEEDS, (seed) => {
      const data = twoMoons({ n: 200, noise: 0.1, seed });
      const model = mlp([2, ...HIDDEN, 2], { activation, seed });
      const last = train(model, data, { epochs: EPOCHS, batchSize: 16, learningRate, seed }).at(
        -1,
      )!;
      return last.deadFraction.reduce((a, b) => a + b, 0) / HIDDEN.length;
    });
  const base = measure(sweep("relu", 0.1), (dead) => dead);
  const more = [0.3, 1, 2, 3].map((rate) => {
    const c = compareSummaries(measure(sweep("relu", rate), (dead) => dead), base);
    return c.beyondNoise && c.direction === "higher";
  });
  assert.deepEqual(more, [false, true, true, true]);
  const atThree = [sweep("relu", 3), sweep("leakyRelu", 3)];
  assert.equal(atThree[0].filter((run) => run.diverged).length, 0, "no ReLU run diverges");
  assert.ok(atThree[1].filter((run) => run.diverged).length >= 3, "Leaky ReLU runs diverge");
  assert.equal(
    measure(atThree[1], (dead) => dead).diverged,
    atThree[1].filter((r) => r.diverged).length,
  );
});
