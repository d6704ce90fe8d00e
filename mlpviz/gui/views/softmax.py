"""Softmax and the cross-entropy loss, step by step, for the current input."""
from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import explain
from ...core.model import MLP
from ..session import Session
from .base import View
from .labels import steady

COLUMNS = ("z (logit)", "a = z / T", "a − C", "exp(a − C)", "y = exp / Σ exp")
FORMULA = ("softmax, as the course writes it: y<sub>k</sub> = exp(a<sub>k</sub> − C) / "
           "Σ<sub>i</sub> exp(a<sub>i</sub> − C), with C = max(a) so that no exp overflows; here "
           "a = z / T for the temperature T.<br>cross-entropy: E = −Σ<sub>k</sub> t<sub>k</sub> log "
           "y<sub>k</sub> = −log y<sub>t</sub> for the one-hot label t.")
SLIDER = 40  # the temperature slider runs over 10^(-1) .. 10^(+1) in 2 * SLIDER steps
HIGHLIGHT = QColor(255, 236, 200)
LABEL = re.compile(r"\(label (\d+)\)")  # how Session.test_image describes a test image


class SoftmaxView(View):
    """A table of z, z/T, z/T − max, exp and p for the ten digits, a temperature slider, and
    the cross-entropy −log p_t for the true label the user picks."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.formula = QLabel(FORMULA)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setWordWrap(True)
        self.table = QTableWidget(10, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setVerticalHeaderLabels([f"digit {d}" for d in range(10)])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
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
        self.slider.setToolTip("Temperature T: the logits are divided by T before softmax. T > 1 flattens "
                               "the probabilities, T < 1 sharpens them; T = 1 is what the network outputs.")
        self.slider.valueChanged.connect(lambda _: self.refresh())
        self.t_label = QLabel()
        self.t_label.setFixedWidth(self.t_label.fontMetrics().horizontalAdvance("T = 10.00  "))
        self.label = QComboBox()
        self.label.addItems([str(d) for d in range(10)])
        self.label.setToolTip("The true label t for the cross-entropy")
        self.label.currentIndexChanged.connect(lambda _: self.refresh())
        self.loss = QLabel()
        self.loss.setTextFormat(Qt.TextFormat.RichText)
        steady(self.loss, 2)
        self.sum_label = steady(QLabel(), 2)

        controls = QHBoxLayout()
        controls.addWidget(QLabel("temperature"))
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.t_label)
        controls.addSpacing(16)
        controls.addWidget(QLabel("true label t"))
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
        if m and int(m.group(1)) < self.label.count():
            self.label.setCurrentIndex(int(m.group(1)))  # a test image knows its label
        self.refresh()

    def clear(self) -> None:
        self._model, self._x = None, None
        self.refresh()

    # -- drawing

    def refresh(self) -> None:
        self.t_label.setText(f"T = {self.temperature:.2f}")
        model, x = self._model, self._x
        if model is None or x is None or len(x) != model.sizes[0] or model.sizes[-1] != 10:
            self.steps = None
            for row in self._items:
                for item in row:
                    item.setText("")
            self.sum_label.setText("")
            self.loss.setText("Draw a digit or pick a test image to follow softmax step by step.")
            return
        with np.errstate(all="ignore"):
            z = explain.trace(model, x).logits[0]
        s = self.steps = explain.softmax_steps(z, self.temperature)
        t = self.label.currentIndex()
        best = int(np.argmax(s.p))
        restyle = self._marked != (best, t)  # each item's style change repaints it: only when needed
        self._marked = (best, t)
        bold, plain = QFont(), QFont()
        bold.setBold(True)
        for d, row in enumerate(self._items):
            values = (s.z[d], s.scaled[d], s.shifted[d], s.exp[d], s.p[d])
            for c, (item, v) in enumerate(zip(row, values)):
                item.setText(f"{v:.4g}" if c < 3 else f"{v:.4e}" if v < 1e-3 else f"{v:.4f}")
                if restyle:
                    item.setFont(bold if d == best else plain)
                    item.setBackground(QBrush(HIGHLIGHT) if d == t else QBrush())
        self.sum_label.setText(f"C = max(a) = {s.scaled.max():.4g};  Σ exp(a − C) = {s.total:.4g};  "
                               f"Σ y = {s.p.sum():.4f};  the network reads {best} (bold)")
        loss = s.cross_entropy(t)
        self.loss.setText(f"cross-entropy for t = {t} (highlighted): E = −log y<sub>{t}</sub> = "
                          f"−log {s.p[t]:.4g} = <b>{loss:.4f}</b>"
                          + ("" if self.slider.value() == 0 else
                             f"  (at T = 1: {explain.softmax_steps(z).cross_entropy(t):.4f})"))
