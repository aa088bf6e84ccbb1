import assert from "node:assert/strict";
import {
  ACTIVATION_NAMES,
  ACTIVATION_OPTIONS,
  type ActivationName,
  createActivation,
  elu,
  eluGrad,
  erf,
  erfc,
  gelu,
  geluGrad,
  geluTanh,
  geluTanhGrad,
  identity,
  identityGrad,
  leakyRelu,
  leakyReluGrad,
  leakyReluMaxForm,
  prelu,
  preluAlphaGrad,
  preluForward,
  preluGrad,
  relu,
  reluGrad,
  rrelu,
  rreluForward,
  rreluGrad,
  selu,
  seluGrad,
  sigmoid,
  sigmoidGrad,
  silu,
  siluGrad,
  softplus,
  softplusGrad,
  tanh,
  tanhGrad,
} from "../../src/mod.ts";

// These tests make the calls a notebook without a type checker lets through, so they call the
// functions through loosely typed aliases.
type Loose = (...args: unknown[]) => number;
const loose = (fn: unknown) => fn as Loose;

/** Every scalar activation and derivative of the public API, called on one input. */
const scalars: Record<string, (z: unknown) => number> = {
  relu: (z) => loose(relu)(z),
  reluGrad: (z) => loose(reluGrad)(z),
  leakyRelu: (z) => loose(leakyRelu)(z),
  leakyReluGrad: (z) => loose(leakyReluGrad)(z),
  leakyReluMaxForm: (z) => loose(leakyReluMaxForm)(z),
  prelu: (z) => loose(prelu)(z, 0.25),
  preluGrad: (z) => loose(preluGrad)(z, 0.25),
  preluAlphaGrad: (z) => loose(preluAlphaGrad)(z),
  rrelu: (z) => loose(rrelu)(z),
  rreluGrad: (z) => loose(rreluGrad)(z),
  elu: (z) => loose(elu)(z),
  eluGrad: (z) => loose(eluGrad)(z),
  selu: (z) => loose(selu)(z),
  seluGrad: (z) => loose(seluGrad)(z),
  softplus: (z) => loose(softplus)(z),
  softplusGrad: (z) => loose(softplusGrad)(z),
  gelu: (z) => loose(gelu)(z),
  geluGrad: (z) => loose(geluGrad)(z),
  geluTanh: (z) => loose(geluTanh)(z),
  geluTanhGrad: (z) => loose(geluTanhGrad)(z),
  silu: (z) => loose(silu)(z),
  siluGrad: (z) => loose(siluGrad)(z),
  sigmoid: (z) => loose(sigmoid)(z),
  sigmoidGrad: (z) => loose(sigmoidGrad)(z),
  tanh: (z) => loose(tanh)(z),
  tanhGrad: (z) => loose(tanhGrad)(z),
  identity: (z) => loose(identity)(z),
  identityGrad: (z) => loose(identityGrad)(z),
  erf: (z) => loose(erf)(z),
  erfc: (z) => loose(erfc)(z),
};

Deno.test("every scalar activation and derivative refuses a non-number input", async (t) => {
  for (const [name, call] of Object.entries(scalars)) {
    await t.step(
      `${name}("a"), ${name}(null), ${name}(2n) and ${name}([1]) throw TypeError`,
      () => {
        const parameter = name.startsWith("erf") ? "x" : "z";
        assert.throws(() => call("a"), {
          name: "TypeError",
          message: `Cannot compute ${name} as ${parameter} must be a number: ${parameter}="a"`,
        });
        for (const value of [null, undefined, 2n, [1], { valueOf: () => 1 }, true]) {
          assert.throws(() => call(value), TypeError, `${name}(${String(value)})`);
        }
      },
    );
  }
});

Deno.test("every scalar activation still takes NaN and ±Infinity (they propagate)", () => {
  for (const [name, call] of Object.entries(scalars)) {
    assert.ok(Number.isNaN(call(NaN)), `${name}(NaN)`);
    for (const z of [Infinity, -Infinity]) assert.equal(typeof call(z), "number", `${name}(${z})`);
  }
});

