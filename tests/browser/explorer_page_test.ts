/**
 * The explorer in a page the runner renders: a fixture notebook whose cell shows the explorer
 * runs through the runner into build/test-browser/explorer.html, which Debian's Chromium loads
 * from disk (no server, no network) and the test drives with puppeteer-core.
 */
import assert from "node:assert/strict";
import { explore, jupyterDisplay } from "../../src/mod.ts";
import { deadCaption, resolveExplorerSettings } from "../../src/explorer/_settings.ts";
import { networkResources } from "../../src/runner/html.ts";
import { renderFixture } from "./_fixture.ts";
import {
  boundaryFingerprint,
  collectErrors,
  type ExplorerState,
  explorerState,
  loadExplorers,
  type LongTask,
  longTasksSince,
  lossChart,
  pageNow,
  processesWith,
  recordLongTasks,
  waitForExplorer,
  withBrowser,
} from "./_browser.ts";
import { assertSameNumbersAsDeno, mean } from "./_numbers.ts";

Deno.test({
  name:
    "the explorer in a rendered page trains live, with Deno's numbers, and revives neurons at alpha 0.1",
  // puppeteer keeps a WebSocket and timers of its own until the browser is gone.
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  const file = (await renderFixture()).page;
  const html = await Deno.readTextFile(file);
  assert.deepEqual(networkResources(html), [], "the page needs no network");
  let profile = "";
  let closed: { left?: number } = {};
  const longTasks: LongTask[] = [];
  await withBrowser(async (run) => {
    profile = run.profile;
    closed = run.closed;
    const page = await run.browser.newPage();
    page.setDefaultTimeout(30_000);
    const errors = collectErrors(page);
    await recordLongTasks(page);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`file://${file}`, { waitUntil: "load", timeout: 30_000 });
    await page.waitForFunction(
      () => globalThis.reluLabExplorer?.instances.size === 1,
      { timeout: 15_000, polling: 50 },
      undefined,
    );

    await t.step(
      "it mounts with the notebook's parameters in place of its static picture",
      async () => {
        const state = await explorerState(page);
        assert.equal(state.settings.alpha, 0.1);
        assert.equal(state.settings.biasInit, -2);
        assert.equal(state.settings.optimizer, "adam");
        assert.equal(state.settings.epochs, 60);
        assert.equal(state.epoch, 0);
        assert.match(state.statusText, /^Epoch 0 of 60 · training loss/);
        assert.equal(await page.evaluate(() => document.querySelectorAll(".rle-static").length), 0);
        assert.equal(
          await page.$eval("#" + (await firstId()) + "-alpha-value", (e) => e.textContent),
          "0.1",
        );
        assert.equal(await deadCaptionText(), deadCaption(resolveExplorerSettings(state.settings)));
        assert.match(await deadCaptionText(), /α = 0\.1 times the gradient, so the neuron can/);
      },
    );

    async function firstId(): Promise<string> {
      return await page.evaluate(() => [...globalThis.reluLabExplorer!.instances.keys()][0]);
    }

    async function deadCaptionText(): Promise<string> {
      return await page.$eval(".rle-dead-caption", (e) => e.textContent ?? "");
    }

    /** Plays the current run to its end; records the long tasks meanwhile. */
    async function playToTheEnd(): Promise<ExplorerState> {
      const started = await pageNow(page);
      await page.click(".rle-play");
      const state = await waitForExplorer(page, { status: "done" }, 60_000);
      longTasks.push(...await longTasksSince(page, started));
      return state;
    }

    let deadAtAlpha01 = NaN;
    await t.step(
      "play trains it to the last epoch; the boundary and the curves change",
      async () => {
        const boundary = await boundaryFingerprint(page);
        const loss = await lossChart(page);
        const state = await playToTheEnd();
        assert.equal(state.history.length, 61);
        assert.equal(state.playing, false, "it stops at the last epoch");
        assert.match(state.statusText, /^Done: epoch 60 of 60/);
        assert.notEqual(await boundaryFingerprint(page), boundary, "the boundary moved");
        assert.notEqual(await lossChart(page), loss, "the loss curve grew");
        assert.ok(state.history[60].trainLoss < state.history[0].trainLoss, "the loss fell");
        assertSameNumbersAsDeno(state);
        deadAtAlpha01 = mean(state.history[60].deadFraction);
        const deadAtStart = mean(state.history[0].deadFraction);
        assert.ok(
          deadAtAlpha01 < deadAtStart,
          `neurons dead at the start come back at alpha 0.1: mean dead fraction ${deadAtStart} ` +
            `at epoch 0, ${deadAtAlpha01} at epoch 60`,
        );
      },
    );

    let deadAtAlpha0 = NaN;
    await t.step(
      "alpha moved to 0 from the keyboard restarts the run; played, its neurons stay dead",
      async () => {
        await page.focus(`#${await firstId()}-alpha`);
        await page.keyboard.press("Home");
        const restarted = await explorerState(page);
        assert.equal(restarted.settings.alpha, 0);
        assert.equal(restarted.epoch, 0, "a change of setting restarts from epoch 0");
        assert.equal(
          await page.$eval(`#${await firstId()}-alpha-value`, (e) => e.textContent),
          "0",
        );
        assert.match(await deadCaptionText(), /at α = 0 is ReLU there and passes no gradient/);
        const state = await playToTheEnd();
        assertSameNumbersAsDeno(state);
        deadAtAlpha0 = mean(state.history[60].deadFraction);
        const deadAtStart = mean(state.history[0].deadFraction);
        assert.ok(
          deadAtAlpha0 >= deadAtStart,
          `no neuron comes back at alpha 0: mean dead fraction ${deadAtStart} at epoch 0, ` +
            `${deadAtAlpha0} at epoch 60`,
        );
      },
    );

    await t.step(
      "the dead fraction after a negative-bias start is higher at alpha 0 than at 0.1",
      () => {
        assert.ok(
          deadAtAlpha0 > deadAtAlpha01,
          `mean dead fraction at epoch 60: alpha 0 ${deadAtAlpha0}, alpha 0.1 ${deadAtAlpha01}`,
        );
        console.log(
          `dead fraction at epoch 60 (mean over layers): alpha 0: ${deadAtAlpha0}, alpha 0.1: ${deadAtAlpha01}`,
        );
      },
    );

    await t.step(
      "the arrow keys step alpha through its values; step trains one epoch; reset returns to 0",
      async () => {
        await page.focus(`#${await firstId()}-alpha`);
        for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
        assert.equal((await explorerState(page)).settings.alpha, 0.1);
        await page.click(".rle-step");
        await waitForExplorer(page, { epoch: 1 });
        await page.click(".rle-step");
        const stepped = await waitForExplorer(page, { epoch: 2 });
        assert.equal(stepped.playing, false);
        assertSameNumbersAsDeno(stepped);
        await page.click(".rle-reset");
        assert.equal((await explorerState(page)).epoch, 0);
      },
    );

    await t.step("the play button works from the keyboard and pauses", async () => {
      await page.focus(".rle-play");
      await page.keyboard.press("Enter");
      await waitForExplorer(page, { epoch: 3 });
      await page.keyboard.press("Enter");
      const paused = await waitForExplorer(page, { playing: false });
      const epoch = paused.epoch;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const later = await explorerState(page);
      assert.ok(later.epoch <= epoch + 1, "paused: at most the epoch under way finishes");
      assert.ok(later.epoch < 60);
    });

    await t.step("the page logged no error", () => {
      assert.deepEqual(errors, []);
    });
  });

  // Measured and reported, not asserted: wall-clock limits are the benchmark's business
  // (bench/explorer_browser.ts), and a loaded machine stretches every task.
  console.log(
    `long tasks (> 50 ms) while playing: ${longTasks.length}` +
      (longTasks.length === 0
        ? ""
        : `, longest ${Math.max(...longTasks.map((l) => l.duration)).toFixed(0)} ms`) +
      `; load average ${Deno.loadavg()[0].toFixed(1)} on ${navigator.hardwareConcurrency} cores`,
  );

  await t.step("no browser process is left: Chromium shut itself down when closed", () => {
    assert.notEqual(profile, "");
    assert.equal(closed.left, 0, "Chromium processes alive 5 s after close(), then killed");
    assert.deepEqual(processesWith(profile), []);
  });
});

Deno.test({
  name: "two explorers on one page mount on their own containers and train independently",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const a = explore({ dataset: "circles", epochs: 5 })[jupyterDisplay]()["text/html"]!;
  const b = explore({ dataset: "xor", activation: "relu", epochs: 5 })
    [jupyterDisplay]()["text/html"]!;
  await withBrowser(async ({ browser }) => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const ids = await loadExplorers(page, a, b);
    assert.equal(new Set(ids).size, 2);
    await page.click(`#${ids[1]} .rle-play`);
    const second = await waitForExplorer(page, { status: "done" }, 30_000, ids[1]);
    const first = await explorerState(page, ids[0]);
    assert.equal(second.settings.dataset, "xor");
    assert.equal(second.epoch, 5);
    assert.equal(first.settings.dataset, "circles");
    assert.equal(first.epoch, 0, "the other explorer did not move");
    assertSameNumbersAsDeno(second);
    assert.deepEqual(errors, []);
  });
});
