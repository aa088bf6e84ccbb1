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

Deno.test("Displayable refuses a MIME value the kernel cannot send, naming its type", () => {
  const bundles: [Record<string, unknown>, string][] = [
    [{ "text/html": 5 }, 'bundle["text/html"] must be a string: bundle["text/html"]=5'],
    [
      { "image/svg+xml": null },
      'bundle["image/svg+xml"] must be a string: bundle["image/svg+xml"]=null',
    ],
    [
      { "application/json": "{}", "text/markdown": ["a"] },
      'bundle["text/markdown"] must be a string: bundle["text/markdown"]=["a"]',
    ],
    [
      { "application/json": 3 },
      'bundle["application/json"] must be a string or a JSON object: bundle["application/json"]=3',
    ],
  ];
  for (const [values, message] of bundles) {
    assert.throws(() => new Displayable({ "text/plain": "x", ...values } as never), {
      name: "TypeError",
      message: `Cannot create a Displayable as ${message}`,
    });
  }
  // What the kernel does send: a JSON object for a JSON type; a type left undefined is skipped.
  const bundle = {
    "text/plain": "x",
    "application/json": { a: [1, 2] },
    "application/vnd.vegalite.v5+json": { mark: "bar" },
    "text/html": undefined,
  };
  assert.deepEqual(new Displayable(bundle)[jupyterDisplay](), bundle);
});
