"""The hints bar: a slim, non-modal note under the views when the run looks wrong, with a fix."""
from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ...core import hints
from ...core.config import Config
from ..i18n import arg, translated
from ..session import Session
from ..widgets.marks import change_label
from .base import View

CHECK_INTERVAL = 1.0  # seconds between two checks: the rules are cheap, but not every frame


class HintsBar(View):
    """Runs the hint rules on the session's snapshots and shows each hint at most once per run.

    config: returns the Config of the run being trained. busy: True while the user draws; no
    hint appears then (one on show is hidden and comes back afterwards). The bar is hidden
    whenever it has nothing to say. fixRequested(changes, needs_reset): the user clicked Fix.
    """

    fixRequested = Signal(dict, bool)

    def __init__(self, session: Session, config: Callable[[], Config], busy: Callable[[], bool] = lambda: False,
                 parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(session, parent)
        self._config, self._busy, self._clock = config, busy, clock
        self.frame = QFrame(self)
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.frame.setObjectName("hintsBar")
        self.label = QLabel(self.frame)
        self.label.setWordWrap(True)
        self.fix_button = QPushButton(self.frame)
        self.fix_button.clicked.connect(self._fix)
        self.close_button = QToolButton(self.frame)
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Dismiss this hint"))
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self.frame)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.fix_button)
        row.addWidget(self.close_button)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)
        self.current: hints.Hint | None = None
        self.clear()

    def clear(self) -> None:
        """A new run: forget its history and which hints were shown."""
        self._shown: set[str] = set()
        self._last_check = -np.inf
        self.current = None
        self.setVisible(False)

    def _on_snapshot(self, snapshot) -> None:
        self.update_from(snapshot)  # also while hidden: the bar shows itself when it has a hint

    def _recent(self, name: str) -> np.ndarray | None:
        """The rows of a per-layer statistic over the last steps (at most the rules' window), or None."""
        rows = self.session.history.recent(name, hints.WINDOW)
        if rows is None or rows.ndim != 2 or not len(rows):
            return None
        return rows

    def update_from(self, snapshot) -> None:
        if self._busy():
            if self.isVisible():
                self.setVisible(False)  # never over a drawing; it comes back afterwards
            return
        if self.current is not None:
            self.setVisible(True)
            return
        now = self._clock()
        if now - self._last_check < CHECK_INTERVAL:
            return
        self._last_check = now
        history = self.session.history
        found = hints.check(history.losses, history.records, self._config(), self._recent("grad_norm"),
                            self._recent("inactive"), history.changes)
        fresh = [h for h in found if h.key not in self._shown]
        if fresh:
            self.show_hint(fresh[0])

    def show_hint(self, hint: hints.Hint) -> None:
        """Show one hint now; it will not come back in this run."""
        self.current = hint
        self._shown.add(hint.key)
        self.label.setText(f"<b>{translated(hint.title)}.</b> {translated(hint.text)}")
        self.fix_button.setVisible(hint.fix is not None)
        if hint.fix is not None:
            what = ", ".join(change_label(k, v) for k, v in hint.fix.changes.items())
            self.fix_button.setText(arg(self.tr("Set %1 and start again"), what) if hint.fix.reset
                                    else arg(self.tr("Set %1"), what))
        self.setVisible(True)

    def dismiss(self) -> None:
        """Close the current hint (it stays dismissed for this run)."""
        self.current = None
        self.setVisible(False)

    def _fix(self) -> None:
        hint = self.current
        self.dismiss()
        if hint is not None and hint.fix is not None:
            self.fixRequested.emit(dict(hint.fix.changes), hint.fix.reset)
