/**
 * The claims of "Advantages of Leaky ReLU" and "Limitations of Leaky ReLU" (notebook 05),
 * re-checked with the library's public API and the study kit: notebook 05's spiral classifier
 * (2-32-32-3, Adam at 0.01, 60 epochs) trained over five seeds for each slope of a smaller sweep,
 * a difference counted only when it is beyond noise (`compareSummaries`). Where our measurement
 * does not support the text, the test name says so.
 */
import assert from "node:assert/strict";
import {
  compareSummaries,
  gradientNorms,
  isActivationLayer,
  leakyRelu,
  leakyReluGrad,
  leakyReluMaxForm,
  measure,
  mlp,
  type MlpOptions,
  normalInit,
  optionsFor,
  overSeeds,
  type SeedRun,
  spirals,
  standardNormal,
  type Summary,
  train,
  trainTestSplit,
  twoMoons,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];
const SPLIT = trainTestSplit(spirals({ n: 300, classes: 3, noise: 0.2, seed: 1 }), {
  testFraction: 0.3,
  seed: 1,
});

/** Notebook 05's training of every spiral classifier: Adam, batches of 16, the test set per epoch. */
const adam = (seed: number) => ({
  epochs: 60,
  batchSize: 16,
  optimizer: "adam" as const,
  learningRate: 0.01,
  seed,
  test: SPLIT.test,
});

const lower = (a: Summary, b: Summary) => {
  const c = compareSummaries(a, b);
  return c.beyondNoise && c.direction === "lower";
};
const higher = (a: Summary, b: Summary) => lower(b, a);

interface Score {
  testAccuracy: number;
  trainAccuracy: number;
  trainLoss: number;
  inactive: number;
  exactZeros: number;
  nearZeros: number;
  negativeZ: number;
}

/** Notebook 05's run: the spiral classifier trained and measured, over the seeds. */
function scored(options: MlpOptions): SeedRun<Score>[] {
  return overSeeds(SEEDS, (seed) => {
    const model = mlp([2, 32, 32, 3], { ...options, seed });
    const history = train(model, SPLIT.train, adam(seed));
    const last = history.at(-1)!;
    model.forward(SPLIT.test.x, { training: false });
    const layers = model.layers.filter(isActivationLayer);
    const zs = layers.flatMap((l) => [...l.lastInput!.data]);
    const fs = layers.flatMap((l) => [...l.lastOutput!.data]);
    return {
      testAccuracy: last.testAccuracy!,
      trainAccuracy: last.trainAccuracy!,
      trainLoss: last.trainLoss,
      inactive: last.deadFraction.reduce((a, b) => a + b, 0) / last.deadFraction.length,
      exactZeros: fs.filter((f) => f === 0).length / fs.length,
      nearZeros: fs.filter((f) => Math.abs(f) < 0.01).length / fs.length,
      negativeZ: zs.filter((z) => z <= 0).length / zs.length,
    };
  });
}

const SLOPES = [0, 0.001, 0.01, 0.3, 0.5, 1];
const LEAKY_SLOPES = SLOPES.filter((a) => a > 0 && a < 1);
const sweep = new Map(
  SLOPES.map((a) => [
    a,
    scored(a === 0 ? { activation: "relu" } : { activation: "leakyRelu", alpha: a }),
  ]),
);
const of = (a: number, metric: keyof Score | "gap") =>
  measure(
    sweep.get(a)!,
    (r) => metric === "gap" ? r.trainAccuracy - r.testAccuracy : r[metric],
  );

Deno.test("mitigates dying ReLU: on the spirals every slope 0 < α < 1 leaves fewer neurons inactive than ReLU, beyond noise over 5 seeds", () => {
  for (const a of LEAKY_SLOPES) {
    assert.ok(lower(of(a, "inactive"), of(0, "inactive")), `α = ${a}`);
  }
});

Deno.test("preserves ReLU benefits: slope 1 for z > 0, and at initialisation every slope 0 < α < 1 passes as much gradient through 15 layers as ReLU, within noise over 5 seeds", () => {
  assert.equal(leakyReluGrad(3), 1);
  assert.equal(leakyRelu(3), 3);
  const data = twoMoons({ n: 256, noise: 0.1, seed: 1 });
  const kept = (a: number) =>
    measure(
      overSeeds(SEEDS, (seed) => {
        const activation = a === 0 ? "relu" : "leakyRelu";
        const model = mlp([2, ...Array(15).fill(32), 2], {
          activation,
          ...optionsFor(activation, { alpha: a }),
          seed,
        });
        const norms = gradientNorms(model, data).map((layer) => layer.total);
        return Math.log10(norms[0] / norms.at(-1)!);
      }),
      (v) => v,
    );
  const relu = kept(0);
  assert.ok(relu.mean > -2, `ReLU keeps the gradient: ${relu.mean}`);
  for (const a of [0.01, 0.1, 0.3]) assert.ok(!lower(kept(a), relu), `α = ${a}`);
});

Deno.test("improves learning (measured: no slope 0 < α < 1 ends training on the spirals at a lower loss than ReLU beyond noise)", () => {
  for (const a of LEAKY_SLOPES) {
    assert.ok(!lower(of(a, "trainLoss"), of(0, "trainLoss")), `α = ${a}`);
  }
});

