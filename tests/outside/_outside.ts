/**
 * Helpers for the tests that use relu-lab from outside the repository: they start `deno` in a
 * temporary directory and serve `src/` over HTTP, so they need permissions that the unit suite
 * does not grant. Run them with `deno task test:outside`; elsewhere they are reported ignored.
 *
 * @module
 */

/** The repository's root directory, as an absolute path without a trailing slash. */
export const REPO_ROOT = decodeURIComponent(new URL("../../", import.meta.url).pathname).replace(
  /\/$/,
  "",
);

/** The permissions these tests need that are not granted, e.g. `["--allow-net=127.0.0.1"]`. */
export function missingPermissions(): string[] {
  const missing: string[] = [];
  const granted = (descriptor: Deno.PermissionDescriptor) =>
    Deno.permissions.querySync(descriptor).state === "granted";
  if (!granted({ name: "read" })) missing.push("--allow-read");
  if (!granted({ name: "write" })) missing.push("--allow-write");
  if (!granted({ name: "net", host: "127.0.0.1" })) missing.push("--allow-net=127.0.0.1");
  if (!granted({ name: "run" })) missing.push("--allow-run");
  return missing;
}

const missing = missingPermissions();

/** Whether the tests must be skipped, with the reason printed once. */
export const IGNORE_OUTSIDE = missing.length > 0;
if (IGNORE_OUTSIDE) {
  console.warn(
    `tests/outside/ ignored: they need ${missing.join(" ")} (run: deno task test:outside)`,
  );
}

/** What a finished `deno` subprocess left. */
export interface DenoRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `deno <args>` in `cwd`, without colours, and returns its exit code and output. It is
 * killed after `timeoutMs` (the first run may download npm packages).
 */
export async function runDeno(
  args: string[],
  cwd: string,
  timeoutMs = 180_000,
): Promise<DenoRun> {
  const output = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(timeoutMs),
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}

/** The Deno or npm configuration files in `dir` and its ancestors (there should be none). */
export function configFilesAbove(dir: string): string[] {
  const parts = dir.split("/").filter((part) => part !== "");
  const dirs = parts.map((_, i) => "/" + parts.slice(0, i + 1).join("/")).concat("");
  return dirs.flatMap((at) =>
    ["deno.json", "deno.jsonc", "package.json"].map((name) => `${at}/${name}`)
  ).filter((path) => {
    try {
      return Deno.statSync(path).isFile;
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return false;
      throw error;
    }
  });
}
