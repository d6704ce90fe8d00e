"""A card's array drawn with its colour scale: bars for a layer's units, the picture for a row of
pixels, a heat map for a matrix, and for the first layer (784 x units) one 28x28 tile per hidden
unit beside that unit's weights. Says which entry is under the mouse.

Every item is made once; a card only sets data, levels and ticks (stepping must repaint within
a frame, even for 784-256-128-10).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ....core.backprop import Card
from ... import style
from ...classes import digits_or_classes
from ...i18n import arg
from ...widgets.mosaic import finite_limit

TOP_UNITS = 32  # entries of a wide vector, and rows and columns of a matrix, drawn unless "show all"
TOP_TILES = 12  # hidden units drawn as tiles unless "show all"
SHADES = 64  # colours of the bars
GROUP_GAP = 4  # pixels between two units' groups of tiles (1 between the tiles of one unit)
GREYS = "CET-L1"  # black to white: the input as it looks
# the slots of a group of tiles, for what the mouse points at
WEIGHTS, VALUE, CORRECT = "weights", "value", "correct"


def mode_of(card: Card, image_shape: tuple[int, int] | None) -> str:
    """How a card's array is drawn: "scalar", "bars", "image" (a row of pixels), "tiles" (the
    first layer's (pixels, units) matrix, one tile per unit) or "heat" (any other matrix)."""
    v = card.value
    pixels = image_shape is not None and image_shape[0] * image_shape[1]
    if v.ndim == 0:
        return "scalar"
    if v.ndim == 1 or v.shape[0] == 1:
        return "image" if card.layer == 0 and v.size == pixels else "bars"
    return "tiles" if card.layer == 1 and card.kind in ("dW", "W") and v.shape[0] == pixels else "heat"


def signed(card: Card) -> bool:
    """Whether the card is drawn on a diverging scale around 0 (every gradient and update, and
    any array with a value below 0) rather than from 0 up."""
    v = card.value
    return card.phase in ("backward", "update") or bool(np.nanmin(v, initial=0.0) < 0)


