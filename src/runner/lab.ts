/**
 * `deno task lab`: starts Jupyter Notebook on notebooks/ with the Deno kernel installed
 * (the deno running this task, with NO_COLOR=1).
 *
 * @module
 */

import { ensureJupyter, ensureKernelSpec, JUPYTER } from "./jupyter.ts";

if (import.meta.main) {
  await ensureJupyter();
  if (await ensureKernelSpec("build")) {
    console.error(`Installed the Deno kernelspec for ${Deno.execPath()}`);
  }
  const status = await new Deno.Command(JUPYTER, {
    args: [
      "notebook",
      "--notebook-dir=notebooks",
      // Jupyter refuses to run as root (as in containers and CI) unless told it may.
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
      ...Deno.args,
    ],
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  Deno.exit(status.code);
}
