"""Texts at the cells of a plot: drawn at the font's size, shrunk to fit rows too small for it."""
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from mlpviz.gui.widgets.cells import CellTexts


def paint_rows(item: CellTexts, row_pixels: float) -> tuple[QImage, int]:
    """Paint item where one data unit is row_pixels tall; the image and the height of its ink."""
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setTransform(QTransform.fromScale(row_pixels, row_pixels))
    item.paint(painter)
    painter.end()
    return image, paint_height(image)


def inked(image: QImage) -> bool:
    return paint_height(image) > 0


def paint_height(image: QImage) -> int:
    rows = [y for y in range(200) if any(image.pixelColor(x, y) != QColor("white") for x in range(200))]
    return rows[-1] - rows[0] + 1 if rows else 0


def test_texts_shrink_to_rows_smaller_than_the_font(qapp):
    item = CellTexts(row_height=1.0)
    item.set_texts([(2.5, 2.5)], ["1120"], ["k"], [(0.5, 0.5)])
    _, natural = paint_rows(item, 60)  # room to spare: the font as it is
    image, small = paint_rows(item, 9)  # a matrix squeezed to 9 px a row
    assert 0 < small <= 0.7 * natural  # digits 9 px tall shrink to fit 9 px rows, leading included
    image, _ = paint_rows(item, 4)  # too small to read: nothing drawn
    assert not inked(image)
    plain = CellTexts()  # without a row height: always the font's size
    plain.set_texts([(2.5, 2.5)], ["1120"], ["k"], [(0.5, 0.5)])
    assert paint_rows(plain, 9)[1] == natural
