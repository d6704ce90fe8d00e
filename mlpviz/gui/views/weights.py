"""First-layer weights as images: one 28x28 tile per hidden unit, a page of tiles in one ImageItem."""
from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtWidgets import QComboBox, QGraphicsRectItem, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ...core.evaluation import layer_activations
from .. import style
from ..classes import digits_or_classes
from ..i18n import arg
from ..session import Session
from ..widgets.cells import CellImage
from ..widgets.mosaic import COLOURS, GAP, GAP_RGBA, colour_codes, finite_limit, mosaic_layout, order_by, tile, tile_at
from ..widgets.whatsthis import explain as explain_view
from .base import View

SORTS = ("unit number", "weight norm", "activity")  # keys of the orders of the tiles on the pages
SORT_LABELS = (QT_TRANSLATE_NOOP("WeightsView", "unit number"), QT_TRANSLATE_NOOP("WeightsView", "weight norm"),
               QT_TRANSLATE_NOOP("WeightsView", "activity"))
SORT_TIPS = (QT_TRANSLATE_NOOP("WeightsView", "Units in their order in the network."),
             QT_TRANSLATE_NOOP("WeightsView", "Largest weight vector (L2 norm) first: the units that have learned "
                                              "the most."),
             QT_TRANSLATE_NOOP("WeightsView", "Most active first: mean activation on the first test images."))
PAGE_SIZES = (16, 36, 64, 144, 0)  # tiles per page; 0: all of them
DEFAULT_PAGE_SIZE = 64
BIG_PX, SHORT_PX = 170, 340  # the enlarged tile's side, and the view height below which it is drawn smaller
BIG_SHORT_PX = 120  # its side in a short view: smaller, its 28 pixels were hard to tell apart
ACTIVITY_SAMPLE = 200  # test images whose mean activation ranks the units
# While training, the tiles are drawn again at most this often: twice a second shows the shapes
# forming, and at every snapshot (five a second) they were a fifth of the GUI thread's time with `best`.
REDRAW_SECONDS = 0.5
RESORT_SECONDS = 3.0  # while training, the order is brought up to date at most this often, so
# tiles do not jump around at every repaint


