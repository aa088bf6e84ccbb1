/**
 * Makes sure Debian's Chromium is installed, for the browser tests and the explorer's browser
 * benchmark (no browser download: the tests drive this one through puppeteer-core).
 *
 * @module
 */

import { aptCommand, aptInstall, findExecutable, run, searchPath, userId } from "./system.ts";

/**
 * Debian's Chromium.
 *
 * @example
 * ```ts
 * import { CHROMIUM, chromiumVersion } from "./chromium.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(CHROMIUM, "/usr/bin/chromium");
 * assert.match(await chromiumVersion(CHROMIUM) ?? "", /^Chromium \d+\./);
 * ```
 */
export const CHROMIUM = "/usr/bin/chromium";
/**
 * The Debian package that provides it.
 *
 * @example
 * ```ts
 * import { CHROMIUM_PACKAGES } from "./chromium.ts";
 * import { aptCommand } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(aptCommand(CHROMIUM_PACKAGES), "apt-get update && apt-get install -y chromium");
 * ```
 */
export const CHROMIUM_PACKAGES = ["chromium"];

/**
 * The flags the tests launch Chromium with: headless, no sandbox (root in containers and CI),
 * no GPU, and none of its own network traffic (updates, sync, first-run pages).
 *
 * @example
 * ```ts
 * import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.ts";
 * import { run } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * // Chromium keeps its profile, caches and crash reports under HOME: here, a folder in build/.
 * await Deno.mkdir("build", { recursive: true });
 * const home = await Deno.realPath(await Deno.makeTempDir({ dir: "build" }));
 * const url = "data:text/html,<p>ReLU</p>";
 * const page = await run(CHROMIUM, [...CHROMIUM_FLAGS, "--dump-dom", url], { HOME: home });
 * assert.match(page.stdout, /<body><p>ReLU<\/p><\/body>/);
 * await Deno.remove(home, { recursive: true });
 * ```
 */
export const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/**
 * Chromium is missing and cannot be installed here; the message is one line.
 *
 * @example
 * ```ts
 * import { ChromiumMissingError, ensureChromium } from "./chromium.ts";
 * import assert from "node:assert/strict";
 *
 * await assert.rejects(
 *   () => ensureChromium({ chromium: "/no/such/chromium", uid: 1000, path: "/no/such/dir" }),
 *   (error: Error) => error instanceof ChromiumMissingError && !error.message.includes("\n"),
 * );
 * ```
 */
export class ChromiumMissingError extends Error {
  /** The error's name, as printed before its message. */
  override name = "ChromiumMissingError";
}

/** What {@linkcode ensureChromium} reads from the system; tests pass stand-ins. */
export interface ChromiumAccess {
  /** Where progress lines go (apt-get's output included). Default `console.error`. */
  log?: (line: string) => void;
  /** The user id (0 is root). Default `Deno.uid()`. */
  uid?: number | null;
  /** The search path for `apt-get`. Default: this process's `PATH`. */
  path?: string;
  /** The Chromium to check. Default {@linkcode CHROMIUM}. */
  chromium?: string;
}

/**
 * The installed Chromium's version line, or undefined when it does not run.
 *
 * @example
 * ```ts
 * import { chromiumVersion } from "./chromium.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(await chromiumVersion() ?? "", /^Chromium \d+\./);
 * assert.equal(await chromiumVersion("/no/such/chromium"), undefined);
 * ```
 */
export async function chromiumVersion(chromium: string = CHROMIUM): Promise<string | undefined> {
  const probe = await run(chromium, ["--version"]);
  return probe.ok ? probe.stdout.trim() : undefined;
}

/**
 * Makes sure Chromium runs: when it is missing, installs it from Debian's packages if this
 * process runs as root (apt-get's output goes to `log`); else, or when that fails, throws a
 * {@linkcode ChromiumMissingError} whose one line says why (to a user who is not root, it names
 * the apt-get command to run).
 *
 * @returns The version line of the Chromium found or installed.
 *
 * @example
 * ```ts
 * import { ChromiumMissingError, ensureChromium } from "./chromium.ts";
 * import assert from "node:assert/strict";
 *
 * // Chromium is there, so nothing is installed (nor could be: no apt-get on this search path).
 * assert.match(await ensureChromium({ path: "/no/such/dir" }), /^Chromium \d+\./);
 * // Missing, and not root: one line naming the command to run as root (nothing installed).
 * await assert.rejects(
 *   () => ensureChromium({ chromium: "/no/such/chromium", uid: 1000, path: "/no/such/dir" }),
 *   new ChromiumMissingError(
 *     "Chromium is missing (/no/such/chromium does not run); as root, run: " +
 *       "apt-get update && apt-get install -y chromium",
 *   ),
 * );
 * // Missing, as root, with no apt-get on the search path: nothing to install with.
 * await assert.rejects(
 *   () => ensureChromium({ chromium: "/no/such/chromium", uid: 0, path: "/no/such/dir" }),
 *   /apt-get is not on PATH/,
 * );
 * ```
 */
export async function ensureChromium(access: ChromiumAccess = {}): Promise<string> {
  const chromium = access.chromium ?? CHROMIUM;
  const found = await chromiumVersion(chromium);
  if (found !== undefined) return found;
  const command = aptCommand(CHROMIUM_PACKAGES);
  if (userId(access.uid) !== 0) {
    throw new ChromiumMissingError(
      `Chromium is missing (${chromium} does not run); as root, run: ${command}`,
    );
  }
  const aptGet = await findExecutable("apt-get", searchPath(access.path));
  if (!aptGet) {
    throw new ChromiumMissingError(
      `Chromium is missing (${chromium} does not run) and apt-get is not on PATH: install ` +
        `Chromium as ${chromium}`,
    );
  }
  const log = access.log ?? console.error;
  log(`Chromium is missing: installing Debian's packages (${CHROMIUM_PACKAGES.join(" ")})`);
  const failed = await aptInstall(aptGet, CHROMIUM_PACKAGES, { log });
  if (failed) throw new ChromiumMissingError(`Cannot install Chromium: ${failed}`);
  const installed = await chromiumVersion(chromium);
  if (installed === undefined) {
    throw new ChromiumMissingError(
      `Cannot use Chromium after apt-get installed it: ${chromium} --version fails`,
    );
  }
  log(`Installed ${installed} (${chromium})`);
  return installed;
}
