"""scikit-learn side of bench/digits_bench.ts: the digits split, and timed MLPClassifier fits.

Started once by digits_bench.ts as `/usr/bin/python3 bench/_sklearn_digits.py` (Debian's
python3-sklearn). It first prints one JSON line with the data: scikit-learn's own 8x8 digits
(`load_digits`, shipped inside scikit-learn, 1,797 images), pixels scaled to [0, 1] (divided by
16), split 70/30 with `train_test_split(test_size=0.3, stratify=y, random_state=0)`: 1,257
training and 540 test images. Then, for each request line `{"seed": s, "threads": t}`, it fits

    MLPClassifier(hidden_layer_sizes=(64,), solver="adam", batch_size=200, max_iter=200,
                  n_iter_no_change=200, random_state=s)

(every other setting at scikit-learn's default: ReLU, learning rate 1e-3, L2 alpha 1e-4,
shuffling; `n_iter_no_change=200` keeps it from stopping before the 200 epochs) with OpenBLAS
limited to t threads (null: its default), and prints one JSON line: seconds (the `fit` call),
test accuracy, epochs run, final training loss and pageFaults (the minor page faults of the
process during the fit; see _heap.py). On an error it prints `{"error": ...}`.
"""

import json
import sys
import time
import warnings

from _heap import page_faults
from _setup import prepare


def main() -> None:
    notes = prepare()  # before numpy is imported: see _setup.py
    try:
        import numpy as np
        from sklearn import __version__ as sklearn_version
        from sklearn.datasets import load_digits
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.model_selection import train_test_split
        from sklearn.neural_network import MLPClassifier
        from threadpoolctl import threadpool_limits
    except ImportError as error:
        print(json.dumps({"error": f"{error} (apt-get install python3-sklearn)"}), flush=True)
        return
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    x, y = load_digits(return_X_y=True)
    x = x / 16.0
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=0.3, stratify=y, random_state=0
    )
    print(
        json.dumps(
            {
                "sklearn": sklearn_version,
                "numpy": np.__version__,
                **notes(),
                "xTrain": x_train.ravel().tolist(),
                "yTrain": y_train.tolist(),
                "xTest": x_test.ravel().tolist(),
                "yTest": y_test.tolist(),
                "cols": x.shape[1],
            }
        ),
        flush=True,
    )
    for line in sys.stdin:
        request = json.loads(line)
        model = MLPClassifier(
            hidden_layer_sizes=(64,),
            solver="adam",
            batch_size=200,
            max_iter=200,
            n_iter_no_change=200,
            random_state=request["seed"],
        )
        with threadpool_limits(limits=request["threads"]):
            faults = page_faults()
            start = time.perf_counter()
            model.fit(x_train, y_train)
            seconds = time.perf_counter() - start
            faults = page_faults() - faults
        reply = {
            "seconds": seconds,
            "accuracy": model.score(x_test, y_test),
            "epochs": model.n_iter_,
            "loss": model.loss_,
            "pageFaults": faults,
        }
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
