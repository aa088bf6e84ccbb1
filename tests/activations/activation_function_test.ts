import assert from "node:assert/strict";
import fc from "fast-check";
import {
  ACTIVATION_NAMES,
  ActivationFunction,
  type ActivationName,
  createActivation,
} from "@relu-lab/relu-lab";
import { reluForward32, reluForward64 } from "../../src/activations/relu.ts";
import {
  linearBackward32,
  linearBackward64,
  linearForward64,
  linearSlopes,
} from "../../src/activations/_piecewise_linear.ts";
import { close, EDGES, sameNumber } from "./_helpers.ts";
import { loose } from "../_loose.ts";

/** Each name with non-default parameters too, so the parameterised kernels run. */
const VARIANTS: [ActivationName, Record<string, number | string>][] = [
  ...ACTIVATION_NAMES.map((name): [ActivationName, Record<string, number | string>] => [name, {}]),
  ["relu", { atZero: "right" }],
  ["relu", { atZero: "mean" }],
  ["leakyRelu", { alpha: 0 }],
  ["leakyRelu", { alpha: 0.2, atZero: "right" }],
  ["leakyRelu", { alpha: 3, atZero: 0.7 }],
  ["prelu", { alpha: -0.5 }],
  ["elu", { alpha: 0.5 }],
  ["elu", { alpha: 0.5, atZero: "right" }],
  ["selu", { atZero: "right" }],
  ["softplus", { beta: 3 }],
  ["rrelu", { lower: 0.1, upper: 0.5 }],
];

const doubles = fc.array(
  fc.oneof(fc.double(), fc.constantFrom(...EDGES), fc.double({ min: -5, max: 5 })),
  { maxLength: 40 },
);

for (const [name, params] of VARIANTS) {
  const activation = createActivation(name, params);
  const tag = `${name}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`;

  Deno.test(`${tag}: forward() on float64 equals f() at every element`, () => {
    fc.assert(fc.property(doubles, (values) => {
      const y = activation.forward(Float64Array.from(values));
      assert.ok(y instanceof Float64Array);
      values.forEach((z, i) => assert.ok(sameNumber(y[i], activation.f(z)), `f(${z})`));
    }));
  });

  Deno.test(`${tag}: forward() on float32 equals fround(f()) at every element`, () => {
    fc.assert(fc.property(doubles, (values) => {
      const x = Float32Array.from(values);
      const y = activation.forward(x);
      assert.ok(y instanceof Float32Array);
      x.forEach((z, i) => assert.ok(sameNumber(y[i], Math.fround(activation.f(z))), `f(${z})`));
    }));
  });

  Deno.test(`${tag}: backward() equals gradOut * grad() at every element`, () => {
    fc.assert(fc.property(doubles, fc.double({ min: -3, max: 3, noNaN: true }), (values, g) => {
      const x = Float64Array.from(values);
      const gradOut = new Float64Array(x.length).fill(g);
      const out = activation.backward(x, gradOut);
      values.forEach((z, i) => {
        assert.ok(sameNumber(out[i], g * activation.grad(z)), `${g} * f'(${z}) = ${out[i]}`);
      });
      const x32 = Float32Array.from(values), g32 = Float32Array.from(gradOut);
      const out32 = activation.backward(x32, g32);
      assert.ok(out32 instanceof Float32Array);
      x32.forEach((z, i) => {
        assert.ok(sameNumber(out32[i], Math.fround(g32[i] * activation.grad(z))), `f32 ${z}`);
      });
    }));
  });

  Deno.test(`${tag}: backward() reusing the forward output agrees with backward() from x`, () => {
    fc.assert(fc.property(doubles, (values) => {
      const x = Float64Array.from(values);
      const gradOut = new Float64Array(x.length).fill(1.5);
      const y = activation.forward(x);
      const fromY = activation.backward(x, gradOut, undefined, y);
      const fromX = activation.backward(x, gradOut);
      // 1 - y^2 and y(1 - y) lose relative accuracy in the tails; absolute error stays ~1e-16.
      fromX.forEach((v, i) =>
        assert.ok(close(fromY[i], v, 1e-12) || Math.abs(fromY[i] - v) < 1e-15)
      );
      // On float32 the output carries float32 rounding, which the same formulas carry over.
      const x32 = Float32Array.from(values), g32 = new Float32Array(x.length).fill(1.5);
      const fromY32 = activation.backward(x32, g32, undefined, activation.forward(x32));
      activation.backward(x32, g32).forEach((v, i) =>
        assert.ok(close(fromY32[i], v, 1e-6), `f32 ${x32[i]}: ${fromY32[i]} against ${v}`)
      );
    }));
  });
}

