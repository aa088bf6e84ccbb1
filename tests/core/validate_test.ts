import assert from "node:assert/strict";
import { type OptionKeys, requireNumberType, requireOptions } from "../../src/core/mod.ts";

interface Options {
  alpha?: number;
  atZero?: string;
}
const known: OptionKeys<Options> = { alpha: true, atZero: true };
const check = (options: unknown) => requireOptions("do it", options as Options, known);
// Options that take no key at all.
const none = (options: unknown, name?: string) =>
  requireOptions("do it", options as Record<never, never>, {}, name);

Deno.test("requireOptions() returns the options, or {} when they are left out", () => {
  const options = { alpha: 1 };
  assert.equal(check(options), options);
  assert.deepEqual(check(undefined), {});
  assert.deepEqual(check({}), {});
  assert.deepEqual(check({ alpha: undefined, atZero: "left" }), {
    alpha: undefined,
    atZero: "left",
  });
});

Deno.test("requireOptions() refuses what is not an options object", async (t) => {
  await t.step("a number, shown as the first key's value", () => {
    assert.throws(() => check(0.2), {
      name: "TypeError",
      message: "Cannot do it as options must be an object such as { alpha: 0.2 }: options=0.2",
    });
  });
  for (const value of ["left", null, [1], true]) {
    await t.step(`${JSON.stringify(value)}`, () => {
      assert.throws(() => check(value), {
        name: "TypeError",
        message: `Cannot do it as options must be an object such as { alpha: … }: options=${
          Array.isArray(value) ? "[1]" : typeof value === "string" ? '"left"' : String(value)
        }`,
      });
    });
  }
  await t.step("with no known keys, the example is {}", () => {
    assert.throws(() => none(3), {
      message: "Cannot do it as options must be an object such as {}: options=3",
    });
  });
});

Deno.test("requireOptions() refuses unknown own keys and ignores inherited ones", async (t) => {
  await t.step("one unknown key", () => {
    assert.throws(() => check({ alfa: 1 }), {
      name: "TypeError",
      message: 'Cannot do it as options must have only the keys alpha, atZero: unknown key "alfa"',
    });
  });
  await t.step("several unknown keys, named in order", () => {
    assert.throws(() => check({ b: 1, alpha: 1, a: 2 }), {
      message:
        'Cannot do it as options must have only the keys alpha, atZero: unknown keys "b", "a"',
    });
  });
  await t.step("no keys allowed", () => {
    assert.throws(() => none({ x: 1 }), {
      message: 'Cannot do it as options must have no keys: unknown key "x"',
    });
  });
  await t.step("inherited properties are not the caller's keys", () => {
    const options = Object.create({ inherited: 1 });
    options.alpha = 2;
    assert.equal(check(options), options);
  });
  await t.step("a custom name appears in the message", () => {
    assert.throws(() => none({ x: 1 }, "settings"), {
      message: 'Cannot do it as settings must have no keys: unknown key "x"',
    });
  });
});

Deno.test("requireNumberType() takes any number, NaN and ±Infinity included", async (t) => {
  for (const value of [0, -0, 1.5, NaN, Infinity, -Infinity]) {
    await t.step(
      String(value),
      () => assert.ok(Object.is(requireNumberType("f", "z", value), value)),
    );
  }
  for (const value of ["1", null, undefined, 1n, [1], {}]) {
    await t.step(`refuses ${typeof value} ${String(value)}`, () => {
      assert.throws(() => requireNumberType("compute f", "z", value), {
        name: "TypeError",
        message: /^Cannot compute f as z must be a number: z=/,
      });
    });
  }
});

Deno.test("requireOptions() refuses a key set to null, which would pass for the default", () => {
  assert.throws(() => check({ alpha: null }), {
    name: "TypeError",
    message:
      "Cannot do it as alpha must be a value or left out (for its default), not null: alpha=null",
  });
  assert.deepEqual(check({ alpha: undefined }), { alpha: undefined });
});
