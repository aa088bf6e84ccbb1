import assert from "node:assert/strict";
import { timeRatio } from "../../src/mod.ts";

/**
 * Runs `body` with `performance.now` replaced by a clock that only moves when the timed code
 * calls `spend(ms)`, so the timings are exact.
 */
function withFakeClock<T>(body: (spend: (ms: number) => void) => T): T {
  let now = 0;
  const real = performance.now;
  performance.now = () => now;
  try {
    return body((ms) => {
      now += ms;
    });
  } finally {
    performance.now = real;
  }
}

Deno.test("timeRatio() takes the median of the rounds' ratios, without the warm-up round", () => {
  withFakeClock((spend) => {
    let calls = 0;
    // a takes 100 ms on its first (warm-up) call, then 1, 2, 3, ... ms; b always 4 ms.
    const t = timeRatio(() => spend(calls++ === 0 ? 100 : calls - 1), () => spend(4), {
      rounds: 5,
    });
    assert.deepEqual(t.ratios, [1 / 4, 2 / 4, 3 / 4, 4 / 4, 5 / 4]);
    assert.equal(t.ratio, 3 / 4);
    assert.equal(t.aMs, 3);
    assert.equal(t.bMs, 4);
  });
});

Deno.test("timeRatio() takes turns: a first in odd rounds, b first in even ones", () => {
  withFakeClock((spend) => {
    const order: string[] = [];
    timeRatio(() => {
      order.push("a");
      spend(1);
    }, () => {
      order.push("b");
      spend(1);
    }, { rounds: 3 });
    assert.deepEqual(order.join(""), "ba" + "ab" + "ba" + "ab");
  });
});

Deno.test("timeRatio()'s rule: faster below 0.8, slower above 1.25, about the same between", async (t) => {
  const verdict = (aMs: number, bMs: number) =>
    withFakeClock((spend) => {
      const r = timeRatio(() => spend(aMs), () => spend(bMs), { rounds: 3 });
      return [r.ratio, r.faster, r.slower];
    });
  await t.step(
    "a ratio of 0.5 is faster",
    () => assert.deepEqual(verdict(1, 2), [0.5, true, false]),
  );
  await t.step(
    "0.8 exactly is not faster",
    () => assert.deepEqual(verdict(4, 5), [0.8, false, false]),
  );
  await t.step(
    "1.25 exactly is not slower",
    () => assert.deepEqual(verdict(5, 4), [1.25, false, false]),
  );
  await t.step("a ratio of 2 is slower", () => assert.deepEqual(verdict(2, 1), [2, false, true]));
});

Deno.test("timeRatio() with an even number of rounds averages the two middle ratios", () => {
  withFakeClock((spend) => {
    let calls = 0;
    const t = timeRatio(() => spend(calls++ === 0 ? 1 : calls - 1), () => spend(1), {
      rounds: 4,
    });
    assert.deepEqual(t.ratios, [1, 2, 3, 4]);
    assert.equal(t.ratio, 2.5);
  });
});

Deno.test("timeRatio() refuses bad input with what was wrong", async (t) => {
  const noop = () => {};
  await t.step("a non-function", () => {
    // @ts-expect-error: not a function
    assert.throws(() => timeRatio(noop, 3), {
      name: "TypeError",
      message: "Cannot time a against b as b must be a function: b=3",
    });
  });
  await t.step("zero rounds", () => {
    assert.throws(() => timeRatio(noop, noop, { rounds: 0 }), {
      name: "RangeError",
      message: "Cannot time a against b as rounds must be an integer >= 1: rounds=0",
    });
  });
  await t.step("an unknown option", () => {
    // @ts-expect-error: a typo
    assert.throws(() => timeRatio(noop, noop, { round: 3 }), {
      name: "TypeError",
      message:
        'Cannot time a against b as options must have only the keys rounds: unknown key "round"',
    });
  });
  await t.step("a call too short for the clock", () => {
    withFakeClock((spend) => {
      assert.throws(() => timeRatio(() => spend(1), noop, { rounds: 1 }), {
        name: "RangeError",
        message: /no measurable time .* a=1 ms, b=0 ms/,
      });
    });
  });
});
