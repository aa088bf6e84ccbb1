import assert from "node:assert/strict";
import { Displayable, jupyterDisplay } from "../../src/display/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose, looseNew } from "../_loose.ts";

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

Deno.test("the display functions and new Displayable() refuse an argument past their last, which would go unused", async (t) => {
  const figure = lib.plotLines([{ name: "a", x: [0, 1], y: [0, 1] }]);
  const model = lib.mlp([2, 3, 2], { seed: 1 });
  const data = lib.dataset(lib.fromRows([[0, 1], [1, 0]]), Int32Array.of(0, 1));
  const history = lib.train(model, data, { epochs: 1 });
  const cases: [string, () => unknown, string][] = [
    [
      "show",
      () => loose(lib.show)(figure, { title: "t" }),
      'Cannot show a value as show takes value alone, no second argument: second={ title: "t" }',
    ],
    [
      "displayFigure",
      () => loose(lib.displayFigure)(figure, { title: "t" }),
      'Cannot display a figure as displayFigure takes figure alone, no second argument: second={ title: "t" }',
    ],
    [
      "modelView",
      () => loose(lib.modelView)(model, { title: "t" }),
      'Cannot display a model as modelView takes model alone, no second argument: second={ title: "t" }',
    ],
    [
      "activationView",
      () => loose(lib.activationView)(lib.createActivation("relu"), {}, { plot: false }),
      "Cannot display an activation as activationView takes activation and options, no third argument: third={ plot: false }",
    ],
    [
      "reportView",
      () => loose(lib.reportView)(lib.diagnose(model, data), {}, { title: "t" }),
      'Cannot display a diagnostics report as reportView takes report and options, no third argument: third={ title: "t" }',
    ],
    [
      "historyView",
      () => loose(lib.historyView)(history, {}, { title: "t" }),
      'Cannot display a training history as historyView takes history and options, no third argument: third={ title: "t" }',
    ],
    [
      "latexToHtml",
      () => loose(lib.latexToHtml)("z", {}, { displayMode: false }),
      "Cannot render LaTeX as latexToHtml takes latex and options, no third argument: third={ displayMode: false }",
    ],
    [
      "new Displayable",
      () => new (looseNew(lib.Displayable))({ "text/plain": "a" }, { "text/html": "<b>a</b>" }),
      'Cannot create a Displayable as Displayable takes bundle alone, no second argument: second={ "text/html": "<b>a</b>" }',
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
  await t.step("show, displayFigure and modelView still work as map callbacks", () => {
    assert.equal([figure].map(lib.show).length, 1);
    assert.equal([figure].map(lib.displayFigure).length, 1);
    assert.equal([model].map(lib.modelView).length, 1);
  });
});
