import assert from "node:assert/strict";
import {
  ACTIVATION_NAMES,
  ACTIVATION_OPTIONS,
  type ActivationName,
  createActivation,
  elu,
  eluGrad,
  erf,
  erfc,
  gelu,
  geluGrad,
  geluTanh,
  geluTanhGrad,
  identity,
  identityGrad,
  leakyRelu,
  leakyReluGrad,
  prelu,
  preluAlphaGrad,
  preluForward,
  preluGrad,
  relu,
  reluGrad,
  rrelu,
  rreluBackward,
  rreluForward,
  rreluGrad,
  selu,
  seluGrad,
  sigmoid,
  sigmoidGrad,
  silu,
  siluGrad,
  softplus,
  softplusGrad,
  tanh,
  tanhGrad,
} from "../../src/mod.ts";
import { loose } from "../_loose.ts";
import { eluActivation } from "../../src/activations/elu.ts";
import { leakyReluActivation } from "../../src/activations/leaky_relu.ts";
import { preluActivation } from "../../src/activations/prelu.ts";
import { reluActivation } from "../../src/activations/relu.ts";
import { rreluActivation } from "../../src/activations/rrelu.ts";
import { seluActivation } from "../../src/activations/selu.ts";
import { softplusActivation } from "../../src/activations/softplus.ts";

/** Every scalar activation and derivative of the public API, called on one input. */
const scalars: Record<string, (z: unknown) => number> = {
  relu: (z) => loose(relu)(z),
  reluGrad: (z) => loose(reluGrad)(z),
  leakyRelu: (z) => loose(leakyRelu)(z),
  leakyReluGrad: (z) => loose(leakyReluGrad)(z),
  prelu: (z) => loose(prelu)(z, 0.25),
  preluGrad: (z) => loose(preluGrad)(z, 0.25),
  preluAlphaGrad: (z) => loose(preluAlphaGrad)(z),
  rrelu: (z) => loose(rrelu)(z),
  rreluGrad: (z) => loose(rreluGrad)(z),
  elu: (z) => loose(elu)(z),
  eluGrad: (z) => loose(eluGrad)(z),
  selu: (z) => loose(selu)(z),
  seluGrad: (z) => loose(seluGrad)(z),
  softplus: (z) => loose(softplus)(z),
  softplusGrad: (z) => loose(softplusGrad)(z),
  gelu: (z) => loose(gelu)(z),
  geluGrad: (z) => loose(geluGrad)(z),
  geluTanh: (z) => loose(geluTanh)(z),
  geluTanhGrad: (z) => loose(geluTanhGrad)(z),
  silu: (z) => loose(silu)(z),
  siluGrad: (z) => loose(siluGrad)(z),
  sigmoid: (z) => loose(sigmoid)(z),
  sigmoidGrad: (z) => loose(sigmoidGrad)(z),
  tanh: (z) => loose(tanh)(z),
  tanhGrad: (z) => loose(tanhGrad)(z),
  identity: (z) => loose(identity)(z),
  identityGrad: (z) => loose(identityGrad)(z),
  erf: (z) => loose(erf)(z),
  erfc: (z) => loose(erfc)(z),
};

Deno.test("every scalar activation and derivative refuses a non-number input", async (t) => {
  for (const [name, call] of Object.entries(scalars)) {
    await t.step(
      `${name}("a"), ${name}(null), ${name}(2n) and ${name}([1]) throw TypeError`,
      () => {
        const parameter = name.startsWith("erf") ? "x" : "z";
        assert.throws(() => call("a"), {
          name: "TypeError",
          message: `Cannot compute ${name} as ${parameter} must be a number: ${parameter}="a"`,
        });
        for (const value of [null, undefined, 2n, [1], { valueOf: () => 1 }, true]) {
          assert.throws(() => call(value), TypeError, `${name}(${String(value)})`);
        }
      },
    );
  }
});

Deno.test("every scalar activation still takes NaN and ±Infinity (they propagate)", () => {
  for (const [name, call] of Object.entries(scalars)) {
    assert.ok(Number.isNaN(call(NaN)), `${name}(NaN)`);
    for (const z of [Infinity, -Infinity]) assert.equal(typeof call(z), "number", `${name}(${z})`);
  }
});

