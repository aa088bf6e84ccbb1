/** Explorer settings for layout tests, shared by the unit and the browser tests. */
import type { ExploreOptions } from "../../src/explorer/_settings.ts";

/** Settings whose every text is as long as the explorer lets it be. */
export const LONGEST: ExploreOptions = {
  activation: "leakyRelu",
  alpha: 0.12345678901234568,
  hidden: [32, 32, 32, 32],
  biasInit: -4.123456789012345,
  learningRate: 0.00012345678901234,
  testFraction: 0.123456789,
  noise: 0.123456789012345,
  seed: -9007199254740991,
  n: 999,
  batchSize: 999,
  epochs: 4999,
};
