/**
 * Makes sure Debian's Chromium is installed, for the browser tests and the explorer's browser
 * benchmark (no browser download: the tests drive this one through puppeteer-core).
 *
 * @module
 */

/** Debian's Chromium. */
export const CHROMIUM = "/usr/bin/chromium";
/** The Debian package that provides it. */
export const CHROMIUM_PACKAGES = ["chromium"];

/**
 * The flags the tests launch Chromium with: headless, no sandbox (root in containers and CI),
 * no GPU, and none of its own network traffic (updates, sync, first-run pages).
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

/** Chromium is missing and cannot be installed here; the message is one line (plus the command). */
export class ChromiumMissingError extends Error {
  override name = "ChromiumMissingError";
}

const INSTALL_HINT = `Chromium is missing. As root, run:\n` +
  `  apt-get update && apt-get install -y ${CHROMIUM_PACKAGES.join(" ")}`;

async function run(
  command: string,
  args: string[],
  options: { quiet?: boolean } = {},
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  try {
    const quiet = options.quiet !== false;
    const output = await new Deno.Command(command, {
      args,
      stdout: quiet ? "piped" : "inherit",
      stderr: quiet ? "piped" : "inherit",
      env: { DEBIAN_FRONTEND: "noninteractive" },
    }).output();
    // Only piped streams can be read: an inherited one went to the terminal already.
    return {
      ok: output.success,
      stdout: quiet ? new TextDecoder().decode(output.stdout) : "",
      stderr: quiet ? new TextDecoder().decode(output.stderr) : "",
    };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return { ok: false, stdout: "", stderr: "" };
    throw error;
  }
}

/** The installed Chromium's version line, or undefined when it does not run. */
export async function chromiumVersion(): Promise<string | undefined> {
  const probe = await run(CHROMIUM, ["--version"]);
  return probe.ok ? probe.stdout.trim() : undefined;
}

/**
 * Installs Chromium from Debian's packages when it is missing and this process runs as root;
 * otherwise throws an Error saying exactly what to install.
 *
 * @param log Where to say that it installs.
 * @returns The version line of the Chromium found or installed.
 */
export async function ensureChromium(
  log: (line: string) => void = console.error,
): Promise<string> {
  const found = await chromiumVersion();
  if (found !== undefined) return found;
  if (Deno.uid() !== 0) throw new ChromiumMissingError(INSTALL_HINT);
  log(`Installing Chromium with apt-get: ${CHROMIUM_PACKAGES.join(" ")}`);
  const update = await run("apt-get", ["update"], { quiet: false });
  const install = update.ok
    ? await run("apt-get", ["install", "-y", ...CHROMIUM_PACKAGES], { quiet: false })
    : update;
  const installed = await chromiumVersion();
  if (!install.ok || installed === undefined) {
    throw new ChromiumMissingError(`${INSTALL_HINT}\n(apt-get failed: ${install.stderr.trim()})`);
  }
  return installed;
}
