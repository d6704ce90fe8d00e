"""How many BLAS threads a network trains fastest with, judged by the size of its matrix products
and by how busy the machine already is."""
from __future__ import annotations

import os
from collections.abc import Sequence

# Below about ten million multiply-adds in the largest product of a step, handing half of it to
# a second thread costs more than it saves: 784-50-10 at batch 100 (3.9 M) trains slower with
# two threads, 784-256-128-10 at batch 256 (51 M) 15-20 % faster (benchmarks/engine.py).
MIN_PARALLEL_MACS = 10_000_000
# A second BLAS thread needs a core of its own: its threads wait for each other at every product,
# so on a machine whose cores are busy with other programs (load average 5.8 on two cores) the
# `fast` network trained at 1,900 samples/s with two threads against 14,600 with one.
FREE_CORES_FOR_TWO = 1.5


def blas_threads_for(sizes: Sequence[int], batch_size: int, cores: int | None = None,
                     load: float | None = None) -> int:
    """BLAS threads for training layers of `sizes` (inputs, hidden..., outputs) on batches of
    batch_size: two when the largest layer's product is big enough to split and two cores are
    free (cores less the load average `load`, if given), else one (more than two was never
    measured to help these small matrices)."""
    cores = (os.cpu_count() or 1) if cores is None else cores
    largest = max((a * b for a, b in zip(sizes[:-1], sizes[1:])), default=0) * batch_size
    free = cores - (load or 0.0)
    return 2 if largest >= MIN_PARALLEL_MACS and cores >= 2 and free >= FREE_CORES_FOR_TWO else 1


def load_average() -> float | None:
    """The machine's one-minute load average, or None where the system does not tell it."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None
