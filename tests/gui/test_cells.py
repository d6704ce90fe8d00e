"""Texts at the cells of a plot: drawn at the font's size, shrunk to fit rows too small for it."""
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from mlpviz.gui.widgets.cells import CellTexts


def paint_rows(item: CellTexts, row_pixels: float, column_pixels: float | None = None) -> tuple[QImage, int]:
    """Paint item where one data unit is row_pixels tall (and column_pixels wide, if given, else
    as wide as tall); the image and the height of its ink."""
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setTransform(QTransform.fromScale(column_pixels or row_pixels, row_pixels))
    item.paint(painter)
    painter.end()
    return image, paint_height(image)


def inked(image: QImage) -> bool:
    return paint_height(image) > 0


def paint_width(image: QImage) -> int:
    columns = [x for x in range(200) if any(image.pixelColor(x, y) != QColor("white") for y in range(200))]
    return columns[-1] - columns[0] + 1 if columns else 0


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


def test_centred_texts_shrink_to_columns_narrower_than_they_are(qapp):
    item = CellTexts(row_height=1.0, cell_width=1.0)
    item.set_texts([(1.5, 1.5), (2.5, 1.5)], ["1120", "7"], ["k", "k"], [(0.5, 0.5)] * 2)
    wide, _ = paint_rows(item, 40, 60)
    natural = paint_width(wide)
    assert natural > 2 * 30  # two texts, spread over two 60 px columns
    narrow, _ = paint_rows(item, 40, 24)  # a 4-digit count is wider than 24 px at the font's size
    assert paint_width(narrow) <= 2 * 24  # each stays inside its column: no run-in with its neighbour
    assert inked(narrow)
    image, _ = paint_rows(item, 40, 5)  # too narrow to read: nothing drawn
    assert not inked(image)
    left = CellTexts(row_height=1.0, cell_width=1.0)  # a text anchored at its left is not a cell's: left alone
    left.set_texts([(0.1, 1.5)], ["98.2%"], ["k"], [(0, 0.5)])
    assert paint_width(paint_rows(left, 40, 24)[0]) > 24
