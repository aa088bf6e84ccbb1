import assert from "node:assert/strict";
import { finishPoints, groupSizes, linspace } from "../../src/data/_generate.ts";
import { createPrng, randomNormal } from "../../src/core/prng.ts";
import { counting } from "./_counting.ts";
import {
  blobs,
  circles,
  type Dataset,
  regression1d,
  spirals,
  standardNormal,
  twoMoons,
  xor,
} from "../../src/mod.ts";
import { loose } from "../_loose.ts";

Deno.test("linspace() spaces count numbers from start to stop, as numpy's does", async (t) => {
  await t.step("with the endpoint", () => {
    assert.deepEqual(Array.from(linspace(-1, 3, 5)), [-1, 0, 1, 2, 3]);
  });
  await t.step("without it", () => {
    assert.deepEqual(Array.from(linspace(2, 4, 4, false)), [2, 2.5, 3, 3.5]);
  });
  await t.step("one number is start, with or without the endpoint; none is empty", () => {
    assert.deepEqual(Array.from(linspace(2, 5, 1)), [2]);
    assert.deepEqual(Array.from(linspace(2, 5, 1, false)), [2]);
    assert.equal(linspace(2, 5, 0).length, 0);
  });
});

Deno.test("groupSizes() gives floor(n / k) each and one more to the first n % k groups", () => {
  assert.deepEqual(groupSizes(10, 3), [4, 3, 3]);
  assert.deepEqual(groupSizes(11, 3), [4, 4, 3]);
  assert.deepEqual(groupSizes(2, 3), [1, 1, 0]);
});

