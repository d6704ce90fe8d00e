"""A pad to draw a digit on with the mouse, a pen or a finger."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..classes import digits_or_classes

CANVAS = 280  # pixels of the drawing itself, ten per MNIST pixel
BRUSH = 22  # brush diameter in canvas pixels: about MNIST's stroke width


def gray_image(x: np.ndarray, scale: int) -> QImage:
    """(h, w) values in [0, 1] -> an 8-bit gray QImage enlarged `scale` times, pixels kept sharp."""
    img = np.ascontiguousarray(np.kron(np.clip(x, 0, 1) * 255, np.ones((scale, scale))).astype(np.uint8))
    h, w = img.shape
    return QImage(img.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


class DrawPad(QWidget):
    """White ink on black, like MNIST. Emits `changed` during a stroke, not only at its end.

    Besides the picture it keeps the strokes as paths (strokes()), so that a drawing can be
    redrawn at MNIST's pen width whatever size it was drawn at.
    """

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = QImage(CANVAS, CANVAS, QImage.Format.Format_Grayscale8)
        self.image.fill(0)
        self._last: QPointF | None = None
        self._paths: list[list[tuple[float, float]]] = []  # canvas coordinates, one list per stroke
        self._empty = True
        self._sample = False  # showing a test image rather than a drawing
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.placeholder = ""  # painted on the empty pad
        self.set_data(None)

    def set_data(self, data) -> None:
        """Invite a digit while `data` (a Dataset or None) holds the digits 0-9, else any drawing."""
        self.setToolTip(digits_or_classes(
            data, self.tr("Draw a digit here with the mouse. Delete or Escape clears it."),
            self.tr("Draw here with the mouse. Delete or Escape clears it.")))
        self.placeholder = digits_or_classes(data, self.tr("draw a digit here"), self.tr("draw here"))
        self.update()

    def heightForWidth(self, w: int) -> int:
        return w

    def _side(self) -> int:
        return min(self.width(), self.height())

    def _to_canvas(self, pos: QPointF) -> QPointF:
        side = self._side()
        ox, oy = (self.width() - side) / 2, (self.height() - side) / 2
        return QPointF((pos.x() - ox) * CANVAS / side, (pos.y() - oy) * CANVAS / side)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#2b2b2b"))
        side = self._side()
        x, y = (self.width() - side) // 2, (self.height() - side) // 2
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(self.rect().adjusted(x, y, -(self.width() - side - x), -(self.height() - side - y)),
                    self.image)
        if self._empty:
            p.setPen(QColor("#888"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
        p.end()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            if self._sample:  # drawing starts on a clean sheet, not over the test image
                self.image.fill(0)
                self._paths = []
                self._sample = False
            self._last = self._to_canvas(event.position())
            self._paths.append([(self._last.x(), self._last.y())])
            self._stroke(self._last, self._last)

    def mouseMoveEvent(self, event) -> None:
        if self._last is not None and event.buttons() & Qt.MouseButton.LeftButton:
            point = self._to_canvas(event.position())
            if self._paths:
                self._paths[-1].append((point.x(), point.y()))
            self._stroke(self._last, point)
            self._last = point

    def mouseReleaseEvent(self, event) -> None:
        self._last = None

    def _stroke(self, a: QPointF, b: QPointF) -> None:
        p = QPainter(self.image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(255, 255, 255), BRUSH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        if a == b:
            p.drawPoint(a)  # a zero-length line would draw nothing: a click makes a dot
        else:
            p.drawLine(a, b)
        p.end()
        self._empty = False
        self.update()
        self.changed.emit()

    def clear(self) -> None:
        self.image.fill(0)
        self._paths = []
        self._empty = True
        self._sample = False
        self.update()
        self.changed.emit()

    def is_drawing(self) -> bool:
        """True while a stroke is under way (the mouse button is down)."""
        return self._last is not None

    def is_empty(self) -> bool:
        return self._empty

    def set_digit(self, digit: np.ndarray) -> None:
        """Show an (h, w) image in [0, 1] enlarged to the canvas, so it can be drawn over."""
        self.image = gray_image(digit, max(1, CANVAS // max(digit.shape))).scaled(CANVAS, CANVAS)
        self._paths = []
        self._empty = not digit.any()
        self._sample = True
        self.update()

    def strokes(self) -> list[np.ndarray]:
        """The strokes drawn since the last clear, each (k, 2) float64 (x, y) in canvas pixels;
        empty when the pad shows a test image or nothing."""
        return [np.array(p, np.float64) for p in self._paths]

    def pixels(self) -> np.ndarray:
        """The drawing as (CANVAS, CANVAS) uint8, 255 = ink."""
        bits = np.frombuffer(self.image.constBits(), np.uint8, count=self.image.bytesPerLine() * CANVAS)
        return bits.reshape(CANVAS, -1)[:, :CANVAS].copy()
