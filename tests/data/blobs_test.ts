import assert from "node:assert/strict";
import { blobs } from "../../src/data/blobs.ts";
import { createPrng, randomNormal } from "../../src/core/prng.ts";

Deno.test("blobs() gives floor(n / k) points per cluster and one more to the first n % k", () => {
  const data = blobs({ n: 11, centers: 3, seed: 1 });
  const counts = [0, 0, 0];
  for (const label of data.y as Int32Array) counts[label]++;
  assert.deepEqual(counts, [4, 4, 3]);
  assert.equal(data.classes, 3);
});

Deno.test("blobs() draws points around their centre with the given spread", () => {
  const data = blobs({ n: 3000, centers: [[0, 0], [10, -10]], std: 2, seed: 3 });
  const y = data.y as Int32Array;
  const sums = [[0, 0, 0], [0, 0, 0]]; // sum x, sum y, sum of squared distances
  for (let i = 0; i < data.x.rows; i++) {
    const c = y[i];
    const dx = data.x.data[2 * i] - data.centers.data[2 * c];
    const dy = data.x.data[2 * i + 1] - data.centers.data[2 * c + 1];
    sums[c][0] += dx;
    sums[c][1] += dy;
    sums[c][2] += dx * dx + dy * dy;
  }
  for (const [sx, sy, ss] of sums) {
    assert.ok(Math.abs(sx / 1500) < 0.2 && Math.abs(sy / 1500) < 0.2);
    assert.ok(Math.abs(Math.sqrt(ss / 3000) - 2) < 0.1);
  }
});

Deno.test("blobs() with a count draws centres uniformly in box, in any dimension", () => {
  const data = blobs({ n: 20, centers: 4, features: 5, box: [-1, 1], std: 0, seed: 7 });
  assert.equal(data.centers.rows, 4);
  assert.equal(data.centers.cols, 5);
  assert.equal(data.x.cols, 5);
  for (const v of data.centers.data) assert.ok(v >= -1 && v < 1);
  const y = data.y as Int32Array;
  for (let i = 0; i < 20; i++) {
    assert.deepEqual(
      data.x.data.subarray(5 * i, 5 * i + 5),
      data.centers.data.subarray(5 * y[i], 5 * y[i] + 5),
    );
  }
});

Deno.test("blobs() defaults to 100 points around 3 centres in [-10, 10]^2, like scikit-learn", () => {
  const data = blobs();
  assert.equal(data.x.rows, 100);
  assert.equal(data.x.cols, 2);
  assert.equal(data.centers.rows, 3);
  assert.deepEqual(blobs(), data);
  // The default spread is std 1: the same points as std: 1, not the centres themselves.
  assert.deepEqual(blobs({ std: 1 }), data);
  assert.notDeepEqual(blobs({ std: 0 }).x, data.x);
});

Deno.test("blobs() draws each point as its centre plus std times the next normal draw", () => {
  const centers = [[0, 1], [-4, 2]];
  const data = blobs({ n: 5, centers, std: 0.5, seed: 6, shuffle: false });
  const twin = createPrng(6);
  const expected = [0, 0, 0, 1, 1].flatMap((j) =>
    centers[j].map((c) => c + 0.5 * randomNormal(twin))
  );
  assert.deepEqual(Array.from(data.x.data), expected);
  assert.deepEqual(Array.from(data.y as Int32Array), [0, 0, 0, 1, 1]);
});

Deno.test("blobs() takes one-dimensional centres, and a box of zero width", () => {
  const line = blobs({ n: 4, centers: [[0], [5]], std: 0, shuffle: false });
  assert.deepEqual([line.x.cols, Array.from(line.x.data)], [1, [0, 0, 5, 5]]);
  const point = blobs({ n: 4, centers: 2, box: [2, 2], std: 0 });
  assert.deepEqual(Array.from(point.centers.data), [2, 2, 2, 2]);
});

Deno.test("blobs() rejects bad options", async (t) => {
  await t.step("zero centres, empty rows, ragged rows", () => {
    assert.throws(() => blobs({ centers: 0 }), RangeError);
    assert.throws(() => blobs({ centers: [] }), {
      name: "RangeError",
      message: "Cannot generate blobs as centers must hold at least one row: centers=[]",
    });
    // The first row is the empty one, though the array holds a non-empty row.
    assert.throws(() => blobs({ centers: [[], [1]] }), {
      name: "RangeError",
      message:
        "Cannot generate blobs as every center row must hold at least one number: centers[0]=[]",
    });
    assert.throws(() => blobs({ centers: [[0, 0], [1]] }), RangeError);
  });
  await t.step("more centres than points, refused before the centres are drawn", () => {
    assert.throws(() => blobs({ n: 1, centers: 1.4e8, features: 1 }), {
      name: "RangeError",
      message:
        "Cannot generate blobs as centers must be at most n, so that every cluster gets a point: centers=140000000, n=1",
    });
    assert.throws(() => blobs({ n: 2, centers: [[0], [1], [2]] }), {
      name: "RangeError",
      message:
        "Cannot generate blobs as centers must list at most n rows, so that every cluster gets a point: centers.length=3, n=2",
    });
    const tight = blobs({ n: 3, centers: 3, seed: 1 });
    assert.deepEqual(Array.from(tight.y as Int32Array).sort(), [0, 1, 2]);
  });
  await t.step("a count of centres that is no integer", () => {
    assert.throws(() => blobs({ centers: 2.5 }), {
      name: "RangeError",
      message: "Cannot generate blobs as centers must be a finite integer >= 1: centers=2.5",
    });
  });
  await t.step("a non-finite first centre entry", () => {
    assert.throws(() => blobs({ centers: [[Infinity, 0]] }), {
      name: "RangeError",
      message:
        "Cannot generate blobs as centers.data[0] must be a finite number: centers.data[0]=Infinity",
    });
  });
  await t.step("non-finite centre", () => {
    assert.throws(() => blobs({ centers: [[0, NaN]] }), {
      name: "RangeError",
      message:
        "Cannot generate blobs as centers.data[1] must be a finite number: centers.data[1]=NaN",
    });
  });
  await t.step("negative std, reversed box", () => {
    assert.throws(() => blobs({ std: -1 }), RangeError);
    assert.throws(() => blobs({ box: [1, -1] }), {
      name: "RangeError",
      message:
        "Cannot generate blobs as box must be an interval [low, high] with low <= high and a finite width: box=[1, -1]",
    });
  });
  await t.step("a box too wide for float64, whose centres would be infinite", () => {
    assert.throws(() => blobs({ box: [-1e308, 1e308] }), {
      name: "RangeError",
      message:
        "Cannot generate blobs as box must be an interval [low, high] with low <= high and a finite width: box=[-1e+308, 1e+308]",
    });
  });
  await t.step("centres that are neither a count nor rows", () => {
    assert.throws(() => blobs({ centers: {} as unknown as number }), {
      name: "TypeError",
      message:
        "Cannot generate blobs as centers must be a number of centers or an array of center rows: centers={}",
    });
  });
  await t.step("null for a default", () => {
    assert.throws(() => blobs({ n: null as unknown as number }), {
      name: "TypeError",
      message:
        "Cannot generate blobs as n must be a value or left out (for its default), not null: n=null",
    });
  });
});

