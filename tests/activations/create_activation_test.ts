import assert from "node:assert/strict";
import {
  ACTIVATION_NAMES,
  ACTIVATION_OPTIONS,
  createActivation,
  SELU_SCALE,
} from "@relu-lab/relu-lab";
import * as lib from "@relu-lab/relu-lab";
import { loose } from "../_loose.ts";

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
  // At alpha 1 a convention other than the slopes' common value puts a jump at 0 itself.
  assert.deepEqual(createActivation("elu", { atZero: 0.3 }).kinks, [0]);
  assert.deepEqual(createActivation("elu", { atZero: "mean" }).kinks, []);
  assert.deepEqual(createActivation("sigmoid").kinks, []);
});

Deno.test("createActivation() labels tell apart activations that differ in any option", async (t) => {
  await t.step("ELU and SELU show a non-default f′(0), softplus a non-default threshold", () => {
    assert.equal(createActivation("elu").label, "ELU (α = 1)");
    assert.equal(createActivation("elu", { atZero: "right" }).label, "ELU (α = 1, f′(0) = 1)");
    assert.equal(
      createActivation("elu", { alpha: 0.5, atZero: "mean" }).label,
      "ELU (α = 0.5, f′(0) = 0.75)",
    );
    assert.equal(createActivation("selu").label, "SELU");
    assert.equal(createActivation("selu", { atZero: "right" }).label, "SELU (f′(0) = λ)");
    assert.equal(createActivation("selu", { atZero: "mean" }).label, "SELU (f′(0) = (λ + λα)/2)");
    assert.equal(
      createActivation("selu", { atZero: SELU_SCALE }).label,
      `SELU (f′(0) = ${SELU_SCALE})`,
    );
    assert.equal(createActivation("selu", { atZero: 0 }).label, "SELU (f′(0) = 0)");
    assert.equal(createActivation("softplus").label, "Softplus");
    assert.equal(createActivation("softplus", { beta: 2 }).label, "Softplus (β = 2)");
    assert.equal(
      createActivation("softplus", { threshold: 10 }).label,
      "Softplus (threshold = 10)",
    );
    assert.equal(
      createActivation("softplus", { beta: 2, threshold: 30 }).label,
      "Softplus (β = 2, threshold = 30)",
    );
  });
  await t.step("for every activation and option, a value other than the default", () => {
    const other: Record<string, number | string> = {
      alpha: 0.5,
      atZero: "right",
      beta: 2,
      threshold: 10,
      lower: 0.05,
      upper: 0.5,
    };
    for (const name of ACTIVATION_NAMES) {
      const label = createActivation(name).label;
      for (const key of ACTIVATION_OPTIONS[name]) {
        const changed = createActivation(name, { [key]: other[key] });
        assert.notEqual(changed.label, label, `${name} with ${key} = ${other[key]}`);
      }
    }
  });
});

Deno.test("createActivation() and optionsFor() refuse a third argument, which would go unused", () => {
  assert.throws(() => loose(lib.createActivation)("leakyRelu", {}, { alpha: 0.2 }), {
    name: "TypeError",
    message:
      "Cannot create an activation as createActivation takes name and options, no third argument: third={ alpha: 0.2 }",
  });
  assert.throws(() => loose(lib.optionsFor)("leakyRelu", {}, { alpha: 0.2 }), {
    name: "TypeError",
    message:
      "Cannot pick the options of an activation as optionsFor takes name and options, no third argument: third={ alpha: 0.2 }",
  });
});