def largest(score: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n largest scores (NaN last), largest first."""
    s = np.where(np.isfinite(score), score, -np.inf)
    if n >= len(s):
        return np.argsort(-s, kind="stable")
    idx = np.argpartition(-s, n - 1)[:n]
    return idx[np.argsort(-s[idx], kind="stable")]


def tile_groups(slots: list[np.ndarray], units: np.ndarray, shape: tuple[int, int], cols: int) -> np.ndarray:
    """slots: (n_pixels, n_units) arrays; for each unit, its tiles from every slot side by side as
    one group, groups on a grid `cols` wide, NaN between -> float32 (H, W)."""
    (h, w), g, k = shape, len(slots), len(units)
    rows = max(1, -(-k // cols))
    gw = g * (w + 1) - 1
    out = np.full((rows, h + GROUP_GAP, cols, gw + GROUP_GAP), np.nan, np.float32)
    for s, a in enumerate(slots):
        block = np.full((rows * cols, h, w), np.nan, np.float32)
        block[:k] = a[:, units].T.reshape(k, h, w)
        out[:, :h, :, s * (w + 1):s * (w + 1) + w] = block.reshape(rows, cols, h, w).transpose(0, 2, 1, 3)
    return out.reshape(rows * (h + GROUP_GAP), cols * (gw + GROUP_GAP))[:-GROUP_GAP, :-GROUP_GAP]


def group_cols(k: int, group: tuple[int, int], avail: tuple[float, float]) -> int:
    """Groups per row for k groups of (h, w) pixels that draws them largest in (width, height)."""
    (h, w), (aw, ah) = group, avail
    best, best_scale = 1, -1.0
    for cols in range(1, max(k, 1) + 1):
        rows = -(-k // cols)
        scale = min(aw / (cols * (w + GROUP_GAP)), ah / (rows * (h + GROUP_GAP)))
        if scale > best_scale:
            best, best_scale = cols, scale
    return best


class ValuesPlot(pg.GraphicsLayoutWidget):
    """One card's values and a colour bar. hovered: (index into the card's value, slot) of the
    entry under the mouse (slot WEIGHTS, VALUE or CORRECT), or None."""

    hovered = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data = None  # the Dataset: its output units are digits or classes (BackpropView.set_data)
        self.ci.setContentsMargins(2, 2, 2, 2)
        self.plot = self.addPlot()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        # fixed room for the axes: a tick label growing would lay the whole plot out again
        self.plot.getAxis("left").setWidth(56)
        self.plot.getAxis("bottom").setHeight(36)
        self.image = pg.ImageItem()
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, pen=None)
        self.right = pg.BarGraphItem(x=[], height=[], width=0.4, brush="#bbbbbb", pen=pg.mkPen("#555"))
        self.zero = pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#888"))
        self.number = pg.TextItem(anchor=(0.5, 0.5), color="#222")
        font = QFont()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.number.setFont(font)
        for item in (self.image, self.bars, self.right, self.zero, self.number):
            self.plot.addItem(item)
        self.maps = {True: pg.colormap.get(style.WEIGHTS_CMAP), False: pg.colormap.get(style.ACTIVATION_CMAP),
                     GREYS: pg.colormap.get(GREYS)}
        self.brushes = {key: [QBrush(QColor(*c)) for c in m.getLookupTable(nPts=SHADES, alpha=False)]
                        for key, m in self.maps.items()}
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=self.maps[True], interactive=False, width=12,
                                        colorMapMenu=False)
        self.colorbar.setImageItem(self.image)
        self.addItem(self.colorbar)
        self.scene().sigMouseMoved.connect(self._moved)
        self.legend = ""  # what is drawn, for a caption: which units, which scale
        self._mode = ""
        self._key: tuple = ()  # the last axis set-up: labels and ticks are costly to lay out again
        self._map: object = None
        self._hit: dict = {}
        self._last: object = None

    def sizeHint(self) -> QSize:
        return QSize(400, 220)  # not pyqtgraph's 480 high: a short tab scrolls from the smallest height up

    @property
    def mode(self) -> str:
        """How the current card is drawn: see mode_of."""
        return self._mode

    # -- drawing

    def show_card(self, card: Card, correct: np.ndarray | None = None, weights: np.ndarray | None = None,
                  image_shape: tuple[int, int] | None = None, show_all: bool = False) -> None:
        """Draw card.value; correct: what the right formula gives (a mistake's card), drawn beside
        it; weights: the first layer's (pixels, units), tiled beside its gradient or update."""
        mode = mode_of(card, image_shape)
        is_signed = signed(card)
        key = GREYS if card.kind == "x" else is_signed
        if key != self._map:
            self._map = key
            self.colorbar.setColorMap(self.maps[key])
        self._mode = mode
        draw = {"scalar": self._scalar, "bars": self._bars, "image": self._image, "heat": self._heat,
                "tiles": self._tiles}[mode]
        draw(card, correct, weights, image_shape, show_all, is_signed)
        for item, shown in ((self.image, mode in ("image", "heat", "tiles")), (self.bars, mode == "bars"),
                            (self.right, mode == "bars" and correct is not None), (self.zero, mode == "bars"),
                            (self.number, mode == "scalar")):
            item.setVisible(shown)
        self.colorbar.setVisible(mode != "scalar")
        self._last = None
        # the new range now, not at the paint: there it moves the axes, and they paint a second time
        self.plot.vb.prepareForPaint()

    def _levels(self, values: np.ndarray, is_signed: bool, kind: str) -> tuple[float, float]:
        if kind == "x":
            return 0.0, 1.0
        if is_signed:
            lim = finite_limit(values)
            return -lim, lim
        finite = values[np.isfinite(values)]
        top = float(finite.max()) if finite.size else 1.0
        return 0.0, top if top > 0 else 1.0

    def _axes(self, key: tuple, aspect: bool, invert: bool, bottom: str, left: str,
              bottom_ticks=None, left_ticks=None) -> None:
        if key == self._key:
            return
        self._key = key
        self.plot.setAspectLocked(aspect)
        self.plot.invertY(invert)
        self.plot.setLabel("bottom", bottom)
        self.plot.setLabel("left", left)
        self.plot.getAxis("bottom").setTicks(bottom_ticks)
        self.plot.getAxis("left").setTicks(left_ticks)
        axes = self._mode in ("bars", "heat")  # a picture needs none: the mouse names each entry
        for axis in ("bottom", "left"):
            self.plot.showAxis(axis, axes)

    def _scalar(self, card, correct, weights, image_shape, show_all, is_signed) -> None:
        self._axes(("scalar",), False, False, "", "")
        self.number.setText(f"{card.name} = {float(card.value):.4g}")
        self.number.setPos(0.5, 0.5)
        self.plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self._hit = {}
        self.legend = ""

    def _bars(self, card, correct, weights, image_shape, show_all, is_signed) -> None:
        v = np.asarray(card.value, np.float64).reshape(-1)
        n = len(v)
        ordered = n > TOP_UNITS and not show_all
        units = largest(np.abs(v), TOP_UNITS) if ordered else np.arange(n)
        shown = v[units]
        both = shown if correct is None else np.concatenate([shown, np.reshape(correct, -1)[units]])
        lo, hi = self._levels(both, is_signed, card.kind)
        self.colorbar.setLevels((lo, hi))
        codes = np.clip(np.nan_to_num((shown - lo) / (hi - lo) * (SHADES - 1)), 0, SHADES - 1).astype(int)
        brushes = self.brushes[self._map]
        x = np.arange(len(units), dtype=float)
        heights = np.nan_to_num(shown, posinf=0, neginf=0)
        if correct is None:
            self.bars.setOpts(x=x, height=heights, width=0.8, brushes=[brushes[c] for c in codes])
        else:
            self.bars.setOpts(x=x - 0.2, height=heights, width=0.4, brushes=[brushes[c] for c in codes])
            self.right.setOpts(x=x + 0.2, height=np.nan_to_num(np.reshape(correct, -1)[units]))
        output = card.layer > 0 and n == 10 and card.kind in ("a", "y", "dy", "e", "db", "b")
        unit = digits_or_classes(self.data, self.tr("digit"), self.tr("class")) if output else \
            self.tr("pixel") if card.layer == 0 else self.tr("unit")
        ticks = None
        if ordered or n <= 16:
            # a label every few bars where the labels would run into each other
            room = max(self.plot.vb.width(), 100.0) / len(units)
            every = int(np.ceil(self.fontMetrics().horizontalAdvance("000") * 1.3 / room))
            ticks = [[(i, str(u)) for i, u in enumerate(units) if i % every == 0], []]
        self._axes(("bars", n, ordered, tuple(ticks[0]) if ticks else (), unit, card.name), False,
                   False, arg(self.tr("%1 (largest first)"), unit) if ordered else unit, card.name,
                   ticks, None)
        finite = both[np.isfinite(both)]
        top = max(float(finite.max()), 0.0) if finite.size else 1.0
        bottom = min(float(finite.min()), 0.0) if finite.size else 0.0
        if top == bottom:
            top = bottom + 1.0
        self.plot.setRange(xRange=(-0.6, len(units) - 0.4), yRange=(bottom, top), padding=0.05)
        self._hit = {"units": units, "row": card.value.ndim == 2}
        self.legend = arg(self.tr("the %1 largest of %2, by size"), len(units), n) if ordered else ""

    def _image(self, card, correct, weights, image_shape, show_all, is_signed) -> None:
        h, w = image_shape
        values = np.asarray(card.value, np.float32).reshape(h, w)
        lo, hi = self._levels(values, is_signed, card.kind)
        self.image.setImage(values, autoLevels=False, levels=(lo, hi))
        self.colorbar.setLevels((lo, hi))
        self.image.setRect(0, 0, w, h)
        self._axes(("image",), True, True, "", "")
        self.plot.setRange(xRange=(0, w), yRange=(0, h), padding=0.02)
        self._hit = {"w": w, "h": h}
        self.legend = ""

    def _heat(self, card, correct, weights, image_shape, show_all, is_signed) -> None:
        v = np.asarray(card.value, np.float64)
        rows, cols = np.arange(v.shape[0]), np.arange(v.shape[1])
        cut_rows, cut_cols = v.shape[0] > TOP_UNITS and not show_all, v.shape[1] > TOP_UNITS and not show_all
        with np.errstate(all="ignore"):
            if cut_rows:
                rows = largest(np.linalg.norm(np.nan_to_num(v), axis=1), TOP_UNITS)
            if cut_cols:
                cols = largest(np.linalg.norm(np.nan_to_num(v), axis=0), TOP_UNITS)
        shown = v[np.ix_(rows, cols)].astype(np.float32)
        lo, hi = self._levels(shown, is_signed, card.kind)
        self.image.setImage(shown, autoLevels=False, levels=(lo, hi))
        self.colorbar.setLevels((lo, hi))
        self.image.setRect(0, 0, len(cols), len(rows))

        def ticks(idx: np.ndarray, cut: bool):
            if not cut and len(idx) > 16:
                return None
            every = 1 if len(idx) <= 16 else 4
            return [[(i + 0.5, str(u)) for i, u in enumerate(idx) if i % every == 0], []]

        if card.kind == "J":
            across, down = "j", "i"
        else:
            below = self.tr("input unit") if card.layer > 1 else self.tr("pixel")
            across, down = arg(self.tr("unit of layer %1"), card.layer), below
        self._axes(("heat", v.shape, tuple(rows), tuple(cols), card.kind), False, True, across, down,
                   ticks(cols, cut_cols), ticks(rows, cut_rows))
        self.plot.setRange(xRange=(0, len(cols)), yRange=(0, len(rows)), padding=0.02)
        self._hit = {"rows": rows, "cols": cols}
        self.legend = arg(self.tr("the %1 × %2 largest rows and columns of %3 × %4"), len(rows), len(cols),
                          v.shape[0], v.shape[1]) if cut_rows or cut_cols else ""

    def _tiles(self, card, correct, weights, image_shape, show_all, is_signed) -> None:
        v = np.asarray(card.value, np.float64)
        n = v.shape[1]
        with np.errstate(all="ignore"):
            units = np.arange(n) if show_all or n <= TOP_TILES else \
                largest(np.linalg.norm(np.nan_to_num(v), axis=0), TOP_TILES)
        lim = finite_limit(v[:, units])
        # every slot on its own symmetric scale, drawn in the card's units: the colour bar is the card's
        slots, names, limits = [], [], []
        for name, a in ((WEIGHTS, weights), (VALUE, v), (CORRECT, correct)):
            if a is not None:
                own = finite_limit(np.asarray(a)[:, units])
                slots.append(np.asarray(a, np.float32) * np.float32(lim / own))
                names.append(name)
                limits.append(own)
        h, w = image_shape
        gw = len(slots) * (w + 1) - 1
        box = self.plot.vb.boundingRect()
        avail = (max(box.width(), 200.0), max(box.height(), 150.0))
        cols = group_cols(len(units), (h, gw), avail)
        mosaic = tile_groups(slots, units, (h, w), cols)
        self.image.setImage(mosaic, autoLevels=False, levels=(-lim, lim))
        self.colorbar.setLevels((-lim, lim))
        self.image.setRect(0, 0, mosaic.shape[1], mosaic.shape[0])
        self._axes(("tiles",), True, True, "", "")
        self.plot.setRange(xRange=(0, mosaic.shape[1]), yRange=(0, mosaic.shape[0]), padding=0.01)
        self._hit = {"units": units, "slots": names, "h": h, "w": w, "gw": gw, "cols": cols}
        label = {WEIGHTS: "W1", VALUE: card.name if card.kind == "dW" else self.tr("subtracted"),
                 CORRECT: self.tr("right update")}
        scales = " | ".join(f"{label[s]} ±{m:.2g}" for s, m in zip(names, limits))
        shown = arg(self.tr("%1 of %2 units (largest %3 first)"), len(units), n, card.name) \
            if len(units) < n else arg(self.tr("all %1 units"), n)
        self.legend = arg(self.tr("%1; each tile on its own scale: %2"), shown, scales)

    # -- pointing

    def entry_at(self, x: float, y: float):
        """(index into the card's value, slot) of the drawn entry at plot coordinates (x, y), or None."""
        hit, mode = self._hit, self._mode
        if mode == "scalar":
            return None
        if mode == "bars":
            k = int(round(x))
            if not 0 <= k < len(hit["units"]):
                return None
            u = int(hit["units"][k])
            return ((0, u) if hit["row"] else (u,)), VALUE
        if mode == "image":
            c, r = int(np.floor(x)), int(np.floor(y))
            if not (0 <= c < hit["w"] and 0 <= r < hit["h"]):
                return None
            return (0, r * hit["w"] + c), VALUE
        if mode == "heat":
            c, r = int(np.floor(x)), int(np.floor(y))
            if 0 <= r < len(hit["rows"]) and 0 <= c < len(hit["cols"]):
                return (int(hit["rows"][r]), int(hit["cols"][c])), VALUE
            return None
        h, w, gw, cols = hit["h"], hit["w"], hit["gw"], hit["cols"]
        if x < 0 or y < 0:
            return None
        c, r = int(x // (gw + GROUP_GAP)), int(y // (h + GROUP_GAP))
        ox, oy = int(x % (gw + GROUP_GAP)), int(y % (h + GROUP_GAP))
        s, px = divmod(ox, w + 1)
        cell = r * cols + c
        if c >= cols or oy >= h or ox >= gw or px >= w or s >= len(hit["slots"]) or cell >= len(hit["units"]):
            return None
        return (oy * w + px, int(hit["units"][cell])), hit["slots"][s]

    def _moved(self, pos: QPointF) -> None:
        vb = self.plot.vb
        entry = None
        if self._mode and vb.sceneBoundingRect().contains(pos):
            p = vb.mapSceneToView(pos)
            entry = self.entry_at(p.x(), p.y())
        if entry != self._last:
            self._last = entry
            self.hovered.emit(entry)

    def point_at(self, index: tuple[int, ...], slot: str = VALUE) -> QPointF | None:
        """Where (plot coordinates) entry `index` of the card is drawn in `slot`, or None if it is not
        drawn: the inverse of entry_at, for tests and scripts that point at an entry."""
        hit, mode = self._hit, self._mode
        if mode == "bars":
            where = np.flatnonzero(hit["units"] == index[-1])
            return QPointF(float(where[0]), 0.0) if where.size else None
        if mode == "image":
            r, c = divmod(index[-1], hit["w"])
            return QPointF(c + 0.5, r + 0.5)
        if mode == "heat":
            r, c = np.flatnonzero(hit["rows"] == index[0]), np.flatnonzero(hit["cols"] == index[1])
            return QPointF(c[0] + 0.5, r[0] + 0.5) if r.size and c.size else None
        if mode == "tiles":
            cell = np.flatnonzero(hit["units"] == index[1])
            if not cell.size or slot not in hit["slots"]:
                return None
            r, c = divmod(int(cell[0]), hit["cols"])
            pr, pc = divmod(index[0], hit["w"])
            s = hit["slots"].index(slot)
            return QPointF(c * (hit["gw"] + GROUP_GAP) + s * (hit["w"] + 1) + pc + 0.5,
                           r * (hit["h"] + GROUP_GAP) + pr + 0.5)
        return None
