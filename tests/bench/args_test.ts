/** The benches' command-line counts: a bad value ends the bench in one line, not a NaN table. */
import assert from "node:assert/strict";
import { BenchError, parseCount } from "../../bench/_args.ts";

Deno.test("parseCount() reads --NAME=N, and gives the default when the flag is left out", () => {
  assert.equal(parseCount("rounds", 21, ["--rounds=5"]), 5);
  assert.equal(parseCount("rounds", 21, ["--repetitions=5"]), 21);
  assert.equal(parseCount("repetitions", 3, []), 3);
});

Deno.test("parseCount() refuses a count that is not a whole number of at least 1, naming it", () => {
  for (const bad of ["x", "0", "-2", "2.5", "", "1e3", " 4"]) {
    assert.throws(() => parseCount("rounds", 21, [`--rounds=${bad}`]), {
      name: "BenchError",
      message: `Cannot run the benchmark as --rounds must be an integer >= 1: --rounds=${bad}`,
    });
  }
});

Deno.test("parseCount() refuses the flag without '=' (its value would be ignored)", () => {
  assert.throws(() => parseCount("repetitions", 5, ["--repetitions", "7"]), BenchError);
});
