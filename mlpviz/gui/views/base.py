"""What every view shares: it subscribes to the session, and repaints only while visible."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ..session import Session


class View(QWidget):
    """A view of the session. Subclasses override any of update_from, set_input, set_data, clear.

    A hidden view (a tab in the background) keeps only the latest snapshot and input and draws
    them when it is shown: painting holds the interpreter lock that training needs.
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._stale = False
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a click here leaves a settings field
        session.snapshotReady.connect(self._on_snapshot)
        session.inputChanged.connect(self._on_input)
        session.dataChanged.connect(self.set_data)
        session.runStarted.connect(lambda _: self.clear())

    def _on_snapshot(self, snapshot) -> None:
        if self.isVisible():
            self.session.hand(self, snapshot)  # at once, or at a turn of its own (Session.spread)
        else:
            self._stale = True

    def take(self, snapshot) -> None:
        """Draw the snapshot if shown, else keep it for when it is."""
        if self.isVisible():
            self.update_from(snapshot)
        else:
            self._stale = True

    def _on_input(self, x, source: str) -> None:
        if self.isVisible():
            self.set_input(x, source)
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            if self.session.snapshot is not None:
                self.update_from(self.session.snapshot)
            self.set_input(self.session.input_x, self.session.input_source)

    def update_from(self, snapshot) -> None:
        """A new snapshot of the run (snapshot.model is the network to show)."""

    def set_input(self, x: np.ndarray | None, source: str) -> None:
        """The current input (n_in,) in [0, 1], or None."""

    def set_data(self, data) -> None:
        """A new dataset was loaded."""

    def clear(self) -> None:
        """A new run started: forget what was shown."""
