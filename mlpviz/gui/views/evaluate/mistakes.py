"""The Evaluate view's mistakes panel: the confusion matrix (click a cell: its images) and a gallery
of the most confident mistakes or of one cell's images."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ....core import evaluation as E
from ....core.data import Dataset, scale_images
from ....core.evaluation import Evaluation
from ... import style
from ...classes import digits_or_classes
from ...i18n import arg
from ...widgets.cells import CellTexts
from ...widgets.gallery import Gallery
from ..labels import steady
from .common import ClickableImage, confusion_rgb, translate

GALLERY_LIMIT = 200  # thumbnails built per gallery refresh: bounded GUI-thread time


class MistakesPanel(QWidget):
    """Confusion matrix and gallery of one evaluation. Signal: imageClicked(test image index)."""

    imageClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: Dataset | None = None
        self.evaluation: Evaluation | None = None
        self.cell: tuple[int, int] | None = None  # the confusion cell shown in the gallery, None: mistakes

        self.confusion_plot = style.plot_widget(translate("EvaluateView", "Confusion matrix"), "",
                                                translate("EvaluateView", "read as"))  # "true digit": _data_texts
        self.confusion_plot.setMouseEnabled(x=False, y=False)
        self.confusion_plot.invertY(True)
        self.confusion_plot.hideButtons()
        ticks = [[(d + 0.5, str(d)) for d in range(10)]]
        self.confusion_plot.getAxis("left").setTicks(ticks)
        self.confusion_plot.getAxis("bottom").setTicks([ticks[0] + [(10.9, translate("EvaluateView", "accuracy"))]])
        self.confusion_image = ClickableImage(axisOrder="row-major")
        self.confusion_image.clicked.connect(self.show_cell)
        self.confusion_plot.addItem(self.confusion_image)
        self.confusion_plot.setXRange(0, 12, padding=0.01)
        self.confusion_plot.setYRange(0, 10, padding=0.01)
        self._data_texts()
        # The counts, then each row's accuracy at its right.
        self.confusion_texts = CellTexts(row_height=1.0, cell_width=1.0)
        self.confusion_plot.addItem(self.confusion_texts)

        # Labels of steady height: one that grew or shrank at a refresh would lay the whole view out
        # again and repaint every plot (measured: it doubled the time of the first refresh).
        self.gallery_title = steady(QLabel(), 2)
        self.mistakes_button = QPushButton(translate("EvaluateView", "Most confident mistakes"))
        self.mistakes_button.setToolTip(translate("EvaluateView", "Every misread test image, the most confident first"))
        self.mistakes_button.clicked.connect(lambda: self.show_cell(None, None))
        self.gallery = Gallery(GALLERY_LIMIT)
        self.gallery.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no relayout as it fills
        self.gallery.setToolTip(translate("EvaluateView", "Click an image to make it the input of every view"))
        self.gallery.imageClicked.connect(self.imageClicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.confusion_plot, 3)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.mistakes_button)
        layout.addLayout(row)
        layout.addWidget(self.gallery_title)
        layout.addWidget(self.gallery, 2)

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        self.confusion_plot.setLabel("left", digits_or_classes(self.data, translate("EvaluateView", "true digit"),
                                                               translate("EvaluateView", "true class")))
        self.confusion_plot.setToolTip(digits_or_classes(self.data, translate(
            "EvaluateView", "Click a cell to see its images. Rows: the true digit; columns: the digit read. Colour: "
            "share of the row (blue: right, red: mistakes). At the right: accuracy of each digit."), translate(
            "EvaluateView", "Click a cell to see its images. Rows: the true class; columns: the class read. Colour: "
            "share of the row (blue: right, red: mistakes). At the right: accuracy of each class.")))

    def set_data(self, data: Dataset | None) -> None:
        self.data = data
        self._data_texts()
        self.clear()

    def clear(self) -> None:
        self.evaluation, self.cell = None, None
        self.confusion_image.clear()
        self.confusion_texts.set_texts([], [], [], [])
        self.gallery.clear()
        self.gallery_title.setText("")

    def show_matrix(self, ev: Evaluation) -> None:
        """The confusion matrix of ev (the gallery follows with show_cell)."""
        self.evaluation = ev
        self.confusion_image.setImage(confusion_rgb(ev.confusion), autoLevels=False, levels=(0, 255))
        self.confusion_image.setRect(0, 0, 10, 10)
        share = ev.confusion / np.maximum(ev.confusion.sum(axis=1, keepdims=True), 1)
        cells = [(r, c) for r in range(10) for c in range(10)]
        accuracy = ["-" if np.isnan(a) else f"{a:.1%}" for a in E.per_class_accuracy(ev.confusion)]
        self.confusion_texts.set_texts(
            [(c + 0.5, r + 0.5) for r, c in cells] + [(10.05, r + 0.5) for r in range(10)],
            [int(ev.confusion[r, c]) for r, c in cells] + accuracy,
            ["w" if r == c and share[r, c] > 0.6 else "#222" for r, c in cells] + ["#222"] * 10,
            [(0.5, 0.5)] * 100 + [(0, 0.5)] * 10)

    def show_cell(self, true: int | None, predicted: int | None) -> None:
        """Fill the gallery with the images of digit `true` read as `predicted` (None, None: the
        most confident mistakes), most confident first."""
        ev = self.evaluation
        self.cell = None if true is None else (true, predicted)
        if ev is None or self.data is None:
            return
        labels = self.data.y_test
        if true is None:
            idx = E.mistakes(ev.probabilities, labels)
            title = arg(translate("EvaluateView", "The most confident mistakes (%1 in all)"), f"{len(idx):,}")
        else:
            idx = E.cell(ev.probabilities, labels, true, predicted)
            if true != predicted:
                title = arg(digits_or_classes(
                    self.data, translate("EvaluateView", "%1s read as %2: %3 images, most confident first"),
                    translate("EvaluateView", "Class %1 read as %2: %3 images, most confident first")),
                    true, predicted, f"{len(idx):,}")
            else:
                title = arg(digits_or_classes(
                    self.data, translate("EvaluateView", "%1s read right: %2 images, most confident first"),
                    translate("EvaluateView", "Class %1 read right: %2 images, most confident first")),
                    true, f"{len(idx):,}")
        if len(idx) > GALLERY_LIMIT:
            title = arg(translate("EvaluateView", "%1; the first %2 shown"), title, GALLERY_LIMIT)
        shown = idx[:GALLERY_LIMIT]
        pred = ev.probabilities[shown].argmax(axis=1)
        conf = ev.probabilities[shown, pred]
        captions = [f"{labels[i]}→{p} {100 * c:.0f}%\n#{i}" for i, p, c in zip(shown, pred, conf)]
        images = scale_images(self.data.x_test[shown]).reshape(-1, *self.data.image_shape)
        self.gallery.set_images(images, shown, captions)
        self.gallery_title.setText(title)
