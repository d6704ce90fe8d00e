"""An image made of cells (the tiles of a mosaic, the units of a layer, a grid of digits) that
says which cell the mouse is over or has clicked."""
from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontInfo, QPainter


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


class CellTexts(pg.GraphicsObject):
    """Short texts at points of a plot (a matrix's counts), drawn at the font's size whatever
    the zoom, by one item: a TextItem per cell made a hundred Python paint calls per repaint.

    set_texts(points, texts, colours, anchors): points (x, y) in data coordinates; an anchor
    (ax, ay) places the text as TextItem's does ((0.5, 0.5): centred, (0, 0.5): left, middle).
    `row_height` and `cell_width` (data units) are the room each text has, up and across (across
    for centred texts only: a left-anchored one runs on beside the cells): in a plot drawn too small
    for the font, the texts shrink to fit rather than run into their neighbours, and below 6 px
    they are not drawn at all.
    """

    MIN_PIXELS = 6
    GAP = 2  # device pixels kept free between neighbouring centred texts

    def __init__(self, row_height: float | None = None, cell_width: float | None = None):
        super().__init__()
        self.row_height = row_height
        self.cell_width = cell_width
        self._items: list[tuple] = []
        self._bounds = QRectF()

    def set_texts(self, points, texts, colours, anchors) -> None:
        self.prepareGeometryChange()
        self._items = [(QPointF(x, y), str(t), pg.mkColor(c), a)
                       for (x, y), t, c, a in zip(points, texts, colours, anchors)]
        xs = [p[0] for p in points] or [0.0]
        ys = [p[1] for p in points] or [0.0]
        self._bounds = QRectF(min(xs) - 1, min(ys) - 1, max(xs) - min(xs) + 2, max(ys) - min(ys) + 2)
        self.update()

    def texts(self) -> list[str]:
        return [t for _, t, _, _ in self._items]

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, *args) -> None:
        to_device = painter.transform()
        painter.resetTransform()  # draw in device pixels: the font keeps its size
        metrics = painter.fontMetrics()
        natural = QFontInfo(painter.font()).pixelSize()
        pixels = natural
        if self.row_height is not None:
            room = abs(to_device.map(QPointF(0, self.row_height)).y() - to_device.map(QPointF(0, 0)).y())
            if room < self.MIN_PIXELS:
                return
            if room < metrics.height():
                pixels = max(self.MIN_PIXELS, int(room * metrics.ascent() / metrics.height()))
        if self.cell_width is not None:
            room = abs(to_device.map(QPointF(self.cell_width, 0)).x() - to_device.map(QPointF(0, 0)).x()) - self.GAP
            widest = max((metrics.horizontalAdvance(t) for _, t, _, (ax, _) in self._items if ax == 0.5), default=0)
            if widest > room:
                pixels = min(pixels, int(natural * room / widest))
                if pixels < self.MIN_PIXELS:
                    return
        if pixels < natural:
            font = painter.font()
            font.setPixelSize(pixels)
            painter.setFont(font)
            metrics = painter.fontMetrics()
        for point, text, colour, (ax, ay) in self._items:
            p = to_device.map(point)
            w = metrics.horizontalAdvance(text)
            painter.setPen(colour)
            painter.drawText(QPointF(p.x() - ax * w, p.y() - ay * metrics.height() + metrics.ascent()), text)
