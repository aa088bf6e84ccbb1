/**
 * execute.py under signals that arrive while the kernel starts, with a stand-in for
 * jupyter_client's KernelManager whose "kernel" is a `sleep` process: the moments are placed
 * exactly, which a real kernel's start does not allow.
 */

import assert from "node:assert/strict";
import { ensureJupyter } from "../../src/runner/jupyter.ts";

const EXECUTE_PY = new URL("../../src/runner/execute.py", import.meta.url).pathname;

/** As jupyter_client does, the stand-in can only shut down the process it has recorded. */
const DEFAULT_SHUTDOWN = `
        self.process.kill()
        self.process.wait()`;

/**
 * Runs execute.py's main() with a KernelManager whose start_kernel does `start` (Python source,
 * indented for a method body), and returns its exit code, its events and whether the "kernel"
 * was still running when main() returned.
 */
async function runWithStart(start: string, shutdown = DEFAULT_SHUTDOWN) {
  const script = `
import importlib.util, json, os, signal, subprocess, sys, time
spec = importlib.util.spec_from_file_location("execute", ${JSON.stringify(EXECUTE_PY)})
execute = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute)

launched = []  # every "kernel" started, whether or not the manager recorded it


def launch():
    process = subprocess.Popen(["sleep", "60"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    launched.append(process)
    return process


class StandIn:
    def __init__(self, kernel_name, kernel_spec_manager):
        self.process = None
    def start_kernel(self, cwd, env):
${start}
    def client(self):
        raise RuntimeError("the run went on after the signal")
    def shutdown_kernel(self, now):
${shutdown}

execute.KernelManager = StandIn
try:
    code = execute.main()
except BaseException as error:  # what escaped main(), reported with whether the kernel was left
    code = repr(error)
alive = any(process.poll() is None for process in launched)
for process in launched:
    process.kill()
print(json.dumps({"code": code, "kernel_left": alive}), file=sys.stderr)
`;
  const { python } = await ensureJupyter();
  const child = new Deno.Command(python, {
    args: ["-c", script],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // stdin stays open while it runs, as the CLI keeps it: execute.py stops when it closes.
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify({ cwd: ".", cells: ["1"] }) + "\n"));
  // A run that does not end fails the test after 30 s instead of hanging it.
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill("SIGKILL");
  }, 30_000);
  const [stdout, stderr] = await Promise.all([
    new Response(child.stdout).bytes(),
    new Response(child.stderr).bytes(),
    child.status,
  ]).finally(() => clearTimeout(timer));
  await writer.close().catch(() => {});
  if (killed) throw new Error("execute.py (with the stand-in kernel) did not end within 30 s");
  const lines = new TextDecoder().decode(stderr).trim().split("\n");
  const events = new TextDecoder().decode(stdout).trim().split("\n").filter((l) => l)
    .map((l) => JSON.parse(l).event);
  return { ...JSON.parse(lines.at(-1)!), events } as {
    code: number | string;
    kernel_left: boolean;
    events: string[];
  };
}

Deno.test("execute.py: a SIGTERM that library code catches as an Exception still stops the run", async () => {
  // As jupyter_client's network-interface discovery does inside start_kernel.
  const result = await runWithStart(`
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.5)
        except Exception:
            pass
        self.process = launch()`);
  assert.deepEqual(result, { code: 130, kernel_left: false, events: [] });
});

Deno.test("execute.py: a SIGTERM between launching the kernel and recording it still shuts it down", async () => {
  const result = await runWithStart(`
        process = launch()
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.5)
        self.process = process`);
  assert.deepEqual(result, { code: 130, kernel_left: false, events: [] });
});

Deno.test("execute.py: a SIGTERM that arrives while it shuts the kernel down does not cut the shutdown short", async () => {
  // When the CLI is killed outright, its stdout breaks and its stdin closes at once: execute.py
  // fails writing an event, and the SIGTERM from its stdin watcher lands in the cleanup.
  const result = await runWithStart(
    `
        self.process = launch()`,
    `
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.5)
        self.process.kill()
        self.process.wait()`,
  );
  assert.deepEqual(result, { code: 2, kernel_left: false, events: ["fatal"] });
});

Deno.test("execute.py: a cell's output that the kernel delivers after its error is put before it", async () => {
  // Under load the Deno kernel sent console.log's line after the error that ended the cell (5 of
  // 12 runs of a print-then-throw cell with the CPU busy), or with the sync request (late).
  const script = `
import importlib.util, json
spec = importlib.util.spec_from_file_location("execute", ${JSON.stringify(EXECUTE_PY)})
execute = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute)
kernel = execute.Kernel(None, None)
out = lambda text: {"output_type": "stream", "name": "stdout", "text": text}
error = {"output_type": "error", "ename": "RangeError", "evalue": "stop", "traceback": []}
kernel.outputs = {"cell": [out("0\\n"), error, out("1\\n")], "sync": [out("2\\n" + execute.SYNC_MARK)]}
print(json.dumps(kernel.outputs_of("cell", "sync")))
`;
  const { python } = await ensureJupyter();
  const { stdout, success } = await new Deno.Command(python, { args: ["-c", script] }).output();
  assert.ok(success);
  assert.deepEqual(JSON.parse(new TextDecoder().decode(stdout)), [
    { output_type: "stream", name: "stdout", text: "0\n1\n2\n" },
    { output_type: "error", ename: "RangeError", evalue: "stop", traceback: [] },
  ]);
});
