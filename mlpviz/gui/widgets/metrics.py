"""Live loss and accuracy plots, with epochs on the x axis."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.trainer import GrowingBuffer
from .. import style
from ..worker import Snapshot

SMOOTHING_WINDOW = 1 / 20  # the smoothed loss averages over about a twentieth of an epoch
MAX_POINTS = 2000  # per curve: more than a plot's width in pixels, however long the run


def decimate(x: np.ndarray, y: np.ndarray, envelope: bool) -> tuple[np.ndarray, np.ndarray]:
    """At most about MAX_POINTS points of a long curve: per bucket of k points, its minimum and
    maximum (envelope, so that spikes stay visible) or its last point."""
    k = -(-len(y) // MAX_POINTS)
    if k <= 1:
        return x, y
    m = len(y) // k * k
    if envelope:
        buckets = y[:m].reshape(-1, k)
        ys = np.stack([buckets.min(axis=1), buckets.max(axis=1)], axis=1).ravel()
        xs = np.repeat(x[k - 1:m:k], 2)
    else:
        xs, ys = x[k - 1:m:k], y[k - 1:m:k]
    return np.concatenate([xs, x[m:]]), np.concatenate([ys, y[m:]])
LOSS_LABELS = {"cross_entropy": "cross-entropy (nats)", "mse": "mean squared error"}


class MetricsPanel(QWidget):
    """Loss per step (raw, faint) with a smoothed curve; train and test accuracy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.loss_plot = style.plot_widget("Loss", "cross-entropy (nats)", "epoch")
        self.acc_plot = style.plot_widget("Accuracy", "accuracy (%)", "epoch")
        self.loss_plot.addLegend(offset=(-10, 10), labelTextSize="8pt")
        # Accuracy climbs to the top right: its legend goes low, in two short rows.
        self.acc_plot.addLegend(offset=(-10, -10), labelTextSize="8pt", colCount=2)
        self.raw = self.loss_plot.plot(pen=pg.mkPen(style.LOSS_RAW, width=1), name="per step")
        self.smooth = self.loss_plot.plot(pen=pg.mkPen(style.LOSS_SMOOTH, width=2), name="smoothed")
        # Ranges are set here, not auto-ranged: they change only when the curves outgrow them,
        # so the axes are not redrawn at every update (that was most of the painting cost).
        for plot in (self.loss_plot, self.acc_plot):
            plot.disableAutoRange()
        self.acc_plot.setYRange(0, 100, padding=0.02)
        self.probe_train = self.acc_plot.plot(pen=pg.mkPen(style.TRAIN, width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
                                              name="train (500-image sample)")
        self.probe_test = self.acc_plot.plot(pen=pg.mkPen(style.TEST, width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
                                             name="test (500-image sample)")
        self.epoch_train = self.acc_plot.plot(pen=pg.mkPen(style.TRAIN, width=2), symbol="o", symbolSize=6,
                                              symbolBrush=style.TRAIN, name="train (epoch end)")
        self.epoch_test = self.acc_plot.plot(pen=pg.mkPen(style.TEST, width=2), symbol="o", symbolSize=6,
                                             symbolBrush=style.TEST, name="test (epoch end)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_plot, 1)
        layout.addWidget(self.acc_plot, 1)
        self.hint = pg.TextItem("Press Start (Space) to train, or Step (Right arrow) for one mini-batch",
                                color="#777", anchor=(0.5, 0.5))
        self.loss_plot.addItem(self.hint, ignoreBounds=True)
        self.hint.setPos(0.5, 0.5)
        self._loss_label = LOSS_LABELS["cross_entropy"]
        self.clear()

    def clear(self) -> None:
        self._losses = GrowingBuffer()
        self._smoothed = GrowingBuffer()
        self._ema = 0.0
        self._steps_per_epoch = 1
        for curve in (self.raw, self.smooth, self.probe_train, self.probe_test, self.epoch_train, self.epoch_test):
            curve.setData([], [])
        self.hint.show()
        self._x_hi = 1.0
        self._y_hi = 1.0
        self.loss_plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.02)
        self.acc_plot.setXRange(0, 1, padding=0.02)

    def _fit(self, x_max: float, y_max: float) -> None:
        """Grow the ranges to hold x_max epochs and a loss of y_max, with room to spare."""
        if x_max > self._x_hi:
            self._x_hi = max(x_max * 1.5, 1.0) if x_max < 10 else float(np.ceil(x_max * 1.25))
            self.loss_plot.setXRange(0, self._x_hi, padding=0.02)
            self.acc_plot.setXRange(0, self._x_hi, padding=0.02)
        if y_max > self._y_hi or (self._y_hi == 1.0 and y_max > 0):
            self._y_hi = y_max * 1.05 if np.isfinite(y_max) else self._y_hi
            self.loss_plot.setYRange(0, self._y_hi, padding=0.02)

    def update_from(self, snap: Snapshot) -> None:
        self._steps_per_epoch = snap.steps_per_epoch
        label = LOSS_LABELS.get(snap.model.loss.name, snap.model.loss.name)
        if label != self._loss_label:
            self._loss_label = label
            self.loss_plot.setLabel("left", label)
        if snap.loss_start < len(self._losses):  # a restored history or a repeat: start over
            self.clear()
            self._steps_per_epoch = snap.steps_per_epoch
        if len(snap.losses):
            # An exponential moving average, debiased as in Adam (divided by 1 - beta^t) so that
            # it neither starts at zero nor lags behind the first steps.
            beta = 1 - 1 / max(5.0, snap.steps_per_epoch * SMOOTHING_WINDOW)
            ema, t0 = self._ema, len(self._losses)
            out = np.empty(len(snap.losses), np.float32)
            for i, v in enumerate(snap.losses):
                ema = beta * ema + (1 - beta) * float(v)
                out[i] = ema / (1 - beta ** (t0 + i + 1))
            self._ema = ema
            self._losses.extend(snap.losses)
            self._smoothed.extend(out)
        if len(self._losses):
            self.hint.hide()
            x = np.arange(1, len(self._losses) + 1) / self._steps_per_epoch
            self._fit(float(x[-1]), float(self._losses.view().max()))
            self.raw.setData(*decimate(x, self._losses.view(), envelope=True), skipFiniteCheck=True)
            self.smooth.setData(*decimate(x, self._smoothed.view(), envelope=False), skipFiniteCheck=True)
        if len(snap.probes):
            self.probe_train.setData(snap.probes[:, 0], 100 * snap.probes[:, 1])
            self.probe_test.setData(snap.probes[:, 0], 100 * snap.probes[:, 2])
        if snap.epochs:
            self._fit(float(snap.epochs[-1].epoch), self._y_hi)
            e = np.array([(r.epoch, r.train_accuracy, r.test_accuracy) for r in snap.epochs])
            self.epoch_train.setData(e[:, 0], 100 * e[:, 1])
            self.epoch_test.setData(e[:, 0], 100 * e[:, 2])