def tile_size(avail: tuple[int, int], grid: tuple[int, int]) -> int:
    """The side in screen pixels of the largest square tiles that fit a (rows, cols) grid with
    GAP-pixel lines between them in (width, height) `avail` pixels; at least 1."""
    (w, h), (rows, cols) = avail, grid
    return max(1, min((w - (cols - 1) * GAP) // cols, (h - (rows - 1) * GAP) // rows))


def best_grid(units: int, avail: tuple[int, int]) -> tuple[int, int]:
    """The (rows, cols) grid for `units` tiles whose tiles are largest in (width, height) `avail`
    pixels: a wide view gets more columns instead of an empty strip at its side."""
    best = (1, units)
    best_size = -1
    for cols in range(1, max(units, 1) + 1):
        rows = -(-units // cols)
        size = tile_size(avail, (rows, cols))
        if size > best_size:
            best, best_size = (rows, cols), size
    return best


def screen_index(shape: tuple[int, int], grid: tuple[int, int], size: int) -> np.ndarray:
    """For a `tile` mosaic of (h, w) tiles on a (rows, cols) grid, redrawn with tiles of
    size x size screen pixels and GAP-pixel lines: the index in the flattened mosaic of every
    screen pixel (H, W). Each line is exactly GAP pixels wide however the tiles are scaled,
    which scaling the whole mosaic by a fractional factor cannot give."""
    (h, w), (rows, cols) = shape, grid

    def axis(n: int, side: int) -> np.ndarray:
        at = np.arange(n * (size + GAP) - GAP)
        cell, offset = np.divmod(at, size + GAP)
        return np.where(offset < size, cell * (side + GAP) + offset * side // size, cell * (side + GAP) + side)

    return axis(rows, h)[:, None] * (cols * (w + GAP) - GAP) + axis(cols, w)[None, :]


class WeightsView(View):
    """A page of W1's columns as tiles, sorted as chosen, and one unit shown large beside it.

    Clicking a tile selects its unit in the session (layer 1); the selected unit is outlined
    wherever the selection comes from.
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.cmap = pg.colormap.get(style.WEIGHTS_CMAP)
        lut = np.vstack([self.cmap.getLookupTable(nPts=COLOURS, alpha=True), GAP_RGBA]).astype(np.uint8)
        self._rgba = lut.view(np.uint32).ravel()  # one 4-byte word per colour: one fast lookup
        self.view = pg.GraphicsLayoutWidget()
        self.view.ci.setContentsMargins(2, 2, 2, 2)
        self.box = self.view.addViewBox(invertY=True, enableMouse=False)
        self.box.disableAutoRange()
        self.mosaic = CellImage(hover=True)
        self.box.addItem(self.mosaic)
        self.mosaic.cell_at = self._cell_at
        self.mosaic.hovered.connect(self._hover)
        self.mosaic.clicked.connect(self._click)
        self.mosaic.setToolTip(self.tr("Each tile: the weights from every pixel into one hidden unit. "
                                       "Red: positive, blue: negative. Click a tile to see it large."))
        self.outline = QGraphicsRectItem()
        self.outline.setPen(pg.mkPen(style.ACCENT, width=3))  # cosmetic: 3 screen pixels at any zoom
        self.outline.setZValue(10)
        self.outline.hide()
        self.box.addItem(self.outline, ignoreBounds=True)
        self.box.sigResized.connect(self._fit)

        self.sort = QComboBox()
        for i, (key, label, tip) in enumerate(zip(SORTS, SORT_LABELS, SORT_TIPS)):
            self.sort.addItem(QCoreApplication.translate("WeightsView", label), key)
            self.sort.setItemData(i, QCoreApplication.translate("WeightsView", tip), Qt.ItemDataRole.ToolTipRole)
        self.sort.setToolTip(self.tr("The order of the tiles"))
        self.sort.currentIndexChanged.connect(lambda _: self._resort(force=True))
        self.page_size = QComboBox()
        self.page_size.addItems([str(n) if n else self.tr("all") for n in PAGE_SIZES])
        self.page_size.setCurrentIndex(PAGE_SIZES.index(DEFAULT_PAGE_SIZE))
        self.page_size.setToolTip(self.tr("Tiles per page: fewer tiles are drawn larger"))
        self.page_size.currentIndexChanged.connect(self._page_size_changed)
        self.prev = QToolButton(text="<")
        self.next = QToolButton(text=">")
        self.prev.setToolTip(self.tr("Previous page"))
        self.next.setToolTip(self.tr("Next page"))
        self.prev.clicked.connect(lambda: self.set_page(self._page - 1))
        self.next.clicked.connect(lambda: self.set_page(self._page + 1))
        self.page_label = QLabel()

        self.big_view = pg.GraphicsLayoutWidget()
        self.big_view.setFixedSize(BIG_PX, BIG_PX)
        self.big_box = self.big_view.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.big = pg.ImageItem()
        self.big_box.addItem(self.big)
        self.title = QLabel(self.tr("First-layer weights"))
        self.title.setStyleSheet("font-weight: bold")
        self.info = QLabel(self.tr("Train or open a model to see its weights."))
        self.info.setWordWrap(True)
        self.scale = QLabel()
        self.scale.setWordWrap(True)
        self.scale.setStyleSheet("color: #555")

        self.title.setWordWrap(True)
        bar = QHBoxLayout()  # the title on a line of its own above: beside the controls it was cut
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("sort by")))
        bar.addWidget(self.sort)
        bar.addWidget(QLabel(self.tr("tiles")))
        bar.addWidget(self.page_size)
        bar.addWidget(self.prev)
        bar.addWidget(self.page_label)
        self.help = explain_view(self, "", floating=False)
        self._data_texts()
        bar.addWidget(self.next)
        bar.addWidget(self.help)
        # The column keeps the full tile's width when the tile shrinks, so that its lines do not
        # wrap into a column too tall for the view and run over the tile.
        self.side_column = side_column = QWidget()
        side_column.setFixedWidth(BIG_PX)
        side = QVBoxLayout(side_column)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.big_view, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.info)
        side.addWidget(self.scale)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addWidget(side_column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addLayout(row, 1)
        session.unitSelected.connect(self._on_unit_selected)
        self._shape = (28, 28)
        self._selected = 0
        self._hovered = -1
        self._page = 0
        self._per_page = DEFAULT_PAGE_SIZE
        self._layout_key: tuple = ()
        self._size = 28
        self._wide = 1.3
        self._index = np.zeros((0, 0), np.intp)
        self.clear()

    # What the page shows ------------------------------------------------------------------

    @property
    def units(self) -> int:
        return 0 if self._W is None else self._W.shape[1]

    @property
    def pages(self) -> int:
        return max(1, -(-self.units // self._per_page)) if self._per_page else 1

    def page_units(self) -> np.ndarray:
        """The units on the current page, in the order their tiles are drawn (k,)."""
        if self._per_page == 0:
            return self._order
        return self._order[self._page * self._per_page:(self._page + 1) * self._per_page]

    def _cell_at(self, x: float, y: float) -> int:
        """The cell of the page under screen-image pixel (x, y), or -1."""
        return tile_at(x, y, (self._size, self._size), len(self.page_units()), self._wide)

    def _cell_rect(self, cell: int) -> QRectF:
        _, cols = mosaic_layout(len(self.page_units()), self._wide)
        r, c = divmod(cell, cols)
        return QRectF(c * (self._size + GAP) - 1, r * (self._size + GAP) - 1, self._size + 2, self._size + 2)

    # Session -------------------------------------------------------------------------------

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        self.setWhatsThis(digits_or_classes(self.session.data, self.tr(
            "<b>First-layer weights</b><p>Each tile shows the weights W from every pixel of the input layer into "
            "one neuron of the first hidden layer, laid out like the image: red pixels push the neuron's "
            "pre-activation a = xW + b up, blue ones down. Training moves every weight by −η·∂E/∂W, and strokes "
            "of the digits "
            "slowly appear.</p>"), self.tr(
            "<b>First-layer weights</b><p>Each tile shows the weights W from every pixel of the input layer into "
            "one neuron of the first hidden layer, laid out like the image: red pixels push the neuron's "
            "pre-activation a = xW + b up, blue ones down. Training moves every weight by −η·∂E/∂W, and shapes "
            "of the images slowly appear.</p>")))

    def set_data(self, data) -> None:
        self._data_texts()

    def update_from(self, snapshot) -> None:
        running = snapshot.state == "running"
        if running and time.monotonic() - self._drawn_at < REDRAW_SECONDS and self._W is not None \
                and snapshot.model.layers[0].W.shape == self._W.shape:
            return  # the next snapshot, or the one at the pause, brings it up to date
        self._drawn_at = time.monotonic()
        shape = self.session.data.image_shape if self.session.data is not None else None
        self.set_weights(snapshot.model.layers[0].W, shape, running=running)

    def clear(self) -> None:
        self._W: np.ndarray | None = None
        self._order = np.zeros(0, np.intp)
        self._sorted_at = -np.inf
        self._drawn_at = -np.inf
        self.mosaic.clear()
        self.big.clear()
        self.outline.hide()
        self.info.setText(self.tr("Train or open a model to see its weights."))
        self.scale.setText("")
        self._show_page_label()

    # Changes -------------------------------------------------------------------------------

    def set_weights(self, W: np.ndarray, image_shape: tuple[int, int] | None = None, running: bool = False) -> None:
        """Show W (n_pixels, units): the first layer's weights."""
        if image_shape is None:
            side = int(round(math.sqrt(W.shape[0])))
            image_shape = (side, W.shape[0] // side)
        new_shape = self._W is None or W.shape != self._W.shape
        self._W, self._shape = W, image_shape
        if new_shape:
            self._selected = min(self._selected, W.shape[1] - 1)
            self._page = min(self._page, self.pages - 1)
        self._limit = finite_limit(W)
        # While training, re-sorting waits a few seconds; paused, the order is always current.
        if new_shape or not running or time.monotonic() - self._sorted_at >= RESORT_SECONDS:
            self._resort(redraw=False)
        self.title.setText(arg(self.tr("First-layer weights: %1 hidden units, one %2x%3 tile each"), W.shape[1],
                               image_shape[0], image_shape[1]))
        self.scale.setText(arg(self.tr("colour scale: blue -%1, white 0, red +%1"), f"{self._limit:.3g}"))
        self._draw()

    def _resort(self, force: bool = False, redraw: bool = True) -> None:
        if self._W is None:
            return
        key = SORTS[self.sort.currentIndex()]
        if key == "weight norm":
            self._order = order_by(np.linalg.norm(np.nan_to_num(self._W, posinf=0, neginf=0), axis=0))
        elif key == "activity" and self.session.model is not None and self.session.data is not None:
            self._order = order_by(self.activity())
        else:
            self._order = np.arange(self._W.shape[1])
        self._sorted_at = time.monotonic()
        if force:  # a new order chosen: start at its top
            self._page = 0
        if redraw:
            self._draw()

    def activity(self) -> np.ndarray:
        """Mean first-layer activation of each unit (units,) on the first test images."""
        model, data = self.session.model, self.session.data
        with np.errstate(all="ignore"):
            return layer_activations(model, data.x_test[:ACTIVITY_SAMPLE], 1).mean(axis=0)

    def _page_size_changed(self, index: int) -> None:
        self._per_page = PAGE_SIZES[index]
        self._page = 0
        self._go_to_selected()
        self._draw()

    def set_page(self, page: int) -> None:
        page = max(0, min(page, self.pages - 1))
        if page != self._page:
            self._page = page
            self._draw()

    def _go_to_selected(self) -> None:
        """Turn to the page that holds the selected unit."""
        if self._per_page and self.units:
            where = np.flatnonzero(self._order == self._selected)
            if where.size:
                self._page = int(where[0]) // self._per_page

    def _draw(self) -> None:
        self._show_page_label()
        if self._W is None:
            return
        units = self.page_units()
        rect, dpr = self.box.rect(), self.devicePixelRatioF()
        avail = (int(rect.width() * dpr), int(rect.height() * dpr))
        rows, cols = best_grid(len(units), avail)  # tiles are drawn square, whatever the image's shape
        self._wide = cols * cols / max(len(units), 1)  # mosaic_layout(len(units), self._wide) gives this grid
        codes = tile(colour_codes(self._W[:, units], self._limit), self._shape, fill=COLOURS, wide=self._wide)
        grid = mosaic_layout(len(units), self._wide)
        key = (self._shape, grid, avail)
        if key != self._layout_key:  # a new page shape or a resize: map screen pixels anew
            self._layout_key = key
            self._size = tile_size(avail, grid)
            self._index = screen_index(self._shape, grid, self._size)
            # One image pixel per device pixel, from the top left corner.
            self.box.setRange(xRange=(0, max(avail[0], 1)), yRange=(0, max(avail[1], 1)), padding=0)
        rgba = self._rgba.take(codes.ravel()).take(self._index)  # colours first: fewer pixels to look up
        self.mosaic.setImage(rgba.view(np.uint8).reshape(*self._index.shape, 4), autoLevels=False)
        self._place_outline()
        self._show_big()
        self._describe()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # where the view is short the enlarged tile shrinks, so that the lines under it are not covered
        side = BIG_PX if self.height() >= SHORT_PX else BIG_SHORT_PX
        if self.big_view.width() != side:
            self.big_view.setFixedSize(side, side)
        # Zoomed text wraps into as many lines as at 1x in a column as much wider: they fit under the
        # tile (a zoom sends every view a resize event).
        if self.side_column.width() != style.px(BIG_PX):
            self.side_column.setFixedWidth(style.px(BIG_PX))

    def _fit(self) -> None:
        if self._W is not None:
            self._draw()

    def tile_pixels(self) -> int:
        """The side of a tile on screen, in device pixels."""
        return self._size

    def _place_outline(self) -> None:
        where = np.flatnonzero(self.page_units() == self._selected)
        if where.size:
            self.outline.setRect(self._cell_rect(int(where[0])))
            self.outline.show()
        else:
            self.outline.hide()

    def _show_page_label(self) -> None:
        first = 0 if self._per_page == 0 else self._page * self._per_page
        text = arg(self.tr("%1-%2 of %3"), first + 1, first + len(self.page_units()), self.units) if self.units else ""
        if text != self.page_label.text():  # a new text costs a layout pass: only when it changes
            self.page_label.setText(text)
        self.prev.setEnabled(self._page > 0)
        self.next.setEnabled(self._page < self.pages - 1)

    def _hover(self, cell: int) -> None:
        units = self.page_units()
        self._hovered = int(units[cell]) if 0 <= cell < len(units) else -1
        self._describe()

    def _click(self, cell: int) -> None:
        units = self.page_units()
        if 0 <= cell < len(units):
            self.session.select_unit(1, int(units[cell]))

    def _on_unit_selected(self, layer: int, unit: int) -> None:
        if layer == 1:
            self.select(unit)

    def select(self, unit: int) -> None:
        """Outline unit (an index into the layer) and show it large, turning to its page."""
        self._selected = unit
        if self._W is None:
            return
        if not np.any(self.page_units() == unit):
            self._go_to_selected()
            self._draw()
        else:
            self._place_outline()
            self._show_big()
            self._describe()

    def selected_cell(self) -> int:
        """Where the selected unit's tile is on the page, or -1 if it is on another page."""
        where = np.flatnonzero(self.page_units() == self._selected)
        return int(where[0]) if where.size else -1

    def _colour(self, codes: np.ndarray) -> np.ndarray:
        """uint8 codes (h, w) -> RGBA image (h, w, 4)."""
        return self._rgba.take(codes).view(np.uint8).reshape(*codes.shape, 4)

    def _show_big(self) -> None:
        if self._W is not None and self._selected < self._W.shape[1]:
            unit = self._W[:, self._selected].reshape(self._shape)
            lim = finite_limit(unit)
            self.big.setImage(self._colour(colour_codes(unit, lim)), autoLevels=False)

    def _describe(self) -> None:
        if self._W is None:
            return
        shown = self._hovered if self._hovered >= 0 else self._selected
        if shown >= self._W.shape[1]:
            return
        col = self._W[:, shown]
        rank = int(np.flatnonzero(self._order == shown)[0]) + 1 if self._order.size else shown + 1
        with np.errstate(all="ignore"):
            norm = float(np.linalg.norm(col))
        text = self.tr("pointing at unit %1 of %2, place %3 by %4\nweights from %5 to %6, norm %7") \
            if self._hovered >= 0 else self.tr("selected: unit %1 of %2, place %3 by %4\nweights from %5 to %6, "
                                               "norm %7")
        text = arg(text, shown + 1, self._W.shape[1], rank, self.sort.currentText(), f"{col.min():+.3f}",
                   f"{col.max():+.3f}", f"{norm:.3g}")
        if text != self.info.text():
            self.info.setText(text)
