/**
 * The typed-array kernels of the two-piece linear activations against the scalar functions, bit
 * for bit: `Object.is` on every element, so +0 and -0 differ and only a NaN's payload may (a NaN
 * must stay a NaN). Inputs cover every float64 kind (fast-check's doubles include NaN, ±0,
 * ±Infinity and subnormals) and every float32 bit pattern (drawn as 32-bit integers, so NaNs
 * with any payload and sign too), at any offset into a shared buffer, in place, and after V8 has
 * optimised the kernels.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { type ActivationName, createActivation } from "@relu-lab/relu-lab";
import type { ActivationFunction } from "../../src/activations/activation_function.ts";

/** The activations whose kernels are the branch-free two-piece loops, with each convention. */
const PIECEWISE: [ActivationName, Record<string, number | string>][] = [
  ["relu", {}],
  ["relu", { atZero: "right" }],
  ["relu", { atZero: "mean" }],
  ["relu", { atZero: -0.25 }],
  ["leakyRelu", {}],
  ["leakyRelu", { alpha: 0 }],
  ["leakyRelu", { alpha: 3, atZero: "right" }],
  ["prelu", { alpha: 0.2 }],
  ["rrelu", { lower: 0.1, upper: 0.3 }],
];

/** Any double, and often one of the edges, so that they meet within one array. */
const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 2.2e-308, -1e308),
  // Past half the largest double, where doubling overflows (the float64 ReLU forward's fallback).
  fc.constantFrom(1e308, Number.MAX_VALUE, 2 ** 1023, 2 ** 1023 - 2 ** 970),
);

/**
 * Any float32 bit pattern, as a signed 32-bit integer, and often one next to a boundary of the
 * kernels' integer comparisons: -Infinity and the negative NaN just above it, ±0, the smallest
 * subnormals, +Infinity and the positive NaNs around it, all ones.
 */
const anyFloat32Bits = fc.oneof(
  fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  fc.constantFrom(
    ...[0xff800000, 0xff800001, 0xff7fffff, 0x80000000, 0x80000001, 0xffffffff, 0xffc00000]
      .map((bits) => bits | 0),
    0,
    1,
    0x7f800000,
    0x7f800001,
    0x7fc00000,
    0x7fffffff,
  ),
);

/** Up to 70 elements: both loop parities, and a tail after any unrolled part. */
const LENGTH = { maxLength: 70 };

/** Element i of `got` is `want(i)`, bit for bit but for a NaN's payload. */
function assertEachIs(got: ArrayLike<number>, want: (i: number) => number, what: string): void {
  for (let i = 0; i < got.length; i++) {
    const expected = want(i);
    assert.ok(
      Object.is(got[i], expected),
      `${what}, element ${i}: got ${got[i]}, want ${expected}`,
    );
  }
}

/** `values` as a float32 array, read from their bits. */
function float32FromBits(bits: number[]): Float32Array {
  return new Float32Array(Int32Array.from(bits).buffer);
}

/** A view of `length` elements that starts `offset` elements into a larger buffer. */
function viewAt<T extends Float64Array | Float32Array>(
  make: (length: number) => T,
  offset: number,
  length: number,
): T {
  return make(offset + length + 3).subarray(offset, offset + length) as T;
}