Deno.test("simple implementation: Leaky ReLU equals max(αz, z) for 0 ≤ α ≤ 1", () => {
  for (const alpha of [0, 0.01, 0.3, 1]) {
    for (let z = -5; z <= 5; z += 0.25) {
      assert.ok(
        leakyRelu(z, { alpha }) === leakyReluMaxForm(z, { alpha }),
        `α = ${alpha}, z = ${z}`,
      );
    }
  }
});

Deno.test("choice of α (measured: α = 0.3 and α = 1 score below α = 0.01 beyond noise, α = 0.5 within noise; α = 1, an affine network, scores like a classifier without a hidden layer)", () => {
  assert.ok(lower(of(0.3, "testAccuracy"), of(0.01, "testAccuracy")), "α = 0.3");
  assert.ok(!lower(of(0.5, "testAccuracy"), of(0.01, "testAccuracy")), "α = 0.5");
  assert.ok(lower(of(1, "testAccuracy"), of(0.01, "testAccuracy")), "α = 1");
  const linear = measure(
    overSeeds(
      SEEDS,
      (seed) => train(mlp([2, 3], { seed }), SPLIT.train, adam(seed)).at(-1)!.testAccuracy!,
    ),
    (v) => v,
  );
  const c = compareSummaries(of(1, "testAccuracy"), linear);
  assert.ok(!c.beyondNoise, `α = 1 ${of(1, "testAccuracy").mean}, linear ${linear.mean}`);
  assert.ok(linear.mean > 0.4, "above chance (1/3)");
});

Deno.test("choice of α (text: too small hurts; measured: α = 0 and α = 0.001 score within noise of α = 0.01 on the spirals)", () => {
  for (const a of [0, 0.001]) {
    assert.ok(!lower(of(a, "testAccuracy"), of(0.01, "testAccuracy")), `α = ${a}`);
  }
});

Deno.test("non-differentiable at 0: Leaky ReLU's one-sided slopes are α and 1, and the default convention picks α", () => {
  assert.equal(leakyReluGrad(0, { alpha: 0.1 }), 0.1);
  assert.equal(leakyReluGrad(0, { alpha: 0.1, atZero: "right" }), 1);
  assert.equal(leakyReluGrad(-1e-300, { alpha: 0.1 }), 0.1);
  assert.equal(leakyReluGrad(1e-300, { alpha: 0.1 }), 1);
});

Deno.test("reduced sparsity: exact zeros vanish for every α > 0, while about half of the pre-activations stay ≤ 0", () => {
  assert.ok(of(0, "exactZeros").mean > 0.4);
  for (const a of LEAKY_SLOPES) {
    assert.equal(of(a, "exactZeros").mean, 0, `α = ${a}`);
    assert.ok(Math.abs(of(a, "negativeZ").mean - 0.5) < 0.15, `α = ${a}`);
  }
  // Near zeros (|f| < 0.01) remain for a tiny slope and fade for a larger one.
  assert.ok(of(0.01, "nearZeros").mean > 5 * of(0.3, "nearZeros").mean);
});

Deno.test("reduced sparsity (text: overfitting risk; measured: no slope 0 < α < 1 has a wider train-test gap than ReLU beyond noise)", () => {
  for (const a of LEAKY_SLOPES) assert.ok(!higher(of(a, "gap"), of(0, "gap")), `α = ${a}`);
});

Deno.test("limited empirical superiority (measured: over 5 seeds Leaky ReLU does not beat ReLU, PReLU or RReLU beyond noise, but does beat ELU)", () => {
  const leaky = measure(sweep.get(0.01)!, (r) => r.testAccuracy);
  const accuracy = (activation: string) => measure(scored({ activation }), (r) => r.testAccuracy);
  for (const activation of ["prelu", "rrelu"]) {
    assert.ok(!higher(leaky, accuracy(activation)), activation);
  }
  assert.ok(!higher(leaky, of(0, "testAccuracy")), "relu");
  assert.ok(higher(leaky, accuracy("elu")), "elu");
});

Deno.test("unbounded output: with N(0, 1) weights the largest activation grows about 4× per layer for both ReLU and Leaky ReLU", () => {
  const x = standardNormal(256, 32, { seed: 0 });
  for (const seed of SEEDS) {
    const largest = (activation: string) => {
      const init = normalInit({ sigma: 1 });
      const model = mlp([32, ...Array(6).fill(32), 2], {
        activation,
        ...optionsFor(activation, { alpha: 0.01 }),
        init,
        seed,
      });
      model.forward(x, { training: false });
      return model.layers.filter(isActivationLayer).map((l) =>
        Math.max(...l.lastOutput!.data.map(Math.abs))
      );
    };
    const [relu, leaky] = [largest("relu"), largest("leakyRelu")];
    for (const m of [relu, leaky]) {
      const rate = (m[5] / m[0]) ** (1 / 5);
      assert.ok(rate > 2.5 && rate < 6, `seed ${seed}: ×${rate} per layer`);
    }
    assert.ok(Math.abs(leaky[5] / relu[5] - 1) < 0.1);
  }
});
