import assert from "node:assert/strict";
import { Displayable, jupyterDisplay } from "../../src/display/mod.ts";

Deno.test("jupyterDisplay is the symbol the Deno kernel looks for", () => {
  assert.equal(jupyterDisplay, Symbol.for("Jupyter.display"));
});

Deno.test("Displayable returns its bundle to the kernel and its text to scripts", () => {
  const shown = new Displayable({ "text/plain": "plain", "text/html": "<b>rich</b>" });
  assert.deepEqual(shown[jupyterDisplay](), { "text/plain": "plain", "text/html": "<b>rich</b>" });
  assert.equal(String(shown), "plain");
  assert.equal(Deno.inspect(shown), "plain");
});

Deno.test("Displayable requires a text/plain string, and says what it was given", () => {
  const bundles: [unknown, string][] = [
    [{}, "{}"],
    [null, "null"],
    ["text", '"text"'],
    [{ "text/plain": 5 }, '{ "text/plain": 5 }'],
    [{ "text/html": "<b>x</b>" }, '{ "text/html": "<b>x</b>" }'],
  ];
  for (const [bundle, seen] of bundles) {
    assert.throws(() => new Displayable(bundle as never), {
      name: "TypeError",
      message:
        `Cannot create a Displayable as bundle must have a "text/plain" string: bundle=${seen}`,
    });
  }
});
