import assert from "node:assert/strict";
import {
  DIGIT_COUNTS,
  DIGIT_PIXELS,
  DIGITS_TRAIN_FRACTION,
  loadDigits,
} from "../../src/data/load_digits.ts";
import { digitImage } from "../../src/data/digit_image.ts";
import { matrix } from "../../src/core/matrix.ts";

Deno.test("loadDigits() returns all 10,000 images of the package, with the documented count per digit", async () => {
  const data = await loadDigits();
  assert.equal(data.x.rows, 10_000);
  assert.equal(data.x.cols, DIGIT_PIXELS);
  assert.equal(data.classes, 10);
  assert.deepEqual(data.digits, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const counts = new Array(10).fill(0);
  for (const label of data.y) counts[label]++;
  assert.deepEqual(counts, DIGIT_COUNTS);
});

Deno.test("loadDigits() images hold intensities in [0, 1] with some ink and some background", async () => {
  const data = await loadDigits({ n: 200, seed: 3 });
  for (let i = 0; i < data.x.rows; i++) {
    const row = data.x.data.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS);
    let ink = 0;
    for (const v of row) {
      assert.ok(v >= 0 && v <= 1);
      if (v > 0.5) ink++;
    }
    assert.ok(ink > 10 && ink < 400, `image ${i} has ${ink} dark pixels`);
  }
});

Deno.test("loadDigits() gives each image the label of its digit in the package", async () => {
  // A computed specifier, as in the loader, so that the type checker skips the 2 MB file.
  const digit = 7;
  const file = await import(`mnist/src/digits/${digit}.json`, { with: { type: "json" } });
  const sevens = new Set<string>();
  for (let i = 0; i < DIGIT_COUNTS[7]; i++) {
    sevens.add(file.default.data.slice(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS).join());
  }
  const data = await loadDigits({ n: 300, digits: [7, 1], seed: 2 });
  for (let i = 0; i < data.x.rows; i++) {
    const image = Array.from(data.x.data.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS));
    assert.equal(sevens.has(image.join()), data.y[i] === 0, `sample ${i}`);
  }
});

Deno.test("loadDigits() labels by position in digits and keeps the natural class proportions", async () => {
  const data = await loadDigits({ digits: [5, 1] });
  assert.equal(data.classes, 2);
  assert.deepEqual(data.digits, [5, 1]);
  const ones = data.y.reduce((sum, label) => sum + label, 0);
  assert.equal(ones, DIGIT_COUNTS[1]);
  assert.equal(data.x.rows, DIGIT_COUNTS[5] + DIGIT_COUNTS[1]);
});

Deno.test("loadDigits() train and test splits are fixed, disjoint and cover the package", async () => {
  const train = await loadDigits({ split: "train", digits: [4], seed: 1 });
  const test = await loadDigits({ split: "test", digits: [4], seed: 2 });
  const trainSize = Math.floor(DIGITS_TRAIN_FRACTION * DIGIT_COUNTS[4]);
  assert.equal(train.x.rows, trainSize);
  assert.equal(test.x.rows, DIGIT_COUNTS[4] - trainSize);
  const rowsOf = (m: { rows: number; data: Float64Array }) => {
    const out = new Set<string>();
    for (let i = 0; i < m.rows; i++) {
      out.add(m.data.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS).join());
    }
    return out;
  };
  const trainImages = rowsOf(train.x);
  const testImages = rowsOf(test.x);
  const shared = [...testImages].filter((image) => trainImages.has(image));
  assert.equal(shared.length, 0);
  const all = rowsOf((await loadDigits({ digits: [4] })).x);
  assert.equal(all.size, trainImages.size + testImages.size);
});

