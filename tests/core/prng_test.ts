import assert from "node:assert/strict";
import fc from "fast-check";
import {
  Conv2D,
  createPrng,
  Dense,
  Dropout,
  erf,
  randomNormal,
  resolvePrng,
  RReLU,
  rrelu,
  twoMoons,
} from "../../src/mod.ts";
import { prngOf } from "../../src/core/_prng_of.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

/** The first `n` numbers a generator seeded with `seed` draws. */
function draws(seed: number, n = 4): number[] {
  const prng = createPrng(seed);
  return Array.from({ length: n }, () => prng());
}

Deno.test("createPrng gives the same numbers for the same seed", () => {
  fc.assert(fc.property(fc.maxSafeInteger(), (seed) => {
    assert.deepEqual(draws(seed, 8), draws(seed, 8));
  }));
});

Deno.test("createPrng gives each safe integer seed a stream of its own", async (t) => {
  await t.step("negative seeds and their neighbours", () => {
    for (let k = 0; k < 64; k++) {
      assert.notDeepEqual(draws(-k - 1), draws(k), `seed ${-k - 1} against seed ${k}`);
      assert.notDeepEqual(draws(-k - 1), draws(-k - 2), `seed ${-k - 1} against ${-k - 2}`);
    }
  });
  await t.step("seeds 2^32 apart", () => {
    for (const seed of [0, 1, 7, -1, 123_456_789]) {
      assert.notDeepEqual(draws(seed), draws(seed + 2 ** 32), `seed ${seed} against + 2^32`);
      assert.notDeepEqual(draws(seed), draws(seed - 2 ** 32), `seed ${seed} against - 2^32`);
    }
    assert.notDeepEqual(draws(2 ** 32), draws(1), "seed 2^32 against seed 1");
  });
  await t.step("any two different safe integers", () => {
    fc.assert(fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (a, b) => {
      fc.pre(a !== b);
      assert.notDeepEqual(draws(a), draws(b));
    }));
  });
});

Deno.test("createPrng keeps the streams of seeds 0 to 2^32 - 1 that stored results were drawn with", () => {
  // Seeding changed for negative seeds and seeds >= 2^32 only; these are the first draws of
  // seeds 0 and 42 before and after that change.
  assert.deepEqual(draws(0, 2), [0.9791452463250607, 0.8250711336731911]);
  assert.deepEqual(draws(42, 2), [0.23955312534235418, 0.5859209857881069]);
});

Deno.test("createPrng draws numbers in [0, 1) with mean 1/2", () => {
  const prng = createPrng(3);
  let sum = 0;
  const n = 100_000;
  for (let i = 0; i < n; i++) {
    const u = prng();
    assert.ok(u >= 0 && u < 1, `draw ${i} is ${u}`);
    sum += u;
  }
  // The standard error of the mean is 1 / sqrt(12 n) ≈ 0.0009.
  assert.ok(Math.abs(sum / n - 0.5) < 0.005, `mean ${sum / n}`);
});

