import assert from "node:assert/strict";
import {
  describeRecovery,
  describeSpread,
  dyingRelu,
  fromRows,
  lossSpread,
  maxFormGap,
  mlp,
  positiveFraction,
} from "../../src/mod.ts";

Deno.test("maxFormGap() is 0 up to alpha = 1 and (alpha - 1) * max(domain) above", async (t) => {
  await t.step("alpha in [0, 1]", () => {
    assert.equal(maxFormGap(0), 0);
    assert.equal(maxFormGap(1), 0);
  });
  await t.step("alpha > 1", () => {
    assert.equal(maxFormGap(3), 8);
    assert.equal(maxFormGap(2, { domain: [-1, 10] }), 10);
  });
  await t.step("bad arguments", () => {
    assert.throws(() => maxFormGap(-1), RangeError);
    assert.throws(() => maxFormGap(NaN), RangeError);
    assert.throws(() => maxFormGap(2, { samples: 1 }), RangeError);
  });
});

Deno.test("positiveFraction() counts z > 0 per activation layer", () => {
  const model = mlp([1, 2, 2, 1], { init: "zeros", biasInit: -1 });
  assert.deepEqual(positiveFraction(model, fromRows([[1], [2]])), [0, 0]);
  const x = fromRows([[1, -1], [-2, 0.5], [0.3, 0.3], [0, 1]]);
  const fractions = positiveFraction(mlp([2, 8, 8, 2], { seed: 2 }), x);
  assert.equal(fractions.length, 2);
  assert.ok(fractions.every((f) => f >= 0 && f <= 1));
});

Deno.test("lossSpread() leaves diverged runs out", () => {
  const ok = dyingRelu({ hidden: [4], epochs: 2 });
  const lost = dyingRelu({ hidden: [8], epochs: 3, learningRate: 1e6 });
  assert.equal(lost.diverged, true);
  const spread = lossSpread([ok, lost]);
  assert.deepEqual(spread, {
    mean: ok.finalLoss,
    std: 0,
    min: ok.finalLoss,
    max: ok.finalLoss,
    finished: 1,
    diverged: 1,
  });
  assert.equal(describeSpread("x", lossSpread([lost])), "x: all 1 runs diverged");
});

Deno.test("describeRecovery() totals recoveries over runs", () => {
  const runs = [dyingRelu({ hidden: [8], epochs: 1, biasInit: -100 })];
  assert.equal(
    describeRecovery({ A: runs, B: runs }),
    [
      "A: 0/8 came back (0%); 8/8 dead at the end",
      "B: 0/8 came back (0%); 8/8 dead at the end",
    ].join("\n"),
  );
  const none = [dyingRelu({ hidden: [8], epochs: 1, biasInit: 100 })];
  assert.equal(describeRecovery({ C: none }), "C: 0/0 came back; 0/8 dead at the end");
});
