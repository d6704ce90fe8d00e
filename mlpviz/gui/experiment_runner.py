"""Running one of the course's experiments: its runs one after another, each kept for comparison."""
from __future__ import annotations

from PySide6.QtCore import QObject

from ..core.config import ConfigError
from ..core.experiments import Experiment
from .i18n import arg, translated
from .run_control import RunControl
from .snapshot import DIVERGED, FAILED, FINISHED


class ExperimentRunner(QObject):
    """Sets up each run of an experiment in the settings form, trains it to its planned end (or
    until it diverges), then starts the next; every finished run stays in the session's runs.
    It follows only the runs it started: a failure, or a network the user started meanwhile
    (Reset, Open), ends the experiment, so the user's own network is never kept or replaced."""

    def __init__(self, control: RunControl, parent: QObject | None = None):
        super().__init__(parent)
        self.control = control
        self.queue: list = []
        self._trainer = None  # the trainer of the experiment's run now training
        control.run.stateChanged.connect(self._on_state)

    def start(self, experiment: Experiment) -> None:
        if not self.control.confirm_discard(self.tr("Run an experiment")):
            return
        self.queue = list(experiment.runs)
        self._next()

    def _next(self) -> None:
        c = self.control
        while self.queue:
            run = self.queue.pop(0)
            try:
                config = run.config()
            except ConfigError as e:
                c.notify(self.tr("Cannot use these settings"), translated(e))
                continue
            c.controls.set_config(config, run.train_limit or len(c.session.data.y_train))
            if c.new_run():
                self._trainer = c.run.trainer
                c.controls.show_note(arg(self.tr("Experiment run: %1"), run.label))
                c.toggle_run()
                return

    def _on_state(self, state: str, _message: str) -> None:
        if not self.queue:
            return
        if state == FAILED or self.control.run.trainer is not self._trainer:
            self.queue = []  # the failure is reported as any other; the user's network stays theirs
        elif state in (FINISHED, DIVERGED):
            self.control.run.keep()  # an experiment's run is kept for comparison, not saved
            self._next()
