/**
 * `deno task lab` stopped by a signal: one Ctrl-C (SIGINT to the terminal's foreground group),
 * SIGTERM or SIGHUP stops the Jupyter it started, waits for it, and exits with the signal's code
 * after one line; no Jupyter is left holding its port. The Jupyter here is a stand-in that, like
 * Jupyter's "Shutdown this notebook server (y/[n])?", lets a Ctrl-C pass.
 */

import assert from "node:assert/strict";
import {
  killTagged,
  OUT,
  processesLeft,
  scratchDir,
  TASK_PERMISSIONS,
  waitFor,
  writeScript,
} from "./_cli.ts";

const DIR = `${OUT}/lab`;

/**
 * Starts lab.ts, leader of a process group of its own (as a shell's foreground job), with a
 * stand-in Jupyter that ignores the signals `ignores`; returns it and the stand-in's pid.
 */
async function startLab(tag: string, ignores: string): Promise<[Deno.ChildProcess, number]> {
  const dir = Deno.realPathSync(await scratchDir(DIR, tag));
  const started = `${dir}/started`;
  // Its Python: imports anything; `jupyter kernelspec list` shows a deno kernelspec whose program
  // exists (kept as it is); `jupyter notebook` runs until stopped.
  const python = await writeScript(
    `${dir}/bin/python`,
    `#!/bin/sh\n[ "$1" = "-c" ] && exit 0\nshift\n` +
      `[ "$1" = kernelspec ] && exec printf '{"kernelspecs": {"deno": ` +
      `{"resource_dir": "/k", "spec": {"argv": ["/bin/sh"]}}}}'\n` +
      `trap '' ${ignores}\necho $$ > ${started}\nexec sleep 60\n`,
  );
  await writeScript(`${dir}/bin/jupyter`, `#!${python}\n`);
  const child = new Deno.Command("setsid", {
    args: [Deno.execPath(), "run", ...TASK_PERMISSIONS, "src/runner/lab.ts"],
    env: { RELU_LAB_TEST_RUN: tag, PATH: `${dir}/bin:${Deno.env.get("PATH")}` },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const pid = await waitFor("the stand-in Jupyter", async () => {
    const text = await Deno.readTextFile(started).catch(() => "");
    return text.trim() ? Number(text) : undefined;
  }, 30);
  return [child, pid];
}

for (
  const { signal, to, ignores, code, line, within } of [
    {
      signal: "SIGINT",
      to: "its process group (Ctrl-C)",
      ignores: "INT",
      code: 130,
      line: "Interrupted by SIGINT: Jupyter stopped",
      within: 3,
    },
    {
      signal: "SIGTERM",
      to: "deno alone",
      ignores: "INT",
      code: 143,
      line: "Interrupted by SIGTERM: Jupyter stopped",
      within: 3,
    },
    {
      signal: "SIGHUP",
      to: "its process group (the terminal closed)",
      ignores: "INT HUP",
      code: 129,
      line: "Interrupted by SIGHUP: Jupyter stopped",
      within: 3,
    },
    {
      signal: "SIGTERM",
      to: "deno alone, with a Jupyter that ignores SIGTERM",
      ignores: "INT TERM",
      code: 143,
      line: "Interrupted by SIGTERM: Jupyter killed, as it did not stop when asked",
      within: 9,
    },
  ] as const
) {
  Deno.test(`deno task lab sent ${signal} to ${to} stops Jupyter, says so in one line and exits ${code}`, async () => {
    const tag = `lab-${crypto.randomUUID()}`;
    const [child, pid] = await startLab(tag, ignores);
    try {
      const start = performance.now();
      Deno.kill(to.startsWith("deno") ? child.pid : -child.pid, signal);
      const { code: exit, stderr } = await child.output();
      const seconds = (performance.now() - start) / 1000;
      const said = new TextDecoder().decode(stderr).trim().split("\n");
      assert.equal(exit, code, said.join("\n"));
      assert.equal(said.at(-1), line);
      assert.ok(seconds < within, `ended ${seconds} s after the signal`);
      assert.deepEqual(await processesLeft(tag, 2), [], `the stand-in Jupyter (${pid}) is left`);
    } finally {
      await killTagged(tag);
    }
  });
}
