"""First-layer weights as images: one 28x28 tile per hidden unit, in one ImageItem."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import style

GAP = 1  # pixels between tiles
GAP_RGBA = (120, 120, 120, 255)
COLOURS = 255  # colour-map entries; code 255 is the gap between tiles


def mosaic_layout(units: int, wide: float = 1.3) -> tuple[int, int]:
    """(rows, cols) of a grid for `units` cells, about `wide` times as many columns as rows."""
    cols = max(1, math.ceil(math.sqrt(units * wide)))
    return math.ceil(units / cols), cols


def tile(a: np.ndarray, shape: tuple[int, int], fill) -> np.ndarray:
    """a (n_pixels, units) -> mosaic (rows*(h+GAP)-GAP, cols*(w+GAP)-GAP), gaps set to fill."""
    (h, w), units = shape, a.shape[1]
    rows, cols = mosaic_layout(units)
    tiles = np.full((rows * cols, h, w), fill, a.dtype)
    tiles[:units] = a.T.reshape(units, h, w)
    out = np.full((rows, h + GAP, cols, w + GAP), fill, a.dtype)
    out[:, :h, :, :w] = tiles.reshape(rows, cols, h, w).transpose(0, 2, 1, 3)
    return out.reshape(rows * (h + GAP), cols * (w + GAP))[:-GAP, :-GAP]


def finite_limit(a: np.ndarray) -> float:
    """The largest finite magnitude in a (1 if none), for symmetric colour levels."""
    limit = max(-float(a.min()), float(a.max())) if a.size else 0.0
    if not np.isfinite(limit):  # a diverged network: look past its infinities and NaNs
        finite = np.abs(a[np.isfinite(a)])
        limit = float(finite.max()) if finite.size else 0.0
    return limit if limit > 0 else 1.0


def colour_codes(a: np.ndarray, limit: float) -> np.ndarray:
    """Values in [-limit, limit] -> uint8 codes 0..COLOURS-1 (0 for NaN), the middle one for 0:
    indices into the colour table."""
    half = (COLOURS - 1) / 2
    codes = np.multiply(a, half / limit, dtype=np.float32)
    codes += half
    np.rint(codes, out=codes)  # ties to even: -x and +x land as far from the middle
    np.fmax(codes, 0, out=codes)  # fmax, unlike clip, also turns NaN into 0
    np.fmin(codes, COLOURS - 1, out=codes)
    return codes.astype(np.uint8)


class _Mosaic(pg.ImageItem):
    hovered = Signal(int)  # unit under the mouse, -1 when none
    clicked = Signal(int)

    def __init__(self):
        super().__init__()
        self.unit_at = lambda x, y: -1
        self.setAcceptHoverEvents(True)

    def hoverEvent(self, ev):
        self.hovered.emit(-1 if ev.isExit() else self.unit_at(ev.pos().x(), ev.pos().y()))

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            unit = self.unit_at(ev.pos().x(), ev.pos().y())
            if unit >= 0:
                self.clicked.emit(unit)
                ev.accept()


class WeightsPanel(QWidget):
    """The mosaic of W1's columns and, beside it, one unit shown large."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cmap = pg.colormap.get(style.WEIGHTS_CMAP)
        lut = np.vstack([self.cmap.getLookupTable(nPts=COLOURS, alpha=True), GAP_RGBA]).astype(np.uint8)
        self._rgba = lut.view(np.uint32).ravel()  # one 4-byte word per colour: one fast lookup
        self.view = pg.GraphicsLayoutWidget()
        self.view.ci.setContentsMargins(2, 2, 2, 2)
        self.box = self.view.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.mosaic = _Mosaic()
        self.box.addItem(self.mosaic)
        self.mosaic.unit_at = self._unit_at
        self.mosaic.hovered.connect(self._hover)
        self.mosaic.clicked.connect(self.select)
        self.mosaic.setToolTip("Each tile: the weights from every pixel into one hidden unit. "
                               "Red: positive, blue: negative. Click a tile to see it large.")

        self.big_view = pg.GraphicsLayoutWidget()
        self.big_view.setFixedSize(170, 170)
        self.big_box = self.big_view.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.big = pg.ImageItem()
        self.big_box.addItem(self.big)
        self.title = QLabel("First-layer weights")
        self.title.setStyleSheet("font-weight: bold")
        self.info = QLabel("Train or open a model to see its weights.")
        self.info.setWordWrap(True)
        self.scale = QLabel()
        self.scale.setWordWrap(True)
        self.scale.setStyleSheet("color: #555")

        side = QVBoxLayout()
        side.addWidget(self.big_view)
        side.addWidget(self.info)
        side.addWidget(self.scale)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        self._W: np.ndarray | None = None
        self._shape = (28, 28)
        self._selected = 0
        self._hovered = -1

    def _unit_at(self, x: float, y: float) -> int:
        if self._W is None:
            return -1
        h, w = self._shape
        rows, cols = mosaic_layout(self._W.shape[1])
        c, r = int(x // (w + GAP)), int(y // (h + GAP))
        inside = x % (w + GAP) < w and y % (h + GAP) < h and 0 <= c < cols and 0 <= r < rows
        unit = r * cols + c
        return unit if inside and unit < self._W.shape[1] else -1

    def _hover(self, unit: int) -> None:
        self._hovered = unit
        self._describe()

    def select(self, unit: int) -> None:
        self._selected = unit
        self._show_big()
        self._describe()

    def clear(self) -> None:
        self._W = None
        self.mosaic.clear()
        self.big.clear()
        self.info.setText("Train or open a model to see its weights.")
        self.scale.setText("")

    def set_weights(self, W: np.ndarray, image_shape: tuple[int, int]) -> None:
        """Show W (n_pixels, units): the first layer's weights."""
        if self._W is None or W.shape != self._W.shape:
            self._selected = min(self._selected, W.shape[1] - 1)
        self._W, self._shape = W, image_shape
        self._limit = finite_limit(W)
        codes = tile(colour_codes(W, self._limit), image_shape, fill=COLOURS)
        self.mosaic.setImage(self._colour(codes), autoLevels=False)
        self.title.setText(f"First-layer weights: {W.shape[1]} hidden units, one {image_shape[0]}x"
                           f"{image_shape[1]} tile each")
        self.scale.setText(f"colour scale: blue -{self._limit:.3g}, white 0, red +{self._limit:.3g}")
        self._show_big()
        self._describe()

    def _colour(self, codes: np.ndarray) -> np.ndarray:
        """uint8 codes (h, w) -> RGBA image (h, w, 4)."""
        return self._rgba.take(codes).view(np.uint8).reshape(*codes.shape, 4)

    def _show_big(self) -> None:
        if self._W is not None:
            unit = self._W[:, self._selected].reshape(self._shape)
            lim = finite_limit(unit)
            self.big.setImage(self._colour(colour_codes(unit, lim)), autoLevels=False)

    def _describe(self) -> None:
        if self._W is None:
            return
        shown = self._hovered if self._hovered >= 0 else self._selected
        col = self._W[:, shown]
        verb = "pointing at" if self._hovered >= 0 else "selected:"
        self.info.setText(f"{verb} unit {shown + 1} of {self._W.shape[1]}\n"
                          f"weights from {col.min():+.3f} to {col.max():+.3f}")
