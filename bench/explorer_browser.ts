/**
 * The explorer's speed in Debian's Chromium: one training step (an epoch of `train`, as the page
 * runs it) plus the redraw of a 2-16-16-2 network on 200 training points, against a 60 Hz
 * frame (16.7 ms); the renderer's main-thread CPU per epoch against the same page idle
 * (baseline measured in the same run); and the long tasks (> 50 ms) while playing.
 *
 * Run: `deno run -A bench/explorer_browser.ts` (launches /usr/bin/chromium headless; installs it
 * with apt when missing and run as root). Wall-clock figures depend on the machine's load, which
 * is printed with them.
 */
import { explore, jupyterDisplay } from "../src/mod.ts";
import { chromiumVersion } from "../src/runner/chromium.ts";
import { median } from "./_table.ts";
import {
  explorerState,
  loadExplorers,
  longTasksSince,
  pageNow,
  processesWith,
  recordLongTasks,
  waitForExplorer,
  withBrowser,
} from "../tests/browser/_browser.ts";

const EPOCHS = 300;
const FRAME_MS = 1000 / 60;
// 267 points, a quarter held out: 200 training points.
const OPTIONS = { hidden: [16, 16], n: 267, testFraction: 0.25, epochs: EPOCHS, seed: 0 };

/** CPU milliseconds used so far by the main thread of the renderer whose processes carry `marker`. */
function rendererMainThreadMs(marker: string): number {
  let ticks = 0;
  for (const pid of processesWith(marker)) {
    const cmdline = Deno.readTextFileSync(`/proc/${pid}/cmdline`);
    if (!cmdline.includes("--type=renderer")) continue;
    const stat = Deno.readTextFileSync(`/proc/${pid}/task/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
  }
  return ticks * 10; // USER_HZ = 100
}

const html = explore(OPTIONS)[jupyterDisplay]()["text/html"]!;
const loadBefore = Deno.loadavg()[0];

await withBrowser(async ({ browser, profile }) => {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 900 });
  await recordLongTasks(tab);
  await loadExplorers(tab, html);
  await new Promise((resolve) => setTimeout(resolve, 500));

  // Baseline: the same page, paused, through as many animation frames.
  const idleStart = rendererMainThreadMs(profile);
  await tab.evaluate((frames) =>
    new Promise<void>((resolve) => {
      let n = 0;
      const next = () => ++n < frames ? requestAnimationFrame(next) : resolve();
      requestAnimationFrame(next);
    }), EPOCHS);
  const idleMs = (rendererMainThreadMs(profile) - idleStart) / EPOCHS;

  const cpuStart = rendererMainThreadMs(profile);
  const started = await pageNow(tab);
  const wallStart = performance.now();
  await tab.click(".rle-play");
  await waitForExplorer(tab, { status: "done" }, 300_000);
  const wallMs = (performance.now() - wallStart) / EPOCHS;
  const playMs = (rendererMainThreadMs(profile) - cpuStart) / EPOCHS;
  const longTasks = await longTasksSince(tab, started);
  const state = await explorerState(tab);

  const step = median(state.stepMs), draw = median(state.drawMs);
  const perFrame = median(state.stepMs.map((s, i) => s + state.drawMs[i]));
  console.log(
    `explorer in ${await chromiumVersion()}, 2-16-16-2 network, 200 training points, ${EPOCHS} epochs`,
  );
  console.log(`  step (one epoch of train(), as the page runs it): median ${step.toFixed(2)} ms`);
  console.log(
    `  redraw (boundary grid, neuron maps, charts, status): median ${draw.toFixed(2)} ms`,
  );
  console.log(
    `  step + redraw: median ${perFrame.toFixed(2)} ms = ${
      (perFrame / FRAME_MS).toFixed(2)
    } of a 60 Hz frame (${FRAME_MS.toFixed(1)} ms)`,
  );
  console.log(
    `  renderer main thread CPU per epoch (script, style, layout, paint): ${
      playMs.toFixed(2)
    } ms; the same page idle, per frame (baseline): ${idleMs.toFixed(2)} ms; ratio ${
      (playMs / Math.max(idleMs, 0.01)).toFixed(1)
    }`,
  );
  console.log(
    `  wall time per epoch: ${wallMs.toFixed(1)} ms (${(1000 / wallMs).toFixed(1)} epochs/s)`,
  );
  console.log(
    `  long tasks (> 50 ms) while playing: ${longTasks.length}${
      longTasks.length === 0
        ? ""
        : `, longest ${Math.max(...longTasks.map((t) => t.duration)).toFixed(0)} ms`
    }`,
  );
  console.log(
    `  load average: ${loadBefore.toFixed(1)} before, ${
      Deno.loadavg()[0].toFixed(1)
    } after, on ${navigator.hardwareConcurrency} cores`,
  );
});
