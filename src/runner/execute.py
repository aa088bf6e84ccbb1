"""Execute code cells on a Jupyter kernel and report their outputs as JSON lines.

Spawned by the Deno CLI (src/runner/execute.ts). Reads one JSON request as the first line
of stdin:

    {"kernel": "deno", "cwd": "...", "cells": ["source", ...],
     "timeout": 120, "startup_timeout": 20, "env": {"NO_COLOR": "1"}}

and writes one JSON object per line on stdout, each cell's once it is complete:

    {"event": "kernel", "pid": 4242}     (the kernel's process, leader of its own group)
    {"event": "started"}
    {"event": "cell", "index": 0, "status": "ok", "execution_count": 1, "outputs": [...]}
    ...
    {"event": "timeout", "index": 3, "seconds": 120, "outputs": [...]}   (a cell ran too long)
    {"event": "died", "index": 3, "exit_code": 3, "outputs": [...]}      (the kernel exited)
    {"event": "done"}                     (or {"event": "fatal", "message": "..."})

Execution stops after the first cell whose reply is an error. The rest of stdin is watched:
when it closes (the CLI ended, or was killed), the kernel is shut down. SIGINT, SIGTERM and
SIGHUP shut the kernel down too (its connection file removed); the exit code is then 130.

Start-up. The kernel counts as started once the idle status of a kernel_info request has
arrived on iopub (see Kernel.wait_ready); one that exits before that is started once more.

Late outputs. The Deno kernel sends what a cell prints (console.log, console.error) from a
queue, labelled with the execute request that is current when the queue is emptied, not when
the cell printed. The last lines of a cell may therefore go out after the cell's idle status,
labelled with the cell, or, once the next request has arrived, labelled with that request.
Stock nbclient drops the first kind and puts the second in the wrong cell. Here, after each
cell, a silent request prints a marker through the same queue ("sync"). Once the marker is
out, everything the cell printed is out, labelled with the cell or with the sync request, and
both labels are attributed to the cell (the marker removed). This costs one small request per
cell instead of waiting for a quiet period after each.

Waiting for the marker. While messages keep arriving, the wait goes on: a cell that printed
megabytes is flushed for as long as that takes, up to the cell's --timeout deadline (but at least
SYNC_SECONDS after its idle status). Output still arriving at that deadline makes the cell a
"timeout" event, as a cell that runs too long. A wait that ends in SYNC_SECONDS of silence without
the marker (a kernel stuck in a timer, say) cannot tell whether the cell's output is whole: the
cell is then never reported as ok. Its outputs end with a stderr stream output saying so
("relu-lab runner: ..."), and its event has status "error" with ename "OutputIncomplete", which
stops the run as a failing cell does.
"""

import contextlib
import json
import os
import queue
import signal
import sys
import threading
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from jupyter_core.paths import jupyter_path

SYNC_MARK = "\x1erelu-lab runner: outputs flushed\x1e"
# The first sync keeps the kernel's own console.log under a symbol, so that a cell that replaces
# console.log does not silence the marker.
SYNC_CODE = '(globalThis[Symbol.for("relu-lab.runner.log")] ??= console.log)(%s)' % json.dumps(
    SYNC_MARK)
# Seconds of silence after which the wait for the marker is given up (a kernel stuck in a timer,
# say), and the least time the marker gets after the cell's idle status; see "Waiting for the
# marker" above.
SYNC_SECONDS = 10
# The ename of a cell whose output may be incomplete, and what its appended stderr output says.
INCOMPLETE = "OutputIncomplete"
INCOMPLETE_TEXT = ("relu-lab runner: this cell's output may be incomplete: the kernel sent nothing "
                   "for %g s and had not flushed the cell's output\n")
# How often a wait checks that the kernel is still alive.
POLL_SECONDS = 0.2
# At start-up: how long an answered kernel_info request's idle status may take to reach iopub
# before the request is sent again.
READY_POLL_SECONDS = 0.05
# A kernel that exits before it answers is started once more, on new ports, as Jupyter's own
# restarter does: the ports jupyter_client picks are free when picked, and another process can
# take one before the kernel binds it.
START_ATTEMPTS = 2


class Interrupted(BaseException):
    """SIGINT, SIGTERM or SIGHUP, or the CLI went away.

    A BaseException, like KeyboardInterrupt: library code that catches Exception must not
    swallow it. (jupyter_client's network-interface discovery, in start_kernel, catches
    Exception and warns; an Interrupted caught there was lost, the run went on with the signals
    ignored, and the CLI's SIGKILL then left the kernel running.)
    """


