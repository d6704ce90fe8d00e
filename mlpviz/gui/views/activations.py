"""What the network does with one input: every hidden layer's activations, then the ten
output probabilities with the prediction highlighted."""
from __future__ import annotations

from collections import deque

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.doubt import Familiarity, judge
from ...core.model import MLP
from .. import style
from ..classes import digits_or_classes
from ..i18n import activation_label, arg
from ..session import Session
from ..widgets.cells import CellImage
from ..widgets.mosaic import SCALE_STEPS, mosaic_layout
from ..widgets.whatsthis import explain as explain_view
from .base import View

# Where each activation's values lie, for a colour scale that means the same at every step.
RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
RECENT = 50  # an unbounded activation's scale covers the largest value of this many recent drawings
WIDE = 2.0  # heat maps are twice as wide as tall


def grid(values: np.ndarray) -> np.ndarray:
    """A vector of activations -> a 2-D grid twice as wide as tall (NaN padding), for a heat map."""
    n = len(values)
    rows, cols = mosaic_layout(n, wide=WIDE)
    out = np.full(rows * cols, np.nan, np.float32)
    out[:n] = values
    return out.reshape(rows, cols)


class RunningScale:
    """The top of a colour scale for values with no upper bound (ReLU): the largest value seen in
    the last `recent` drawings, rounded up to 1, 2, 2.5 or 5 times a power of ten, so that the
    same colour means the same value from one input or step to the next."""

    def __init__(self, recent: int = RECENT):
        self._maxima: deque[float] = deque(maxlen=recent)

    def add(self, values: np.ndarray) -> float:
        """Take in one drawing's values (any shape); returns the scale's top."""
        finite = values[np.isfinite(values)]
        self._maxima.append(float(finite.max()) if finite.size else 0.0)
        return self.top

    @property
    def top(self) -> float:
        return style.nice_ceiling(max(max(self._maxima, default=0.0), 1e-6), SCALE_STEPS)

    def reset(self) -> None:
        self._maxima.clear()


class _Cells(CellImage):
    """One hidden layer's units in a near-square grid."""

    def __init__(self, units: int):
        super().__init__()
        self.units = units

    def cell_at(self, x: float, y: float) -> int:
        rows, cols = mosaic_layout(self.units, wide=WIDE)
        c, r = int(x), int(y)
        unit = r * cols + c
        return unit if 0 <= c < cols and 0 <= r < rows and x >= 0 and y >= 0 and unit < self.units else -1