Deno.test("activation objects' f and grad refuse a non-number input too", () => {
  for (const name of ACTIVATION_NAMES) {
    const activation = createActivation(name);
    assert.throws(() => loose(activation.f)("a"), {
      name: "TypeError",
      message: `Cannot compute ${name} as z must be a number: z="a"`,
    });
    assert.throws(() => loose(activation.grad)("a"), {
      name: "TypeError",
      message: `Cannot compute the derivative of ${name} as z must be a number: z="a"`,
    });
    assert.equal(activation.f(1), loose(activation.f)(1)); // numbers still pass
  }
});

Deno.test("a number where options are expected is refused, not taken as alpha", async (t) => {
  await t.step("leakyRelu(-2, 0.2) (PyTorch's F.leaky_relu(x, 0.2)) says how to write it", () => {
    assert.throws(() => loose(leakyRelu)(-2, 0.2), {
      name: "TypeError",
      message: "Cannot compute leakyRelu as options must be an object such as { alpha: 0.2 }: " +
        "options=0.2",
    });
  });
  const calls: Record<string, (options: unknown) => unknown> = {
    leakyReluGrad: (o) => loose(leakyReluGrad)(-2, o),
    leakyReluMaxForm: (o) => loose(leakyReluMaxForm)(-2, o),
    elu: (o) => loose(elu)(-2, o),
    eluGrad: (o) => loose(eluGrad)(-2, o),
    reluGrad: (o) => loose(reluGrad)(0, o),
    seluGrad: (o) => loose(seluGrad)(0, o),
    softplus: (o) => loose(softplus)(1, o),
    softplusGrad: (o) => loose(softplusGrad)(1, o),
    rrelu: (o) => loose(rrelu)(-1, o),
    rreluGrad: (o) => loose(rreluGrad)(-1, o),
    preluGrad: (o) => loose(preluGrad)(0, 0.25, o),
    preluForward: (o) => (preluForward as (...args: unknown[]) => unknown)([1], 0.25, undefined, o),
    rreluForward: (o) => (rreluForward as (...args: unknown[]) => unknown)([1], o),
    createActivation: (o) => createActivation("leakyRelu", o as never),
  };
  for (const [name, call] of Object.entries(calls)) {
    await t.step(`${name} refuses 0.2, "left", null and an array`, () => {
      for (const options of [0.2, "left", null, [0.2]]) {
        assert.throws(() => call(options), {
          name: "TypeError",
          message: /must be an object such as/,
        }, `${name}(…, ${JSON.stringify(options)})`);
      }
    });
  }
});

Deno.test("an unknown option key is refused, naming it and the known keys", async (t) => {
  await t.step("leakyRelu(-2, { alfa: 0.2 })", () => {
    assert.throws(() => loose(leakyRelu)(-2, { alfa: 0.2 }), {
      name: "TypeError",
      message:
        'Cannot compute leakyRelu as options must have only the keys alpha: unknown key "alfa"',
    });
  });
  await t.step("leakyReluGrad(0, { alpha: 0.1, atzero: 'right' })", () => {
    assert.throws(() => loose(leakyReluGrad)(0, { alpha: 0.1, atzero: "right" }), {
      name: "TypeError",
      message: "Cannot compute leakyReluGrad as options must have only the keys alpha, atZero: " +
        'unknown key "atzero"',
    });
  });
  await t.step("two unknown keys are both named", () => {
    assert.throws(() => loose(eluGrad)(0, { a: 1, b: 2 }), {
      name: "TypeError",
      message: "Cannot compute eluGrad as options must have only the keys alpha, atZero: " +
        'unknown keys "a", "b"',
    });
  });
  await t.step("a key set to undefined counts (a typo is a typo)", () => {
    assert.throws(() => loose(reluGrad)(0, { atzero: undefined }), TypeError);
  });
  const calls: Record<string, (options: unknown) => unknown> = {
    reluGrad: (o) => loose(reluGrad)(0, o),
    leakyReluMaxForm: (o) => loose(leakyReluMaxForm)(1, o),
    elu: (o) => loose(elu)(1, o),
    seluGrad: (o) => loose(seluGrad)(1, o),
    softplus: (o) => loose(softplus)(1, o),
    softplusGrad: (o) => loose(softplusGrad)(1, o),
    rrelu: (o) => loose(rrelu)(1, o),
    rreluGrad: (o) => loose(rreluGrad)(1, o),
    preluGrad: (o) => loose(preluGrad)(1, 0.25, o),
    preluForward: (o) => (preluForward as (...args: unknown[]) => unknown)([1], 0.25, undefined, o),
    rreluForward: (o) => (rreluForward as (...args: unknown[]) => unknown)([1], o),
  };
  for (const [name, call] of Object.entries(calls)) {
    await t.step(`${name} refuses { bogus: 1 }`, () => {
      assert.throws(() => call({ bogus: 1 }), {
        name: "TypeError",
        message: /unknown key "bogus"/,
      });
    });
  }
});

