/** The browser bundle inlined by explore(). */
import assert from "node:assert/strict";
import { EXPLORER_SCRIPT } from "../../src/explorer/_bundle.ts";

Deno.test("the bundle is one classic script that defines reluLabExplorer and has no npm code", () => {
  assert.match(EXPLORER_SCRIPT, /^\(\(\)=>\{/, "an IIFE, not a module");
  assert.match(EXPLORER_SCRIPT, /globalThis\.reluLabExplorer=/);
  assert.doesNotMatch(EXPLORER_SCRIPT, /<\/script|<!--/i);
  assert.doesNotMatch(EXPLORER_SCRIPT, /\bimport\(|\brequire\(|observablehq|mathjs|linkedom/);
  // The page and the library core it draws on, minified: about 131 KB (each explorer output
  // carries it; 2.7 KB of it the messages refusing a stray argument). Any npm package pulled in
  // by mistake would take it far past this.
  assert.ok(EXPLORER_SCRIPT.length < 140_000, `${EXPLORER_SCRIPT.length} bytes`);
});
