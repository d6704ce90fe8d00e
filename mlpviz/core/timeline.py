"""A run's past: copies of its network at log-spaced steps and at epoch ends, bounded.

Most of what a network learns, it learns early, so copies are dense at the start and sparse
later: a step earns a copy when log(1 + step) enters a new bin of the current width. When more
than the log-spaced bound of such copies exist, the bins double in width and only the first copy
of each wider bin stays, which thins the copies evenly on the log scale. The first offered step
(the untrained network, for a fresh run) and the latest log-spaced copy always stay.

Epoch-end copies are kept apart: every epoch end up to their bound; beyond that, only every 2nd
epoch end, then every 4th, ... (the kept ones are multiples of the stride).

The bounds are counts (capacity log-spaced and epoch_capacity epoch-end copies) and bytes: all
copies together stay within `budget` (by default memory_budget(): an eighth of the machine's
memory, at most 512 MB), so a large network keeps fewer copies, split evenly between the two
kinds, but never fewer than MIN_COPIES. Room is made before a copy is taken: the store never
holds more, not even for a moment.

Thread-safe: the training thread offers, the GUI reads. Stored copies are never modified
afterwards; readers must not modify them either.
"""
from __future__ import annotations

import math
import os
import threading

from .model import MLP

BUDGET_CEILING = 512 * 2**20  # bytes: with 128 copies, 3 x 4096 hidden units once took 5 GB
MEMORY_SHARE = 8  # the timeline may hold this fraction of the machine's memory, up to the ceiling
MIN_COPIES = 3  # the first and the latest log-spaced copies and an epoch end, however large the network


def memory_budget() -> int:
    """Bytes a timeline's copies may take on this machine: 1/MEMORY_SHARE of its physical
    memory, at most BUDGET_CEILING (the ceiling where the system does not tell its memory)."""
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # Windows has no sysconf; some systems lack the names
        return BUDGET_CEILING
    return min(BUDGET_CEILING, physical // MEMORY_SHARE) if physical > 0 else BUDGET_CEILING


class Timeline:
    """Bounded store of network copies: at most capacity log-spaced ones plus at most
    epoch_capacity epoch-end ones, and no more than `budget` bytes of them (None: memory_budget())
    unless even MIN_COPIES take more."""

    def __init__(self, capacity: int = 64, epoch_capacity: int = 64, per_doubling: int = 8,
                 budget: int | None = None):
        if capacity < 2 or epoch_capacity < 1 or per_doubling < 1:
            raise ValueError("a timeline needs room for at least two copies and one epoch end")
        self.capacity, self.epoch_capacity = capacity, epoch_capacity
        self.budget = memory_budget() if budget is None else budget
        self._log_cap, self._epoch_cap = capacity, epoch_capacity  # as the copies' size allows
        self._copy_nbytes = 0
        self._width = math.log(2) / per_doubling  # bin width in log(1 + step)
        self._logged: dict[int, MLP] = {}  # step -> copy, in increasing step order
        self._epochs: dict[int, tuple[int, MLP]] = {}  # step -> (epoch, copy)
        self._stride = 1  # epoch ends kept: multiples of this
        self._last_bin = -1
        self._first: int | None = None
        self._lock = threading.Lock()

    def _bin(self, step: int) -> int:
        return int(math.log1p(step) / self._width)

    @property
    def copy_nbytes(self) -> int:
        """Bytes of one copy of the network (0 before the first offer)."""
        return self._copy_nbytes

    @property
    def max_copies(self) -> int:
        """The most copies kept: capacity + epoch_capacity, fewer if the network is large."""
        return self._log_cap + self._epoch_cap

    @property
    def limited(self) -> bool:
        """Whether the network's size, not the counts, bounds the copies kept."""
        return self.max_copies < self.capacity + self.epoch_capacity

    def _fit(self, nbytes: int) -> None:
        """Set the bounds for copies of nbytes each: as many as the budget holds, half log-spaced
        and half epoch ends, but at least two log-spaced copies and one epoch end."""
        copies = max(MIN_COPIES, self.budget // max(nbytes, 1))
        logged = max(2, min(self.capacity, copies // 2))
        self._copy_nbytes = nbytes
        self._log_cap, self._epoch_cap = logged, max(1, min(self.epoch_capacity, copies - logged))

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
        with self._lock:  # room first: the old copies go before the new one is made
            self._fit(sum(p.nbytes for p in model.params))
            self._thin(step if log_due else None)
            epoch_due = self._thin_epochs(epoch if epoch_due else None)
        if not (log_due or epoch_due):  # an epoch end the wider stride passes over
            return False
        copy = model.copy()
        with self._lock:
            if log_due:
                self._logged[step] = copy
                if self._first is None:
                    self._first = step
            if epoch_due:
                self._epochs[step] = (epoch, copy)
        return True

    def _thin(self, new: int | None) -> None:
        """Widen the bins until the log-spaced copies, with step `new` if given, fit their bound."""
        steps = [*self._logged, *(() if new is None else (new,))]
        while len(steps) > self._log_cap:
            self._width *= 2
            kept: list[int] = []
            last = -1
            for step in steps:
                b = self._bin(step)
                # The first copy of each wider bin (so the very first stays), and the latest:
                # with few copies, the newest past stays in view.
                if b > last or step == steps[-1]:
                    kept.append(step)
                    last = b
            steps = kept
        self._logged = {s: self._logged[s] for s in steps if s in self._logged}
        if steps:
            self._last_bin = self._bin(steps[-1])

    def _thin_epochs(self, new: int | None) -> bool:
        """Widen the stride until the epoch-end copies, with epoch `new` if given, fit their
        bound; whether `new` is still kept."""
        epochs = [e for e, _ in self._epochs.values()] + ([] if new is None else [new])
        while len(epochs) > self._epoch_cap:
            self._stride *= 2
            epochs = [e for e in epochs if e % self._stride == 0]
        self._epochs = {s: (e, m) for s, (e, m) in self._epochs.items() if e % self._stride == 0}
        return new is not None and new % self._stride == 0

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
