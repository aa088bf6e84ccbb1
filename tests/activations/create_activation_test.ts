import assert from "node:assert/strict";
import { ACTIVATION_NAMES, createActivation } from "@relu-lab/relu-lab";

Deno.test("createActivation() rebuilds an equal object from name and params", () => {
  for (const name of ACTIVATION_NAMES) {
    const a = createActivation(name, name === "leakyRelu" ? { alpha: 0.2 } : {});
    const b = createActivation(a.name, JSON.parse(JSON.stringify(a.params)));
    assert.equal(b.label, a.label);
    assert.equal(b.expression, a.expression);
    assert.deepEqual(b.params, a.params);
  }
});

Deno.test("createActivation() applies each default", () => {
  assert.equal(createActivation("leakyRelu").params.alpha, 0.01);
  assert.equal(createActivation("prelu").params.alpha, 0.25);
  assert.equal(createActivation("elu").params.alpha, 1);
  assert.deepEqual(createActivation("softplus").params, { beta: 1, threshold: 20 });
  assert.deepEqual(createActivation("rrelu").params, {
    lower: 1 / 8,
    upper: 1 / 3,
    atZero: "left",
  });
  assert.equal(createActivation("rrelu").f(-1), -(1 / 8 + 1 / 3) / 2);
});

Deno.test("createActivation() rejects unknown names and bad parameters", async (t) => {
  await t.step("an unknown name", () => {
    assert.throws(() => createActivation("swish"), {
      name: "RangeError",
      message:
        /^Cannot create an activation as name must be one of "relu", "leakyRelu", .*: name="swish"$/,
    });
  });
  await t.step("a string alpha", () => {
    assert.throws(() => createActivation("leakyRelu", { alpha: "0.1" }), {
      name: "TypeError",
      message: 'Cannot create leakyRelu as alpha must be a finite number >= 0: alpha="0.1"',
    });
  });
  await t.step("a bad atZero", () => {
    assert.throws(() => createActivation("relu", { atZero: "middle" }), RangeError);
    assert.throws(() => createActivation("relu", { atZero: true }), TypeError);
  });
  await t.step("rrelu upper below lower", () => {
    assert.throws(() => createActivation("rrelu", { lower: 0.3, upper: 0.1 }), {
      name: "RangeError",
      message: "Cannot create rrelu as upper must be a finite number >= 0.3: upper=0.1",
    });
  });
});

Deno.test("createActivation() marks kinks where the derivative jumps", () => {
  assert.deepEqual(createActivation("relu").kinks, [0]);
  assert.deepEqual(createActivation("elu").kinks, [], "ELU with alpha = 1 is smooth at 0");
  assert.deepEqual(createActivation("elu", { alpha: 2 }).kinks, [0]);
  assert.deepEqual(createActivation("sigmoid").kinks, []);
});
