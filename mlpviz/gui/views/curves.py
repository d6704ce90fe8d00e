"""Live loss and accuracy curves, with epochs on the x axis, and the numbers they end at."""
from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QBoxLayout, QGraphicsItem, QLabel, QWidget

from ...core.history import GrowingBuffer
from .. import style
from ..i18n import arg
from ..session import Session
from ..snapshot import PROBE_SIZE
from ..widgets.marks import change_marks
from ..widgets.scrolling import PLOT_MIN_PX, scrolling_layout
from ..widgets.whatsthis import explain as explain_view
from .base import View

SMOOTHING_WINDOW = 1 / 20  # the smoothed loss averages over about a twentieth of an epoch
SMOOTHED_ROWS = 1 << 15  # the smoothed loss keeps at most this many steps, evenly spaced
MARKED_EPOCHS = 50  # epoch-end accuracies get a marker each while there are no more than this
NUMBERS_INTERVAL = 1.0  # seconds between two updates of the running loss under the curves
NARROW_PX = 600  # below this width the accuracy plot gets its short title
# Wider than this times its height, the view puts the two plots side by side: stacked in a short
# view, each plot's title and axes left its curves a strip a few dozen pixels high.
SIDE_BY_SIDE = 1.5
SIDE_MIN_PX = 580  # ...if that leaves the accuracy plot room for its legend's two columns
LOSS_STRETCH, ACC_STRETCH = 2, 3  # the plots' shares of the room, stacked or side by side
# Stacked in a view shorter than this, the plots go without titles (their axis labels name them)
# and the accuracy legend: in the smallest window each took more height than the curves had.
SHORT_PX = 330
MINOR_TICK_ROOM = 40  # pixels per decade from which 80, 95, 98, 99.5% are labelled too
ERROR_FLOOR = 0.01  # per cent: a perfect score is drawn at this error (99.99%), the log axis has no zero


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


def smoothed(values: np.ndarray, beta: float, ema: float, weight: float) -> tuple[np.ndarray, float, float]:
    """The exponential moving average of a stream, continued over `values`, debiased as in Adam
    so that it neither starts at zero nor lags behind the first steps.

    ema is the running average so far and weight the sum of the weights in it (1 - beta^t for a
    constant beta); the debiased average is ema / weight. Keeping the weight, not the count t,
    keeps it exact when beta changes (the batch size, and so the steps an epoch has, changed):
    dividing by 1 - beta^t with the new beta dipped a flat loss by more than a quarter. Returns the
    debiased averages after each of `values`, and the new ema and weight. Unrolled, ema_i =
    beta^(i+1) (ema + (1 - beta) sum_{j<=i} beta^-(j+1) v_j): a cumulative sum instead of a
    Python loop, in blocks short enough that beta^-n stays far from overflowing.
    """
    out = np.empty(len(values), np.float64)
    for start in range(0, len(values), 256):
        v = np.asarray(values[start:start + 256], np.float64)
        powers = beta ** np.arange(1, len(v) + 1)
        block = out[start:start + len(v)]
        block[:] = powers * (ema + (1 - beta) * np.cumsum(v / powers))
        weights = powers * weight + (1 - powers)
        ema, weight = float(block[-1]), float(weights[-1])
        block /= weights
    return out, ema, weight


LOSS_LABELS = {"cross_entropy": QT_TRANSLATE_NOOP("CurvesView", "cross-entropy (nats)"),
               "mse": QT_TRANSLATE_NOOP("CurvesView", "mean squared error")}


def _t(text: str) -> str:
    return QCoreApplication.translate("CurvesView", text)


def error_percent(accuracy: np.ndarray) -> np.ndarray:
    """Accuracies in [0, 1] (n,) -> error rates in per cent (n,), never below ERROR_FLOOR."""
    return np.maximum(100 - 100 * np.asarray(accuracy, np.float64), ERROR_FLOOR)


def accuracy_label(log_error: float) -> str:
    """The accuracy at a point of the log-error axis, with as many decimals as it needs."""
    error = 10 ** log_error
    if error > 100 - 1e-9:
        return "0%"
    decimals = max(0, -math.floor(math.log10(error) + 1e-9))
    return f"{100 - error:.{decimals}f}%"


