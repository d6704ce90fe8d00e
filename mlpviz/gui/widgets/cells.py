"""An image made of cells (the tiles of a mosaic, the units of a layer, a grid of digits) that
says which cell the mouse is over or has clicked."""
from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal


class CellImage(pg.ImageItem):
    hovered = Signal(int)  # cell under the mouse, -1 when none
    clicked = Signal(int)  # cell under a left click

    def __init__(self, cell_at: Callable[[float, float], int] | None = None, hover: bool = False):
        super().__init__()
        if cell_at is not None:
            self.cell_at = cell_at
        self.setAcceptHoverEvents(hover)

    def cell_at(self, x: float, y: float) -> int:
        """The cell at image coordinates (x, y), -1 for none."""
        return -1

    def hoverEvent(self, ev):
        self.hovered.emit(-1 if ev.isExit() else self.cell_at(ev.pos().x(), ev.pos().y()))

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            cell = self.cell_at(ev.pos().x(), ev.pos().y())
            if cell >= 0:
                self.clicked.emit(cell)
                ev.accept()
