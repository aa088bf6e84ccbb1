import assert from "node:assert/strict";
import {
  type ActivationName,
  createActivation,
  erf,
  erfc,
  gelu,
  geluGrad,
  geluTanh,
  geluTanhGrad,
  identity,
  identityGrad,
  prelu,
  preluAlphaGrad,
  preluForward,
  preluGrad,
  relu,
  selu,
  sigmoid,
  sigmoidGrad,
  silu,
  siluGrad,
  tanh,
  tanhGrad,
} from "../../src/mod.ts";
import { loose } from "../_loose.ts";

/**
 * Every public scalar function and derivative that takes no options, with what it computes
 * (the activation object's f or grad, checked on its own).
 */
const WITHOUT_OPTIONS: Record<string, [(z: number) => number, (z: number) => number]> = {};
const both = (name: ActivationName, f: (z: number) => number, grad: (z: number) => number) => {
  const activation = createActivation(name);
  WITHOUT_OPTIONS[name] = [f, activation.f];
  WITHOUT_OPTIONS[`${name}Grad`] = [grad, activation.grad];
};
both("identity", identity, identityGrad);
both("sigmoid", sigmoid, sigmoidGrad);
both("tanh", tanh, tanhGrad);
both("gelu", gelu, geluGrad);
both("geluTanh", geluTanh, geluTanhGrad);
both("silu", silu, siluGrad);
WITHOUT_OPTIONS.relu = [relu, createActivation("relu").f];
WITHOUT_OPTIONS.selu = [selu, createActivation("selu").f];
WITHOUT_OPTIONS.preluAlphaGrad = [preluAlphaGrad, (z) => (z > 0 ? 0 : z)];

const INPUTS = [-3, -0.5, -0, 0, 0.5, 2, 40, -Infinity, Infinity, NaN];
const sameValue = (a: number, b: number) => Object.is(a, b) || (a === 0 && b === 0);

Deno.test("every function without options refuses a second argument, naming itself and the value", async (t) => {
  for (const [name, [fn]] of Object.entries(WITHOUT_OPTIONS)) {
    await t.step(`${name}(1, { alfa: 2 }) throws a TypeError showing { alfa: 2 }`, () => {
      assert.throws(() => loose(fn)(1, { alfa: 2 }), {
        name: "TypeError",
        message: new RegExp(
          `^Cannot compute ${name} as it takes z alone, no options.*: options=\\{ alfa: 2 \\}$`,
        ),
      });
    });
    await t.step(`${name} refuses {}, 2, 0.2, "tanh", null, false, NaN and [1] after z`, () => {
      for (const extra of [{}, 2, 0.2, "tanh", null, false, NaN, [1]]) {
        assert.throws(
          () => loose(fn)(1, extra),
          { name: "TypeError", message: new RegExp(`^Cannot compute ${name} as it takes z alone`) },
          `${name}(1, ${String(extra)})`,
        );
      }
    });
  }
});

Deno.test("every function without options still works with z alone, or z and undefined", async (t) => {
  for (const [name, [fn, reference]] of Object.entries(WITHOUT_OPTIONS)) {
    await t.step(`${name}(z) and ${name}(z, undefined) equal the activation's own value`, () => {
      for (const z of INPUTS) {
        const want = reference(z);
        assert.ok(sameValue(fn(z), want), `${name}(${z}) = ${fn(z)}, want ${want}`);
        assert.ok(sameValue(loose(fn)(z, undefined), want), `${name}(${z}, undefined)`);
      }
    });
  }
});

Deno.test("the messages say what to call instead where there is something", async (t) => {
  await t.step('gelu(1, { approximate: "tanh" }) (PyTorch) points to geluTanh', () => {
    assert.throws(() => loose(gelu)(1, { approximate: "tanh" }), {
      name: "TypeError",
      message: "Cannot compute gelu as it takes z alone, no options " +
        `(it is PyTorch's approximate="none"; for approximate="tanh" call geluTanh): ` +
        'options={ approximate: "tanh" }',
    });
  });
  await t.step("geluGrad points to geluTanhGrad", () => {
    assert.throws(() => loose(geluGrad)(1, { approximate: "tanh" }), {
      name: "TypeError",
      message: /for approximate="tanh" call geluTanhGrad\): options=\{ approximate: "tanh" \}$/,
    });
  });
  await t.step("selu(-1, { alpha: 2 }) says SELU's constants are fixed and elu takes alpha", () => {
    assert.throws(() => loose(selu)(-1, { alpha: 2 }), {
      name: "TypeError",
      message: "Cannot compute selu as it takes z alone, no options " +
        "(its alpha and scale are fixed, as PyTorch's; elu takes { alpha }, seluGrad { atZero }): " +
        "options={ alpha: 2 }",
    });
  });
  await t.step("sigmoid(1, 2) asks whether 2 is a callback's index, as Array.from passes", () => {
    assert.throws(() => loose(sigmoid)(1, 2), {
      name: "TypeError",
      message: "Cannot compute sigmoid as it takes z alone, no options " +
        "(a callback's index? pass (z) => sigmoid(z)): options=2",
    });
    assert.throws(() => Array.from([1, 2], loose(sigmoid)), /pass \(z\) => sigmoid\(z\)/);
  });
});