Deno.test("the documented keys are still accepted", () => {
  assert.equal(leakyRelu(-2, { alpha: 0.2 }), -0.4);
  assert.equal(leakyReluGrad(0, { alpha: 0.2, atZero: "right" }), 1);
  assert.equal(reluGrad(0, { atZero: "mean" }), 0.5);
  assert.equal(elu(-Infinity, { alpha: 0.5 }), -0.5);
  assert.equal(eluGrad(0, { alpha: 0.5, atZero: "left" }), 0.5);
  assert.equal(softplus(100, { beta: 2, threshold: 20 }), 100);
  assert.equal(rrelu(-1, { lower: 0.2, upper: 0.2, training: false, seed: 1 }), -0.2);
  assert.equal(rreluGrad(-1, { slope: 0.3, atZero: "left" }), 0.3);
  assert.equal(preluGrad(0, 0.25, { atZero: "right" }), 1);
  assert.deepEqual(
    Array.from(preluForward([-2, -2], Float64Array.of(0.5, 0.25), undefined, { cols: 2 })),
    [-1, -0.5],
  );
});

Deno.test("createActivation() takes exactly the options ACTIVATION_OPTIONS lists", async (t) => {
  const valid: Record<string, unknown> = {
    alpha: 0.5,
    atZero: "right",
    beta: 2,
    threshold: 10,
    lower: 0.1,
    upper: 0.2,
  };
  const takers = (key: string) =>
    ACTIVATION_NAMES.filter((name) =>
      (ACTIVATION_OPTIONS[name] as readonly string[]).includes(key)
    );
  for (const name of ACTIVATION_NAMES) {
    await t.step(`${name} takes ${ACTIVATION_OPTIONS[name].join(", ") || "no option"}`, () => {
      const keys: readonly string[] = ACTIVATION_OPTIONS[name];
      for (const key of keys) {
        const activation = createActivation(name, { [key]: valid[key] });
        assert.equal(activation.params[key], valid[key], `${name} ${key}`);
      }
      // Its parameters rebuild it: they name only keys it takes.
      const activation = createActivation(name);
      assert.deepEqual(createActivation(name, activation.params).params, activation.params);
      for (const key of Object.keys(valid).filter((key) => !keys.includes(key))) {
        assert.throws(() => createActivation(name, { [key]: valid[key] }), {
          name: "TypeError",
          message: `Cannot create ${name} as ${key} is not one of its options (${
            keys.length === 0 ? "it takes none" : keys.join(", ")
          }): ${key} applies to ${takers(key).join(", ")}`,
        });
      }
      assert.throws(() => createActivation(name, { bogus: 1 }), {
        name: "TypeError",
        message: /unknown key "bogus"/,
      });
    });
  }
});

Deno.test("createActivation() still refuses an unknown name with a RangeError", () => {
  assert.throws(() => createActivation("relu6" as ActivationName), {
    name: "RangeError",
    message: /name must be one of "relu", "leakyRelu"/,
  });
});
