"""The network as a diagram: one column of neurons per layer, coloured by their activation for
the current input, with the strongest contributions (activation x weight) drawn as edges."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core import explain
from ...core.inspect import Inspection
from ...core.model import MLP
from .. import style
from ..classes import digits_or_classes
from ..i18n import arg
from ..session import Session
from ..widgets.whatsthis import explain as explain_view
from .base import View
from .labels import steady

CODE = 1_000_000  # a node's data: column * CODE + unit
SLOT = 17  # pixels per neuron in a column
EDGES_PER_UNIT = 2  # strongest incoming edges drawn per shown unit
WIDTHS = (1.0, 2.0, 3.0)  # edge widths for the weakest, middle and strongest thirds
POSITIVE, NEGATIVE = (214, 39, 40), (31, 119, 180)
# Room (at zoom 1) for half a "+771 more" left of the input column and "9: 100.0%" right of the output.
LEFT_PX, RIGHT_PX = 36, 86
NAMED_COLUMN_PX = 62  # columns closer than this are headed by their size alone
WIDE_COLUMN_PX = 84  # columns closer than this get "+771" below them instead of "+771 more"


def column_capacity(height_px: int) -> int:
    """How many neurons a column of the given height shows (at least 4, at most 40)."""
    return int(np.clip((height_px - 70) // SLOT, 4, 40))


class NetworkDiagramView(View):
    """Columns of neurons (input, hidden layers, output); click a hidden neuron to select it,
    an output neuron to explain that digit."""

    digitClicked = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.caption = QLabel()
        steady(self.caption, 3)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.ci.setContentsMargins(0, 0, 0, 0)
        self.box = self.canvas.addViewBox(invertY=True, enableMouse=False)
        self.box.setMenuEnabled(False)
        self.canvas.setToolTip("")
        self.edges = {}
        for sign, rgb in (("+", POSITIVE), ("-", NEGATIVE)):
            for width in WIDTHS:
                curve = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(rgb, width=width))
                self.box.addItem(curve)
                self.edges[sign, width] = curve
        self.nodes = pg.ScatterPlotItem(size=12, pen=pg.mkPen("#444", width=0.8), hoverable=True,
                                        tip=self._tip, hoverPen=pg.mkPen(style.ACCENT, width=2))
        self.nodes.sigClicked.connect(self._clicked)
        self.box.addItem(self.nodes)
        self.ring = pg.ScatterPlotItem(size=20, pen=pg.mkPen(style.ACCENT, width=2.5), brush=None)
        self.box.addItem(self.ring)
        self.texts: list[pg.TextItem] = []
        self.cmap = pg.colormap.get(style.ACTIVATION_CMAP)
        self._lut = [QBrush(QColor(*c)) for c in self.cmap.getLookupTable(nPts=64, alpha=False)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()  # the caption and its "?", which would cover the caption's end if it floated
        top.addWidget(self.caption, 1)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        self._model: MLP | None = None
        self._x: np.ndarray | None = None
        self._source = ""
        self._layout: tuple | None = None
        self._positions: dict[tuple[int, int], tuple[float, float]] = {}
        self._values: dict[tuple[int, int], float] = {}
        session.unitSelected.connect(lambda layer, unit: self._mark_selected())
        top.addWidget(explain_view(self, "", floating=False), 0, Qt.AlignmentFlag.AlignTop)
        self._data_texts()
        self.caption.setText(self._prompt())

    def _prompt(self) -> str:
        return digits_or_classes(self.session.data,
                                 self.tr("Draw a digit or pick a test image to see the network at work."),
                                 self.tr("Draw on the pad or pick a test image to see the network at work."))

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        self.setWhatsThis(digits_or_classes(self.session.data, self.tr(
            "<b>The network diagram</b><p>One column per layer: the input layer (pixels), the hidden layers "
            "and the output layer (digits). Each circle is a neuron coloured by its activation z = f(a), "
            "a = xW + b (x: its layer's input); a line is a contribution z·w into the next layer. Click a hidden "
            "neuron to inspect "
            "it, an output neuron to see which pixels explain that digit.</p>"), self.tr(
            "<b>The network diagram</b><p>One column per layer: the input layer (pixels), the hidden layers "
            "and the output layer (classes). Each circle is a neuron coloured by its activation z = f(a), "
            "a = xW + b (x: its layer's input); a line is a contribution z·w into the next layer. Click a hidden "
            "neuron to inspect it, an output neuron to see which pixels explain that class.</p>")))

    # -- the View interface

    def update_from(self, snapshot) -> None:
        self._model = snapshot.model
        self.redraw()

    def set_data(self, data) -> None:
        self._data_texts()  # the captions follow at the next snapshot: a new dataset clears the view first

    def set_input(self, x: np.ndarray | None, source: str) -> None:
        self._x = x
        self._source = source
        self.redraw()

    def clear(self) -> None:
        self._model = None
        self._x = None
        self.redraw()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.redraw()

    # -- drawing

    def capacity(self) -> int:
        return column_capacity(self.canvas.height())

    def redraw(self) -> None:
        """Lay out the columns for the current network and input, and draw them."""
        model = self._model
        ins = None if model is None or self._x is None else self.session.inspection()
        if ins is None:
            for curve in self.edges.values():
                curve.setData([], [])
            self.nodes.setData([])
            self.ring.setData([])
            self._set_texts([])
            self._positions, self._values, self._layout = {}, {}, None
            self.caption.setToolTip("")
            self.caption.setText(self._prompt() if model is not None
                                 else self.tr("Train or open a model to see its diagram."))
            return
        acts = ins.activations()
        cap = self.capacity()
        shown = [np.arange(len(a)) if col == len(acts) - 1 and len(a) <= cap else explain.most_active(a, cap)
                 for col, a in enumerate(acts)]
        tops = [(cap - len(idx)) / 2 for idx in shown]
        width = max(self.box.width(), 1.0)
        left, right = style.px(LEFT_PX), style.px(RIGHT_PX)
        unit_px = max((width - left - right) / max(len(acts) - 1, 1), 1.0)  # pixels between two columns
        layout = (model.sizes, cap, int(width), style.ZOOM)
        if layout != self._layout:  # the slots only move when the network or the space changes
            self._layout = layout
            xs = np.concatenate([np.full(len(idx), col, float) for col, idx in enumerate(shown)])
            ys = np.concatenate([top + np.arange(len(idx)) for top, idx in zip(tops, shown)])
            self.nodes.setData(x=xs, y=ys, data=np.zeros(len(xs), np.int64))
            self.box.setRange(xRange=(-left / unit_px, len(acts) - 1 + right / unit_px),
                              yRange=(-2.4, cap + 1.6), padding=0)
        brushes, positions, values = [], {}, {}
        last = len(acts) - 1
        for col, (a, idx, top) in enumerate(zip(acts, shown, tops)):
            vals = a[idx]
            finite = vals[np.isfinite(vals)]
            lo, hi = (0.0, 1.0) if col in (0, last) else explain_levels(model, finite)
            codes = np.clip(np.nan_to_num((vals - lo) / max(hi - lo, 1e-12)) * 63, 0, 63).astype(int)
            brushes.extend(self._lut[c] for c in codes)
            for k, unit in enumerate(idx.tolist()):
                positions[col, unit] = (float(col), top + k)
                values[col, unit] = float(a[unit])
        self.nodes.setBrush(brushes, update=False)
        self.nodes.setPointData(np.concatenate([col * CODE + idx for col, idx in enumerate(shown)]))
        self.nodes.updateSpots()
        self._positions, self._values = positions, values
        self._draw_edges(ins, shown, tops)
        texts = []
        for col, (a, idx, top) in enumerate(zip(acts, shown, tops)):
            name = self.tr("input") if col == 0 else self.tr("output") if col == last else \
                arg(self.tr("hidden %1"), col)
            # where columns are close the names would overlap: the sizes alone, the tooltips name the layers
            texts.append((f"{name}\n{len(a)}" if unit_px >= NAMED_COLUMN_PX else f"{len(a)}", col, -1.6, (0.5, 0.5)))
            if len(a) > len(idx):
                more = arg(self.tr("+%1 more"), len(a) - len(idx)) if unit_px >= WIDE_COLUMN_PX else \
                    f"+{len(a) - len(idx)}"
                texts.append((more, col, top + len(idx) + 0.2, (0.5, 0)))
        for k, d in enumerate(shown[-1].tolist()):
            texts.append((f"{d}: {100 * acts[-1][d]:.1f}%", last + 0.12, tops[-1] + k, (0, 0.5)))
        self._set_texts(texts)
        self._mark_selected()
        best = int(np.argmax(acts[-1]))
        text = arg(self.tr(
            "The %1 most active neurons of each layer (brighter: more active); lines: the strongest z·w "
            "(red raises, blue lowers). The network reads <b>%2</b>."), cap, best)
        if text != self.caption.text():
            self.caption.setText(text)
            self.caption.setToolTip(text)  # where three lines do not hold it all

    def _draw_edges(self, ins: Inspection, shown: list[np.ndarray], tops: list[float]) -> None:
        parts = []
        for col in range(ins.L):
            c = np.nan_to_num(ins.edge_contributions(col + 1, shown[col], shown[col + 1]))
            k = min(c.shape[0], EDGES_PER_UNIT)
            # the k strongest incoming edges of every shown unit, as (row in src, column in dst)
            rows = np.argpartition(-np.abs(c), k - 1, axis=0)[:k] if k < c.shape[0] else \
                np.broadcast_to(np.arange(c.shape[0])[:, None], c.shape)
            cols = np.broadcast_to(np.arange(c.shape[1]), rows.shape)
            parts.append((col, rows.ravel(), cols.ravel(), c[rows, cols].ravel()))
        top = max((float(np.abs(p[3]).max()) for p in parts if p[3].size), default=0.0)
        segs: dict[tuple[str, float], list[np.ndarray]] = {key: [] for key in self.edges}
        for col, rows, cols, strength in parts:
            if top <= 0:
                break
            size = np.abs(strength) / top
            keep = size > 0.02
            bucket = np.minimum((size * len(WIDTHS)).astype(int), len(WIDTHS) - 1)
            y0, y1 = tops[col] + rows, tops[col + 1] + cols
            pts = np.stack([np.full_like(y0, col, dtype=float), y0, np.full_like(y0, col + 1, dtype=float), y1], 1)
            for sign, mask in (("+", strength > 0), ("-", strength < 0)):
                for b, width in enumerate(WIDTHS):
                    sel = pts[keep & mask & (bucket == b)]
                    if len(sel):
                        segs[sign, width].append(sel)
        for key, curve in self.edges.items():
            if segs[key]:
                pts = np.concatenate(segs[key]).reshape(-1, 2)  # x0 y0 / x1 y1 pairs
                curve.setData(pts[:, 0], pts[:, 1])
            else:
                curve.setData([], [])

    def _set_texts(self, texts: list[tuple[str, float, float, tuple[float, float]]]) -> None:
        while len(self.texts) < len(texts):
            item = pg.TextItem(color="#333")
            font = QFont()  # the application's, at the zoom of the moment (a zoom scales those made before)
            font.setPointSizeF(max(font.pointSizeF() - 1, 7.0 * style.ZOOM))
            item.setFont(font)
            self.box.addItem(item)
            self.texts.append(item)
        for item, spec in zip(self.texts, texts):
            if getattr(item, "spec", None) != spec:  # re-laying out text is the costly part
                text, x, y, anchor = spec
                item.setText(text)
                item.setAnchor(anchor)
                item.setPos(x, y)
                item.spec = spec
            item.setVisible(True)
        for item in self.texts[len(texts):]:
            item.setVisible(False)

    def _mark_selected(self) -> None:
        sel = self.session.selected
        pos = self._positions.get(sel) if sel is not None else None
        self.ring.setData([pos[0]] if pos else [], [pos[1]] if pos else [])

    def _tip(self, x, y, data) -> str:
        if data is None:
            return ""
        col, unit = divmod(int(data), CODE)
        value = self._values.get((col, unit), float("nan"))
        model = self._model
        if col == 0:
            side = int(round(np.sqrt(model.sizes[0]))) if model else 28
            return arg(self.tr("pixel row %1, column %2: %3"), unit // side, unit % side, f"{value:.3f}")
        if model is not None and col == len(model.layers):
            return arg(digits_or_classes(self.session.data, self.tr("digit %1: probability %2 (click to explain it)"),
                                         self.tr("class %1: probability %2 (click to explain it)")),
                       unit, f"{value:.4f}")
        return arg(self.tr("hidden layer %1, unit %2: activation %3 (click to inspect)"), col, unit + 1,
                   f"{value:.4g}")

    def _clicked(self, item, points, ev=None) -> None:
        if not len(points) or self._model is None:
            return
        col, unit = divmod(int(points[0].data()), CODE)
        if col == len(self._model.layers):
            self.digitClicked.emit(unit)
        elif col > 0:
            self.session.select_unit(col, unit)


def explain_levels(model: MLP, values: np.ndarray) -> tuple[float, float]:
    """Colour levels of a hidden layer: the activation's range when bounded, else 0..largest."""
    bounded = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
    if model.activation.name in bounded:
        return bounded[model.activation.name]
    if not values.size:
        return 0.0, 1.0
    return min(0.0, float(values.min())), max(float(values.max()), 1e-6)
