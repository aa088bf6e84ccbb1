/**
 * The explorer's words about its settings, checked against the library's own numbers.
 */
import assert from "node:assert/strict";
import { createActivation } from "../../src/mod.ts";
import {
  deadCaption,
  type ExploreOptions,
  EXPLORER_DEFAULTS,
  type ExplorerActivationName,
  MAX_LAYERS,
  MAX_WIDTH,
  resolveExplorerSettings,
  seedRefusal,
  typedSeed,
} from "../../src/explorer/_settings.ts";

const ALPHAS = [0, 0.001, 0.01, 0.1, 0.5, 1];
const NO_GRADIENT = /passes no gradient back to it: it comes back only if the layers before it/;

Deno.test("deadCaption() says what the hidden activation passes back to a dead neuron", async (t) => {
  await t.step(
    "for ReLU, Leaky ReLU and ELU it says the neuron gets no gradient exactly when the derivative below 0 is 0",
    () => {
      const names: ExplorerActivationName[] = ["relu", "leakyRelu", "elu"];
      for (const activation of names) {
        for (const alpha of ALPHAS) {
          // Built here from the public API, not with the explorer's own activationOf(), so that
          // a wrong activationOf() cannot make the caption and its check agree.
          const f = activation === "relu"
            ? createActivation("relu")
            : createActivation(activation, { alpha });
          const passesNothing = [-0.01, -1, -3].every((z) => f.grad(z) === 0);
          const caption = deadCaption({ activation, alpha });
          assert.equal(
            NO_GRADIENT.test(caption),
            passesNothing,
            `${f.label}: f'(-1) = ${f.grad(-1)}, caption: ${caption}`,
          );
        }
      }
    },
  );

  await t.step("where nothing passes back, it says why: ReLU's zero, or α = 0", () => {
    assert.match(deadCaption({ activation: "relu", alpha: 0.3 }), / ReLU outputs 0 there and /);
    assert.match(
      deadCaption({ activation: "leakyRelu", alpha: 0 }),
      / Leaky ReLU at α = 0 is ReLU there and /,
    );
    assert.match(deadCaption({ activation: "elu", alpha: 0 }), / ELU at α = 0 is ReLU there and /);
  });

  await t.step("for Leaky ReLU it names the share it passes back, α", () => {
    for (const alpha of ALPHAS.filter((a) => a > 0)) {
      const caption = deadCaption({ activation: "leakyRelu", alpha });
      assert.equal(createActivation("leakyRelu", { alpha }).grad(-1), alpha);
      assert.match(caption, new RegExp(`passes back α = ${alpha} times the gradient`));
    }
  });

  await t.step(
    "for ELU it says where α·e^z underflows to 0, and the slope is 0 only below that",
    () => {
      for (const alpha of ALPHAS.filter((a) => a > 0)) {
        const caption = deadCaption({ activation: "elu", alpha });
        const said = caption.match(/0 in float64 only below z ≈ −(\d+), where it underflows/);
        assert.ok(said, caption);
        const below = -Number(said[1]);
        const f = createActivation("elu", { alpha });
        assert.ok(f.grad(below + 1) > 0, `${f.label}: f'(${below + 1}) = ${f.grad(below + 1)}`);
        assert.equal(f.grad(below - 1), 0, `${f.label}: f'(${below - 1})`);
      }
    },
  );

  await t.step("for PReLU it says the slope is learned from the α it starts at, even 0", () => {
    for (const alpha of ALPHAS) {
      const caption = deadCaption({ activation: "prelu", alpha });
      assert.match(caption, new RegExp(`starts at α = ${alpha} and is learned`));
      assert.doesNotMatch(caption, NO_GRADIENT);
    }
  });

  await t.step("every caption starts with the one rule the chart counts by", () => {
    for (const activation of ["relu", "leakyRelu", "prelu", "elu"] as const) {
      assert.match(
        deadCaption({ activation, alpha: 0.1 }),
        /^A neuron counts as dead when its pre-activation z is ≤ 0 on every training point\. /,
      );
    }
  });
});

Deno.test("resolveExplorerSettings() takes the values at the edges of every range, as given", () => {
  const edges: ExploreOptions[] = [
    { alpha: 0 },
    { alpha: 1 },
    { learningRate: 10 },
    { learningRate: Number.MIN_VALUE },
    { biasInit: -5 },
    { biasInit: 5 },
    { hidden: [1] },
    { hidden: Array(MAX_LAYERS).fill(MAX_WIDTH) },
    { noise: 0 },
    { noise: 1 },
    { n: 20 },
    { n: 1000 },
    { testFraction: 0.1 },
    { testFraction: 0.9 },
    { batchSize: 1 },
    { batchSize: 1000 },
    { epochs: 1 },
    { epochs: 5000 },
    { seed: Number.MAX_SAFE_INTEGER },
    { seed: Number.MIN_SAFE_INTEGER },
    { activation: "relu", optimizer: "adam", dataset: "xor" },
  ];
  for (const options of edges) {
    assert.deepEqual(resolveExplorerSettings(options), { ...EXPLORER_DEFAULTS, ...options });
  }
  assert.deepEqual(resolveExplorerSettings({ alpha: undefined }), EXPLORER_DEFAULTS);
});

Deno.test("deadCaption() writes α as the activation chart does, not 0.30000000000000004", () => {
  const alpha = 0.1 + 0.2;
  for (const activation of ["leakyRelu", "prelu", "elu"] as const) {
    const caption = deadCaption({ activation, alpha });
    assert.match(caption, /α(·e\^z)? = 0\.3(·e\^z)? /, `${activation}: ${caption}`);
    assert.doesNotMatch(caption, /0\.3000/, activation);
  }
  assert.match(deadCaption({ activation: "leakyRelu", alpha: 0.1234 }), /α = 0\.1234 times/);
});

Deno.test("typedSeed() takes a whole number within ±(2^53 − 1) and refuses the rest", () => {
  for (const seed of [0, 7, -2, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
    assert.equal(typedSeed(seed), seed);
  }
  assert.ok(Object.is(typedSeed(-0), 0), "-0 is seed 0");
  // Fractions are refused, not rounded (2.5 would have become 3, -2.5 -2 and 0.4 0).
  for (const seed of [2.5, -2.5, 0.4, -2.4, NaN, 1e20, Number.MAX_SAFE_INTEGER + 1, Infinity]) {
    assert.equal(typedSeed(seed), undefined, `typed ${seed}`);
  }
});

Deno.test("seedRefusal() says what a seed must be, what was typed and the seed kept", () => {
  assert.equal(
    seedRefusal("2.5", 0),
    "The seed must be a whole number within ±(2^53 − 1), not 2.5; the run keeps seed 0.",
  );
  assert.equal(
    seedRefusal("", -2),
    "The seed must be a whole number within ±(2^53 − 1), not empty; the run keeps seed -2.",
  );
  // Text the field cannot read (1e400, --5) leaves its value empty: said so, not "empty".
  assert.equal(
    seedRefusal("", -2, true),
    "The seed must be a whole number within ±(2^53 − 1); what was typed is no number; the run keeps seed -2.",
  );
});
