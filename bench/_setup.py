"""What each Python reference of the benches does first, before it imports numpy, scikit-learn or
torch: lets OpenBLAS pick its own kernels (_blas.py) and keeps glibc's heap (_heap.py). `prepare()`
does both and returns a function that, once the library is imported, gives the fields of the
script's greeting that say how it runs: its CPUs, its heap and its BLAS kernels (the bench prints
them in its title; see pythonNotes in _python.ts).
"""

import os
from typing import Callable

from _blas import blas_note, own_kernels
from _heap import keep_heap


def prepare() -> Callable[[], dict]:
    """Call before numpy, scikit-learn or torch is imported; call what it returns after."""
    removed = own_kernels()  # before OpenBLAS loads
    heap = keep_heap()  # before anything allocates

    def notes() -> dict:
        return {"cpus": sorted(os.sched_getaffinity(0)), "heap": heap, "blas": blas_note(removed)}

    return notes
