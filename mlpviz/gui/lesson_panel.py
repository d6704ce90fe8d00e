"""The lesson panel: a lesson's steps one at a time, each with its question answered (or skipped)
before "Run this step" sets the step's network up or starts its experiment, then the answer.

Predicting before looking is the point: the step cannot run until its question has a guess or is
skipped, and the answer is shown only once it has run (at once for a step with nothing to run).
A step's network replaces the current one through the window's usual Save/Discard/Cancel prompt;
a network the lesson itself made is not the user's work and is replaced without asking.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core import lessons
from ..core.errors import USER_ERRORS
from ..core.lessons import CHOICE, Lesson, Step
from .i18n import arg, translated

POINT_MS = 4000  # how long the frame around what a step points at stays


def language() -> str:
    """The language the window speaks ("ko" or "en"): translation.install sets the default locale."""
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


class Pointer(QFrame):
    """A coloured frame over a widget for a few seconds: what the step points at."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("Pointer { border: 3px solid #e8590c; border-radius: 4px; background: transparent; }")
        self.hide()
        self.timer = QTimer(self, singleShot=True, interval=POINT_MS, timeout=self.hide)
        self.target: QWidget | None = None

    def point(self, target: QWidget) -> None:
        self.target = target
        top_left = target.mapTo(self.parentWidget(), target.rect().topLeft())
        self.setGeometry(top_left.x() - 3, top_left.y() - 3, target.width() + 6, target.height() + 6)
        self.raise_()
        self.show()
        self.timer.start()


class LessonPanel(QDockWidget):
    """A dock beside the views. open(lesson) shows its first step; previous()/next() move; answer(guess)
    and skip() settle the question; run_step() applies the step."""

    def __init__(self, window: QMainWindow, settings: QSettings | None = None):
        super().__init__(window)
        self.setObjectName("lesson_panel")
        self.w, self.settings = window, settings
        self.control, self.experiments = window.commands, window.experiments
        self.lesson: Lesson | None = None
        self.index = 0
        self.guess: float | None = None
        self.settled = False  # the question is answered or skipped (or there is none)
        self.ran = False
        self._trainer = None  # the network the lesson made last: not the user's work
        self.pointer = Pointer(window)
        self._build()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Lesson"))
        body = QWidget()
        self.heading = QLabel()
        self.counter = QLabel()
        self.step_title = QLabel()
        self.step_title.setStyleSheet("font-weight: bold; font-size: 115%")
        self.text = QLabel()
        self.question_box = QFrame()
        self.question_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = QLabel()
        self.question.setStyleSheet("font-weight: bold")
        self.options = QButtonGroup(self)
        self.options_box = QVBoxLayout()
        self.number = QDoubleSpinBox()
        self.number.setRange(-1e6, 1e6)
        self.number.setDecimals(2)
        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.clicked.connect(self._answer_clicked)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Run the step without answering; the answer is shown afterwards"))
        self.skip_button.clicked.connect(self.skip)
        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.run_button = QPushButton(self.tr("Run this step"))
        self.run_button.clicked.connect(self.run_step)
        self.watch = QLabel()
        self.watch.setTextFormat(Qt.TextFormat.RichText)
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.clicked.connect(self.previous)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.clicked.connect(self.next)
        for label in (self.heading, self.step_title, self.text, self.question, self.verdict, self.watch):
            label.setWordWrap(True)
        guess_row = QHBoxLayout()
        guess_row.addWidget(self.number)
        guess_row.addWidget(self.answer_button)
        guess_row.addWidget(self.skip_button)
        guess_row.addStretch(1)
        q = QVBoxLayout(self.question_box)
        q.addWidget(self.question)
        q.addLayout(self.options_box)
        q.addLayout(guess_row)
        q.addWidget(self.verdict)
        moves = QHBoxLayout()
        moves.addWidget(self.prev_button)
        moves.addStretch(1)
        moves.addWidget(self.counter)
        moves.addStretch(1)
        moves.addWidget(self.next_button)
        column = QVBoxLayout(body)
        column.addWidget(self.heading)
        column.addWidget(self.step_title)
        column.addWidget(self.text)
        column.addWidget(self.question_box)
        column.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.watch)
        column.addStretch(1)
        column.addLayout(moves)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # the texts wrap to the panel's width: it scrolls down, never sideways
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(max(300, body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()))
        self.setWidget(scroll)

    # The Lessons menu ---------------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        """The built-in lessons, Open... and Close lesson."""
        try:
            found = lessons.builtin()
        except USER_ERRORS as e:  # a broken installation: the menu still opens a teacher's file
            found = []
            self.control.notify(self.tr("Cannot open the lesson"), translated(e))
        for lesson in found:
            menu.addAction(lesson.title.get(language()), lambda checked=False, x=lesson: self.open(x))
        menu.addSeparator()
        menu.addAction(self.tr("&Open lesson..."), lambda: self.open_file()).setStatusTip(
            self.tr("Open a lesson file (.toml or .json) written by a teacher"))
        menu.addAction(self.tr("&Close lesson"), self.close_lesson)

    def open_file(self, path: str | None = None) -> bool:
        """Open a lesson file (asked for if not given); a broken one is reported, not opened."""
        if not path:
            start = str(self.settings.value("last_lesson_folder", "")) if self.settings else ""
            path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Open lesson"), start,
                                                  self.tr("Lessons (*.toml *.json)"))
            if not path:
                return False
        try:
            lesson = lessons.load(path)
        except USER_ERRORS as e:
            self.control.notify(self.tr("Cannot open the lesson"), translated(e))
            return False
        if self.settings is not None:
            self.settings.setValue("last_lesson_folder", str(Path(path).parent))
        self.open(lesson)
        return True

    def open(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.heading.setText(lesson.title.get(language()))
        self.heading.setToolTip(lesson.text.get(language()))
        self.show()
        self.raise_()
        self.go(0)

    def close_lesson(self) -> None:
        self.lesson = None
        self.pointer.hide()
        self.hide()

    # Steps --------------------------------------------------------------------------------

    @property
    def step(self) -> Step | None:
        return self.lesson.steps[self.index] if self.lesson is not None else None

    def previous(self) -> None:
        if self.lesson is not None and self.index > 0:
            self.go(self.index - 1)

    def next(self) -> None:
        if self.lesson is not None and self.index + 1 < len(self.lesson.steps):
            self.go(self.index + 1)

    def go(self, index: int) -> None:
        """Show step `index`: its text, its question unanswered, its view."""
        self.index = index
        step, lang, n = self.step, language(), len(self.lesson.steps)
        self.counter.setText(arg(self.tr("Step %1 of %2"), index + 1, n))
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < n)
        self.step_title.setText(step.title.get(lang))
        self.text.setText(step.text.get(lang))
        self.guess, self.ran = None, False
        self.settled = step.question is None
        self.watch.clear()
        self.watch.hide()
        self._ask(step)
        self.run_button.setVisible(step.runs)
        self._update_buttons()
        self.show_view(step)

    def _ask(self, step: Step) -> None:
        q, lang = step.question, language()
        self.question_box.setVisible(q is not None)
        for button in self.options.buttons():
            self.options.removeButton(button)
            button.deleteLater()
        self.verdict.clear()
        self.verdict.hide()
        if q is None:
            return
        self.question.setText(q.text.get(lang))
        self.number.setVisible(q.kind != CHOICE)
        if q.kind == CHOICE:
            for i, option in enumerate(q.options):
                button = QRadioButton(option.get(lang))
                self.options.addButton(button, i)
                self.options_box.addWidget(button)
        else:
            self.number.setSuffix(f" {q.unit}" if q.unit else "")
            self.number.setValue(0)

    def _update_buttons(self) -> None:
        asking = self.step is not None and self.step.question is not None and not self.settled
        for w in (self.answer_button, self.skip_button, self.number, *self.options.buttons()):
            w.setEnabled(asking)
        self.run_button.setEnabled(self.settled and not self.ran)
        self.run_button.setToolTip("" if self.settled else self.tr("Answer the question, or skip it, first"))

    def _answer_clicked(self) -> None:
        q = self.step.question
        if q.kind == CHOICE:
            if self.options.checkedId() < 0:
                return
            self.answer(self.options.checkedId())
        else:
            self.answer(self.number.value())

    def answer(self, guess: float) -> None:
        """The learner's guess: an option's index, or a number in the question's unit."""
        if self.settled:
            return
        self.guess, self.settled = guess, True
        self.verdict.setText(self.tr("Your answer is in. Run the step to see the answer.") if self.step.runs else "")
        self.verdict.setVisible(self.step.runs)
        self._update_buttons()
        if not self.step.runs:
            self._reveal()

    def skip(self) -> None:
        if not self.settled:
            self.settled = True
            self._update_buttons()
            if not self.step.runs:
                self._reveal()

    def _reveal(self) -> None:
        q, lang = self.step.question, language()
        if q is None:
            return
        shown = q.options[int(q.answer)].get(lang) if q.kind == CHOICE else f"{q.answer:g} {q.unit}".strip()
        text = arg(self.tr("The answer: <b>%1</b>."), shown)
        if self.guess is not None:
            said = (q.options[int(self.guess)].get(lang) if q.kind == CHOICE
                    else f"{self.guess:g} {q.unit}".strip())
            text = arg(self.tr("You said %1."), said) + " " + text + " " + (
                self.tr("Right!") if q.is_right(self.guess) else self.tr("Not quite."))
        if q.explain:
            text += " " + q.explain.get(lang)
        self.verdict.setText(text)
        self.verdict.show()

    def run_step(self) -> bool:
        """Apply the step: its settings as a new network (after the usual prompt), trained as it says,
        or its experiment through the experiment runner; then the answer and what to watch."""
        step, c = self.step, self.control
        if step is None or not step.runs or not self.settled or self.ran:
            return False
        self._keep_own_network()
        if step.experiment is not None:
            self.experiments.start(step.experiment)
            if not self.experiments.running:  # cancelled at the prompt, or the settings were refused
                return False
            self._trainer = c.run.trainer
        else:
            data = c.session.data
            if data is None or not c.confirm_discard(self.tr("Run a lesson step")):
                return False
            images = min(step.train_images or len(data.y_train), len(data.y_train))
            c.controls.set_config(step.config, images)
            if not c.new_run(config=step.config):
                return False
            self._trainer = c.run.trainer
            if step.train == "start":
                c.toggle_run()
            elif step.train == "epoch":
                c.step_epoch()
        self.ran = True
        self._update_buttons()
        self._reveal()
        if step.watch:
            self.watch.setText(arg(self.tr("<b>Watch:</b> %1"), step.watch.get(language())))
            self.watch.show()
        self.show_view(step)
        return True

    def _keep_own_network(self) -> None:
        """The lesson's last network, trained only as the lesson said, is no one's unsaved work."""
        run = self.control.run
        if self._trainer is not None and run.trainer is self._trainer and not run.edited and run.unsaved():
            self.control.controller.pause_and_wait()
            run.keep()

    # Views --------------------------------------------------------------------------------

    def views(self) -> dict[str, QWidget]:
        w = self.w
        return {"training": w.center, "inside": w.inside, "backprop": w.backprop, "evaluate": w.evaluate,
                "dynamics": w.dynamics, "runs": w.runs, "minibatch": w.minibatch, "edit": w.editor,
                "data": w.data_view}

    def targets(self) -> dict[str, QWidget]:
        w = self.w
        return {"curves": w.curves, "weights": w.weights, "update": w.backprop.panel, "cards": w.backprop.cards}

    def show_view(self, step: Step) -> None:
        """Switch to the step's view, and frame what it points at once the view is laid out."""
        if step.view is None:
            return
        self.w.tabs.setCurrentWidget(self.views()[step.view])
        if step.point_at is not None:
            target = self.targets()[step.point_at]
            scroll = getattr(self.views()[step.view], "scroll", None)
            if isinstance(scroll, QScrollArea):
                scroll.ensureWidgetVisible(target)
            QTimer.singleShot(0, lambda: self.pointer.point(target))
