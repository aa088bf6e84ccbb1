/**
 * The explorer's words about its settings, checked against the library's own numbers.
 */
import assert from "node:assert/strict";
import { createActivation } from "../../src/mod.ts";
import { deadCaption, type ExplorerActivationName } from "../../src/explorer/_settings.ts";

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

  await t.step("for Leaky ReLU it names the share it passes back, α", () => {
    for (const alpha of ALPHAS.filter((a) => a > 0)) {
      const caption = deadCaption({ activation: "leakyRelu", alpha });
      assert.equal(createActivation("leakyRelu", { alpha }).grad(-1), alpha);
      assert.match(caption, new RegExp(`passes back α = ${alpha} times the gradient`));
    }
  });

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
