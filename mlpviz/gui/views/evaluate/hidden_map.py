"""The Evaluate view's map panel: the test images projected to two dimensions (PCA) from the
representation a layer gives them, coloured by digit, misread ones marked."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ....core import evaluation as E
from ....core.data import Dataset, scale_images
from ... import style
from ...classes import digits_or_classes
from ...i18n import arg
from ...widgets.gallery import digit_pixmap
from ..labels import steady
from .common import digit, layer_labels, progress_bar, translate

MAP_MIN_PX = 180  # room for "second component" along the axis, and for the points


class MapPanel(QWidget):
    """The map of one projection (layer, coords (n, 2), explained variance ratio) of the first
    test images. Signals: layerChosen() when the user picks another layer; imageClicked(index)."""

    layerChosen = Signal()
    imageClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: Dataset | None = None
        self.probabilities: np.ndarray | None = None  # (N, 10) of the evaluation the map marks
        self._layer_sizes: tuple | None = None  # the network whose layers the combo box lists

        self.layer_box = QComboBox()
        self.layer_box.setToolTip(translate("EvaluateView", "Which representation of the images to project to two "
                                                            "dimensions (PCA)"))
        self.layer_box.activated.connect(lambda _: self.layerChosen.emit())
        self.map_plot = style.plot_widget(translate("EvaluateView", "A map of the hidden space (PCA)"),
                                          translate("EvaluateView", "second component"),
                                          translate("EvaluateView", "first component"))
        self.map_points = pg.ScatterPlotItem(hoverable=True, hoverSize=12, hoverPen=pg.mkPen("k", width=2),
                                             tip=None)
        self.map_points.sigHovered.connect(lambda item, points, ev: self.hover_point(int(points[0].data()))
                                           if len(points) else None)
        self.map_points.sigClicked.connect(lambda item, points, ev: self.imageClicked.emit(int(points[0].data()))
                                           if len(points) else None)
        self.map_plot.addItem(self.map_points)
        self.map_plot.setMinimumHeight(MAP_MIN_PX)
        self.map_legend = QLabel(style.legend_html(style.DIGIT_COLOURS, range(10)) + "&nbsp; &#10005; "
                                 + translate("EvaluateView", "misread"))
        self.map_legend.setWordWrap(True)
        self.map_hover = steady(QLabel(), 2)
        self.map_hover_image = QLabel()
        self.map_hover_image.setFixedSize(56, 56)
        self.bar = progress_bar()
        # The same pen and brush objects every time: the symbol atlas caches a rendering per
        # pen/brush object, so fresh ones at every refresh would make it grow without end.
        self._brushes = [pg.mkBrush(c) for c in style.DIGIT_COLOURS]
        self._no_pen = pg.mkPen(None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("EvaluateView", "Map of")))
        top.addWidget(self.layer_box, 1)
        layout.addLayout(top)
        layout.addWidget(self.map_plot, 1)
        layout.addWidget(self.map_legend)
        hover = QHBoxLayout()
        hover.addWidget(self.map_hover_image)
        hover.addWidget(self.map_hover, 1)
        layout.addLayout(hover)
        layout.addWidget(self.bar)
        # Its wrapped legend makes it a height-for-width widget, whose least height a scrolling
        # layout does not keep: stated, the plot is not squeezed under the legend.
        self.setMinimumHeight(layout.totalMinimumSize().height())
        self._data_texts()

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        self.map_plot.setToolTip(arg(digits_or_classes(
            self.data, translate("EvaluateView", "The first %1 test images, coloured by their true "
                                                 "digit; x: misread. Hover to see an image, click to "
                                                 "make it the input."),
            translate("EvaluateView", "The first %1 test images, coloured by their true class; x: misread. Hover to "
                                      "see an image, click to make it the input.")), f"{E.MAP_POINTS:,}"))

    def set_data(self, data: Dataset | None) -> None:
        self.data = data
        self._data_texts()
        self.clear()

    def clear(self) -> None:
        self.probabilities = None
        self.map_points.clear()
        self.map_hover.setText("")
        self.map_hover_image.clear()
        self.bar.hide()

    def set_layers(self, sizes) -> None:
        """List the layers of a network of these sizes (the last hidden one chosen), if it differs."""
        if tuple(sizes) == self._layer_sizes:
            return
        self._layer_sizes = tuple(sizes)
        self.layer_box.clear()
        for layer, label in enumerate(layer_labels(sizes)):
            self.layer_box.addItem(label, layer)
        self.layer_box.setCurrentIndex(max(len(sizes) - 2, 0))

    def layer(self) -> int:
        """The layer chosen: 0 the pixels, 1.. the hidden layers, the last the output."""
        layer = self.layer_box.currentData()
        return 0 if layer is None else int(layer)

    def start(self) -> None:
        """A projection begins: its progress bar from zero."""
        self.bar.setValue(0)
        self.bar.show()

    def show_progress(self, fraction: float) -> None:
        self.bar.setValue(int(100 * fraction))

    def show_projection(self, result: tuple, probabilities: np.ndarray) -> None:
        """The map of result (layer, coords (n, 2), ratio), marking the images that probabilities
        (N, 10) misread."""
        layer, coords, ratio = result
        self.probabilities = probabilities
        self.bar.hide()
        n = len(coords)
        labels = self.data.y_test[:n]
        wrong = probabilities[:n].argmax(axis=1) != labels
        self.map_points.setData(pos=coords, data=np.arange(n), brush=[self._brushes[d] for d in labels],
                                symbol=np.where(wrong, "x", "o").tolist(), size=np.where(wrong, 11, 5),
                                pen=self._no_pen)
        # The combo box above names the layer: a short title keeps the plot its width.
        self.map_plot.setTitle(arg(translate("EvaluateView", "PCA: %1 of the variance shown"), f"{ratio.sum():.0%}"),
                               size=style.pt(10))

    def point_text(self, i: int) -> str:
        """What test image i is and how it was read."""
        p = self.probabilities[i]
        return arg(translate("EvaluateView", "Test image %1: label %2, read as %3 (%4)"), i, int(self.data.y_test[i]),
                   int(p.argmax()), f"{p.max():.0%}")

    def hover_point(self, i: int) -> None:
        """Show test image i, the point under the mouse, beside the map."""
        if self.probabilities is None:
            return
        self.map_hover_image.setPixmap(digit_pixmap(digit(scale_images(self.data.x_test[i]), self.data.image_shape)))
        self.map_hover.setText(arg(translate("EvaluateView", "%1. Click to make it the input."), self.point_text(i)))
