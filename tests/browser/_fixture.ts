/** The explorer fixture notebook, executed and rendered once per test process by the runner. */
import assert from "node:assert/strict";
import { main } from "../../src/runner/cli.ts";

/** The fixture: a notebook whose one code cell displays the explorer. */
export const FIXTURE = "tests/browser/fixtures/explorer.ipynb";
/** Where the runner writes the executed notebook and its page. */
export const OUT = "build/test-browser";

let rendered: Promise<{ page: string; notebook: string }> | undefined;

/**
 * Runs the fixture through the runner (Jupyter and the Deno kernel) into `OUT`, quietly
 * unless it fails, and returns the absolute paths of the page and the executed notebook.
 */
export function renderFixture(): Promise<{ page: string; notebook: string }> {
  rendered ??= (async () => {
    const lines: string[] = [];
    const { log, error } = console;
    console.log = (...parts: unknown[]) => lines.push(parts.join(" "));
    console.error = (...parts: unknown[]) => lines.push(parts.join(" "));
    try {
      const code = await main(["--no-update", "--out", OUT, FIXTURE]);
      assert.equal(code, 0, lines.join("\n"));
    } finally {
      console.log = log;
      console.error = error;
    }
    const dir = `${Deno.cwd()}/${OUT}`;
    return { page: `${dir}/explorer.html`, notebook: `${dir}/explorer.ipynb` };
  })();
  return rendered;
}
