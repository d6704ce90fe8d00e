"""Ask before showing: the learner says whether a number will go up or down and by about how much,
then sees what happened beside the guess.

    q = GuessQuestion()
    q.ask("Will p(7) go up or down, and by about how much?", unit="points")
    q.answered.connect(lambda guess: q.reveal(actual_change))   # guess: a Guess
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import arg

UP, DOWN = 1, -1


@dataclass(frozen=True)
class Guess:
    """direction: UP (+1) or DOWN (-1); amount: how much, >= 0, in the question's unit."""

    direction: int
    amount: float

    @property
    def change(self) -> float:
        return self.direction * self.amount


class GuessQuestion(QFrame):
    """A question, Up and Down buttons, an amount and Answer; then the verdict.

    ask(question, unit) starts over; answered(Guess) is emitted once on Answer; reveal(actual,
    detail, hint) shows the actual change beside the guess. asking: a question waits for its
    answer.
    """

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold")
        self.up = QToolButton(text=self.tr("▲ up"))
        self.down = QToolButton(text=self.tr("▼ down"))
        self.group = QButtonGroup(self)
        for button in (self.up, self.down):
            button.setCheckable(True)
            self.group.addButton(button)
        self.amount = QDoubleSpinBox()
        self.amount.setDecimals(1)
        self.amount.setRange(0, 100)
        self.amount.setSingleStep(1)
        self.submit = QPushButton(self.tr("Answer"))
        self.submit.setEnabled(False)
        self.group.idClicked.connect(lambda _: self.submit.setEnabled(True))
        self.submit.clicked.connect(self._answer)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.up)
        row.addWidget(self.down)
        self.by = QLabel(self.tr("by about"))
        row.addWidget(self.by)
        row.addWidget(self.amount)
        row.addWidget(self.submit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        self.guess: Guess | None = None
        self._unit = ""
        self.clear()

    @property
    def asking(self) -> bool:
        return not self.isHidden() and self.guess is None

    def ask(self, question: str, unit: str = "", maximum: float = 100.0, decimals: int = 1) -> None:
        """Pose `question`; the amount is in `unit` (shown after the number), 0..maximum."""
        self.guess = None
        self._unit = unit
        self.question.setText(question)
        self.amount.setDecimals(decimals)
        self.amount.setRange(0, maximum)
        self.amount.setValue(0)
        self.amount.setSuffix(f" {unit}" if unit else "")
        self.group.setExclusive(False)
        for button in (self.up, self.down):
            button.setChecked(False)
        self.group.setExclusive(True)
        self._enable(True)
        self.submit.setEnabled(False)
        self.verdict.clear()
        self.verdict.hide()
        self.show()

    def clear(self) -> None:
        """No question: hidden."""
        self.guess = None
        self.hide()

    def _enable(self, on: bool) -> None:
        for w in (self.up, self.down, self.amount, self.submit):
            w.setEnabled(on)

    def _answer(self) -> None:
        checked = self.group.checkedButton()
        if checked is None:
            return
        direction = UP if checked is self.up else DOWN
        self.guess = Guess(direction, float(self.amount.value()))
        self._enable(False)
        self.answered.emit(self.guess)

    def reveal(self, actual: float, detail: str = "", hint: str = "") -> None:
        """Show the actual change (in the question's unit) beside the guess, then `detail`, and
        `hint` when the guess went the wrong way."""
        g = self.guess
        went = self.tr("up") if actual > 0 else self.tr("down") if actual < 0 else self.tr("nowhere")
        text = arg(self.tr("It went <b>%1 by %2</b>."), went, f"{abs(actual):.1f} {self._unit}".strip())
        if g is not None:
            said = self.tr("up") if g.direction == UP else self.tr("down")
            right = (actual > 0) == (g.direction == UP) and actual != 0
            text = arg(self.tr("You said %1 by about %2. "), said, f"{g.amount:.1f} {self._unit}".strip()) + text
            text += " " + (arg(self.tr("Right direction; off by %1."), f"{abs(abs(actual) - g.amount):.1f}")
                           if right else self.tr("The other way.") + (f" {hint}" if hint else ""))
        self.verdict.setText(text + (f" {detail}" if detail else ""))
        self.verdict.show()
        self._enable(False)
