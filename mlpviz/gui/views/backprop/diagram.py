"""A small diagram of the network beside the cards: one column of units per layer (at most CAP
drawn, those the gradient flows through most), lit where the current card computes: its layers'
units coloured by its values, the weights it uses drawn as edges."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtGui import QBrush, QColor, QFont

from ....core.backprop import Card, Walkthrough
from ... import style
from ...widgets.mosaic import finite_limit
from .values import largest

CAP = 12  # units drawn per layer
EDGES_PER_UNIT = 3  # strongest incoming edges lit per drawn unit
POSITIVE, NEGATIVE = (214, 39, 40), (31, 119, 180)
IDLE_BRUSH, IDLE_PEN = QBrush(QColor(225, 225, 225)), pg.mkPen("#bbb", width=0.8)
LIT_PEN = pg.mkPen("#222", width=1.2)
SHADES = 64


def edge_terms(card: Card, walk: Walkthrough) -> np.ndarray:
    """What each weight into layer card.edges does on this card (n_{l-1}, n_l): the terms z·W that
    a sums, the terms δ·W that dz (or dx) sums, the gradient or update itself, else the weights."""
    l = card.edges
    ins = walk.ins
    W = ins.network.layers[l - 1].W
    if card.kind == "a":
        return ins.z[l - 1][:, None] * W
    if card.kind in ("dz", "dx"):
        return W * walk.card(card.sources[0]).value[0][None, :]
    if card.kind in ("dW", "W"):
        return card.value
    return W


class CardDiagram(pg.GraphicsLayoutWidget):
    """The network's layers side by side; light(card) shows what the card involves."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ci.setContentsMargins(0, 0, 0, 0)
        self.box = self.addViewBox(enableMouse=False, invertY=True)
        self.box.setMenuEnabled(False)
        self.idle_edges = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(150, 150, 150, 40))
        self.box.addItem(self.idle_edges)
        self.lit_edges = {}
        for sign, rgb in (("+", POSITIVE), ("-", NEGATIVE)):
            for width in (1.0, 2.5):
                curve = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(rgb, width=width))
                self.box.addItem(curve)
                self.lit_edges[sign, width] = curve
        self.nodes = pg.ScatterPlotItem(size=9, pxMode=True)
        self.box.addItem(self.nodes)
        self.texts: list[pg.TextItem] = []
        self._font = QFont()
        self._font.setPointSizeF(max(self._font.pointSizeF() - 1.5, 7.0))
        self.brushes = {key: [QBrush(QColor(*c)) for c in pg.colormap.get(name).getLookupTable(nPts=SHADES,
                                                                                               alpha=False)]
                        for key, name in ((True, style.WEIGHTS_CMAP), (False, style.ACTIVATION_CMAP))}
        self.shown: list[np.ndarray] = []  # per layer, the units drawn (top to bottom)
        self._sizes: tuple = ()
        self._ys: list[np.ndarray] = []

    def sizeHint(self) -> QSize:
        return QSize(400, 84)

    def set_walkthrough(self, walk: Walkthrough) -> None:
        """Choose the units drawn (per layer the largest gradients: |dx|, |da_l|, all outputs) and
        lay the columns out."""
        ins, L = walk.ins, walk.L
        scores = [np.abs(ins.dx), *(np.abs(ins.da[l]) for l in range(1, L)), np.abs(ins.dy)]
        self.shown = [np.sort(largest(s, CAP)) if len(s) > CAP else np.arange(len(s)) for s in scores]
        self._ys = [np.arange(len(idx)) - (len(idx) - 1) / 2 for idx in self.shown]
        sizes = ins.network.sizes
        if sizes != self._sizes:
            self._sizes = sizes
            names = ["x", *(f"z{l}" for l in range(1, L)), "y"]
            texts = [(f"{name} ({n})", l, -CAP / 2 - 1.2) for l, (name, n) in enumerate(zip(names, sizes))]
            self._set_texts(texts)
            self.box.setRange(xRange=(-0.5, L + 0.5), yRange=(-CAP / 2 - 2.6, CAP / 2 + 0.2), padding=0)
        xs = np.concatenate([np.full(len(idx), l, float) for l, idx in enumerate(self.shown)])
        ys = np.concatenate(self._ys)
        self.nodes.setData(x=xs, y=ys)
        segs = []
        for l in range(L):
            a, b = np.meshgrid(self._ys[l], self._ys[l + 1], indexing="ij")
            segs.append(np.stack([np.full(a.size, l), a.ravel(), np.full(a.size, l + 1), b.ravel()], 1))
        pts = np.concatenate(segs).reshape(-1, 2)
        self.idle_edges.setData(pts[:, 0], pts[:, 1])

    def light(self, card: Card, walk: Walkthrough) -> None:
        """Colour the units of card.units by the card's values (where they are one per unit), else
        mark them; draw the strongest terms of the weights into layer card.edges."""
        v = card.value
        per_unit = v.ndim >= 1 and v.size == self._sizes[card.layer] and (v.ndim == 1 or v.shape[0] == 1)
        brushes, pens = [], []
        for l, idx in enumerate(self.shown):
            if l not in card.units:
                brushes += [IDLE_BRUSH] * len(idx)
                pens += [IDLE_PEN] * len(idx)
                continue
            pens += [LIT_PEN] * len(idx)
            if per_unit and l == card.layer:
                vals = np.reshape(v, -1)[idx]
                diverging = card.phase in ("backward", "update") or bool(np.nanmin(vals, initial=0) < 0)
                lim = finite_limit(vals)
                lo = -lim if diverging else 0.0
                codes = np.clip(np.nan_to_num((vals - lo) / (lim - lo) * (SHADES - 1)), 0, SHADES - 1).astype(int)
                brushes += [self.brushes[diverging][c] for c in codes]
            else:
                brushes += [pg.mkBrush(style.ACCENT)] * len(idx)
        self.nodes.setBrush(brushes)
        self.nodes.setPen(pens)
        self._light_edges(card, walk)

    def _light_edges(self, card: Card, walk: Walkthrough) -> None:
        segs: dict = {key: [] for key in self.lit_edges}
        if card.edges is not None:
            l = card.edges
            src, dst = self.shown[l - 1], self.shown[l]
            terms = np.nan_to_num(edge_terms(card, walk)[np.ix_(src, dst)])
            k = min(EDGES_PER_UNIT, len(src))
            rows = np.argsort(-np.abs(terms), axis=0, kind="stable")[:k]
            cols = np.broadcast_to(np.arange(len(dst)), rows.shape)
            strength = terms[rows, cols].ravel()
            top = float(np.abs(strength).max()) if strength.size else 0.0
            y0, y1 = self._ys[l - 1][rows.ravel()], self._ys[l][cols.ravel()]
            pts = np.stack([np.full(y0.size, l - 1.0), y0, np.full(y0.size, float(l)), y1], 1)
            if top > 0:
                strong = np.abs(strength) >= top / 2
                keep = np.abs(strength) > top * 0.02
                for sign, mask in (("+", strength > 0), ("-", strength < 0)):
                    segs[sign, 1.0].append(pts[keep & mask & ~strong])
                    segs[sign, 2.5].append(pts[keep & mask & strong])
        for key, curve in self.lit_edges.items():
            pts = np.concatenate(segs[key]).reshape(-1, 2) if segs[key] else np.zeros((0, 2))
            curve.setData(pts[:, 0], pts[:, 1])

    def _set_texts(self, texts: list[tuple[str, float, float]]) -> None:
        while len(self.texts) < len(texts):
            item = pg.TextItem(color="#333", anchor=(0.5, 0.5))
            item.setFont(self._font)
            self.box.addItem(item)
            self.texts.append(item)
        for item, (text, x, y) in zip(self.texts, texts):
            item.setText(text)
            item.setPos(x, y)
            item.setVisible(True)
        for item in self.texts[len(texts):]:
            item.setVisible(False)

    def lit(self) -> tuple[list[int], int | None]:
        """The layers whose units are lit and the layer whose edges are (for tests)."""
        pens = self.nodes.data["pen"]
        lit, start = [], 0
        for l, idx in enumerate(self.shown):
            if len(idx) and pens[start] is LIT_PEN:
                lit.append(l)
            start += len(idx)
        edges = [c for c in self.lit_edges.values() if c.getData()[0] is not None and len(c.getData()[0])]
        layer = int(round(min(float(c.getData()[0].min()) for c in edges))) + 1 if edges else None
        return lit, layer
