"""The Course experiments menu, and a non-modal panel saying what to watch in the chosen one."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QPushButton, QVBoxLayout, QWidget

from ..core.experiments import EXPERIMENTS, Experiment
from .i18n import arg, translated


class WatchPanel(QDialog):
    """What to watch in an experiment: its runs and the explanation. Non-modal, one per window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.Tool)
        self.title = QLabel(self)
        self.runs = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        close = QPushButton(QCoreApplication.translate("Experiments", "Close"), self)
        close.clicked.connect(self.hide)
        layout = QVBoxLayout(self)
        for w in (self.title, self.runs, self.text):
            layout.addWidget(w)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(460, 260)

    def show_experiment(self, experiment: Experiment) -> None:
        """Fill in the experiment and show the panel without blocking the window."""
        title = translated(experiment.title)
        self.setWindowTitle(arg(QCoreApplication.translate("Experiments", "What to watch: %1"), title))
        self.title.setText(f"<b>{title}</b>")
        labels = ", ".join(translated(r.label) for r in experiment.runs)
        self.runs.setText(arg(QCoreApplication.translate("Experiments", "Runs, one after another: %1"), labels))
        self.text.setText(translated(experiment.what_to_watch))
        self.show()
        self.raise_()


def build_experiments_menu(parent: QMenu | QMainWindow | QWidget,
                           on_run: Callable[[Experiment], None]) -> QMenu:
    """A "Course experiments" menu, added to parent (a menu, or a main window's menu bar), with one
    action per experiment: choosing it shows what to watch (menu.watch_panel) and calls on_run."""
    menu = QMenu(QCoreApplication.translate("Experiments", "Course experiments"), parent)
    if isinstance(parent, QMenu):
        parent.addMenu(menu)
    elif isinstance(parent, QMainWindow):
        parent.menuBar().addMenu(menu)
    host = parent.window() if isinstance(parent, QWidget) else None
    menu.watch_panel = WatchPanel(host)
    for experiment in EXPERIMENTS:
        action = menu.addAction(translated(experiment.title))
        action.setData(experiment.key)
        labels = ", ".join(translated(r.label) for r in experiment.runs)
        action.setStatusTip(arg(QCoreApplication.translate("Experiments", "Runs: %1"), labels))

        def chosen(_checked: bool = False, e: Experiment = experiment) -> None:
            menu.watch_panel.show_experiment(e)
            on_run(e)

        action.triggered.connect(chosen)
    return menu
