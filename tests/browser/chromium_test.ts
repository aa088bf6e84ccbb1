/**
 * The runner's Chromium check reads the version Debian's Chromium prints; the tests' launcher keeps
 * Chromium's files out of the user's home.
 */
import assert from "node:assert/strict";
import { CHROMIUM, chromiumVersion, ensureChromium } from "../../src/runner/chromium.ts";
import { withBrowser } from "./_browser.ts";

Deno.test("chromiumVersion() and ensureChromium() give the installed Chromium's version line", async () => {
  const printed = await new Deno.Command(CHROMIUM, { args: ["--version"] }).output();
  const line = new TextDecoder().decode(printed.stdout).trim();
  assert.match(line, /^Chromium \d+\.\d+\.\d+\.\d+ /);
  assert.equal(await chromiumVersion(), line);
  const said: string[] = [];
  assert.equal(await ensureChromium({ log: (text) => said.push(text) }), line);
  assert.deepEqual(said, [], "nothing to install, nothing said");
});

Deno.test("withBrowser() gives Chromium its profile as HOME and removes both afterwards", async () => {
  const profile = await withBrowser(async ({ browser, profile }) => {
    const page = await browser.newPage();
    await page.goto("about:blank");
    assert.ok(Deno.statSync(`${profile}/.config/chromium`).isDirectory, "Chromium's HOME");
    return profile;
  });
  assert.throws(() => Deno.statSync(profile), Deno.errors.NotFound);
});
