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


def mosaic_layout(units: int) -> tuple[int, int]:
    """(rows, cols) of a near-square grid, a little wider than tall."""
    cols = max(1, math.ceil(math.sqrt(units * 1.3)))
    return math.ceil(units / cols), cols


def tile(W: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """W (n_pixels, units) -> mosaic (rows*(h+GAP)-GAP, cols*(w+GAP)-GAP) with NaN gaps."""
    h, w = shape
    rows, cols = mosaic_layout(W.shape[1])
    out = np.full((rows * (h + GAP) - GAP, cols * (w + GAP) - GAP), np.nan, np.float32)
    for u in range(W.shape[1]):
        r, c = divmod(u, cols)
        out[r * (h + GAP):r * (h + GAP) + h, c * (w + GAP):c * (w + GAP) + w] = W[:, u].reshape(h, w)
    return out


def finite_limit(a: np.ndarray) -> float:
    """The largest finite magnitude in a (1 if none), for symmetric colour levels."""
    finite = np.abs(a[np.isfinite(a)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


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
        self.lut = self.cmap.getLookupTable(nPts=256, alpha=True)
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
        self.mosaic.setImage(self._colour(tile(W, image_shape), self._limit), autoLevels=False)
        self.title.setText(f"First-layer weights: {W.shape[1]} hidden units, one {image_shape[0]}x"
                           f"{image_shape[1]} tile each")
        self.scale.setText(f"colour scale: blue -{self._limit:.3g}, white 0, red +{self._limit:.3g}")
        self._show_big()
        self._describe()

    def _colour(self, img: np.ndarray, limit: float) -> np.ndarray:
        """Values in [-limit, limit] -> RGBA through the diverging map; NaN gaps in grey."""
        idx = np.clip((np.nan_to_num(img, nan=0.0) / limit + 1) * 127.5, 0, 255).astype(np.uint8)
        rgba = self.lut[idx]
        rgba[np.isnan(img)] = GAP_RGBA
        return rgba

    def _show_big(self) -> None:
        if self._W is not None:
            unit = self._W[:, self._selected].reshape(self._shape)
            lim = finite_limit(unit)
            self.big.setImage(self._colour(unit, lim), autoLevels=False)

    def _describe(self) -> None:
        if self._W is None:
            return
        shown = self._hovered if self._hovered >= 0 else self._selected
        col = self._W[:, shown]
        verb = "pointing at" if self._hovered >= 0 else "selected:"
        self.info.setText(f"{verb} unit {shown + 1} of {self._W.shape[1]}\n"
                          f"weights from {col.min():+.3f} to {col.max():+.3f}")
