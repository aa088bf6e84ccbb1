import assert from "node:assert/strict";
import {
  constantInit,
  createPrng,
  Dense,
  heGain,
  heNormal,
  heUniform,
  type Initializer,
  lecunNormal,
  lecunUniform,
  matrix,
  mlp,
  normalInit,
  type Prng,
  randomAsymmetricInit,
  randomNormal,
  resolveInitializer,
  xavierNormal,
  xavierUniform,
  zerosInit,
} from "../../src/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

function sample(init: Initializer, fanIn: number, fanOut: number, seed = 1) {
  const w = matrix(fanIn, fanOut);
  const b = new Float64Array(fanOut);
  init.fill(w, b, createPrng(seed));
  let sum = 0, sumSquares = 0, maxAbs = 0;
  for (const v of w.data) {
    sum += v;
    sumSquares += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const n = w.data.length;
  return { w, b, mean: sum / n, variance: sumSquares / n - (sum / n) ** 2, maxAbs };
}

function assertClose(actual: number, expected: number, relative: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${what}: ${actual} is not within ${relative * 100}% of ${expected}`,
  );
}

Deno.test("heGain() is sqrt(2 / (1 + alpha²))", () => {
  assert.equal(heGain(0), Math.SQRT2);
  assert.equal(heGain(), Math.SQRT2, "the default is ReLU's");
  assert.equal(heGain(0.01), Math.sqrt(2 / 1.0001));
  assert.equal(heGain(1), 1);
});

Deno.test("heGain() stays √2 / |alpha| where alpha² overflows float64, not 0", () => {
  assert.equal(heGain(1e200), Math.SQRT2 / 1e200);
  assert.equal(heGain(-1e200), Math.SQRT2 / 1e200);
  assert.ok(heGain(1e154) > 0 && Math.abs(heGain(1e154) / (Math.SQRT2 / 1e154) - 1) < 1e-15);
});

Deno.test("the initialisers draw weights with their documented variance", async (t) => {
  const fanIn = 300, fanOut = 200;
  const cases: [string, Initializer, number][] = [
    ["heNormal", heNormal(), 2 / fanIn],
    ["heNormal alpha 0.5", heNormal({ alpha: 0.5 }), 2 / (1.25 * fanIn)],
    ["heUniform", heUniform(), 2 / fanIn],
    ["heUniform alpha 0.2", heUniform({ alpha: 0.2 }), 2 / (1.04 * fanIn)],
    ["xavierNormal", xavierNormal(), 2 / (fanIn + fanOut)],
    ["xavierUniform", xavierUniform(), 2 / (fanIn + fanOut)],
    ["lecunNormal", lecunNormal(), 1 / fanIn],
    ["lecunUniform", lecunUniform(), 1 / fanIn],
    ["normal sigma 0.1", normalInit({ sigma: 0.1 }), 0.01],
  ];
  for (const [name, init, variance] of cases) {
    await t.step(name, () => {
      const s = sample(init, fanIn, fanOut);
      assertClose(s.variance, variance, 0.03, "variance");
      assert.ok(Math.abs(s.mean) < 0.05 * Math.sqrt(variance), `mean ${s.mean}`);
    });
  }
});

Deno.test("the initialisers draw every entry in data order, one draw each, by their formulas", async (t) => {
  // The oracle draws from a second generator of the same seed by each initialiser's documented
  // formula; the generators' next numbers agree too, so no draw was added or skipped.
  const fanIn = 5, fanOut = 3, seed = 11;
  const normal = (std: number, mean = 0) => (prng: Prng) => mean + std * randomNormal(prng);
  const uniform = (limit: number) => (prng: Prng) => (2 * prng() - 1) * limit;
  const cases: [string, Initializer, (prng: Prng) => number][] = [
    ["heNormal alpha 0.5", heNormal({ alpha: 0.5 }), normal(Math.sqrt(2 / 1.25 / fanIn))],
    ["heUniform alpha 0.5", heUniform({ alpha: 0.5 }), uniform(Math.sqrt(2 / 1.25 * 3 / fanIn))],
    ["xavierNormal", xavierNormal(), normal(Math.sqrt(2 / (fanIn + fanOut)))],
    ["xavierUniform", xavierUniform(), uniform(Math.sqrt(6 / (fanIn + fanOut)))],
    ["lecunNormal", lecunNormal(), normal(Math.sqrt(1 / fanIn))],
    ["lecunUniform", lecunUniform(), uniform(Math.sqrt(3 / fanIn))],
    ["normalInit sigma 0.1 mean 2", normalInit({ sigma: 0.1, mean: 2 }), normal(0.1, 2)],
  ];
  for (const [name, init, draw] of cases) {
    await t.step(name, () => {
      const prng = createPrng(seed), oracle = createPrng(seed);
      const w = matrix(fanIn, fanOut);
      init.fill(w, new Float64Array(fanOut), prng);
      const expected = Array.from({ length: fanIn * fanOut }, () => draw(oracle));
      assertCloseAll(w.data, expected);
      assert.equal(prng(), oracle(), "the next draw");
    });
  }
  await t.step(
    "randomAsymmetricInit, neuron by neuron: weights, bias, index, Beta(2, 1) entry",
    () => {
      for (const fanIn of [1, 4]) {
        const sigma = 0.5, std = sigma / Math.sqrt(fanIn);
        const prng = createPrng(seed), oracle = createPrng(seed);
        const w = matrix(fanIn, fanOut), b = new Float64Array(fanOut);
        randomAsymmetricInit({ sigma }).fill(w, b, prng);
        const weights = new Float64Array(fanIn * fanOut), biases = new Float64Array(fanOut);
        for (let j = 0; j < fanOut; j++) {
          for (let i = 0; i < fanIn; i++) weights[i * fanOut + j] = std * randomNormal(oracle);
          biases[j] = std * randomNormal(oracle);
          const k = Math.floor(oracle() * (fanIn + 1));
          const positive = Math.sqrt(oracle());
          if (k === fanIn) biases[j] = positive;
          else weights[k * fanOut + j] = positive;
        }
        assertCloseAll(w.data, weights);
        assertCloseAll(b, biases);
        assert.equal(prng(), oracle(), "the next draw");
      }
    },
  );
});

function assertCloseAll(actual: ArrayLike<number>, expected: ArrayLike<number>) {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) assertClose(actual[i], expected[i], 1e-15, `entry ${i}`);
}

Deno.test("the uniform initialisers stay within their limits", () => {
  assert.ok(sample(heUniform(), 50, 50).maxAbs <= Math.sqrt(6 / 50));
  assert.ok(sample(xavierUniform(), 50, 30).maxAbs <= Math.sqrt(6 / 80));
  assert.ok(sample(lecunUniform(), 50, 30).maxAbs <= Math.sqrt(3 / 50));
});

Deno.test("constantInit() and zerosInit() fill every weight with one value", () => {
  assert.ok(sample(constantInit(0.25), 3, 4).w.data.every((v) => v === 0.25));
  assert.ok(sample(zerosInit(), 3, 4).w.data.every((v) => v === 0));
});

Deno.test("the initialisers leave biases alone, except RAI", () => {
  for (const init of [heNormal(), xavierUniform(), normalInit()]) {
    assert.ok(sample(init, 3, 4).b.every((v) => v === 0));
  }
  assert.ok(sample(randomAsymmetricInit(), 3, 4).b.some((v) => v !== 0));
});

Deno.test("Dense and mlp() refuse a biasInit that RAI, which sets the biases, would overwrite", () => {
  assert.equal(randomAsymmetricInit().setsBiases, true);
  for (const init of ["rai", "randomAsymmetric", randomAsymmetricInit()] as const) {
    assert.throws(() => new Dense(2, 3, { init, biasInit: -3 }), {
      name: "TypeError",
      message:
        'Cannot create a Dense layer as biasInit must be left out with init "randomAsymmetric", which sets the biases itself: biasInit=-3',
    });
    assert.throws(() => mlp([2, 3, 1], { init, biasInit: 0 }), {
      name: "TypeError",
      message:
        'Cannot build an MLP as biasInit must be left out with init "randomAsymmetric", which sets the biases itself: biasInit=0',
    });
  }
  // Without biasInit RAI draws the biases, and other initialisers take one.
  assert.ok(new Dense(2, 30, { init: "rai" }).biases.some((b) => b !== 0));
  assert.ok(mlp([2, 30, 1], { init: "rai" }).params()[1].value.some((b) => b !== 0));
  assert.ok(new Dense(2, 3, { init: "he", biasInit: -3 }).biases.every((b) => b === -3));
});

Deno.test("randomAsymmetricInit() gives every neuron one Beta(2, 1) entry among its weights and bias", async (t) => {
  await t.step(
    "with sigma = 0 exactly one entry per neuron is non-zero, and it is in (0, 1]",
    () => {
      const { w, b } = sample(randomAsymmetricInit({ sigma: 0 }), 4, 500, 2);
      const positions = new Array(5).fill(0);
      const values: number[] = [];
      for (let j = 0; j < 500; j++) {
        const entries = [0, 1, 2, 3].map((k) => w.data[k * 500 + j]).concat(b[j]);
        const nonZero = entries.flatMap((v, k) => (v === 0 ? [] : [k]));
        assert.equal(nonZero.length, 1);
        positions[nonZero[0]]++;
        values.push(entries[nonZero[0]]);
      }
      // The index is uniform over the 4 weights and the bias.
      for (const count of positions) assert.ok(count > 60 && count < 140, `${positions}`);
      // Beta(2, 1) has mean 2/3 and values in (0, 1].
      assert.ok(values.every((v) => v > 0 && v <= 1));
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      assert.ok(Math.abs(mean - 2 / 3) < 0.03, `mean ${mean}`);
    },
  );
  await t.step("the other entries are N(0, sigma² / fanIn)", () => {
    const fanIn = 400, sigma = 0.6007;
    const { w } = sample(randomAsymmetricInit({ sigma }), fanIn, 300, 3);
    let sum = 0;
    for (const v of w.data) sum += v * v;
    // Per neuron, a weight (not the bias) is the Beta draw with probability fanIn / (fanIn + 1);
    // E[x²] is 1/2 for Beta(2, 1) and sigma² / fanIn for the normal entries.
    const betaWeights = fanIn / (fanIn + 1);
    const expected = ((fanIn - betaWeights) * sigma ** 2 / fanIn + betaWeights / 2) / fanIn;
    assertClose(sum / w.data.length, expected, 0.05, "mean square");
  });
});

Deno.test("resolveInitializer() maps names to initialisers and refuses unknown ones", () => {
  assert.equal(resolveInitializer("he").name, "heNormal");
  assert.equal(resolveInitializer("xavier").name, "xavierNormal");
  assert.equal(resolveInitializer("lecun").name, "lecunNormal");
  assert.equal(resolveInitializer("rai").name, "randomAsymmetric");
  const custom = constantInit(1);
  assert.equal(resolveInitializer(custom), custom);
  assert.throws(() => resolveInitializer("glorot" as "he"), RangeError);
  // An object without a fill method is not an initialiser, whatever else it has.
  assert.throws(() => resolveInitializer({ name: "mine" } as never), {
    name: "TypeError",
    message:
      /^Cannot resolve an initializer as init must be an Initializer or one of "he", .*: init=\{ name: "mine" \}$/,
  });
  assert.throws(() => resolveInitializer(7 as never), { name: "TypeError", message: /: init=7$/ });
});

Deno.test("an initialiser's fill() checks its arguments before writing, and refuses biases too short for its neurons", async (t) => {
  const prng = createPrng(1);
  for (const init of [heNormal(), xavierUniform(), constantInit(1), randomAsymmetricInit()]) {
    await t.step(init.name, () => {
      const action = `Cannot fill weights with ${init.name} as`;
      assert.throws(() => init.fill([[0, 0]] as never, new Float64Array(2), prng), {
        name: "TypeError",
        message: new RegExp(`^${action} weights must be a matrix`),
      });
      const w = matrix(2, 3);
      assert.throws(() => init.fill(w, new Float64Array(2), prng), {
        name: "RangeError",
        message:
          `${action} biases must hold one value per neuron (column of the 2x3 weights): biases.length=2`,
      });
      assert.throws(() => init.fill(w, [0, 0, 0] as never, prng), {
        name: "TypeError",
        message: `${action} biases must be a Float64Array: biases=[0, 0, 0]`,
      });
      assert.throws(() => init.fill(w, new Float64Array(3), 5 as never), {
        name: "TypeError",
        message: `${action} prng must be a function returning numbers in [0, 1): prng=5`,
      });
      assert.ok(w.data.every((v) => v === 0));
    });
  }
});

Deno.test("initialisers refuse bad parameters", () => {
  assert.throws(() => heNormal({ alpha: NaN }), {
    name: "RangeError",
    message: "Cannot create heNormal as alpha must be a finite number: alpha=NaN",
  });
  assert.throws(() => normalInit({ sigma: -1 }), RangeError);
  assert.throws(() => constantInit(Infinity), RangeError);
  assert.throws(() => randomAsymmetricInit({ sigma: -0.1 }), RangeError);
});

Deno.test("the initialisers refuse a broken generator instead of looping or drawing out of range", async (t) => {
  await t.step("RAI with a generator that turns to 0 for good", () => {
    // Two normal draws (weight and bias) and the choice of entry, then only zeros.
    const draws = [0.5, 0.5, 0.5, 0.5, 0.5];
    const prng = () => draws.shift() ?? 0;
    assert.throws(
      () => randomAsymmetricInit().fill(matrix(1, 1), new Float64Array(1), prng),
      {
        name: "RangeError",
        message:
          "Cannot fill weights with randomAsymmetric as prng must return numbers in (0, 1), not 0 64 times running: drew 0",
      },
    );
  });
  await t.step("a uniform initialiser with a generator returning 2, named", () => {
    assert.throws(() => new Dense(2, 3, { init: "heUniform", prng: () => 2 }), {
      name: "RangeError",
      message: "Cannot fill weights with heUniform as prng must return numbers in [0, 1): drew 2",
    });
  });
  await t.step("every normal initialiser with a generator stuck at 0, named", () => {
    for (const init of ["heNormal", "xavierNormal", "lecunNormal"] as const) {
      assert.throws(() => new Dense(2, 3, { init, prng: () => 0 }), {
        name: "RangeError",
        message:
          `Cannot fill weights with ${init} as prng must return numbers in (0, 1), not 0 64 times running: drew 0`,
      });
    }
    assert.throws(() => normalInit().fill(matrix(2, 2), new Float64Array(2), () => 0), {
      name: "RangeError",
      message: /^Cannot fill weights with normal as prng must return/,
    });
  });
});

Deno.test("the initialisers refuse an argument past their last, which would go unused", async (t) => {
  const cases: [string, () => unknown, string][] = [
    [
      "heGain",
      () => loose(lib.heGain)(0, 1),
      "Cannot compute the He gain as heGain takes alpha alone, no second argument: second=1",
    ],
    [
      "heNormal",
      () => loose(lib.heNormal)({}, { alpha: 0.1 }),
      "Cannot create heNormal as heNormal takes options alone, no second argument: second={ alpha: 0.1 }",
    ],
    [
      "heUniform",
      () => loose(lib.heUniform)({}, { alpha: 0.1 }),
      "Cannot create heUniform as heUniform takes options alone, no second argument: second={ alpha: 0.1 }",
    ],
    [
      "xavierNormal",
      () => loose(lib.xavierNormal)({ gain: 2 }),
      "Cannot create xavierNormal as xavierNormal takes no arguments, no first argument: first={ gain: 2 }",
    ],
    [
      "xavierUniform",
      () => loose(lib.xavierUniform)({ gain: 2 }),
      "Cannot create xavierUniform as xavierUniform takes no arguments, no first argument: first={ gain: 2 }",
    ],
    [
      "lecunNormal",
      () => loose(lib.lecunNormal)(2),
      "Cannot create lecunNormal as lecunNormal takes no arguments, no first argument: first=2",
    ],
    [
      "lecunUniform",
      () => loose(lib.lecunUniform)(2),
      "Cannot create lecunUniform as lecunUniform takes no arguments, no first argument: first=2",
    ],
    [
      "zerosInit",
      () => loose(lib.zerosInit)({ value: 1 }),
      "Cannot create zerosInit as zerosInit takes no arguments, no first argument: first={ value: 1 }",
    ],
    [
      "normalInit",
      () => loose(lib.normalInit)({}, { sigma: 1 }),
      "Cannot create normalInit as normalInit takes options alone, no second argument: second={ sigma: 1 }",
    ],
    [
      "constantInit",
      () => loose(lib.constantInit)(0.5, 1),
      "Cannot create constantInit as constantInit takes value alone, no second argument: second=1",
    ],
    [
      "randomAsymmetricInit",
      () => loose(lib.randomAsymmetricInit)({}, { sigma: 1 }),
      "Cannot create randomAsymmetricInit as randomAsymmetricInit takes options alone, no second argument: second={ sigma: 1 }",
    ],
    [
      "resolveInitializer",
      () => loose(lib.resolveInitializer)("he", {}, { alpha: 0.1 }),
      "Cannot resolve an initializer as resolveInitializer takes init and options, no third argument: third={ alpha: 0.1 }",
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
  await t.step(
    "heGain, constantInit and the option-taking ones still work as map callbacks",
    () => {
      assert.deepEqual([0, 1].map(lib.heGain), [Math.SQRT2, 1]);
      assert.equal([0.5].map(lib.constantInit)[0].params.value, 0.5);
      assert.equal([{ alpha: 1 }].map(lib.heNormal)[0].params.alpha, 1);
    },
  );
});
