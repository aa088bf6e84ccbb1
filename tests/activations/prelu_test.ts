import assert from "node:assert/strict";
import fc from "fast-check";
import {
  leakyRelu,
  prelu,
  preluAlphaGrad,
  preluForward,
  preluGrad,
  relu,
} from "@relu-lab/relu-lab";
import { sameNumber } from "./_helpers.ts";

Deno.test("prelu() is leakyRelu() with alpha as an argument", () => {
  fc.assert(fc.property(fc.double(), fc.double({ min: 0, max: 3, noNaN: true }), (z, alpha) => {
    assert.ok(Object.is(prelu(z, alpha), leakyRelu(z, { alpha })));
  }));
  assert.equal(prelu(-2, -0.5), 1, "a negative learned slope is allowed");
});

Deno.test("prelu() handles edge values", async (t) => {
  await t.step("NaN propagates", () => assert.ok(Number.isNaN(prelu(NaN, 0.25))));
  await t.step("-Infinity with alpha = 0 is 0", () => assert.equal(prelu(-Infinity, 0), 0));
  await t.step("-Infinity with alpha > 0", () => assert.equal(prelu(-Infinity, 0.25), -Infinity));
  await t.step("bad alpha throws", () => {
    assert.throws(() => prelu(1, NaN), {
      name: "RangeError",
      message: "Cannot compute prelu as alpha must be a finite number: alpha=NaN",
    });
  });
});

Deno.test("preluGrad() returns 1 for positive inputs and alpha otherwise", async (t) => {
  await t.step("sides", () => {
    assert.equal(preluGrad(3, 0.25), 1);
    assert.equal(preluGrad(-3, 0.25), 0.25);
  });
  await t.step("exactly 0 follows atZero", () => {
    assert.equal(preluGrad(0, 0.25), 0.25);
    assert.equal(preluGrad(0, 0.25, { atZero: "right" }), 1);
    assert.equal(preluGrad(-0, 0.25, { atZero: "mean" }), 0.625);
  });
  await t.step("NaN propagates", () => assert.ok(Number.isNaN(preluGrad(NaN, 0.25))));
});

Deno.test("preluAlphaGrad() is min(z, 0)", async (t) => {
  await t.step("z for negative inputs", () => assert.equal(preluAlphaGrad(-2), -2));
  await t.step("0 for positive inputs", () => assert.equal(preluAlphaGrad(2), 0));
  await t.step("0 exactly at 0, from both sides", () => {
    assert.equal(preluAlphaGrad(0), 0);
    assert.ok(preluAlphaGrad(-0) === 0, "-0, which equals 0");
  });
  await t.step("NaN propagates", () => assert.ok(Number.isNaN(preluAlphaGrad(NaN))));
  await t.step("-Infinity gives -Infinity", () => {
    assert.equal(preluAlphaGrad(-Infinity), -Infinity);
  });
  await t.step("it is the slope derivative: (f(alpha + h) - f(alpha - h)) / 2h", () => {
    fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (z) => {
      const h = 1e-4;
      const fd = (prelu(z, 0.3 + h) - prelu(z, 0.3 - h)) / (2 * h);
      assert.ok(Math.abs(fd - preluAlphaGrad(z)) < 1e-9 * Math.max(1, Math.abs(z)));
    }));
  });
});

Deno.test("preluForward() applies one shared slope", () => {
  fc.assert(
    fc.property(fc.array(fc.double()), fc.double({ min: -1, max: 1, noNaN: true }), (xs, a) => {
      const y = preluForward(Float64Array.from(xs), a);
      xs.forEach((z, i) => assert.ok(sameNumber(y[i], prelu(z, a)), `${z}`));
      const y32 = preluForward(Float32Array.from(xs), a);
      assert.ok(y32 instanceof Float32Array);
      Float32Array.from(xs).forEach((z, i) =>
        assert.ok(sameNumber(y32[i], Math.fround(prelu(z, a))))
      );
    }),
  );
  assert.deepEqual(Array.from(preluForward([-Infinity, 2], 0)), [0, 2]);
});

Deno.test("preluForward() with one shared slope still refuses a cols that splits a row", () => {
  assert.throws(() => preluForward([-1, -2, -3], 0.5, undefined, { cols: 2 }), {
    name: "RangeError",
    message: "Cannot run preluForward as x.length must be a multiple of cols=2: x.length=3",
  });
  assert.deepEqual(Array.from(preluForward([-1, -2, -3, 4], 0.5, undefined, { cols: 2 })), [
    -0.5,
    -1,
    -1.5,
    4,
  ]);
});

Deno.test("preluForward() applies one slope per column of a row-major batch", async (t) => {
  const alpha = Float64Array.of(0.5, 0, 2);
  await t.step("each column uses its own slope", () => {
    const x = [-2, -Infinity, -1, 4, 5, -3];
    const y = preluForward(x, alpha);
    assert.deepEqual(Array.from(y), [-1, 0, -2, 4, 5, -6]);
  });
  await t.step("float32 batches and in-place output", () => {
    const x = Float32Array.of(-2, -2, -2, 1, 1, 1);
    preluForward(x, alpha, x);
    assert.deepEqual(Array.from(x), [-1, 0, -4, 1, 1, 1]);
  });
  await t.step("nonzero slopes take the branch-free kernels and agree with prelu()", () => {
    const slopes = Float64Array.of(0.1, 0.2, 3);
    fc.assert(fc.property(fc.array(fc.double(), { maxLength: 12 }), (values) => {
      const xs = values.slice(values.length % 3);
      const y = preluForward(Float64Array.from(xs), slopes);
      xs.forEach((z, i) => assert.ok(sameNumber(y[i], prelu(z, slopes[i % 3]))));
      const x32 = Float32Array.from(xs);
      const y32 = preluForward(x32, slopes);
      assert.ok(y32 instanceof Float32Array);
      x32.forEach((z, i) =>
        assert.ok(sameNumber(y32[i], Math.fround(prelu(z, slopes[i % 3]))), `${z} at ${i}`)
      );
    }));
  });
  await t.step("cols must match alpha and divide x.length", () => {
    assert.throws(() => preluForward([1, 2, 3, 4], alpha), {
      name: "RangeError",
      message: "Cannot run preluForward as x.length must be a multiple of cols=3: x.length=4",
    });
    assert.throws(() => preluForward([1, 2], alpha, undefined, { cols: 2 }), RangeError);
    assert.throws(() => preluForward([1], [0.1] as unknown as Float64Array), TypeError);
    assert.throws(() => preluForward([1, 2], Float64Array.of(NaN, 0.1)), {
      name: "RangeError",
      message: "Cannot run preluForward as alpha[0] must be a finite number: alpha[0]=NaN",
    });
  });
  await t.step("alpha = 0 everywhere is relu, a positive zero for every z <= 0", () => {
    const xs = [-1, 2, -0, -Infinity];
    const y = preluForward(xs, Float64Array.of(0));
    assert.deepEqual(Array.from(y), xs.map(relu));
    for (const y32 of [preluForward(Float32Array.from(xs), 0), preluForward(xs, 0)]) {
      Array.from(y32).forEach((v, i) => assert.ok(Object.is(v, relu(xs[i])), `${v} at ${i}`));
    }
  });
});
