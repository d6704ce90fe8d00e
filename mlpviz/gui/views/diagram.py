"""The network as a diagram: one column of neurons per layer, coloured by their activation for
the current input, with the strongest contributions (activation x weight) drawn as edges."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core import explain
from ...core.model import MLP
from .. import style
from ..session import Session
from .base import View

SLOT = 17  # pixels per neuron in a column
EDGES_PER_UNIT = 3  # strongest incoming edges drawn per shown unit
WIDTHS = (1.0, 2.2, 4.0)  # edge widths for the weakest, middle and strongest thirds
POSITIVE, NEGATIVE = (214, 39, 40), (31, 119, 180)


def column_capacity(height_px: int) -> int:
    """How many neurons a column of the given height shows (at least 4, at most 40)."""
    return int(np.clip((height_px - 70) // SLOT, 4, 40))


class NetworkDiagramView(View):
    """Columns of neurons (input, hidden layers, output); click a hidden neuron to select it,
    an output neuron to explain that digit."""

    digitClicked = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.caption = QLabel("Draw a digit or pick a test image to see the network at work.")
        self.caption.setWordWrap(True)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.ci.setContentsMargins(0, 0, 0, 0)
        self.box = self.canvas.addViewBox(invertY=True, enableMouse=False)
        self.box.setMenuEnabled(False)
        self.canvas.setToolTip("")
        self.edges = {}
        for sign, rgb in (("+", POSITIVE), ("-", NEGATIVE)):
            for width in WIDTHS:
                curve = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen((*rgb, 150), width=width))
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
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        self._model: MLP | None = None
        self._x: np.ndarray | None = None
        self._source = ""
        self._positions: dict[tuple[int, int], tuple[float, float]] = {}
        self._values: dict[tuple[int, int], float] = {}
        session.unitSelected.connect(lambda layer, unit: self._mark_selected())

    # -- the View interface

    def update_from(self, snapshot) -> None:
        self._model = snapshot.model
        self.redraw()

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
        model, x = self._model, self._x
        for curve in self.edges.values():
            curve.setData([], [])
        if model is None or x is None or len(x) != model.sizes[0]:
            self.nodes.setData([])
            self.ring.setData([])
            self._set_texts([])
            self._positions, self._values = {}, {}
            self.caption.setText("Draw a digit or pick a test image to see the network at work."
                                 if model is not None else "Train or open a model to see its diagram.")
            return
        with np.errstate(all="ignore"):
            tr = explain.trace(model, x)
        acts = [a[0] for a in tr.acts]
        cap = self.capacity()
        shown = [explain.most_active(a, cap) for a in acts[:-1]]
        shown.append(np.arange(len(acts[-1])) if len(acts[-1]) <= cap else explain.most_active(acts[-1], cap))
        n_cols = len(acts)
        xs, ys, brushes, data = [], [], [], []
        positions, values, texts = {}, {}, []
        for col, (a, idx) in enumerate(zip(acts, shown)):
            top = (cap - len(idx)) / 2
            vals = a[idx]
            finite = vals[np.isfinite(vals)]
            lo, hi = (0.0, 1.0) if col in (0, n_cols - 1) else explain_levels(model, finite)
            codes = np.clip(np.nan_to_num((vals - lo) / max(hi - lo, 1e-12)) * 63, 0, 63).astype(int)
            for k, (unit, code) in enumerate(zip(idx, codes)):
                pos = (float(col), top + k)
                positions[col, int(unit)] = pos
                values[col, int(unit)] = float(a[unit])
                xs.append(pos[0])
                ys.append(pos[1])
                brushes.append(self._lut[code])
                data.append((col, int(unit)))
            name = ("input" if col == 0 else "output" if col == n_cols - 1 else f"hidden {col}")
            texts.append((f"{name}\n{len(a)}", col, -1.6, (0.5, 0.5)))
            if len(a) > len(idx):
                texts.append((f"+{len(a) - len(idx)} more", col, top + len(idx) + 0.2, (0.5, 0)))
        for d, (xy, p) in enumerate(zip((positions[n_cols - 1, int(u)] for u in shown[-1]), acts[-1][shown[-1]])):
            texts.append((f"{int(shown[-1][d])}: {100 * p:.1f}%", xy[0] + 0.12, xy[1], (0, 0.5)))
        self.nodes.setData(x=xs, y=ys, brush=brushes, data=data)
        self._positions, self._values = positions, values
        self._draw_edges(model, acts, shown)
        self._set_texts(texts)
        self.box.setRange(xRange=(-0.3, n_cols - 0.3), yRange=(-2.4, cap + 1.6), padding=0)
        self._mark_selected()
        best = int(np.argmax(acts[-1]))
        self.caption.setText(f"Each column is a layer, each circle a neuron coloured by its activation "
                             f"(brighter: more active); the {cap} most active of each layer are shown. "
                             f"Lines: the strongest contributions a·w into the next layer (red raises, "
                             f"blue lowers; thicker: larger). The network reads <b>{best}</b>.")

    def _draw_edges(self, model: MLP, acts: list[np.ndarray], shown: list[np.ndarray]) -> None:
        segs: dict[tuple[str, float], list[np.ndarray]] = {key: [] for key in self.edges}
        parts = []
        for col in range(len(model.layers)):
            src, dst = shown[col], shown[col + 1]
            c = acts[col][src][:, None] * model.layers[col].W[np.ix_(src, dst)]
            c = np.nan_to_num(c)
            k = min(c.shape[0], EDGES_PER_UNIT)
            # the k strongest incoming edges of every shown unit
            rows = np.argpartition(-np.abs(c), k - 1, axis=0)[:k] if k < c.shape[0] else \
                np.broadcast_to(np.arange(c.shape[0])[:, None], c.shape)
            cols = np.broadcast_to(np.arange(c.shape[1]), rows.shape)
            strength = c[rows, cols].ravel()
            parts.append((col, src[rows.ravel()], dst[cols.ravel()], strength))
        top = max((float(np.abs(p[3]).max()) for p in parts if p[3].size), default=0.0)
        if top <= 0:
            return
        for col, s_units, d_units, strength in parts:
            bucket = np.minimum((np.abs(strength) / top * len(WIDTHS)).astype(int), len(WIDTHS) - 1)
            keep = np.abs(strength) > 0.02 * top
            for s, d, v, b in zip(s_units[keep], d_units[keep], strength[keep], bucket[keep]):
                x0, y0 = self._positions[col, int(s)]
                x1, y1 = self._positions[col + 1, int(d)]
                segs["+" if v > 0 else "-", WIDTHS[b]].append(np.array([[x0, y0], [x1, y1]]))
        for key, curve in self.edges.items():
            if segs[key]:
                pts = np.concatenate(segs[key])
                curve.setData(pts[:, 0], pts[:, 1])

    def _set_texts(self, texts: list[tuple[str, float, float, tuple[float, float]]]) -> None:
        while len(self.texts) < len(texts):
            item = pg.TextItem(color="#333")
            self.box.addItem(item)
            self.texts.append(item)
        for item, (text, x, y, anchor) in zip(self.texts, texts):
            item.setText(text)
            item.setAnchor(anchor)
            item.setPos(x, y)
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
        col, unit = data
        value = self._values.get((col, unit), float("nan"))
        model = self._model
        if col == 0:
            side = int(round(np.sqrt(model.sizes[0]))) if model else 28
            return f"pixel row {unit // side}, column {unit % side}: {value:.3f}"
        if model is not None and col == len(model.layers):
            return f"digit {unit}: probability {value:.4f} (click to explain it)"
        return f"hidden layer {col}, unit {unit + 1}: activation {value:.4g} (click to inspect)"

    def _clicked(self, item, points, ev=None) -> None:
        if not len(points) or self._model is None:
            return
        col, unit = points[0].data()
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
