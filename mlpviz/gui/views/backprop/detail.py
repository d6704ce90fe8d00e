"""The current card up close: the diagram lit where it computes, its formula, its NumPy line, its
phase and shape, its values, where the number under the mouse came from, and its gradient check."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ....core.backprop import Card, Walkthrough
from ...i18n import arg
from ..labels import steady
from .diagram import CardDiagram
from .texts import explanation
from .values import CORRECT, VALUE, WEIGHTS, ValuesPlot

CHECK_PASSES = 1e-6  # float64: a right gradient's relative error is far below this
PHASES = {"forward": QT_TRANSLATE_NOOP("BackpropView", "forward pass"),
          "loss": QT_TRANSLATE_NOOP("BackpropView", "loss"),
          "backward": QT_TRANSLATE_NOOP("BackpropView", "backward pass"),
          "update": QT_TRANSLATE_NOOP("BackpropView", "update")}


def number(v: float) -> str:
    return f"{v:.4g}"


def origin_html(terms: list[tuple[str, float]]) -> str:
    """Walkthrough.origin's (label, value) pairs as one line: the entry first, then its sources."""
    *parts, (me, v) = terms
    sources = ", &nbsp;".join(f"{label} = {number(x)}" for label, x in parts)
    return f"<b>{me} = {number(v)}</b>" + (f" &nbsp;←&nbsp; {sources}" if parts else "")


class CardDetail(QWidget):
    """show_card(walk, index, ...) draws card `index` of a Walkthrough; check() runs its gradient
    check. Its What's This explains the card's kind of array."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.walk: Walkthrough | None = None
        self.card: Card | None = None
        self._checks: dict[str, float] = {}  # of this walkthrough's cards
        self._idle = ""  # the info lines while no entry is pointed at
        self.diagram = CardDiagram()
        self.diagram.setToolTip(self.tr("The network: the units and weights the current card computes with are "
                                        "lit (units coloured by the card's values, red and blue edges: its "
                                        "largest terms)"))
        self.formula = QLabel()
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.formula.setFont(big)
        self.code = QLabel()
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setToolTip(self.tr("The line of NumPy that computes it, as in the course's code"))
        self.shape = QLabel()  # the phase and the array's shape
        self.shape.setStyleSheet("color: #555")
        # A label whose text changes at every card must not ask for a new layout: one line, fixed height.
        for label in (self.formula, self.code, self.shape):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            label.setFixedHeight(label.fontMetrics().lineSpacing() + 4)
        self.check_button = QPushButton(self.tr("Gradient check"))
        self.check_button.setToolTip(self.tr("Move entries of this array by ±1e-6 in float64, compute E again and "
                                             "compare the slope with the backpropagated gradient"))
        self.check_button.clicked.connect(self.check)
        self.values = ValuesPlot()
        self.values.setMinimumHeight(110)
        self.values.hovered.connect(self._hovered)
        self.info = steady(QLabel(), 2)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        meta = QHBoxLayout()
        meta.addWidget(self.shape, 1)
        meta.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.diagram)
        layout.addWidget(self.formula)
        layout.addWidget(self.code)
        layout.addLayout(meta)
        layout.addWidget(self.values, 1)
        layout.addWidget(self.info)

    def show_card(self, walk: Walkthrough | None, index: int = 0, show_all: bool = False,
                  image_shape: tuple[int, int] | None = None) -> None:
        """Draw card `index` of walk (None: nothing to show); image_shape: how the input's pixels
        are laid out, for x, dx and the first layer's tiles."""
        if walk is not self.walk:
            self.walk, self._checks = walk, {}
            if walk is not None:
                self.diagram.set_walkthrough(walk)
        if walk is None:
            self.card = None
            for label in (self.formula, self.code, self.shape, self.info):
                label.clear()
            self.check_button.setEnabled(False)
            self.values.hide()
            self.diagram.hide()
            return
        self.values.show()
        self.diagram.show()
        c = self.card = walk.cards[index]
        self.formula.setText(c.formula)
        self.code.setText(c.code)
        phase = QCoreApplication.translate("BackpropView", PHASES[c.phase])
        self.shape.setText(arg(self.tr("%1 · shape %2"), phase, str(c.shape)) if c.shape else
                           arg(self.tr("%1 · a number"), phase))
        correct = c.correct
        self.values.show_card(c, correct, walk.ins.network.layers[0].W, image_shape, show_all)
        self.diagram.light(c, walk)
        self.check_button.setEnabled(c.phase == "backward" and c.kind != "J")
        self._idle = self._summary(c, correct)
        self.info.setText(self._idle)
        text = explanation(c.kind, walk.mistake if correct is not None else None)
        self.setWhatsThis(text)
        self.values.setWhatsThis(text)

    def _summary(self, c: Card, correct: np.ndarray | None) -> str:
        """The info lines when no entry is pointed at: the check's verdict, what is drawn and the
        card's range, or for one number where it came from."""
        if c.value.ndim == 0:
            return origin_html(self.walk.origin(c.name, ()))
        parts = [self._check_text(self._checks[c.name])] if c.name in self._checks else []
        if self.values.legend:
            parts.append(self.values.legend)
        if correct is not None and self.values.mode == "bars":
            parts.append(self.tr("coloured: with the mistake, grey: the right values"))
        v = c.value[np.isfinite(c.value)]
        if not v.size:
            parts.append(self.tr("no finite value: the network has diverged"))
        elif not self.values.legend:  # a legend's scales say enough for two lines
            parts.append(arg(self.tr("from %1 to %2"), number(v.min()), number(v.max())))
        return "; ".join(parts)

    # -- where a number came from

    def _hovered(self, entry) -> None:
        if self.card is not None:
            self.info.setText(self._idle if entry is None else self.origin_text(*entry))

    def origin_text(self, index: tuple[int, ...], slot: str = VALUE) -> str:
        """What the info line says of entry `index` of the card (in slot WEIGHTS, VALUE or CORRECT)."""
        c, walk = self.card, self.walk
        at = ", ".join(map(str, index))
        if slot == WEIGHTS:
            i, j = index
            w = float(walk.ins.network.layers[0].W[i, j])
            return arg(self.tr("W1[%1] = %2: the weight from pixel %3 into unit %4"), at, number(w), i, j)
        if slot == CORRECT:
            right = float(np.asarray(c.correct)[index])
            return arg(self.tr("the right %1[%2] = %3 (without the mistake)"), c.name, at, number(right))
        return origin_html(walk.origin(c.name, index))

    # -- the gradient check

    def check(self) -> float | None:
        """Check the card's gradient; its relative error (None for a card that is no gradient)."""
        c = self.card
        if c is None or c.phase != "backward" or c.kind == "J":
            return None
        err = self.walk.gradient_check(c.name)
        self._checks[c.name] = err
        self._idle = self._summary(c, c.correct)
        self.info.setText(self._idle)
        return err

    def _check_text(self, err: float) -> str:
        if err <= CHECK_PASSES:
            return arg(self.tr("<span style='color:#1b6e1b'>gradient check: relative error %1 ≤ 1e-6, "
                               "right</span>"), f"{err:.1e}")
        return arg(self.tr("<span style='color:#c0151a'><b>gradient check: relative error %1 &gt; 1e-6, "
                           "wrong</b></span>"), f"{err:.2g}")