Deno.test("backward() from y is the cheaper, less accurate derivative its doc says, and only where it says", () => {
  const x = Float64Array.of(40, 2), gradOut = Float64Array.of(1, 1);
  const sigmoid = createActivation("sigmoid");
  const fromY = sigmoid.backward(x, gradOut, undefined, sigmoid.forward(x));
  assert.deepEqual(Array.from(sigmoid.backward(x, gradOut)), [
    4.248354255291589e-18,
    0.10499358540350649,
  ]);
  assert.deepEqual(Array.from(fromY), [0, 0.10499358540350662]);
  // ReLU and Leaky ReLU take their slopes from x whatever y says.
  for (const name of ["relu", "leakyRelu"] as const) {
    const activation = createActivation(name);
    const z = Float64Array.of(-1, 2), wrongY = Float64Array.of(5, -5);
    assert.deepEqual(
      activation.backward(z, gradOut, undefined, wrongY),
      activation.backward(z, gradOut),
    );
  }
});

Deno.test("forward() writes into out, which may alias x", async (t) => {
  const leaky = createActivation("leakyRelu", { alpha: 0.5 });
  await t.step("out is returned", () => {
    const out = new Float64Array(2);
    assert.equal(leaky.forward([-2, 3], out), out);
    assert.deepEqual(Array.from(out), [-1, 3]);
  });
  await t.step("in place on float64", () => {
    const x = Float64Array.of(-2, 3);
    leaky.forward(x, x);
    assert.deepEqual(Array.from(x), [-1, 3]);
  });
  await t.step("in place on float32", () => {
    const x = Float32Array.of(-2, 3);
    createActivation("relu").forward(x, x);
    assert.deepEqual(Array.from(x), [0, 3]);
  });
  await t.step("a number array gives a Float64Array", () => {
    assert.ok(leaky.forward([1]) instanceof Float64Array);
  });
  await t.step("float32 input into a float64 out", () => {
    const out = leaky.forward(Float32Array.of(-0.1), new Float64Array(1));
    assert.equal(out[0], Math.fround(-0.1) * 0.5);
  });
  await t.step("backward in place over gradOut", () => {
    const g = Float64Array.of(2, 2);
    leaky.backward([-1, 1], g, g);
    assert.deepEqual(Array.from(g), [1, 2]);
  });
});

Deno.test("a Float32Array out computes in float32, on float64 inputs rounded to float32 first", async (t) => {
  await t.step("relu backward: 1e-50 rounds to 0 and gets the derivative at the kink", () => {
    const relu = createActivation("relu");
    const x = Float64Array.of(1e-50), gradOut = Float64Array.of(1);
    assert.equal(relu.backward(x, gradOut)[0], 1, "in float64, as reluGrad(1e-50)");
    assert.equal(relu.backward(x, gradOut, new Float32Array(1))[0], 0, "in float32");
    assert.equal(relu.backward([1e-50], [1], new Float32Array(1))[0], 0, "from number arrays");
  });
  await t.step("gelu forward: f of the rounded input, not the rounded f of the input", () => {
    const gelu = createActivation("gelu");
    const out = gelu.forward(Float64Array.of(0.2), new Float32Array(1));
    assert.equal(out[0], Math.fround(gelu.f(Math.fround(0.2))));
    assert.notEqual(out[0], Math.fround(gelu.f(0.2)));
  });
});

Deno.test("relu kernels are exact at the edges", () => {
  const relu = createActivation("relu");
  const y = relu.forward(Float64Array.of(NaN, Infinity, -Infinity, -0, 0, -5e-324, 5e-324));
  assert.ok(Number.isNaN(y[0]));
  assert.equal(y[1], Infinity);
  assert.ok(Object.is(y[2], 0), "-Infinity gives +0");
  assert.ok(Object.is(y[3], 0), "-0 gives +0");
  assert.ok(Object.is(y[5], 0));
  assert.equal(y[6], 5e-324);
  const g = relu.backward(
    Float64Array.of(NaN, Infinity, -Infinity, 0, 2),
    new Float64Array(5).fill(3),
  );
  assert.ok(Number.isNaN(g[0]), "NaN propagates through backward");
  assert.deepEqual(Array.from(g.subarray(1)), [3, 0, 0, 3]);
});