Deno.test("activation objects' f and grad refuse a non-number input too", () => {
  for (const name of ACTIVATION_NAMES) {
    const activation = createActivation(name);
    assert.throws(() => loose(activation.f)("a"), {
      name: "TypeError",
      message: `Cannot compute ${name} as z must be a number: z="a"`,
    });
    assert.throws(() => loose(activation.grad)("a"), {
      name: "TypeError",
      message: `Cannot compute the derivative of ${name} as z must be a number: z="a"`,
    });
    // Numbers still pass: at z = 1 every activation is finite, and its slope there positive.
    assert.ok(Number.isFinite(loose(activation.f)(1)), name);
    assert.ok(loose(activation.grad)(1) > 0, name);
  }
});

Deno.test("a number where options are expected is refused, not taken as alpha", async (t) => {
  await t.step("leakyRelu(-2, 0.2) (PyTorch's F.leaky_relu(x, 0.2)) says how to write it", () => {
    assert.throws(() => loose(leakyRelu)(-2, 0.2), {
      name: "TypeError",
      message: "Cannot compute leakyRelu as options must be an object such as { alpha: 0.2 }: " +
        "options=0.2",
    });
  });
  const calls: Record<string, (options: unknown) => unknown> = {
    leakyReluGrad: (o) => loose(leakyReluGrad)(-2, o),
    elu: (o) => loose(elu)(-2, o),
    eluGrad: (o) => loose(eluGrad)(-2, o),
    reluGrad: (o) => loose(reluGrad)(0, o),
    seluGrad: (o) => loose(seluGrad)(0, o),
    softplus: (o) => loose(softplus)(1, o),
    softplusGrad: (o) => loose(softplusGrad)(1, o),
    rrelu: (o) => loose(rrelu)(-1, o),
    rreluGrad: (o) => loose(rreluGrad)(-1, o),
    preluGrad: (o) => loose(preluGrad)(0, 0.25, o),
    preluForward: (o) => (preluForward as (...args: unknown[]) => unknown)([1], 0.25, undefined, o),
    rreluForward: (o) => (rreluForward as (...args: unknown[]) => unknown)([1], o),
    createActivation: (o) => createActivation("leakyRelu", o as never),
  };
  for (const [name, call] of Object.entries(calls)) {
    await t.step(`${name} refuses 0.2, "left", null and an array`, () => {
      for (const options of [0.2, "left", null, [0.2]]) {
        assert.throws(() => call(options), {
          name: "TypeError",
          message: /must be an object such as/,
        }, `${name}(…, ${JSON.stringify(options)})`);
      }
    });
  }
});

Deno.test("an unknown option key is refused, naming it and the known keys", async (t) => {
  await t.step("leakyRelu(-2, { alfa: 0.2 })", () => {
    assert.throws(() => loose(leakyRelu)(-2, { alfa: 0.2 }), {
      name: "TypeError",
      message:
        'Cannot compute leakyRelu as options must have only the keys alpha: unknown key "alfa"',
    });
  });
  await t.step("leakyReluGrad(0, { alpha: 0.1, atzero: 'right' })", () => {
    assert.throws(() => loose(leakyReluGrad)(0, { alpha: 0.1, atzero: "right" }), {
      name: "TypeError",
      message: "Cannot compute leakyReluGrad as options must have only the keys alpha, atZero: " +
        'unknown key "atzero"',
    });
  });
  await t.step("two unknown keys are both named", () => {
    assert.throws(() => loose(eluGrad)(0, { a: 1, b: 2 }), {
      name: "TypeError",
      message: "Cannot compute eluGrad as options must have only the keys alpha, atZero: " +
        'unknown keys "a", "b"',
    });
  });
  await t.step("a key set to undefined counts (a typo is a typo)", () => {
    assert.throws(() => loose(reluGrad)(0, { atzero: undefined }), TypeError);
  });
  const calls: Record<string, (options: unknown) => unknown> = {
    reluGrad: (o) => loose(reluGrad)(0, o),
    elu: (o) => loose(elu)(1, o),
    seluGrad: (o) => loose(seluGrad)(1, o),
    softplus: (o) => loose(softplus)(1, o),
    softplusGrad: (o) => loose(softplusGrad)(1, o),
    rrelu: (o) => loose(rrelu)(1, o),
    rreluGrad: (o) => loose(rreluGrad)(1, o),
    preluGrad: (o) => loose(preluGrad)(1, 0.25, o),
    preluForward: (o) => (preluForward as (...args: unknown[]) => unknown)([1], 0.25, undefined, o),
    rreluForward: (o) => (rreluForward as (...args: unknown[]) => unknown)([1], o),
  };
  for (const [name, call] of Object.entries(calls)) {
    await t.step(`${name} refuses { bogus: 1 }`, () => {
      assert.throws(() => call({ bogus: 1 }), {
        name: "TypeError",
        message: /unknown key "bogus"/,
      });
    });
  }
});