Deno.test("randomNormal is the Box–Muller cosine of the generator's next two draws", () => {
  for (const seed of [0, 1, 42]) {
    const prng = createPrng(seed), twin = createPrng(seed);
    for (let i = 0; i < 100; i++) {
      const u = twin(), v = twin();
      assert.equal(randomNormal(prng), Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    assert.equal(prng(), twin(), `seed ${seed}: two draws a sample, no more`);
  }
});

Deno.test("randomNormal refuses a generator that is not a function, saying how to make one", () => {
  for (const [prng, shown] of [["x", '"x"'], [1, "1"], [undefined, "undefined"]] as const) {
    assert.throws(() => randomNormal(prng as never), {
      name: "TypeError",
      message:
        `Cannot draw a normal sample as prng must be a function returning numbers in [0, 1) (createPrng(seed) makes one): prng=${shown}`,
    });
  }
});

Deno.test("10,000 randomNormal samples pass a Kolmogorov–Smirnov test against N(0, 1)", () => {
  const prng = createPrng(5);
  const n = 10_000;
  const samples = Float64Array.from({ length: n }, () => randomNormal(prng)).sort();
  let d = 0;
  samples.forEach((x, i) => {
    const cdf = (1 + erf(x / Math.SQRT2)) / 2;
    d = Math.max(d, (i + 1) / n - cdf, cdf - i / n);
  });
  // The critical value at the 0.1% level is 1.95 / sqrt(n).
  assert.ok(d < 1.95 / Math.sqrt(n), `D = ${d}`);
});

Deno.test("createPrng refuses seeds that are not safe integers", () => {
  assert.throws(() => createPrng(2 ** 53), {
    name: "RangeError",
    message:
      "Cannot create a Prng as seed must be a safe integer (|seed| <= 2^53 - 1): seed=9007199254740992",
  });
  assert.throws(() => createPrng(1e300), RangeError);
  assert.throws(() => createPrng(0.5), {
    name: "RangeError",
    message: /^Cannot create a Prng as seed must be a finite integer: seed=0.5$/,
  });
  assert.throws(() => createPrng("1" as unknown as number), TypeError);
});

Deno.test("resolvePrng returns the given generator, or one from the seed, and refuses both", () => {
  const prng = createPrng(5);
  assert.equal(resolvePrng({ prng }), prng);
  assert.throws(() => resolvePrng({ prng, seed: 9 }), {
    name: "TypeError",
    message:
      "Cannot resolve a prng as seed and prng must not both be given (the prng would be drawn from, the seed unused): seed=9, prng=function prng",
  });
  assert.equal(resolvePrng({ seed: 9 })(), createPrng(9)());
  assert.equal(resolvePrng({})(), createPrng(0)());
  assert.throws(() => resolvePrng({ seed: null as unknown as number }), TypeError);
});

Deno.test("randomNormal refuses a generator stuck at 0 or outside [0, 1) instead of hanging", () => {
  assert.throws(() => randomNormal(() => 0), {
    name: "RangeError",
    message:
      "Cannot draw a normal sample as prng must return numbers in (0, 1), not 0 64 times running: drew 0",
  });
  assert.throws(() => randomNormal(() => 2), RangeError);
  assert.throws(() => randomNormal(() => NaN), RangeError);
  // One 0 is redrawn, as a generator of [0, 1) may give it.
  const values = [0, 0.5, 0.25];
  assert.ok(Number.isFinite(randomNormal(() => values.shift()!)));
});

Deno.test("resolvePrng refuses a key it does not know, and anything but an options object", () => {
  // A typo of seed used to be read as the default seed 0.
  assert.throws(() => resolvePrng({ sed: 1 } as never), {
    name: "TypeError",
    message:
      'Cannot resolve a prng as options must have only the keys seed, prng: unknown key "sed"',
  });
  assert.throws(() => resolvePrng(null as never), {
    name: "TypeError",
    message: "Cannot resolve a prng as options must be an object such as { seed: … }: options=null",
  });
  assert.throws(() => resolvePrng(3 as never), {
    name: "TypeError",
    message: "Cannot resolve a prng as options must be an object such as { seed: 3 }: options=3",
  });
});

Deno.test("a random function's own options pass with their keys, a typo among them refused", () => {
  // twoMoons checks its keys (n, noise, shuffle, seed, prng) and picks its generator by two.
  assert.deepEqual(
    twoMoons({ n: 4, seed: 9 }).x.data,
    twoMoons({ n: 4, prng: createPrng(9) }).x.data,
  );
  assert.throws(() => twoMoons({ n: 4, sed: 9 } as never), /unknown key "sed"/);
});

Deno.test("randomNormal refuses a generator that returns a string or a bigint, not a number", () => {
  // "0.5" passed the comparisons with [0, 1) and was coerced; 0n failed later, in Math.cos.
  for (const [value, shown] of [["0.5", '"0.5"'], [0n, "0n"]] as const) {
    const values = [0.5, value];
    assert.throws(() => randomNormal(() => values.shift() as number), {
      name: "RangeError",
      message: `Cannot draw a normal sample as prng must return numbers in [0, 1): drew ${shown}`,
    });
  }
});

Deno.test("prngOf() refuses a bad seed or prng naming the caller's action, and passes good ones on", () => {
  const action = "generate two moons";
  assert.throws(() => prngOf({ seed: 1.5 }, action), {
    name: "RangeError",
    message: "Cannot generate two moons as seed must be a finite integer: seed=1.5",
  });
  assert.throws(() => prngOf({ seed: 2 ** 60 }, action), {
    name: "RangeError",
    message:
      "Cannot generate two moons as seed must be a safe integer (|seed| <= 2^53 - 1): seed=1152921504606847000",
  });
  assert.throws(() => prngOf({ prng: { next: 1 } as never }, action), {
    name: "TypeError",
    message:
      "Cannot generate two moons as prng must be a function returning numbers in [0, 1): prng={ next: 1 }",
  });
  // A seed beside a prng would go unused, so it is refused, a good one as a bad one.
  const prng = createPrng(4);
  for (const seed of [1.5, 4]) {
    assert.throws(() => prngOf({ prng, seed }, action), {
      name: "TypeError",
      message: new RegExp(
        `^Cannot generate two moons as seed and prng must not both be given .*: seed=${seed}, prng=function prng$`,
      ),
    });
  }
  assert.equal(prngOf({ prng }, action), prng);
  assert.equal(prngOf({ seed: -3 }, action)(), createPrng(-3)());
  assert.equal(prngOf({}, action)(), createPrng(0)());
  // A null seed is refused, not taken for the default.
  assert.throws(() => prngOf({ seed: null as never }, action), { name: "TypeError" });
});

Deno.test("the layers and rrelu that draw name themselves for a bad seed or prng, not a Prng", () => {
  const made: [string, (options: { seed?: number; prng?: never }) => unknown][] = [
    ["create a Dense layer", (options) => new Dense(2, 2, options)],
    ["create a Conv2D layer", (options) => new Conv2D(4, 4, { filters: 1, ...options })],
    ["create a Dropout layer", (options) => new Dropout(2, options)],
    ["create an RReLU layer", (options) => new RReLU(2, options)],
    ["compute rrelu", (options) => rrelu(-1, { training: true, ...options })],
  ];
  for (const [action, make] of made) {
    assert.throws(() => make({ seed: 0.5 }), {
      name: "RangeError",
      message: `Cannot ${action} as seed must be a finite integer: seed=0.5`,
    });
    assert.throws(() => make({ prng: 5 as never }), {
      name: "TypeError",
      message: `Cannot ${action} as prng must be a function returning numbers in [0, 1): prng=5`,
    });
  }
});

Deno.test("createPrng(), resolvePrng() and randomNormal() refuse an argument past their last, which would go unused", () => {
  assert.throws(() => loose(lib.createPrng)(1, 2), {
    name: "TypeError",
    message: "Cannot create a Prng as createPrng takes seed alone, no second argument: second=2",
  });
  assert.throws(() => loose(lib.resolvePrng)({}, { seed: 1 }), {
    name: "TypeError",
    message:
      "Cannot resolve a prng as resolvePrng takes options alone, no second argument: second={ seed: 1 }",
  });
  assert.throws(() => loose(lib.randomNormal)(lib.createPrng(1), { sigma: 2 }), {
    name: "TypeError",
    message:
      "Cannot draw a normal sample as randomNormal takes prng alone, no second argument: second={ sigma: 2 }",
  });
  assert.deepEqual([1, 2].map(lib.createPrng).map((prng) => prng()), [
    lib.createPrng(1)(),
    lib.createPrng(2)(),
  ]);
});
