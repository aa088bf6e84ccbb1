/**
 * The committed browser bundle is what `deno task bundle` generates from the current sources:
 * regenerating it gives the same text. (Needs `--allow-run=deno`; here with the browser tests.)
 */
import assert from "node:assert/strict";
import { generateBundleModule, readBundleModule } from "../../src/runner/bundle_explorer.ts";

Deno.test("src/explorer/_bundle.ts is fresh: regenerating it gives identical content", async () => {
  const stored = await readBundleModule();
  assert.ok(stored !== undefined, "src/explorer/_bundle.ts exists");
  const fresh = await generateBundleModule();
  assert.ok(
    fresh === stored,
    "src/explorer/_bundle.ts is stale: run `deno task bundle` and commit it",
  );
});