Deno.test("the documented keys are still accepted", () => {
  assert.equal(leakyRelu(-2, { alpha: 0.2 }), -0.4);
  assert.equal(leakyReluGrad(0, { alpha: 0.2, atZero: "right" }), 1);
  assert.equal(reluGrad(0, { atZero: "mean" }), 0.5);
  assert.equal(elu(-Infinity, { alpha: 0.5 }), -0.5);
  assert.equal(eluGrad(0, { alpha: 0.5, atZero: "left" }), 0.5);
  assert.equal(softplus(100, { beta: 2, threshold: 20 }), 100);
  assert.equal(rrelu(-1, { lower: 0.2, upper: 0.2, training: false, seed: 1 }), -0.2);
  assert.equal(rreluGrad(-1, { slope: 0.3, atZero: "left" }), 0.3);
  assert.equal(preluGrad(0, 0.25, { atZero: "right" }), 1);
  assert.deepEqual(
    Array.from(preluForward([-2, -2], Float64Array.of(0.5, 0.25), undefined, { cols: 2 })),
    [-1, -0.5],
  );
});

Deno.test("createActivation() takes exactly the options ACTIVATION_OPTIONS lists", async (t) => {
  const valid: Record<string, unknown> = {
    alpha: 0.5,
    atZero: "right",
    beta: 2,
    threshold: 10,
    lower: 0.1,
    upper: 0.2,
  };
  const takers = (key: string) =>
    ACTIVATION_NAMES.filter((name) =>
      (ACTIVATION_OPTIONS[name] as readonly string[]).includes(key)
    );
  for (const name of ACTIVATION_NAMES) {
    await t.step(`${name} takes ${ACTIVATION_OPTIONS[name].join(", ") || "no option"}`, () => {
      const keys: readonly string[] = ACTIVATION_OPTIONS[name];
      for (const key of keys) {
        const activation = createActivation(name, { [key]: valid[key] });
        assert.equal(activation.params[key], valid[key], `${name} ${key}`);
      }
      // Its parameters rebuild it: they name only keys it takes.
      const activation = createActivation(name);
      assert.deepEqual(createActivation(name, activation.params).params, activation.params);
      for (const key of Object.keys(valid).filter((key) => !keys.includes(key))) {
        assert.throws(() => createActivation(name, { [key]: valid[key] }), {
          name: "TypeError",
          message: `Cannot create ${name} as ${key} is not one of its options (${
            keys.length === 0 ? "it takes none" : keys.join(", ")
          }): ${key} applies to ${takers(key).join(", ")}`,
        });
      }
      assert.throws(() => createActivation(name, { bogus: 1 }), {
        name: "TypeError",
        message: /unknown key "bogus"/,
      });
    });
  }
});

Deno.test("createActivation() still refuses an unknown name with a RangeError", () => {
  assert.throws(() => createActivation("relu6" as ActivationName), {
    name: "RangeError",
    message: /name must be one of "relu", "leakyRelu"/,
  });
});

