"""Float64 (or float32) reference for bench/train_bench.ts: PyTorch trains the same ReLU MLP.

Started once by train_bench.ts; it prints `{"ready": ...}` (or `{"error": ...}` without torch),
then answers one JSON line per request line. The first request is the job -- sizes, weights
(fanIn x fanOut, row-major), biases, x (row-major), y, orders (one permutation per epoch),
learningRate, batchSize -- answered by `{"ok": true}`; every later request, `{"dtype":
"float64"}` or `{"dtype": "float32"}`, trains once from the job's weights and answers
epochLosses (mean softmax cross-entropy over all rows after each epoch, as relu-lab's History
records trainLoss), seconds (the training loop, evaluations included) and pageFaults (the
minor page faults of the process during that loop; see _heap.py for why there are few).

Same work as relu-lab's train(): for each mini-batch in the given order, logits = MLP(x_batch),
loss = mean cross-entropy, w -= learningRate * dloss/dw (plain SGD, no momentum, no decay).
Run by train_bench.ts as `/usr/bin/python3 bench/_torch_reference.py` (Debian's python3-torch).
"""

import json
import os
import sys
import time

from _heap import page_faults
from _setup import prepare


def train(torch, job, dtype_name):
    dtype = torch.float64 if dtype_name == "float64" else torch.float32
    sizes = job["sizes"]
    layers = len(sizes) - 1
    ws = [
        torch.tensor(job["weights"][l], dtype=dtype).reshape(sizes[l], sizes[l + 1]).requires_grad_()
        for l in range(layers)
    ]
    bs = [torch.tensor(job["biases"][l], dtype=dtype).requires_grad_() for l in range(layers)]
    x = torch.tensor(job["x"], dtype=dtype).reshape(-1, sizes[0])
    y = torch.tensor(job["y"], dtype=torch.long)
    n = y.shape[0]
    lr = job["learningRate"]
    batch = job["batchSize"]
    orders = [torch.tensor(order, dtype=torch.long) for order in job["orders"]]

    def logits(inputs: torch.Tensor) -> torch.Tensor:
        h = inputs
        for l in range(layers):
            h = h @ ws[l] + bs[l]
            if l < layers - 1:
                h = torch.relu(h)
        return h

    params = ws + bs
    epoch_losses = []
    faults = page_faults()
    start = time.perf_counter()
    for order in orders:
        for b in range(0, n, batch):
            index = order[b : b + batch]
            loss = torch.nn.functional.cross_entropy(logits(x[index]), y[index])
            for p in params:
                p.grad = None
            loss.backward()
            with torch.no_grad():
                for p in params:
                    p -= lr * p.grad
        with torch.no_grad():
            epoch_losses.append(torch.nn.functional.cross_entropy(logits(x), y).item())
    seconds = time.perf_counter() - start
    return {"epochLosses": epoch_losses, "seconds": seconds, "pageFaults": page_faults() - faults}


def main() -> None:
    # One thread, as relu-lab runs: Debian's torch multiplies matrices with OpenBLAS, whose own
    # threads (two on a two-core machine, spinning while they wait) `torch.set_num_threads` does
    # not limit; OpenBLAS reads these when it loads.
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    os.environ["OMP_NUM_THREADS"] = "1"
    notes = prepare()  # before torch is imported: see _setup.py
    try:
        import torch
    except ImportError as error:
        print(json.dumps({"error": f"{error} (apt-get install python3-torch)"}), flush=True)
        return
    torch.set_num_threads(1)  # relu-lab and the TensorFlow.js backends run on one thread
    print(json.dumps({"ready": True, "torch": torch.__version__, **notes()}), flush=True)
    job = None
    for line in sys.stdin:
        request = json.loads(line)
        if job is None:
            job = request
            print(json.dumps({"ok": True}), flush=True)
        else:
            print(json.dumps(train(torch, job, request["dtype"])), flush=True)


if __name__ == "__main__":
    main()
