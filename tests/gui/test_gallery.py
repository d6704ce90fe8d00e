"""The thumbnail gallery: at most `limit` images, in order, and a click reports the index."""
import numpy as np
from PySide6.QtCore import Qt

from mlpviz.gui.widgets.gallery import Gallery, digit_pixmap


def test_gallery_shows_at_most_its_limit_in_order_and_reports_clicks(qtbot, small):
    g = Gallery(limit=25)
    qtbot.addWidget(g)
    g.resize(600, 400)
    g.show()
    idx = np.arange(999, 959, -1)  # 40 indices, shown in the order given
    images = small.x_test[:40].reshape(-1, 28, 28) / 255
    assert g.set_images(images, idx, [f"#{i}" for i in idx]) == 25
    assert g.indices() == idx[:25].tolist() and g.item(3).text() == "#996"
    clicked = []
    g.imageClicked.connect(clicked.append)
    qtbot.mouseClick(g.viewport(), Qt.MouseButton.LeftButton, pos=g.visualItemRect(g.item(4)).center())
    assert clicked == [995]
    assert g.set_images(images[:0], [], []) == 0 and g.count() == 0


def test_a_long_gallery_fills_in_later_turns_of_the_event_loop(qtbot, small, turns):
    g = Gallery(limit=30, first=8)
    qtbot.addWidget(g)
    images = small.x_test[:40].reshape(-1, 28, 28) / 255
    assert g.set_images(images, np.arange(40), [str(i) for i in range(40)]) == 30
    assert g.count() == 8 and g.indices() == list(range(30))  # the rest is on its way
    qtbot.waitUntil(lambda: g.count() == 30, timeout=2000)
    assert [g.item(i).text() for i in range(30)] == [str(i) for i in range(30)]
    assert g.set_images(images, np.arange(40), [str(i) for i in range(40)]) == 30 and g.count() == 8  # filling again
    g.set_images(images[:3], [7, 8, 9], ["a", "b", "c"])  # a new set replaces a filling one
    turns(5)  # the turns in which the old set would have gone on filling
    assert g.count() == 3 and g.indices() == [7, 8, 9]


def test_each_caption_line_fits_its_cell(qtbot, small):
    """An item as narrow as its image wrapped "6→4 100%" and elided the line under it."""
    g = Gallery(limit=10)
    qtbot.addWidget(g)
    g.resize(600, 300)
    g.show()
    images = small.x_test[:3].reshape(-1, 28, 28) / 255
    captions = ["6→4 100%\n#1234", "7→2 99%\n#5", "숫자 8로 읽음 100%\n#9"]
    g.set_images(images, [0, 1, 2], captions)
    metrics = g.fontMetrics()
    widest = max(metrics.horizontalAdvance(line) for c in captions for line in c.split("\n"))
    assert g.gridSize().width() >= widest + 8
    assert all(g.visualItemRect(g.item(i)).width() >= widest for i in range(3))
    g.set_images(images, [0, 1, 2], ["1", "2", "3"])  # short captions: the image sets the width
    assert g.gridSize().width() == 28 * g.zoom + 40


def test_digit_pixmap_is_dark_ink_on_white():
    digit = np.zeros((28, 28), np.float32)
    digit[10:18, 13:15] = 1.0
    image = digit_pixmap(digit, zoom=2).toImage()
    assert (image.width(), image.height()) == (56, 56)
    assert image.pixelColor(0, 0).lightness() == 255 and image.pixelColor(27, 28).lightness() == 0


def test_a_refresh_with_the_same_images_makes_no_thumbnail_again(qtbot, small, monkeypatch):
    from mlpviz.gui.widgets import gallery as module
    made = []
    real = module.digit_pixmap
    monkeypatch.setattr(module, "digit_pixmap", lambda pixels, zoom=2: made.append(1) or real(pixels, zoom))
    g = Gallery(first=100)
    qtbot.addWidget(g)
    images = small.x_test[:30].reshape(-1, 28, 28) / 255
    g.set_images(images, np.arange(30), [f"{i}" for i in range(30)])
    assert len(made) == 30
    g.set_images(images[::-1], np.arange(30)[::-1], [f"{i}\nnew caption" for i in range(30)])  # the next epoch
    assert len(made) == 30 and g.item(0).data(Qt.ItemDataRole.UserRole) == 29
    g.set_images(1 - images[:5], np.arange(5), ["changed"] * 5)  # other pixels under the same index
    assert len(made) == 35