Deno.test("forward() and backward() refuse an out that is not a Float64Array or Float32Array", async (t) => {
  const relu = createActivation("relu");
  const refuse = (call: () => unknown, direction: string, seen: string) =>
    assert.throws(call, {
      name: "TypeError",
      message: `Cannot run relu ${direction} as out must be a Float64Array or a Float32Array: ` +
        `out=${seen}`,
    });
  await t.step("an Int32Array (it would round, or wrap, every value)", () => {
    refuse(() => relu.forward([5, -5], new Int32Array(2) as never), "forward", "Int32Array(2)");
    refuse(
      () => relu.backward([1, -2], [0.5, 0.5], new Int32Array(2) as never),
      "backward",
      "Int32Array(2)",
    );
  });
  await t.step("a Uint8Array, a plain array, an array-like object and null", () => {
    refuse(() => relu.forward([1, -2, 3], new Uint8Array(3) as never), "forward", "Uint8Array(3)");
    refuse(() => relu.forward([1, -2], [0, 0] as never), "forward", "Array(2)");
    refuse(() => relu.forward([1, -2], { length: 2 } as never), "forward", "Object");
    refuse(() => relu.forward([1, -2], null as never), "forward", "null");
    refuse(() => relu.backward([1, -2], [1, 1], [0, 0] as never), "backward", "Array(2)");
  });
  await t.step("an object whose class cannot be read, or is a class of its own", () => {
    const refusing = new Proxy({}, {
      get() {
        throw new Error("no reading");
      },
    });
    refuse(() => relu.forward([1, -2], refusing as never), "forward", "Object");
    class Buffer2 {
      length = 2;
    }
    refuse(() => relu.forward([1, -2], new Buffer2() as never), "forward", "Buffer2");
  });
  await t.step("every activation", () => {
    for (const name of ACTIVATION_NAMES) {
      const activation = createActivation(name);
      assert.throws(() => activation.forward([1], new Int16Array(1) as never), {
        name: "TypeError",
        message: `Cannot run ${name} forward as out must be a Float64Array or a Float32Array: ` +
          "out=Int16Array(1)",
      });
      assert.throws(() => activation.backward([1], [1], new Uint32Array(1) as never), TypeError);
    }
  });
  await t.step("preluForward, rreluForward and rreluBackward", () => {
    assert.throws(() => preluForward([1], 0.25, new Int32Array(1) as never), {
      name: "TypeError",
      message:
        "Cannot run preluForward as out must be a Float64Array or a Float32Array: out=Int32Array(1)",
    });
    assert.throws(() => rreluForward([1], {}, [0] as never), {
      name: "TypeError",
      message:
        "Cannot run rreluForward as out must be a Float64Array or a Float32Array: out=Array(1)",
    });
    assert.throws(() => rreluBackward([1], [1], new Int8Array(1) as never), {
      name: "TypeError",
      message:
        "Cannot run rreluBackward as out must be a Float64Array or a Float32Array: out=Int8Array(1)",
    });
  });
});

Deno.test("forward() and backward() refuse an x, gradOut or y that is no array of numbers", async (t) => {
  const relu = createActivation("relu");
  await t.step("a length that is no integer >= 0", () => {
    for (const length of [-1, 1.5, NaN, Infinity]) {
      assert.throws(() => relu.forward({ length } as never), {
        name: "RangeError",
        message: `Cannot run relu forward as x.length must be an integer >= 0: x.length=${length}`,
      });
    }
    assert.throws(() => relu.backward({ length: -1 } as never, []), {
      name: "RangeError",
      message: "Cannot run relu backward as x.length must be an integer >= 0: x.length=-1",
    });
    assert.throws(() => relu.backward([1, 2], { length: -1 } as never), {
      name: "RangeError",
      message: "Cannot run relu backward as gradOut must have 2 elements: gradOut.length=-1",
    });
  });
  await t.step("an element that is not a number (it would become NaN)", () => {
    assert.throws(() => relu.forward([1, "a"] as never), {
      name: "TypeError",
      message: 'Cannot run relu forward as x must be an array of numbers: x[1]="a"',
    });
    assert.throws(() => relu.forward({ length: 2 } as never), {
      name: "TypeError",
      message: "Cannot run relu forward as x must be an array of numbers: x[0]=undefined",
    });
    assert.throws(() => relu.backward([1, 2], [1, null] as never), {
      name: "TypeError",
      message: "Cannot run relu backward as gradOut must be an array of numbers: gradOut[1]=null",
    });
    assert.throws(
      () => createActivation("sigmoid").backward([1], [1], undefined, ["0.5"] as never),
      {
        name: "TypeError",
        message: 'Cannot run sigmoid backward as y must be an array of numbers: y[0]="0.5"',
      },
    );
    assert.throws(() => preluForward([true] as never, 0.25), {
      name: "TypeError",
      message: "Cannot run preluForward as x must be an array of numbers: x[0]=true",
    });
  });
  await t.step("number arrays and typed arrays of any number type still pass", () => {
    assert.deepEqual(Array.from(relu.forward([1, -2, NaN])), [1, 0, NaN]);
    assert.deepEqual(Array.from(relu.forward(Int8Array.of(-3, 4))), [0, 4]);
    assert.deepEqual(Array.from(relu.backward(Int8Array.of(-3, 4), Uint8Array.of(2, 2))), [0, 2]);
  });
});

