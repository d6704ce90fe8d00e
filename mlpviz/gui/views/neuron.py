"""One neuron up close: its pre-activation, activation and bias for the current input, its
incoming weights, its effect on each digit, and the test images that excite it most."""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core import explain
from ...core.evaluation import layer_activations
from ...core.inspect import Inspection
from ...core.model import MLP
from .. import style
from ..classes import digits_or_classes
from ..i18n import activation_label, arg
from ..session import Session
from ..widgets.mosaic import finite_limit
from ..widgets.whatsthis import explain as explain_view
from .base import View
from .labels import steady

WIDE_HEADER_PX = 360  # narrower than this, the header gets a fifth line
TOP = 16  # test images shown per neuron, as a 4x4 grid
GRID = 4
RECOMPUTE_WHILE_RUNNING = 2.0  # seconds between two searches of the test set while training runs
SEARCH_CHUNK = 500  # test images per step of a search: a cancelled search stops within one


def search_job(model: MLP, layer: int, x: np.ndarray, should_stop=None, progress=None) -> tuple | None:
    """(model, layer, activations (N, n_layer)) of hidden layer `layer` for test images x (N, n_in),
    SEARCH_CHUNK images at a time; None once should_stop() turns true."""
    acts = layer_activations(model, x, layer, chunk=SEARCH_CHUNK, should_stop=should_stop)
    return None if acts is None else (model, layer, acts)


class _Clickable(pg.ImageItem):
    clicked = Signal(float, float)

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(ev.pos().x(), ev.pos().y())
            ev.accept()


