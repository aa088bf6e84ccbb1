import assert from "node:assert/strict";
import fc from "fast-check";
import {
  createActivation,
  elu,
  eluGrad,
  gelu,
  geluGrad,
  geluTanh,
  geluTanhGrad,
  identity,
  identityGrad,
  selu,
  SELU_ALPHA,
  SELU_SCALE,
  seluGrad,
  sigmoid,
  sigmoidGrad,
  silu,
  siluGrad,
  softplus,
  softplusGrad,
  tanh,
  tanhGrad,
} from "@relu-lab/relu-lab";

type Case = [string, (z: number) => number, number, number];

/** [what, function, input, expected]: the limits at ±Infinity and the exact values. */
const CASES: Case[] = [
  ["sigmoid", sigmoid, -Infinity, 0],
  ["sigmoid", sigmoid, Infinity, 1],
  ["sigmoid", sigmoid, -1000, 0],
  ["sigmoid", sigmoid, 1000, 1],
  ["sigmoid", sigmoid, 0, 0.5],
  ["sigmoidGrad", sigmoidGrad, 0, 0.25],
  ["sigmoidGrad", sigmoidGrad, -Infinity, 0],
  ["sigmoidGrad", sigmoidGrad, Infinity, 0],
  ["tanh", tanh, Infinity, 1],
  ["tanh", tanh, -Infinity, -1],
  ["tanhGrad", tanhGrad, 0, 1],
  ["tanhGrad", tanhGrad, 1000, 0],
  ["tanhGrad", tanhGrad, -Infinity, 0],
  ["softplus", softplus, 1000, 1000],
  ["softplus", softplus, Infinity, Infinity],
  ["softplus", softplus, -Infinity, 0],
  ["softplus", softplus, 0, Math.LN2],
  ["softplusGrad", softplusGrad, 0, 0.5],
  ["softplusGrad", softplusGrad, 1000, 1],
  ["softplusGrad", softplusGrad, -Infinity, 0],
  ["elu", elu, -Infinity, -1],
  ["elu", elu, Infinity, Infinity],
  ["elu", elu, 0, 0],
  ["eluGrad", eluGrad, -Infinity, 0],
  ["eluGrad", eluGrad, 0, 1],
  ["selu", selu, -Infinity, -SELU_SCALE * SELU_ALPHA],
  ["selu", selu, 1, SELU_SCALE],
  ["seluGrad", seluGrad, 0, SELU_SCALE * SELU_ALPHA],
  ["seluGrad", seluGrad, 1, SELU_SCALE],
  ["silu", silu, -Infinity, 0],
  ["silu", silu, Infinity, Infinity],
  ["silu", silu, 0, 0],
  ["siluGrad", siluGrad, -Infinity, 0],
  ["siluGrad", siluGrad, Infinity, 1],
  ["siluGrad", siluGrad, 0, 0.5],
  ["gelu", gelu, -Infinity, 0],
  ["gelu", gelu, Infinity, Infinity],
  ["gelu", gelu, 0, 0],
  ["geluGrad", geluGrad, -Infinity, 0],
  ["geluGrad", geluGrad, Infinity, 1],
  ["geluGrad", geluGrad, 0, 0.5],
  ["geluTanh", geluTanh, -Infinity, 0],
  ["geluTanh", geluTanh, Infinity, Infinity],
  ["geluTanhGrad", geluTanhGrad, -Infinity, 0],
  ["geluTanhGrad", geluTanhGrad, Infinity, 1],
  ["geluTanhGrad", geluTanhGrad, 0, 0.5],
  ["identity", identity, -Infinity, -Infinity],
  ["identityGrad", identityGrad, Infinity, 1],
];

const ALL: [string, (z: number) => number][] = [
  ["sigmoid", sigmoid],
  ["sigmoidGrad", sigmoidGrad],
  ["tanh", tanh],
  ["tanhGrad", tanhGrad],
  ["softplus", softplus],
  ["softplusGrad", softplusGrad],
  ["elu", elu],
  ["eluGrad", eluGrad],
  ["selu", selu],
  ["seluGrad", seluGrad],
  ["silu", silu],
  ["siluGrad", siluGrad],
  ["gelu", gelu],
  ["geluGrad", geluGrad],
  ["geluTanh", geluTanh],
  ["geluTanhGrad", geluTanhGrad],
  ["identity", identity],
  ["identityGrad", identityGrad],
];

