/**
 * Makes sure Jupyter (Debian's packages) and the Deno kernelspec are installed.
 *
 * @module
 */

/** Debian's Python, which has jupyter_client (the first python3 on PATH may not). */
export const PYTHON = "/usr/bin/python3";
/** Debian's jupyter command. */
export const JUPYTER = "/usr/bin/jupyter";
/** The Debian packages the runner needs. */
export const APT_PACKAGES = [
  "jupyter-notebook",
  "jupyter-nbconvert",
  "python3-nbclient",
  "jupyter-client",
];

const INSTALL_HINT = `Jupyter is missing. As root, run:\n` +
  `  apt-get update && apt-get install -y ${APT_PACKAGES.join(" ")}`;

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
      env: { PYDEVD_DISABLE_FILE_VALIDATION: "1" },
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

async function hasJupyter(): Promise<boolean> {
  const probe = await run(PYTHON, ["-c", "import jupyter_client, notebook"]);
  return probe.ok;
}

/**
 * Installs Jupyter from Debian's packages when it is missing and this process runs as root;
 * otherwise throws an Error saying exactly what to install.
 */
export async function ensureJupyter(log: (line: string) => void = console.error): Promise<void> {
  if (await hasJupyter()) return;
  if (Deno.uid() !== 0) throw new Error(INSTALL_HINT);
  log(`Installing Jupyter with apt-get: ${APT_PACKAGES.join(" ")}`);
  const update = await run("apt-get", ["update"], { quiet: false });
  const install = update.ok
    ? await run("apt-get", ["install", "-y", ...APT_PACKAGES], { quiet: false })
    : update;
  if (!install.ok || !(await hasJupyter())) {
    throw new Error(`${INSTALL_HINT}\n(apt-get failed: ${install.stderr.trim()})`);
  }
}

interface KernelSpecList {
  kernelspecs: Record<string, { spec: { argv: string[]; env?: Record<string, string> } }>;
}

/** The kernel.json the runner installs: the running deno, with NO_COLOR=1 (no ANSI codes). */
export function kernelSpec(deno: string): Record<string, unknown> {
  return {
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno",
    language: "typescript",
    env: { NO_COLOR: "1" },
  };
}

/**
 * Makes sure the user kernelspec "deno" exists and runs `deno` (default: the deno running this
 * code) with NO_COLOR=1. Writes the spec under `buildDir` and installs it with
 * `jupyter kernelspec install --user`.
 *
 * @returns Whether the kernelspec had to be (re)installed.
 */
export async function ensureKernelSpec(
  buildDir: string,
  deno: string = Deno.execPath(),
): Promise<boolean> {
  const listed = await run(JUPYTER, ["kernelspec", "list", "--json"]);
  if (listed.ok) {
    const spec = (JSON.parse(listed.stdout) as KernelSpecList).kernelspecs.deno?.spec;
    if (spec && spec.argv[0] === deno && spec.env?.NO_COLOR === "1") return false;
  }
  const dir = `${buildDir}/kernelspec/deno`;
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(`${dir}/kernel.json`, JSON.stringify(kernelSpec(deno), null, 2) + "\n");
  const installed = await run(JUPYTER, ["kernelspec", "install", "--user", "--name", "deno", dir]);
  if (!installed.ok) {
    throw new Error(`Cannot install the Deno kernelspec: ${installed.stderr.trim()}`);
  }
  return true;
}