Deno.test("reluGrad, leakyReluGrad, preluGrad and rreluGrad check atZero whatever z is", () => {
  const calls: Record<string, (z: number) => unknown> = {
    reluGrad: (z) => loose(reluGrad)(z, { atZero: "bogus" }),
    leakyReluGrad: (z) => loose(leakyReluGrad)(z, { atZero: "bogus" }),
    preluGrad: (z) => loose(preluGrad)(z, 0.25, { atZero: "bogus" }),
    rreluGrad: (z) => loose(rreluGrad)(z, { atZero: "bogus" }),
  };
  for (const [name, call] of Object.entries(calls)) {
    for (const z of [1, -1, 0, NaN, Infinity]) {
      assert.throws(() => call(z), {
        name: "RangeError",
        message: `Cannot compute ${name} as atZero must be "left", "right", "mean" or a finite ` +
          `number: atZero="bogus"`,
      }, `${name}(${z})`);
    }
  }
});

Deno.test("rreluGrad checks slope whatever z is", () => {
  for (const z of [1, -1, 0, NaN]) {
    assert.throws(() => loose(rreluGrad)(z, { slope: "abc" }), {
      name: "TypeError",
      message: 'Cannot compute rreluGrad as slope must be a finite number >= 0: slope="abc"',
    }, `rreluGrad(${z})`);
    assert.throws(() => loose(rreluGrad)(z, { slope: NaN }), {
      name: "RangeError",
      message: "Cannot compute rreluGrad as slope must be a finite number >= 0: slope=NaN",
    });
  }
  assert.equal(rreluGrad(-1, { slope: 0.2 }), 0.2, "a good slope still works");
});

