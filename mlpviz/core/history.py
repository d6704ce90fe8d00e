"""Per-step histories: arrays that grow as a run goes on, thinned past a limit, and a run's
whole history as it is delivered, step by step."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .trainer import EpochRecord, SettingChange

ROWS = 1 << 15  # rows of a thinned per-step series kept before every other one is dropped
TAIL = 1024  # the latest rows of each series kept unthinned as well, for readers of the recent steps


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

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        """How many values fit before the buffer next grows (or, at its limit, thins)."""
        return len(self._data)


def _rate_turns(rates: np.ndarray) -> np.ndarray:
    """The indices i (n - 1,) where rates[i + 1] differs from rates[i]: float rounding of
    epoch + pos / n differs by far less than any real change of rate."""
    return np.flatnonzero(np.abs(np.diff(rates)) > 1e-9 * np.maximum(1.0, np.abs(rates[1:])))


def epoch_knots(epochs: np.ndarray) -> np.ndarray:
    """The epoch curve of a run's per-step epochs (n,) (step 1 first) as knots (k, 2), rows of
    step and epoch to interpolate linearly between: step 0 at epoch 0, every step after which the
    epochs' rate per step changes (an epoch's end, a change of batch size), and step n."""
    values = np.concatenate([[0.0], np.asarray(epochs, np.float64)])
    if len(values) == 1:
        return np.zeros((1, 2))
    turns = 1 + _rate_turns(np.diff(values))  # np.diff(values)[k]: the rate over step k + 1
    steps = np.concatenate([[0], turns, [len(values) - 1]])
    return np.stack([steps.astype(np.float64), values[steps]], axis=1)


class RunHistory:
    """One run's history, taken in delivery by delivery: every per-step series, the epoch each
    step ended at, the epoch-end records, the accuracy probes and the setting changes.

    The loss of every step is kept whole; the other series ("lr" (steps,) and the statistics
    (steps, L)) are thinned alike beyond `limit` rows (GrowingBuffer), so each keeps the same
    steps. The epoch of a step is the one the trainer recorded ("epoch"), which stays exact when
    the batch size changes mid-run, and after Open (the model file keeps the curve: epoch_knots);
    a delivery without it, or a NaN row, counts steps at the delivery's steps per epoch. Epochs
    grow linearly between an epoch's end and a change of batch size, so they are kept as the
    steps where their rate changes (a few per epoch), not one number per step: exact, and a long
    run costs no more memory for them than a short one.
    A delivery that starts below what is held is the history given again from its start: the
    history starts over, and `generation` grows so that readers start over too."""

    def __init__(self, limit: int | None = None):
        self.limit = ROWS if limit is None else limit
        self.generation = 0
        self._clear()

    def _clear(self) -> None:
        self.generation += 1
        self._losses = GrowingBuffer()
        # The epoch curve: the steps where its rate changes (step 0 at epoch 0 first), then the last step.
        self._knot_steps = GrowingBuffer(64, dtype=np.float64)
        self._knot_epochs = GrowingBuffer(64, dtype=np.float64)
        self._knot_steps.append(0)
        self._knot_epochs.append(0.0)
        self._last = (0, 0.0)  # the last step held and its epoch
        self._rate: float | None = None  # epochs per step over the last step
        self._series: dict[str, GrowingBuffer] = {}
        self._tails: dict[str, np.ndarray] = {}  # name -> the last TAIL rows given, every step's
        self.steps_per_epoch = 1  # at the latest delivery: the batch size may have changed since the start
        self.records: tuple[EpochRecord, ...] = ()
        self.probes = np.zeros((0, 3))  # (n, 3): epoch, train-sample accuracy, test-sample accuracy
        self.changes: tuple[SettingChange, ...] = ()

    def add(self, start: int, series: Mapping[str, np.ndarray], steps_per_epoch: int) -> None:
        """Take in the rows of steps start+1 .. start+n: series name -> (n,) or (n, L), with a
        "loss" series; steps_per_epoch: at the current batch size."""
        losses = np.asarray(series.get("loss", np.zeros(0, np.float32)))
        n, held = len(losses), self.steps
        if start < held:
            if 0 < start and start + n <= held:
                return  # the same delivery again
            self._clear()
        self.steps_per_epoch = max(int(steps_per_epoch), 1)
        gap = start - self.steps  # steps never delivered: NaN, a gap in every curve
        if gap > 0:
            self._add_epochs(self._counted(self.steps, gap))
            self._losses.extend(np.full(gap, np.nan))
        first = self.steps
        counted = self._counted(first, n)
        self._losses.extend(losses)
        epochs = series.get("epoch")
        if epochs is None or len(epochs) != n:
            epochs = counted
        else:
            epochs = np.where(np.isfinite(epochs), epochs, counted)
        self._add_epochs(epochs)
        for name, rows in series.items():
            if name in ("loss", "epoch"):
                continue
            rows = np.asarray(rows)
            buf = self._series.get(name)
            if buf is None:  # per-layer statistics in float32, as the trainer measures them: half the memory
                dtype = np.float32 if rows.ndim == 2 else np.float64
                buf = self._series[name] = GrowingBuffer(row=rows.shape[1:], dtype=dtype, limit=self.limit)
            if buf.given < first:  # steps before the series began, or never delivered
                self._extend(name, np.full((first - buf.given, *buf.view().shape[1:]), np.nan))
            if rows.shape[1:] != buf.view().shape[1:] or len(rows) != n:  # switched off and on: align by step
                rows = np.full((n, *buf.view().shape[1:]), np.nan)
            self._extend(name, rows)
        for name, buf in self._series.items():  # a series absent from this delivery: NaN keeps it aligned
            if buf.given < self.steps:
                self._extend(name, np.full((self.steps - buf.given, *buf.view().shape[1:]), np.nan))

    def _extend(self, name: str, rows: np.ndarray) -> None:
        """Give the rows (n,) or (n, L) of the next steps to a series: thinned, and to its tail."""
        buf = self._series[name]
        buf.extend(rows)
        rows = np.asarray(rows, buf.view().dtype)
        tail = self._tails.get(name)
        self._tails[name] = (rows if tail is None else np.concatenate([tail, rows]))[-TAIL:].copy()

    def _add_epochs(self, epochs: np.ndarray) -> None:
        """The epochs (n,) of the n steps after the last one held: where the epochs' rate per
        step changes, that step is kept."""
        if not len(epochs):
            return
        step0, epoch0 = self._last
        values = np.concatenate([[epoch0], np.asarray(epochs, np.float64)])
        rates = np.diff(values)  # rates[k]: over step step0 + k + 1
        turns = _rate_turns(np.concatenate([[rates[0] if self._rate is None else self._rate], rates]))
        self._knot_steps.extend(step0 + turns)
        self._knot_epochs.extend(values[turns])
        self._last, self._rate = (step0 + len(epochs), float(values[-1])), float(rates[-1])

    def _counted(self, first: int, n: int) -> np.ndarray:
        """Epochs of steps first+1 .. first+n counted at the current steps per epoch, on from the
        epoch of step `first`."""
        return self.epoch_at(first) + np.arange(1, n + 1, dtype=np.float64) / self.steps_per_epoch

    def note(self, records: Sequence[EpochRecord], probes: np.ndarray, changes: Sequence[SettingChange]) -> None:
        """The run's epoch-end records, probes (n, 3) and setting changes so far (each delivery
        carries all of them)."""
        self.records, self.probes, self.changes = tuple(records), probes, tuple(changes)

    @property
    def steps(self) -> int:
        """Steps held."""
        return len(self._losses)

    @property
    def losses(self) -> np.ndarray:
        """Every step's batch loss (steps,), step 1 first (read-only; copy it to keep it)."""
        return self._losses.view()

    def epoch_knots(self) -> tuple[np.ndarray, np.ndarray]:
        """The epoch curve as (steps (k,), epochs (k,)) to interpolate linearly between: step 0,
        every step where the epochs' rate changed, and the last step held."""
        step, epoch = self._last
        return (np.append(self._knot_steps.view(), step) if step else self._knot_steps.view().copy(),
                np.append(self._knot_epochs.view(), epoch) if step else self._knot_epochs.view().copy())

    def epoch_at(self, step: int) -> float:
        """The epoch at the end of `step` (0: the start), fractional: 2.0 is the end of the second
        epoch; past the steps held, counted on at the current steps per epoch."""
        held, last = self._last
        if step > held:
            return last + (step - held) / self.steps_per_epoch
        return float(self.epoch_of(np.array([step]))[0])

    def epoch_of(self, steps: np.ndarray) -> np.ndarray:
        """The epoch at the end of each of `steps` (n,), each 0 .. steps held."""
        return np.interp(steps, *self.epoch_knots())

    def names(self) -> list[str]:
        """The thinned series held ("lr", "grad_norm", ...)."""
        return list(self._series)

    def series(self, name: str) -> np.ndarray | None:
        """The kept rows of a thinned series, (k,) or (k, L) (every step's, or every stride-th
        step's in a run longer than `limit`); None if absent. kept_steps says whose they are."""
        buf = self._series.get(name)
        return None if buf is None else buf.view()

    def recent(self, name: str, n: int) -> np.ndarray | None:
        """The rows of a series' last n steps (at most TAIL), (n,) or (n, L), every step's even
        in a thinned series; fewer if fewer were held; None if absent."""
        tail = self._tails.get(name)
        return None if tail is None else tail[len(tail) - min(n, len(tail)):]

    def kept_steps(self, rows: np.ndarray) -> np.ndarray:
        """The step (from 1) of each of the kept rows `rows` (n,) of the thinned series."""
        buf = next(iter(self._series.values()), None)
        return (np.asarray(rows) + 1) * (1 if buf is None else buf.stride)
