/**
 * Shared by the browser tests and the explorer's browser benchmark: Debian's Chromium driven by
 * puppeteer-core (installed with apt when missing, never downloaded), in a fresh profile, with
 * every process it started killed afterwards; and what the tests read from an explorer page.
 */
/// <reference lib="dom" />
// @ts-types="./_puppeteer.d.ts"
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import type {} from "../../src/explorer/_page.ts";
import type { ExplorerRecord } from "../../src/explorer/_session.ts";
import { CHROMIUM, CHROMIUM_FLAGS, ensureChromium } from "../../src/runner/chromium.ts";

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Process ids whose command line contains `marker`, from `ps` (reading /proc directly needs
 * Deno's --allow-all).
 */
export function processesWith(marker: string): number[] {
  const listed = new Deno.Command("ps", { args: ["-eo", "pid=,args="], stdout: "piped" })
    .outputSync();
  const found: number[] = [];
  for (const line of new TextDecoder().decode(listed.stdout).split("\n")) {
    const match = /^\s*(\d+) (.*)$/.exec(line);
    if (match === null || !match[2].includes(marker)) continue;
    const pid = Number(match[1]);
    if (pid !== Deno.pid) found.push(pid);
  }
  return found;
}

/**
 * Sends `signal` to process `pid` (a negative pid: its process group) with procps' `kill`,
 * which needs only `--allow-run=/usr/bin/kill` where `Deno.kill` needs unscoped `--allow-run`.
 * A process already gone is not an error; any other failure throws.
 */
export function sendSignal(pid: number, signal: "TERM" | "KILL"): void {
  const result = new Deno.Command("/usr/bin/kill", {
    args: ["-s", signal, "--", String(pid)],
    stdout: "null",
    stderr: "piped",
  }).outputSync();
  const message = new TextDecoder().decode(result.stderr);
  if (!result.success && !/no such process/i.test(message)) {
    throw new Error(`Cannot send SIG${signal} to ${pid}: ${message.trim()}`);
  }
}

/** Sends SIGKILL to every process whose command line contains `marker`; returns how many. */
export function killProcessesWith(marker: string): number {
  const pids = processesWith(marker);
  for (const pid of pids) sendSignal(pid, "KILL");
  return pids.length;
}

/** Waits until no process's command line contains `marker`, for up to `ms`. */
export async function waitForNoProcessWith(marker: string, ms = 5000): Promise<number[]> {
  const until = Date.now() + ms;
  let left = processesWith(marker);
  while (left.length > 0 && Date.now() < until) {
    await delay(100);
    left = processesWith(marker);
  }
  return left;
}

/** What {@linkcode withBrowser} hands the test. */
export interface BrowserRun {
  /** The browser. */
  browser: Browser;
  /** Its profile folder, which also marks its processes. */
  profile: string;
  /**
   * Filled in once `body` has ended and the browser was closed: how many of its processes were
   * still alive 5 s after `browser.close()`, before they were killed (0: it shut itself down).
   */
  readonly closed: { left?: number };
}

/**
 * Launches Debian's Chromium (installing it with apt when missing and running as root) in a
 * temporary profile, which is also its HOME (where it keeps crash reports and caches even with a
 * profile), runs `body`, then closes it, counts in `closed.left` what of it is still alive 5 s
 * later, kills that (its processes carry the profile path) and removes the profile.
 */
export async function withBrowser<T>(body: (run: BrowserRun) => Promise<T>): Promise<T> {
  await ensureChromium();
  const profile = await Deno.makeTempDir({ prefix: "relu-lab-chromium-" });
  const closed: { left?: number } = {};
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
      env: { ...Deno.env.toObject(), HOME: profile },
      timeout: 60_000,
      protocolTimeout: 120_000,
    });
    return await body({ browser, profile, closed });
  } finally {
    if (browser !== undefined) {
      await Promise.race([browser.close().catch(() => {}), delay(5000)]);
      closed.left = (await waitForNoProcessWith(profile)).length;
    }
    killProcessesWith(profile);
    await waitForNoProcessWith(profile);
    await Deno.remove(profile, { recursive: true }).catch(() => {});
  }
}

/**
 * Errors a page reported: uncaught exceptions and `console.error` messages, each of the latter
 * with the address it came from when the browser names one (`… (at URL)`: a resource that failed
 * to load says so only there).
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${String(error)}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location()?.url;
    errors.push(`console.error: ${message.text()}${url ? ` (at ${url})` : ""}`);
  });
  return errors;
}

/** A main-thread task the Long Tasks API reported (over 50 ms). */
export interface LongTask {
  /** Start, in ms since the page's time origin. */
  startTime: number;
  /** Duration in ms. */
  duration: number;
}

