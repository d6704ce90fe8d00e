"""The data: how many images of each class, the average image of each, a grid of samples, and the
same images before and after the training settings' augmentation."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...core.datasummary import augmentation_preview, class_counts, class_means, sample_indices
from ..i18n import arg
from ..widgets.drawpad import gray_image
from ..widgets.mosaic import GAP
from ..widgets.scrolling import scrolling_layout
from .base import View

SAMPLES = 48  # images in the sample grid
PREVIEW = 16  # images in the augmentation preview
SCALE = 2  # screen pixels per image pixel in the grids


def grid_image(images: np.ndarray, shape: tuple[int, int], cols: int) -> np.ndarray:
    """(n, h*w) images in [0, 1] -> one (rows*(h+GAP)-GAP, cols*(w+GAP)-GAP) picture, gaps grey."""
    h, w = shape
    n = len(images)
    rows = max(1, -(-n // cols))
    out = np.full((rows, h + GAP, cols, w + GAP), 0.35, np.float32)
    tiles = np.zeros((rows * cols, h, w), np.float32)
    tiles[:n] = images.reshape(n, h, w)
    out[:, :h, :, :w] = tiles.reshape(rows, cols, h, w).transpose(0, 2, 1, 3)
    return out.reshape(rows * (h + GAP), cols * (w + GAP))[:-GAP, :-GAP]


class FitImage(QLabel):
    """An image at its own size, or smaller (aspect ratio kept) where the view has less room. A
    plain QLabel's pixmap made the view at least 790 px wide: the tab pushed the pad aside, and
    the grids were cut where it could not."""

    def __init__(self):
        super().__init__()
        self._full = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def setPixmap(self, pixmap: QPixmap) -> None:
        self._full = pixmap
        self.updateGeometry()
        self._fit()

    def clear(self) -> None:
        self._full = QPixmap()
        super().clear()

    def sizeHint(self) -> QSize:
        return self._full.size() if not self._full.isNull() else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return QSize(40, 40)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        full = self._full
        if full.isNull() or (full.width() <= self.width() and full.height() <= self.height()):
            super().setPixmap(full)
        else:
            super().setPixmap(full.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


class DataView(View):
    """The dataset at a glance. set_config(config) shows that configuration's augmentation.

    Its buttons ask for other data through chooseData(folder: bool): True for a folder of
    MNIST-format IDX files (Fashion-MNIST, ...), False for a Keras-style .npz; the window opens
    the dialog and loads it, and set_data then shows the new set.
    """

    chooseData = Signal(bool)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.config = None
        self._seed = 0
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.counts_plot = pg.PlotWidget()
        self.counts_plot.setMenuEnabled(False)
        self.counts_plot.setMouseEnabled(x=False, y=False)
        self.counts_plot.setLabel("left", self.tr("training images"))
        self.counts_plot.setLabel("bottom", self.tr("class"))
        self.counts_plot.setMinimumHeight(150)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush="#4c8bd6")
        self.counts_plot.addItem(self.bars)
        self.means = FitImage()
        self.means.setToolTip(self.tr("The average training image of each class, 0 to 9 from the left."))
        self.samples = FitImage()
        self.samples.setToolTip(self.tr("Random training images."))
        self.before, self.after = FitImage(), FitImage()
        self.after_note = QLabel()
        self.after_note.setWordWrap(True)
        self.after.setToolTip(self.tr(
            "The same images as the training settings' augmentation changes them in one training step: "
            "each step draws new random changes."))
        self.new_sample = QPushButton(self.tr("New sample"))
        self.new_sample.setToolTip(self.tr("Show other training images and other random changes."))
        self.open_folder = QPushButton(self.tr("Open IDX folder…"))
        self.open_folder.setToolTip(self.tr("Train on a folder of MNIST-format IDX files, such as Fashion-MNIST."))
        self.open_file = QPushButton(self.tr("Open .npz…"))
        self.open_file.setToolTip(self.tr("Train on a Keras-style mnist.npz file."))

        counts_box = QGroupBox(self.tr("Images per class"))
        QVBoxLayout(counts_box).addWidget(self.counts_plot)
        means_box = QGroupBox(self.tr("Average image of each class"))
        QVBoxLayout(means_box).addWidget(self.means)
        samples_box = QGroupBox(self.tr("Sample"))
        QVBoxLayout(samples_box).addWidget(self.samples)
        aug_box = QGroupBox(self.tr("Augmentation"))
        aug = QGridLayout(aug_box)
        aug.addWidget(QLabel(self.tr("before")), 0, 0)
        aug.addWidget(self.before, 1, 0)
        aug.addWidget(QLabel(self.tr("after")), 0, 1)
        aug.addWidget(self.after, 1, 1)
        aug.addWidget(self.after_note, 2, 0, 1, 2)
        aug.addWidget(self.new_sample, 3, 0)

        top = QHBoxLayout()
        top.addWidget(counts_box, 1)
        top.addWidget(means_box)
        bottom = QHBoxLayout()
        bottom.addWidget(samples_box)
        bottom.addWidget(aug_box)
        bottom.addStretch(1)
        layout = scrolling_layout(self, sideways=True)  # in the smallest window the boxes were 3 px short
        layout.setContentsMargins(4, 4, 4, 4)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.open_folder)
        header.addWidget(self.open_file)
        layout.addLayout(header)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        self.new_sample.clicked.connect(self.next_sample)
        self.open_folder.clicked.connect(lambda: self.chooseData.emit(True))
        self.open_file.clicked.connect(lambda: self.chooseData.emit(False))
        if session.data is not None:
            self.set_data(session.data)

    def set_data(self, data) -> None:
        self.title.setText(arg(self.tr("%1: %2 training and %3 test images of %4x%5 pixels"), data.name,
                               f"{len(data.y_train):,}", f"{len(data.y_test):,}", *data.image_shape))
        counts = class_counts(data.y_train)
        self.bars.setOpts(height=counts)
        self.counts_plot.setYRange(0, max(1, int(counts.max())) * 1.1)
        self.bar_heights = counts
        self._show(self.means, grid_image(class_means(data.x_train, data.y_train), data.image_shape, 10))
        self._seed = 0
        self._show_samples()

    def set_config(self, config) -> None:
        """Training settings whose augmentation the preview shows (None: none)."""
        self.config = config
        self._show_samples()

    def next_sample(self) -> None:
        self._seed += 1
        self._show_samples()

    def _show_samples(self) -> None:
        data = self.session.data
        if data is None:
            return
        shape = data.image_shape
        idx = sample_indices(len(data.y_train), SAMPLES, self._seed)
        self._show(self.samples, grid_image(data.x_train[idx] / 255, shape, 8))
        x = data.x_train[idx[:PREVIEW]]
        self.preview_before = x
        self.preview_after = None if self.config is None else \
            augmentation_preview(x, shape, self.config, self._seed)
        self._show(self.before, grid_image(x / 255, shape, 4))
        if self.preview_after is None:
            self.after.clear()
            self.after_note.setText(self.tr("The training settings change no image."))
        else:
            self._show(self.after, grid_image(self.preview_after / 255, shape, 4))
            self.after_note.setText(self._describe())

    def _describe(self) -> str:
        c = self.config
        parts = []
        if c.shift:
            parts.append(arg(self.tr("moved by up to %1 pixels"), c.shift))
        if "affine" in c.augment:
            parts.append(arg(self.tr("rotated up to ±%1°, slanted up to ±%2°, scaled by 1±%3, moved up to ±%4 px"),
                             f"{c.rotation:g}", f"{c.shear:g}", f"{c.scale:g}", f"{c.translate:g}"))
        if "thickness" in c.augment:
            parts.append(arg(self.tr("strokes up to %1 px thinner or thicker"), f"{c.thickness:g}"))
        if "elastic" in c.augment:
            parts.append(arg(self.tr("elastic distortion (alpha %1, sigma %2)"), f"{c.elastic_alpha:g}",
                             f"{c.elastic_sigma:g}"))
        if "pen" in c.augment:
            parts.append(arg(self.tr("%1% thinned to their skeleton and drawn again with a round pen %2 to %3 px wide"),
                             f"{100 * c.pen_share:g}", f"{c.pen_min:g}", f"{c.pen_max:g}"))
        return "; ".join(parts)

    def _show(self, label: QLabel, image: np.ndarray) -> None:
        label.setPixmap(QPixmap.fromImage(gray_image(image, SCALE)))