class KernelDied(Exception):
    def __init__(self, exit_code):
        super().__init__(f"kernel exited with code {exit_code}")
        self.exit_code = exit_code


class ExitedEarly(RuntimeError):
    """The kernel process ended before it answered its first request."""


class CellTimeout(Exception):
    pass


class SyncSilent(Exception):
    """The marker did not come, and the kernel sent nothing for SYNC_SECONDS."""


# While the kernel starts, a signal is held back (see deferred_interrupts).
pending = {"starting": False, "signal": None}


def ignore_signals():
    """From now on SIGINT, SIGTERM and SIGHUP change nothing: the shutdown must not be cut."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


def on_signal(signum, _frame):
    # Only the first signal interrupts.
    ignore_signals()
    name = signal.Signals(signum).name
    if pending["starting"]:
        pending["signal"] = name
        return
    raise Interrupted(name)


@contextlib.contextmanager
def deferred_interrupts():
    """Holds a signal back until the block ends, then raises it.

    start_kernel launches the kernel process and only then records it; interrupted in between,
    the manager would not know the process it has to shut down.
    """
    pending["starting"] = True
    try:
        yield
    finally:
        pending["starting"] = False
        if pending["signal"] is not None:
            raise Interrupted(pending["signal"])


def watch_stdin():
    """Interrupts the run when stdin closes: the CLI that spawned us has ended."""
    # os.read, not sys.stdin: a daemon thread blocked inside the buffered reader holds its
    # lock, and the interpreter cannot exit.
    try:
        while os.read(sys.stdin.fileno(), 4096):
            pass
    finally:
        os.kill(os.getpid(), signal.SIGTERM)


def kernel_process(manager):
    """The kernel's Popen: provisioner.process since jupyter_client 7, kernel before."""
    return (getattr(getattr(manager, "provisioner", None), "process", None)
            or getattr(manager, "kernel", None))


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def to_output(msg):
    """Turns an iopub message into an nbformat output dict, or None."""
    kind = msg["header"]["msg_type"]
    content = msg["content"]
    if kind == "stream":
        return {"output_type": "stream", "name": content["name"], "text": content["text"]}
    if kind == "display_data":
        return {
            "output_type": "display_data",
            "data": content.get("data", {}),
            "metadata": content.get("metadata", {}),
        }
    if kind == "execute_result":
        return {
            "output_type": "execute_result",
            "data": content.get("data", {}),
            "metadata": content.get("metadata", {}),
            "execution_count": content.get("execution_count"),
        }
    if kind == "error":
        return {
            "output_type": "error",
            "ename": content.get("ename", ""),
            "evalue": content.get("evalue", ""),
            "traceback": content.get("traceback", []),
        }
    return None