class ActivationsView(View):
    """Heat maps of the hidden layers, each with its colour bar, and a bar chart of the output
    probabilities. Clicking a cell selects its unit in the session."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self._familiarity: Familiarity | None = None  # what the training images look like, once learnt
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.layers_view = pg.GraphicsLayoutWidget()
        self.layers_view.setMinimumHeight(120)  # the smallest window gave its cells 114 px
        self.layers_view.setToolTip(self.tr("Activations of each hidden layer for the current input, one cell per "
                                            "unit (left to right, top to bottom). Bright: strongly active. "
                                            "Click a cell to select its unit."))
        self.bars_plot = style.plot_widget("", self.tr("probability"), "")  # titled by _data_texts
        self.bars_plot.setYRange(0, 1, padding=0.02)
        self.bars_plot.setXRange(-0.6, 9.6, padding=0)
        self.bars_plot.getAxis("bottom").setTicks([[(d, str(d)) for d in range(10)]])
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush=style.BAR)
        self.bars_plot.addItem(self.bars)
        self.cmap = pg.colormap.get(style.ACTIVATION_CMAP)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()  # the caption and its "?", which would cover the caption's end if it floated
        top.addWidget(self.caption, 1)
        layout.addLayout(top)
        layout.addWidget(self.layers_view, 2)
        layout.addWidget(self.bars_plot, 3)
        self._images: list[_Cells] = []
        self.colour_bars: list[pg.ColorBarItem] = []
        self._outlines: list[QGraphicsRectItem] = []
        self._scales: list[RunningScale] = []
        self._signature: tuple = ()
        self._p: np.ndarray | None = None
        session.unitSelected.connect(self._on_unit_selected)
        top.addWidget(explain_view(self, "", floating=False), 0, Qt.AlignmentFlag.AlignTop)
        self._data_texts()

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        data = self.session.data
        if self.session.input_x is None:
            self.caption.setText(self._prompt())
        self.bars_plot.setTitle(digits_or_classes(data, self.tr("Output: probability of each digit"),
                                                  self.tr("Output: probability of each class")), size=style.pt(10))
        self.bars_plot.setLabel("bottom", digits_or_classes(data, self.tr("digit"), self.tr("class")))
        self.setWhatsThis(digits_or_classes(data, self.tr(
            "<b>Activations</b><p>What each hidden layer computes for the current input: every unit's "
            "activation z = f(a), a = xW + b (x: the layer's input), one cell per unit, with f the activation "
            "function (sigmoid σ(a) = 1 / (1 + e<sup>−a</sup>), tanh or ReLU). Below, the output layer's softmax: "
            "the probability y<sub>k</sub> = e<sup>a<sub>k</sub></sup> / Σ e<sup>a<sub>i</sub></sup> of each "
            "digit; the highest "
            "is the answer.</p>"), self.tr(
            "<b>Activations</b><p>What each hidden layer computes for the current input: every unit's "
            "activation z = f(a), a = xW + b (x: the layer's input), one cell per unit, with f the activation "
            "function (sigmoid σ(a) = 1 / (1 + e<sup>−a</sup>), tanh or ReLU). Below, the output layer's softmax: "
            "the probability y<sub>k</sub> = e<sup>a<sub>k</sub></sup> / Σ e<sup>a<sub>i</sub></sup> of each "
            "class; the highest is the answer.</p>")))

    def _prompt(self) -> str:
        return digits_or_classes(self.session.data, self.tr("Draw a digit or pick a test image."),
                                 self.tr("Draw on the pad or pick a test image."))

    def _rebuild(self, model: MLP) -> None:
        self.layers_view.clear()
        self._images, self.colour_bars, self._outlines = [], [], []
        self._scales = [RunningScale() for _ in model.sizes[1:-1]]
        levels = RANGES.get(model.activation.name, (0.0, 1.0))
        for i, n in enumerate(model.sizes[1:-1], 1):
            label = self.layers_view.addLabel(arg(self.tr("hidden %1: %2 units, %3"), i, n,
                                                  activation_label(model.activation.name)),
                                              size=style.pt(8), colspan=2)
            label.setMaximumHeight(18)
            self.layers_view.nextRow()
            box = self.layers_view.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
            img = _Cells(n)
            img.clicked.connect(lambda unit, layer=i: self.session.select_unit(layer, unit))
            box.addItem(img)
            outline = QGraphicsRectItem()
            outline.setPen(pg.mkPen(style.ACCENT, width=2))
            outline.hide()
            box.addItem(outline, ignoreBounds=True)
            # Not interactive: the scale follows the activation function or the recent values.
            bar = pg.ColorBarItem(values=levels, colorMap=self.cmap, interactive=False, width=12,
                                  colorMapMenu=False)
            bar.setImageItem(img)
            bar.getAxis("right").setWidth(34)
            self.layers_view.addItem(bar)
            self._images.append(img)
            self.colour_bars.append(bar)
            self._outlines.append(outline)
            self.layers_view.nextRow()
        if not self._images:
            self.layers_view.addLabel(self.tr("no hidden layers: the inputs go straight to the softmax"),
                                      size=style.pt(8))
        self._layout.setStretchFactor(self.layers_view, 2 * max(1, len(self._images)))
        if self.session.selected is not None:
            self._on_unit_selected(*self.session.selected)

    # Session -------------------------------------------------------------------------------

    def update_from(self, snapshot) -> None:
        self._draw()

    def set_data(self, data) -> None:
        """Learn what the training images look like (about a second: off the GUI thread), to doubt
        an answer for an input unlike any of them."""
        self._familiarity = None
        self._data_texts()
        self.session.jobs.submit((self, "familiarity"), lambda should_stop, progress: Familiarity.from_data(data),
                                 owner=self, done=self._familiar)

    def _familiar(self, familiarity) -> None:
        self._familiarity = familiarity
        self._draw()

    def set_input(self, x: np.ndarray | None, source: str) -> None:
        self._draw()

    def clear(self) -> None:
        self._p = None
        self.bars.setOpts(height=np.zeros(10), brushes=[style.BAR] * 10)
        for img in self._images:
            img.clear()
        for scale in self._scales:
            scale.reset()

    def probabilities(self) -> np.ndarray | None:
        """The output probabilities (n_out,) for the current input, or None without one."""
        return self._p

    # Drawing -------------------------------------------------------------------------------

    def _draw(self) -> None:
        model, x, source = self.session.model, self.session.input_x, self.session.input_source
        if model is None:
            return
        signature = (model.sizes, model.activation.name)
        if signature != self._signature:
            self._signature = signature
            self._rebuild(model)
        if x is None:
            self.caption.setText(source or self._prompt())
            self._p = None
            self.bars.setOpts(height=np.zeros(10), brushes=[style.BAR] * 10)
            for img in self._images:
                img.clear()
            return
        ins = self.session.inspection()  # a diverged network's NaNs are shown without warnings
        if ins is None:  # an input the network does not take
            return
        acts = ins.activations()
        fixed = RANGES.get(model.activation.name)
        for img, bar, scale, z in zip(self._images, self.colour_bars, self._scales, acts[1:-1]):
            levels = fixed or (0.0, scale.add(z))
            if bar.levels() != levels:  # the bar's axis is redrawn only when its scale moves
                bar.setLevels(levels)
            img.setImage(grid(z), autoLevels=False, levels=levels)
        p = acts[-1]
        self._p = p
        best = int(p.argmax())
        brushes = [style.BAR] * len(p)
        brushes[best] = style.ACCENT
        self.bars.setOpts(x=np.arange(len(p)), height=p, brushes=brushes)
        if not np.isfinite(p).all():
            self.caption.setText(arg(self.tr("%1: the network cannot read it: its outputs are not numbers (it has "
                                             "diverged)"), source))
            return
        caption = arg(self.tr("%1: the network reads <b>%2</b> (%3%)"), source, best, f"{100 * p[best]:.0f}")
        doubt = judge(p, x, self._familiarity)
        if doubt.unsure:  # a dot, a scribble, a faint guess: say so rather than sound sure
            reason = self.tr("unlike the training images") if doubt.reason.startswith("unlike") else \
                self.tr("low top probability")
            caption += arg(self.tr(" — <b>not sure</b> (%1)"), reason)
        self.caption.setText(caption)

    def levels(self, layer: int) -> tuple[float, float]:
        """The colour scale (low, high) of hidden layer `layer` (1 = first)."""
        return tuple(self.colour_bars[layer - 1].levels())

    def heat_map(self, layer: int) -> pg.ImageItem:
        """The heat map of hidden layer `layer` (1 = first): one cell per unit; a click selects it."""
        return self._images[layer - 1]

    def outlined(self) -> list[tuple[int, QRectF]]:
        """The outlined cells: (hidden layer, 1 = first; the cell's rect in its heat map's pixels)."""
        return [(i, outline.rect()) for i, outline in enumerate(self._outlines, 1) if outline.isVisible()]

    def _on_unit_selected(self, layer: int, unit: int) -> None:
        for i, (img, outline) in enumerate(zip(self._images, self._outlines), 1):
            if i == layer and 0 <= unit < img.units:
                _, cols = mosaic_layout(img.units, wide=WIDE)
                r, c = divmod(unit, cols)
                outline.setRect(QRectF(c, r, 1, 1))
                outline.show()
            else:
                outline.hide()
