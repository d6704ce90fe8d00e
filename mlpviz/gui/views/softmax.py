"""Softmax and the cross-entropy loss, step by step, for the current input."""
from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import explain
from ...core.model import MLP
from .. import style
from ..classes import digits_or_classes
from ..i18n import arg
from ..session import Session
from ..widgets.whatsthis import explain as explain_view
from .base import View
from .labels import steady

# the logits a = a_L as the course names them; short: the header tooltips and the formula say more
COLUMNS = ("a", "a/T", "a/T − C", "exp(a/T−C)", "y")
NARROW_TABLE_PX = 300  # narrower than this, the table shows a/T only when T is not 1
SLIDER = 40  # the temperature slider runs over 10^(-1) .. 10^(+1) in 2 * SLIDER steps
HIGHLIGHT = QColor(255, 236, 200)
LABEL = re.compile(r"\(label (\d+)\)")  # how an input's description gives its label, when untranslated


def compact(v: float, probability: bool = False) -> str:
    """A table cell: 3 significant digits, a probability to 3 decimals, tiny values as 1.2e-05."""
    if not np.isfinite(v):
        return str(v)
    if v != 0 and abs(v) < 1e-3:
        return f"{v:.1e}"
    return f"{v:.3f}" if probability else f"{v:.3g}"


