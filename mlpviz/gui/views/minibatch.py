"""The mini-batch just learned: its images, what the network answered before and after the step,
and how much each image cost. Made for slow motion and single steps, where one step is one event."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.batch import BatchRecord, batch_losses
from ...core.data import scale_images
from .. import style
from ..i18n import arg
from ..session import Session
from ..widgets.cells import CellImage
from ..widgets.mosaic import GAP, mosaic_layout, tile, tile_at
from ..widgets.whatsthis import explain as explain_view
from .base import View

SHOWN = 32  # images drawn (the losses below cover the same ones)
WIDE = 2.0  # columns per row of the image grid
CAPTION_ROWS = 11  # image pixels below each digit for its caption
BACKGROUND = 255
RIGHT, WRONG = "#1b6e1b", "#c0151a"  # dark enough to read as small text on white
HINT = QT_TRANSLATE_NOOP("MiniBatchView", "Slow the speed down or press Step (Right arrow): each step's mini-batch "
                         "appears here.")


def answers(record: BatchRecord) -> tuple[np.ndarray, np.ndarray]:
    """The digit read for each image (B,) before the step and after it."""
    return record.before.argmax(axis=1), record.after.argmax(axis=1)


class MiniBatchView(View):
    """Up to SHOWN images of the latest mini-batch with 'label: before -> after' under each
    (green when right after the step, red when wrong), and their losses before and after as bars.

    Reads `snapshot.batch` (a BatchRecord, or None when the snapshot carries none): its images are
    drawn as the step learned them, after any augmentation. Clicking an image makes it the
    session's input.
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.caption = QLabel(QCoreApplication.translate("MiniBatchView", HINT))
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.images_view = pg.GraphicsLayoutWidget()
        self.images_view.ci.setContentsMargins(2, 2, 2, 2)
        self.box = self.images_view.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.images = CellImage()
        self.images.cell_at = self._cell_at
        self.images.clicked.connect(self._click)
        self.images.setToolTip(self.tr("The images of the mini-batch as the step learned them (after any "
                                       "augmentation); under each, its label: the network's answer before the step "
                                       "-> after it. Click an image to look inside the network with it."))
        self.box.addItem(self.images)
        self.texts: list[pg.TextItem] = []
        font = QFont()
        font.setPointSizeF(max(font.pointSizeF(), 9.0))
        font.setBold(True)
        for _ in range(SHOWN):
            text = pg.TextItem(anchor=(0.5, 0))
            text.setFont(font)
            self.box.addItem(text, ignoreBounds=True)
            text.hide()
            self.texts.append(text)
        self.loss_plot = style.plot_widget(self.tr("Loss of each image: before the step (light), after it (dark)"),
                                           self.tr("cross-entropy (nats)"), self.tr("image"))
        self.loss_plot.setMouseEnabled(x=False, y=False)
        self.before_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=style.BAR, pen=None)
        self.after_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=style.TRAIN, pen=None)
        for bars in (self.before_bars, self.after_bars):
            self.loss_plot.addItem(bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()  # the caption and its "?", which would cover the caption's end if it floated
        top.addWidget(self.caption, 1)
        layout.addLayout(top)
        layout.addWidget(self.images_view, 3)
        layout.addWidget(self.loss_plot, 2)
        self._record: BatchRecord | None = None
        self._shown = 0
        top.addWidget(explain_view(self, self.tr(
            "<b>The mini-batch just learned</b><p>Each step of mini-batch gradient descent takes a few "
            "training images, computes the average loss E over them, finds ∂E/∂W by backpropagation and "
            "updates every weight: W ← W − η·∂E/∂W, η being the learning rate. Under each image: its label, "
            "then the network's answer before → after the step; the bars show each image's loss before and "
            "after.</p>"), floating=False), 0, Qt.AlignmentFlag.AlignTop)

    # Session -------------------------------------------------------------------------------

    def update_from(self, snapshot) -> None:
        record = getattr(snapshot, "batch", None)
        if record is None:
            if self._record is not None:
                self.caption.setText(self._describe(self._record, None) + self.tr(" <i>(an earlier step)</i>"))
            return
        if record is self._record:
            return
        self.show_batch(record, getattr(snapshot, "step", None))

    def set_data(self, data) -> None:
        self.clear()  # the recorded indices belong to the previous training set

    def clear(self) -> None:
        self._record = None
        self._shown = 0
        self.images.clear()
        for text in self.texts:
            text.hide()
        self.before_bars.setOpts(x=[], height=[])
        self.after_bars.setOpts(x=[], height=[])
        self.caption.setText(QCoreApplication.translate("MiniBatchView", HINT))

    # Drawing -------------------------------------------------------------------------------

    def show_batch(self, record: BatchRecord, step: int | None = None) -> None:
        """Draw record's first SHOWN images, their answers before -> after and their losses."""
        data = self.session.data
        if data is None:
            return
        self._record = record
        k = self._shown = min(SHOWN, record.size)
        h, w = data.image_shape
        pixels = np.full((k, h + CAPTION_ROWS, w), BACKGROUND, np.uint8)
        pixels[:, :h] = record.images[:k].reshape(k, h, w)  # as the step learned them, augmented or not
        self.images.setImage(tile(pixels.reshape(k, -1).T, (h + CAPTION_ROWS, w), fill=BACKGROUND, wide=WIDE),
                             levels=(0, 255), autoLevels=False)
        before, after = answers(record)
        _, cols = mosaic_layout(k, WIDE)
        for i, text in enumerate(self.texts):
            if i >= k:
                text.hide()
                continue
            r, c = divmod(i, cols)
            y = int(record.labels[i])
            text.setText(f"{y}: {before[i]}\u2192{after[i]}", color=RIGHT if after[i] == y else WRONG)
            text.setPos(c * (w + GAP) + w / 2, r * (h + CAPTION_ROWS + GAP) + h)
            text.show()
        self.box.autoRange(padding=0.01)
        x = np.arange(k)
        self.before_bars.setOpts(x=x - 0.2, height=batch_losses(record.before[:k], record.labels[:k]))
        self.after_bars.setOpts(x=x + 0.2, height=batch_losses(record.after[:k], record.labels[:k]))
        self.loss_plot.setXRange(-0.7, k - 0.3, padding=0)
        self.caption.setText(self._describe(record, step))

    def _describe(self, record: BatchRecord, step: int | None) -> str:
        before = batch_losses(record.before, record.labels)
        after = batch_losses(record.after, record.labels)
        b, a = answers(record)
        right_before, right_after = int((b == record.labels).sum()), int((a == record.labels).sum())
        where = arg(self.tr("step %1: "), step) if step is not None else ""
        shown = arg(self.tr(" (%1 shown)"), self._shown) if self._shown < record.size else ""
        augmented = self.tr(" The images are shown augmented, as the step learned them.") if record.augmented else ""
        return where + arg(self.tr("mini-batch of %1 images%2. Mean loss %3 before the step, <b>%4</b> after; right "
                                   "%5 before, <b>%6</b> after."), record.size, shown, f"{before.mean():.3f}",
                           f"{after.mean():.3f}", right_before, right_after) + augmented

    def losses(self) -> tuple[np.ndarray, np.ndarray]:
        """The losses (k,) drawn for the shown images, before and after the step."""
        return self.before_bars.opts["height"], self.after_bars.opts["height"]

    def _cell_at(self, x: float, y: float) -> int:
        if self.session.data is None or not self._shown:
            return -1
        h, w = self.session.data.image_shape
        return tile_at(x, y, (h + CAPTION_ROWS, w), self._shown, WIDE)

    def _click(self, cell: int) -> None:
        record = self._record
        index, label = int(record.indices[cell]), int(record.labels[cell])
        # The image as drawn, which is the one the step learned from.
        name = self.tr("Training image %1, augmented (label %2)") if record.augmented else \
            self.tr("Training image %1 (label %2)")
        self.session.set_input(scale_images(record.images[cell]), arg(name, index, label), label=label)
