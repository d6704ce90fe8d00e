"""Live loss and accuracy plots, with epochs on the x axis."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from ...core.trainer import GrowingBuffer
from .. import style
from ..worker import Snapshot

SMOOTHING_WINDOW = 1 / 20  # the smoothed loss averages over about a twentieth of an epoch
MARKED_EPOCHS = 50  # epoch-end accuracies get a marker each while there are no more than this


def decimate(y: np.ndarray, envelope: bool, buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """A long curve cut to at most `buckets` buckets of k points, each drawn as its minimum and
    maximum (envelope, so that spikes stay visible) or as its last point; returns the indices
    of the points kept (each bucket's last) and their values. One bucket per pixel column looks
    the same as every point, and painting costs in proportion to the points."""
    k = -(-len(y) // max(buckets, 1))
    if k <= 1:
        return np.arange(len(y)), y
    starts = np.arange(0, len(y), k)
    ends = np.minimum(starts + k, len(y)) - 1
    if not envelope:
        return ends, y[ends]
    ys = np.stack([np.minimum.reduceat(y, starts), np.maximum.reduceat(y, starts)], axis=1).ravel()
    return np.repeat(ends, 2), ys


def smoothed(values: np.ndarray, beta: float, ema: float, t0: int) -> tuple[np.ndarray, float]:
    """The exponential moving average of a stream, continued over `values`, debiased as in Adam
    (divided by 1 - beta^t) so that it neither starts at zero nor lags behind the first steps.

    ema is the running average after t0 values; returns the debiased averages after each of
    `values` and the new running average. Unrolled, ema_i = beta^(i+1) (ema + (1 - beta)
    sum_{j<=i} beta^-(j+1) v_j): a cumulative sum instead of a Python loop, in blocks short
    enough that beta^-n stays far from overflowing.
    """
    out = np.empty(len(values), np.float64)
    for start in range(0, len(values), 256):
        v = np.asarray(values[start:start + 256], np.float64)
        powers = beta ** np.arange(1, len(v) + 1)
        out[start:start + len(v)] = powers * (ema + (1 - beta) * np.cumsum(v / powers))
        ema = float(out[start + len(v) - 1])
    out /= 1 - beta ** np.arange(t0 + 1, t0 + len(values) + 1, dtype=np.float64)
    return out, ema


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
        for plot in (self.loss_plot, self.acc_plot):  # legends never change: paint them once
            plot.plotItem.legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
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
        self._loss_max = -np.inf
        self._steps_per_epoch = 1
        self._probes_shown = 0
        self._epochs = GrowingBuffer(64, row=(3,), dtype=np.float64)  # epoch, train %, test %
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
        label = LOSS_LABELS.get(snap.model.loss.name, snap.model.loss.name)
        if label != self._loss_label:
            self._loss_label = label
            self.loss_plot.setLabel("left", label)
        if snap.loss_start < len(self._losses):  # a restored history or a repeat: start over
            self.clear()
        self._steps_per_epoch = snap.steps_per_epoch
        # The data fill at most the plot's width, as the x range only grows ahead of them.
        columns = max(100, int(self.loss_plot.getViewBox().width()))
        if len(snap.losses):
            beta = 1 - 1 / max(5.0, snap.steps_per_epoch * SMOOTHING_WINDOW)
            out, self._ema = smoothed(snap.losses, beta, self._ema, len(self._losses))
            self._losses.extend(snap.losses)
            self._smoothed.extend(out)
            self._loss_max = max(self._loss_max, float(snap.losses.max()))
            self.hint.hide()
            # Step i (from 0) ends at epoch (i + 1) / steps_per_epoch; only the kept points
            # are converted, so a long run costs no more than a short one here.
            self._fit(len(self._losses) / self._steps_per_epoch, self._loss_max)
            for curve, values, envelope in ((self.raw, self._losses, True), (self.smooth, self._smoothed, False)):
                i, y = decimate(values.view(), envelope, columns)
                curve.setData((i + 1) / self._steps_per_epoch, y, skipFiniteCheck=True)
        # Accuracy points arrive a few times a second at most: they are redrawn only then.
        if len(snap.probes) != self._probes_shown:
            self._probes_shown = len(snap.probes)
            for curve, column in ((self.probe_train, 1), (self.probe_test, 2)):
                i, acc = decimate(snap.probes[:, column], False, columns)
                curve.setData(snap.probes[i, 0], 100 * acc)
        if len(snap.epochs) != len(self._epochs):
            if len(snap.epochs) < len(self._epochs):
                self._epochs = GrowingBuffer(64, row=(3,), dtype=np.float64)
            for r in snap.epochs[len(self._epochs):]:
                self._epochs.append((r.epoch, 100 * r.train_accuracy, 100 * r.test_accuracy))
            e = self._epochs.view()
            self._fit(float(e[-1, 0]), self._y_hi)
            symbol = "o" if len(e) <= MARKED_EPOCHS else None  # denser markers would merge into a line
            self.epoch_train.setData(e[:, 0], e[:, 1], symbol=symbol)
            self.epoch_test.setData(e[:, 0], e[:, 2], symbol=symbol)