Deno.test("smooth activations give the limits at ±Infinity and their exact values", async (t) => {
  for (const [name, f, z, expected] of CASES) {
    await t.step(`${name}(${z}) is ${expected}`, () => assert.equal(f(z), expected));
  }
});

Deno.test("smooth activations and derivatives propagate NaN", () => {
  for (const [name, f] of ALL) assert.ok(Number.isNaN(f(NaN)), name);
});

Deno.test("smooth activations and derivatives never overflow to NaN or Infinity for finite input", () => {
  for (const [name, f] of ALL) {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (z) => {
      const y = f(z);
      // Only SELU's true value (1.0507 z) can exceed Number.MAX_VALUE; the others are at most |z|.
      const representable = name !== "selu" || Math.abs(z) < Number.MAX_VALUE / SELU_SCALE;
      assert.ok(Number.isFinite(y) || !representable, `${name}(${z}) = ${y}`);
    }));
  }
});

Deno.test("softplus(-1000) is a tiny non-negative number, not NaN", () => {
  const y = softplus(-1000);
  assert.ok(y >= 0 && y < 1e-300);
  assert.ok(softplus(-30) > 0, "and positive where the true value is representable");
});

Deno.test("sigmoidGrad() keeps relative accuracy in the tails", () => {
  // σ'(40) = e^-40 / (1 + e^-40)^2 ≈ e^-40; 1 - σ(40) would be exactly 0.
  assert.ok(Math.abs(sigmoidGrad(40) / Math.exp(-40) - 1) < 1e-14);
  assert.ok(Math.abs(tanhGrad(20) / (4 * Math.exp(-40)) - 1) < 1e-12);
});

Deno.test("gelu() keeps relative accuracy for negative inputs", () => {
  // GELU(-10) = -10 Φ(-10), with Φ(-10) = 7.619853024160527e-24.
  assert.ok(Math.abs(gelu(-10) / (-10 * 7.619853024160527e-24) - 1) < 1e-13);
  assert.ok(geluTanh(-10) < 0 && geluTanh(-10) > -1e-30);
});

Deno.test("geluTanh() stays within 1e-3 of gelu()", () => {
  fc.assert(fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (z) => {
    assert.ok(Math.abs(geluTanh(z) - gelu(z)) < 1e-3);
  }));
});

Deno.test("softplus() follows beta and the threshold like PyTorch", async (t) => {
  await t.step("beta sharpens toward relu", () => {
    assert.ok(Math.abs(softplus(1, { beta: 50 }) - 1) < 1e-20 + 1e-15);
    assert.ok(softplus(-1, { beta: 50 }) < 1e-20);
  });
  await t.step("above beta * z > threshold it is z", () => {
    assert.equal(softplus(11, { beta: 2, threshold: 20 }), 11);
    assert.equal(softplusGrad(11, { beta: 2, threshold: 20 }), 1);
    assert.notEqual(softplus(9, { beta: 2, threshold: 20 }), 9);
  });
  await t.step("bad beta and threshold throw", () => {
    assert.throws(() => softplus(1, { beta: 0 }), {
      name: "RangeError",
      message: "Cannot compute softplus as beta must be a finite number > 0: beta=0",
    });
    assert.throws(() => softplusGrad(1, { threshold: NaN }), RangeError);
    assert.throws(() => softplus(1, { beta: "2" as unknown as number }), TypeError);
  });
});

Deno.test("elu() uses alpha on the negative side and rejects bad alpha", async (t) => {
  await t.step("alpha scales the limit", () => assert.equal(elu(-Infinity, { alpha: 2 }), -2));
  await t.step("eluGrad(0) follows atZero", () => {
    assert.equal(eluGrad(0, { alpha: 0.5 }), 0.5);
    assert.equal(eluGrad(0, { alpha: 0.5, atZero: "right" }), 1);
    assert.equal(eluGrad(0, { alpha: 0.5, atZero: "mean" }), 0.75);
  });
  await t.step("negative alpha throws", () => {
    assert.throws(() => elu(1, { alpha: -1 }), {
      name: "RangeError",
      message: "Cannot compute elu as alpha must be a finite number >= 0: alpha=-1",
    });
  });
  await t.step("elu keeps accuracy near 0 (expm1)", () => {
    assert.ok(Math.abs(elu(-1e-10) / -1e-10 - 1) < 1e-9);
  });
});

