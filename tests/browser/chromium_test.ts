/** The runner's Chromium check reads the version Debian's Chromium prints. */
import assert from "node:assert/strict";
import { CHROMIUM, chromiumVersion, ensureChromium } from "../../src/runner/chromium.ts";

Deno.test("chromiumVersion() and ensureChromium() give the installed Chromium's version line", async () => {
  const printed = await new Deno.Command(CHROMIUM, { args: ["--version"] }).output();
  const line = new TextDecoder().decode(printed.stdout).trim();
  assert.match(line, /^Chromium \d+\.\d+\.\d+\.\d+ /);
  assert.equal(await chromiumVersion(), line);
  const said: string[] = [];
  assert.equal(await ensureChromium({ log: (text) => said.push(text) }), line);
  assert.deepEqual(said, [], "nothing to install, nothing said");
});
