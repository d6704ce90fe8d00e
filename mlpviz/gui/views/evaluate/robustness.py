"""The Evaluate view's robustness panel: accuracy as the test images are damaged, one plot per
damage, and a preview of the damage under the mouse that can become the input."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from ....core import evaluation as E
from ....core.data import Dataset, scale_images
from ...i18n import arg
from ...session import Session
from ...widgets.scrolling import PLOT_MIN_PX, scrolling_layout
from ..labels import steady
from .common import DAMAGE_COLOURS, ClickableImage, damage_name, damage_unit, digit, progress_bar, translate

PREVIEW_PX = 90  # the damaged image under the plots


class RobustnessPanel(QWidget):
    """The curves of one robustness sweep ({damage: [[level, accuracy], ...]}) and the damage
    preview. Signal: inputChosen(x (n_in,), source) when the preview is clicked."""

    inputChosen = Signal(object, str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session  # its current input is the image a preview damages
        self.data: Dataset | None = None
        self.result: dict | None = None
        self._preview: tuple | None = None  # (kind, level index, damaged image, source)

        self.robustness_view = pg.GraphicsLayoutWidget()
        self.robustness_view.setToolTip(arg(translate(
            "EvaluateView", "Accuracy on damaged copies of the first %1 test images. Hover over a plot to see the "
            "damage at that level; click the preview to make it the input."), f"{E.ROBUSTNESS_IMAGES:,}"))
        self.robustness_plots, self.robustness_curves = {}, {}
        for k, kind in enumerate(E.DAMAGES):
            p = self.robustness_view.addPlot(row=k // 2, col=k % 2, title=damage_name(kind))
            p.setMouseEnabled(x=False, y=False)
            p.hideButtons()
            p.setMenuEnabled(False)
            p.setYRange(0, 1, padding=0.02)
            p.setLabel("bottom", damage_unit(kind))
            p.getAxis("bottom").enableAutoSIPrefix(False)
            colour = DAMAGE_COLOURS[kind]
            self.robustness_curves[kind] = p.plot([], [], pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5,
                                                  symbolBrush=colour, symbolPen=None)
            self.robustness_plots[kind] = p
        self.preview_box = self.robustness_view.addViewBox(row=3, col=0, colspan=2, lockAspect=True, invertY=True,
                                                           enableMouse=False)
        self.preview_image = ClickableImage(axisOrder="row-major")
        self.preview_image.clicked.connect(lambda r, c: self.use_preview())
        self.preview_box.addItem(self.preview_image)
        self.preview_label = steady(QLabel(translate("EvaluateView", "Hover over a robustness plot to see the "
                                                                     "damage.")), 2)
        self.robustness_view.scene().sigMouseMoved.connect(self._hover)
        self.bar = progress_bar()

        # Three rows of plots and the preview: in a short window they scroll instead of shrinking to slivers.
        self.robustness_view.setMinimumHeight(3 * PLOT_MIN_PX + PREVIEW_PX)
        layout = scrolling_layout(self)
        layout.addWidget(QLabel(translate("EvaluateView", "<b>Robustness</b>: accuracy as the images are damaged")))
        layout.addWidget(self.robustness_view, 1)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.bar)

    def set_data(self, data: Dataset | None) -> None:
        self.data = data
        self.clear()

    def clear(self) -> None:
        self.result = None
        for curve in self.robustness_curves.values():
            curve.setData([], [])
        self.preview_image.clear()
        self._preview = None
        self.bar.hide()

    def start(self) -> None:
        """A sweep begins: its progress bar from zero."""
        self.bar.setValue(0)
        self.bar.show()

    def show_progress(self, fraction: float) -> None:
        self.bar.setValue(int(100 * fraction))

    def show_result(self, result: dict) -> None:
        """The curves of a finished sweep."""
        self.result = result
        self.bar.hide()
        for kind, rows in result.items():
            a = np.asarray(rows, float)
            self.robustness_curves[kind].setData(a[:, 0], a[:, 1])

    def _sample(self) -> tuple[np.ndarray, str]:
        """The image a damage preview shows: the current input, else the first test image."""
        x = self.session.input_x
        if x is not None and len(x) == self.data.input_size:
            return digit(x, self.data.image_shape), self.session.input_source or translate("EvaluateView", "the input")
        return (digit(scale_images(self.data.x_test[0]), self.data.image_shape),
                arg(translate("EvaluateView", "Test image %1"), 0))

    def _hover(self, pos) -> None:
        if self.data is None:
            return
        for kind, plot in self.robustness_plots.items():
            if plot.sceneBoundingRect().contains(pos):
                levels = E.DEFAULT_LEVELS[kind]
                x = plot.vb.mapSceneToView(pos).x()
                i = int(np.argmin(np.abs(np.asarray(levels) - x)))
                self.preview_damage(kind, i)
                return

    def preview_damage(self, kind: str, level_index: int) -> None:
        """Show the sample image with damage `kind` at DEFAULT_LEVELS[kind][level_index]."""
        level = E.DEFAULT_LEVELS[kind][level_index]
        if self._preview is not None and self._preview[:2] == (kind, level_index):
            return
        image, source = self._sample()
        damaged = E.damage(image[None], kind, level, E.damage_rng(0, kind, level_index))[0]
        self._preview = (kind, level_index, damaged,
                         arg(translate("EvaluateView", "%1, %2 %3"), source, damage_name(kind), f"{level:g}"))
        self.preview_image.setImage(1 - damaged, levels=(0, 1))
        if self.result is not None:
            text = arg(translate("EvaluateView", "%1 %2 (%3): accuracy %4 at this level. Click the image to use it."),
                       damage_name(kind), f"{level:g}", damage_unit(kind), f"{self.result[kind][level_index][1]:.1%}")
        else:
            text = arg(translate("EvaluateView", "%1 %2 (%3). Click the image to use it."), damage_name(kind),
                       f"{level:g}", damage_unit(kind))
        self.preview_label.setText(text)

    def use_preview(self) -> None:
        """Make the damaged image previewed the input of every view."""
        if self._preview is not None:
            self.inputChosen.emit(self._preview[2].ravel(), self._preview[3])
