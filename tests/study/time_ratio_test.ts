import assert from "node:assert/strict";
import { timeRatio } from "../../src/mod.ts";

/**
 * Runs `body` with a fake clock for timeRatio's `clock` option, which only moves when the timed
 * code calls `spend(ms)`, so the timings are exact.
 */
function withFakeClock<T>(body: (spend: (ms: number) => void, clock: () => number) => T): T {
  let now = 0;
  return body((ms) => {
    now += ms;
  }, () => now);
}

/**
 * timeRatio over `rounds` rounds of an `a` that takes `warmUpMs` on its first (warm-up) call,
 * then 1, 2, 3, ... ms, against a `b` that always takes `bMs`.
 */
function risingA(rounds: number, warmUpMs: number, bMs: number) {
  return withFakeClock((spend, clock) => {
    let calls = 0;
    return timeRatio(() => spend(calls++ === 0 ? warmUpMs : calls - 1), () => spend(bMs), {
      rounds,
      batchMs: 0,
      clock,
    });
  });
}

Deno.test("timeRatio() takes the median of the rounds' ratios, without the warm-up round", () => {
  const t = risingA(5, 100, 4);
  assert.deepEqual(t.ratios, [1 / 4, 2 / 4, 3 / 4, 4 / 4, 5 / 4]);
  assert.equal(t.ratio, 3 / 4);
  assert.equal(t.aMs, 3);
  assert.equal(t.bMs, 4);
});

Deno.test("timeRatio() takes turns: a first in odd rounds, b first in even ones", () => {
  withFakeClock((spend, clock) => {
    const order: string[] = [];
    timeRatio(() => {
      order.push("a");
      spend(1);
    }, () => {
      order.push("b");
      spend(1);
    }, { rounds: 3, batchMs: 0, clock });
    assert.deepEqual(order.join(""), "ba" + "ab" + "ba" + "ab"); // the warm-up, then 3 rounds
  });
});

Deno.test("timeRatio()'s rule: faster below 0.8, slower above 1.25, about the same between", async (t) => {
  const verdict = (aMs: number, bMs: number) =>
    withFakeClock((spend, clock) => {
      const r = timeRatio(() => spend(aMs), () => spend(bMs), { rounds: 3, batchMs: 0, clock });
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
  const t = risingA(4, 1, 1);
  assert.deepEqual(t.ratios, [1, 2, 3, 4]);
  assert.equal(t.ratio, 2.5);
});

Deno.test("timeRatio() times batches of calls lasting batchMs, sized from the warm-up call and measured", () => {
  withFakeClock((spend, clock) => {
    let aCalls = 0;
    const t = timeRatio(
      () => {
        aCalls++;
        spend(2);
      },
      () => spend(5),
      { rounds: 3, batchMs: 20, clock },
    );
    assert.equal(t.calls, 4); // 20 ms over the slower warm-up call's 5 ms
    assert.equal(aCalls, 1 + 4 + 3 * 4); // the warm-up, the batch of 4 that measured 20 ms, 3 rounds
    assert.deepEqual([t.aMs, t.bMs, t.ratio], [2, 5, 0.4]);
  });
});

Deno.test("timeRatio() grows the batch until it measures batchMs on a clock coarser than one call", () => {
  // Calls of 1 µs on a clock that ticks every 50 µs: one call reads as 0 or one tick, which
  // said nothing about the batch (it was set to 1,000 or 100 calls: 1 or 0.1 ms, 2 to 20 ticks,
  // and two equal functions could then differ by a factor of 1.25).
  let now = 0;
  const tick = 0.05;
  const clock = () => Math.floor(now / tick) * tick;
  const spend = () => {
    now += 0.001;
  };
  const t = timeRatio(spend, () => spend(), { rounds: 9, batchMs: 5, clock });
  assert.ok(t.calls * 0.001 >= 5, `a batch of ${t.calls} calls lasts ${t.calls * 0.001} ms`);
  assert.ok(Math.abs(t.ratio - 1) < 0.02, `equal functions, ratio ${t.ratio}`);
  assert.ok(!t.faster && !t.slower);
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
      message: "Cannot time a against b as rounds must be a finite integer >= 1: rounds=0",
    });
  });
  await t.step("a negative batch time", () => {
    assert.throws(() => timeRatio(noop, noop, { batchMs: -1 }), {
      name: "RangeError",
      message:
        "Cannot time a against b as batchMs must be a finite number >= 0 and <= 10000: batchMs=-1",
    });
  });
  await t.step("an unknown option", () => {
    // @ts-expect-error: a typo
    assert.throws(() => timeRatio(noop, noop, { round: 3 }), {
      name: "TypeError",
      message:
        'Cannot time a against b as options must have only the keys rounds, batchMs, clock: unknown key "round"',
    });
  });
  await t.step("a clock that reads no number", () => {
    const clock = (() => "12:00") as unknown as () => number;
    assert.throws(() => timeRatio(noop, noop, { rounds: 1, clock }), {
      name: "TypeError",
      message: 'Cannot time a against b as clock() must be a finite number: clock()="12:00"',
    });
    assert.throws(() => timeRatio(noop, noop, { rounds: 1, clock: () => NaN }), {
      name: "RangeError",
      message: "Cannot time a against b as clock() must be a finite number: clock()=NaN",
    });
  });
  await t.step("a call the clock never sees, once the batch has grown to 2^24 calls", () => {
    let calls = 0, seen = 0, largest = 0;
    const clock = () => {
      largest = Math.max(largest, calls - seen);
      seen = calls;
      return 0;
    };
    // Stops a run that would go on growing the batch past the cap (hundreds of millions of calls).
    const a = () => {
      if (++calls > 2 ** 26) throw new Error("the batch grew past 2^24 calls");
    };
    assert.throws(() => timeRatio(a, noop, { rounds: 1, clock }), {
      name: "RangeError",
      message: /no measurable time .* a=0 ms, b=0 ms/,
    });
    assert.equal(largest, 2 ** 24);
  });
  await t.step("a call too short for the clock", () => {
    withFakeClock((spend, clock) => {
      assert.throws(() => timeRatio(() => spend(1), noop, { rounds: 1, batchMs: 0, clock }), {
        name: "RangeError",
        message: /no measurable time .* a=1 ms, b=0 ms/,
      });
    });
  });
});

