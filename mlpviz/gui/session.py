"""The app's shared state and its signals: what every view is given.

Views subscribe to a Session; they never ask the trainer anything. The main window feeds the
session (snapshots from the training worker, the dataset, the current input), and any view may
set the input or select a unit, which every other view then follows.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from ..core.config import Config
from ..core.data import Dataset, scale_images
from ..core.history import RunHistory
from ..core.inspect import Inspection, inspect
from ..core.trainer import EpochRecord
from .i18n import arg
from .jobs import JobService
from .run import Run
from .snapshot import Snapshot

KEPT_RUNS = 8  # earlier runs kept for comparison, the oldest dropped first


@dataclass(frozen=True)
class RunRecord:
    """A finished run, kept to compare with: its settings and its curves."""

    run_id: int
    config: Config | None
    train_images: int
    losses: np.ndarray  # (steps,) per-step loss
    epoch_knots: tuple[np.ndarray, np.ndarray]  # the epoch of each step: RunHistory.epoch_knots()
    epochs: tuple[EpochRecord, ...]
    label: str = ""  # an experiment's name for the run (translated); "" for the user's own
    dataset: str = ""  # the name of the data it learned from (Dataset.name)


class Session(QObject):
    """One per window. Signals carry plain values; the latest of each is also kept here."""

    dataChanged = Signal(object)  # Dataset
    snapshotReady = Signal(object)  # Snapshot: the network being viewed, at the repaint cadence
    runStarted = Signal(int)  # run id: a new network, so views drop their history
    inputChanged = Signal(object, str)  # x (n_in,) float32 in [0, 1] or None; where it came from
    unitSelected = Signal(int, int)  # hidden layer (1 = first), unit index
    viewedStepChanged = Signal(object)  # the step of the stored network shown, or None: live
    runsChanged = Signal()  # a run was archived in `runs`, or runs were removed from it

    def __init__(self, parent: QObject | None = None, run: Run | None = None):
        super().__init__(parent)
        # The run shown: views read its history and latest snapshot here, never its trainer.
        self._run = run if run is not None else Run(self)
        # Work off the GUI thread for every view: keyed requests, shared results, shut down at close.
        self.jobs = JobService(self)
        self.data: Dataset | None = None
        self.snapshot: Snapshot | None = None
        self.input_x: np.ndarray | None = None
        self.input_source = ""
        self.input_index: int | None = None  # the test image shown, if the input is one
        self.input_label: int | None = None  # the input's true label, if it is a test or training image
        self.selected: tuple[int, int] | None = None
        self.viewed_step: int | None = None  # None: the live network
        self._viewed_model = None
        self.runs: list[RunRecord] = []  # earlier runs, oldest first
        self.run_data = ""  # the name of the data the live run learns from
        self.run_config: tuple[Config | None, int] = (None, 0)  # settings and training images of this run
        self._next_config = self.run_config  # ...and of the run whose first snapshot is still to come
        self.run_label = self._next_label = ""  # an experiment's name for this run, and for the next one
        self._ended_run = -1  # the latest run archived: its snapshots still in flight are stale
        self._inspected: tuple = (None, None, None, None)  # (network, input, label, their Inspection)
        self._float64: tuple = (None, None)  # (network, its float64 copy) the Inspections compute with
        # In the app, views take a snapshot one per turn of the event loop (spread): between two,
        # Qt answers the window manager and the user. Off (the default), all at once, as tests expect.
        self.spread = False
        self._due: dict = {}  # the views still to take the snapshot, in order (an ordered set)
        self._turn_posted = False

    @property
    def history(self) -> RunHistory:
        """The live run's history: every step's loss, epoch and statistics, its epoch records,
        probes and setting changes (the one copy the views read, kept whether they are shown or
        not; read-only)."""
        return self._run.history

    @property
    def losses(self) -> np.ndarray:
        """Every step's batch loss in the live run so far (steps,), step 1 first (read-only)."""
        return self._run.history.losses

    @property
    def live(self) -> Snapshot | None:
        """The latest snapshot of the live network."""
        return self._run.latest

    @property
    def model(self):
        """The network being viewed (a copy, safe to read on the GUI thread), or None."""
        return None if self.snapshot is None else self.snapshot.model

    def inspection(self) -> Inspection | None:
        """The Inspection of the viewed network and the current input with its label (the digit
        read if none is known), or None without both. Computed on the first request after either
        changes and shared by every view: a snapshot or a stroke costs one pass, not one per view."""
        model, x = self.model, self.input_x
        if model is None or x is None or len(x) != model.sizes[0]:
            return None
        label = self.input_label if self.input_label is not None and 0 <= self.input_label < model.sizes[-1] else None
        seen_model, seen_x, seen_label, ins = self._inspected
        # identity, not equality: every snapshot and every set_input hands over new arrays
        if seen_model is not model or seen_x is not x or seen_label != label:
            ins = inspect(model, x, label, self.float64(model))
            self._inspected = (model, x, label, ins)
        return ins

    def float64(self, model):
        """The float64 copy of `model` that Inspections of it compute with (core.inspect's network
        argument), made once per network: the current input's Inspection and a view's of another
        input share it, instead of copying the weights each."""
        seen, copy = self._float64
        if seen is not model:
            copy = model.astype(np.float64)
            self._float64 = (model, copy)
        return copy

    def set_data(self, data: Dataset) -> None:
        """A new dataset: the network shown until now takes other inputs, so it goes first."""
        self.data = data
        self._archive()
        self._due.clear()
        self.snapshot, self.input_x, self.input_index = None, None, None
        self._viewed_model = self.viewed_step = None
        self.runStarted.emit(-1)
        self.dataChanged.emit(data)

    def set_run_config(self, config: Config | None, train_images: int) -> None:
        """The settings of the run about to start (for comparing runs); a run of the user's own
        unless name_next_run names it next."""
        self._next_config = (config, train_images)
        self._next_label = ""

    def name_next_run(self, label: str) -> None:
        """An experiment's name for the run about to start, said instead of its settings."""
        self._next_label = label

    def forget_runs(self, run_ids: set[int] | None = None) -> None:
        """Remove the earlier runs with these ids from the comparison (None: every one)."""
        self.runs = [r for r in self.runs if run_ids is not None and r.run_id not in run_ids]
        self.runsChanged.emit()

    def hand(self, view, snapshot: Snapshot) -> None:
        """Give `view` the snapshot: now, or (spread) at a turn of the event loop of its own, the
        session's latest one then."""
        if not self.spread:
            view.take(snapshot)
            return
        self._due[view] = None
        if not self._turn_posted:
            self._turn_posted = True
            QTimer.singleShot(0, self._take_turn)

    def flush(self) -> None:
        """Hand every view its due snapshot now (before a picture of the views is taken)."""
        while self._due:
            self._hand_one()

    def _take_turn(self) -> None:
        self._turn_posted = False
        if self._due:
            self._hand_one()
        if self._due:  # the next one at the next turn: Qt's own events come in between
            self._turn_posted = True
            QTimer.singleShot(0, self._take_turn)

    def _hand_one(self) -> None:
        view = next(iter(self._due))
        del self._due[view]
        if self.snapshot is not None and shiboken6.isValid(view):
            view.take(self.snapshot)  # the latest: never an older one after a newer

    def publish(self, snapshot: Snapshot) -> None:
        """Hand a snapshot to every view; a new run id first tells them to start over. While an
        earlier step is viewed, the views get that step's network with the live curves."""
        if snapshot.run_id <= self._ended_run:  # the worker numbers its runs upward
            return
        if self.snapshot is None or snapshot.run_id != self.snapshot.run_id:
            self._archive()
            self.run_config, self.run_label = self._next_config, self._next_label
            self.run_data = self.data.name if self.data is not None else ""  # kept: new data archives this run
            self.viewed_step = self._viewed_model = None
            self.viewedStepChanged.emit(None)
            self.runStarted.emit(snapshot.run_id)
        self._run.take_in(snapshot)
        if self._viewed_model is not None:
            snapshot = replace(snapshot, model=self._viewed_model)
        self.snapshot = snapshot
        self.snapshotReady.emit(snapshot)

    def _archive(self) -> None:
        old = self.live
        history = self._run.new_history()
        if old is not None:
            self._ended_run = max(self._ended_run, old.run_id)
        if old is not None and history.steps:
            config, images = self.run_config
            self.runs = [*self.runs, RunRecord(old.run_id, config, images, history.losses.copy(),
                                               history.epoch_knots(), history.records, self.run_label,
                                               self.run_data)][-KEPT_RUNS:]
            self.runsChanged.emit()

    def view_step(self, step: int | None) -> None:
        """Show the stored network of the run's timeline at `step` (the latest copy at or before
        it) in every view, or the live one again with None."""
        live = self.live
        if live is None or (step is not None and live.timeline is None):
            return
        self.viewed_step = step
        self._viewed_model = None if step is None else live.timeline.model_at(step)
        self.viewedStepChanged.emit(step)
        empty = {k: v[:0] for k, v in live.series.items()}  # no curve point twice
        self.snapshot = replace(live, model=self._viewed_model or live.model, series=empty,
                                series_start=live.series_start + len(live.losses))
        self.snapshotReady.emit(self.snapshot)

    def set_input(self, x: np.ndarray | None, source: str, index: int | None = None,
                  label: int | None = None) -> None:
        """Make x (n_in,) in [0, 1] the input every view shows (test image `index`, if it is
        one, and its true `label` if known); None clears it."""
        self.input_index = index
        self.input_label = None if label is None else int(label)
        self.input_x = None if x is None else np.asarray(x, np.float32).ravel()
        self.input_source = source
        self.inputChanged.emit(self.input_x, source)

    def test_image(self, index: int) -> tuple[np.ndarray, str]:
        """Test image `index` as an input (n_in,) in [0, 1], with its description."""
        x = scale_images(self.data.x_test[index])
        return x, arg(self.tr("Test image %1 (label %2)"), index, int(self.data.y_test[index]))

    def show_test_image(self, index: int) -> None:
        self.set_input(*self.test_image(index), index=index, label=int(self.data.y_test[index]))

    def select_unit(self, layer: int, unit: int) -> None:
        self.selected = (layer, unit)
        self.unitSelected.emit(layer, unit)
