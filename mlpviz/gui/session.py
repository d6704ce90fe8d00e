"""The app's shared state and its signals: what every view is given.

Views subscribe to a Session; they never ask the trainer anything. The main window feeds the
session (snapshots from the training worker, the dataset, the current input), and any view may
set the input or select a unit, which every other view then follows.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..core.data import Dataset
from .i18n import arg
from .worker import Snapshot


class Session(QObject):
    """One per window. Signals carry plain values; the latest of each is also kept here."""

    dataChanged = Signal(object)  # Dataset
    snapshotReady = Signal(object)  # Snapshot: the network being viewed, at the repaint cadence
    runStarted = Signal(int)  # run id: a new network, so views drop their history
    inputChanged = Signal(object, str)  # x (n_in,) float32 in [0, 1] or None; where it came from
    unitSelected = Signal(int, int)  # hidden layer (1 = first), unit index

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.data: Dataset | None = None
        self.snapshot: Snapshot | None = None
        self.input_x: np.ndarray | None = None
        self.input_source = ""
        self.input_index: int | None = None  # the test image shown, if the input is one
        self.input_label: int | None = None  # the input's true label, if it is a test or training image
        self.selected: tuple[int, int] | None = None

    @property
    def model(self):
        """The network being viewed (a copy, safe to read on the GUI thread), or None."""
        return None if self.snapshot is None else self.snapshot.model

    def set_data(self, data: Dataset) -> None:
        """A new dataset: the network shown until now takes other inputs, so it goes first."""
        self.data = data
        self.snapshot, self.input_x, self.input_index = None, None, None
        self.runStarted.emit(-1)
        self.dataChanged.emit(data)

    def publish(self, snapshot: Snapshot) -> None:
        """Hand a snapshot to every view; a new run id first tells them to start over."""
        if self.snapshot is None or snapshot.run_id != self.snapshot.run_id:
            self.runStarted.emit(snapshot.run_id)
        self.snapshot = snapshot
        self.snapshotReady.emit(snapshot)

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
        from ..core.data import scale_images
        x = scale_images(self.data.x_test[index])
        return x, arg(self.tr("Test image %1 (label %2)"), index, int(self.data.y_test[index]))

    def show_test_image(self, index: int) -> None:
        self.set_input(*self.test_image(index), index=index, label=int(self.data.y_test[index]))

    def select_unit(self, layer: int, unit: int) -> None:
        self.selected = (layer, unit)
        self.unitSelected.emit(layer, unit)
