/** What the browser tests compare with Deno. */
import assert from "node:assert/strict";
import { trainDirectly } from "../explorer/_train_directly.ts";
import type { ExplorerState } from "./_browser.ts";

/** Asserts the page's history equals train()'s for the same settings, to 1e-12 relative. */
export function assertSameNumbersAsDeno(state: ExplorerState): void {
  const expected = trainDirectly(state.settings);
  const trained = state.history.slice(1);
  assert.ok(trained.length > 0, "the page trained some epochs");
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.abs(b);
  trained.forEach((record, i) => {
    const deno = expected[i];
    assert.equal(record.epoch, deno.epoch);
    assert.ok(
      close(record.trainLoss, deno.trainLoss),
      `epoch ${record.epoch}: page loss ${record.trainLoss}, Deno ${deno.trainLoss}`,
    );
    assert.ok(close(record.testLoss, deno.testLoss!), `epoch ${record.epoch}: test loss`);
    assert.equal(record.trainAccuracy, deno.trainAccuracy);
    assert.equal(record.testAccuracy, deno.testAccuracy);
    assert.deepEqual(record.deadFraction, deno.deadFraction);
  });
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
