import assert from "node:assert/strict";
import {
  adam,
  adamW,
  clipGradNorm,
  cosineDecay,
  createPrng,
  dataset,
  exponentialDecay,
  fromRows,
  gradNorm,
  mlp,
  type Optimizer,
  type Parameter,
  resolveLoss,
  resolveOptimizer,
  sgd,
  softmaxCrossEntropyValue,
  stepDecay,
  sumOfSquares,
  train,
} from "../../src/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

function param(values: number[], grads: number[], decay = true): Parameter {
  return {
    name: "p",
    value: Float64Array.from(values),
    grad: Float64Array.from(grads),
    shape: [values.length],
    decay,
  };
}

/** Runs `steps` updates on f(w) = Σ c_i w_i² / 2, whose gradient is c_i w_i. */
function minimiseQuadratic(optimizer: Optimizer, steps: number, lr: number): Float64Array {
  const c = [1, 10];
  const p = param([1, -1], [0, 0]);
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < 2; i++) p.grad[i] = c[i] * p.value[i];
    optimizer.step([p], lr);
  }
  return p.value;
}

Deno.test("sgd() steps against the gradient: w ← w - lr g", () => {
  const p = param([1, 2], [0.5, -1]);
  sgd().step([p], 0.1);
  assert.deepEqual(Array.from(p.value), [1 - 0.05, 2 + 0.1]);
});

Deno.test("sgd() with momentum follows v ← μ v + g, w ← w - lr v", () => {
  const p = param([1], [1]);
  const optimizer = sgd({ momentum: 0.9 });
  optimizer.step([p], 0.1); // v = 1, w = 0.9
  optimizer.step([p], 0.1); // v = 1.9, w = 0.71
  assert.ok(Math.abs(p.value[0] - 0.71) < 1e-15);
});

Deno.test("sgd() with Nesterov momentum steps by g + μ v", () => {
  const p = param([1], [1]);
  const optimizer = sgd({ momentum: 0.9, nesterov: true });
  optimizer.step([p], 0.1); // v = 1, step 1 + 0.9 = 1.9, w = 0.81
  optimizer.step([p], 0.1); // v = 1.9, step 1 + 1.71 = 2.71, w = 0.539
  assert.ok(Math.abs(p.value[0] - 0.539) < 1e-15);
});

Deno.test("sgd() adds L2 weight decay to the gradient of weights only", () => {
  const weights = param([2], [0]);
  const biases = param([2], [0], false);
  sgd({ weightDecay: 0.5 }).step([weights, biases], 0.1);
  assert.equal(weights.value[0], 2 - 0.1 * 0.5 * 2);
  assert.equal(biases.value[0], 2);
});

