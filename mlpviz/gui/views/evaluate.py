"""Evaluate: where the network fails, on the whole test set.

The confusion matrix (click a cell: its images), the most confident mistakes, answering only
when confident, accuracy on damaged images, and a map of the hidden space. Every image here is
clickable and becomes the input of the other views. Robustness and the map are computed on
worker threads (gui.jobs) and only when the evaluation changes: at each epoch end, or for a new
network while training is paused.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import evaluation as E
from ...core.data import scale_images
from ...core.evaluation import Evaluation
from ...core.model import MLP
from .. import style
from ..i18n import arg
from ..session import Session
from ..snapshot import RUNNING
from ..widgets.cells import CellTexts
from ..widgets.gallery import Gallery, digit_pixmap
from ..widgets.whatsthis import explain as explain_view
from .base import View
from .labels import steady

DAMAGE_COLOURS = dict(zip(E.DAMAGES, style.DIGIT_COLOURS))
GALLERY_LIMIT = 200  # thumbnails built per gallery refresh: bounded GUI-thread time
CURVE_POINTS = 1000  # points drawn of the accuracy-vs-coverage curve
JOB_DELAY_MS = 50  # the background work starts after the refresh is painted
WIDE_PX = 1000  # narrower than this, the three parts of the view go into tabs
# The damages' keys (evaluation.DAMAGES) and how the user reads them and their levels.
DAMAGE_NAMES = {"noise": QT_TRANSLATE_NOOP("EvaluateView", "noise"),
                "rotation": QT_TRANSLATE_NOOP("EvaluateView", "rotation"),
                "shift": QT_TRANSLATE_NOOP("EvaluateView", "shift"),
                "thin": QT_TRANSLATE_NOOP("EvaluateView", "thin"),
                "thick": QT_TRANSLATE_NOOP("EvaluateView", "thick"),
                "occlusion": QT_TRANSLATE_NOOP("EvaluateView", "occlusion")}
DAMAGE_UNITS = {"noise": QT_TRANSLATE_NOOP("EvaluateView", "noise std"),
                "rotation": QT_TRANSLATE_NOOP("EvaluateView", "degrees"),
                "shift": QT_TRANSLATE_NOOP("EvaluateView", "pixels"),
                "thin": QT_TRANSLATE_NOOP("EvaluateView", "erosion steps"),
                "thick": QT_TRANSLATE_NOOP("EvaluateView", "dilation steps"),
                "occlusion": QT_TRANSLATE_NOOP("EvaluateView", "square side (pixels)")}


def _t(text: str) -> str:
    return QCoreApplication.translate("EvaluateView", text)


def damage_name(kind: str) -> str:
    """The damage `kind` as the user reads it."""
    return _t(DAMAGE_NAMES[kind]) if kind in DAMAGE_NAMES else kind


def damage_unit(kind: str) -> str:
    """The unit of the damage `kind`'s level, as the user reads it."""
    return _t(DAMAGE_UNITS[kind]) if kind in DAMAGE_UNITS else E.DAMAGE_UNITS.get(kind, "")


def layer_labels(sizes) -> list[str]:
    """A name per representation of an image (as evaluation.layer_names): input, hidden layers, output."""
    hidden = [arg(QCoreApplication.translate("EvaluateView", "hidden layer %1 (%2 units)"), i, sizes[i])
              for i in range(1, len(sizes) - 1)]
    return [arg(QCoreApplication.translate("EvaluateView", "input pixels (%1)"), sizes[0]), *hidden,
            arg(QCoreApplication.translate("EvaluateView", "output (%1 probabilities)"), sizes[-1])]


def confusion_rgb(confusion: np.ndarray) -> np.ndarray:
    """(n, n) counts -> (n, n, 3) uint8 colours by share of the row: white to blue on the
    diagonal, white to red off it (saturating at a sixth of the row), so mistakes stand out."""
    share = confusion / np.maximum(confusion.sum(axis=1, keepdims=True), 1)
    off = np.minimum(1.0, 6 * share) * 0.75
    rgb = np.stack([1 - off, 1 - off, 1 - off], axis=-1)
    rgb[..., 0] = 1.0
    d = np.diag(share)
    i = np.arange(len(share))
    rgb[i, i] = np.stack([1 - 0.85 * d, 1 - 0.6 * d, 1 - 0.2 * d], axis=-1)
    return (rgb * 255).round().astype(np.uint8)