declare global {
  var longTasks: LongTask[] | undefined;
}

/** Makes the page record long tasks from its first script on, in `window.longTasks`. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const seen: LongTask[] = [];
    globalThis.longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        seen.push({ startTime: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: "longtask", buffered: true });
  });
}

/** The long tasks recorded since `since` (ms since the page's time origin). */
export async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return await page.evaluate(
    (from) => (globalThis.longTasks ?? []).filter((task) => task.startTime >= from),
    since,
  );
}

/** The page's clock (performance.now()). */
export async function pageNow(page: Page): Promise<number> {
  return await page.evaluate(() => performance.now());
}

/**
 * Loads a page holding the given explorer displays (`explore()`'s `text/html`) and waits until
 * every one has mounted; returns their container ids in page order.
 */
export async function loadExplorers(page: Page, ...displays: string[]): Promise<string[]> {
  await page.setContent(
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${
      displays.join("")
    }</body></html>`,
    { waitUntil: "load" },
  );
  await page.waitForFunction(
    (count) => globalThis.reluLabExplorer?.instances.size === count,
    { timeout: 15_000, polling: 50 },
    displays.length,
  );
  return await page.evaluate(() => [...globalThis.reluLabExplorer!.instances.keys()]);
}

/** What the tests read of one explorer: its settings and history, and its timing lists. */
export interface ExplorerState {
  settings: Record<string, unknown>;
  status: string;
  epoch: number;
  playing: boolean;
  history: ExplorerRecord[];
  stepMs: number[];
  drawMs: number[];
  statusText: string;
}

/** Reads the state of the explorer mounted on `#id` (the first one when `id` is omitted). */
export async function explorerState(page: Page, id?: string): Promise<ExplorerState> {
  return await page.evaluate((wanted) => {
    const api = globalThis.reluLabExplorer!;
    const key = wanted ?? [...api.instances.keys()][0];
    const instance = api.instances.get(key)!;
    const { session } = instance;
    return {
      settings: { ...instance.settings },
      status: session.status,
      epoch: session.last.epoch,
      playing: instance.playing,
      history: session.history.map((r) => ({ ...r })),
      stepMs: [...instance.stepMs],
      drawMs: [...instance.drawMs],
      statusText: instance.root.querySelector(".rle-status")?.textContent ?? "",
    };
  }, id);
}

/** What {@linkcode waitForExplorer} waits for; every given field must hold. */
export interface ExplorerCondition {
  /** At least this epoch. */
  epoch?: number;
  /** This status of the run. */
  status?: string;
  /** Playing or not. */
  playing?: boolean;
}

/**
 * Waits until the explorer meets `condition`, checked inside the page every 50 ms (cheaply:
 * the history is read once, at the end), for up to `ms`; then returns its state.
 */
export async function waitForExplorer(
  page: Page,
  condition: ExplorerCondition,
  ms = 30_000,
  id?: string,
): Promise<ExplorerState> {
  const met = await page.evaluate(
    ({ wanted, condition, ms }) =>
      new Promise<boolean>((resolve) => {
        const until = performance.now() + ms;
        const check = () => {
          const api = globalThis.reluLabExplorer!;
          const instance = api.instances.get(wanted ?? [...api.instances.keys()][0])!;
          const { session } = instance;
          const ok = (condition.epoch === undefined || session.last.epoch >= condition.epoch) &&
            (condition.status === undefined || session.status === condition.status) &&
            (condition.playing === undefined || instance.playing === condition.playing);
          if (ok) resolve(true);
          else if (performance.now() > until) resolve(false);
          else setTimeout(check, 50);
        };
        check();
      }),
    { wanted: id, condition, ms },
  );
  const state = await explorerState(page, id);
  if (!met) {
    throw new Error(
      `Timed out after ${ms} ms waiting for the explorer to reach ${
        JSON.stringify(condition)
      }: epoch ${state.epoch}, status ${state.status}, playing ${state.playing}`,
    );
  }
  return state;
}

/** A fingerprint of the boundary view's shading pixels (changes when the boundary moves). */
export async function boundaryFingerprint(
  page: Page,
  root = ".relu-lab-explorer",
): Promise<string> {
  return await page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`${selector} .rle-boundary canvas`)!;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i++) hash = (Math.imul(hash, 31) + data[i]) | 0;
    return `${hash}`;
  }, root);
}

/** The loss chart's markup (changes when a curve gains a point). */
export async function lossChart(page: Page, root = ".relu-lab-explorer"): Promise<string> {
  return await page.$eval(`${root} .rle-loss`, (element) => element.innerHTML);
}
