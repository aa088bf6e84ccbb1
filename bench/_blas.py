"""Lets OpenBLAS pick its own kernels in the Python references of the benches.

Debian's numpy, scikit-learn and PyTorch multiply matrices with OpenBLAS, which picks the kernels
for the processor it finds when it loads, unless the environment names others in
OPENBLAS_CORETYPE (with OPENBLAS_L2_SIZE). Some machines set them for every process: this
project's machines set OPENBLAS_CORETYPE=Haswell and OPENBLAS_L2_SIZE=512, because older OpenBLAS
builds crash or compute wrong results on some processors. On the Zen 5 machine they made Debian's
OpenBLAS 0.3.21 run its Haswell (AVX2) kernels instead of the AVX-512 ones it picks there (it
reports Cooperlake): scikit-learn's digits fit took 0.372 s instead of 0.296 s, numpy's moons loop
0.219 s instead of 0.183 s, PyTorch's 0.412 s instead of 0.363 s (fastest or median of five, in
runs that followed one another). A baseline slowed that way flatters us, so each reference script
removes both variables before it imports numpy, scikit-learn or torch, and the bench prints the
kernels OpenBLAS then runs. The benches' agreement checks (the losses to 1e-12, the test accuracy)
would show kernels that compute wrong results. Where OpenBLAS's own choice crashes (the reference
then prints "not run" with the error), setting RELU_LAB_BENCH_KEEP_OPENBLAS=1 keeps the overrides,
and the title line says so.
"""

import os

# What OpenBLAS reads when it loads that overrides its choice of kernels.
OVERRIDES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
# Set to 1 to keep them (for a machine where OpenBLAS's own choice crashes).
KEEP = "RELU_LAB_BENCH_KEEP_OPENBLAS"


def own_kernels() -> list[str] | None:
    """Removes the overrides from this process's environment; returns them as NAME=value, or None
    when RELU_LAB_BENCH_KEEP_OPENBLAS=1 keeps them."""
    if os.environ.get(KEEP) == "1":
        return None
    removed = [f"{name}={os.environ[name]}" for name in OVERRIDES if name in os.environ]
    for name in OVERRIDES:
        os.environ.pop(name, None)
    return removed


def blas_note(removed: list[str] | None) -> str:
    """After numpy or torch is imported: which BLAS runs, with which kernels, for the bench's title."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        kernels = "BLAS kernels unknown (no threadpoolctl: apt-get install python3-threadpoolctl)"
    else:
        found = [
            f"{info.get('internal_api')} {info.get('version')}, {info.get('architecture')} kernels"
            for info in threadpool_info()
            if info.get("user_api") == "blas"
        ]
        kernels = "; ".join(found) or "no BLAS loaded"
    if removed is None:
        kept = [f"{name}={os.environ[name]}" for name in OVERRIDES if name in os.environ]
        chosen = f"the environment's choice ({', '.join(kept) or 'no override set'}; {KEEP}=1)"
    elif removed:
        chosen = f"its own choice ({', '.join(removed)} removed)"
    else:
        chosen = "its own choice (no override set)"
    return f"{kernels}, {chosen}"
