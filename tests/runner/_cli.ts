/**
 * Helpers of the runner tests: the CLI run in-process (output captured) or as a process of its
 * own (to send it signals), the processes a run left behind, the fixtures' paths, small
 * notebooks written in code and stand-in scripts.
 */
import { main } from "../../src/runner/cli.ts";
import type { SystemAccess } from "../../src/runner/jupyter.ts";
import { type Notebook, parseNotebook } from "../../src/runner/notebook.ts";

export const FIXTURES = "tests/runner/fixtures";
export const OUT = "build/test-runner";

/** The permissions of `deno task notebooks`, with writes limited to build/. */
export const TASK_PERMISSIONS = [
  "--allow-run",
  "--allow-read",
  "--allow-env=PATH",
  "--allow-sys=uid",
  "--allow-write=build",
];

/** Runs the CLI in-process with --no-update, capturing what it prints. */
export async function runCli(
  args: string[],
  options: { out?: string; system?: SystemAccess } = {},
): Promise<{ code: number; output: string }> {
  const { result, output } = await captured(() =>
    main(["--no-update", "--out", options.out ?? OUT, ...args], options.system)
  );
  return { code: result, output };
}

/**
 * Runs `run`, capturing what it prints: `output` all of it in order, `stdout` what went to
 * console.log, `stderr` what went to console.error.
 */
export async function captured<T>(
  run: () => Promise<T>,
): Promise<{ result: T; output: string; stdout: string; stderr: string }> {
  const lines: { line: string; to: "stdout" | "stderr" }[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => lines.push({ line: parts.join(" "), to: "stdout" });
  console.error = (...parts: unknown[]) => lines.push({ line: parts.join(" "), to: "stderr" });
  const joined = (to?: "stdout" | "stderr") =>
    lines.filter((entry) => !to || entry.to === to).map((entry) => entry.line).join("\n");
  try {
    const result = await run();
    return { result, output: joined(), stdout: joined("stdout"), stderr: joined("stderr") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

/** A notebook with a heading, a paragraph and one code cell per source, never run. */
export function notebookOf(title: string, sources: string[]): Notebook {
  return {
    cells: [
      { cell_type: "markdown", source: `# ${title}\n\nAbout ${title}.`, metadata: {} },
      ...sources.map((source) => ({
        cell_type: "code" as const,
        source,
        metadata: {},
        outputs: [],
        execution_count: null,
      })),
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** The executed notebook the runner wrote under `out`. */
export async function readBuilt(name: string, out = OUT): Promise<Notebook> {
  return parseNotebook(await Deno.readTextFile(`${out}/${name}.ipynb`));
}

/** A notebook text field (a string or a list of lines) as one string. */
export function joined(value: unknown): string {
  return Array.isArray(value) ? value.join("") : String(value ?? "");
}

/**
 * Starts the CLI (`src/runner/cli.ts`, or another script) as a process of its own, with the
 * task's permissions and the environment variable RELU_LAB_TEST_RUN set to `tag`, which every
 * process it starts (Python, the kernel) inherits.
 */
export function spawnCli(
  args: string[],
  options: { tag: string; env?: Record<string, string>; script?: string },
): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", ...TASK_PERMISSIONS, options.script ?? "src/runner/cli.ts", ...args],
    env: { NO_COLOR: "1", RELU_LAB_TEST_RUN: options.tag, ...options.env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

/**
 * The processes whose environment has RELU_LAB_TEST_RUN=`tag`, as `ps` lists them: pid and
 * command line followed by the environment.
 */
export async function processesTagged(tag: string): Promise<{ pid: number; command: string }[]> {
  const { stdout } = await new Deno.Command("ps", {
    args: ["-e", "e", "-ww", "-o", "pid=,args="],
    stdout: "piped",
    stderr: "null",
  }).output();
  return new TextDecoder().decode(stdout).split("\n")
    .filter((line) => line.split(/\s+/).includes(`RELU_LAB_TEST_RUN=${tag}`))
    .map((line) => {
      const [, pid, command] = line.match(/^\s*(\d+)\s+(.*)$/) ?? [];
      return { pid: Number(pid), command };
    });
}

/**
 * The processes of the run tagged `tag` still alive after waiting up to `seconds` for them to
 * end: `[]` once none is left.
 */
export async function processesLeft(
  tag: string,
  seconds: number,
): Promise<{ pid: number; command: string }[]> {
  return await waitFor("no process left", async () => {
    const processes = await processesTagged(tag);
    return processes.length === 0 ? processes : undefined;
  }, seconds).catch(async () => await processesTagged(tag));
}

/**
 * Kills (SIGKILL) every process a run tagged `tag` left alive; returns how many it found. For a
 * test's `finally`, so that a failed assertion leaves no kernel running for the next tests.
 */
export async function killTagged(tag: string): Promise<number> {
  const left = await processesTagged(tag);
  for (const { pid } of left) {
    try {
      Deno.kill(pid, "SIGKILL");
    } catch { /* gone meanwhile */ }
  }
  return left.length;
}

/** Makes `<root>/<name>/bin` afresh (anything there before removed); returns `<root>/<name>`. */
export async function scratchDir(root: string, name: string): Promise<string> {
  const dir = `${root}/${name}`;
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  await Deno.mkdir(`${dir}/bin`, { recursive: true });
  return dir;
}

/** Writes `text` to `path` as a script anyone may run; returns the path. */
export async function writeScript(path: string, text: string): Promise<string> {
  await Deno.writeTextFile(path, text);
  await Deno.chmod(path, 0o755);
  return path;
}

/** The lines of a file, blank ones left out; none when the file is not there. */
export async function readLines(path: string): Promise<string[]> {
  try {
    return (await Deno.readTextFile(path)).split("\n").filter((line) => line);
  } catch {
    return [];
  }
}

/** Waits until `check` returns a value other than undefined; fails after `seconds`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  seconds = 90,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${seconds} s waiting for ${what}`);
}
