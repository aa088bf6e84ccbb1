"""numpy by hand for bench/train_bench.ts: the same ReLU MLP, weights and batches, in float64.

Started once by train_bench.ts as `/usr/bin/python3 bench/_numpy_reference.py` (Debian's
python3-numpy); it prints `{"ready": ...}` (or `{"error": ...}` without numpy), then answers
one JSON line per request line. The first request is the job -- sizes, weights (fanIn x fanOut,
row-major), biases, x (row-major), y, orders (one permutation per epoch), learningRate,
batchSize -- answered by `{"ok": true}`; every later request (`{}`) trains once from the job's
weights and answers epochLosses (the running loss: the mean of the epoch's mini-batch losses,
weighted by batch size, as relu-lab's `trainMetrics: "running"` records it), seconds and
pageFaults (the minor page faults of the process during the loop; see _heap.py).

The training loop is the one a practitioner writes by hand: for each mini-batch in the given
order, the forward pass (x W + b, ReLU), the softmax cross-entropy and its gradient, the
backward pass (matrix products and the ReLU mask) and plain SGD, w -= learningRate * dw. No
evaluation pass: that is the work `train()` adds after each epoch (dead neurons, accuracy,
loss on the whole set), which `trainMetrics: "running"` leaves out.
"""

import json
import os
import sys
import time

from _heap import page_faults
from _setup import prepare


def train(np, job):
    sizes = job["sizes"]
    layers = len(sizes) - 1
    ws = [np.array(job["weights"][l], dtype=np.float64).reshape(sizes[l], sizes[l + 1]) for l in range(layers)]
    bs = [np.array(job["biases"][l], dtype=np.float64) for l in range(layers)]
    x = np.array(job["x"], dtype=np.float64).reshape(-1, sizes[0])
    y = np.array(job["y"], dtype=np.int64)
    n = y.shape[0]
    lr = job["learningRate"]
    batch = job["batchSize"]
    orders = [np.array(order, dtype=np.int64) for order in job["orders"]]
    epoch_losses = []
    faults = page_faults()
    start = time.perf_counter()
    for order in orders:
        total = 0.0
        for b in range(0, n, batch):
            index = order[b : b + batch]
            rows = index.shape[0]
            # Forward: keep each layer's input (a) and pre-activation (z).
            inputs, pre = [], []
            h = x[index]
            for l in range(layers):
                inputs.append(h)
                z = h @ ws[l] + bs[l]
                pre.append(z)
                h = np.maximum(z, 0.0) if l < layers - 1 else z
            # Softmax cross-entropy, stable, and its gradient (softmax - onehot) / rows.
            shifted = h - h.max(axis=1, keepdims=True)
            e = np.exp(shifted)
            s = e.sum(axis=1, keepdims=True)
            picked = shifted[np.arange(rows), y[index]]
            total += float(np.sum(np.log(s[:, 0]) - picked))
            g = e / s
            g[np.arange(rows), y[index]] -= 1.0
            g /= rows
            # Backward and SGD.
            for l in range(layers - 1, -1, -1):
                gw = inputs[l].T @ g
                gb = g.sum(axis=0)
                if l > 0:
                    g = (g @ ws[l].T) * (pre[l - 1] > 0)
                ws[l] -= lr * gw
                bs[l] -= lr * gb
        epoch_losses.append(total / n)
    seconds = time.perf_counter() - start
    return {"epochLosses": epoch_losses, "seconds": seconds, "pageFaults": page_faults() - faults}


def main() -> None:
    # One thread, as relu-lab runs: Debian's numpy multiplies matrices with OpenBLAS, which
    # would start its own threads (two on a two-core machine, spinning while they wait; at these
    # sizes it keeps to one anyway); OpenBLAS reads these when it loads.
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    os.environ["OMP_NUM_THREADS"] = "1"
    notes = prepare()  # before numpy is imported: see _setup.py
    try:
        import numpy as np
    except ImportError as error:
        print(json.dumps({"error": f"{error} (apt-get install python3-numpy)"}), flush=True)
        return
    print(json.dumps({"ready": True, "numpy": np.__version__, **notes()}), flush=True)
    job = None
    for line in sys.stdin:
        request = json.loads(line)
        if job is None:
            job = request
            print(json.dumps({"ok": True}), flush=True)
        else:
            print(json.dumps(train(np, job)), flush=True)


if __name__ == "__main__":
    main()
