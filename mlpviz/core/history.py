"""Per-step histories: arrays that grow as a run goes on, thinned past a limit."""
from __future__ import annotations

import numpy as np


class GrowingBuffer:
    """An array that grows along its first axis, doubling its capacity as it fills (amortised
    O(1) append): a 1-D series by default, or rows of `row` shape.

    With a `limit` (even), it holds at most that many rows however many are given: once full, it
    drops every other row and from then on keeps one row in `stride` (2, then 4, ...). Row j
    is then the (j + 1) * stride-th row given: `positions()`. A curve drawn from it keeps its
    course (a one-step spike between kept rows is lost), and a long run costs no more memory
    than a short one."""

    def __init__(self, capacity: int = 1024, row: tuple[int, ...] = (), dtype=np.float32,
                 limit: int | None = None):
        if limit is not None and (limit < 2 or limit % 2):
            raise ValueError(f"limit must be an even number of rows, got {limit}")
        self._data = np.empty((capacity if limit is None else min(capacity, limit), *row), dtype)
        self._n = 0
        self.limit = limit
        self.stride = 1
        self.given = 0  # rows given so far, kept or not

    def _reserve(self, n: int) -> None:
        while self._n + n > len(self._data):
            more = len(self._data) if self.limit is None else min(len(self._data), self.limit - len(self._data))
            self._data = np.concatenate([self._data, np.empty_like(self._data[:more])])

    def append(self, value) -> None:
        if self.limit is not None:
            self.extend(np.asarray(value, self._data.dtype)[None])
            return
        if self._n == len(self._data):
            self._reserve(1)
        self._data[self._n] = value
        self._n += 1
        self.given += 1

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, self._data.dtype).reshape(-1, *self._data.shape[1:])
        while len(values):
            first = -(self.given + 1) % self.stride  # the first of values that the stride keeps
            kept = values[first::self.stride]
            room = len(kept) if self.limit is None else self.limit - self._n
            # all of values, or up to the last row that still fits (none when full already)
            used = len(values) if len(kept) <= room else first + (room - 1) * self.stride + 1 if room else 0
            kept = kept[:room]
            self._reserve(len(kept))
            self._data[self._n:self._n + len(kept)] = kept
            self._n += len(kept)
            self.given += used
            values = values[used:]
            if len(values):  # full: keep the rows whose position the doubled stride divides
                half = self._n // 2
                self._data[:half] = self._data[1:self._n:2]
                self._n, self.stride = half, 2 * self.stride

    def view(self) -> np.ndarray:
        """The values kept (a view: copy it before handing it to another thread)."""
        return self._data[:self._n]

    def positions(self) -> np.ndarray:
        """Which row given (from 1) each kept row was: 1, 2, 3, ... until the limit thins them."""
        return np.arange(1, self._n + 1) * self.stride

    def row_of(self, k: int) -> int | None:
        """The index of the kept row that is the k-th given (from 1), or of the last kept one
        before it; None if there is none."""
        row = k // self.stride - 1
        return row if 0 <= row < self._n else None

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        """How many values fit before the buffer next grows (or, at its limit, thins)."""
        return len(self._data)
