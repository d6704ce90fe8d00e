"""Running one of the course's experiments: its runs one after another, each kept for comparison."""
from __future__ import annotations

from PySide6.QtCore import QObject

from ..core.config import ConfigError
from ..core.experiments import Experiment
from .i18n import arg, translated
from .snapshot import DIVERGED, FINISHED


class ExperimentRunner(QObject):
    """Sets up each run of an experiment in the window's form, trains it to its planned end (or
    until it diverges), then starts the next; every finished run stays in the session's runs."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.queue: list = []
        window.controller.stateChanged.connect(self._on_state)

    def start(self, experiment: Experiment) -> None:
        if not self.w.confirm_discard(self.tr("Run an experiment")):
            return
        self.queue = list(experiment.runs)
        self._next()

    def _next(self) -> None:
        w = self.w
        while self.queue:
            run = self.queue.pop(0)
            try:
                config = run.config()
            except ConfigError as e:
                w.notify(self.tr("Cannot use these settings"), translated(e))
                continue
            w.controls.set_config(config, run.train_limit or len(w.data.y_train))
            if w.new_run():
                w.controls.show_note(arg(self.tr("Experiment run: %1"), run.label))
                w.toggle_run()
                return

    def _on_state(self, state: str, _message: str) -> None:
        if self.queue and state in (FINISHED, DIVERGED):
            self.w.files.saved_step = self.w.trainer.step_count  # an experiment's run is kept, not saved
            self._next()
