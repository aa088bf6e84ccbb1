import assert from "node:assert/strict";
import { requireFlag } from "../../src/core/_require.ts";

Deno.test("requireFlag() gives a left-out flag its fallback: false by default, undefined when passed", () => {
  assert.equal(requireFlag("draw", "dots", undefined), false);
  assert.equal(requireFlag("draw", "dots", undefined, true), true);
  assert.equal(requireFlag("draw", "dots", undefined, undefined), undefined);
  assert.equal(requireFlag("draw", "dots", false, true), false);
  assert.equal(requireFlag("draw", "dots", true, undefined), true);
});

Deno.test("requireFlag() refuses what is not true or false, naming it", () => {
  for (const [value, seen] of [["false", '"false"'], [0, "0"]] as const) {
    assert.throws(() => requireFlag("draw", "dots", value, undefined), {
      name: "TypeError",
      message: `Cannot draw as dots must be true or false: dots=${seen}`,
    });
  }
});
