import assert from "node:assert/strict";
import {
  ACTIVATION_NAMES,
  type ActivationName,
  createActivation,
  preluForward,
  rreluBackward,
  rreluForward,
} from "@relu-lab/relu-lab";

/** Each name, and the parameterised kernels (other kink conventions, alpha = 0, beta). */
const VARIANTS: [ActivationName, Record<string, number | string>][] = [
  ...ACTIVATION_NAMES.map((name): [ActivationName, Record<string, number | string>] => [name, {}]),
  ["relu", { atZero: "right" }],
  ["leakyRelu", { alpha: 0 }],
  ["leakyRelu", { alpha: 0.2, atZero: "mean" }],
  ["elu", { alpha: 0.5, atZero: "right" }],
  ["softplus", { beta: 3 }],
];

/** Signs alternating (as in the audit's example), the edges, and both tails. */
const X = [1, -2, 3, -4, 5, -6, 7, 0, -0, NaN, Infinity, -Infinity, 0.5, -0.25, 30, -30, 2, -1];
/** Upstream gradients, all different and exact in float32. */
const GRAD = X.map((_, i) => (i % 7) * 0.75 - 2);
/** Long enough for the WebAssembly ReLU kernel on float32 (256 elements and more). */
const LONG = Array.from({ length: 300 }, (_, i) => X[i % X.length] * (1 + i / 300));
/** How far out starts after the input (before it when negative), in elements. */
const SHIFTS = [1, -1, 3, -3];
const TYPES = [Float64Array, Float32Array] as const;

type FloatType = typeof TYPES[number];

/** `values` in a view sharing one buffer with `out`, which starts `shift` elements after it. */
function overlapping(Type: FloatType, values: readonly number[], shift: number) {
  const n = values.length, buffer = new Type(n + Math.abs(shift));
  const input = buffer.subarray(Math.max(0, -shift), Math.max(0, -shift) + n);
  const out = buffer.subarray(Math.max(0, shift), Math.max(0, shift) + n);
  input.set(values);
  return { input, out };
}

/** Same bits element by element (any NaN equals any NaN; +0 and -0 differ). */
function assertSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string) {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    const same = Object.is(actual[i], expected[i]) ||
      (Number.isNaN(actual[i]) && Number.isNaN(expected[i]));
    assert.ok(same, `${what}, element ${i}: ${actual[i]}, expected ${expected[i]}`);
  }
}

for (const [name, params] of VARIANTS) {
  const activation = createActivation(name, params);
  const tag = `${name}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`;

  Deno.test(`${tag}: forward() into an out partly overlapping x gives the bits of separate arrays`, () => {
    for (const Type of TYPES) {
      for (const values of [X, LONG]) {
        const expected = activation.forward(Type.from(values));
        for (const shift of SHIFTS) {
          const { input, out } = overlapping(Type, values, shift);
          assert.equal(activation.forward(input, out), out);
          assertSameBits(out, expected, `${Type.name} of ${values.length}, shift ${shift}`);
        }
      }
    }
  });

  Deno.test(`${tag}: backward() into an out partly overlapping x, gradOut or y gives the bits of separate arrays`, () => {
    for (const Type of TYPES) {
      const x = Type.from(X), gradOut = Type.from(GRAD), y = activation.forward(x);
      const fromX = activation.backward(x, gradOut);
      const fromY = activation.backward(x, gradOut, undefined, y);
      for (const shift of SHIFTS) {
        const what = `${Type.name}, shift ${shift}`;
        const overX = overlapping(Type, X, shift);
        activation.backward(overX.input, gradOut, overX.out);
        assertSameBits(overX.out, fromX, `${what}, over x`);
        const overGrad = overlapping(Type, GRAD, shift);
        activation.backward(x, overGrad.input, overGrad.out);
        assertSameBits(overGrad.out, fromX, `${what}, over gradOut`);
        const overY = overlapping(Type, Array.from(y), shift);
        activation.backward(x, gradOut, overY.out, overY.input);
        assertSameBits(overY.out, fromY, `${what}, over y`);
      }
    }
  });
}

Deno.test("forward() from a Float32Array into a Float64Array out over the same memory gives the bits of separate arrays", () => {
  const leaky = createActivation("leakyRelu", { alpha: 0.1 });
  const expected = leaky.forward(Float32Array.from(X), new Float64Array(X.length));
  for (const offset of [0, 4, 8]) {
    const buffer = new ArrayBuffer(X.length * 8 + 16);
    const x = new Float32Array(buffer, offset, X.length);
    x.set(X);
    const out = new Float64Array(buffer, 8, X.length);
    leaky.forward(x, out);
    assertSameBits(out, expected, `x at byte ${offset}`);
  }
});

Deno.test("exact aliasing still runs in place: out === x and out === gradOut", () => {
  for (const [name, params] of VARIANTS) {
    const activation = createActivation(name, params);
    for (const Type of TYPES) {
      const expectedForward = activation.forward(Type.from(X));
      const x = Type.from(X);
      activation.forward(x, x);
      assertSameBits(x, expectedForward, `${name} ${Type.name} forward`);
      const expectedBackward = activation.backward(Type.from(X), Type.from(GRAD));
      const g = Type.from(GRAD);
      activation.backward(Type.from(X), g, g);
      assertSameBits(g, expectedBackward, `${name} ${Type.name} backward`);
    }
  }
});

Deno.test("preluForward, rreluForward and rreluBackward give the bits of separate arrays when out partly overlaps their input", () => {
  for (const Type of TYPES) {
    for (const shift of SHIFTS) {
      const what = `${Type.name}, shift ${shift}`;
      for (const alpha of [0.25, 0, Float64Array.of(0.5, 0, 0.1)]) {
        const expected = preluForward(Type.from(X), alpha);
        const { input, out } = overlapping(Type, X, shift);
        preluForward(input, alpha, out);
        assertSameBits(out, expected, `${what}, preluForward alpha ${alpha}`);
      }
      const expected = rreluForward(Type.from(X), { lower: 0.1, upper: 0.3 });
      const over = overlapping(Type, X, shift);
      const { slopes } = rreluForward(over.input, { lower: 0.1, upper: 0.3 }, over.out);
      assertSameBits(over.out, expected.output, `${what}, rreluForward`);
      assertSameBits(slopes, expected.slopes, `${what}, rreluForward slopes`);
      const expectedGrad = rreluBackward(Type.from(GRAD), expected.slopes);
      const overGrad = overlapping(Type, GRAD, shift);
      rreluBackward(overGrad.input, expected.slopes, overGrad.out);
      assertSameBits(overGrad.out, expectedGrad, `${what}, rreluBackward`);
    }
  }
});