Deno.test("loadDigits() is reproducible from a seed and draws different images for another seed", async () => {
  const a = await loadDigits({ n: 50, seed: 9 });
  const b = await loadDigits({ n: 50, seed: 9 });
  const c = await loadDigits({ n: 50, seed: 10 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.x, c.x);
});

Deno.test("loadDigits() rejects bad options", async (t) => {
  await t.step("a digit outside 0..9", async () => {
    await assert.rejects(() => loadDigits({ digits: [3, 10] }), {
      name: "RangeError",
      message:
        "Cannot load digits as digits[1] must be a finite integer >= 0 and <= 9: digits[1]=10",
    });
  });
  await t.step("a repeated digit", async () => {
    await assert.rejects(() => loadDigits({ digits: [3, 3] }), {
      name: "RangeError",
      message: "Cannot load digits as digits must not repeat: digits=[3, 3]",
    });
  });
  await t.step("no digits", async () => {
    await assert.rejects(() => loadDigits({ digits: [] }), {
      name: "RangeError",
      message: "Cannot load digits as digits must be a non-empty array of digits 0..9: digits=[]",
    });
    await assert.rejects(() => loadDigits({ digits: 3 as never }), TypeError);
  });
  await t.step("more images than the split holds", async () => {
    const available = DIGIT_COUNTS[0] - Math.floor(DIGITS_TRAIN_FRACTION * DIGIT_COUNTS[0]);
    await assert.rejects(() => loadDigits({ digits: [0], split: "test", n: available + 1 }), {
      name: "RangeError",
      message: `Cannot load digits as n must be a finite integer >= 1 and <= ${available}: n=${
        available + 1
      }`,
    });
  });
  await t.step("no images, which every generator refuses too", async () => {
    await assert.rejects(() => loadDigits({ digits: [0], n: 0 }), {
      name: "RangeError",
      message: /^Cannot load digits as n must be a finite integer >= 1 and <= \d+: n=0$/,
    });
  });
  await t.step("an unknown split", async () => {
    await assert.rejects(() => loadDigits({ split: "validation" as "train" }), {
      name: "RangeError",
      message:
        'Cannot load digits as split must be one of "train", "test", "all": split="validation"',
    });
    await assert.rejects(() => loadDigits({ split: 1 as never }), TypeError);
  });
});

Deno.test("digitImage() returns sample i as a 28x28 copy, row by row", async () => {
  const data = await loadDigits({ n: 3, seed: 4 });
  const image = digitImage(data, 2);
  assert.equal(image.rows, 28);
  assert.equal(image.cols, 28);
  assert.deepEqual(image.data, data.x.data.slice(2 * 784, 3 * 784));
  image.data[0] = 42;
  assert.notEqual(data.x.data[2 * 784], 42);
});

Deno.test("digitImage() rejects matrices that are not flattened 28x28 images, and bad indices", async (t) => {
  await t.step("wrong width", () => {
    assert.throws(() => digitImage(matrix(2, 10), 0), {
      name: "RangeError",
      message:
        "Cannot take a digit image as the samples must have 784 columns (28x28 pixels): x is 2x10",
    });
  });
  await t.step("index out of range or fractional", () => {
    assert.throws(() => digitImage(matrix(2, 784), 2), RangeError);
    assert.throws(() => digitImage(matrix(2, 784), -1), RangeError);
    assert.throws(() => digitImage(matrix(2, 784), 0.5), RangeError);
  });
});

Deno.test("digitImage() of data with no rows says the data holds no image", () => {
  assert.throws(() => digitImage(matrix(0, 784), 0), {
    name: "RangeError",
    message: "Cannot take a digit image as the data must hold at least one image: data.rows=0, i=0",
  });
  const empty = { x: matrix(0, 784), y: new Int32Array(0), classes: 10 };
  assert.throws(() => digitImage(empty, 0), {
    name: "RangeError",
    message:
      "Cannot take a digit image as the data must hold at least one image: data.x.rows=0, i=0",
  });
});

Deno.test("loadDigits() refuses a second argument, which it would ignore", async () => {
  await assert.rejects(
    () => (loadDigits as (...args: unknown[]) => Promise<unknown>)({ n: 1 }, 5),
    {
      name: "TypeError",
      message: "Cannot load digits as loadDigits takes options alone, no second argument: second=5",
    },
  );
});
