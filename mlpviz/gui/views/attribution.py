"""Which pixels made the network read this digit: an attribution map over the 28x28 input, for
the predicted digit or any digit the user picks ("why not 7?")."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import explain
from ...core.model import MLP
from ...figures import overlay_rgb
from .. import style
from ..classes import digits_or_classes
from ..i18n import arg
from ..session import Session
from ..widgets.mosaic import finite_limit
from ..widgets.whatsthis import explain as explain_view
from .base import View
from .labels import steady

METHODS = (("gradient", QT_TRANSLATE_NOOP("AttributionView", "gradient × input")),
           ("integrated", QT_TRANSLATE_NOOP("AttributionView", "integrated gradients (32 steps)")))
IG_STEPS = 32
PREDICTED = 10  # the id of the "predicted" button (Qt reserves negative ids for its own numbering)


class AttributionView(View):
    """The attribution map laid over the input, shown large, and on its own in a diverging scale.

    overlayChanged(rgb (h, w, 3) uint8, digit) carries the overlay for other views (the small
    network-input square) each time it changes; None when there is nothing to explain.
    """

    overlayChanged = Signal(object, int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.digits = QButtonGroup(self)
        self.digits.setExclusive(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("explain:")))
        auto = QPushButton(self.tr("predicted"))
        digit_row = QHBoxLayout()  # the ten digits on a row of their own: beside the rest they were squeezed
        digit_row.setSpacing(2)
        side = auto.fontMetrics().horizontalAdvance("0") + 8
        for i, button in enumerate([auto] + [QPushButton(str(d)) for d in range(10)]):
            button.setCheckable(True)
            if i:
                button.setMinimumWidth(side)
                button.setMaximumWidth(2 * side)
            self.digits.addButton(button, PREDICTED if i == 0 else i - 1)
            (row if i == 0 else digit_row).addWidget(button, 0 if i == 0 else 1)
        row.addStretch(1)
        auto.setChecked(True)
        self.digits.idClicked.connect(lambda d: self.set_target(None if d == PREDICTED else d))
        self.method = QComboBox()
        for key, text in METHODS:
            self.method.addItem(QCoreApplication.translate("AttributionView", text), key)
        self.method.setToolTip(self.tr("gradient × input: how much each pixel's ink moves log p, to first order. "
                                       "Integrated gradients: the same, averaged along the way from a blank image "
                                       "to this one; the map then adds up to the change of log p along that way."))
        self.method.currentIndexChanged.connect(lambda _: self.refresh())
        self.method.setMinimumContentsLength(3)
        self.method.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        method_row = QHBoxLayout()  # the method on a row of its own too: the view stays narrow beside the diagram
        method_row.addWidget(self.method, 1)

        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.ci.setContentsMargins(2, 2, 2, 2)
        self.overlay_box = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.map_box = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        for box in (self.overlay_box, self.map_box):
            box.setMenuEnabled(False)
        self.overlay_image = pg.ImageItem()
        self.map_image = pg.ImageItem()
        self.map_image.setColorMap(pg.colormap.get(style.WEIGHTS_CMAP))
        self.overlay_box.addItem(self.overlay_image)
        self.map_box.addItem(self.map_image)
        self.map_image.setToolTip(self.tr("The attribution map alone: red raises, blue lowers, white: no effect."))
        self.caption = QLabel()
        steady(self.caption, 3)
        self.caption.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addLayout(method_row)
        layout.addLayout(digit_row)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)
        self._model: MLP | None = None
        self._x: np.ndarray | None = None
        self.target: int | None = None
        self.attribution: np.ndarray | None = None  # the map shown, (n_in,)
        self.digit: int | None = None  # the digit it explains
        row.addWidget(explain_view(self, "", floating=False))
        self._data_texts()
        self.caption.setText(self._prompt())

    def _prompt(self) -> str:
        return digits_or_classes(self.session.data, self.tr("Draw a digit or pick a test image."),
                                 self.tr("Draw on the pad or pick a test image."))

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        data = self.session.data
        self.digits.button(PREDICTED).setToolTip(digits_or_classes(
            data, self.tr("Explain whatever digit the network reads"),
            self.tr("Explain whatever class the network reads")))
        self.overlay_image.setToolTip(digits_or_classes(
            data, self.tr("The input the network sees (white ink), with the pixels that raise "
                          "the digit's log-probability in red and those that lower it in blue."),
            self.tr("The input the network sees (white ink), with the pixels that raise "
                    "the class's log-probability in red and those that lower it in blue.")))
        self.setWhatsThis(digits_or_classes(data, self.tr(
            "<b>Attribution: which pixels made this answer</b><p>Backpropagation carries the gradient "
            "∂ log p/∂x back to the input pixels; gradient × input, x · ∂ log p/∂x, says how much each pixel's "
            "ink raised (red) or lowered (blue) the log-probability of the chosen digit. Pick a digit to ask "
            "\"why not 7?\".</p>"), self.tr(
            "<b>Attribution: which pixels made this answer</b><p>Backpropagation carries the gradient "
            "∂ log p/∂x back to the input pixels; gradient × input, x · ∂ log p/∂x, says how much each pixel's "
            "ink raised (red) or lowered (blue) the log-probability of the chosen class. Pick a class to ask "
            "\"why not 7?\".</p>")))

    def set_data(self, data) -> None:
        self._data_texts()  # the captions follow at the next snapshot: a new dataset clears the view first

    # -- the View interface

    def update_from(self, snapshot) -> None:
        self._model = snapshot.model
        self.refresh()

    def set_input(self, x: np.ndarray | None, source: str) -> None:
        self._x = x
        self.refresh()

    def clear(self) -> None:
        self._model, self._x = None, None
        self.refresh()

    def set_target(self, digit: int | None) -> None:
        """Explain `digit`, or the predicted digit when None."""
        self.target = digit
        button = self.digits.button(PREDICTED if digit is None else digit)
        if button is not None and not button.isChecked():
            button.setChecked(True)
        self.refresh()

    def set_method(self, method: str) -> None:
        """'gradient' or 'integrated'."""
        self.method.setCurrentIndex([key for key, _ in METHODS].index(method))

    # -- drawing

    def refresh(self) -> None:
        model = self._model
        ins = None if model is None or self._x is None else self.session.inspection()
        if ins is None:
            self.overlay_image.clear()
            self.map_image.clear()
            self.attribution = self.digit = None
            self.caption.setToolTip("")
            self.caption.setText(self._prompt() if model is not None else self.tr("Train or open a model first."))
            self.overlayChanged.emit(None, -1)
            return
        method = self.method.currentData()
        x, p = ins.x, ins.y
        best = int(p.argmax())
        digit = best if self.target is None or self.target >= len(p) else self.target
        with np.errstate(all="ignore"):
            a = np.nan_to_num(explain.attribution_map(ins, digit, method, IG_STEPS))
        self.attribution, self.digit = a, digit
        n = len(x)
        side = int(round(np.sqrt(n)))
        shape = (side, side) if side * side == n else (1, n)
        rgb = overlay_rgb(x.reshape(shape), a.reshape(shape))
        self.overlay_image.setImage(rgb, levels=(0, 255))
        lim = finite_limit(a)
        self.map_image.setImage(a.reshape(shape), levels=(-lim, lim))
        why = arg(self.tr("Why %1?"), digit) if digit == best else \
            arg(self.tr("Why not %1? (the network reads %2)"), digit, best)
        what = "x · ∂ log p/∂x" if method == "gradient" else self.tr("integrated gradients from a blank image")
        text = arg(self.tr("<b>%1</b> Red pixels raise log p(%2), blue ones lower it: the map is %3. p(%2) = %4; "
                           "the map adds up to %5"), why, digit, what, f"{p[digit]:.3f}", f"{a.sum():+.3g}")
        if method == "integrated":
            black = ins.network.predict_proba(np.zeros_like(x))[0, digit]
            gap = np.log(max(p[digit], 1e-300)) - np.log(max(black, 1e-300))
            text += arg(self.tr(" (log p(%1) here minus on a blank image: %2)"), digit, f"{gap:+.3g}")
        self.caption.setText(text + ".")
        self.caption.setToolTip(text + ".")  # where the view is narrow, three lines do not hold it all
        self.overlayChanged.emit(rgb, digit)
