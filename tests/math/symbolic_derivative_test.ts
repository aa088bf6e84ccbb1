import assert from "node:assert/strict";
import fc from "fast-check";
import { derivative } from "mathjs";
import {
  createActivation,
  formatValue,
  SELU_ALPHA,
  SELU_SCALE,
  symbolicDerivative,
} from "@relu-lab/relu-lab";

/** |a - b| <= 1e-12 * max(1, |a|, |b|): both are a few roundings from the same value. */
function close(a: number, b: number, tolerance = 1e-12): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

Deno.test("symbolicDerivative() agrees with mathjs derivative() on smooth expressions", () => {
  for (
    const expression of ["z ^ 3", "1 / (1 + exp(-z))", "tanh(z) * z", "log(1 + exp(2 * z)) / 2"]
  ) {
    const mine = symbolicDerivative(expression);
    const reference = derivative(expression, "z").compile();
    fc.assert(fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (z) => {
      assert.ok(close(mine.evaluate(z), reference.evaluate({ z })), `${expression} at ${z}`);
    }));
  }
});

Deno.test("symbolicDerivative() differentiates conditionals branch by branch", () => {
  const d = symbolicDerivative("z > 0 ? z ^ 2 : 3 * z");
  assert.equal(d.expression, "(z > 0) ? (2 * z) : 3");
  assert.equal(d.evaluate(2), 4);
  assert.equal(d.evaluate(-2), 3);
  assert.equal(d.evaluate(0), 3, "at the kink the condition picks the false branch");
  assert.match(d.latex, /cases/);
});

Deno.test("symbolicDerivative() differentiates erf by the chain rule", () => {
  const d = symbolicDerivative("erf(2 * z)");
  fc.assert(fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (z) => {
    const expected = (4 / Math.sqrt(Math.PI)) * Math.exp(-4 * z * z);
    assert.ok(close(d.evaluate(z), expected));
  }));
});

Deno.test("symbolicDerivative() shows the chain and product rules' results simplified", () => {
  // The rules written here leave factors of 1 (d z / d z) and sums with 0 until mathjs tidies.
  assert.equal(symbolicDerivative("erf(z)").expression, "2 * exp(-z ^ 2) / sqrt(pi)");
  assert.equal(
    symbolicDerivative("z * erf(z)").expression,
    "erf(z) + 2 * z * exp(-z ^ 2) / sqrt(pi)",
  );
});

Deno.test("symbolicDerivative() takes another variable name", () => {
  assert.equal(symbolicDerivative("x ^ 2", "x").evaluate(3), 6);
  assert.equal(
    symbolicDerivative("x ^ 2").evaluate(3),
    0,
    "x is a constant when differentiating by z",
  );
});

Deno.test("symbolicDerivative() rejects bad input with a message naming it", async (t) => {
  await t.step("a syntax error", () => {
    assert.throws(() => symbolicDerivative("z +"), {
      name: "SyntaxError",
      message:
        /^Cannot differentiate an expression as expression must be a valid mathjs expression .*: expression="z \+"$/,
    });
  });
  await t.step("a non-string expression", () => {
    assert.throws(() => symbolicDerivative(3 as unknown as string), TypeError);
  });
  await t.step("a bad variable", () => {
    assert.throws(() => symbolicDerivative("z", "1z"), {
      name: "TypeError",
      message:
        'Cannot differentiate an expression as variable must be a name such as "z": variable="1z"',
    });
  });
  await t.step("a conditional inside an unsupported function", () => {
    assert.throws(() => symbolicDerivative("exp(z > 0 ? z : 0)"), RangeError);
  });
});

Deno.test("symbolicDerivative() refuses a blank formula instead of differentiating it to 0", () => {
  for (const blank of ["", "  ", "# a comment"]) {
    assert.throws(() => symbolicDerivative(blank), {
      name: "SyntaxError",
      message: "Cannot differentiate an expression as expression must be a nonblank mathjs " +
        `expression: expression=${JSON.stringify(blank)}`,
    });
  }
});