Deno.test("finishPoints() shuffles rows with their labels by Fisher–Yates, rows - 1 draws", () => {
  const rows = 6, cols = 2;
  const x = Float64Array.from({ length: rows * cols }, (_, i) => i);
  const y = Int32Array.from({ length: rows }, (_, i) => i);
  const { prng, draws } = counting(4);
  const data = finishPoints("shuffle", x, cols, y, rows, prng, 0, true);
  assert.equal(draws(), rows - 1);
  // The same swaps, drawn from a second generator of the same seed.
  const twin = createPrng(4), order = Array.from({ length: rows }, (_, i) => i);
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(twin() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  assert.deepEqual(Array.from(data.y as Int32Array), order);
  assert.deepEqual(Array.from(data.x.data), order.flatMap((row) => [2 * row, 2 * row + 1]));
});

Deno.test("finishPoints() without shuffle keeps the order and draws only the noise", () => {
  const { prng, draws } = counting(4);
  const data = finishPoints(
    "keep",
    Float64Array.of(1, 2, 3),
    1,
    Int32Array.of(0, 1, 0),
    2,
    prng,
    0,
    false,
  );
  assert.deepEqual(Array.from(data.x.data), [1, 2, 3]);
  assert.equal(draws(), 0);
});

Deno.test("finishPoints() adds noise × the next normal draw to every input, then checks each", () => {
  const { prng, draws } = counting(8);
  const data = finishPoints(
    "add noise",
    Float64Array.of(1, 2, 3, 4),
    2,
    Int32Array.of(0, 1),
    2,
    prng,
    0.5,
    false,
  );
  const twin = createPrng(8);
  assert.deepEqual(Array.from(data.x.data), [1, 2, 3, 4].map((v) => v + 0.5 * randomNormal(twin)));
  assert.equal(draws(), 8, "two uniform draws a normal sample");
  assert.throws(
    () =>
      finishPoints("spread", Float64Array.of(Infinity, 0), 2, Int32Array.of(0), 1, prng, 0, false),
    {
      name: "RangeError",
      message:
        "Cannot spread as its points must be finite in float64 (a noise, spread or centre too large): x.data[0]=Infinity",
    },
  );
});

Deno.test("the point-cloud generators shuffle unless told not to, as scikit-learn's do", async (t) => {
  const generators = { blobs, circles, spirals, twoMoons } as const;
  for (const [name, generate] of Object.entries(generators)) {
    await t.step(name, () => {
      const byDefault = generate({ n: 30, seed: 2 });
      assert.deepEqual(byDefault, generate({ n: 30, seed: 2, shuffle: true }));
      const y = byDefault.y as Int32Array;
      assert.ok(y.some((label, i) => i > 0 && label < y[i - 1]), "labels out of order");
    });
  }
});

Deno.test("each generator takes its smallest n, one point a class, and refuses one fewer", () => {
  const smallest: [string, (n: number) => unknown, number][] = [
    ["circles", (n) => circles({ n }), 2],
    ["two moons", (n) => twoMoons({ n }), 2],
    ["spirals", (n) => spirals({ n }), 3],
    ["blobs", (n) => blobs({ n, centers: 1 }), 1],
    ["xor", (n) => xor({ n }), 1],
  ];
  for (const [name, generate, min] of smallest) {
    assert.equal((generate(min) as Dataset).x.rows, min, name);
    assert.throws(() => generate(min - 1), {
      name: "RangeError",
      message: `Cannot generate ${name} as n must be a finite integer >= ${min}: n=${min - 1}`,
    });
  }
});

Deno.test("each generator says which size it could not allocate, as matrix() does", () => {
  const huge = 2 ** 40;
  const refusals: [string, () => unknown, string][] = [
    [
      "two moons",
      () => twoMoons({ n: huge }),
      "2199023255552 float64 elements (17592186044416 bytes)",
    ],
    [
      "circles",
      () => circles({ n: huge }),
      "2199023255552 float64 elements (17592186044416 bytes)",
    ],
    [
      "spirals",
      () => spirals({ n: huge }),
      "2199023255552 float64 elements (17592186044416 bytes)",
    ],
    ["xor", () => xor({ n: huge }), "2199023255552 float64 elements (17592186044416 bytes)"],
    [
      "a regression problem",
      () => regression1d("sin", { n: huge }),
      "1099511627776 float64 elements (8796093022208 bytes)",
    ],
  ];
  for (const [name, generate, size] of refusals) {
    assert.throws(generate, {
      name: "RangeError",
      message: `Cannot generate ${name} as its ${size} cannot be allocated: n=${huge}`,
    });
  }
  assert.throws(() => blobs({ n: huge }), {
    name: "RangeError",
    message:
      "Cannot generate blobs as its 2199023255552 float64 elements (17592186044416 bytes) cannot be allocated: n=1099511627776, features=2",
  });
  assert.throws(() => blobs({ n: huge, centers: huge }), {
    name: "RangeError",
    message:
      "Cannot generate blobs as its 2199023255552 float64 elements (17592186044416 bytes) cannot be allocated: centers=1099511627776, features=2",
  });
});

Deno.test("each generator refuses an argument after its last, which it would ignore", () => {
  const calls: [string, string, string, () => unknown][] = [
    [
      "generate two moons",
      "twoMoons takes options alone",
      "second=5",
      () => loose(twoMoons)({}, 5),
    ],
    ["generate circles", "circles takes options alone", "second=5", () => loose(circles)({}, 5)],
    ["generate spirals", "spirals takes options alone", "second=5", () => loose(spirals)({}, 5)],
    ["generate xor", "xor takes options alone", "second=5", () => loose(xor)({}, 5)],
    ["generate blobs", "blobs takes options alone", 'second="x"', () => loose(blobs)({}, "x")],
    [
      "generate a regression problem",
      "regression1d takes fn and options",
      "third=3",
      () => loose(regression1d)("sin", {}, 3),
    ],
    [
      "draw a standard normal matrix",
      "standardNormal takes rows, cols and options",
      "fourth={ seed: 1 }",
      () => loose(standardNormal)(2, 2, {}, { seed: 1 }),
    ],
  ];
  for (const [action, takes, shown, call] of calls) {
    const ordinal = shown.slice(0, shown.indexOf("="));
    assert.throws(call, {
      name: "TypeError",
      message: `Cannot ${action} as ${takes}, no ${ordinal} argument: ${shown}`,
    });
  }
});

Deno.test("the generators that take options alone still work as map callbacks", () => {
  const sizes = [{ n: 4 }, { n: 6 }];
  assert.deepEqual(sizes.map(twoMoons), [twoMoons({ n: 4 }), twoMoons({ n: 6 })]);
  assert.deepEqual(sizes.map(blobs), [blobs({ n: 4 }), blobs({ n: 6 })]);
});

Deno.test("twoMoons(), circles() and spirals() refuse a seed or prng they would draw nothing from", async (t) => {
  const generators: [string, (options: Record<string, unknown>) => Dataset][] = [
    ["generate two moons", (options) => twoMoons({ n: 6, ...options })],
    ["generate circles", (options) => circles({ n: 6, ...options })],
    ["generate spirals", (options) => spirals({ n: 6, ...options })],
  ];
  for (const [action, generate] of generators) {
    await t.step(action, () => {
      assert.throws(() => generate({ shuffle: false, seed: 1 }), {
        name: "RangeError",
        message:
          `Cannot ${action} as seed and prng draw the noise and shuffle the points, and noise is 0 and shuffle is false: noise=0, shuffle=false, seed=1`,
      });
      const { prng, draws } = counting(1);
      assert.throws(() => generate({ shuffle: false, noise: 0, prng }), RangeError);
      assert.equal(draws(), 0);
      // Without the seed it is fine; with noise or shuffling the seed is drawn from.
      assert.deepEqual(generate({ shuffle: false }), generate({ shuffle: false }));
      assert.notDeepEqual(
        generate({ shuffle: false, noise: 0.1, seed: 1 }),
        generate({ shuffle: false, noise: 0.1, seed: 2 }),
      );
      assert.notDeepEqual(generate({ seed: 1 }), generate({ seed: 2 }));
    });
  }
});