class ClickableImage(pg.ImageItem):
    """An ImageItem that reports left clicks as (row, column) of the pixel clicked."""

    clicked = Signal(int, int)

    def mouseClickEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or self.image is None:
            return
        p = ev.pos()
        row, col = int(np.floor(p.y())), int(np.floor(p.x()))
        if 0 <= row < self.image.shape[0] and 0 <= col < self.image.shape[1]:
            ev.accept()
            self.clicked.emit(row, col)


def _projection_job(model: MLP, x: np.ndarray, layer: int, should_stop=None, progress=None):
    features = E.layer_activations(model, x, layer, should_stop=should_stop)
    if features is None or (should_stop is not None and should_stop()):
        return None
    if progress is not None:
        progress(0.5)
    coords, _, ratio = E.pca(features)
    return layer, coords, ratio


def _robustness_job(model: MLP, x: np.ndarray, y: np.ndarray, shape, should_stop=None, progress=None):
    return E.robustness(model, x, y, shape, should_stop=should_stop, progress=progress)


def _progress_bar() -> QProgressBar:
    """A progress bar that keeps its place while hidden: showing it lays nothing out again."""
    bar = QProgressBar()
    policy = bar.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    bar.setSizePolicy(policy)
    return bar


def _digit(x: np.ndarray, shape) -> np.ndarray:
    return np.asarray(x, np.float32).reshape(shape)