Deno.test("adam() follows the bias-corrected moment update", () => {
  const p = param([1], [0.5]);
  const optimizer = adam({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
  optimizer.step([p], 0.01);
  // Step 1: m̂ = g, v̂ = g², so the step is lr g / (|g| + ε).
  assert.ok(Math.abs(p.value[0] - (1 - 0.01 * 0.5 / (0.5 + 1e-8))) < 1e-15);
  p.grad[0] = -0.25;
  optimizer.step([p], 0.01);
  const m = 0.9 * 0.05 + 0.1 * -0.25, v = 0.999 * 0.00025 + 0.001 * 0.0625;
  const expected = 1 - 0.01 * 0.5 / (0.5 + 1e-8) -
    0.01 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
  assert.ok(Math.abs(p.value[0] - expected) < 1e-15);
});

Deno.test("adam() adds L2 weight decay to the gradient, adamW() decays the weight directly", () => {
  const coupled = param([2], [0]);
  adam({ weightDecay: 0.1 }).step([coupled], 0.01);
  // The decayed gradient λ w is normalised by Adam: the first step is lr whatever λ.
  assert.ok(Math.abs(coupled.value[0] - (2 - 0.01)) < 1e-9);
  const decoupled = param([2], [0]);
  adamW({ weightDecay: 0.1 }).step([decoupled], 0.01);
  assert.equal(decoupled.value[0], 2 - 0.01 * 0.1 * 2);
  const bias = param([2], [0], false);
  adamW({ weightDecay: 0.1 }).step([bias], 0.01);
  assert.equal(bias.value[0], 2);
});

Deno.test("every optimizer minimises an ill-conditioned quadratic", () => {
  const cases: [Optimizer, number, number][] = [
    [sgd(), 0.1, 200],
    [sgd({ momentum: 0.9 }), 0.05, 300],
    [sgd({ momentum: 0.9, nesterov: true }), 0.05, 300],
    [adam(), 0.05, 500],
    [adamW({ weightDecay: 0 }), 0.05, 500],
  ];
  for (const [optimizer, lr, steps] of cases) {
    const w = minimiseQuadratic(optimizer, steps, lr);
    assert.ok(Math.abs(w[0]) < 1e-2 && Math.abs(w[1]) < 1e-2, `${optimizer.name}: ${w}`);
  }
});

Deno.test("optimizers refuse a learning rate <= 0 or non-finite, changing nothing", async (t) => {
  const labels = ["SGD", "SGD", "Adam", "AdamW"];
  for (const [i, optimizer] of [sgd(), sgd({ momentum: 0.5 }), adam(), adamW()].entries()) {
    await t.step(optimizer.name, () => {
      const p = param([1], [1]);
      for (const lr of [0, -0.1, NaN, Infinity]) {
        assert.throws(
          () => optimizer.step([p], lr),
          (error) =>
            error instanceof RangeError &&
            error.message === `Cannot take an ${labels[i]} step as learningRate must be a finite ` +
                `number > 0: learningRate=${lr}`,
        );
      }
      assert.equal(p.value[0], 1);
    });
  }
});

Deno.test("optimizers refuse a gradient shorter than its values, naming the parameter, changing nothing", async (t) => {
  const labels = ["SGD", "SGD", "Adam", "AdamW"];
  for (const [i, optimizer] of [sgd(), sgd({ momentum: 0.5 }), adam(), adamW()].entries()) {
    await t.step(optimizer.name, () => {
      const first = param([1, 2], [0.5, 0.5]);
      const short = param([1, 2, 3], [0.5, 0.5]);
      assert.throws(() => optimizer.step([first, short], 0.1), {
        name: "RangeError",
        message: `Cannot take an ${labels[i]} step as params[1].grad must hold one value per ` +
          `params[1].value: params[1].grad.length=2, params[1].value.length=3`,
      });
      assert.deepEqual(Array.from(first.value), [1, 2]);
      assert.deepEqual(Array.from(short.value), [1, 2, 3]);
      const plain = { ...first, grad: [0.5, 0.5] as unknown as Float64Array };
      assert.throws(() => optimizer.step([plain], 0.1), {
        name: "TypeError",
        message: `Cannot take an ${labels[i]} step as params[0].grad must be a Float64Array: ` +
          "params[0].grad=[0.5, 0.5]",
      });
      // The first step taken after the refusals is the first step of a fresh optimizer.
      const again = param([1, 2], [0.5, 0.5]);
      optimizer.step([first], 0.1);
      [sgd(), sgd({ momentum: 0.5 }), adam(), adamW()][i].step([again], 0.1);
      assert.deepEqual(first.value, again.value);
    });
  }
});

Deno.test("resolveOptimizer() and resolveLoss() refuse a value of the wrong type with a TypeError showing it", () => {
  assert.throws(() => resolveOptimizer({} as never), {
    name: "TypeError",
    message:
      'Cannot resolve an optimizer as optimizer must be an Optimizer or one of "sgd", "momentum", "nesterov", "adam", "adamW": optimizer={}',
  });
  assert.throws(() => resolveOptimizer("rmsprop" as never), { name: "RangeError" });
  assert.throws(() => resolveLoss({} as never), {
    name: "TypeError",
    message:
      'Cannot resolve a loss as loss must be a Loss (name, value, valueAndGrad) or one of "mse", "meanSquaredError", "softmaxCrossEntropy", "crossEntropy", "binaryCrossEntropy"; it lacks name (a string), value (a function), valueAndGrad (a function): loss={}',
  });
  assert.throws(() => resolveLoss("hinge" as never), { name: "RangeError" });
});

Deno.test("optimizers refuse bad settings", () => {
  assert.throws(() => sgd({ momentum: 1 }), RangeError);
  assert.throws(() => sgd({ nesterov: true }), {
    name: "RangeError",
    message: "Cannot create an SGD optimizer as momentum must be > 0 with nesterov: momentum=0",
  });
  assert.throws(() => adam({ beta1: 1 }), RangeError);
  assert.throws(() => adamW({ weightDecay: -1 }), RangeError);
  assert.throws(() => resolveOptimizer("rmsprop" as "sgd"), RangeError);
});

Deno.test("an optimizer given a number says that the learning rate goes to train()", () => {
  assert.throws(() => adam(1e-3 as never), {
    name: "TypeError",
    message:
      "Cannot create an Adam optimizer as options must be an object, not a learning rate (train() takes it: train(model, data, { optimizer: adam(), learningRate: 0.001 })): options=0.001",
  });
  assert.throws(() => adamW(0.01 as never), { name: "TypeError", message: /optimizer: adamW\(\)/ });
  assert.throws(() => sgd(0.1 as never), {
    name: "TypeError",
    message: /train\(model, data, \{ optimizer: sgd\(\), learningRate: 0\.1 \}\)\): options=0\.1$/,
  });
});

Deno.test("sumOfSquares() adds four interleaved partial sums, then the tail in order", () => {
  const prng = createPrng(3);
  for (let n = 0; n <= 11; n++) {
    const v = Float64Array.from({ length: n }, () => (prng() - 0.5) * 10 ** Math.floor(prng() * 6));
    const s = [0, 0, 0, 0], quads = n - (n % 4);
    for (let i = 0; i < quads; i++) s[i % 4] += v[i] * v[i];
    let expected = (s[0] + s[1]) + (s[2] + s[3]);
    for (let i = quads; i < n; i++) expected += v[i] * v[i];
    assert.equal(sumOfSquares(v), expected, `n = ${n}`);
  }
});

Deno.test("gradNorm() adds each parameter's sum of squares in order", () => {
  // 4 first swallows each 3e-16 that follows (half an ulp of 4 is 4.4e-16); five of them first
  // add up to 1.5e-15, which 4 then keeps: the order of the parameters shows in the last bits.
  const big = param([0], [2]);
  const smalls = Array.from({ length: 5 }, () => param([0], [Math.sqrt(3e-16)]));
  assert.equal(gradNorm([big, ...smalls]), 2);
  assert.equal(gradNorm([...smalls, big]), 2.0000000000000004);
});

Deno.test("clipGradNorm() rescales gradients to the global norm and reports the norm before", () => {
  const a = param([0, 0], [3, 0]);
  const b = param([0], [4]);
  assert.equal(gradNorm([a, b]), 5);
  assert.equal(clipGradNorm([a, b], 10), 5);
  assert.deepEqual([...a.grad, ...b.grad], [3, 0, 4]);
  assert.equal(clipGradNorm([a, b], 2.5), 5);
  assert.deepEqual([...a.grad, ...b.grad], [1.5, 0, 2]);
  assert.throws(() => clipGradNorm([a], 0), RangeError);
});

Deno.test("clipGradNorm(), gradNorm() and sumOfSquares() refuse what is not gradients, in their own words", () => {
  assert.throws(() => clipGradNorm(undefined as never, 1), {
    name: "TypeError",
    message:
      "Cannot clip gradients as params must be an array of parameters { name, value, grad, ... } (model.params() gives them): params=undefined",
  });
  assert.throws(() => gradNorm([param([0], [1]), {} as never]), {
    name: "TypeError",
    message:
      "Cannot compute a gradient norm as params[1].grad must be a Float64Array: params[1]={}",
  });
  assert.throws(() => sumOfSquares([3, 4] as never), {
    name: "TypeError",
    message: "Cannot sum squares as values must be a Float64Array: values=[3, 4]",
  });
});

Deno.test("learning-rate schedules are plain functions of the epoch", async (t) => {
  await t.step("stepDecay halves every 10 epochs", () => {
    const schedule = stepDecay({ initial: 0.1 });
    assert.deepEqual([0, 9, 10, 25].map(schedule), [0.1, 0.1, 0.05, 0.025]);
  });
  await t.step("cosineDecay goes from initial to final and stays there", () => {
    const schedule = cosineDecay({ initial: 1, final: 0.1, epochs: 4 });
    assert.equal(schedule(0), 1);
    assert.ok(Math.abs(schedule(2) - 0.55) < 1e-15);
    assert.equal(schedule(4), 0.1);
    assert.equal(schedule(9), 0.1);
  });
  await t.step(
    "cosineDecay to 0 trains for its epochs, and a longer run is refused untouched",
    () => {
      const data = dataset(
        fromRows([[0.5, -1.2], [1.1, 0.3], [-0.7, 0.9]]),
        Int32Array.of(0, 1, 1),
      );
      const model = mlp([2, 3, 2], { seed: 1 });
      const weights = () => model.params().map((p) => Array.from(p.value));
      const before = weights();
      const learningRate = cosineDecay({ initial: 0.1, epochs: 3 });
      assert.throws(
        () => train(model, data, { epochs: 4, learningRate, seed: 1 }),
        /Cannot train as learningRate\(3\) must be a finite number > 0: learningRate\(3\)=0/,
      );
      assert.deepEqual(weights(), before);
      train(model, data, { epochs: 3, learningRate, seed: 1 });
      assert.notDeepEqual(weights(), before);
    },
  );
  await t.step("exponentialDecay multiplies by rate each epoch", () => {
    assert.equal(exponentialDecay({ initial: 0.5, rate: 0.5 })(2), 0.125);
  });
  await t.step("the edges of each range are accepted", () => {
    assert.deepEqual([0, 1, 2].map(stepDecay({ initial: 0.1, factor: 0.5, every: 1 })), [
      0.1,
      0.05,
      0.025,
    ]);
    assert.deepEqual([0, 30].map(stepDecay({ initial: 0.1, factor: 1 })), [0.1, 0.1]);
    assert.equal(cosineDecay({ initial: 1, final: 0, epochs: 1 })(1), 0);
    assert.deepEqual([0, 1, 2].map(cosineDecay({ initial: 0.1, final: 0.1, epochs: 2 })), [
      0.1,
      0.1,
      0.1,
    ]);
    assert.equal(exponentialDecay({ initial: 1, rate: 1 })(50), 1);
  });
  await t.step("schedules refuse an epoch that is no integer >= 0, naming the schedule", () => {
    const schedules: [string, (epoch: number) => number][] = [
      ["a step decay", stepDecay({ initial: 0.1 })],
      ["a cosine decay", cosineDecay({ initial: 0.1, epochs: 10 })],
      ["an exponential decay", exponentialDecay({ initial: 0.1, rate: 0.5 })],
    ];
    for (const [name, schedule] of schedules) {
      for (const epoch of [-1, 2.5, NaN]) {
        assert.throws(() => schedule(epoch), {
          name: "RangeError",
          message:
            `Cannot compute ${name} rate as epoch must be a finite integer >= 0: epoch=${epoch}`,
        });
      }
      assert.throws(() => schedule("3" as never), {
        name: "TypeError",
        message: `Cannot compute ${name} rate as epoch must be a finite integer >= 0: epoch="3"`,
      });
      assert.equal(schedule(0), 0.1);
    }
  });
  await t.step("schedules refuse bad settings, naming the setting and its value", () => {
    const step = "Cannot create a step decay schedule as";
    const cosine = "Cannot create a cosine decay schedule as";
    const refusals: [() => unknown, string][] = [
      [() => stepDecay({ initial: 0 }), `${step} initial must be a finite number > 0: initial=0`],
      [
        () => stepDecay({ initial: 0.1, every: 0 }),
        `${step} every must be a finite integer >= 1: every=0`,
      ],
      [
        () => stepDecay({ initial: 0.1, every: 2.5 }),
        `${step} every must be a finite integer >= 1: every=2.5`,
      ],
      [
        () => stepDecay({ initial: 0.1, factor: 0 }),
        `${step} factor must be a finite number > 0 and <= 1: factor=0`,
      ],
      [
        () => stepDecay({ initial: 0.1, factor: 1.5 }),
        `${step} factor must be a finite number > 0 and <= 1: factor=1.5`,
      ],
      [
        () => cosineDecay({ initial: 1, epochs: 0 }),
        `${cosine} epochs must be a finite integer >= 1: epochs=0`,
      ],
      [
        () => cosineDecay({ initial: 1, epochs: 1.5 }),
        `${cosine} epochs must be a finite integer >= 1: epochs=1.5`,
      ],
      [
        () => cosineDecay({ initial: 1, final: -0.1, epochs: 3 }),
        `${cosine} final must be a finite number >= 0: final=-0.1`,
      ],
      [
        () => cosineDecay({ initial: 0.1, final: 0.2, epochs: 3 }),
        `${cosine} final must be at most initial (0.1), a decay that does not rise: final=0.2`,
      ],
      [
        () => exponentialDecay({ initial: 1, rate: 0 }),
        "Cannot create an exponential decay schedule as rate must be a finite number > 0 and <= 1: rate=0",
      ],
      [
        () => exponentialDecay({ initial: 1, rate: 1.5 }),
        "Cannot create an exponential decay schedule as rate must be a finite number > 0 and <= 1: rate=1.5",
      ],
    ];
    for (const [make, message] of refusals) assert.throws(make, { name: "RangeError", message });
    assert.throws(() => stepDecay({ initial: 0.1, every: 5, period: 3 } as never), {
      name: "TypeError",
      message:
        'Cannot create a step decay schedule as options must have only the keys initial, factor, every: unknown key "period"',
    });
  });
});

Deno.test("one SGD step of train() moves each weight by -lr times its finite-difference gradient", () => {
  const x = fromRows([[0.5, -1.2], [1.1, 0.3], [-0.7, 0.9]]);
  const data = dataset(x, new Int32Array([0, 1, 1]));
  const model = mlp([2, 4, 2], { activation: "leakyRelu", seed: 8 });
  const before = model.params().map((p) => p.value.slice());
  const loss = () => softmaxCrossEntropyValue(model.predict(x), data.y as Int32Array);
  const h = 1e-6;
  const numeric = model.params().map((p) =>
    Array.from(p.value, (v, i) => {
      p.value[i] = v + h;
      const plus = loss();
      p.value[i] = v - h;
      const minus = loss();
      p.value[i] = v;
      return (plus - minus) / (2 * h);
    })
  );
  train(model, data, { epochs: 1, batchSize: 3, learningRate: 0.5, shuffle: false });
  model.params().forEach((p, k) => {
    p.value.forEach((v, i) => {
      const step = before[k][i] - v;
      const expected = 0.5 * numeric[k][i];
      assert.ok(
        Math.abs(step - expected) <= 1e-6 * Math.max(Math.abs(expected), 1e-3),
        `${p.name}[${i}]: ${step} vs ${expected}`,
      );
    });
  });
});

Deno.test("an adam() object reused for a second model updates it as a fresh one would", () => {
  const data = dataset(fromRows([[0.5, -1.2], [1.1, 0.3], [-0.7, 0.9]]), Int32Array.of(0, 1, 1));
  const options = { epochs: 3, batchSize: 2, learningRate: 0.01 };
  for (const make of [adam, adamW]) {
    const shared = make();
    train(mlp([2, 4, 2], { seed: 1 }), data, { ...options, optimizer: shared });
    const second = mlp([2, 4, 2], { seed: 2 }), fresh = mlp([2, 4, 2], { seed: 2 });
    train(second, data, { ...options, optimizer: shared });
    train(fresh, data, { ...options, optimizer: make() });
    assert.deepEqual(second.toJSON(), fresh.toJSON(), make.name);
  }
});

Deno.test("one adam() step over parameters of different step counts corrects each by its own", () => {
  for (const make of [adam, adamW]) {
    const shared = make(), alone = make(), freshB = make();
    const a = param([1, -2], [0.5, 0.25]), aAlone = param([1, -2], [0.5, 0.25]);
    for (let s = 0; s < 2; s++) {
      shared.step([a], 0.01);
      alone.step([aAlone], 0.01);
    }
    // a takes its third step and b its first in the same call.
    const b = param([3], [-0.75]), bAlone = param([3], [-0.75]);
    shared.step([a, b], 0.01);
    alone.step([aAlone], 0.01);
    freshB.step([bAlone], 0.01);
    assert.deepEqual(Array.from(a.value), Array.from(aAlone.value), `${make.name}: a`);
    assert.deepEqual(Array.from(b.value), Array.from(bAlone.value), `${make.name}: b`);
  }
});

Deno.test("sgd() refuses a nesterov flag that is not a boolean", () => {
  assert.throws(() => sgd({ momentum: 0.9, nesterov: "false" as never }), {
    name: "TypeError",
    message: 'Cannot create an SGD optimizer as nesterov must be true or false: nesterov="false"',
  });
});

Deno.test("resolveOptimizer() checks its settings instead of dropping them", async (t) => {
  await t.step("momentum for an optimizer without momentum", () => {
    for (const name of ["sgd", "adam", "adamW"] as const) {
      assert.throws(() => resolveOptimizer(name, { momentum: 0.9 }), {
        name: "TypeError",
        message:
          `Cannot resolve an optimizer as momentum applies only to the optimizers "momentum" and "nesterov": optimizer="${name}"`,
      });
    }
  });
  await t.step("settings beside an optimizer object", () => {
    assert.throws(() => resolveOptimizer(adam(), { weightDecay: 0.1 }), {
      name: "TypeError",
      message:
        "Cannot resolve an optimizer as weightDecay must be given to the optimizer's factory when optimizer is an object: weightDecay=0.1",
    });
  });
  await t.step("an unknown key or settings that are not an object", () => {
    assert.throws(() => resolveOptimizer("sgd", { decay: 0.1 } as never), {
      name: "TypeError",
      message:
        'Cannot resolve an optimizer as settings must have only the keys momentum, weightDecay: unknown key "decay"',
    });
    assert.throws(() => resolveOptimizer("momentum", 0.9 as never), {
      name: "TypeError",
      message:
        "Cannot resolve an optimizer as settings must be an object such as { momentum: 0.9 }: settings=0.9",
    });
  });
  await t.step(
    "a number for an optimizer without momentum, pointed to train()'s learning rate",
    () => {
      assert.throws(() => resolveOptimizer("adam", 0.001 as never), {
        name: "TypeError",
        message:
          'Cannot resolve an optimizer as settings must be an object, not a learning rate (train() takes it: train(model, data, { optimizer: "adam", learningRate: 0.001 })): settings=0.001',
      });
      assert.throws(() => resolveOptimizer("sgd", 0.1 as never), {
        name: "TypeError",
        message: /\{ optimizer: "sgd", learningRate: 0\.1 \}/,
      });
    },
  );
  await t.step("a setting left out takes the optimizer's own default", () => {
    assert.equal(resolveOptimizer("adamW", { weightDecay: undefined }).options.weightDecay, 0.01);
    assert.equal(resolveOptimizer("momentum").options.momentum, 0.9);
  });
});

Deno.test("the optimizer and schedule factories refuse an argument past their last, which would go unused", async (t) => {
  const cases: [string, () => unknown, string][] = [
    [
      "sgd",
      () => loose(lib.sgd)({}, { momentum: 0.9 }),
      "Cannot create an SGD optimizer as sgd takes options alone, no second argument: second={ momentum: 0.9 }",
    ],
    [
      "adam",
      () => loose(lib.adam)({}, { beta1: 0.8 }),
      "Cannot create an Adam optimizer as adam takes options alone, no second argument: second={ beta1: 0.8 }",
    ],
    [
      "adamW",
      () => loose(lib.adamW)({}, { weightDecay: 0.1 }),
      "Cannot create an AdamW optimizer as adamW takes options alone, no second argument: second={ weightDecay: 0.1 }",
    ],
    [
      "resolveOptimizer",
      () => loose(lib.resolveOptimizer)("sgd", {}, { momentum: 0.9 }),
      "Cannot resolve an optimizer as resolveOptimizer takes optimizer and settings, no third argument: third={ momentum: 0.9 }",
    ],
    [
      "stepDecay",
      () => loose(lib.stepDecay)({ initial: 0.1, every: 2 }, { factor: 0.1 }),
      "Cannot create a step decay schedule as stepDecay takes options alone, no second argument: second={ factor: 0.1 }",
    ],
    [
      "cosineDecay",
      () => loose(lib.cosineDecay)({ initial: 0.1, epochs: 10 }, { final: 0.01 }),
      "Cannot create a cosine decay schedule as cosineDecay takes options alone, no second argument: second={ final: 0.01 }",
    ],
    [
      "exponentialDecay",
      () => loose(lib.exponentialDecay)({ initial: 0.1, rate: 0.9 }, 5),
      "Cannot create an exponential decay schedule as exponentialDecay takes options alone, no second argument: second=5",
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
});