Deno.test("symbolicDerivative() refuses what is no formula, naming what it is", () => {
  const cases: [string, string][] = [
    ["z = 3", "an assignment"],
    ["[z, z^2]", "an array"],
    ["f(x) = x ^ 2", "a function definition"],
    ["z; z ^ 2", "several statements"],
    ["{a: z}", "an object"],
    ["z > 0 ? [z] : 0", "an array"],
  ];
  for (const [expression, what] of cases) {
    assert.throws(() => symbolicDerivative(expression), {
      name: "RangeError",
      message: `Cannot differentiate an expression as expression must be a formula, not ${what}: ` +
        `expression=${JSON.stringify(expression)}`,
    });
  }
});

/** `text` as a regular expression matching it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

Deno.test("symbolicDerivative() wraps mathjs's refusals in the house message, keeping its reason", () => {
  const cases: [string, string][] = [
    ["foo(z)", 'function "foo"'],
    ["max(z, 0)", 'function "max"'],
    ["z mod 2", 'operator "mod"'],
    ["z > 0 ? sign(z) : 0", 'function "sign"'],
  ];
  for (const [expression, what] of cases) {
    assert.throws(() => symbolicDerivative(expression), {
      name: "RangeError",
      message: new RegExp(
        "^Cannot differentiate an expression as expression must use only functions and " +
          `operators mathjs can differentiate \\(Cannot process ${what} in derivative: .*\\): ` +
          `expression=${escapeRegExp(JSON.stringify(expression))}$`,
      ),
    }, expression);
  }
});

Deno.test("a symbolic derivative's evaluate() refuses a value that is not a number", () => {
  const d = symbolicDerivative("z ^ 2");
  for (const [value, seen] of [["x", '"x"'], [undefined, "undefined"], [null, "null"]] as const) {
    assert.throws(() => d.evaluate(value as unknown as number), {
      name: "TypeError",
      message: `Cannot evaluate a derivative as z must be a number: z=${seen}`,
    });
  }
  assert.throws(() => symbolicDerivative("x ^ 3", "x").evaluate("2" as unknown as number), {
    name: "TypeError",
    message: 'Cannot evaluate a derivative as x must be a number: x="2"',
  });
});

Deno.test("a symbolic derivative with a free symbol keeps its formula, and evaluate() names the symbol", () => {
  const d = symbolicDerivative("a * z ^ 2");
  assert.equal(d.expression, "2 * a * z");
  assert.throws(() => d.evaluate(1), {
    name: "RangeError",
    message: "Cannot evaluate a derivative as its expression must have no symbol but z and " +
      `mathjs's constants such as pi (found "a"): expression="2 * a * z"`,
  });
  // Notebooks 04 and 05 show such general derivatives; evaluate() refuses on every branch.
  const leaky = symbolicDerivative("z > 0 ? z : alpha * z");
  assert.equal(leaky.expression, "(z > 0) ? 1 : alpha");
  for (const z of [1, -1]) {
    assert.throws(() => leaky.evaluate(z), { name: "RangeError", message: /\(found "alpha"\)/ });
  }
  assert.equal(symbolicDerivative("pi * e * z").evaluate(3), Math.PI * Math.E, "constants");
});

Deno.test("a symbolic derivative's evaluate() gives NaN for NaN, as the activations' derivatives", () => {
  assert.ok(Number.isNaN(symbolicDerivative("z > 0 ? z : 0").evaluate(NaN)));
  assert.ok(Number.isNaN(symbolicDerivative("z > 0 ? z ^ 2 : 3 * z").evaluate(NaN)));
  assert.ok(Number.isNaN(symbolicDerivative("z ^ 2").evaluate(NaN)));
  assert.ok(Number.isNaN(symbolicDerivative("3").evaluate(NaN)));
});

// Each hand-written derivative against mathjs's symbolic derivative of the activation's own
// formula, at random points. Both sides are a few floating-point operations from the exact
// value, so they agree to ~1e-15 relative; 1e-12 leaves room for the longer symbolic forms
// (GELU's chain rule, geluTanh's sech^2) without hiding a wrong formula (which would be off by
// far more than 1e-12 at almost every point).
const SMOOTH = ["sigmoid", "tanh", "softplus", "silu", "gelu", "geluTanh", "identity"] as const;

for (const name of SMOOTH) {
  Deno.test(`${name}Grad() matches the symbolic derivative of its formula`, () => {
    const activation = createActivation(name);
    const symbolic = symbolicDerivative(activation.expression);
    fc.assert(fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
      assert.ok(
        close(activation.grad(z), symbolic.evaluate(z)),
        `${name}'(${z}): ${activation.grad(z)} vs ${symbolic.evaluate(z)}`,
      );
    }));
  });
}

Deno.test("softplusGrad() with beta matches the symbolic derivative below the threshold", () => {
  const activation = createActivation("softplus", { beta: 2.5 });
  const symbolic = symbolicDerivative(activation.expression);
  fc.assert(fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
    assert.ok(close(activation.grad(z), symbolic.evaluate(z)));
  }));
});

// ELU and SELU are smooth on each side of 0: each side's formula goes through mathjs
// derivative(), and the whole piecewise formula through symbolicDerivative().
const SIDES = [
  { name: "elu", options: { alpha: 1.5 }, right: "z", left: "1.5 * (exp(z) - 1)" },
  { name: "elu", options: {}, right: "z", left: "exp(z) - 1" },
  {
    name: "selu",
    options: {},
    right: `${SELU_SCALE} * z`,
    left: `${SELU_SCALE} * ${SELU_ALPHA} * (exp(z) - 1)`,
  },
] as const;

for (const { name, options, right, left } of SIDES) {
  Deno.test(`${name}Grad() matches mathjs derivative() on each side of 0`, async (t) => {
    const activation = createActivation(name, options);
    const symbolic = symbolicDerivative(activation.expression);
    const sides = [
      { label: "z > 0", formula: right, min: 1e-6, max: 8 },
      { label: "z < 0", formula: left, min: -8, max: -1e-6 },
    ];
    for (const side of sides) {
      const reference = derivative(side.formula, "z").compile();
      await t.step(side.label, () => {
        fc.assert(fc.property(fc.double({ min: side.min, max: side.max, noNaN: true }), (z) => {
          assert.ok(close(activation.grad(z), reference.evaluate({ z })), `${z}`);
          assert.ok(close(activation.grad(z), symbolic.evaluate(z)), `${z}`);
        }));
      });
    }
  });
}

Deno.test("a symbolic derivative's evaluate() refuses where its formula overflows into NaN, naming the overflow", () => {
  // Each library derivative is 0 or 1 there; the symbolic formula comes to Infinity / Infinity.
  const cases = [
    {
      name: "sigmoid",
      z: -800,
      grad: 0,
      why: "exp(-z) overflows to Infinity, so exp(-z) / (exp(-z) + 1) ^ 2 = Infinity / Infinity",
      expression: "exp(-z) / (exp(-z) + 1) ^ 2",
    },
    {
      name: "silu",
      z: -800,
      grad: 0,
      why: "exp(-z) overflows to Infinity, so (exp(-z) * (z + 1) + 1) / (exp(-z) + 1) ^ 2 = " +
        "-Infinity / Infinity",
      expression: "(exp(-z) * (z + 1) + 1) / (exp(-z) + 1) ^ 2",
    },
    {
      name: "softplus",
      z: 800,
      grad: 1,
      why: "exp(z) overflows to Infinity, so exp(z) / (exp(z) + 1) = Infinity / Infinity",
      expression: "exp(z) / (exp(z) + 1)",
    },
  ];
  for (const { name, z, grad, why, expression } of cases) {
    const activation = createActivation(name);
    assert.ok(activation.grad(z) === grad, `${name}Grad(${z}) is ${grad}`);
    const symbolic = symbolicDerivative(activation.expression);
    assert.equal(symbolic.expression, expression);
    assert.throws(() => symbolic.evaluate(z), {
      name: "RangeError",
      message: `Cannot evaluate a derivative as its expression must not overflow at z (${why} = ` +
        `NaN): z=${z}, expression=${JSON.stringify(expression)}`,
    }, name);
    assert.ok(close(symbolic.evaluate(z / 20), activation.grad(z / 20)), `${name} at ${z / 20}`);
  }
  // An overflow that leaves a number is returned as float64 gives it, Infinity included.
  assert.equal(symbolicDerivative("exp(z)").evaluate(800), Infinity);
  assert.equal(symbolicDerivative("exp(2 * z) / exp(z)").evaluate(400), Infinity);
});

Deno.test("a symbolic derivative's evaluate() refuses a 0 / 0 or a pole that makes NaN, naming it", () => {
  assert.throws(() => symbolicDerivative("sin(z) / z").evaluate(0), {
    name: "RangeError",
    message: "Cannot evaluate a derivative as its expression must give a number at z " +
      '(sin(z) / z = 0 / 0 = NaN): z=0, expression="(cos(z) - sin(z) / z) / z"',
  });
  assert.throws(() => symbolicDerivative("z ^ 2 * log(z)").evaluate(0), {
    name: "RangeError",
    message: "Cannot evaluate a derivative as its expression must give a number at z " +
      "(log(z) is -Infinity, so z * (2 * log(z) + 1) = 0 * -Infinity = NaN): z=0, " +
      'expression="z * (2 * log(z) + 1)"',
  });
  assert.throws(() => symbolicDerivative("1 / (1 + exp(-x))", "x").evaluate(-Infinity), {
    name: "RangeError",
    message: /must give a number at x \(x is -Infinity, so .* = Infinity \/ Infinity = NaN\)/,
  });
  // No real value is no overflow: NaN, as Math.sqrt(-1).
  assert.ok(Number.isNaN(symbolicDerivative("sqrt(z)").evaluate(-1)));
});

Deno.test("a symbolic derivative's evaluate() names the overflow in the branch its condition takes", () => {
  const d = symbolicDerivative("z > 0 ? log(1 + exp(z)) : log(1 + exp(-z))");
  assert.equal(d.expression, "(z > 0) ? (exp(z) / (exp(z) + 1)) : (-(exp(-z) / (exp(-z) + 1)))");
  assert.ok(close(d.evaluate(40), 1) && close(d.evaluate(-40), -1));
  const message = (z: number, overflow: string, operation: string) =>
    `Cannot evaluate a derivative as its expression must not overflow at z (${overflow} ` +
    `overflows to Infinity, so ${operation} = NaN): z=${z}, ` +
    `expression=${formatValue(d.expression)}`;
  assert.throws(() => d.evaluate(800), {
    name: "RangeError",
    message: message(800, "exp(z)", "exp(z) / (exp(z) + 1) = Infinity / Infinity"),
  });
  assert.throws(() => d.evaluate(-800), {
    name: "RangeError",
    message: message(-800, "exp(-z)", "exp(-z) / (exp(-z) + 1) = Infinity / Infinity"),
  });
});

Deno.test("symbolicDerivative() refuses a third argument instead of ignoring it", () => {
  const loose = symbolicDerivative as (...args: unknown[]) => unknown;
  assert.throws(() => loose("z ^ 2", "z", { simplify: false }), {
    name: "TypeError",
    message: "Cannot differentiate an expression as symbolicDerivative takes expression and " +
      "variable, no third argument: third={ simplify: false }",
  });
  assert.throws(() => loose("z ^ 2", undefined, "x"), {
    name: "TypeError",
    message: /no third argument: third="x"$/,
  });
});

Deno.test("a symbolic derivative's evaluate() refuses a second argument, but not map's index", () => {
  const d = symbolicDerivative("z ^ 2");
  const loose = d.evaluate as (...args: unknown[]) => unknown;
  assert.throws(() => loose(3, 2), {
    name: "TypeError",
    message: "Cannot evaluate a derivative as evaluate takes z alone, no second argument: second=2",
  });
  assert.throws(() => loose(3, 0, [4]), { name: "TypeError", message: /second=0$/ });
  assert.deepEqual([1, 2, 3].map(d.evaluate), [2, 4, 6]);
});

Deno.test("symbolicDerivative() folds constants into float64 numbers, as its docs warn, and stays right", () => {
  const gelu = createActivation("gelu");
  const derived = symbolicDerivative(gelu.expression);
  // (1 / sqrt(2))² folded in float64 is a hair below 1/2, and the formula shows it so.
  assert.ok(derived.expression.includes("0.49999999999999994 * z ^ 2"), derived.expression);
  for (const z of [-3, -0.5, 0.25, 2]) {
    assert.ok(Math.abs(derived.evaluate(z) - gelu.grad(z)) < 1e-15, `z = ${z}`);
  }
});
