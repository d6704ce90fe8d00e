"""The Evaluate view's coverage panel: the accuracy when the network answers only above a
confidence threshold, and a slider for the threshold."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSlider, QVBoxLayout, QWidget

from ....core import evaluation as E
from ... import style
from ...i18n import arg
from ...widgets.scrolling import PLOT_MIN_PX
from ..labels import steady
from .common import translate

CURVE_POINTS = 1000  # points drawn of the accuracy-vs-coverage curve


class CoveragePanel(QWidget):
    """Accuracy against coverage of one evaluation's probabilities, and the threshold's point."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._conf_desc = np.zeros(0)  # (N,) confidences, highest first
        self._right_cum = np.zeros(0)  # (N,) right answers among the k most confident
        self.coverage_plot = style.plot_widget(translate("EvaluateView", "Answer only when confident"),
                                               translate("EvaluateView", "accuracy"),
                                               translate("EvaluateView", "coverage: share of test images answered"))
        self.coverage_plot.setMouseEnabled(x=False, y=False)
        self.coverage_plot.setMinimumHeight(PLOT_MIN_PX)
        self.coverage_plot.setXRange(0, 1, padding=0.02)
        self.coverage_curve = self.coverage_plot.plot([], [], pen=pg.mkPen(style.TRAIN, width=2))
        self.coverage_point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(style.TEST), pen=None)
        self.coverage_plot.addItem(self.coverage_point)
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(0, 99)
        self.threshold.setValue(80)
        self.threshold.setToolTip(translate("EvaluateView", "Below this confidence the network says \"I don't know\""))
        self.threshold.valueChanged.connect(self._show_threshold)
        self.threshold_label = steady(QLabel(), 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.coverage_plot, 1)
        layout.addWidget(self.threshold)
        layout.addWidget(self.threshold_label)

    def clear(self) -> None:
        self._conf_desc, self._right_cum = np.zeros(0), np.zeros(0)
        self.coverage_curve.setData([], [])
        self.coverage_point.setData([], [])
        self.threshold_label.setText("")

    def show_probabilities(self, probabilities: np.ndarray, labels: np.ndarray) -> None:
        """The curve of probabilities (N, 10) against true labels (N,), and the threshold's point."""
        conf = E.confidence(probabilities)
        order = np.argsort(-conf, kind="stable")
        self._conf_desc = conf[order]
        self._right_cum = np.cumsum(probabilities[order].argmax(axis=1) == labels[order])
        n = len(order)
        pick = np.linspace(0, n - 1, min(n, CURVE_POINTS)).astype(int)  # distinct: steps of at least 1
        self.coverage_curve.setData((pick + 1) / n, self._right_cum[pick] / (pick + 1))
        lo = float((self._right_cum / np.arange(1, n + 1)).min()) if n else 0.0
        self.coverage_plot.setYRange(max(0.0, lo - 0.02), 1.0, padding=0.02)
        self._show_threshold()

    def _show_threshold(self) -> None:
        t = self.threshold.value() / 100
        n = len(self._conf_desc)
        if not n:
            return
        k = int(np.searchsorted(-self._conf_desc, -t, side="right"))  # images with confidence >= t
        if k:
            acc = self._right_cum[k - 1] / k
            self.coverage_point.setData([k / n], [acc])
            text = arg(translate("EvaluateView", "Threshold %1: the network answers %2 of the test images and gets "
                                 "%3 of them right; it says \"I don't know\" to %4."), f"{t:.2f}", f"{k / n:.1%}",
                       f"{acc:.2%}", f"{n - k:,}")
        else:
            self.coverage_point.setData([], [])
            text = arg(translate("EvaluateView", "Threshold %1: the network answers none of the test images; it says "
                                 "\"I don't know\" to %2."), f"{t:.2f}", f"{n:,}")
        self.threshold_label.setText(text)
