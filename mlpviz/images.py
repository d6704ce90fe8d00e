"""Reading image files into grayscale arrays, through Qt's QImage (no display needed)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage, QImageReader

from .core.errors import ImageError

__all__ = ["ImageError", "qimage_to_gray", "read_gray"]

MAX_PIXELS = 100_000_000  # a 10,000 x 10,000 picture; anything larger is refused, not loaded


def qimage_to_gray(image: QImage) -> np.ndarray:
    """A QImage -> (H, W) float32 gray levels in [0, 1].

    If the image is partly transparent, its opacity is the ink (a stroke on a transparent
    sheet reads the same whatever its colour).
    """
    if image.hasAlphaChannel():
        alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
        a = _bits(alpha, np.uint8)
        if a.min() < 255:
            return a * np.float32(1 / 255)
    gray = image.convertToFormat(QImage.Format.Format_Grayscale16)
    return _bits(gray, np.uint16) * np.float32(1 / 65535)


def _bits(image: QImage, dtype) -> np.ndarray:
    itemsize = np.dtype(dtype).itemsize
    buf = np.frombuffer(image.constBits(), dtype, count=image.bytesPerLine() * image.height() // itemsize)
    return buf.reshape(image.height(), -1)[:, :image.width()].copy()


def read_gray(path: str | Path) -> np.ndarray:
    """Read PNG, JPEG, BMP, PGM (and whatever else Qt reads) -> (H, W) float32 in [0, 1]."""
    path = Path(path)
    if not path.is_file():
        raise ImageError(f"{path}: file not found")
    QImageReader.setAllocationLimit(1024)  # MB; Qt's default of 256 refuses 8000x8000 RGBA
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise ImageError(f"{path}: {size.width()}x{size.height()} is too large "
                         f"(at most {MAX_PIXELS:,} pixels)")
    image = reader.read()
    if image.isNull():
        raise ImageError(f"{path}: not a readable image ({reader.errorString()})")
    return qimage_to_gray(image)