class Kernel:
    """A started kernel, its client, and the iopub messages routed by parent msg_id."""

    def __init__(self, manager, client):
        self.manager = manager
        self.client = client
        self.outputs = {}  # msg_id -> list of outputs
        self.idle = set()  # msg_ids whose idle status has been seen
        self.synced = set()  # msg_ids whose output holds the marker
        self.last_message = time.monotonic()  # when the last iopub message arrived

    def check_alive(self):
        if not self.manager.is_alive():
            process = kernel_process(self.manager)
            # What the kernel sent before it died may still be queued here.
            while self.pump(0.05):
                pass
            raise KernelDied(process.poll() if process is not None else None)

    def pump(self, timeout):
        """Handles one iopub message; returns False if none arrived in time."""
        try:
            msg = self.client.get_iopub_msg(timeout=timeout)
        except queue.Empty:
            return False
        self.last_message = time.monotonic()
        parent = msg.get("parent_header", {}).get("msg_id")
        kind = msg["header"]["msg_type"]
        if parent is None:
            return True
        if kind == "status":
            if msg["content"].get("execution_state") == "idle":
                self.idle.add(parent)
            return True
        outs = self.outputs.setdefault(parent, [])
        if kind == "clear_output":
            outs.clear()
            return True
        out = to_output(msg)
        if out is not None:
            outs.append(out)
            if kind == "stream" and SYNC_MARK in out["text"]:
                self.synced.add(parent)
        return True

    def wait_ready(self, timeout):
        """Returns once the idle status of a kernel_info request has arrived on iopub.

        That status shows both that the kernel answers and that iopub reaches us (a message
        published before our subscription took hold is lost), so no output of the first cell
        can go missing. jupyter_client's wait_for_ready checks the same with fixed waits (up to
        1 s for the reply, 0.2 s for the status, then 0.2 s of silence): about 0.4 s of every
        notebook. Here a request is sent again as soon as one has been answered on shell
        without its status arriving.
        """
        deadline = time.monotonic() + timeout
        asked = [self.client.kernel_info()]
        while not any(msg_id in self.idle for msg_id in asked):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the kernel did not answer within {timeout} s")
            if self.pump(READY_POLL_SECONDS):
                continue
            try:
                reply = self.client.get_shell_msg(timeout=0)
            except queue.Empty:
                try:
                    self.check_alive()
                except KernelDied as died:
                    raise ExitedEarly(
                        f"the kernel exited (code {died.exit_code}) before it answered") from None
                continue
            if reply.get("parent_header", {}).get("msg_id") in asked:
                asked.append(self.client.kernel_info())

    def wait_reply(self, msg_id, deadline):
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CellTimeout
            try:
                reply = self.client.get_shell_msg(timeout=min(remaining, POLL_SECONDS))
            except queue.Empty:
                self.check_alive()
                continue
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return reply

    def wait_idle(self, msg_id, deadline):
        while msg_id not in self.idle:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CellTimeout
            if not self.pump(min(remaining, POLL_SECONDS)):
                self.check_alive()

    def execute(self, source):
        return self.client.execute(source, store_history=True, allow_stdin=False)

    def send_sync(self):
        """Sends the silent request that prints the marker; returns its msg_id."""
        return self.client.execute(SYNC_CODE, silent=True, store_history=False,
                                   allow_stdin=False)

    def wait_sync(self, msg_id, deadline):
        """Waits until the marker is out.

        Raises SyncSilent once the kernel has sent nothing for SYNC_SECONDS, and CellTimeout
        when `deadline` (at least SYNC_SECONDS from now) passes while messages still arrive.
        """
        self.last_message = time.monotonic()
        deadline = max(deadline, self.last_message + SYNC_SECONDS)
        while msg_id not in self.synced:
            now = time.monotonic()
            if now - self.last_message >= SYNC_SECONDS:
                raise SyncSilent
            if now >= deadline:
                raise CellTimeout
            wait = min(deadline, self.last_message + SYNC_SECONDS) - now
            if not self.pump(min(wait, POLL_SECONDS)):
                self.check_alive()

    def outputs_of(self, msg_id, sync_id):
        """The cell's outputs: labelled with it, then the late ones labelled with its sync."""
        outs = list(self.outputs.pop(msg_id, []))
        for out in self.outputs.pop(sync_id, []) if sync_id else []:
            if out["output_type"] != "stream":
                continue  # the sync request's own result, if the kernel sent one
            text = out["text"].replace(SYNC_MARK + "\n", "").replace(SYNC_MARK, "")
            if text:
                outs.append({**out, "text": text})
        # The Deno kernel may deliver a cell's output after the error that ended it, under load:
        # nothing of the cell runs after its error, so the error goes last, whatever the order.
        outs.sort(key=lambda out: out["output_type"] == "error")
        return merge_streams(outs)


def merge_streams(outputs):
    """Joins each run of stream outputs of the same name into one output.

    The texts of a run are collected and joined once: adding each to the last (as this did)
    copies the text gathered so far every time, minutes for a cell that prints megabytes.
    """
    merged = []
    texts = []  # the texts of the run merged[-1] ends, when it is a stream
    for out in outputs:
        if (
            out["output_type"] == "stream"
            and texts
            and merged[-1]["name"] == out["name"]
        ):
            texts.append(out["text"])
            continue
        if len(texts) > 1:
            merged[-1]["text"] = "".join(texts)
        merged.append(dict(out))
        texts = [out["text"]] if out["output_type"] == "stream" else []
    if len(texts) > 1:
        merged[-1]["text"] = "".join(texts)
    return merged


def cell_event(index, reply, outputs):
    content = reply["content"]
    event = {
        "event": "cell",
        "index": index,
        "status": content.get("status", "error"),
        "execution_count": content.get("execution_count"),
        "outputs": outputs,
    }
    if event["status"] != "ok":
        event["error"] = {
            "ename": content.get("ename", ""),
            "evalue": content.get("evalue", ""),
            "traceback": content.get("traceback", []),
        }
    return event


