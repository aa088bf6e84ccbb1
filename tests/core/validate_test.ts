import assert from "node:assert/strict";
import {
  formatValue,
  type OptionKeys,
  requireNumberType,
  requireOptions,
} from "../../src/core/mod.ts";

interface Options {
  alpha?: number;
  atZero?: string;
}
const known: OptionKeys<Options> = { alpha: "number", atZero: true };
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
  await t.step("a number, shown as the value of the first key taking a number", () => {
    assert.throws(() => check(0.2), {
      name: "TypeError",
      message: "Cannot do it as options must be an object such as { alpha: 0.2 }: options=0.2",
    });
    const later: OptionKeys<Options> = { atZero: true, alpha: "number" };
    assert.throws(() => requireOptions("do it", 0.2 as Options, later), {
      message: "Cannot do it as options must be an object such as { alpha: 0.2 }: options=0.2",
    });
  });
  await t.step("a number where no key takes one, not shown as a value", () => {
    const words: OptionKeys<{ atZero?: string }> = { atZero: true };
    assert.throws(() => requireOptions("do it", 0.2 as { atZero?: string }, words), {
      message: "Cannot do it as options must be an object such as { atZero: … }: options=0.2",
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

Deno.test("requireOptions() names a null field of a named object by its path", () => {
  const blank = { alpha: null } as unknown as Options;
  assert.throws(() => requireOptions("do it", blank, known, "fields.dead[0]"), {
    name: "TypeError",
    message:
      "Cannot do it as fields.dead[0].alpha must be a value or left out, not null: fields.dead[0].alpha=null",
  });
});

Deno.test("formatValue() shows the value an error message reports, on one short line", async (t) => {
  await t.step("primitives as JavaScript writes them, -0 and bigints told apart", () => {
    assert.equal(formatValue("x y"), '"x y"');
    assert.equal(formatValue(-0), "-0");
    assert.equal(formatValue(0), "0");
    assert.equal(formatValue(-Infinity), "-Infinity");
    assert.equal(formatValue(3n), "3n");
    assert.equal(formatValue(undefined), "undefined");
    assert.equal(formatValue(null), "null");
    assert.equal(formatValue(true), "true");
    assert.equal(formatValue(Symbol("s")), "Symbol(s)");
  });
  await t.step("a long string by its first 60 characters and its length", () => {
    assert.equal(formatValue("a".repeat(61)), `"${"a".repeat(60)}"… (61 characters)`);
    assert.equal(formatValue("a".repeat(60)), `"${"a".repeat(60)}"`);
  });
  await t.step("functions and classes by name, not by their source", () => {
    function relu(z: number) {
      return Math.max(0, z);
    }
    class Model {}
    assert.equal(formatValue(relu), "function relu");
    assert.equal(formatValue(Model), "class Model");
    assert.equal(formatValue([(z: number) => z][0]), "an anonymous function");
  });
  await t.step("objects by their keys, class instances by their class", () => {
    class Point {
      x = 1;
      "y-label" = "a";
    }
    assert.equal(formatValue({ alpha: 0.1, atZero: "left" }), '{ alpha: 0.1, atZero: "left" }');
    assert.equal(formatValue(new Point()), 'Point { x: 1, "y-label": "a" }');
    assert.equal(formatValue({}), "{}");
    assert.equal(formatValue(Object.create(null)), "{}");
    assert.equal(formatValue(new Map([[1, 2]])), "Map(1)");
    assert.equal(formatValue(new RangeError("too big")), 'RangeError: "too big"');
  });
  await t.step("arrays and typed arrays by their first eight items and a count", () => {
    assert.equal(formatValue([1, [2, [3, [4]]]]), "[1, [2, […]]]");
    assert.equal(
      formatValue([[[]], [[5]]]),
      "[[[]], [[…]]]",
      "an empty array is shown at any depth",
    );
    assert.equal(formatValue([1, 2, 3, 4, 5, 6, 7, 8]), "[1, 2, 3, 4, 5, 6, 7, 8]");
    assert.equal(formatValue([1, 2, 3, 4, 5, 6, 7, 8, 9]), "[1, 2, 3, 4, 5, 6, 7, 8, … 1 more]");
    assert.equal(formatValue(new Float64Array([0.5, -0])), "Float64Array(2) [0.5, -0]");
    assert.equal(
      formatValue(new Int32Array(1_000_000)),
      "Int32Array(1000000) [0, 0, 0, 0, 0, 0, 0, 0, … 999992 more]",
    );
    assert.equal(formatValue(new BigInt64Array(1)), "BigInt64Array(1) [0n]");
    const wide = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    assert.equal(
      formatValue(wide),
      "{ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, … 2 more }",
    );
  });
  await t.step("a matrix, nested two levels deep", () => {
    const matrix = { rows: 1, cols: 3, data: Float64Array.of(1, 2, 3) };
    assert.equal(
      formatValue({ x: matrix }),
      "{ x: { rows: 1, cols: 3, data: Float64Array(3) } }",
    );
  });
  await t.step("a getter that throws or a proxy that refuses does not hide the error", () => {
    const throwing = {
      get value(): number {
        throw new Error("no");
      },
    };
    assert.equal(formatValue(throwing), "{ value: (unreadable) }");
    const item = [1];
    Object.defineProperty(item, 0, {
      get(): number {
        throw new Error("no");
      },
    });
    assert.equal(formatValue(item), "[(unreadable)]");
    const refusing = new Proxy({}, {
      ownKeys() {
        throw new Error("no");
      },
    });
    assert.equal(formatValue(refusing), "{…}");
  });
  await t.step("a cycle ends at the depth limit", () => {
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    assert.equal(formatValue(cycle), "{ self: { self: {…} } }");
  });
});