Deno.test("seluGrad() follows atZero at its kink", () => {
  assert.equal(seluGrad(0, { atZero: "right" }), SELU_SCALE);
  assert.equal(seluGrad(-0, { atZero: 0 }), 0);
  assert.throws(() => seluGrad(0, { atZero: "up" as "left" }), RangeError);
});

Deno.test("softplus() never overflows, whatever the threshold, and keeps PyTorch's bits below it", async (t) => {
  await t.step("where e^{βz} overflows it gives z (to rounding), not Infinity", () => {
    assert.equal(softplus(800, { threshold: 1000 }), 800);
    assert.equal(softplus(10, { beta: 100, threshold: 2000 }), 10);
    assert.equal(softplus(1e6, { beta: 0.001, threshold: 1e9 }), 1e6);
    assert.equal(softplusGrad(800, { threshold: 1000 }), 1);
    const wide = createActivation("softplus", { threshold: 1e300 });
    assert.deepEqual(Array.from(wide.forward([710, 1e300, -1e300])), [710, 1e300, 0]);
    assert.deepEqual(Array.from(wide.forward(Float32Array.of(1000, 3e38))), [
      1000,
      Math.fround(3e38),
    ]);
    assert.deepEqual(Array.from(wide.backward([710, 1e300], [2, 2])), [2, 2]);
    fc.assert(fc.property(fc.double({ min: 700, max: 1e300, noNaN: true }), (z) => {
      const y = softplus(z, { threshold: 1e308 });
      assert.ok(Math.abs(y - z) <= 1e-15 * z, `softplus(${z}) = ${y}`);
    }));
  });
  await t.step("where e^{βz} does not overflow it is log1p(exp(βz)) / β, bit for bit", () => {
    const options = fc.record({
      beta: fc.double({ min: 0.01, max: 100, noNaN: true }),
      threshold: fc.double({ min: 0.01, max: 1e300, noNaN: true }),
    });
    fc.assert(fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), options, (z, o) => {
      const bz = o.beta * z;
      fc.pre(bz <= o.threshold && Number.isFinite(Math.exp(bz)));
      assert.equal(softplus(z, o), Math.log1p(Math.exp(bz)) / o.beta);
    }));
  });
  await t.step("the threshold does what its documentation says", () => {
    // Above it, z itself: too small by log1p(e^{-βz}) / β < e^{-threshold} / β.
    const z = 20.5, exact = z + Math.log1p(Math.exp(-z));
    assert.equal(softplus(z), z);
    assert.ok((exact - z) / exact < 1.1e-10 && exact > z);
    assert.equal(softplus(0.6, { threshold: 0.5 }), 0.6, "a small threshold: a visible jump");
    assert.ok(softplus(0.5, { threshold: 0.5 }) - 0.5 > 0.47);
    // From about 34 on, the switch changes no bit.
    for (let v = 34; v <= 40; v += 1 / 64) {
      assert.equal(softplus(v, { threshold: 34 }), softplus(v, { threshold: 1000 }), `${v}`);
    }
  });
});

Deno.test("tanhGrad() keeps the subnormal derivatives past |z| = 355, where cosh² overflows", () => {
  // 1 / cosh²(z) to 40 digits (mpmath), subnormal in float64.
  assert.equal(tanhGrad(360), 8.12892320967e-313);
  assert.equal(tanhGrad(-360), 8.12892320967e-313);
  assert.equal(tanhGrad(372), 3e-323);
  assert.equal(tanhGrad(375), 0);
  // Where cosh² is finite, the bits are those of 1 / cosh² as before.
  for (const z of [0.5, 3, 20, 354]) assert.equal(tanhGrad(z), 1 / Math.cosh(z) ** 2);
  const tanh = createActivation("tanh");
  assert.deepEqual(Array.from(tanh.backward([360, 372], [1, 1])), [8.12892320967e-313, 3e-323]);
});
