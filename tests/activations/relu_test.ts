import assert from "node:assert/strict";
import fc from "fast-check";
import { createActivation, relu, reluGrad } from "@relu-lab/relu-lab";

Deno.test("relu() returns z for positive inputs and 0 for negative inputs", () => {
  assert.equal(relu(3), 3);
  assert.equal(relu(-2), 0);
  fc.assert(fc.property(fc.double({ noNaN: true }), (z) => {
    assert.ok(Object.is(relu(z), z > 0 ? z : 0));
  }));
});

Deno.test("relu() handles edge values", async (t) => {
  await t.step("NaN propagates", () => assert.ok(Number.isNaN(relu(NaN))));
  await t.step("+Infinity gives +Infinity", () => assert.equal(relu(Infinity), Infinity));
  await t.step("-Infinity gives 0", () => assert.equal(relu(-Infinity), 0));
  await t.step("+0 gives +0", () => assert.ok(Object.is(relu(0), 0)));
  await t.step("-0 gives +0", () => assert.ok(Object.is(relu(-0), 0)));
  await t.step("the smallest subnormal passes through", () => assert.equal(relu(5e-324), 5e-324));
});

Deno.test("reluGrad() returns 1 for positive inputs and 0 for negative inputs", () => {
  assert.equal(reluGrad(2), 1);
  assert.equal(reluGrad(-2), 0);
  assert.equal(reluGrad(Infinity), 1);
  assert.equal(reluGrad(-Infinity), 0);
});

Deno.test("reluGrad() follows the atZero convention exactly at 0", async (t) => {
  await t.step("default is the left derivative, 0", () => assert.equal(reluGrad(0), 0));
  await t.step("-0 counts as the kink", () => assert.equal(reluGrad(-0, { atZero: "right" }), 1));
  await t.step("right gives 1", () => assert.equal(reluGrad(0, { atZero: "right" }), 1));
  await t.step("mean gives 0.5", () => assert.equal(reluGrad(0, { atZero: "mean" }), 0.5));
  await t.step("a number is used as is", () => assert.equal(reluGrad(0, { atZero: 0.25 }), 0.25));
  await t.step("the convention does not change other inputs", () => {
    assert.equal(reluGrad(-1e-300, { atZero: "right" }), 0);
    assert.equal(reluGrad(1e-300, { atZero: "left" }), 1);
  });
  await t.step("NaN propagates", () => assert.ok(Number.isNaN(reluGrad(NaN))));
});

Deno.test("reluGrad() rejects a bad atZero with a message naming it", async (t) => {
  await t.step("an unknown string", () => {
    assert.throws(() => reluGrad(0, { atZero: "middle" as "mean" }), {
      name: "RangeError",
      message:
        'Cannot compute reluGrad as atZero must be "left", "right", "mean" or a finite number: atZero="middle"',
    });
  });
  await t.step("NaN", () => assert.throws(() => reluGrad(0, { atZero: NaN }), RangeError));
  await t.step(
    "Infinity",
    () => assert.throws(() => reluGrad(0, { atZero: Infinity }), RangeError),
  );
});

Deno.test("the relu activation object matches the scalar functions", () => {
  const activation = createActivation("relu");
  assert.equal(activation.name, "relu");
  assert.equal(activation.label, "ReLU");
  assert.deepEqual(activation.params, { atZero: "left" });
  assert.deepEqual(activation.kinks, [0]);
  fc.assert(fc.property(fc.double(), (z) => {
    assert.ok(Object.is(activation.f(z), relu(z)));
    assert.ok(Object.is(activation.grad(z), reluGrad(z)));
  }));
  const right = createActivation("relu", { atZero: "right" });
  assert.equal(right.grad(0), 1);
  assert.equal(right.label, "ReLU (f′(0) = 1)");
});