class AccuracyAxis(pg.AxisItem):
    """A log axis of the error rate labelled with the accuracy: 90%, 99%, 99.9% equally spaced,
    so that the last per cents, where training spends most of its time, get most of the room."""

    def tickValues(self, minVal, maxVal, size):
        """Errors of 10^k per cent as major ticks (0, 90, 99, 99.9%...), 2 and 5 x 10^k as minor
        ones (80, 95, 98, 99.5%...) when there is room: the default log ticks label every
        per cent from 10 to 90 on top of each other."""
        if not self.logMode:
            return super().tickValues(minVal, maxVal, size)
        lo, hi = sorted((minVal, maxVal))
        decades = np.arange(math.floor(lo), math.ceil(hi) + 1)
        major = [float(d) for d in decades if lo <= d <= hi]
        minor = [float(d + math.log10(m)) for d in decades for m in (2, 5) if lo <= d + math.log10(m) <= hi]
        room = size / max(hi - lo, 1e-9)  # pixels per decade
        # 98% sits 0.3 decades from 99%: room for a label between them from about 40 pixels a decade
        return [(1.0, major), (None, minor if room >= MINOR_TICK_ROOM else [])]

    def logTickStrings(self, values, scale, spacing):
        return [accuracy_label(v) for v in values]


def summary(epochs, probes: np.ndarray, smoothed_loss: float | None) -> str:
    """The numbers the curves end at, and the best so far, as one line of rich text."""
    parts = []
    if epochs:
        last = epochs[-1]
        best = max(epochs, key=lambda r: r.test_accuracy)
        low = min(epochs, key=lambda r: r.test_loss)
        parts.append(arg(QCoreApplication.translate(
            "CurvesView", "<b>epoch %1</b>: accuracy train %2%, <b>test %3%</b>; loss train %4, test %5"),
            last.epoch, f"{100 * last.train_accuracy:.2f}", f"{100 * last.test_accuracy:.2f}",
            f"{last.train_loss:.4f}", f"{last.test_loss:.4f}"))
        parts.append(arg(QCoreApplication.translate("CurvesView", "best test: %1% (epoch %2), loss %3 (epoch %4)"),
                         f"{100 * best.test_accuracy:.2f}", best.epoch, f"{low.test_loss:.4f}", low.epoch))
    elif len(probes):
        parts.append(arg(QCoreApplication.translate("CurvesView", "samples at epoch %1: accuracy train %2%, test %3%"),
                         f"{probes[-1, 0]:.2f}", f"{100 * probes[-1, 1]:.1f}", f"{100 * probes[-1, 2]:.1f}"))
    if smoothed_loss is not None:
        parts.append(arg(QCoreApplication.translate("CurvesView", "loss now %1 (smoothed)"), f"{smoothed_loss:.4f}"))
    return " &nbsp;|&nbsp; ".join(parts) if parts else QCoreApplication.translate("CurvesView", "No training yet.")


