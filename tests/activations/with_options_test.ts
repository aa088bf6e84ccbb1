import assert from "node:assert/strict";
import {
  elu,
  eluGrad,
  leakyRelu,
  leakyReluGrad,
  reluGrad,
  rrelu,
  rreluGrad,
  seluGrad,
  softplus,
  softplusGrad,
} from "../../src/mod.ts";
import { loose } from "../_loose.ts";

/** Every public scalar function and derivative that takes z and an options object. */
const WITH_OPTIONS: Record<string, (z: number) => number> = {
  reluGrad,
  leakyRelu,
  leakyReluGrad,
  elu,
  eluGrad,
  rrelu,
  rreluGrad,
  seluGrad,
  softplus,
  softplusGrad,
};

const INPUTS = [-3, -0.5, -0, 0, 0.5, 2, 40, -Infinity, Infinity, NaN];

Deno.test("a function with options refuses the index map passes, showing the arrow function to write", async (t) => {
  for (const [name, fn] of Object.entries(WITH_OPTIONS)) {
    await t.step(`[1, -2].map(${name}) throws a TypeError naming the index 0`, () => {
      assert.throws(() => [1, -2].map(fn), {
        name: "TypeError",
        message: `Cannot compute ${name} as options must be an object, not the index that map ` +
          `or forEach passes a callback (pass (z) => ${name}(z) or (z) => ${name}(z, { … })): ` +
          "options=0",
      });
    });
  }
  await t.step("forEach, and a typed array's map, are refused the same way", () => {
    assert.throws(() => [3, -1].forEach(loose(leakyRelu)), /not the index .*: options=0$/);
    assert.throws(() => Float64Array.of(-1, 2).map(loose(reluGrad)), /pass \(z\) => reluGrad\(z\)/);
  });
  await t.step("an arrow function maps with the defaults or with options", () => {
    assert.deepEqual([1, -2].map((z) => leakyRelu(z)), [1, -0.02]);
    assert.deepEqual([1, -2].map((z) => leakyRelu(z, { alpha: 0.2 })), [1, -0.4]);
  });
});

Deno.test("Array.from(zs, fn), which passes an index but no array, gets both readings of the number", async (t) => {
  const examples: Record<string, string> = {
    reluGrad: "{ atZero: … }",
    leakyRelu: "{ alpha: 0 }",
    leakyReluGrad: "{ alpha: 0 }",
    elu: "{ alpha: 0 }",
    eluGrad: "{ alpha: 0 }",
    rrelu: "{ lower: 0 }",
    rreluGrad: "{ lower: 0 }",
    seluGrad: "{ atZero: … }",
    softplus: "{ beta: 0 }",
    softplusGrad: "{ beta: 0 }",
  };
  for (const [name, fn] of Object.entries(WITH_OPTIONS)) {
    await t.step(
      `Array.from([0.5, -2], ${name}) names the option 0 may be and the arrow function`,
      () => {
        assert.throws(() => Array.from([0.5, -2], loose(fn)), {
          name: "TypeError",
          message:
            `Cannot compute ${name} as options must be an object such as ${examples[name]} ` +
            `(a callback's index? pass (z) => ${name}(z)): options=0`,
        });
      },
    );
  }
  await t.step("a whole number written by hand gets the same message, -0 shown as -0", () => {
    assert.throws(() => loose(leakyRelu)(-2, 0), /such as \{ alpha: 0 \} \(a callback's index\?/);
    assert.throws(() => loose(leakyRelu)(-2, -0), /such as \{ alpha: 0 \} .*: options=-0$/);
  });
  await t.step("a negative or fractional number is no index: the option alone is suggested", () => {
    assert.throws(() => loose(leakyRelu)(-2, -1), /such as \{ alpha: -1 \}: options=-1$/);
    assert.throws(() => loose(elu)(-2, 1.5), /such as \{ alpha: 1.5 \}: options=1.5$/);
  });
});

Deno.test("a bare number that is not a callback's index keeps the message that suggests an option", () => {
  assert.throws(() => loose(leakyRelu)(-2, 0.2), {
    name: "TypeError",
    message: "Cannot compute leakyRelu as options must be an object such as { alpha: 0.2 }: " +
      "options=0.2",
  });
  // The index 0 of an array whose first element is not z: not what map passes.
  assert.throws(() => loose(elu)(-2, 0, [5]), /as it takes z and options, no third argument/);
});

Deno.test("a function with options refuses a third argument, showing it", async (t) => {
  for (const [name, fn] of Object.entries(WITH_OPTIONS)) {
    await t.step(
      `${name} refuses 5, { atZero: "right" }, null, "left" and [1] after its options`,
      () => {
        for (const third of [5, { atZero: "right" }, null, "left", [1]]) {
          assert.throws(
            () => loose(fn)(1, {}, third),
            {
              name: "TypeError",
              message: new RegExp(
                `^Cannot compute ${name} as it takes z and options, no third argument: third=`,
              ),
            },
            `${name}(1, {}, ${JSON.stringify(third)})`,
          );
        }
      },
    );
  }
  await t.step("the value is shown as written", () => {
    assert.throws(() => loose(reluGrad)(0, {}, { atZero: "right" }), {
      name: "TypeError",
      message:
        'Cannot compute reluGrad as it takes z and options, no third argument: third={ atZero: "right" }',
    });
  });
});

Deno.test("a function with options computes as before with z, options and an undefined third", async (t) => {
  for (const [name, fn] of Object.entries(WITH_OPTIONS)) {
    await t.step(`${name}(z), ${name}(z, {}) and ${name}(z, {}, undefined) agree`, () => {
      for (const z of INPUTS) {
        const want = fn(z);
        assert.ok(Object.is(loose(fn)(z, {}), want), `${name}(${z}, {})`);
        assert.ok(Object.is(loose(fn)(z, undefined, undefined), want), `${name}(${z}, undefined)`);
        assert.ok(Object.is(loose(fn)(z, {}, undefined), want), `${name}(${z}, {}, undefined)`);
      }
    });
  }
  await t.step("options still take effect", () => {
    assert.equal(leakyRelu(-2, { alpha: 0.1 }), -0.2);
    assert.equal(reluGrad(0, { atZero: "right" }), 1);
    assert.equal(eluGrad(0, { alpha: 0.5 }), 0.5);
    assert.equal(softplus(800, { threshold: 1000 }), 800);
    assert.equal(rreluGrad(-1, { slope: 0.15 }), 0.15);
  });
});

Deno.test("TypeScript refuses a map over a function with options at compile time", () => {
  // @ts-expect-error: the index map passes is not LeakyReluOptions
  assert.throws(() => [1, -2].map(leakyRelu), TypeError);
  // @ts-expect-error: leakyRelu takes z and options
  assert.throws(() => leakyRelu(1, {}, 5), TypeError);
});
