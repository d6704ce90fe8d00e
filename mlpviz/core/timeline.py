"""A run's past: copies of its network at log-spaced steps and at epoch ends, bounded.

Most of what a network learns, it learns early, so copies are dense at the start and sparse
later: a step earns a copy when log(1 + step) enters a new bin of the current width. When more
than `capacity` such copies exist, the bins double in width and only the first copy of each
wider bin stays, which thins the copies evenly on the log scale. The first offered step (the
untrained network, for a fresh run) always stays.

Epoch-end copies are kept apart: every epoch end up to `epoch_capacity` of them; beyond that,
only every 2nd epoch end, then every 4th, ... (the kept ones are multiples of the stride).

Thread-safe: the training thread offers, the GUI reads. Stored copies are never modified
afterwards; readers must not modify them either.
"""
from __future__ import annotations

import math
import threading

from .model import MLP


class Timeline:
    """Bounded store of network copies: at most capacity log-spaced ones plus at most
    epoch_capacity epoch-end ones."""

    def __init__(self, capacity: int = 64, epoch_capacity: int = 64, per_doubling: int = 8):
        if capacity < 2 or epoch_capacity < 1 or per_doubling < 1:
            raise ValueError("a timeline needs room for at least two copies and one epoch end")
        self.capacity, self.epoch_capacity = capacity, epoch_capacity
        self._width = math.log(2) / per_doubling  # bin width in log(1 + step)
        self._logged: dict[int, MLP] = {}  # step -> copy, in increasing step order
        self._epochs: dict[int, tuple[int, MLP]] = {}  # step -> (epoch, copy)
        self._stride = 1  # epoch ends kept: multiples of this
        self._last_bin = -1
        self._first: int | None = None
        self._lock = threading.Lock()

    def _bin(self, step: int) -> int:
        return int(math.log1p(step) / self._width)

    def due(self, step: int) -> bool:
        """Whether offer(step, ...) would keep a log-spaced copy (cheap: no copy is made)."""
        return self._first is None or self._bin(step) > self._last_bin

    def offer(self, step: int, model: MLP, epoch: int | None = None) -> bool:
        """Keep a copy of model as it is after `step` steps if the spacing asks for one, or if
        this is the end of epoch `epoch` (given only at epoch ends). True if a copy was kept."""
        log_due = self.due(step)
        epoch_due = epoch is not None and epoch % self._stride == 0
        if not (log_due or epoch_due):
            return False
        copy = model.copy()
        with self._lock:
            if log_due:
                self._logged[step] = copy
                self._last_bin = self._bin(step)
                if self._first is None:
                    self._first = step
                if len(self._logged) > self.capacity:
                    self._thin()
            if epoch_due:
                self._epochs[step] = (epoch, copy)
                if len(self._epochs) > self.epoch_capacity:
                    self._stride *= 2
                    self._epochs = {s: (e, m) for s, (e, m) in self._epochs.items() if e % self._stride == 0}
        return True

    def _thin(self) -> None:
        while len(self._logged) > self.capacity:
            self._width *= 2
            kept: dict[int, MLP] = {}
            last = -1
            for step, copy in self._logged.items():
                b = self._bin(step)
                if b > last:  # the first copy of each wider bin, so the very first stays
                    kept[step] = copy
                    last = b
            self._logged = kept
            self._last_bin = last

    def steps(self) -> list[int]:
        """Every step with a stored copy (log-spaced and epoch ends), increasing."""
        with self._lock:
            return sorted(set(self._logged) | set(self._epochs))

    def epoch_ends(self) -> list[tuple[int, int]]:
        """(epoch, step) of every stored epoch-end copy, in order."""
        with self._lock:
            return sorted((e, s) for s, (e, _) in self._epochs.items())

    def model_at(self, step: int) -> MLP:
        """The stored copy at the latest kept step at or before `step` (read-only)."""
        with self._lock:
            best = max((s for s in (*self._logged, *self._epochs) if s <= step), default=None)
            if best is None:
                raise KeyError(f"no copy of the network at or before step {step}")
            return self._logged[best] if best in self._logged else self._epochs[best][1]

    def __len__(self) -> int:
        """The number of distinct copies held."""
        with self._lock:
            return len(set(self._logged) | set(self._epochs))

    @property
    def nbytes(self) -> int:
        """Memory held by the stored weights."""
        with self._lock:
            copies = {id(m): m for m in (*self._logged.values(), *(m for _, m in self._epochs.values()))}
        return sum(p.nbytes for m in copies.values() for p in m.params)