def image_grid(images: np.ndarray, side: int = 28, cols: int = GRID, gap: int = 2) -> np.ndarray:
    """images (k, side*side) -> one (rows*(side+gap)-gap, cols*(side+gap)-gap) float32 picture, NaN gaps."""
    rows = max(1, -(-len(images) // cols))
    out = np.full((rows, side + gap, cols, side + gap), np.nan, np.float32)
    for i, img in enumerate(images):
        out[i // cols, :side, i % cols, :side] = img.reshape(side, side)
    return out.reshape(rows * (side + gap), cols * (side + gap))[:-gap, :-gap]


def _title(plot: pg.PlotItem, text: str, size: str = "") -> None:
    """Set a plot's title, cut to the plot's width (style.FittedTitle)."""
    style.fit_title(plot)
    plot.setTitle(text, size=size or style.pt(8))


class NeuronView(View):
    """The inspector of session.selected (hidden layer, unit)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.header = QLabel(self.tr("Click a neuron in the diagram, a weight tile or an activation cell."))
        steady(self.header, 4)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        # shown instead of the (then empty) plots while no neuron is selected
        self.hint = QLabel(self.tr("No neuron selected.\nClick a circle in the network diagram, a weight tile or "
                                   "an activation cell to look at one neuron here."))
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.hint.setStyleSheet("color: #555; font-size: 11pt")
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.ci.setContentsMargins(2, 2, 2, 2)
        weights_cmap = pg.colormap.get(style.WEIGHTS_CMAP)

        self.in_plot = self.canvas.addPlot()
        _title(self.in_plot, self.tr("incoming weights"), size=style.pt(8))
        self.in_plot.setToolTip(self.tr("The weights into this neuron: red positive, blue negative"))
        self.in_plot.setMenuEnabled(False)
        self.in_plot.setMouseEnabled(x=False, y=False)
        self.in_image = pg.ImageItem()
        self.in_image.setColorMap(weights_cmap)
        # one filled step curve, not a bar item per weight: 512 bars would cost a frame to paint
        self.in_bars = pg.PlotCurveItem(fillLevel=0, brush=style.BAR, pen=pg.mkPen(style.BAR))
        self.in_plot.addItem(self.in_image)
        self.in_plot.addItem(self.in_bars)

        self.out_plot = self.canvas.addPlot()
        self.out_plot.setMenuEnabled(False)
        self.out_plot.setMouseEnabled(x=False, y=False)
        self.out_plot.getAxis("bottom").setTicks([[(d, str(d)) for d in range(10)]])
        self.out_bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7)
        self.out_plot.addItem(self.out_bars)
        self.out_plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#888")))

        # The most exciting images beside the two plots, not under them: the inspector is a
        # quarter of the tab, wider than high, and in a row of their own they were 9 px each.
        self.top_box = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.canvas.ci.layout.setColumnStretchFactor(2, 1)  # a view box asks for no width: it would get none
        self.top_box.setMenuEnabled(False)
        self.top_image = _Clickable()
        self.top_image.setToolTip(self.tr("The test images that make this neuron most active. Click one to make "
                                          "it the input."))
        self.top_image.clicked.connect(self._top_clicked)
        self.top_box.addItem(self.top_image)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()  # the caption and its "?", which would cover the caption's end if it floated
        top.addWidget(self.header, 1)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint, 1)
        # a QLabel below the canvas, not a label item in it: a long line there widens the canvas
        self.top_label = steady(QLabel(), 3)
        layout.addWidget(self.top_label)

        self._model: MLP | None = None
        self._running = False
        self._x: np.ndarray | None = None
        self._cache: dict[int, np.ndarray] = {}  # layer -> activations of every test image
        self._cache_model: MLP | None = None
        self._searched_at = -np.inf
        self._top: np.ndarray = np.zeros(0, np.intp)
        self._shown_key: tuple | None = None
        session.unitSelected.connect(lambda layer, unit: self.refresh())
        top.addWidget(explain_view(self, "", floating=False), 0, Qt.AlignmentFlag.AlignTop)
        self._data_texts()

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        data = self.session.data
        _title(self.out_plot, digits_or_classes(data, self.tr("effect on each digit"), self.tr("effect on each class")),
               size=style.pt(8))
        self.setWhatsThis(digits_or_classes(data, self.tr(
            "<b>One neuron up close</b><p>Its pre-activation a = z·w + b (the previous layer's activations z "
            "times its incoming weights w, plus the bias b) and its activation z = f(a); for the sigmoid "
            "σ(a) = 1 / (1 + e<sup>−a</sup>), whose derivative is σ′(a) = σ(a)(1 − σ(a)). Left: its incoming "
            "weights; middle: how much raising its activation z moves each digit's logit a; right: the test "
            "images that excite it most.</p>"), self.tr(
            "<b>One neuron up close</b><p>Its pre-activation a = z·w + b (the previous layer's activations z "
            "times its incoming weights w, plus the bias b) and its activation z = f(a); for the sigmoid "
            "σ(a) = 1 / (1 + e<sup>−a</sup>), whose derivative is σ′(a) = σ(a)(1 − σ(a)). Left: its incoming "
            "weights; middle: how much raising its activation z moves each class's logit a; right: the test "
            "images that excite it most.</p>")))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # each plot 3/8 of the width, the most exciting images the rest: left alone, the weights'
        # title and square would squeeze the ten digits
        half = max((self.width() - 8) * 3 // 8 - 6, 60)  # the canvas may be hidden, its width stale
        # the header's lines wrap once more where it is narrow
        lines = 4 if self.width() >= style.px(WIDE_HEADER_PX) else 5
        self.header.setFixedHeight(self.header.fontMetrics().lineSpacing() * lines + 6)
        for plot in (self.in_plot, self.out_plot):
            plot.setMinimumWidth(half)
            plot.setMaximumWidth(half)

    # -- the View interface

    def update_from(self, snapshot) -> None:
        self._model = snapshot.model
        self._running = snapshot.state == "running"
        self.refresh()

    def set_input(self, x: np.ndarray | None, source: str) -> None:
        self._x = x
        self.refresh()

    def set_data(self, data) -> None:
        self._cache, self._cache_model, self._shown_key = {}, None, None
        self._data_texts()
        self.refresh()

    def clear(self) -> None:
        self._model, self._x = None, None
        self._cache, self._cache_model, self._shown_key = {}, None, None
        self.session.jobs.cancel((self, "search"))
        self.refresh()

    # -- drawing

    def selection(self) -> tuple[int, int] | None:
        """The selected (hidden layer, unit) if it exists in the network shown."""
        sel, model = self.session.selected, self._model
        if sel is None or model is None:
            return None
        layer, unit = sel
        return sel if 1 <= layer < len(model.layers) and 0 <= unit < model.sizes[layer] else None

    def refresh(self) -> None:
        sel, model = self.selection(), self._model
        if sel is None:
            self.header.setText("" if model is not None else self.tr("Train or open a model, then click a neuron."))
            for item in (self.in_image, self.top_image):
                item.clear()
            self.in_bars.clear()
            self.out_bars.setOpts(height=np.zeros(10))
            self.top_label.setText("")
            self._shown_key = None
            self.canvas.hide()
            self.hint.show()
            return
        self.hint.hide()
        self.canvas.show()
        layer, unit = sel
        b = model.layers[layer - 1].b
        ins = None if self._x is None else self.session.inspection()
        key = (model, layer, unit)  # the model itself, not its id: an id can be reused
        new_unit = key != self._shown_key
        if new_unit:  # what depends on the unit alone is drawn once, not at every stroke move
            self._shown_key = key
            self._show_incoming(model, layer, model.layers[layer - 1].W[:, unit])
        if new_unit or layer < len(model.layers) - 1:  # the last layer's effects are its weights
            effect = self._effect(model, ins, layer, unit)
            lim = finite_limit(effect)
            self.out_bars.setOpts(height=effect, brushes=[pg.mkBrush(style.TEST if v > 0 else style.TRAIN)
                                                          for v in effect])
            self.out_plot.setYRange(-lim, lim, padding=0.05)
        name = arg(self.tr("hidden layer %1, unit %2 of %3 (%4)"), layer, unit + 1, model.sizes[layer],
                   activation_label(model.activation.name))
        if ins is not None:
            # the course's names: a = z·w + b over the previous layer's z, and this unit's z = f(a)
            a, z = float(ins.a[layer][unit]), float(ins.z[layer][unit])
            self.header.setText(arg(self.tr("<b>%1</b><br>a = z·w + b = <b>%2</b>, z = %3(a) = <b>%4</b> for this "
                                            "input<br>bias b = %5"),
                                    name, f"{a:.4g}", activation_label(model.activation.name), f"{z:.4g}",
                                    f"{float(b[unit]):.4g}"))
        else:
            self.header.setText(arg(digits_or_classes(
                self.session.data, self.tr("<b>%1</b><br>bias b = %2<br>draw a digit or pick a test image to see "
                                           "its pre-activation a and activation z"),
                self.tr("<b>%1</b><br>bias b = %2<br>draw on the pad or pick a test image to see its "
                        "pre-activation a and activation z")), name, f"{float(b[unit]):.4g}"))
        if new_unit:
            self._search(model, layer, unit)

    def _show_incoming(self, model: MLP, layer: int, w: np.ndarray) -> None:
        lim = finite_limit(w)
        side = int(round(np.sqrt(len(w))))
        if layer == 1 and side * side == len(w):
            self.in_bars.clear()
            self.in_image.setImage(w.reshape(side, side), levels=(-lim, lim))
            self.in_image.setRect(0, 0, side, side)
            self.in_plot.invertY(True)
            self.in_plot.setAspectLocked(True)
            self.in_plot.setRange(xRange=(0, side), yRange=(0, side), padding=0.02)
            _title(self.in_plot, arg(self.tr("incoming weights, %1x%2 pixels"), side, side), size=style.pt(8))
        else:
            self.in_image.clear()
            self.in_plot.invertY(False)
            self.in_plot.setAspectLocked(False)
            self.in_bars.setData(np.arange(len(w) + 1) - 0.5, w, stepMode="center")
            self.in_plot.setRange(xRange=(-1, len(w)), yRange=(-lim, lim), padding=0.05)
            _title(self.in_plot, arg(self.tr("weights from layer %1"), layer - 1), size=style.pt(8))

    def _effect(self, model: MLP, ins: Inspection | None, layer: int, unit: int) -> np.ndarray:
        """How each digit's logit a_L moves with the unit's activation z: the outgoing weights for the
        last hidden layer; through the layers in between (at the current input) for an earlier one."""
        if layer == len(model.layers) - 1:
            _title(self.out_plot, digits_or_classes(self.session.data, self.tr("weights to the digits"),
                                                    self.tr("weights to the classes")), size=style.pt(8))
            return np.asarray(model.layers[-1].W[unit], np.float64)
        _title(self.out_plot, digits_or_classes(self.session.data, self.tr("effect on each digit, da/dz"),
                                                self.tr("effect on each class, da/dz")), size=style.pt(8))  # ∂a_L/∂z_l
        if ins is None:
            return np.zeros(model.sizes[-1])
        return np.nan_to_num(ins.output_jacobian(layer)[:, unit])

    # -- the most exciting test images, searched off the GUI thread

    def _search(self, model: MLP, layer: int, unit: int) -> None:
        data = self.session.data
        if data is None:
            self.top_label.setText(self.tr("no test images loaded"))
            return
        if self._cache_model is not model:
            recent = time.monotonic() - self._searched_at < RECOMPUTE_WHILE_RUNNING
            if self._running and recent and layer in self._cache:
                self._show_top(layer, unit)  # a moment-old search stands in while training runs
                return
            self._cache, self._cache_model = {}, model
        if layer in self._cache:
            self._show_top(layer, unit)
            return
        self.top_label.setText(self.tr("searching the test set for the images that drive this neuron hardest..."))
        self.session.jobs.submit((self, "search"), search_job, model, layer, data.x_test, owner=self,  # the newest wins
                                 done=self._search_done,
                                 failed=lambda msg: self.top_label.setText(arg(self.tr("search failed: %1"), msg)))

    def _search_done(self, result) -> None:
        model, layer, acts = result
        if model is not self._cache_model:
            return
        self._cache[layer] = acts
        self._searched_at = time.monotonic()
        sel = self.selection()
        if sel is not None and sel[0] == layer:
            self._show_top(*sel)

    def _show_top(self, layer: int, unit: int) -> None:
        acts = self._cache[layer]
        self._top = explain.top_exciting(acts, unit, TOP)
        data = self.session.data
        side = data.image_shape[0] if data.image_shape[0] * data.image_shape[1] == data.x_test.shape[1] else 28
        self.top_image.setImage(image_grid(data.x_test[self._top] / 255.0, side), levels=(0, 1))
        labels = ", ".join(str(int(data.y_test[i])) for i in self._top)
        self.top_label.setText(arg(self.tr("the %1 test images that excite it most (activation %2 to %3; labels "
                                           "%4); click one to use it"), len(self._top),
                                   f"{acts[self._top[0], unit]:.3g}", f"{acts[self._top[-1], unit]:.3g}", labels))

    def _top_clicked(self, x: float, y: float) -> None:
        data = self.session.data
        if data is None or not len(self._top):
            return
        cell = data.image_shape[0] + 2
        r, c = int(y // cell), int(x // cell)
        i = r * GRID + c
        if 0 <= c < GRID and x % cell < cell - 2 and y % cell < cell - 2 and 0 <= i < len(self._top):
            self.session.show_test_image(int(self._top[i]))