for (const [name, params] of PIECEWISE) {
  const activation = createActivation(name, params) as ActivationFunction;
  const tag = `${name} ${JSON.stringify(params)}`;

  Deno.test(`${tag}: the float64 kernels equal f and gradOut * f' bit for bit`, async (t) => {
    await t.step("forward, into a fresh array and into a view at any offset", () => {
      fc.assert(fc.property(fc.array(anyDouble, LENGTH), fc.nat(5), (values, offset) => {
        const x = Float64Array.from(values);
        assertEachIs(activation.forward(x), (i) => activation.f(values[i]), "forward");
        const out = viewAt((n) => new Float64Array(n), offset, x.length);
        activation.forward(x, out);
        assertEachIs(out, (i) => activation.f(values[i]), `forward at offset ${offset}`);
      }));
    });
    await t.step("forward in place", () => {
      fc.assert(fc.property(fc.array(anyDouble, LENGTH), (values) => {
        const x = Float64Array.from(values);
        activation.forward(x, x);
        assertEachIs(x, (i) => activation.f(values[i]), "forward in place");
      }));
    });
    await t.step("backward, with any gradOut", () => {
      const pairs = fc.array(fc.tuple(anyDouble, anyDouble), LENGTH);
      fc.assert(fc.property(pairs, fc.nat(5), (xg, offset) => {
        const x = viewAt((n) => new Float64Array(n), offset, xg.length);
        x.set(xg.map(([z]) => z));
        const gradOut = Float64Array.from(xg, ([, g]) => g);
        const want = (i: number) => xg[i][1] * activation.grad(xg[i][0]);
        assertEachIs(activation.backward(x, gradOut), want, `backward at offset ${offset}`);
        activation.backward(x, gradOut, gradOut);
        assertEachIs(gradOut, want, "backward in place over gradOut");
        activation.backward(x, Float64Array.from(xg, ([, g]) => g), x);
        assertEachIs(x, want, "backward in place over x");
      }));
    });
  });

  Deno.test(`${tag}: the float32 kernels equal fround(f) and fround(gradOut * f') bit for bit`, async (t) => {
    await t.step("forward on every bit pattern, at any offset", () => {
      fc.assert(fc.property(fc.array(anyFloat32Bits, LENGTH), fc.nat(5), (bits, offset) => {
        const x = float32FromBits(bits);
        const want = (i: number) => Math.fround(activation.f(x[i]));
        assertEachIs(activation.forward(x), want, "forward");
        const xAt = viewAt((n) => new Float32Array(n), offset, x.length);
        xAt.set(x);
        const out = viewAt((n) => new Float32Array(n), 5 - offset, x.length);
        activation.forward(xAt, out);
        assertEachIs(out, want, `forward from offset ${offset} to offset ${5 - offset}`);
        activation.forward(xAt, xAt);
        assertEachIs(xAt, want, "forward in place");
      }));
    });
    await t.step("backward on every bit pattern of x and gradOut", () => {
      const pairs = fc.array(fc.tuple(anyFloat32Bits, anyFloat32Bits), LENGTH);
      fc.assert(fc.property(pairs, (xg) => {
        const x = float32FromBits(xg.map(([z]) => z));
        const gradOut = float32FromBits(xg.map(([, g]) => g));
        const input = x.slice(); // x is overwritten below
        const want = (i: number) => Math.fround(gradOut[i] * activation.grad(input[i]));
        assertEachIs(activation.backward(x, gradOut), want, "backward");
        activation.backward(x, gradOut, x);
        assertEachIs(x, want, "backward in place over x");
      }));
    });
  });
}

Deno.test("the ReLU kernels keep every bit once V8 has optimised them", async (t) => {
  // 3,000 calls on 2,048 elements: enough for V8 to compile each kernel with its top tier, whose
  // code could treat an edge otherwise than the first tiers do.
  const relu = createActivation("relu");
  const edges = [NaN, -NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1, -1];
  const x = Float64Array.from({ length: 2048 }, (_, i) => edges[i % edges.length] * (1 + i));
  const gradOut = Float64Array.from({ length: 2048 }, (_, i) => edges[(i * 7) % edges.length]);
  // Finite inputs only, up to half the largest double: the float64 forward's fast loop alone.
  const finite = [0, -0, 5e-324, -5e-324, 2.2e-308, 1, -1, 8.9e307, -1e308];
  const xFinite = Float64Array.from({ length: 2048 }, (_, i) => finite[i % finite.length] * 0.75);
  const x32 = Float32Array.from(x), gradOut32 = Float32Array.from(gradOut);
  const out = new Float64Array(2048), out32 = new Float32Array(2048);
  for (let call = 0; call < 3000; call++) {
    relu.forward(xFinite, out);
    relu.forward(x, out);
    relu.backward(x, gradOut, out);
    relu.forward(x32, out32);
    relu.backward(x32, gradOut32, out32);
  }
  await t.step("float64 forward and backward", () => {
    assertEachIs(relu.forward(xFinite, out), (i) => relu.f(xFinite[i]), "forward, finite inputs");
    assertEachIs(relu.forward(x, out), (i) => relu.f(x[i]), "forward");
    assertEachIs(relu.backward(x, gradOut, out), (i) => gradOut[i] * relu.grad(x[i]), "backward");
  });
  await t.step("float32 forward and backward", () => {
    assertEachIs(relu.forward(x32, out32), (i) => Math.fround(relu.f(x32[i])), "forward");
    assertEachIs(
      relu.backward(x32, gradOut32, out32),
      (i) => Math.fround(gradOut32[i] * relu.grad(x32[i])),
      "backward",
    );
  });
});
