/**
 * The results of notebook 08 (four classic papers on rectifiers, reproduced small), each checked
 * at a small scale over five seeds: Lu et al. (2019) on born-dead networks, He et al. (2015) on
 * the activation scale through depth, Maas et al. (2013) on activation probabilities, Xu et al.
 * (2015) on the train/test gap. Runs with no permissions.
 */
import assert from "node:assert/strict";
import {
  activationProbabilities,
  bornDeadAt,
  bornDeadProbability,
  depthScale,
  heNormal,
  overfittingGap,
  xuVariants,
} from "../../src/mod.ts";

const SEEDS = [0, 1, 2, 3, 4];

/** He and RAI born-dead estimates at a small scale, one per seed, computed once. */
const born = SEEDS.map((seed) => ({
  he: bornDeadProbability({ depths: [2, 10, 20], widths: [2, 3, 5], nets: 100, seed }),
  rai: bornDeadProbability({ depths: [20], widths: [3], nets: 100, seed, init: "rai" }),
}));

Deno.test("Lu et al.: the born-dead probability of a width-2 ReLU network (He init) rises with depth, on 5 of 5 seeds", () => {
  for (const { he } of born) {
    const [d2, d10, d20] = [2, 10, 20].map((depth) => bornDeadAt(he, 2, depth));
    assert.ok(d2 < d10 && d10 < d20, `${d2}, ${d10}, ${d20}`);
    assert.ok(d20 > 0.9, `width 2, depth 20: ${d20}`);
  }
});

Deno.test("Lu et al.: narrower networks are born dead more often: at depth 20, width 2 > width 3 > width 5, on 5 of 5 seeds", () => {
  for (const { he } of born) {
    const [w2, w3, w5] = [2, 3, 5].map((width) => bornDeadAt(he, width, 20));
    assert.ok(w2 > w3 && w3 > w5, `${w2}, ${w3}, ${w5}`);
  }
});

Deno.test("Lu et al.: RAI is born dead far less often than He at depth 20, width 3 (under half), on 5 of 5 seeds", () => {
  for (const { he, rai } of born) {
    const [pHe, pRai] = [bornDeadAt(he, 3, 20), bornDeadAt(rai, 3, 20)];
    assert.ok(pRai < pHe / 2, `He ${pHe}, RAI ${pRai}`);
  }
});

/** Activation-scale traces over 20 layers of width 100 for each seed. */
const scales = SEEDS.map((seed) =>
  depthScale([
    { label: "ReLU, Xavier", alpha: 0, init: "xavier" },
    { label: "ReLU, He", alpha: 0, init: "he" },
    { label: "Leaky 0.5, He √2", alpha: 0.5, init: heNormal() },
    { label: "Leaky 0.5, He with α", alpha: 0.5, init: heNormal({ alpha: 0.5 }) },
  ], { depth: 20, width: 100, samples: 50, seed })
);

Deno.test("He et al.: over 20 ReLU layers He keeps the activation scale within a factor 4 while Xavier shrinks it by more than 10,000x, on 5 of 5 seeds", () => {
  for (const [xavier, he] of scales) {
    assert.ok(xavier.lastOverFirst < 1e-4, `Xavier ${xavier.lastOverFirst}`);
    assert.ok(xavier.ratio > 0.4 && xavier.ratio < 0.55, `Xavier per layer ${xavier.ratio}`);
    assert.ok(he.lastOverFirst > 0.25 && he.lastOverFirst < 4, `He ${he.lastOverFirst}`);
  }
});

Deno.test("He et al.: with alpha = 0.5 the plain He gain sqrt(2) grows the scale about (1 + alpha²)x per layer and the alpha-aware gain keeps it flat, on 5 of 5 seeds", () => {
  for (const [, , plain, withAlpha] of scales) {
    assert.ok(Math.abs(plain.ratio - 1.25) < 0.06, `plain ${plain.ratio}`);
    assert.ok(Math.abs(withAlpha.ratio - 1) < 0.06, `with alpha ${withAlpha.ratio}`);
    assert.ok(plain.lastOverFirst > 10 * withAlpha.lastOverFirst);
  }
});

/** ReLU and Leaky ReLU activation probabilities, one trained network per seed and activation. */
const probabilities = SEEDS.map((seed) => ({
  relu: activationProbabilities({ seeds: [seed] }),
  leaky: activationProbabilities({ seeds: [seed], alpha: 0.01 }),
}));

Deno.test("Maas et al.: after training, ReLU and Leaky ReLU (0.01) units are about equally sparse: mean activation probabilities within 0.05, on 5 of 5 seeds", () => {
  for (const { relu, leaky } of probabilities) {
    const gap = Math.abs(relu.meanProbability - leaky.meanProbability);
    assert.ok(gap < 0.05, `ReLU ${relu.meanProbability}, Leaky ${leaky.meanProbability}`);
  }
});

Deno.test("Maas et al. (our addition): ReLU leaves at least as many rarely active units (< 5% of inputs) as Leaky ReLU on 5 of 5 seeds, more on at least 3", () => {
  const pairs = probabilities.map(({ relu, leaky }) => [relu.rarelyActive, leaky.rarelyActive]);
  assert.ok(pairs.every(([relu, leaky]) => relu >= leaky), JSON.stringify(pairs));
  assert.ok(pairs.filter(([relu, leaky]) => relu > leaky).length >= 3, JSON.stringify(pairs));
});

Deno.test("Xu et al.: on a small noisy data set RReLU's train/test loss gap is smaller than ReLU's on average and on at least 4 of 5 seeds", () => {
  const [relu, rrelu] = overfittingGap([xuVariants()[0], xuVariants()[4]], {
    seeds: SEEDS,
    epochs: 100,
    hidden: [32, 32],
  });
  assert.ok(rrelu.lossGap.mean < relu.lossGap.mean, `${rrelu.lossGap.mean} ${relu.lossGap.mean}`);
  const smaller = SEEDS.filter((_, i) => rrelu.lossGap.values[i] < relu.lossGap.values[i]).length;
  assert.ok(smaller >= 4, `smaller on ${smaller} of 5 seeds`);
});
