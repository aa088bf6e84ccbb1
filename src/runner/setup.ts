/**
 * `deno task setup`: installs what the test suite needs from outside Deno, each by its own
 * `ensure...()` function: find it, install it when run as root, else stop with one line saying
 * what to install (exit code 2). `deno task test:notebooks` runs it first, so that
 * `deno task test` on a fresh machine installs Jupyter as `deno task notebooks` does. It takes
 * no argument: any (`--help` too) is refused in one line, exit code 2, before anything runs.
 *
 * Each tool has its `ensure...()` (Jupyter for the notebooks, Chromium for the browser tests),
 * throwing an error whose message is one line when it cannot install; add a new one to `STEPS`.
 *
 * @module
 */

import { ChromiumMissingError, ensureChromium } from "./chromium.ts";
import { ensureJupyter, JupyterMissingError } from "./jupyter.ts";

/** One thing to ensure: a name for the report and the function that ensures it. */
interface Step {
  name: string;
  ensure: () => Promise<string>;
  /** The error class whose message is the one line to show (anything else is a bug). */
  expected: abstract new (...args: never[]) => Error;
}

const STEPS: Step[] = [
  {
    name: "Jupyter",
    ensure: async () => {
      const jupyter = await ensureJupyter();
      return `${jupyter.jupyter} (Python ${jupyter.python})`;
    },
    expected: JupyterMissingError,
  },
  { name: "Chromium", ensure: () => ensureChromium(), expected: ChromiumMissingError },
];

if (import.meta.main) {
  if (Deno.args.length > 0) {
    console.error(`Unknown argument ${Deno.args[0]}: deno task setup takes none`);
    Deno.exit(2);
  }
  for (const step of STEPS) {
    try {
      console.error(`${step.name}: ${await step.ensure()}`);
    } catch (error) {
      if (!(error instanceof step.expected)) throw error;
      console.error(error.message);
      Deno.exit(2);
    }
  }
}