class CurvesView(View):
    """Loss per step (raw, faint) with a smoothed curve; train and test accuracy on a log-error
    axis; below them, the latest and best numbers."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.loss_plot = style.plot_widget(self.tr("Loss"), self.tr("cross-entropy (nats)"), self.tr("epoch"))
        self._acc_titles = (self.tr("Accuracy (log scale of the errors: 90%, 99%, 99.9% equally spaced)"),
                            self.tr("Accuracy (log scale of the errors)"))
        self.acc_plot = style.plot_widget(self._acc_titles[0], self.tr("accuracy"), self.tr("epoch"))
        self._narrow: bool | None = None
        self._titled: bool | None = None
        axis = AccuracyAxis("left")
        axis.enableAutoSIPrefix(False)
        self.acc_plot.setAxisItems({"left": axis})
        self.acc_plot.setLabel("left", self.tr("accuracy"))
        self.acc_plot.setLogMode(x=False, y=True)
        self.acc_plot.invertY(True)  # fewer errors higher up: the curves climb as the network learns
        self.loss_plot.addLegend(offset=(-10, 10), labelTextSize=style.pt(8))
        # Inside the plot the accuracy legend covered the curves wherever it went: it gets a row
        # of its own under the axis, in two columns.
        legend = pg.LegendItem(offset=None, labelTextSize=style.pt(8), colCount=2, verSpacing=-6)
        self.acc_plot.plotItem.layout.addItem(legend, 4, 0, 1, 2)  # under the axis label too: room for two
        self.acc_plot.plotItem.legend = legend
        for plot in (self.loss_plot, self.acc_plot):  # legends rarely change: paint them once
            plot.plotItem.legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.raw = self.loss_plot.plot(pen=pg.mkPen(style.LOSS_RAW, width=1), name=self.tr("per step"))
        self.smooth = self.loss_plot.plot(pen=pg.mkPen(style.LOSS_SMOOTH, width=2), name=self.tr("smoothed"))
        # Ranges are set here, not auto-ranged: they change only when the curves outgrow them,
        # so the axes are not redrawn at every update (that was most of the painting cost).
        for plot in (self.loss_plot, self.acc_plot):
            plot.disableAutoRange()
        # Test solid with filled circles; train dashed with hollow squares, drawn on top, so
        # that where the two meet both stay visible.
        self.probe_test = self.acc_plot.plot(pen=pg.mkPen(style.TEST, width=1, style=Qt.PenStyle.DotLine),
                                             name=self.tr("test sample"))
        self.probe_train = self.acc_plot.plot(pen=pg.mkPen(style.TRAIN, width=1, style=Qt.PenStyle.DashLine),
                                              name=self.tr("train sample"))
        self.epoch_test = self.acc_plot.plot(pen=pg.mkPen(style.TEST, width=2), symbol="o", symbolSize=7,
                                             symbolPen=style.TEST, symbolBrush=style.TEST,
                                             name=self.tr("test (epoch end)"))
        self.epoch_train = self.acc_plot.plot(pen=pg.mkPen(style.TRAIN, width=2, style=Qt.PenStyle.DashLine),
                                              symbol="s", symbolSize=7, symbolPen=pg.mkPen(style.TRAIN, width=1.5),
                                              symbolBrush=None, name=self.tr("train (epoch end)"))
        self.acc_plot.setToolTip(self.tr("Red, filled circles: test accuracy at each epoch end; blue, hollow squares: "
                                         "training accuracy. Dotted and dashed: samples measured during the epoch."))
        for z, curve in enumerate((self.probe_test, self.probe_train, self.epoch_test, self.epoch_train)):
            curve.setZValue(z)
        self.numbers = QLabel()
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setWordWrap(True)
        self.numbers.setToolTip(self.tr("Epoch-end figures are on the full test set and the evaluated training "
                                        "images; the smoothed loss follows the mini-batches as they are learned."))
        self._plots = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._plots.addWidget(self.loss_plot, LOSS_STRETCH)
        self._plots.addWidget(self.acc_plot, ACC_STRETCH)  # it carries its legend below the axis
        self._side: bool | None = None
        for plot in (self.loss_plot, self.acc_plot):
            plot.setMinimumHeight(PLOT_MIN_PX)
        # In a short Training tab the plots scroll: squeezed under the weights, each was 74 px
        # high and the wrapped numbers ran into the accuracy axis.
        layout = scrolling_layout(self)
        layout.addLayout(self._plots, 1)
        layout.addWidget(self.numbers)
        self.hint = pg.TextItem(self.tr("Press Start (Space) to train, or Step (Right arrow) for one mini-batch"),
                                color="#777", anchor=(0.5, 0.5))
        self.loss_plot.addItem(self.hint, ignoreBounds=True)
        self.hint.setPos(0.5, 0.35)  # below the legend in the top right corner, which it ran under
        self._loss_label = _t(LOSS_LABELS["cross_entropy"])
        explain_view(self, self.tr(
            "<b>Loss and accuracy</b><p>Loss plot: the loss E of each mini-batch (faint) and its moving average; for "
            "the softmax output it is the cross-entropy E = −Σ t<sub>k</sub> log y<sub>k</sub>. Gradient descent "
            "lowers it step by step: W ← W − η·∂E/∂W. Accuracy plot: the accuracy on training and test images, on a "
            "scale of the errors, so that 90%, 99% and 99.9% are equally far apart; test below train means the "
            "network starts to memorise.</p>"))
        self.set_data(session.data)
        self.clear()

    def resizeEvent(self, event) -> None:
        """Side by side or stacked, with titles and legends as the room allows (also after a zoom,
        which sends every view a resize event: the widths here are in zoomed pixels)."""
        super().resizeEvent(event)
        side = self.width() >= max(SIDE_BY_SIDE * self.height(), style.px(SIDE_MIN_PX))  # zoomed text needs more
        if side != self._side:
            self._side = side
            self._plots.setDirection(QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom)
        loss_width, acc_width = ((self.width() * k / (LOSS_STRETCH + ACC_STRETCH) for k in (LOSS_STRETCH, ACC_STRETCH))
                                 if side else (self.width(), self.width()))
        # The start hint wraps inside the loss plot instead of running under the legend and off its edge.
        self.hint.setTextWidth(max(loss_width * 0.6, 120))
        # A title wider than the plot sets the view's minimum width, and the plots were cut.
        narrow = acc_width < style.px(NARROW_PX)
        titled = side or self.height() >= style.px(SHORT_PX)
        if (narrow, titled) != (self._narrow, self._titled):
            self._narrow, self._titled = narrow, titled
            self.loss_plot.setTitle(self.tr("Loss") if titled else None, size=style.pt(10))
            self.acc_plot.setTitle(self._acc_titles[narrow] if titled else None, size=style.pt(10))
            self.acc_plot.plotItem.legend.setVisible(titled)
            self._label_loss()

    def _label_loss(self) -> None:
        # Without its title the plot is too low for "cross-entropy (nats)" along its axis, which was cut.
        self.loss_plot.setLabel("left", self._loss_label if self._titled else self.tr("loss"))

    def set_data(self, data) -> None:
        """Name the accuracy samples by their real size: PROBE_SIZE images, or fewer if the set is smaller."""
        legend = self.acc_plot.plotItem.legend
        for curve, split, n in ((self.probe_train, self.tr("train"), None if data is None else len(data.y_train)),
                                (self.probe_test, self.tr("test"), None if data is None else len(data.y_test))):
            if n is not None and n <= PROBE_SIZE:
                text = arg(self.tr("%1 (all %2 images)"), split, f"{n:,}")
            else:
                text = arg(self.tr("%1 (%2-image sample)"), split, f"{PROBE_SIZE:,}")
            legend.getLabel(curve).setText(text)
        legend.updateSize()

    def steps_shown(self) -> int:
        """How many steps the loss curve holds."""
        return self._smoothed.given

    def clear(self) -> None:
        # The raw losses are the session's; their running average is this view's, thinned
        # beyond SMOOTHED_ROWS steps (the plot draws one point per pixel column anyway).
        self._smoothed = GrowingBuffer(limit=SMOOTHED_ROWS)
        self._latest = 0.0
        self._ema = self._weight = 0.0
        self._loss_max = -np.inf
        self._history, self._generation = self.session.history, self.session.history.generation
        self._probes_shown = 0
        self._probes = np.zeros((0, 3))
        self._records: tuple = ()
        self._epochs = GrowingBuffer(64, row=(3,), dtype=np.float64)  # epoch, train error %, test error %
        for plot, line in getattr(self, "_marks", ()):
            plot.removeItem(line)
        self._marks: list = []  # (plot, line) for every setting changed while the run went on
        for curve in (self.raw, self.smooth, self.probe_train, self.probe_test, self.epoch_train, self.epoch_test):
            curve.setData([], [])
        self.hint.show()
        self._x_hi = 1.0
        self._y_hi = 1.0
        self._err_lo = 0.0  # log10 of the lowest error rate (per cent) the axis shows: 99%
        self.loss_plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.02)
        self.acc_plot.setRange(xRange=(0, 1), yRange=(self._err_lo, 2), padding=0.02)
        self._numbers = ""
        self._numbers_at = -np.inf
        self._show_numbers(force=True)

    def _fit(self, x_max: float, y_max: float) -> None:
        """Grow the ranges to hold x_max epochs and a loss of y_max, with room to spare."""
        if x_max > self._x_hi:
            self._x_hi = max(x_max * 1.5, 1.0) if x_max < 10 else float(np.ceil(x_max * 1.25))
            self.loss_plot.setXRange(0, self._x_hi, padding=0.02)
            self.acc_plot.setXRange(0, self._x_hi, padding=0.02)
        if y_max > self._y_hi or (self._y_hi == 1.0 and y_max > 0):
            self._y_hi = y_max * 1.05 if np.isfinite(y_max) else self._y_hi
            self.loss_plot.setYRange(0, self._y_hi, padding=0.02)

    def _fit_errors(self, errors: np.ndarray) -> None:
        """Extend the accuracy axis down to the lowest error rate (per cent) in errors, by half decades."""
        if len(errors):
            low = math.floor(2 * math.log10(float(errors.min()))) / 2
            if low < self._err_lo:
                self._err_lo = low
                self.acc_plot.setYRange(self._err_lo, 2, padding=0.02)

    def accuracy_range(self) -> tuple[float, float]:
        """The accuracies (per cent) at the bottom and the top of the accuracy axis."""
        return 0.0, 100 - 10 ** self._err_lo

    def update_from(self, snap) -> None:
        label = _t(LOSS_LABELS.get(snap.model.loss.name, snap.model.loss.name))
        if label != self._loss_label:
            self._loss_label = label
            self._label_loss()
        history = self.session.history
        if (history is not self._history or history.generation != self._generation
                or len(history.losses) < self._smoothed.given):  # the history restarted within the run
            self.clear()
        losses = history.losses
        if len(history.changes) != len(self._marks) // 2:  # a setting changed while training: mark it
            for plot, line in self._marks:
                plot.removeItem(line)
            self._marks = [(plot, line) for plot in (self.loss_plot, self.acc_plot)
                           for line in change_marks(plot, history.changes, history.epoch_at)]
        # The data fill at most the plot's width, as the x range only grows ahead of them.
        columns = max(100, int(self.loss_plot.getViewBox().width()))
        # Every step since the last update, also those taken while the view was hidden.
        new = losses[self._smoothed.given:]
        if len(new):
            beta = 1 - 1 / max(5.0, history.steps_per_epoch * SMOOTHING_WINDOW)
            out, self._ema, self._weight = smoothed(new, beta, self._ema, self._weight)
            self._smoothed.extend(out)
            self._latest = float(out[-1])  # the thinned store may not hold the latest step
            self._loss_max = max(self._loss_max, float(new.max()))
            self.hint.hide()
            # Each step at the epoch it ended at, as recorded (exact when the batch size changed
            # mid-run); only the kept points are looked up, so a long run costs no more here.
            self._fit(history.epoch_at(len(losses)), self._loss_max)
            i, y = decimate(losses, True, columns)
            self.raw.setData(history.epoch_of(i + 1), y, skipFiniteCheck=True)  # step i + 1
            i, y = decimate(self._smoothed.view(), False, columns)
            self.smooth.setData(history.epoch_of(self._smoothed.positions()[i]), y, skipFiniteCheck=True)
        # Accuracy points arrive a few times a second at most: they are redrawn only then.
        probes, records = history.probes, history.records  # the whole run's, noted at every snapshot
        evaluated = len(probes) != self._probes_shown or len(records) != len(self._epochs)
        if len(probes) != self._probes_shown:
            self._probes_shown = len(probes)
            self._probes = probes
            for curve, column in ((self.probe_train, 1), (self.probe_test, 2)):
                i, acc = decimate(probes[:, column], False, columns)
                errors = error_percent(acc)
                self._fit_errors(errors)
                curve.setData(probes[i, 0], errors)
        if len(records) != len(self._epochs):
            if len(records) < len(self._epochs):
                self._epochs = GrowingBuffer(64, row=(3,), dtype=np.float64)
            for r in records[len(self._epochs):]:
                self._epochs.append((r.epoch, *error_percent([r.train_accuracy, r.test_accuracy])))
            self._records = records
            e = self._epochs.view()
            self._fit(float(e[-1, 0]), self._y_hi)
            self._fit_errors(e[:, 1:].ravel())
            symbol = ("s", "o") if len(e) <= MARKED_EPOCHS else (None, None)  # denser markers would merge
            self.epoch_train.setData(e[:, 0], e[:, 1], symbol=symbol[0])
            self.epoch_test.setData(e[:, 0], e[:, 2], symbol=symbol[1])
        self._show_numbers(force=evaluated or snap.state != "running")

    def _show_numbers(self, force: bool = False) -> None:
        # A label's new text costs a layout pass and most of a millisecond: the running loss is
        # brought up to date once a second, the evaluations as soon as they arrive.
        now = time.monotonic()
        if not force and now - self._numbers_at < NUMBERS_INTERVAL:
            return
        smooth = self._latest if self._smoothed.given else None
        text = summary(self._records, self._probes, smooth)
        if text != self._numbers:
            self._numbers, self._numbers_at = text, now
            self.numbers.setText(text)
