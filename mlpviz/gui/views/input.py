"""The input: a pad to draw on, the image the network receives, and a test-image browser."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ...core.preprocess import EmptyImage, prepare_digit
from ...core.strokes import DrawingsError, read_drawings, render_strokes, write_drawings
from ..classes import digits_or_classes
from ..i18n import arg
from ..widgets.drawpad import CANVAS, DrawPad, gray_image
from ..widgets.whatsthis import explain as explain_view
from .base import View

PREVIEW = 112  # pixels of the network-input preview


class InputView(View):
    """Whatever is drawn or picked here becomes the session's input; an input chosen in another
    view (a test image clicked in a gallery) shows here too."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.pad = DrawPad()  # its tooltip and placeholder follow the data (DrawPad.set_data)
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW, PREVIEW)
        self.preview.setStyleSheet("background: black")
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the drawing (Delete or Escape)."))
        self.test_index = QSpinBox()
        self.test_index.setRange(0, 9999)
        self.test_index.setKeyboardTracking(False)
        self.random_button = QPushButton(self.tr("Random"))
        self.random_button.setToolTip(self.tr("Show a random test image as the input (Ctrl+T)."))
        self.test_label = QLabel("")
        self._drawings_file: str | None = None  # where the last drawing was saved: the next goes there too

        side = QVBoxLayout()
        side.addWidget(self.preview)
        self.preview_caption = QLabel(self.tr("network input"))
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setMaximumWidth(PREVIEW)
        side.addWidget(self.preview_caption)
        side.addStretch(1)
        side.addWidget(self.clear_button)
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        pad_row.addLayout(side)
        browse = QHBoxLayout()
        browse.addWidget(QLabel(self.tr("Test image")))
        browse.addWidget(self.test_index)
        browse.addWidget(self.random_button)
        browse.addWidget(self.test_label, 1)
        browse.addWidget(explain_view(self, "", floating=False))
        self._data_texts()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(pad_row, 1)
        layout.addLayout(browse)

        self.pad.changed.connect(self._on_drawing)
        self.clear_button.clicked.connect(self.pad.clear)
        self.test_index.valueChanged.connect(self._pick)
        self.random_button.clicked.connect(self.random_test_image)

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        data = self.session.data
        self.pad.set_data(data)
        self._preview_tip()
        self.setWhatsThis(digits_or_classes(data, self.tr(
            "<b>The input</b><p>Draw a digit with the mouse, or pick one of the test images. The network's input "
            "layer receives it as 28x28 = 784 numbers between 0 and 1, cropped and centred the way MNIST's "
            "digits were (the small square). Every other view shows what the network does with this input.</p>"),
            self.tr(
            "<b>The input</b><p>Draw with the mouse, or pick one of the test images. The network's input "
            "layer receives it as 28x28 = 784 numbers between 0 and 1, a drawing cropped and centred the way "
            "MNIST's images were (the small square). Every other view shows what the network does with this "
            "input.</p>")))

    def _preview_tip(self) -> None:
        self.preview.setToolTip(digits_or_classes(self.session.data, self.tr(
            "The image the network actually receives: the strokes fitted into a 20x20 box, drawn at MNIST's pen "
            "width whatever size you drew them, and centred by their centre of mass in 28x28, as MNIST's digits "
            "were."), self.tr(
            "The image the network actually receives: the strokes fitted into a 20x20 box, drawn at MNIST's pen "
            "width whatever size you drew them, and centred by their centre of mass in 28x28, as MNIST's images "
            "were.")))

    def set_data(self, data) -> None:
        self._data_texts()
        self.test_index.setMaximum(len(data.y_test) - 1)
        self.test_index.setToolTip(arg(self.tr("Show test image N as the input: from 0 to %1."), len(data.y_test) - 1))
        self._pick(self.test_index.value())

    def _on_drawing(self) -> None:
        if self.pad.is_empty() or self.session.data is None:
            self.session.set_input(None, digits_or_classes(
                self.session.data, self.tr("Draw a digit or pick a test image."),
                self.tr("Draw on the pad or pick a test image.")))
            return
        strokes = self.pad.strokes()
        try:  # at the data's own image size: the network takes nothing else
            # Strokes are redrawn at MNIST's pen width, so a small drawing is not read as a blob;
            # a picture without strokes (none recorded) goes through its pixels.
            x = render_strokes(strokes, self.session.data.image_shape) if strokes else \
                prepare_digit(self.pad.pixels(), self.session.data.image_shape)
        except EmptyImage:
            return
        self.session.set_input(x, self.tr("Your drawing"))

    def _pick(self, index: int) -> None:
        if self.session.data is not None:
            self.session.show_test_image(index)

    def random_test_image(self) -> None:
        if self.session.data is not None:
            self.test_index.setValue(int(np.random.default_rng().integers(len(self.session.data.y_test))))

    def clear_drawing(self) -> None:
        self.pad.clear()

    def save_drawing(self) -> bool:
        """Write the pad's strokes to a drawings file chosen in a dialog (core/strokes.py's format,
        which `mlpviz predict --strokes` reads): a new file, or, after asking, one drawing more in
        a drawings file that exists. Nothing is ever written over, and a file that is not a
        drawings file is left as it is. Returns whether the drawing was saved."""
        title = self.tr("Save drawing")
        strokes = self.pad.strokes()
        if not strokes:
            QMessageBox.information(self, title, digits_or_classes(
                self.session.data, self.tr("There is no drawing to save: draw a digit on the pad first."),
                self.tr("There is no drawing to save: draw on the pad first.")))
            return False
        start = self._drawings_file or str(Path.home() / "drawings.json")
        # The file dialog would offer to replace an existing file: this adds to it instead, and asks below.
        path, _ = QFileDialog.getSaveFileName(self, title, start, self.tr("Drawings (*.json)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return False
        if Path(path).suffix.lower() != ".json":
            path += ".json"
        size, drawings = (CANVAS, CANVAS), []
        if Path(path).exists():
            try:
                size, drawings = read_drawings(path)
            except DrawingsError as e:
                box = QMessageBox(QMessageBox.Icon.Warning, title, arg(self.tr(
                    "%1 is not a drawings file that mlpviz can read, so the drawing was not added to it and the "
                    "file was left as it is. Choose another name."), Path(path).name), QMessageBox.StandardButton.Ok,
                    self)
                box.setDetailedText(str(e))
                box.exec()
                return False
            question = self.tr("%1 already holds a drawing. Add this one after it?") if len(drawings) == 1 else \
                self.tr("%1 already holds %2 drawings. Add this one after them?")
            yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
            if QMessageBox.question(self, title, arg(question, Path(path).name, len(drawings)), yes | cancel,
                                    cancel) != yes:
                return False
        # Points in the file's own pad pixels, should it come from a pad of another size.
        drawings.append([p * (np.array(size) / CANVAS) for p in strokes])
        try:
            write_drawings(path, size, drawings)
        except OSError as e:
            QMessageBox.warning(self, title, arg(self.tr("The drawing could not be saved to %1: %2"), path,
                                                 e.strerror or str(e)))
            return False
        self._drawings_file = path
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(arg(self.tr("Saved the drawing to %1 as drawing %2"), path, len(drawings)),
                                           5000)
        return True

    def set_input(self, x, source: str) -> None:
        index, data = self.session.input_index, self.session.data
        if x is None or data is None:
            self.preview.clear()
            self.test_label.setText("")
            return
        image = x.reshape(data.image_shape)
        self.preview.setPixmap(QPixmap.fromImage(gray_image(image, max(1, PREVIEW // max(image.shape)))))
        if index is None:
            self.test_label.setText("")
            return
        self.test_label.setText(arg(self.tr("label: %1"), int(data.y_test[index])))
        self.test_index.blockSignals(True)  # shown already: no second round
        self.test_index.setValue(index)
        self.test_index.blockSignals(False)
        self.pad.set_digit(image)

    def set_overlay(self, rgb: np.ndarray | None, digit: int = -1) -> None:
        """Show the attribution for `digit` over the network input (rgb (h, w, 3) uint8), or the
        input alone."""
        if rgb is None or digit < 0:
            self.preview_caption.setText(self.tr("network input"))
            self._preview_tip()
            self.set_input(self.session.input_x, self.session.input_source)
            return
        self.preview_caption.setText(arg(self.tr("network input; red pixels speak for %1, blue against"), digit))
        scale = max(1, PREVIEW // max(rgb.shape[:2]))
        big = np.ascontiguousarray(np.repeat(np.repeat(rgb, scale, axis=0), scale, axis=1))
        h, w = big.shape[:2]
        self.preview.setPixmap(QPixmap.fromImage(QImage(big.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()))
        self.preview.setToolTip(digits_or_classes(
            self.session.data, self.tr("The image the network receives, with the pixels that raised (red) and "
                                       "lowered (blue) the digit it reads."),
            self.tr("The image the network receives, with the pixels that raised (red) and lowered (blue) the class "
                    "it reads.")))

    def _on_input(self, x, source: str) -> None:
        self.set_input(x, source)  # the pad follows even while hidden: it is where drawing starts