Deno.test("prelu refuses a third argument after its slope", () => {
  assert.throws(() => loose(prelu)(0, 0.25, { atZero: "right" }), {
    name: "TypeError",
    message:
      'Cannot compute prelu as it takes z and alpha alone, no options: options={ atZero: "right" }',
  });
  assert.throws(() => loose(prelu)(-1, 0.25, 0), {
    name: "TypeError",
    message: "Cannot compute prelu as it takes z and alpha alone, no options: options=0",
  });
  assert.equal(loose(prelu)(-2, 0.25, undefined), -0.5);
  assert.equal(prelu(-2, 0.25), -0.5);
});

Deno.test("preluGrad refuses a fourth argument after its options", () => {
  assert.throws(() => loose(preluGrad)(0, 0.25, { atZero: "right" }, { atZero: "left" }), {
    name: "TypeError",
    message: "Cannot compute preluGrad as it takes z, alpha and options, no fourth argument: " +
      'fourth={ atZero: "left" }',
  });
  assert.throws(() => loose(preluGrad)(-1, 0.25, {}, 0), {
    name: "TypeError",
    message:
      "Cannot compute preluGrad as it takes z, alpha and options, no fourth argument: fourth=0",
  });
  assert.equal(loose(preluGrad)(0, 0.25, { atZero: "right" }, undefined), 1);
  assert.equal(preluGrad(-2, 0.25), 0.25);
});

Deno.test("map and forEach still take them as callbacks (the index and array are let through)", async (t) => {
  const xs = [-2, -0, 0, 3, NaN, -Infinity];
  await t.step("an array's map gives the values one by one", () => {
    for (const [name, [fn]] of Object.entries(WITHOUT_OPTIONS)) {
      const mapped = xs.map(fn);
      xs.forEach((z, i) => assert.ok(sameValue(mapped[i], fn(z)), `${name} at ${i}`));
    }
  });
  await t.step("a typed array's map and forEach, and an array's filter", () => {
    assert.deepEqual(Array.from(Float32Array.of(-1, 2).map(relu)), [0, 2]);
    const seen: number[] = [];
    Float64Array.of(-1, 2).forEach((z, i, array) => seen.push(loose(relu)(z, i, array)));
    assert.deepEqual(seen, [0, 2]);
    assert.deepEqual([-1, 2, 0].filter(relu), [2]);
  });
  await t.step("an index whose element is not z is refused all the same", () => {
    assert.throws(() => loose(relu)(1, 0, [5]), /options=0/);
    assert.throws(() => loose(relu)(1, 3, [1]), /options=3/);
    assert.throws(() => loose(relu)(1, 0, "1"), /options=0/);
  });
});

Deno.test("TypeScript refuses a second argument at compile time (the check is for untyped callers)", () => {
  // @ts-expect-error: relu takes z alone
  assert.throws(() => relu(1, { atZero: "left" }), TypeError);
  // @ts-expect-error: gelu takes z alone
  assert.throws(() => gelu(1, { approximate: "tanh" }), TypeError);
  // @ts-expect-error: tanhGrad takes z alone
  assert.throws(() => tanhGrad(1, { alfa: 2 }), TypeError);
  // @ts-expect-error: prelu takes z and alpha alone
  assert.throws(() => prelu(1, 0.25, {}), TypeError);
});

Deno.test("erf and erfc refuse a second argument too, and still map", () => {
  for (const [name, fn] of [["erf", erf], ["erfc", erfc]] as const) {
    assert.throws(() => loose(fn)(1, { alfa: 2 }), {
      name: "TypeError",
      message: `Cannot compute ${name} as it takes x alone, no options: options={ alfa: 2 }`,
    });
    assert.throws(() => loose(fn)(1, 2), {
      name: "TypeError",
      message: new RegExp(`\\(a callback's index\\? pass \\(x\\) => ${name}\\(x\\)\\): options=2$`),
    });
    assert.deepEqual([0, 0.5].map(fn), [fn(0), fn(0.5)]);
  }
});

Deno.test("preluForward checks a cols it was given even with one shared slope", () => {
  const x = Float64Array.of(-1, 2);
  for (const cols of ["abc", -5, 1.5, 0]) {
    assert.throws(
      () => preluForward(x, 0.2, undefined, { cols: cols as number }),
      /^(TypeError|RangeError): Cannot run preluForward as cols must be/,
      String(cols),
    );
  }
  assert.deepEqual(Array.from(preluForward(x, 0.2, undefined, { cols: 2 })), [-0.2, 2]);
});