Deno.test("blobs() refuses a noise or spread that makes points infinite in float64", () => {
  assert.throws(() => blobs({ n: 200, std: 1e308 }), {
    name: "RangeError",
    message:
      /^Cannot generate blobs as its points must be finite in float64 \(a noise, spread or centre too large\): x\.data\[\d+\]=-?Infinity$/,
  });
});

Deno.test("blobs() with centre rows takes a features that agrees and refuses one that does not", () => {
  assert.equal(blobs({ n: 4, centers: [[0, 0]], features: 2 }).x.cols, 2);
  // features: 5 was ignored, and the points had 2 columns.
  assert.throws(() => blobs({ n: 4, centers: [[0, 0]], features: 5 }), {
    name: "RangeError",
    message:
      "Cannot generate blobs as features must be 2, the length of the center rows given, or be left out: features=5",
  });
});

Deno.test("blobs() with centre rows refuses a box, which bounds only drawn centres", () => {
  assert.throws(() => blobs({ centers: [[0, 0]], box: [-1, 1] }), {
    name: "TypeError",
    message:
      "Cannot generate blobs as box must be left out when centers are given as rows (it bounds drawn centers only): box=[-1, 1]",
  });
});

Deno.test("blobs() names a centre that is not a row, or a row of another length", () => {
  // Rows that fromRows takes (typed or array-like) are rows.
  const rows = [{ length: 2, 0: 1, 1: 2 }, Float64Array.of(3, 4)];
  assert.deepEqual(Array.from(blobs({ n: 2, centers: rows, std: 0 }).centers.data), [1, 2, 3, 4]);
  assert.throws(() => blobs({ centers: [null] as unknown as number[][] }), {
    name: "TypeError",
    message:
      "Cannot generate blobs as every center must be a row of numbers (an array, e.g. [[0, 0], [5, 5]]): centers[0]=null",
  });
  assert.throws(() => blobs({ centers: [[0, 0], 3] as unknown as number[][] }), TypeError);
  assert.throws(() => blobs({ centers: [[1], [1, 2]] }), {
    name: "RangeError",
    message:
      "Cannot generate blobs as every center row must have 1 numbers, as centers[0] has: centers[1].length=2",
  });
});

Deno.test("blobs() names itself and the centre for a centre entry that is not a number", () => {
  assert.throws(() => blobs({ centers: [[0, 1], ["a", 1]] as unknown as number[][] }), {
    name: "TypeError",
    message: 'Cannot generate blobs as centers[1][0] must be a number: centers[1][0]="a"',
  });
  assert.throws(() => blobs({ centers: [[0, null]] as unknown as number[][] }), {
    name: "TypeError",
    message: "Cannot generate blobs as centers[0][1] must be a number: centers[0][1]=null",
  });
});

Deno.test("blobs() refuses a box that is not two numbers, showing the box given", async (t) => {
  const rule = "box must be an interval [low, high], an array of two finite numbers";
  await t.step("a number or another object", () => {
    for (const [box, shown] of [[5, "5"], [{}, "{}"], ["ab", '"ab"']] as const) {
      assert.throws(() => blobs({ box: box as never }), {
        name: "TypeError",
        message: `Cannot generate blobs as ${rule}: box=${shown}`,
      });
    }
  });
  await t.step("one number or three (the third would be ignored)", () => {
    assert.throws(() => blobs({ box: [0] as never }), {
      name: "RangeError",
      message: `Cannot generate blobs as ${rule}: box=[0]`,
    });
    assert.throws(() => blobs({ box: [0, 1, 2] as never }), {
      name: "RangeError",
      message: `Cannot generate blobs as ${rule}: box=[0, 1, 2]`,
    });
  });
  await t.step("a typed array of two numbers is a box like an array", () => {
    const options = { n: 5, centers: 2, seed: 1 };
    assert.deepEqual(
      blobs({ ...options, box: new Float64Array([-1, 1]) as unknown as [number, number] }),
      blobs({ ...options, box: [-1, 1] }),
    );
  });
});
