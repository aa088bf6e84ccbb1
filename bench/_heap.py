"""Keeps glibc's heap in the Python references of the benches, and counts page faults.

By default glibc's malloc hands freed memory back to the kernel: it trims the top of the heap,
and serves large blocks with mmap above a threshold that it moves at run time. Memory handed back
costs a page fault per 4 KiB page when it is used again. PyTorch frees and allocates tensors on
every step, and a fit of the moons benchmark ran in one of two modes from one fit to the next in
the same process: 0.44 to 0.49 s with 1,500 to 5,000 minor page faults, or 0.94 to 1.03 s with
42,000 to 50,000 of them and a quarter to a third of its time in the kernel (`resource.getrusage`
around each of eight fits).
Fixing only the mmap threshold or only the trimming still left fits with tens of thousands of
faults; fixing both (16 MiB, 256 MiB) gave 0.42 to 0.43 s every time. It is a setting of the C
library, not of the work: each reference script sets it before it imports numpy, scikit-learn or
torch, so that each baseline runs at its fastest.
"""

import ctypes
import ctypes.util
import resource

# mallopt's parameters, from glibc's <malloc.h>.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3


def keep_heap() -> str:
    """Sets glibc to keep freed memory; returns what was done, for the bench's table."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        kept = libc.mallopt(M_MMAP_THRESHOLD, 16 << 20) == 1
        kept = libc.mallopt(M_TRIM_THRESHOLD, 256 << 20) == 1 and kept
    except (OSError, AttributeError) as error:
        return f"heap not kept ({error})"
    if not kept:
        return "heap not kept (mallopt refused)"
    return "heap kept (glibc mallopt: no trimming below 256 MiB, mmap above 16 MiB)"


def page_faults() -> int:
    """Minor page faults of this process so far (a difference of two readings times a run)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
