import assert from "node:assert/strict";
import * as relu from "../src/mod.ts";
import * as core from "../src/core/mod.ts";
import * as activations from "../src/activations/mod.ts";
import * as math from "../src/math/mod.ts";
import * as data from "../src/data/mod.ts";
import * as nn from "../src/nn/mod.ts";
import * as diagnostics from "../src/diagnostics/mod.ts";
import * as study from "../src/study/mod.ts";
import * as explorer from "../src/explorer/mod.ts";
import * as plot from "../src/plot/mod.ts";
import * as display from "../src/display/mod.ts";

const areas: Record<string, Record<string, unknown>> = {
  core,
  activations,
  math,
  data,
  nn,
  diagnostics,
  study,
  explorer,
  plot,
  display,
};

Deno.test("no two areas export different things under one name (export * would drop both)", () => {
  const owner = new Map<string, { area: string; value: unknown }>();
  const clashes: string[] = [];
  for (const [area, exports] of Object.entries(areas)) {
    for (const [name, value] of Object.entries(exports)) {
      const first = owner.get(name);
      if (first === undefined) owner.set(name, { area, value });
      else if (first.value !== value) clashes.push(`${name}: ${first.area} and ${area}`);
    }
  }
  assert.deepEqual(clashes, []);
});

Deno.test("src/mod.ts exports every value of every area", () => {
  const missing = Object.entries(areas).flatMap(([area, exports]) =>
    Object.keys(exports).filter((name) => !(name in relu)).map((name) => `${area}.${name}`)
  );
  assert.deepEqual(missing, []);
});
