/**
 * execute.py's wait for a cell's late output (the "sync" marker) and its gathering of outputs,
 * against a stand-in kernel client on a simulated clock: a wait of a minute takes no time, and the
 * moments each message arrives are placed exactly.
 */

import assert from "node:assert/strict";
import { ensureJupyter } from "../../src/runner/jupyter.ts";

const EXECUTE_PY = new URL("../../src/runner/execute.py", import.meta.url).pathname;

const PRELUDE = `
import importlib.util, json, queue
spec = importlib.util.spec_from_file_location("execute", ${JSON.stringify(EXECUTE_PY)})
execute = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute)
`;

/** Runs Python `script` after PRELUDE and returns what it printed, parsed as JSON. */
async function python(script: string): Promise<unknown> {
  const { python } = await ensureJupyter();
  const { stdout, stderr, success } = await new Deno.Command(python, {
    args: ["-c", PRELUDE + script],
  }).output();
  assert.ok(success, new TextDecoder().decode(stderr));
  return JSON.parse(new TextDecoder().decode(stdout));
}

interface Event {
  event: string;
  status?: string;
  outputs: { output_type: string; name?: string; text?: string }[];
  error?: { ename: string; evalue: string };
}

/**
 * Runs one cell through execute.run_cells with `timeout` seconds, on a kernel that answers the
 * cell at once and then, for the sync request, sends `lines` lines of the cell's late output,
 * one every `every` seconds, followed by the marker unless `marker` is false.
 */
async function runCell(
  { timeout, lines, every, marker = true }: {
    timeout: number;
    lines: number;
    every: number;
    marker?: boolean;
  },
): Promise<Event> {
  const events = await python(`
class Clock:
    now = 0.0
    def monotonic(self):
        return self.now

clock = Clock()
execute.time = clock


class Client:
    def __init__(self):
        self.iopub = []  # (time, message), in time order
        self.shell = []
        self.requests = 0

    def send(self, at, parent, kind, content):
        message = {"header": {"msg_type": kind}, "parent_header": {"msg_id": parent},
                   "content": content}
        self.iopub.append((at, message))

    def execute(self, code, **_):
        self.requests += 1
        msg_id = f"request-{self.requests}"
        now = clock.now
        self.shell.append({"parent_header": {"msg_id": msg_id},
                           "content": {"status": "ok", "execution_count": 1}})
        if self.requests == 1:
            self.send(now + 0.1, msg_id, "stream", {"name": "stdout", "text": "first\\n"})
        else:
            for i in range(${lines}):
                self.send(now + (i + 1) * ${every}, msg_id, "stream",
                          {"name": "stdout", "text": f"late {i}\\n"})
            if ${marker ? "True" : "False"}:
                self.send(now + (${lines} + 1) * ${every}, msg_id, "stream",
                          {"name": "stdout", "text": execute.SYNC_MARK + "\\n"})
        self.send(self.iopub[-1][0] if self.iopub else now, msg_id, "status",
                  {"execution_state": "idle"})
        self.iopub.sort(key=lambda pair: pair[0])
        return msg_id

    def get_shell_msg(self, timeout):
        if not self.shell:
            clock.now += timeout
            raise queue.Empty
        return self.shell.pop(0)

    def get_iopub_msg(self, timeout):
        if self.iopub and self.iopub[0][0] <= clock.now + timeout:
            at, message = self.iopub.pop(0)
            clock.now = max(clock.now, at)
            return message
        clock.now += timeout
        raise queue.Empty


class Manager:
    def is_alive(self):
        return True


kernel = execute.Kernel(Manager(), Client())
print(json.dumps(list(execute.run_cells(kernel, ["cell"], ${timeout}))))
`) as Event[];
  assert.equal(events.length, 1);
  return events[0];
}

Deno.test("execute.py: a cell's late output that keeps coming for longer than SYNC_SECONDS is all kept", async () => {
  // 25 lines, one a second, after the cell's idle status: the old wait gave up after 10 s and
  // stored the cell as ok with the lines that had come (13,459 of 20,000 in the audit).
  const event = await runCell({ timeout: 60, lines: 25, every: 1 });
  assert.equal(event.status, "ok");
  const text = event.outputs.map((out) => out.text).join("");
  assert.equal(text.split("\n").filter((line) => line.startsWith("late ")).length, 25);
  assert.deepEqual(event.outputs.map((out) => out.name), ["stdout"]);
  // With a --timeout shorter than SYNC_SECONDS, the marker still gets SYNC_SECONDS.
  const short = await runCell({ timeout: 1, lines: 4, every: 2 });
  assert.equal(short.status, "ok");
  assert.equal(short.outputs[0].text, "first\nlate 0\nlate 1\nlate 2\nlate 3\n");
});

Deno.test("execute.py: output still arriving at the cell's deadline makes it a timeout, not ok", async () => {
  const event = await runCell({ timeout: 30, lines: 1000, every: 0.5 });
  assert.equal(event.event, "timeout");
  // What had arrived is kept, the lines labelled with the sync request included.
  assert.match(event.outputs[0].text!, /^first\nlate 0\nlate 1\n/);
});

Deno.test("execute.py: a cell whose late output stops without the marker is reported incomplete", async () => {
  const event = await runCell({ timeout: 60, lines: 3, every: 1, marker: false });
  assert.equal(event.event, "cell");
  assert.equal(event.status, "error");
  assert.equal(event.error?.ename, "OutputIncomplete");
  assert.deepEqual(event.outputs.map((out) => [out.name, out.text]), [
    ["stdout", "first\nlate 0\nlate 1\nlate 2\n"],
    [
      "stderr",
      "relu-lab runner: this cell's output may be incomplete: the kernel sent nothing for 10 s " +
      "and had not flushed the cell's output\n",
    ],
  ]);
});

Deno.test("execute.py: merge_streams joins each run of same-name streams once, in order", async () => {
  // Texts that refuse `+`: adding each to the last copies the text so far every time (13.5 s of a
  // 17.3 s run of 3,000 lines of 1,000 characters); joining does not use `+`.
  const merged = await python(`
class Piece(str):
    def __add__(self, other):
        raise AssertionError("concatenated one by one")

def out(name, text):
    return {"output_type": "stream", "name": name, "text": Piece(text)}

shown = {"output_type": "display_data", "data": {"text/plain": "x"}, "metadata": {}}
outputs = ([out("stdout", f"{i}\\n") for i in range(3)] + [out("stderr", "e\\n"), shown]
           + [out("stdout", "a"), out("stdout", "b"), out("stderr", "c")])
print(json.dumps(execute.merge_streams(outputs)))
`);
  const stream = (name: string, text: string) => ({ output_type: "stream", name, text });
  assert.deepEqual(merged, [
    stream("stdout", "0\n1\n2\n"),
    stream("stderr", "e\n"),
    { output_type: "display_data", data: { "text/plain": "x" }, metadata: {} },
    stream("stdout", "ab"),
    stream("stderr", "c"),
  ]);
});
