import assert from "node:assert/strict";
import { historyView, jupyterDisplay } from "../../src/display/mod.ts";

const history = [1, 2, 3, 4].map((epoch) => ({
  epoch,
  trainLoss: 1 / epoch,
  testLoss: 1.2 / epoch,
  trainAccuracy: 1 - 0.4 / epoch,
  testAccuracy: 1 - 0.5 / epoch,
  deadFraction: [0.05 * epoch, 0.1 * epoch],
  gradNorm: [1, 0.5],
  seconds: 0.01,
}));

Deno.test("historyView() draws loss, accuracy and dead-fraction panels", () => {
  const html = historyView(history)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<svg[^>]*class="plot-/g)?.length, 3);
  for (const label of ["Loss", "Accuracy", "Dead units", "layer 1", "layer 2", "test"]) {
    assert.ok(html.includes(label), `missing ${label}`);
  }
});

Deno.test("historyView() leaves out panels for metrics that were not measured", () => {
  const lossOnly = history.map(({ epoch, trainLoss }) => ({ epoch, trainLoss }));
  const html = historyView(lossOnly)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<svg[^>]*class="plot-/g)?.length, 1);
});

Deno.test("historyView() prints the first and last epochs as plain text", () => {
  const text = historyView(history)[jupyterDisplay]()["text/plain"];
  assert.match(text, /^Training history, 4 epochs/);
  assert.match(text, /epoch 1, trainLoss 1, testLoss 1\.2/);
  assert.match(text, /epoch 4, trainLoss 0\.25/);
});

Deno.test("historyView() rejects an empty history", () => {
  assert.throws(() => historyView([]), TypeError);
});

Deno.test("historyView() says what its records lack when there is nothing to draw", () => {
  assert.throws(() => historyView([{ epoch: 1 } as never]), {
    name: "RangeError",
    message:
      "Cannot display a training history as its records must have a finite trainLoss, testLoss, trainAccuracy, testAccuracy or deadFraction: the record has the keys epoch",
  });
  assert.throws(() => historyView([{ epoch: 1, trainLoss: NaN }, { epoch: 2, trainLoss: NaN }]), {
    name: "RangeError",
    message:
      "Cannot display a training history as its records must have a finite trainLoss, testLoss, trainAccuracy, testAccuracy or deadFraction: the 2 records have the keys epoch, trainLoss",
  });
});

Deno.test("historyView() names a record that is not an object", () => {
  assert.throws(() => historyView([history[0], null as never]), {
    name: "TypeError",
    message:
      "Cannot display a training history as history[1] must be an epoch record { epoch, trainLoss, ... }: history[1]=null",
  });
});
