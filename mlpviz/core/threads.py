"""How many BLAS threads a network trains fastest with, judged by the size of its matrix products."""
from __future__ import annotations

import os
from collections.abc import Sequence

# Below about ten million multiply-adds in the largest product of a step, handing half of it to
# a second thread costs more than it saves: 784-50-10 at batch 100 (3.9 M) trains slower with
# two threads, 784-256-128-10 at batch 256 (51 M) 15-20 % faster (benchmarks/engine.py).
MIN_PARALLEL_MACS = 10_000_000


def blas_threads_for(sizes: Sequence[int], batch_size: int, cores: int | None = None) -> int:
    """BLAS threads for training layers of `sizes` (inputs, hidden..., outputs) on batches of
    batch_size: two when the largest layer's product is big enough to split and there are two
    cores, else one (more than two was never measured to help these small matrices)."""
    cores = (os.cpu_count() or 1) if cores is None else cores
    largest = max((a * b for a, b in zip(sizes[:-1], sizes[1:])), default=0) * batch_size
    return min(2, max(1, cores)) if largest >= MIN_PARALLEL_MACS else 1