Deno.test("null is refused, not taken for the default, by createActivation and each function", async (t) => {
  await t.step("every option of createActivation", () => {
    for (const name of ACTIVATION_NAMES) {
      for (const key of ACTIVATION_OPTIONS[name]) {
        assert.throws(() => createActivation(name, { [key]: null }), {
          name: "TypeError",
          message: new RegExp(`^Cannot create ${name} as ${key} must .*: ${key}=null$`),
        }, `${name} ${key}`);
      }
    }
  });
  await t.step("the activation factories themselves", () => {
    const factories: [string, (options: never) => unknown, string[]][] = [
      ["relu", reluActivation, ["atZero"]],
      ["leakyRelu", leakyReluActivation, ["alpha", "atZero"]],
      ["prelu", preluActivation, ["alpha", "atZero"]],
      ["rrelu", rreluActivation, ["lower", "upper", "atZero"]],
      ["elu", eluActivation, ["alpha", "atZero"]],
      ["selu", seluActivation, ["atZero"]],
      ["softplus", softplusActivation, ["beta", "threshold"]],
    ];
    for (const [name, factory, keys] of factories) {
      for (const key of keys) {
        assert.throws(() => factory({ [key]: null } as never), {
          name: "TypeError",
          message: new RegExp(`^Cannot create ${name} as ${key} must be .*: ${key}=null$`),
        }, `${name} ${key}`);
      }
    }
  });
  await t.step("the scalar functions and array kernels", () => {
    const calls: [string, string, () => unknown][] = [
      ["leakyRelu", "alpha", () => loose(leakyRelu)(-1, { alpha: null })],
      ["elu", "alpha", () => loose(elu)(-1, { alpha: null })],
      ["reluGrad", "atZero", () => loose(reluGrad)(0, { atZero: null })],
      ["seluGrad", "atZero", () => loose(seluGrad)(0, { atZero: null })],
      ["softplus", "beta", () => loose(softplus)(1, { beta: null })],
      ["rrelu", "lower", () => loose(rrelu)(-1, { lower: null })],
      ["rrelu", "upper", () => loose(rrelu)(-1, { upper: null })],
      ["rreluGrad", "slope", () => loose(rreluGrad)(-1, { slope: null })],
      ["rreluGrad", "atZero", () => loose(rreluGrad)(0, { atZero: null })],
    ];
    for (const [name, key, call] of calls) {
      assert.throws(call, {
        name: "TypeError",
        message: new RegExp(`^Cannot compute ${name} as ${key} must .*: ${key}=null$`),
      }, `${name} ${key}`);
    }
    assert.throws(
      () => preluForward([1, 2], Float64Array.of(0.1, 0.2), undefined, { cols: null as never }),
      { name: "TypeError", message: /^Cannot run preluForward as cols must .*: cols=null$/ },
    );
    assert.throws(() => rreluForward([1], {}, undefined, null as never), {
      name: "TypeError",
      message: "Cannot run rreluForward as slopesOut must be a Float64Array: slopesOut=null",
    });
  });
});

Deno.test("rrelu's training flag must be a boolean, not a string or a number", () => {
  assert.throws(() => loose(rrelu)(-1, { training: "false", seed: 1 }), {
    name: "TypeError",
    message: 'Cannot compute rrelu as training must be true or false: training="false"',
  });
  assert.throws(() => loose(rreluGrad)(-1, { training: 1, seed: 1 }), {
    name: "TypeError",
    message: "Cannot compute rreluGrad as training must be true or false: training=1",
  });
  assert.throws(
    () => (rreluForward as (...args: unknown[]) => unknown)([-1], { training: "true", seed: 1 }),
    {
      name: "TypeError",
      message: 'Cannot run rreluForward as training must be true or false: training="true"',
    },
  );
  assert.equal(rrelu(-1, { training: false, seed: 1 }), -(1 / 8 + 1 / 3) / 2);
});

Deno.test("the array forms refuse an argument after their last, which they would ignore", async (t) => {
  const relu = createActivation("relu"), x = Float64Array.of(1, -2), ones = Float64Array.of(1, 1);
  const cases: [string, string, () => unknown][] = [
    [
      "run relu forward as forward takes x and out, no third argument: third=7",
      "forward",
      () => loose(relu.forward.bind(relu))(x, undefined, 7),
    ],
    [
      "run relu backward as backward takes x, gradOut, out and y, no fifth argument: fifth=7",
      "backward",
      () => loose(relu.backward.bind(relu))(x, ones, undefined, undefined, 7),
    ],
    [
      "run preluForward as preluForward takes x, alpha, out and options, no fifth argument: fifth=7",
      "preluForward",
      () => loose(preluForward)(x, 0.1, undefined, {}, 7),
    ],
    [
      "run rreluForward as rreluForward takes x, options, out and slopesOut, no fifth argument: fifth=7",
      "rreluForward",
      () => loose(rreluForward)(x, {}, undefined, undefined, 7),
    ],
    [
      "run rreluBackward as rreluBackward takes gradOut, slopes and out, no fourth argument: fourth=7",
      "rreluBackward",
      () => loose(rreluBackward)(ones, ones, undefined, 7),
    ],
  ];
  for (const [message, name, call] of cases) {
    await t.step(name, () => {
      assert.throws(call, { name: "TypeError", message: `Cannot ${message}` });
    });
  }
});
