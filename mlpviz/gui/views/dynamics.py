"""How each layer learns over the steps: gradient sizes, update sizes, inactive units, and the
weights now against at the start."""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...core.dynamics import SERIES, weight_histograms
from .. import style
from ..i18n import arg
from ..session import Session
from ..widgets.marks import change_marks
from ..widgets.scrolling import PLOT_MIN_PX, scrolling_layout
from ..widgets.whatsthis import explain as explain_view
from .base import View

HISTOGRAM_INTERVAL = 1.0  # seconds between two histograms while training: each bins every weight
# Seconds between two redraws of the series while training: thousands of steps on a few hundred
# pixels change little in a fifth of a second, and each redraw paints three plots of every layer.
SERIES_INTERVAL = 0.5
LOG_FLOOR = 1e-12  # a log axis has no zero: exact zeros (a rate of 0, a dead layer) are drawn here


def envelope(values: np.ndarray, buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """decimate() for every column of (n, L) rows at once: the index of each bucket's last row,
    twice (n' ,), and each bucket's minimum then maximum per column (n', L). One pass over the
    contiguous rows costs a fraction of L passes over strided columns."""
    k = -(-len(values) // max(buckets, 1))
    if k <= 1:
        return np.arange(len(values)), values
    starts = np.arange(0, len(values), k)
    ends = np.minimum(starts + k, len(values)) - 1
    lo, hi = np.minimum.reduceat(values, starts, axis=0), np.maximum.reduceat(values, starts, axis=0)
    return np.repeat(ends, 2), np.stack([lo, hi], axis=1).reshape(-1, values.shape[1])


def layer_color(layer: int, n_layers: int) -> pg.QtGui.QColor:
    """Layer 1 (0 here) blue through to the last layer red, so that the order reads at a glance."""
    return pg.intColor(layer, hues=max(n_layers, 2), maxHue=270, values=1, maxValue=200)


# Settings by their short names (config.differences, SettingChange with "_" read as a space).
class DynamicsView(View):
    """Per layer over the steps: ||∂E/∂W|| (log), ||ΔW||/||W|| (log), the share of inactive units;
    and a histogram of one layer's weights now against at the start."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.grad_plot = style.plot_widget(self.tr("Gradient size per layer ‖∂E/∂W‖ (log scale)"),
                                           self.tr("‖∂E/∂W‖"), self.tr("epoch"), log="y")
        self.ratio_plot = style.plot_widget(self.tr("Update size relative to the weights ‖ΔW‖ / ‖W‖ (log scale)"),
                                            self.tr("‖ΔW‖ / ‖W‖"), self.tr("epoch"), log="y")
        self.inactive_plot = style.plot_widget(self.tr("Inactive units over the recent batches"),
                                               self.tr("inactive %"), self.tr("epoch"))
        self.plots = {"grad_norm": self.grad_plot, "update_ratio": self.ratio_plot, "inactive": self.inactive_plot}
        self.inactive_plot.setYRange(0, 100, padding=0.02)
        self.inactive_plot.enableAutoRange(axis="y", enable=False)
        self.ratio_plot.setXLink(self.grad_plot)
        self.inactive_plot.setXLink(self.grad_plot)
        style.align_left_axes(self.plots.values())
        # One legend for the three plots, above them: inside a plot it sat over the curves.
        self.layers_legend = QLabel()
        self.hist_plot = style.plot_widget(self.tr("Weights now and at the start"), self.tr("weights"),
                                           self.tr("weight value"))
        self.hist_plot.addLegend(offset=(-10, 10), labelTextSize=style.pt(8))
        self.hist_initial = self.hist_plot.plot(stepMode="center", pen=pg.mkPen("#999", width=1.5,
                                                                                   style=Qt.PenStyle.DashLine),
                                                name=self.tr("at the start"))
        self.hist_now = self.hist_plot.plot(stepMode="center", fillLevel=0, brush=(31, 119, 180, 90),
                                            pen=pg.mkPen(style.TRAIN, width=1.5), name=self.tr("now"))
        self.layer_box = QComboBox()
        self.layer_box.setToolTip(self.tr("The layer whose weights the histogram shows"))
        self.layer_box.currentIndexChanged.connect(lambda _: self._draw_histogram(force=True))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Histogram of layer:")))
        row.addWidget(self.layer_box)
        row.addStretch(1)
        row.addWidget(self.note, 3)
        for plot in (*self.plots.values(), self.hist_plot):
            plot.setMinimumHeight(PLOT_MIN_PX)
        layout = scrolling_layout(self)  # four plots over each other: a short window scrolls them
        layout.addWidget(self.layers_legend)
        layout.addWidget(self.grad_plot, 2)
        layout.addWidget(self.ratio_plot, 2)
        layout.addWidget(self.inactive_plot, 2)
        layout.addLayout(row)
        layout.addWidget(self.hist_plot, 2)
        explain_view(self, self.tr(
            "<b>How each layer learns</b><p>Every step changes the weights by W ← W − η·∂E/∂W. Top: the size "
            "of each layer's gradient ‖∂E/∂W‖ on a log scale; when the first layer's is orders of magnitude "
            "below the last one's (sigmoid with tiny initial weights), the early layers hardly learn: the "
            "vanishing gradient. Middle: how far each step moves a layer's weights, relative to their size "
            "(about 0.001 is healthy). Below: the share of units that stayed inactive (ReLU at 0, sigmoid or "
            "tanh saturated) over the recent batches, and a histogram of one layer's weights now against at "
            "the start.</p>"))
        session.viewedStepChanged.connect(self._viewed)
        self.clear()

    # Data ------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """The histogram is being binned (an export waits for it)."""
        return self.session.jobs.busy((self, "histogram"))

    def clear(self) -> None:
        self.session.jobs.cancel((self, "histogram"))  # the old run's must not land in the new one's plot
        self._curves: dict[str, list[pg.PlotDataItem]] = {name: [] for name in SERIES}
        for plot in self.plots.values():
            plot.plotItem.clear()
        self.layers_legend.clear()
        self._marks: list[tuple[object, pg.InfiniteLine]] = []
        # The step the other views show, when it is not the live one.
        self._viewed_lines = []
        for plot in self.plots.values():
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(style.ACCENT, width=1.5))
            line.hide()
            plot.addItem(line, ignoreBounds=True)
            self._viewed_lines.append(line)
        self._changes: tuple = ()
        self._sizes: tuple[int, ...] = ()
        self._initial = None
        self._initial_of = None
        self._hist_at = -np.inf
        self._series_at = -np.inf
        self._model = None
        self.hist_now.setData([0, 1], [0])
        self.hist_initial.setData([0, 1], [0])
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        self.layer_box.blockSignals(False)
        self.note.setText(self.tr("No training yet."))

    def _viewed(self, step) -> None:
        """Mark the viewed step on the curves (at the epoch it ended at), or no mark while live."""
        for line in self._viewed_lines:
            line.setVisible(step is not None)
            if step is not None:
                line.setValue(self.session.history.epoch_at(step))

    def viewed_mark(self) -> float | None:
        """Where the viewed step is marked (its epoch), or None while the live network is shown."""
        line = self._viewed_lines[0]
        return line.value() if line.isVisible() else None

    def points(self, name: str) -> np.ndarray:
        """The rows of series `name` held so far (steps, L), layer 1 first: every step's, or every
        stride-th step's in a run longer than the history's limit."""
        kept = self.session.history.series(name)
        return np.zeros((0, len(self._sizes) - 1 if self._sizes else 0)) if kept is None else kept

    def curve_data(self, name: str, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """The points drawn for series `name` of layer `layer` (0 = layer 1): x in epochs, y as
        plotted (log10 of the value on the log plots, per cent for inactive)."""
        curves = self._curves.get(name, [])
        if layer >= len(curves) or curves[layer].getData()[0] is None:
            return np.zeros(0), np.zeros(0)
        return curves[layer].getData()

    def marks(self) -> list[tuple[float, str]]:
        """The setting changes marked on the gradient plot: (epoch, label)."""
        return [(line.value(), line.label.toPlainText()) for plot, line in self._marks if plot is self.grad_plot]

    # Painting --------------------------------------------------------------------------------

    def _layer_names(self, sizes: tuple[int, ...]) -> list[str]:
        return [arg(self.tr("layer %1 (%2→%3)"), i + 1, sizes[i], sizes[i + 1]) for i in range(len(sizes) - 1)]

    def _make_curves(self, sizes: tuple[int, ...]) -> None:
        self._sizes = sizes
        names = self._layer_names(sizes)
        for name, plot in self.plots.items():
            for curve in self._curves[name]:
                plot.removeItem(curve)
            self._curves[name] = [plot.plot(pen=pg.mkPen(layer_color(i, len(names)), width=1.5), connect="finite")
                                  for i in range(len(names))]
        self.layers_legend.setText(style.legend_html([layer_color(i, len(names)).name() for i in range(len(names))],
                                                     names))
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        self.layer_box.addItems(names)
        self.layer_box.setCurrentIndex(0)
        self.layer_box.blockSignals(False)

    def update_from(self, snap) -> None:
        sizes = tuple(snap.model.sizes)
        if sizes != self._sizes:
            self._make_curves(sizes)
        self._model, self._timeline = snap.model, snap.timeline
        now = time.monotonic()
        if snap.state == "running" and now - self._series_at < SERIES_INTERVAL:
            return
        self._series_at = now
        history = self.session.history
        columns = max(100, int(self.grad_plot.getViewBox().width()))
        drawn = False
        for name, curves in self._curves.items():
            values = history.series(name)
            if values is None or not len(values):
                continue
            if values.ndim != 2 or values.shape[1] != len(curves):
                continue
            i, v = envelope(values, columns)
            # NaN (steps without statistics) stays NaN through both: a gap in the curve.
            v = 100 * v if name == "inactive" else np.maximum(v, LOG_FLOOR)
            x = history.epoch_of(history.kept_steps(i))  # each kept step at the epoch it ended at
            for layer, curve in enumerate(curves):
                curve.setData(x, v[:, layer])
            # bounds that move only now and then, so that the axes are not drawn again each time
            style.hold_range(self.plots[name], log_y=True, y=name != "inactive")
            drawn = True
        if history.changes != self._changes:
            for plot, line in self._marks:
                plot.removeItem(line)
            self._marks = [(plot, line) for plot in self.plots.values()
                           for line in change_marks(plot, history.changes, history.epoch_at)]
            self._changes = history.changes
        self.note.setText(self._ratio_note() if drawn else self.tr(
            "No per-step statistics in this run (they were switched off, or the run was opened from a file)."))
        self._draw_histogram(force=snap.state != "running")

    def _ratio_note(self) -> str:
        """The first layer's gradient against the last one's, over the latest steps, in words."""
        g = self.points("grad_norm")
        recent = g[-20:]
        recent = recent[np.all(np.isfinite(recent), axis=1)]
        if not len(recent) or recent.shape[1] < 2:
            return ""
        first, last = float(np.mean(recent[:, 0])), float(np.mean(recent[:, -1]))
        if first <= 0 or last <= 0:
            return ""
        return arg(self.tr("Latest steps: layer 1's gradient is %1× the last layer's."), f"{first / last:.2g}")

    def _draw_histogram(self, force: bool = False) -> None:
        now = time.monotonic()
        model, timeline = self._model, getattr(self, "_timeline", None)
        if model is None or timeline is None or (not force and now - self._hist_at < HISTOGRAM_INTERVAL):
            return
        steps = timeline.steps()
        if not steps:
            return
        if self._initial_of is not timeline:  # the first copy never changes within a timeline
            self._initial, self._initial_of = timeline.model_at(steps[0]), timeline
        layer = max(self.layer_box.currentIndex(), 0)
        if layer >= len(model.layers) or len(self._initial.layers) != len(model.layers):
            return
        self._hist_at = now
        # Binning every weight of a large layer twice took the GUI thread 10-90 ms: a job does it
        # (the snapshot's network and the timeline's first copy stay as they are).
        initial = self._initial
        self.session.jobs.submit((self, "histogram"), lambda should_stop, progress:
                                 histogram_of_layer(model, initial, layer), owner=self, done=self._show_histogram)

    def _show_histogram(self, h) -> None:
        self.hist_now.setData(h.edges, h.now)
        self.hist_initial.setData(h.edges, h.initial)


def histogram_of_layer(model, initial, layer: int, bins: int = 40):
    """Histogram (edges (bins + 1,), now (bins,), initial (bins,)) of layer `layer` (0 = layer 1)."""

    class _One:  # weight_histograms reads only .layers
        def __init__(self, m):
            self.layers = [m.layers[layer]]

    return weight_histograms(_One(model), _One(initial), bins)[0]
