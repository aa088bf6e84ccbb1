import assert from "node:assert/strict";
import fc from "fast-check";
import {
  createActivation,
  LEAKY_RELU_ALPHA,
  leakyRelu,
  leakyReluGrad,
  relu,
} from "@relu-lab/relu-lab";

Deno.test("leakyRelu() returns z for positive inputs and alpha * z otherwise", () => {
  assert.equal(LEAKY_RELU_ALPHA, 0.01);
  assert.equal(leakyRelu(3), 3);
  assert.equal(leakyRelu(-2), -0.02);
  assert.equal(leakyRelu(-2, { alpha: 0.1 }), -0.2);
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (z) => {
    assert.ok(Object.is(leakyRelu(z), z > 0 ? z : 0.01 * z));
  }));
});

Deno.test("leakyRelu() handles edge values", async (t) => {
  await t.step("NaN propagates", () => assert.ok(Number.isNaN(leakyRelu(NaN))));
  await t.step("+Infinity gives +Infinity", () => assert.equal(leakyRelu(Infinity), Infinity));
  await t.step("-Infinity gives -Infinity", () => assert.equal(leakyRelu(-Infinity), -Infinity));
  await t.step("exactly 0 gives 0", () => assert.ok(Object.is(leakyRelu(0), 0)));
  await t.step("-0 keeps its sign", () => assert.ok(Object.is(leakyRelu(-0), -0)));
  await t.step("alpha = 0 is relu, -Infinity included", () => {
    for (const z of [-Infinity, -2, -0, 0, 3, Infinity]) {
      assert.ok(Object.is(leakyRelu(z, { alpha: 0 }), relu(z)));
    }
  });
});

Deno.test("leakyRelu() rejects bad alpha with a message naming it", async (t) => {
  await t.step("NaN", () => {
    assert.throws(() => leakyRelu(1, { alpha: NaN }), {
      name: "RangeError",
      message: "Cannot compute leakyRelu as alpha must be a finite number >= 0: alpha=NaN",
    });
  });
  await t.step(
    "Infinity",
    () => assert.throws(() => leakyRelu(1, { alpha: Infinity }), RangeError),
  );
  await t.step("negative", () => assert.throws(() => leakyRelu(1, { alpha: -0.1 }), RangeError));
  await t.step("a string", () => {
    assert.throws(() => leakyRelu(1, { alpha: "0.1" as unknown as number }), {
      name: "TypeError",
      message: 'Cannot compute leakyRelu as alpha must be a finite number >= 0: alpha="0.1"',
    });
  });
  await t.step("alpha > 1 is allowed", () => assert.equal(leakyRelu(-1, { alpha: 2 }), -2));
});

Deno.test("leakyReluGrad() returns 1 for positive inputs and alpha for negative inputs", () => {
  assert.equal(leakyReluGrad(-2, { alpha: 0.01 }), 0.01);
  assert.equal(leakyReluGrad(-2), 0.01);
  assert.equal(leakyReluGrad(-2, { alpha: 0.3 }), 0.3);
  assert.equal(leakyReluGrad(2, { alpha: 0.3 }), 1);
  assert.equal(leakyReluGrad(-Infinity), 0.01);
  assert.equal(leakyReluGrad(Infinity), 1);
});

Deno.test("leakyReluGrad() follows the atZero convention exactly at 0", async (t) => {
  await t.step("default is the left derivative, alpha", () => {
    assert.equal(leakyReluGrad(0, { alpha: 0.2 }), 0.2);
  });
  await t.step("-0 counts as the kink", () => assert.equal(leakyReluGrad(-0), 0.01));
  await t.step("right gives 1", () => assert.equal(leakyReluGrad(0, { atZero: "right" }), 1));
  await t.step("mean gives (1 + alpha) / 2", () => {
    assert.equal(leakyReluGrad(0, { alpha: 0.2, atZero: "mean" }), 0.6);
  });
  await t.step("NaN propagates", () => assert.ok(Number.isNaN(leakyReluGrad(NaN))));
  await t.step("bad atZero throws", () => {
    assert.throws(() => leakyReluGrad(0, { atZero: NaN }), RangeError);
  });
});

/** The textbook shortcut max(alpha * z, z), verbatim (notebook 04 writes it the same way). */
const maxForm = (z: number, alpha: number) => Math.max(alpha * z, z);

Deno.test("leakyRelu() equals the shortcut max(alpha * z, z) for alpha <= 1", () => {
  fc.assert(
    fc.property(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.double({ noNaN: true, min: 0, max: 1 }),
      (z, alpha) => {
        // + 0 folds -0 into 0: the two forms may differ in the sign of a zero only.
        assert.equal(maxForm(z, alpha) + 0, leakyRelu(z, { alpha }) + 0);
      },
    ),
  );
  assert.equal(maxForm(5, 1), leakyRelu(5, { alpha: 1 }));
});

Deno.test("leakyRelu() differs from max(alpha * z, z) for alpha > 1, on both sides of 0", () => {
  assert.equal(maxForm(3, 2), 6);
  assert.equal(leakyRelu(3, { alpha: 2 }), 3);
  assert.equal(maxForm(-3, 2), -3);
  assert.equal(leakyRelu(-3, { alpha: 2 }), -6);
  fc.assert(
    fc.property(
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.double({ min: 1.001, max: 100, noNaN: true }),
      (z, alpha) => {
        assert.notEqual(maxForm(z, alpha), leakyRelu(z, { alpha }));
        assert.notEqual(maxForm(-z, alpha), leakyRelu(-z, { alpha }));
      },
    ),
  );
});

Deno.test("the leakyRelu activation object matches the scalar functions", () => {
  const activation = createActivation("leakyRelu", { alpha: 0.1 });
  assert.equal(activation.name, "leakyRelu");
  assert.equal(activation.label, "Leaky ReLU (α = 0.1)");
  assert.deepEqual(activation.params, { alpha: 0.1, atZero: "left" });
  assert.equal(activation.expression, "z > 0 ? z : 0.1 * z");
  fc.assert(fc.property(fc.double(), (z) => {
    assert.ok(Object.is(activation.f(z), leakyRelu(z, { alpha: 0.1 })));
    assert.ok(Object.is(activation.grad(z), leakyReluGrad(z, { alpha: 0.1 })));
  }));
  assert.equal(createActivation("leakyRelu").params.alpha, 0.01);
  assert.throws(() => createActivation("leakyRelu", { alpha: -1 }), {
    name: "RangeError",
    message: "Cannot create leakyRelu as alpha must be a finite number >= 0: alpha=-1",
  });
});
