"""The update as a what-if: apply W ← W − η·dW to a copy for this example or the mini-batch, see
the example's loss and probabilities and the weights before and after, undo; optionally guess
first what the update will do."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ....core.backprop import Update
from ....core.model import MLP
from ... import style
from ...i18n import arg
from ..labels import steady
from .question import GuessQuestion

EXAMPLE, BATCH = "example", "batch"


def norm_changes(before: MLP, up: Update) -> list[tuple[str, float, float]]:
    """(name, ‖before‖, ‖after‖) of every parameter, W1 b1 W2 b2 ..."""
    out = []
    for l, (old, new) in enumerate(zip(before.layers, up.after.layers), start=1):
        for p in "Wb":
            with np.errstate(all="ignore"):
                out.append((f"{p}{l}", float(np.linalg.norm(getattr(old, p))), float(np.linalg.norm(getattr(new, p)))))
    return out


class UpdatePanel(QWidget):
    """Apply / Undo, for this example or the mini-batch, 'ask me first', and the result."""

    applyRequested = Signal()
    undoRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.apply_button = QPushButton(self.tr("Apply update"))
        self.apply_button.setToolTip(self.tr("W ← W − η·dW on a copy of the network (training's own network is "
                                             "untouched); the cards then show the network after it"))
        self.apply_button.clicked.connect(self.applyRequested)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("this example"), EXAMPLE)
        self.scope.addItem(self.tr("the mini-batch"), BATCH)
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.setMinimumContentsLength(8)
        self.scope.setToolTip(self.tr("The gradient of this example alone, or the mean gradient of the mini-batch "
                                      "the trainer learned from last (slow motion or single steps)"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Back to the network before the last update applied here"))
        self.undo_button.clicked.connect(self.undoRequested)
        self.ask_first = QCheckBox(self.tr("Ask first"))
        self.ask_first.setToolTip(self.tr("Guess what the update will do to the label's probability before "
                                          "seeing it"))
        self.question = GuessQuestion()
        self.result = steady(QLabel(), 6)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setFixedSize(170, self.result.height())
        self.plot.getAxis("left").setWidth(30)
        self.plot.setYRange(0, 1, padding=0.02)
        self.plot.getAxis("left").setTicks([[(0, "0"), (0.5, "0.5"), (1, "1")], []])
        self.plot.setToolTip(self.tr("The example's probabilities before the update (light) and after it (dark)"))
        self.before_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=style.BAR, pen=None)
        self.after_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=style.TRAIN, pen=None)
        self.plot.addItem(self.before_bars)
        self.plot.addItem(self.after_bars)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.apply_button)
        row.addWidget(self.scope)
        row.addWidget(self.undo_button)
        row.addWidget(self.ask_first)
        row.addStretch(1)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.result, 1)
        below.addWidget(self.plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.question)
        layout.addLayout(below)
        self.set_batch(None)
        self.clear_result()

    def set_batch(self, size: int | None) -> None:
        """The mini-batch at hand (its size), or None: the mini-batch scope is then unavailable."""
        item = self.scope.model().item(1)
        item.setEnabled(size is not None)
        self.scope.setItemText(1, arg(self.tr("the mini-batch (%1 images)"), size) if size is not None
                               else self.tr("the mini-batch (none yet)"))
        if size is None and self.scope.currentIndex() == 1:
            self.scope.setCurrentIndex(0)

    @property
    def for_batch(self) -> bool:
        return self.scope.currentData() == BATCH

    def set_applied(self, count: int) -> None:
        """How many updates are applied now (Undo takes back one)."""
        self.undo_button.setEnabled(count > 0)

    def clear_result(self) -> None:
        """Nothing applied: only the buttons show."""
        self.result.clear()
        self.result.hide()
        self.before_bars.setOpts(x=[], height=[])
        self.after_bars.setOpts(x=[], height=[])
        self.plot.hide()

    def show_result(self, up: Update, before: MLP, t: int, count: int) -> None:
        """The example's loss and probabilities before and after update `up`, applied to `before`
        (the count-th update applied), and every parameter's size before and after."""
        scope = arg(self.tr("the mean gradient of %1 images"), up.batch) if up.batch > 1 else \
            self.tr("this example's gradient")
        head = arg(self.tr("<b>Update %1</b> on a copy, %2:"), count, scope)
        p0, p1 = float(up.p_before[t]), float(up.p_after[t])
        loss = arg(self.tr("E %1 → <b>%2</b> · p(%3) %4 → <b>%5</b>"), f"{up.loss_before:.4g}",
                   f"{up.loss_after:.4g}", t, f"{p0:.3f}", f"{p1:.3f}")
        changes = [f"‖{name}‖ {a:.4g} → {b:.4g} ({100 * (b - a) / a:+.2f}%)" if a > 0 and np.isfinite(b) else
                   f"‖{name}‖ {a:.4g} → {b:.4g}" for name, a, b in norm_changes(before, up)]
        weights = " · ".join(c for c in changes if c.startswith("‖W"))
        self.result.setText(f"{head}<br>{loss}<br><span style='color:#555'>{weights}</span>")
        self.result.setToolTip("<br>".join([self.tr("Tried on a float64 copy: training's own network is untouched."),
                                            *changes]))
        x = np.arange(len(up.p_before))
        self.before_bars.setOpts(x=x - 0.2, height=up.p_before)
        self.after_bars.setOpts(x=x + 0.2, height=up.p_after)
        self.plot.getAxis("bottom").setTicks([[(d, str(d)) for d in x], []])
        self.plot.setXRange(-0.6, len(x) - 0.4, padding=0)
        self.result.show()
        self.plot.show()