def incomplete_event(index, reply, outputs):
    """The event of a cell whose output may be incomplete: never ok, and saying so in its outputs.
    """
    note = INCOMPLETE_TEXT % SYNC_SECONDS
    outputs = merge_streams(
        [out for out in outputs if out["output_type"] != "error"]
        + [{"output_type": "stream", "name": "stderr", "text": note}]
        + [out for out in outputs if out["output_type"] == "error"])
    event = cell_event(index, reply, outputs)
    if event["status"] == "ok":
        event["status"] = "error"
        event["error"] = {"ename": INCOMPLETE, "evalue": note.strip(), "traceback": []}
    return event


def run_cells(kernel, cells, timeout):
    """Runs the cells in order, yielding an event as each one is complete."""
    for index, source in enumerate(cells):
        msg_id = kernel.execute(source)
        sync_id = None
        try:
            deadline = time.monotonic() + timeout
            reply = kernel.wait_reply(msg_id, deadline)
            kernel.wait_idle(msg_id, deadline)
            sync_id = kernel.send_sync()
            kernel.wait_sync(sync_id, deadline)
        except CellTimeout:
            yield {"event": "timeout", "index": index, "seconds": timeout,
                   "outputs": kernel.outputs_of(msg_id, sync_id)}
            return
        except SyncSilent:
            yield incomplete_event(index, reply, kernel.outputs_of(msg_id, sync_id))
            return
        except KernelDied as died:
            yield {"event": "died", "index": index, "exit_code": died.exit_code,
                   "outputs": kernel.outputs_of(msg_id, sync_id)}
            return
        yield cell_event(index, reply, kernel.outputs_of(msg_id, sync_id))
        if reply["content"].get("status") != "ok":
            return


def main():
    request = json.loads(sys.stdin.buffer.readline())
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)  # the terminal closed
    threading.Thread(target=watch_stdin, daemon=True).start()
    env = dict(os.environ)
    env.update(request.get("env", {}))
    manager = None
    client = None
    try:
        try:
            for attempt in range(1, START_ATTEMPTS + 1):
                manager = KernelManager(kernel_name=request.get("kernel", "deno"),
                                        kernel_spec_manager=kernel_specs())
                with deferred_interrupts():
                    manager.start_kernel(cwd=request["cwd"], env=env)
                process = kernel_process(manager)
                if process is not None:
                    # Should this script be killed outright, the CLI stops the kernel by this.
                    emit({"event": "kernel", "pid": process.pid})
                client = manager.client()
                client.start_channels()
                kernel = Kernel(manager, client)
                try:
                    kernel.wait_ready(request.get("startup_timeout", 20))
                    break
                except ExitedEarly as error:
                    if attempt == START_ATTEMPTS:
                        raise ExitedEarly(f"{error} (started {START_ATTEMPTS} times)") from None
                    client.stop_channels()
                    client = None
                    shut_down(manager)
        except Exception as error:  # noqa: BLE001 - reported to the CLI as text
            emit({"event": "fatal", "message": f"Cannot start kernel: {error}"})
            return 2
        emit({"event": "started"})
        for event in run_cells(kernel, request["cells"], request.get("timeout", 120)):
            emit(event)
        emit({"event": "done"})
        return 0
    except Interrupted:
        return 130
    finally:
        # The shutdown must run to its end: a first SIGTERM arriving now (the CLI's, or ours when
        # stdin closes) would raise Interrupted inside it and leave the kernel running. When the
        # CLI is killed outright, its stdout breaks (an exception here) and its stdin closes (a
        # SIGTERM from watch_stdin) at once. (Most likely how one CI run left a kernel behind;
        # not reproduced in 30 runs of that test under load, before or after this change.)
        ignore_signals()
        try:
            if client is not None:
                client.stop_channels()
        finally:
            if manager is not None:
                shut_down(manager)


def kernel_specs():
    """A KernelSpecManager over Jupyter's kernel folders (JUPYTER_PATH first).

    The default one also looks in IPython's folder, and imports IPython to find it: 0.3 s or
    more of every notebook, for a folder no Deno kernelspec is in.
    """
    return KernelSpecManager(kernel_dirs=jupyter_path("kernels"))


def shut_down(manager):
    """Stops the kernel and removes its connection file."""
    try:
        manager.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001 - a kernel that never started, or already gone
        pass


if __name__ == "__main__":
    sys.exit(main())
