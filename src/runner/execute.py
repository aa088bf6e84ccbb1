"""Execute code cells on a Jupyter kernel and stream their outputs as JSON lines.

Spawned by the Deno CLI (src/runner/execute.ts). Reads one JSON request on stdin:

    {"kernel": "deno", "cwd": "...", "cells": ["source", ...],
     "timeout": 120, "startup_timeout": 60, "env": {"NO_COLOR": "1"}}

and writes one JSON object per line on stdout:

    {"event": "started"}
    {"event": "cell", "index": 0, "status": "ok", "execution_count": 1, "outputs": [...]}
    ...
    {"event": "done"}                     (or {"event": "fatal", "message": "..."})

Execution stops after the first cell whose reply is an error.

Why not `nbconvert --execute`: the Deno kernel sometimes publishes a cell's `idle`
status BEFORE its last display_data/execute_result. nbclient closes the cell on idle
and drops those outputs. Here iopub messages are routed by parent msg_id and a cell's
outputs are only closed once a LATER request (the next cell, or a final sentinel
kernel_info request) has gone idle too, plus a short quiet period: all cells are
reported at the end of the run.
"""

import json
import os
import queue
import sys
import time

from jupyter_client.manager import KernelManager

QUIET_SECONDS = 0.1


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


class Collector:
    """Routes iopub messages to the request (msg_id) that caused them."""

    def __init__(self, client):
        self.client = client
        self.outputs = {}  # msg_id -> list of outputs
        self.idle = set()  # msg_ids whose idle status has been seen

    def pump(self, timeout):
        """Handles one iopub message; returns False if none arrived in time."""
        try:
            msg = self.client.get_iopub_msg(timeout=timeout)
        except queue.Empty:
            return False
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
        return True

    def wait_idle(self, msg_id, deadline):
        while msg_id not in self.idle:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            self.pump(min(remaining, 1.0))

    def drain_quiet(self):
        while self.pump(QUIET_SECONDS):
            pass


def wait_reply(client, msg_id, deadline):
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        try:
            reply = client.get_shell_msg(timeout=min(remaining, 1.0))
        except queue.Empty:
            continue
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            return reply


def merge_streams(outputs):
    merged = []
    for out in outputs:
        if (
            out["output_type"] == "stream"
            and merged
            and merged[-1]["output_type"] == "stream"
            and merged[-1]["name"] == out["name"]
        ):
            merged[-1]["text"] += out["text"]
        else:
            merged.append(dict(out))
    return merged


def main():
    request = json.load(sys.stdin)
    env = dict(os.environ)
    env.update(request.get("env", {}))
    km = KernelManager(kernel_name=request.get("kernel", "deno"))
    try:
        km.start_kernel(cwd=request["cwd"], env=env)
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=request.get("startup_timeout", 60))
    except Exception as error:  # noqa: BLE001 - reported to the CLI as text
        emit({"event": "fatal", "message": f"Cannot start kernel: {error}"})
        km.shutdown_kernel(now=True)
        return 2
    emit({"event": "started"})
    collector = Collector(client)
    timeout = request.get("timeout", 120)

    def close(entry):
        index, msg_id, reply = entry
        content = reply["content"]
        event = {
            "event": "cell",
            "index": index,
            "status": content.get("status", "error"),
            "execution_count": content.get("execution_count"),
            "outputs": merge_streams(collector.outputs.pop(msg_id, [])),
        }
        if event["status"] != "ok":
            event["error"] = {
                "ename": content.get("ename", ""),
                "evalue": content.get("evalue", ""),
                "traceback": content.get("traceback", []),
            }
        emit(event)

    done = []  # (index, msg_id, reply) of every cell that ran, closed at the very end
    timed_out = None
    try:
        for index, source in enumerate(request["cells"]):
            msg_id = client.execute(source, store_history=True, allow_stdin=False)
            deadline = time.monotonic() + timeout
            try:
                reply = wait_reply(client, msg_id, deadline)
                collector.wait_idle(msg_id, deadline)
            except TimeoutError:
                timed_out = (index, msg_id)
                break
            done.append((index, msg_id, reply))
            if reply["content"].get("status") != "ok":
                break
            # Let the cell's late messages (a last stream flush) arrive before the next request,
            # so that the kernel cannot label them with the next cell's parent.
            collector.drain_quiet()
        if timed_out is None:
            # Sentinel: once this request has gone idle, every earlier output is in.
            sentinel = client.kernel_info()
            deadline = time.monotonic() + 30
            try:
                wait_reply(client, sentinel, deadline)
                collector.wait_idle(sentinel, deadline)
            except TimeoutError:
                pass
        collector.drain_quiet()
        for entry in done:
            close(entry)
        if timed_out is not None:
            index, msg_id = timed_out
            emit({"event": "timeout", "index": index, "seconds": timeout,
                  "outputs": merge_streams(collector.outputs.pop(msg_id, []))})
        emit({"event": "done"})
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
