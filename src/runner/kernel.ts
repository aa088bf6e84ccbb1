/**
 * `deno task kernel`: makes sure Jupyter is there (Debian's packages are installed when run as
 * root and there is none) and that the user's Jupyter has a working `deno` kernelspec, as
 * `deno task lab` does, without starting Jupyter. Headless runs (`deno task notebooks`) need
 * neither: they use a kernelspec of their own under build/jupyter.
 *
 * @module
 */

import { ensureJupyter, ensureUserKernelSpec, JupyterMissingError } from "./jupyter.ts";

if (import.meta.main) {
  if (Deno.args.length > 0) {
    console.error(`Unknown argument ${Deno.args[0]}: deno task kernel takes none`);
    Deno.exit(2);
  }
  try {
    const jupyter = await ensureJupyter();
    console.log(`Jupyter: ${jupyter.jupyter} (Python ${jupyter.python})`);
    console.log((await ensureUserKernelSpec(jupyter)).message);
  } catch (error) {
    if (!(error instanceof JupyterMissingError)) throw error;
    console.error(error.message);
    Deno.exit(2);
  }
}
