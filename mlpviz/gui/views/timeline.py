"""The run's past as a strip: pick a stored step to view the network as it was then, and see how
its reading of the current input changed while it learned."""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from ...core.timeline import BUDGET_CEILING, MEMORY_SHARE
from .. import style
from ..classes import digits_or_classes
from ..i18n import arg
from ..session import Session
from ..widgets.whatsthis import explain as explain_view
from .base import View

SETTLE_MS = 150  # the input has stopped changing for this long: recompute its probabilities
PROBABILITY_INTERVAL = 1.0  # seconds between two recomputations while new copies keep arriving


class TimelineView(View):
    """A slider over the timeline's stored steps, a Live button, and each digit's probability for
    the current input against the stored steps."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(self.tr("Drag to view the network as it was at an earlier step"))
        self.slider.setRange(0, 0)
        self.slider.valueChanged.connect(self._slid)
        self.live_button = QPushButton(self.tr("Live"))
        self.live_button.setToolTip(self.tr("Follow the training again"))
        self.live_button.setCheckable(True)
        self.live_button.setChecked(True)
        self.live_button.clicked.connect(self.go_live)
        self.label = QLabel()
        self.label.setMinimumWidth(180)
        # Under the slider, only when the network's size and not the counts bounds the copies: the
        # slider's coarser steps then have a reason the learner can read.
        self.note = QLabel()
        self.note.setStyleSheet("color: #777; font-size: 8pt")
        self.note.hide()
        self.plot = style.plot_widget("", self.tr("probability"), self.tr("step + 1 (log scale)"), log="x")
        self.plot.setYRange(0, 1, padding=0.02)
        # The x axis spans whole decades (_fit_decades), not the data: laid out again only when
        # training enters a new decade instead of at every stored copy (autorange re-measured the
        # curves and re-ticked the axis each second, half the view's repaint).
        self.plot.enableAutoRange(enable=False)
        self.plot.getViewBox().sigRangeChangedManually.connect(self._user_moved)
        self.curves = [self.plot.plot(pen=pg.mkPen(style.DIGIT_COLOURS[d], width=1.5)) for d in range(10)]
        self.legend = QLabel(style.legend_html(style.DIGIT_COLOURS, range(10)))  # under, not over, the curves
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(style.ACCENT, width=1.5))
        self.marker.hide()
        self.plot.addItem(self.marker, ignoreBounds=True)
        self.plot.setMinimumHeight(120)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Timeline:")))
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        row.addWidget(self.live_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignHCenter)  # beside the slider it squeezed it away
        help_button = explain_view(self, "", floating=False)
        row.addWidget(help_button)  # the strip's top-right corner holds the Live button
        self._data_texts()
        session.viewedStepChanged.connect(self._viewed)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS,
                              timeout=lambda: self._update_probabilities(force=True))
        self.clear()

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        data = self.session.data
        self.plot.setTitle(digits_or_classes(data, self.tr("Each digit's probability for the current input"),
                                             self.tr("Each class's probability for the current input")),
                           size=style.pt(10))
        self.setWhatsThis(digits_or_classes(data, self.tr(
            "<b>Timeline</b><p>While it trains, the network is copied at steps spaced out on a log scale (many "
            "early, when most is learned, fewer later) and at every epoch end. Drag the slider to show the "
            "network of such a step in every view; Live follows the training again. The plot shows the "
            "probability the network gave each digit for the current input at every stored step: how its "
            "reading of your drawing changed as W ← W − η·∂E/∂W went on.</p>"), self.tr(
            "<b>Timeline</b><p>While it trains, the network is copied at steps spaced out on a log scale (many "
            "early, when most is learned, fewer later) and at every epoch end. Drag the slider to show the "
            "network of such a step in every view; Live follows the training again. The plot shows the "
            "probability the network gave each class for the current input at every stored step: how its "
            "reading of the input changed as W ← W − η·∂E/∂W went on.</p>")))

    def set_data(self, data) -> None:
        self._data_texts()

    def clear(self) -> None:
        self._steps: list[int] = []
        self._timeline = None
        self._probs: dict[int, np.ndarray] = {}  # stored copies never change: one forward pass each
        self._prob_at = -np.inf
        self._x: np.ndarray | None = self.session.input_x  # the input outlives the run
        self._dirty = True
        self._decades = 0  # the x axis spans steps + 1 from 1 to 10**_decades
        self._user_range = False  # zoomed or panned by the user: left where they put it
        for curve in self.curves:
            curve.setData([], [])
        self._fit_decades(1)
        self.marker.hide()
        self._set_slider(0, 0)
        self._show_bound(None)
        self._viewed(self.session.viewed_step)

    def _show_bound(self, timeline) -> None:
        """Say how many copies a large network keeps, and why; nothing for a small one."""
        if timeline is None or not timeline.limited:
            self.note.hide()
            return
        size, budget = megabytes(timeline.copy_nbytes), megabytes(timeline.budget)
        self.note.setText(arg(self.tr("keeping at most %1 copies: the network is %2 MB"), timeline.max_copies, size))
        self.note.setToolTip(arg(self.tr(
            "Each copy of this network takes %1 MB, and the timeline holds at most %2 MB of copies (1/%3 of this "
            "computer's memory, at most %4 MB): it keeps fewer of them, spread over the run in the same way."),
            size, budget, MEMORY_SHARE, megabytes(BUDGET_CEILING)))
        self.note.show()

    def _set_slider(self, maximum: int, value: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setRange(0, maximum)
        self.slider.setValue(value)
        self.slider.blockSignals(False)

    def steps(self) -> list[int]:
        """The stored steps the slider runs over, increasing."""
        return list(self._steps)

    def update_from(self, snap) -> None:
        timeline = snap.timeline
        if timeline is None:
            return
        steps = timeline.steps()
        if timeline is not self._timeline:
            self._timeline, self._probs, self._dirty = timeline, {}, True
        self._show_bound(timeline)
        if steps != self._steps:
            self._steps = steps
            self._dirty = True
            viewed = self.session.viewed_step
            index = len(steps) - 1 if viewed is None else int(np.searchsorted(steps, viewed, side="right")) - 1
            self._set_slider(max(len(steps) - 1, 0), max(index, 0))
        self._update_probabilities(force=snap.state != "running")

    def set_input(self, x, source: str) -> None:
        self._x = None if x is None else np.asarray(x, np.float32).ravel()
        self._probs = {}
        self._dirty = True
        # A forward pass per stored network: after the stroke, not at every move of the pen.
        self._settle.start()

    def _update_probabilities(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self._dirty or (not force and now - self._prob_at < PROBABILITY_INTERVAL):
            return
        x, timeline = self._x, self._timeline
        if x is None or timeline is None or not self._steps:
            for curve in self.curves:
                curve.setData([], [])
            self._dirty = False
            return
        self._prob_at, self._dirty = now, False
        probs = self.probabilities()
        xs = np.asarray(self._steps, np.float64) + 1
        for d, curve in enumerate(self.curves):
            curve.setData(xs, probs[:, d])
        self._fit_decades(xs[-1])

    def _fit_decades(self, last: float) -> None:
        decades = max(1, int(np.ceil(np.log10(max(last, 1.0)) - 1e-9)))
        if decades != self._decades and not self._user_range:
            self._decades = decades
            self.plot.setXRange(0, decades, padding=0.01)

    def _user_moved(self, *_) -> None:
        self._user_range = True

    def probabilities(self) -> np.ndarray:
        """Each digit's probability for the current input at every stored step (steps, 10)."""
        out = np.zeros((len(self._steps), 10))
        for i, step in enumerate(self._steps):
            p = self._probs.get(step)
            if p is None:
                with np.errstate(all="ignore"):  # a stored network that diverged reads nothing: NaN, no warning
                    p = self._probs[step] = self._timeline.model_at(step).predict_proba(self._x)[0]
            out[i, :len(p)] = p[:10]
        return out

    def go_live(self) -> None:
        """Show the live network again."""
        self.session.view_step(None)
        self.live_button.setChecked(self.session.viewed_step is None)

    def _slid(self, index: int) -> None:
        if 0 <= index < len(self._steps):
            self.session.view_step(self._steps[index])

    def _viewed(self, step) -> None:
        self.live_button.setChecked(step is None)
        if step is None:
            self.label.setText(self.tr("live"))
            self.marker.hide()
            if self._steps:
                self._set_slider(len(self._steps) - 1, len(self._steps) - 1)
            return
        epoch = self.session.history.epoch_at(step)  # as recorded: exact when the batch size changed
        self.label.setText(arg(self.tr("viewing step %1 (epoch %2)"), f"{step:,}", f"{epoch:.2f}"))
        self.marker.setValue(np.log10(step + 1))
        self.marker.show()


def megabytes(nbytes: int) -> str:
    """nbytes in MB (2**20 bytes) as a person reads it: 0.2, 7.5, 140."""
    mb = nbytes / 2**20
    return f"{mb:.1f}" if mb < 10 else f"{mb:,.0f}"
