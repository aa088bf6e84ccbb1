/**
 * `deno task kernel`: installs Jupyter (Debian packages, as root) if missing and the "deno"
 * kernelspec for the deno running this task, with NO_COLOR=1.
 *
 * @module
 */

import { ensureJupyter, ensureKernelSpec } from "./jupyter.ts";

if (import.meta.main) {
  await ensureJupyter();
  const installed = await ensureKernelSpec("build");
  console.log(
    `Deno kernelspec ${installed ? "installed" : "already installed"} for ${Deno.execPath()}`,
  );
}