Deno.test("timeRatio() refuses an async function at its warm-up call: it would time creating a promise", () => {
  let bCalls = 0;
  const b = () => {
    bCalls++;
  };
  assert.throws(() => timeRatio(async () => await Promise.resolve(1), b, { rounds: 1 }), {
    name: "TypeError",
    message:
      "Cannot time a against b as a must return its result, not a promise: a() returned a promise (timeRatio times synchronous code, whose work is done when it returns)",
  });
  assert.equal(bCalls, 1, "b's warm-up call only: no batch was timed");
  assert.throws(() => timeRatio(b, () => Promise.resolve(1)), {
    message: /^Cannot time a against b as b must return its result, not a promise/,
  });
});

Deno.test("timeRatio() counts CPU time by default: waiting for 20 ms costs less than computing for 5", () => {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const wait = () => Atomics.wait(cell, 0, 0, 20); // blocks without using the CPU
  const spin = () => {
    const end = performance.now() + 5;
    while (performance.now() < end); // uses the CPU for 5 ms
  };
  const t = timeRatio(wait, spin, { rounds: 3, batchMs: 0 });
  assert.ok(t.faster, `waiting took ${t.aMs} ms of CPU, spinning ${t.bMs}`);
  const wall = timeRatio(wait, spin, { rounds: 3, batchMs: 0, clock: () => performance.now() });
  assert.ok(wall.slower, `by the wall clock, waiting took ${wall.aMs} ms, spinning ${wall.bMs}`);
});

Deno.test("timeRatio() refuses a clock that runs backwards at the first batch, not after 2^24 calls", () => {
  let now = 1_000_000, calls = 0;
  const clock = () => now;
  const a = () => {
    calls++;
    now -= 10;
  };
  assert.throws(() => timeRatio(a, () => now -= 5, { rounds: 3, clock }), {
    name: "RangeError",
    message:
      "Cannot time a against b as a batch's elapsed time must be a finite number >= 0 (the clock must not run backwards): elapsed=-5 (clock() read 1000000, then 999995)",
  });
  assert.equal(calls, 0, "b's warm-up call comes first, and is refused");
});