Deno.test("relu float32 kernel is exact on every kind of bit pattern", () => {
  const x = new Float32Array(8);
  const bits = new Int32Array(x.buffer);
  // negative quiet NaN, negative NaN just above -Infinity, positive NaN, -Infinity, -0,
  // the negative and positive smallest subnormals, +Infinity
  bits.set([0xffc00000, 0xff800001, 0x7fc00000, 0xff800000, 0x80000000, 0x80000001, 1, 0x7f800000]
    .map((b) => b | 0));
  const y = createActivation("relu").forward(x);
  assert.ok(Number.isNaN(y[0]) && Number.isNaN(y[1]) && Number.isNaN(y[2]), "NaNs propagate");
  for (const i of [3, 4, 5]) assert.ok(Object.is(y[i], 0), `element ${i} gives +0`);
  assert.equal(y[6], x[6]);
  assert.equal(y[7], Infinity);
  const x64 = Float64Array.of(NaN, -0, -Infinity);
  new BigUint64Array(x64.buffer)[0] = 0xfff8000000000001n; // a negative NaN
  const y64 = createActivation("relu").forward(x64);
  assert.ok(Number.isNaN(y64[0]));
  assert.ok(Object.is(y64[1], 0) && Object.is(y64[2], 0));
});

Deno.test("array methods reject bad arrays with a message naming them", async (t) => {
  const relu = createActivation("relu");
  await t.step("out of the wrong length", () => {
    assert.throws(() => relu.forward([1, 2], new Float64Array(3)), {
      name: "RangeError",
      message: "Cannot run relu forward as out must have 2 elements: out.length=3",
    });
  });
  await t.step("gradOut of the wrong length", () => {
    assert.throws(() => relu.backward([1, 2], [1]), RangeError);
  });
  await t.step("x not an array", () => {
    assert.throws(() => relu.forward(3 as unknown as number[]), {
      name: "TypeError",
      message: "Cannot run relu forward as x must be an array of numbers: x=3",
    });
  });
  await t.step("x or gradOut null, or a string (which has a length)", () => {
    const refuse = (call: () => unknown, direction: string, seen: string) =>
      assert.throws(call, {
        name: "TypeError",
        message: `Cannot run relu ${direction} as ${seen}`,
      });
    refuse(() => relu.forward(null as never), "forward", "x must be an array of numbers: x=null");
    refuse(() => relu.forward("-1" as never), "forward", 'x must be an array of numbers: x="-1"');
    refuse(
      () => relu.backward([1, 2], null as never),
      "backward",
      "gradOut must be an array of numbers: gradOut=null",
    );
    refuse(
      () => relu.backward([1, 2], "12" as never),
      "backward",
      'gradOut must be an array of numbers: gradOut="12"',
    );
  });
  await t.step("x or gradOut a typed array of BigInts (a view, but not of numbers)", () => {
    for (const x of [new BigInt64Array(2), new BigUint64Array(2)]) {
      assert.throws(() => relu.forward(x as never), {
        name: "TypeError",
        message: "Cannot run relu forward as x must be an array of numbers: x[0]=0n",
      });
    }
    assert.throws(() => relu.backward([1, 2], new BigInt64Array(2) as never), {
      name: "TypeError",
      message: "Cannot run relu backward as gradOut must be an array of numbers: gradOut[0]=0n",
    });
  });
});

Deno.test("activation objects print as label and formula", () => {
  const leaky = createActivation("leakyRelu");
  assert.equal(leaky.toString(), "Leaky ReLU (α = 0.01): f(z) = z > 0 ? z : 0.01 * z");
  assert.equal(
    Deno.inspect(leaky),
    "ActivationFunction(Leaky ReLU (α = 0.01): f(z) = z > 0 ? z : 0.01 * z)",
  );
  assert.equal(`${createActivation("relu")}`, "ReLU: f(z) = z > 0 ? z : 0");
});

Deno.test("activation objects are frozen-parameter ActivationFunction instances", () => {
  for (const name of ACTIVATION_NAMES) {
    const activation = createActivation(name);
    assert.ok(activation instanceof ActivationFunction, name);
    assert.ok(Object.isFrozen(activation.params), name);
    assert.equal(activation.name, name);
    assert.ok(activation.latex.startsWith("f(z) = "), name);
    assert.ok(activation.gradLatex.startsWith("f'(z) = "), name);
  }
  const f = createActivation("relu").f;
  assert.deepEqual([-1, 2].map(f), [0, 2], "f is bound");
});

