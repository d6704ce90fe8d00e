"""File > Check my code: a learner's own forward, backward and update, checked against the engine's
and trained beside it. The learner's file runs in a child process (core.checkcode), waited for on
the window's job service, so the app keeps running whatever their code does."""
from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.checkcode import STEPS, TIMEOUT, CheckReport, check_code, template_text
from ..core.data import Dataset
from . import style
from .i18n import arg, translated

if TYPE_CHECKING:
    from .jobs import JobService, Request

KEY = "check code"
PASSED = "#2ca02c"
FAILED = style.TEST
FIRST_WRONG = "#fde3e1"  # the first wrong row's background


class CheckDialog(QDialog):
    """Choose a .py file (or write the template), check it off the GUI thread, show every check in
    a table (the first wrong one highlighted) and both loss curves, the learner's and the engine's."""

    def __init__(self, jobs: JobService, data: Callable[[], Dataset | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.jobs, self.data = jobs, data
        self.request: Request | None = None
        self.report: CheckReport | None = None
        self.setModal(False)
        self.setWindowTitle(self.tr("Check my code"))
        self.setWhatsThis(self.tr(
            "Check your own NumPy network: the functions forward, backward and update of a .py file, filled in "
            "from the template. Each array they return is compared with the engine's on a small network; "
            "then the file trains on MNIST beside the engine. Your file runs in a separate process with a "
            "time limit: whatever it does, mlpviz keeps running."))

        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("Your .py file"))
        self.path.setWhatsThis(self.tr("The file with your forward, backward and update functions."))
        self.path.returnPressed.connect(self.start)
        choose = QPushButton(self.tr("Choose..."), self)
        choose.clicked.connect(self.choose_file)
        write = QPushButton(self.tr("Write a template..."), self)
        write.setWhatsThis(self.tr("Save a starting file with the functions to fill in, their arguments, shapes and "
                                   "hints, in Korean and English."))
        write.clicked.connect(self.ask_template)
        self.steps = QSpinBox(self)
        self.steps.setRange(0, 1000)
        self.steps.setValue(STEPS)
        self.steps.setToolTip(self.tr("Training steps with your functions (0: check only)"))
        self.steps.setWhatsThis(self.tr("How many training steps (batches of 100 MNIST images) to take with your "
                                        "functions, beside the engine on the same batches from the same weights."))
        self.run_button = QPushButton(self.tr("Check"), self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.toggle)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        for w in (choose, write, QLabel(self.tr("Steps:"), self), self.steps, self.run_button):
            row.addWidget(w)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.summary = QLabel(self.tr("Choose your file, or write a template to start from."), self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Shape"), self.tr("Expected"),
                                              self.tr("Relative error"), self.tr("Verdict"), self.tr("Hint")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWhatsThis(self.tr(
            "One row per array your functions return, in the order the course computes them, then the training "
            "run. Relative error: how far your array is from the engine's, relative to its size (for the new "
            "parameters, to the size of the step). The first wrong row is highlighted; its hint says what the "
            "numbers show, often the mistake itself, and where in your file."))

        self.plot = style.plot_widget(self.tr("Training loss with your code and with the engine"),
                                      self.tr("loss"), self.tr("step"))
        self.plot.addLegend(offset=(-10, 10), labelTextSize=style.pt(8))
        self.engine_curve = self.plot.plot(pen=pg.mkPen(style.TRAIN, width=2, style=Qt.PenStyle.DashLine),
                                           name=self.tr("engine"))
        self.yours_curve = self.plot.plot(pen=pg.mkPen(style.ACCENT, width=2), name=self.tr("your code"))
        self.plot.setWhatsThis(self.tr(
            "The batch losses of training with your functions (orange) and with the engine (blue, dashed), from "
            "the same weights on the same batches. Correct functions draw one curve over the other."))

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.plot)
        split.setSizes([330, 200])
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(900, 640)

    # --- the file ------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Your network code"), self._folder(),
                                              self.tr("Python files (*.py)"))
        if path:
            self.path.setText(path)

    def ask_template(self) -> None:
        start = str(Path(self._folder()) / "mynet.py")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Write a template"), start,
                                              self.tr("Python files (*.py)"))
        if path:
            self.write_template(path)

    def write_template(self, path: str) -> bool:
        """Write the starting file to path and choose it; False (and a message) if it cannot be written."""
        try:
            Path(path).write_text(template_text(), encoding="utf-8")
        except OSError as e:
            QMessageBox.warning(self, self.tr("Write a template"),
                                arg(self.tr("Cannot write %1: %2"), path, e.strerror or str(e)))
            return False
        self.path.setText(path)
        self.summary.setText(arg(self.tr("Template written to %1: fill in its TODOs, then press Check."), path))
        return True

    def _folder(self) -> str:
        text = self.path.text().strip()
        return str(Path(text).parent) if text else str(Path.home())

    # --- the check -----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.request is not None and self.request.pending

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Check the chosen file on the job service; the child process does the work."""
        path = self.path.text().strip()
        if not Path(path).is_file():
            self.summary.setText(arg(self.tr("%1 is not a file: choose your .py file."), path) if path
                                 else self.tr("Choose your .py file first."))
            return
        self.request = self.jobs.submit(KEY, check_code, path, data=self.data(), steps=self.steps.value(),
                                        timeout=TIMEOUT, done=self.show_report, failed=self._failed,
                                        progress=self._progressed, owner=self)
        self._busy(True)
        self.summary.setText(self.tr("Running your code in a separate process..."))

    def stop(self) -> None:
        """Stop a check under way: its child process is killed."""
        self.jobs.cancel(KEY)
        self._busy(False)
        self.summary.setText(self.tr("Stopped."))

    def _busy(self, busy: bool) -> None:
        self.run_button.setText(self.tr("Stop") if busy else self.tr("Check"))
        self.progress.setVisible(busy)
        self.progress.setValue(0)

    def _progressed(self, fraction: float) -> None:
        self.progress.setValue(round(100 * fraction))

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.summary.setText(arg(self.tr("The check itself failed: %1"), message))

    def show_report(self, report: CheckReport) -> None:
        """Fill the table and the plot from a finished check."""
        self._busy(False)
        self.report = report
        first = report.first_wrong
        if report.ok:
            self.summary.setText(arg(self.tr("All %1 checks pass: your functions compute what the engine does."),
                                     len(report.checks)))
        else:
            self.summary.setText(arg(self.tr("First wrong: %1 (%2). %3"), first.name, translated(first.verdict),
                                     translated(report.hint(first))))
        self.table.setRowCount(len(report.checks))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, check in enumerate(report.checks):
            error = "" if check.relative_error is None else f"{check.relative_error:.2e}"
            hint = translated(report.hint(check)) if not check.passed else ""
            cells = (check.name, _shape(check.shape), _shape(check.expected_shape), error,
                     translated(check.verdict), hint)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(hint)
                if column == 4:
                    item.setForeground(QBrush(QColor(PASSED if check.passed else FAILED)))
                if check is first:
                    item.setBackground(QBrush(QColor(FIRST_WRONG)))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if first is not None:
            self.table.scrollToItem(self.table.item(report.checks.index(first), 0))
        self.yours_curve.setData(*_points(report.loss))
        self.engine_curve.setData(*_points(report.engine_loss))

    def closeEvent(self, event) -> None:
        if self.running:
            self.stop()
        super().closeEvent(event)


def _shape(shape: tuple[int, ...] | None) -> str:
    return "" if shape is None else "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def _points(loss: list[float]) -> tuple[list[int], list[float]]:
    """Steps 1, 2, ... and their losses, NaN and infinities left out (a plot cannot range over them)."""
    kept = [(step, v) for step, v in enumerate(loss, 1) if math.isfinite(v)]
    return [s for s, _ in kept], [v for _, v in kept]


def show_check_dialog(parent: QWidget, jobs: JobService, data: Callable[[], Dataset | None]) -> CheckDialog:
    """The window's one Check my code dialog, made on first use, shown and raised."""
    dialog = parent.findChild(CheckDialog)
    if dialog is None:
        dialog = CheckDialog(jobs, data, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
