/** train() on the run the explorer documents, written out with the library's public API. */
import {
  circles,
  createActivation,
  type EpochRecord,
  mlp,
  spirals,
  train,
  trainTestSplit,
  twoMoons,
  xor,
} from "../../src/mod.ts";
import { type ExploreOptions, resolveExplorerSettings } from "../../src/explorer/_settings.ts";

/** train() on the run the explorer documents, built here from the public API. */
export function trainDirectly(options: ExploreOptions): EpochRecord[] {
  const s = resolveExplorerSettings(options);
  const generators = {
    twoMoons: () => twoMoons({ n: s.n, noise: s.noise, seed: s.seed }),
    circles: () => circles({ n: s.n, noise: s.noise, seed: s.seed, factor: 0.5 }),
    spirals: () => spirals({ n: s.n, noise: s.noise, seed: s.seed, classes: 2 }),
    xor: () => xor({ n: s.n, noise: s.noise, seed: s.seed }),
  };
  const { train: points, test } = trainTestSplit(generators[s.dataset](), {
    testFraction: s.testFraction,
    seed: s.seed,
  });
  // Written out, independently of the explorer: ELU as an object with its alpha, Leaky ReLU and
  // PReLU by name with theirs, ReLU with none.
  const model = s.activation === "elu"
    ? mlp([2, ...s.hidden, 2], {
      activation: createActivation("elu", { alpha: s.alpha }),
      biasInit: s.biasInit,
      seed: s.seed,
    })
    : s.activation === "relu"
    ? mlp([2, ...s.hidden, 2], { activation: "relu", biasInit: s.biasInit, seed: s.seed })
    : mlp([2, ...s.hidden, 2], {
      activation: s.activation,
      alpha: s.alpha,
      biasInit: s.biasInit,
      seed: s.seed,
    });
  return train(model, points, {
    epochs: s.epochs,
    batchSize: s.batchSize,
    learningRate: s.learningRate,
    optimizer: s.optimizer,
    seed: s.seed,
    test,
  });
}