Deno.test("two-piece backward kernels stay exact when out is x itself or overlaps it", async (t) => {
  const values = [NaN, -2, 0, -0, 3, Infinity, -Infinity, NaN, 0.5];
  const variants: [ActivationName, Record<string, number | string>][] = [
    ["relu", {}],
    ["relu", { atZero: "right" }],
    ["leakyRelu", { alpha: 0.1, atZero: 0.3 }],
  ];
  for (const [name, params] of variants) {
    const activation = createActivation(name, params);
    const want = values.map((z) => 2 * activation.grad(z));
    await t.step(`${name} ${JSON.stringify(params)}: out === x, float64 and float32`, () => {
      const x = Float64Array.from(values);
      activation.backward(x, new Float64Array(x.length).fill(2), x);
      x.forEach((v, i) => assert.ok(sameNumber(v, want[i]), `element ${i}: ${v}`));
      const x32 = Float32Array.from(values);
      activation.backward(x32, new Float32Array(x32.length).fill(2), x32);
      x32.forEach((v, i) => assert.ok(sameNumber(v, Math.fround(want[i])), `f32 ${i}: ${v}`));
    });
    await t.step(`${name} ${JSON.stringify(params)}: out shifted one element against x`, () => {
      for (const shift of [1, -1]) {
        const buffer = new Float64Array(values.length + 1);
        const x = buffer.subarray(shift > 0 ? 0 : 1, (shift > 0 ? 0 : 1) + values.length);
        const out = buffer.subarray(shift > 0 ? 1 : 0, (shift > 0 ? 1 : 0) + values.length);
        x.set(values);
        activation.backward(x, new Float64Array(values.length).fill(2), out);
        out.forEach((v, i) => assert.ok(sameNumber(v, want[i]), `shift ${shift}, ${i}: ${v}`));
      }
    });
  }
});

Deno.test("ReLU backward marks a NaN input even when ±Infinity are in the same array", () => {
  const relu = createActivation("relu");
  const x = Float64Array.of(Infinity, -Infinity, 1, -1);
  assert.deepEqual(Array.from(relu.backward(x, Float64Array.of(5, 5, 5, 5))), [5, 0, 5, 0]);
  const big = Float64Array.of(1.5e308, 1.5e308, NaN, -1);
  const g = relu.backward(big, Float64Array.of(1, 1, 1, 1));
  assert.deepEqual([g[0], g[1], g[3]], [1, 1, 0]);
  assert.ok(Number.isNaN(g[2]), "NaN after an overflowing sum");
});

Deno.test("the loop kernels refuse arrays shorter or longer than x, naming the array", () => {
  const x = new Float64Array(4), short = new Float64Array(3);
  assert.throws(() => reluForward64(x, short), {
    name: "RangeError",
    message: "Cannot run reluForward64 as out must have 4 elements: out.length=3",
  });
  assert.throws(() => reluForward32(new Float32Array(2), new Float32Array(5)), /out.length=5/);
  assert.throws(() => linearForward64(x, x, Float64Array.of(0.1)), /pair must have 2 elements/);
  const slopes = linearSlopes("test", 0.1, 1, "left");
  assert.throws(() => linearBackward64(x, short, x, slopes), /gradOut must have 4 elements/);
  assert.throws(
    () => linearBackward32(new Float32Array(2), new Float32Array(2), new Float32Array(1), slopes),
    /out must have 2 elements: out.length=1/,
  );
});

Deno.test("an activation object's f and grad refuse a second argument: its parameters are fixed", async (t) => {
  const leaky = createActivation("leakyRelu");
  await t.step("f(z, { alpha }) throws rather than compute with the alpha it was made with", () => {
    assert.throws(() => loose(leaky.f)(-1, { alpha: 0.2 }), {
      name: "TypeError",
      message: "Cannot compute leakyRelu.f as it takes z alone, no options (its parameters are " +
        'fixed when it is made: createActivation("leakyRelu", { ... })): options={ alpha: 0.2 }',
    });
    assert.throws(() => loose(leaky.grad)(-1, 0.2), /^TypeError: Cannot compute leakyRelu\.grad /);
  });
  await t.step("with z alone, and as a map or forEach callback, they still compute", () => {
    const zs = [-2, 0, 3];
    assert.deepEqual(zs.map(leaky.f), [-0.02, 0, 3]);
    assert.deepEqual(Float64Array.from(zs).map(leaky.grad), Float64Array.of(0.01, 0.01, 1));
    assert.equal(loose(leaky.f)(-1, undefined), -0.01);
  });
});