class SoftmaxView(View):
    """A table of the logits a, a/T, a/T − max, exp and y for the ten digits, a temperature slider,
    and the cross-entropy −log y_t for the true label the user picks."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.formula = QLabel(
            "y<sub>k</sub> = exp(a<sub>k</sub>/T − C) / Σ<sub>i</sub> exp(a<sub>i</sub>/T − C),&nbsp; "
            "C = max(a/T);&nbsp;&nbsp; E = −log y<sub>t</sub>")
        self.formula.setToolTip(self.tr(
            "softmax, as the course writes it: y<sub>k</sub> = exp(a<sub>k</sub> − C) / "
            "Σ<sub>i</sub> exp(a<sub>i</sub> − C), with C = max(a) so that no exp overflows, for the logits "
            "a = a<sub>L</sub>; here a is divided by the temperature T first.<br>cross-entropy: "
            "E = −Σ<sub>k</sub> t<sub>k</sub> log y<sub>k</sub> = −log y<sub>t</sub> for the one-hot label t."))
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setWordWrap(True)
        self.formula.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = QTableWidget(10, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        for c, tip in enumerate((self.tr("a (logit: the output layer's pre-activation)"), "a / T",
                                 "a/T − C, C = max(a/T)", "exp(a/T − C)", "y = exp(a/T − C) / Σ exp(a/T − C)")):
            self.table.horizontalHeaderItem(c).setToolTip(tip)
        self.table.setVerticalHeaderLabels([str(d) for d in range(10)])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._fit_header()
        # rows as tall as a line of text, so that all ten fit where the view is short
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(1)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() + 3)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self._items = [[QTableWidgetItem("") for _ in COLUMNS] for _ in range(10)]
        for r, row in enumerate(self._items):
            for c, item in enumerate(row):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(-SLIDER, SLIDER)
        self.slider.setValue(0)
        self.slider.setToolTip(self.tr("Temperature T: the logits are divided by T before softmax. T > 1 flattens "
                                       "the probabilities, T < 1 sharpens them; T = 1 is what the network outputs."))
        self.slider.valueChanged.connect(lambda _: self.refresh())
        self.t_label = QLabel()
        self.t_label.setFixedWidth(self.t_label.fontMetrics().horizontalAdvance("T = 10.00 "))
        self.slider.setMinimumWidth(40)
        self.label = QComboBox()
        self.label.addItems([str(d) for d in range(10)])
        self.label.setToolTip(self.tr("The true label t for the cross-entropy"))
        self.label.currentIndexChanged.connect(lambda _: self.refresh())
        self.loss = QLabel()
        self.loss.setTextFormat(Qt.TextFormat.RichText)
        steady(self.loss, 2)
        self.sum_label = steady(QLabel(), 2)

        controls = QHBoxLayout()
        controls.addWidget(QLabel("T"))
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.t_label)
        controls.addSpacing(6)
        controls.addWidget(QLabel("t ="))
        controls.addWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.formula)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sum_label)
        layout.addWidget(self.loss)
        self._model: MLP | None = None
        self._x: np.ndarray | None = None
        self.steps: explain.SoftmaxSteps | None = None
        self._marked: tuple[int, int] | None = None
        controls.addWidget(explain_view(self, "", floating=False))
        self._data_texts()
        self.refresh()

    def _data_texts(self) -> None:
        """The texts that speak of digits, or of classes for other data (classes.py)."""
        data = self.session.data
        self.table.verticalHeader().setToolTip(digits_or_classes(data, self.tr("digit"), self.tr("class")))
        self.setWhatsThis(digits_or_classes(data, self.tr(
            "<b>Softmax and cross-entropy, step by step</b><p>The output layer's pre-activations a (logits) "
            "become probabilities: y<sub>k</sub> = exp(a<sub>k</sub>) / Σ<sub>i</sub> exp(a<sub>i</sub>), computed "
            "after subtracting the largest so that nothing overflows. The loss for the true label t is the "
            "cross-entropy E = −Σ t<sub>k</sub> log y<sub>k</sub> = −log y<sub>t</sub>: small when the network "
            "gives the right digit a high probability.</p>"), self.tr(
            "<b>Softmax and cross-entropy, step by step</b><p>The output layer's pre-activations a (logits) "
            "become probabilities: y<sub>k</sub> = exp(a<sub>k</sub>) / Σ<sub>i</sub> exp(a<sub>i</sub>), computed "
            "after subtracting the largest so that nothing overflows. The loss for the true label t is the "
            "cross-entropy E = −Σ t<sub>k</sub> log y<sub>k</sub> = −log y<sub>t</sub>: small when the network "
            "gives the right class a high probability.</p>")))

    def set_data(self, data) -> None:
        self._data_texts()
        self.refresh()

    @property
    def temperature(self) -> float:
        return float(10 ** (self.slider.value() / SLIDER))

    def set_temperature(self, t: float) -> None:
        """Move the slider to the nearest step to temperature t (0.1 to 10)."""
        self.slider.setValue(int(round(np.clip(np.log10(t), -1, 1) * SLIDER)))

    def set_label(self, digit: int) -> None:
        self.label.setCurrentIndex(digit)

    # -- the View interface

    def update_from(self, snapshot) -> None:
        self._model = snapshot.model
        self.refresh()

    def set_input(self, x: np.ndarray | None, source: str) -> None:
        self._x = x
        m = LABEL.search(source or "")
        label = self.session.input_label if self.session.input_label is not None else \
            int(m.group(1)) if m else None
        if label is not None and label < self.label.count():
            self.label.setCurrentIndex(label)  # a test or training image knows its label
        self.refresh()

    def clear(self) -> None:
        self._model, self._x = None, None
        self.refresh()

    # -- drawing

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._hide_same_column()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoomed: the headers are wider
            self._fit_header()

    def _fit_header(self) -> None:
        """Every column at least as wide as the widest header: squeezed, "exp(a/T−C)" read "xp(a−C".
        A table narrower than that scrolls sideways."""
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(max(header.sectionSizeFromContents(c).width() for c in range(len(COLUMNS))))

    def _hide_same_column(self) -> None:
        """Where the table is narrow, hide a/T while T = 1: it repeats a, and five columns did not fit."""
        hide = self.slider.value() == 0 and self.table.viewport().width() < style.px(NARROW_TABLE_PX)
        if hide != self.table.isColumnHidden(1):
            self.table.setColumnHidden(1, hide)

    def refresh(self) -> None:
        self.t_label.setText(f"T = {self.temperature:.2f}")
        self._hide_same_column()
        model = self._model
        ins = None if model is None or self._x is None else self.session.inspection()
        if ins is None or model.sizes[-1] != 10:
            self.steps = None
            for row in self._items:
                for item in row:
                    item.setText("")
            self.sum_label.setText("")
            self.loss.setText(digits_or_classes(
                self.session.data, self.tr("Draw a digit or pick a test image to follow softmax step by step."),
                self.tr("Draw on the pad or pick a test image to follow softmax step by step.")))
            return
        a = ins.logits
        s = self.steps = explain.softmax_steps(a, self.temperature)
        t = self.label.currentIndex()
        best = int(np.argmax(s.p))
        restyle = self._marked != (best, t)  # each item's style change repaints it: only when needed
        self._marked = (best, t)
        bold, plain = QFont(), QFont()
        bold.setBold(True)
        for d, row in enumerate(self._items):
            values = (s.z[d], s.scaled[d], s.shifted[d], s.exp[d], s.p[d])
            for c, (item, v) in enumerate(zip(row, values)):
                item.setText(compact(v, c == len(values) - 1))
                if restyle:
                    item.setFont(bold if d == best else plain)
                    item.setBackground(QBrush(HIGHLIGHT) if d == t else QBrush())
        self.sum_label.setText(arg(self.tr("C = max(a/T) = %1;  Σ exp(a/T − C) = %2;  Σ y = %3;  the network reads "
                                           "%4 (bold)"), f"{s.scaled.max():.4g}", f"{s.total:.4g}",
                                   f"{s.p.sum():.4f}", best))
        loss = s.cross_entropy(t)
        self.loss.setText(arg(self.tr("cross-entropy for t = %1 (highlighted): E = −log y<sub>%1</sub> = "
                                      "−log %2 = <b>%3</b>"), t, f"{s.p[t]:.4g}", f"{loss:.4f}")
                          + ("" if self.slider.value() == 0 else
                             arg(self.tr("  (at T = 1: %1)"), f"{explain.softmax_steps(a).cross_entropy(t):.4f}")))
