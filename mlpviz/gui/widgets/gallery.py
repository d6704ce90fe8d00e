"""A grid of small digit thumbnails with captions; clicking one reports its index."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

INDEX_ROLE = Qt.ItemDataRole.UserRole
ICONS_KEPT = 2000  # thumbnails kept for the next refresh (a few MB), forgotten all at once past this


def digit_pixmap(pixels: np.ndarray, zoom: int = 2) -> QPixmap:
    """A grey digit (h, w) in [0, 1] as a pixmap, dark ink on white, zoomed without smoothing."""
    a = np.ascontiguousarray(255 - np.clip(pixels, 0, 1) * 255, dtype=np.uint8)
    h, w = a.shape
    image = QImage(a.data, w, h, w, QImage.Format.Format_Grayscale8)
    return QPixmap.fromImage(image.scaled(w * zoom, h * zoom))  # fromImage copies: `a` may go


class Gallery(QListWidget):
    """Thumbnails of images in a wrapping grid, each with a caption.

    set_images shows at most `limit` of them (the first ones: callers put the most interesting
    first). The first `first` thumbnails (about what the grid shows without scrolling) are made
    at once, the rest `first` at a time in later turns of the event loop, so that filling it
    never holds the GUI thread for long whatever the number of images.
    """

    imageClicked = Signal(int)  # the index given with the clicked image

    def __init__(self, limit: int = 200, zoom: int = 2, first: int = 48, parent: QWidget | None = None):
        super().__init__(parent)
        self.limit, self.zoom, self.first = limit, zoom, first
        self._queue: tuple | None = None  # (images, indices, captions) shown or still to be added
        # Each index's thumbnail with the pixels it was made from: a refresh at every epoch end shows
        # mostly the same test images again, and making their pixmaps was most of its time.
        self._icons: dict[int, tuple[bytes, QIcon]] = {}
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.timeout.connect(lambda: self._add(self.first))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(28 * zoom, 28 * zoom))
        self.setGridSize(self._grid(28, 28))
        self.setWordWrap(False)  # the caption lines break where they say; wrapping would break them at the icon width
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.itemClicked.connect(lambda item: self.imageClicked.emit(int(item.data(INDEX_ROLE))))

    def _grid(self, h: int, w: int, captions=()) -> QSize:
        """A cell: the zoomed image above two caption lines of the font in use (taller in Korean
        fonts), as wide as the widest caption line (a narrower cell wraps it and elides the rest)."""
        metrics = self.fontMetrics()
        text = max((metrics.horizontalAdvance(line) for c in captions for line in c.split("\n")), default=0)
        return QSize(max(w * self.zoom + 40, text + 16), h * self.zoom + 2 * metrics.lineSpacing() + 8)

    def clear(self) -> None:
        self._more.stop()
        self._queue = None
        super().clear()

    def set_images(self, images: np.ndarray, indices, captions: list[str]) -> int:
        """Show images (N, h, w) in [0, 1] with their indices (N,) and captions; returns how many are shown."""
        self.clear()
        n = min(len(images), self.limit)
        if n:
            h, w = images.shape[1:]
            self.setIconSize(QSize(w * self.zoom, h * self.zoom))
            self.setGridSize(self._grid(h, w, captions[:n]))
            self._queue = (images[:n], [int(i) for i in indices[:n]], captions[:n])
            self._add(self.first)
        return n

    def _add(self, k: int) -> None:
        """Add the next k queued thumbnails; schedule the rest."""
        images, indices, captions = self._queue
        start = self.count()
        cell = self.gridSize()  # the item's own size: Qt's hint is the icon's width, which elides a wider caption
        self.setUpdatesEnabled(False)
        try:
            for j in range(start, min(start + k, len(indices))):
                item = QListWidgetItem(self._icon(indices[j], images[j]), captions[j])
                item.setData(INDEX_ROLE, indices[j])
                item.setSizeHint(cell)
                item.setToolTip(captions[j].replace("\n", " "))
                self.addItem(item)
        finally:
            self.setUpdatesEnabled(True)
        if self.count() < len(indices):
            self._more.start()

    def _icon(self, index: int, pixels: np.ndarray) -> QIcon:
        key = pixels.tobytes()
        kept = self._icons.get(index)
        if kept is not None and kept[0] == key:
            return kept[1]
        if len(self._icons) >= ICONS_KEPT:
            self._icons.clear()
        icon = QIcon(digit_pixmap(pixels, self.zoom))
        self._icons[index] = (key, icon)
        return icon

    def indices(self) -> list[int]:
        """The indices of the images shown (or being added), in order."""
        return list(self._queue[1]) if self._queue is not None else []
