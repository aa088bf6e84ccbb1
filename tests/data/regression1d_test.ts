import assert from "node:assert/strict";
import { createPrng, randomNormal } from "../../src/core/prng.ts";
import { regression1d } from "../../src/data/regression1d.ts";

Deno.test("regression1d() samples each named target exactly without noise", () => {
  const expected: Record<string, (x: number) => number> = {
    sin: Math.sin,
    abs: Math.abs,
    square: (x) => x * x,
    cube: (x) => x ** 3,
    relu: (x) => Math.max(0, x),
    step: (x) => (x > 0 ? 1 : 0),
  };
  for (const [name, f] of Object.entries(expected)) {
    const data = regression1d(name as "sin", { n: 50, seed: 1 });
    const y = data.y as { rows: number; cols: number; data: Float64Array };
    assert.equal(y.rows, 50);
    assert.equal(y.cols, 1);
    for (let i = 0; i < 50; i++) {
      assert.ok(Math.abs(y.data[i] - f(data.x.data[i])) < 1e-12, name);
    }
  }
});

Deno.test("regression1d() draws inputs uniformly in range (default [-3, 3])", () => {
  const data = regression1d("sin", { n: 2000 });
  let low = Infinity, high = -Infinity;
  for (const v of data.x.data) {
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  assert.ok(low >= -3 && low < -2.9 && high < 3 && high > 2.9);
  const narrow = regression1d("sin", { n: 100, range: [2, 2.5] });
  for (const v of narrow.x.data) assert.ok(v >= 2 && v < 2.5);
});

Deno.test("regression1d() adds Gaussian noise of the given standard deviation to the targets", () => {
  const data = regression1d((x) => 2 * x, { n: 5000, noise: 0.5, seed: 2 });
  let sum = 0, sumSquares = 0;
  const y = data.y as { data: Float64Array };
  for (let i = 0; i < 5000; i++) {
    const residual = y.data[i] - 2 * data.x.data[i];
    sum += residual;
    sumSquares += residual * residual;
  }
  assert.ok(Math.abs(sum / 5000) < 0.03);
  assert.ok(Math.abs(Math.sqrt(sumSquares / 5000) - 0.5) < 0.03);
});

Deno.test("regression1d() is reproducible from a seed", () => {
  assert.deepEqual(
    regression1d("sin", { noise: 0.1, seed: 3 }),
    regression1d("sin", { noise: 0.1, seed: 3 }),
  );
});

Deno.test("regression1d() rejects bad targets and options", async (t) => {
  await t.step("unknown name", () => {
    assert.throws(() => regression1d("tan" as "sin"), {
      name: "RangeError",
      message:
        'Cannot generate a regression problem as fn must be a function or one of "sin", "abs", "square", "cube", "relu", "step": fn="tan"',
    });
  });
  await t.step("inherited property names are not targets", () => {
    assert.throws(() => regression1d("toString" as "sin"), RangeError);
    assert.throws(() => regression1d(3 as never), TypeError);
  });
  await t.step("a function returning NaN", () => {
    assert.throws(() => regression1d(() => NaN, { n: 1, range: [1, 1] }), {
      name: "RangeError",
      message: "Cannot generate a regression problem as fn must return finite numbers: fn(1)=NaN",
    });
  });
  await t.step("a function returning something other than a number", () => {
    assert.throws(() => regression1d(() => "3" as unknown as number, { n: 1, range: [1, 1] }), {
      name: "TypeError",
      message: 'Cannot generate a regression problem as fn must return finite numbers: fn(1)="3"',
    });
  });
  await t.step("reversed or non-finite range", () => {
    assert.throws(() => regression1d("sin", { range: [1, 0] }), RangeError);
    assert.throws(() => regression1d("sin", { range: [0, Infinity] }), RangeError);
    assert.throws(() => regression1d("sin", { n: 200, noise: 1e308 }), {
      name: "RangeError",
      message:
        /^Cannot generate a regression problem as noise must leave the targets finite in float64: noise=1e\+308, y\[\d+\]=-?Infinity$/,
    });
    assert.throws(() => regression1d("sin", { range: [-1e308, 1e308] }), {
      name: "RangeError",
      message:
        "Cannot generate a regression problem as range must be an interval [low, high] with low <= high and a finite width: range=[-1e+308, 1e+308]",
    });
  });
});

Deno.test("regression1d() draws each point's input, then its noise, from one generator in turn", () => {
  for (const noise of [0, 0.4]) {
    const data = regression1d((x) => 3 * x, { n: 30, noise, range: [-2, 1], seed: 8 });
    const twin = createPrng(8), x: number[] = [], y: number[] = [];
    for (let i = 0; i < 30; i++) {
      x.push(-2 + 3 * twin());
      y.push(noise > 0 ? 3 * x[i] + noise * randomNormal(twin) : 3 * x[i]);
    }
    assert.deepEqual(
      { rows: data.x.rows, cols: data.x.cols },
      { rows: 30, cols: 1 },
      `noise ${noise}`,
    );
    assert.deepEqual(Array.from(data.x.data), x, `noise ${noise}`);
    assert.deepEqual(Array.from((data.y as { data: Float64Array }).data), y, `noise ${noise}`);
  }
});

Deno.test("regression1d() refuses a range that is not two numbers, showing the range given", () => {
  const rule = "range must be an interval [low, high], an array of two finite numbers";
  assert.throws(() => regression1d("sin", { range: 5 as never }), {
    name: "TypeError",
    message: `Cannot generate a regression problem as ${rule}: range=5`,
  });
  assert.throws(() => regression1d("sin", { range: [0, 1, 2] as never }), {
    name: "RangeError",
    message: `Cannot generate a regression problem as ${rule}: range=[0, 1, 2]`,
  });
  assert.throws(() => regression1d("sin", { range: [0] as never }), {
    name: "RangeError",
    message: `Cannot generate a regression problem as ${rule}: range=[0]`,
  });
});
