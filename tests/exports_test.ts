import assert from "node:assert/strict";
import config from "../deno.json" with { type: "json" };
import * as root from "@relu-lab/relu-lab";
import * as core from "@relu-lab/relu-lab/core";
import * as activations from "@relu-lab/relu-lab/activations";
import * as math from "@relu-lab/relu-lab/math";
import * as data from "@relu-lab/relu-lab/data";
import * as nn from "@relu-lab/relu-lab/nn";
import * as diagnostics from "@relu-lab/relu-lab/diagnostics";
import * as plot from "@relu-lab/relu-lab/plot";
import * as display from "@relu-lab/relu-lab/display";
import * as study from "@relu-lab/relu-lab/study";
import * as explorer from "@relu-lab/relu-lab/explorer";

const layers: Record<string, Record<string, unknown>> = {
  core,
  activations,
  math,
  data,
  nn,
  diagnostics,
  plot,
  display,
  study,
  explorer,
};

Deno.test("deno.json exports the root and one subpath per layer, each its layer's mod.ts", () => {
  const expected: Record<string, string> = { ".": "./src/mod.ts" };
  for (const layer of Object.keys(layers)) expected[`./${layer}`] = `./src/${layer}/mod.ts`;
  assert.deepEqual(config.exports, expected);
});

Deno.test("every name a subpath exports is the root module's value under that name", () => {
  const differing = Object.entries(layers).flatMap(([layer, exports]) =>
    Object.entries(exports)
      .filter(([name, value]) => (root as Record<string, unknown>)[name] !== value)
      .map(([name]) => `${layer}.${name}`)
  );
  assert.deepEqual(differing, []);
  assert.equal(activations.relu(-2), 0);
  assert.ok(Object.keys(nn).includes("mlp"));
});