class EvaluateView(View):
    """Where the network fails: confusion matrix, galleries, coverage, robustness, hidden-space map."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.data = session.data
        self.model: MLP | None = None
        self.evaluation: Evaluation | None = None
        # (run id, live step, viewed step) of a network evaluated here (no epoch-end evaluation);
        # a network viewed on the timeline has no live step: the live one training on does not change it.
        self._model_key: tuple | None = None
        self.cell: tuple[int, int] | None = None  # the confusion cell shown in the gallery, None: mistakes
        self.robustness: dict | None = None
        self.projection: tuple | None = None
        self._conf_desc = np.zeros(0)
        self._right_cum = np.zeros(0)
        self.jobs = session.jobs
        # The session's job service runs this view's three requests, one key each.
        self._keys = {name: (self, name) for name in ("evaluation", "robustness", "projection")}
        self._failed_text = {"evaluation": self.tr("The evaluation failed: %1"),
                             "robustness": self.tr("The robustness check failed: %1"),
                             "projection": self.tr("The map failed: %1")}
        self._robustness_due = self._projection_due = False
        self._layer_sizes: tuple | None = None  # the network whose layers the map's combo box lists
        self._job_timer = QTimer(self)
        self._job_timer.setSingleShot(True)
        self._job_timer.setInterval(JOB_DELAY_MS)
        self._job_timer.timeout.connect(self._start_projection)
        self._robustness_timer = QTimer(self)
        self._robustness_timer.setSingleShot(True)
        self._robustness_timer.setInterval(JOB_DELAY_MS)
        self._robustness_timer.timeout.connect(self._start_robustness)
        # A refresh in two turns of the event loop, each painted before the next: the matrix,
        # then the gallery, coverage and the background work (one turn held the GUI thread twice as long).
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(0)
        self._rest_timer.timeout.connect(self._show_rest)
        self._build()
        self.clear()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        # Labels of steady height: one that grew or shrank at a refresh would lay the whole view out
        # again and repaint every plot (measured: it doubled the time of the first refresh).
        self.status = steady(QLabel(self.tr("The evaluation appears at the end of the first epoch, or at once "
                                            "for an opened network.")), 2)

        self.confusion_plot = style.plot_widget(self.tr("Confusion matrix"),
                                                self.tr("true digit"), self.tr("read as"))
        self.confusion_plot.setMouseEnabled(x=False, y=False)
        self.confusion_plot.invertY(True)
        self.confusion_plot.hideButtons()
        ticks = [[(d + 0.5, str(d)) for d in range(10)]]
        self.confusion_plot.getAxis("left").setTicks(ticks)
        self.confusion_plot.getAxis("bottom").setTicks([ticks[0] + [(10.9, self.tr("accuracy"))]])
        self.confusion_image = ClickableImage(axisOrder="row-major")
        self.confusion_image.clicked.connect(self.show_cell)
        self.confusion_plot.addItem(self.confusion_image)
        self.confusion_plot.setXRange(0, 12, padding=0.01)
        self.confusion_plot.setYRange(0, 10, padding=0.01)
        self.confusion_plot.setToolTip(self.tr("Click a cell to see its images. Rows: the true digit; columns: the "
                                               "digit read. Colour: share of the row (blue: right, red: mistakes). "
                                               "At the right: accuracy of each digit."))
        # The counts, then each row's accuracy at its right.
        self.confusion_texts = CellTexts(row_height=1.0, cell_width=1.0)
        self.confusion_plot.addItem(self.confusion_texts)

        self.gallery_title = steady(QLabel(), 2)
        self.mistakes_button = QPushButton(self.tr("Most confident mistakes"))
        self.mistakes_button.setToolTip(self.tr("Every misread test image, the most confident first"))
        self.mistakes_button.clicked.connect(lambda: self.show_cell(None, None))
        self.gallery = Gallery(GALLERY_LIMIT)
        self.gallery.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no relayout as it fills
        self.gallery.setToolTip(self.tr("Click an image to make it the input of every view"))
        self.gallery.imageClicked.connect(self.session.show_test_image)

        self.coverage_plot = style.plot_widget(self.tr("Answer only when confident"),
                                               self.tr("accuracy on those answered"),
                                               self.tr("coverage: share of test images answered"))
        self.coverage_plot.setMouseEnabled(x=False, y=False)
        self.coverage_plot.setXRange(0, 1, padding=0.02)
        self.coverage_curve = self.coverage_plot.plot([], [], pen=pg.mkPen(style.TRAIN, width=2))
        self.coverage_point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(style.TEST), pen=None)
        self.coverage_plot.addItem(self.coverage_point)
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(0, 99)
        self.threshold.setValue(80)
        self.threshold.setToolTip(self.tr("Below this confidence the network says \"I don't know\""))
        self.threshold.valueChanged.connect(self._show_threshold)
        self.threshold_label = steady(QLabel(), 3)

        self.robustness_view = pg.GraphicsLayoutWidget()
        self.robustness_view.setToolTip(arg(self.tr("Accuracy on damaged copies of the first %1 test images. Hover "
                                                    "over a plot to see the damage at that level; click the preview "
                                                    "to make it the input."), f"{E.ROBUSTNESS_IMAGES:,}"))
        self.robustness_plots, self.robustness_curves = {}, {}
        for k, kind in enumerate(E.DAMAGES):
            p = self.robustness_view.addPlot(row=k // 2, col=k % 2, title=damage_name(kind))
            p.setMouseEnabled(x=False, y=False)
            p.hideButtons()
            p.setMenuEnabled(False)
            p.setYRange(0, 1, padding=0.02)
            p.setLabel("bottom", damage_unit(kind))
            p.getAxis("bottom").enableAutoSIPrefix(False)
            colour = DAMAGE_COLOURS[kind]
            self.robustness_curves[kind] = p.plot([], [], pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5,
                                                  symbolBrush=colour, symbolPen=None)
            self.robustness_plots[kind] = p
        self.preview_box = self.robustness_view.addViewBox(row=3, col=0, colspan=2, lockAspect=True, invertY=True,
                                                           enableMouse=False)
        self.preview_image = ClickableImage(axisOrder="row-major")
        self.preview_image.clicked.connect(lambda r, c: self._use_preview())
        self.preview_box.addItem(self.preview_image)
        self.preview_label = steady(QLabel(self.tr("Hover over a robustness plot to see the damage.")), 2)
        self.robustness_view.scene().sigMouseMoved.connect(self._hover_robustness)
        self._preview: tuple | None = None
        self.robustness_bar = _progress_bar()

        self.layer_box = QComboBox()
        self.layer_box.setToolTip(self.tr("Which representation of the images to project to two dimensions (PCA)"))
        self.layer_box.activated.connect(lambda _: self._start_projection(restart=True))
        self.map_plot = style.plot_widget(self.tr("A map of the hidden space (PCA)"), self.tr("second component"),
                                          self.tr("first component"))
        self.map_points = pg.ScatterPlotItem(hoverable=True, hoverSize=12, hoverPen=pg.mkPen("k", width=2),
                                             tip=None)
        self.map_points.sigHovered.connect(self._hover_map)
        self.map_points.sigClicked.connect(self._click_map)
        self.map_plot.addItem(self.map_points)
        self.map_plot.setToolTip(arg(self.tr("The first %1 test images, coloured by their true digit; x: misread. "
                                             "Hover to see an image, click to make it the input."),
                                     f"{E.MAP_POINTS:,}"))
        self.map_legend = QLabel(style.legend_html(style.DIGIT_COLOURS, range(10)) + "&nbsp; &#10005; "
                                 + self.tr("misread"))
        self.map_legend.setWordWrap(True)
        self.map_hover = steady(QLabel(), 2)
        self.map_hover_image = QLabel()
        self.map_hover_image.setFixedSize(56, 56)
        self.map_bar = _progress_bar()
        # The same pen and brush objects every time: the symbol atlas caches a rendering per
        # pen/brush object, so fresh ones at every refresh would make it grow without end.
        self._brushes = [pg.mkBrush(c) for c in style.DIGIT_COLOURS]
        self._no_pen = pg.mkPen(None)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.status)
        lv.addWidget(self.confusion_plot, 3)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.mistakes_button)
        lv.addLayout(row)
        lv.addWidget(self.gallery_title)
        lv.addWidget(self.gallery, 2)

        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Map of")))
        top.addWidget(self.layer_box, 1)
        mv.addLayout(top)
        mv.addWidget(self.map_plot, 3)
        mv.addWidget(self.map_legend)
        hover = QHBoxLayout()
        hover.addWidget(self.map_hover_image)
        hover.addWidget(self.map_hover, 1)
        mv.addLayout(hover)
        mv.addWidget(self.map_bar)
        mv.addWidget(self.coverage_plot, 2)
        mv.addWidget(self.threshold)
        mv.addWidget(self.threshold_label)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(QLabel(self.tr("<b>Robustness</b>: accuracy as the images are damaged")))
        rv.addWidget(self.robustness_view, 1)
        rv.addWidget(self.preview_label)
        rv.addWidget(self.robustness_bar)

        # Side by side where there is room, else one at a time in tabs of their own (each part
        # needs about a third of a wide window; squeezed into a narrow one, none can be read).
        self.parts = ((left, self.tr("Mistakes")), (middle, self.tr("Map and confidence")),
                      (right, self.tr("Robustness")))
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.part_tabs = QTabWidget()
        self.part_tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.columns)
        layout.addWidget(self.part_tabs)
        self._arrange(wide=True)
        explain_view(self, self.tr(
            "<b>Evaluate</b><p>Where the network fails, on the whole test set. The confusion matrix counts each "
            "true digit (row) by the digit the network read (column); click a cell to see its images, the most "
            "confident first. In the middle, a PCA map of a layer's representation and the accuracy when the "
            "network answers only above a confidence threshold; at the right, how the accuracy drops as the "
            "images are damaged. Click any image to make it the input of the other views.</p>"))

    def _arrange(self, wide: bool) -> None:
        """Put the three parts side by side (wide) or in tabs."""
        for widget, title in self.parts:
            if wide:
                self.columns.addWidget(widget)
                widget.show()  # the tabs hid all but their current page
            else:
                self.part_tabs.addTab(widget, title)
        self.columns.setVisible(wide)
        self.part_tabs.setVisible(not wide)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= WIDE_PX
        if wide != (self.columns.count() > 0):
            self._arrange(wide)

    # --- the session ----------------------------------------------------------------------

    def set_data(self, data) -> None:
        self.data = data
        self.clear()

    def clear(self) -> None:
        for key in self._keys.values():
            self.jobs.cancel(key)
        for timer in (self._rest_timer, self._job_timer, self._robustness_timer):
            timer.stop()
        self._robustness_due = self._projection_due = False
        self.model = self.evaluation = self._model_key = self.robustness = self.projection = None
        self.cell = None
        self.confusion_image.clear()
        self.confusion_texts.set_texts([], [], [], [])
        self.gallery.clear()
        self.gallery_title.setText("")
        self.coverage_curve.setData([], [])
        self.coverage_point.setData([], [])
        self.threshold_label.setText("")
        for curve in self.robustness_curves.values():
            curve.setData([], [])
        self.preview_image.clear()
        self._preview = None
        self.map_points.clear()
        self.map_hover.setText("")
        self.map_hover_image.clear()
        self.robustness_bar.hide()
        self.map_bar.hide()

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel the background work and wait for its threads (call before the window closes)."""
        for timer in (self._rest_timer, self._job_timer, self._robustness_timer):
            timer.stop()
        return all([self.jobs.cancel(key, timeout) for key in self._keys.values()])

    @property
    def refreshing(self) -> bool:
        """A refresh is half done: the matrix is shown, the gallery and coverage are next."""
        return self._rest_timer.isActive()

    @property
    def busy(self) -> bool:
        """Work for this view is under way or due: an evaluation, a robustness sweep, a map."""
        return self.refreshing or self._job_timer.isActive() or self._robustness_timer.isActive() or \
            any(self.jobs.busy(key) for key in self._keys.values())

    def _failed(self, name: str, message: str) -> None:
        self.status.setText(arg(self._failed_text[name], message))
        if name == "projection":
            self._robustness_timer.start()

    def update_from(self, snapshot) -> None:
        """Show the snapshot's epoch-end evaluation; without one, evaluate a paused network here
        (off the GUI thread). Nothing is recomputed while the evaluation stays the same. A network
        viewed on the timeline is evaluated too, whether the live one trains or not: the snapshot's
        evaluation is the live network's."""
        model, ev, data = snapshot.model, snapshot.evaluation, self.data
        if model is None or data is None or model.sizes[0] != data.input_size:
            return
        viewed = self.session.viewed_step
        whole = ev is not None and ev.probabilities is not None and len(ev.probabilities) == len(data.y_test)
        if viewed is None and whole:
            if ev is not self.evaluation:
                self._show(model, ev)
            return
        key = (snapshot.run_id, None if viewed is not None else snapshot.step, viewed)
        from_timeline = self._model_key is not None and self._model_key[2] is not None  # back to live: at once
        if key != self._model_key and (viewed is not None or from_timeline or snapshot.state != RUNNING):
            self._model_key = key
            self.status.setText(self.tr("Evaluating the network on the test set…"))
            self.jobs.evaluate(self._keys["evaluation"], model, data, owner=self,
                               done=lambda ev, model=model: self._show(model, ev),
                               failed=lambda msg: self._failed("evaluation", msg))

    def set_input(self, x, source: str) -> None:
        pass  # the preview of a damage uses the current input when it is hovered; nothing to redraw

    # --- drawing --------------------------------------------------------------------------

    def _show(self, model: MLP, ev: Evaluation) -> None:
        """The matrix now, the rest in the next turn of the event loop (_show_rest); robustness
        and the map then start on threads."""
        self.model, self.evaluation = model, ev
        labels = self.data.y_test
        self.status.setText(arg(self.tr("Test set, %1 images: accuracy %2, %3 mistakes."), f"{len(labels):,}",
                                f"{ev.accuracy:.2%}", f"{len(labels) - int(np.trace(ev.confusion)):,}"))
        self.confusion_image.setImage(confusion_rgb(ev.confusion), autoLevels=False, levels=(0, 255))
        self.confusion_image.setRect(0, 0, 10, 10)
        share = ev.confusion / np.maximum(ev.confusion.sum(axis=1, keepdims=True), 1)
        cells = [(r, c) for r in range(10) for c in range(10)]
        accuracy = ["-" if np.isnan(a) else f"{a:.1%}" for a in E.per_class_accuracy(ev.confusion)]
        self.confusion_texts.set_texts(
            [(c + 0.5, r + 0.5) for r, c in cells] + [(10.05, r + 0.5) for r in range(10)],
            [int(ev.confusion[r, c]) for r, c in cells] + accuracy,
            ["w" if r == c and share[r, c] > 0.6 else "#222" for r, c in cells] + ["#222"] * 10,
            [(0.5, 0.5)] * 100 + [(0, 0.5)] * 10)
        self._job_timer.stop()
        self._rest_timer.start()

    def _show_rest(self) -> None:
        """The gallery, the coverage curve and the map's layers; then the background work."""
        model, ev, labels = self.model, self.evaluation, self.data.y_test
        self.show_cell(*(self.cell or (None, None)))
        conf = E.confidence(ev.probabilities)
        order = np.argsort(-conf, kind="stable")
        self._conf_desc = conf[order]
        self._right_cum = np.cumsum(ev.probabilities[order].argmax(axis=1) == labels[order])
        n = len(order)
        pick = np.linspace(0, n - 1, min(n, CURVE_POINTS)).astype(int)  # distinct: steps of at least 1
        self.coverage_curve.setData((pick + 1) / n, self._right_cum[pick] / (pick + 1))
        lo = float((self._right_cum / np.arange(1, n + 1)).min()) if n else 0.0
        self.coverage_plot.setYRange(max(0.0, lo - 0.02), 1.0, padding=0.02)
        self._show_threshold()

        if tuple(model.sizes) != self._layer_sizes:
            self._layer_sizes = tuple(model.sizes)
            self.layer_box.clear()
            for layer, label in enumerate(layer_labels(model.sizes)):
                self.layer_box.addItem(label, layer)
            self.layer_box.setCurrentIndex(max(len(model.layers) - 1, 0))
        # The threads start once this refresh is painted, and one after the other: on two cores
        # a single background thread leaves one core to training and one to the GUI.
        self._robustness_due = True
        self._job_timer.start()

    def _start_robustness(self) -> None:
        # A sweep under way finishes first (epochs may be shorter than a sweep: cancelled at each
        # one, it would never be seen); _show_robustness then starts one for the latest network.
        if self.model is None or not self._robustness_due or self.jobs.busy(self._keys["robustness"]):
            return
        self._robustness_due = False
        self.robustness_bar.setValue(0)
        self.robustness_bar.show()
        self.jobs.submit(self._keys["robustness"], _robustness_job, self.model, self.data.x_test, self.data.y_test,
                         self.data.image_shape, owner=self, done=self._show_robustness,
                         progress=lambda f: self.robustness_bar.setValue(int(100 * f)),
                         failed=lambda msg: self._failed("robustness", msg))

    def show_cell(self, true: int | None, predicted: int | None) -> None:
        """Fill the gallery with the images of digit `true` read as `predicted` (None, None: the
        most confident mistakes), most confident first."""
        ev = self.evaluation
        self.cell = None if true is None else (true, predicted)
        if ev is None:
            return
        labels = self.data.y_test
        if true is None:
            idx = E.mistakes(ev.probabilities, labels)
            title = arg(self.tr("The most confident mistakes (%1 in all)"), f"{len(idx):,}")
        else:
            idx = E.cell(ev.probabilities, labels, true, predicted)
            if true != predicted:
                title = arg(self.tr("%1s read as %2: %3 images, most confident first"), true, predicted,
                            f"{len(idx):,}")
            else:
                title = arg(self.tr("%1s read right: %2 images, most confident first"), true, f"{len(idx):,}")
        if len(idx) > GALLERY_LIMIT:
            title = arg(self.tr("%1; the first %2 shown"), title, GALLERY_LIMIT)
        shown = idx[:GALLERY_LIMIT]
        pred = ev.probabilities[shown].argmax(axis=1)
        conf = ev.probabilities[shown, pred]
        captions = [f"{labels[i]}→{p} {100 * c:.0f}%\n#{i}" for i, p, c in zip(shown, pred, conf)]
        images = scale_images(self.data.x_test[shown]).reshape(-1, *self.data.image_shape)
        self.gallery.set_images(images, shown, captions)
        self.gallery_title.setText(title)

    def _show_threshold(self) -> None:
        t = self.threshold.value() / 100
        n = len(self._conf_desc)
        if not n:
            return
        k = int(np.searchsorted(-self._conf_desc, -t, side="right"))  # images with confidence >= t
        if k:
            acc = self._right_cum[k - 1] / k
            self.coverage_point.setData([k / n], [acc])
            text = arg(self.tr("Threshold %1: the network answers %2 of the test images and gets %3 of them right; "
                               "it says \"I don't know\" to %4."), f"{t:.2f}", f"{k / n:.1%}", f"{acc:.2%}",
                       f"{n - k:,}")
        else:
            self.coverage_point.setData([], [])
            text = arg(self.tr("Threshold %1: the network answers none of the test images; it says \"I don't "
                               "know\" to %2."), f"{t:.2f}", f"{n:,}")
        self.threshold_label.setText(text)

    def _show_robustness(self, result: dict) -> None:
        self.robustness = result
        self.robustness_bar.hide()
        if self._robustness_due:  # the network changed while it ran
            self._robustness_timer.start()
        for kind, rows in result.items():
            a = np.asarray(rows, float)
            self.robustness_curves[kind].setData(a[:, 0], a[:, 1])

    def _sample(self) -> tuple[np.ndarray, str]:
        """The image a damage preview shows: the current input, else the first test image."""
        x = self.session.input_x
        if x is not None and len(x) == self.data.input_size:
            return _digit(x, self.data.image_shape), self.session.input_source or self.tr("the input")
        return _digit(scale_images(self.data.x_test[0]), self.data.image_shape), arg(self.tr("Test image %1"), 0)

    def _hover_robustness(self, pos) -> None:
        if self.data is None:
            return
        for kind, plot in self.robustness_plots.items():
            if plot.sceneBoundingRect().contains(pos):
                levels = E.DEFAULT_LEVELS[kind]
                x = plot.vb.mapSceneToView(pos).x()
                i = int(np.argmin(np.abs(np.asarray(levels) - x)))
                self.preview_damage(kind, i)
                return

    def preview_damage(self, kind: str, level_index: int) -> None:
        """Show the sample image with damage `kind` at DEFAULT_LEVELS[kind][level_index]."""
        level = E.DEFAULT_LEVELS[kind][level_index]
        if self._preview is not None and self._preview[:2] == (kind, level_index):
            return
        image, source = self._sample()
        damaged = E.damage(image[None], kind, level, E.damage_rng(0, kind, level_index))[0]
        self._preview = (kind, level_index, damaged, arg(self.tr("%1, %2 %3"), source, damage_name(kind), f"{level:g}"))
        self.preview_image.setImage(1 - damaged, levels=(0, 1))
        if self.robustness is not None:
            text = arg(self.tr("%1 %2 (%3): accuracy %4 at this level. Click the image to use it."), damage_name(kind),
                       f"{level:g}", damage_unit(kind), f"{self.robustness[kind][level_index][1]:.1%}")
        else:
            text = arg(self.tr("%1 %2 (%3). Click the image to use it."), damage_name(kind), f"{level:g}",
                       damage_unit(kind))
        self.preview_label.setText(text)

    def _use_preview(self) -> None:
        if self._preview is not None:
            self.session.set_input(self._preview[2].ravel(), self._preview[3])

    def _start_projection(self, restart: bool = False) -> None:
        """Map the chosen layer of the latest network; restart: drop a map under way (a new
        layer was chosen), else let it finish first (see _start_robustness)."""
        if self.model is None:
            return
        if self.jobs.busy(self._keys["projection"]) and not restart:
            self._projection_due = True
            return
        self._projection_due = False
        layer = self.layer_box.currentData()
        layer = 0 if layer is None else int(layer)
        self.map_bar.setValue(0)
        self.map_bar.show()
        self.jobs.submit(self._keys["projection"], _projection_job, self.model, self.data.x_test[:E.MAP_POINTS], layer,
                         owner=self, done=self._show_projection, progress=lambda f: self.map_bar.setValue(int(100 * f)),
                         failed=lambda msg: self._failed("projection", msg))

    def _show_projection(self, result) -> None:
        layer, coords, ratio = result
        self.projection = result
        self.map_bar.hide()
        if self._projection_due:  # the network changed while it ran
            self._job_timer.start()
        else:
            self._robustness_timer.start()  # once the map is painted
        n = len(coords)
        labels = self.data.y_test[:n]
        wrong = self.evaluation.probabilities[:n].argmax(axis=1) != labels
        self.map_points.setData(pos=coords, data=np.arange(n), brush=[self._brushes[d] for d in labels],
                                symbol=np.where(wrong, "x", "o").tolist(), size=np.where(wrong, 11, 5),
                                pen=self._no_pen)
        # The combo box above names the layer: a short title keeps the plot its width.
        self.map_plot.setTitle(arg(self.tr("PCA: %1 of the variance shown"), f"{ratio.sum():.0%}"), size="10pt")

    def _point_text(self, i: int) -> str:
        p = self.evaluation.probabilities[i]
        return arg(self.tr("Test image %1: label %2, read as %3 (%4)"), i, int(self.data.y_test[i]), int(p.argmax()),
                   f"{p.max():.0%}")

    def _hover_map(self, item, points, ev) -> None:
        if len(points) == 0 or self.evaluation is None:
            return
        i = int(points[0].data())
        self.map_hover_image.setPixmap(digit_pixmap(_digit(scale_images(self.data.x_test[i]),
                                                           self.data.image_shape)))
        self.map_hover.setText(arg(self.tr("%1. Click to make it the input."), self._point_text(i)))

    def _click_map(self, item, points, ev) -> None:
        if len(points):
            self.session.show_test_image(int(points[0].data()))
