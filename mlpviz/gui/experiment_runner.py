"""Running one of the course's experiments: its runs one after another, each kept for comparison."""
from __future__ import annotations

from PySide6.QtCore import QObject

from ..core.config import Config, ConfigError
from ..core.experiments import MISTAKE_TEXTS, Experiment, Run
from .i18n import arg, translated
from .run_control import RunControl
from .snapshot import DIVERGED, FAILED, FINISHED


class ExperimentRunner(QObject):
    """Sets up each run of an experiment in the settings form, trains it to its planned end (or
    until it diverges), then starts the next; every run stays in the session's runs, named by the
    experiment's label for it. It follows only the runs it started: a failure, or a network the
    user started meanwhile (Reset, Open), ends the experiment, so the user's own network is never
    kept or replaced. An experiment's runs are not the user's work: they are never asked about
    before being replaced, and their settings are not the ones remembered for the next launch."""

    def __init__(self, control: RunControl, parent: QObject | None = None):
        super().__init__(parent)
        self.control = control
        self.queue: list[Run] = []
        self._run: Run | None = None  # the experiment's run now current
        self._trainer = None  # ...and its trainer
        self._driving = False  # that run trains to its end, and the next follows
        self._count = (0, 0)  # the current run's place in its experiment: (n, of)
        self._own: tuple[Config | None, int] | None = None  # the user's settings before the experiments
        control.run.stateChanged.connect(self._on_state)

    @property
    def running(self) -> bool:
        """Whether an experiment's run is training to its end, with more to follow or the last."""
        return self._driving

    def current(self) -> Run | None:
        """The experiment's run that is the current network, or None if the network is the user's."""
        return self._run if self._trainer is not None and self.control.run.trainer is self._trainer else None

    def users_settings(self) -> tuple[Config | None, int] | None:
        """While an experiment's run is the current network, the settings and training images of the
        user's own network before it (to remember instead); None while the network is the user's."""
        return self._own if self.current() is not None else None

    def start(self, experiment: Experiment) -> None:
        c = self.control
        if self._driving and self.current() is not None and not c.run.edited:
            c.controller.pause_and_wait()
            c.run.keep()  # trained by the experiment so far: not the user's work, nothing to ask about
        if not c.confirm_discard(self.tr("Run an experiment")):
            return
        if self.current() is None:
            self._own = (c.run.config, c.run.train_images)
        self.queue = list(experiment.runs)
        self._count = (0, len(self.queue))
        self._next()

    def _next(self) -> None:
        c = self.control
        while self.queue:
            run = self.queue.pop(0)
            self._count = (self._count[0] + 1, self._count[1])
            try:
                config = run.config()
            except ConfigError as e:
                c.notify(self.tr("Cannot use these settings"), translated(e))
                continue
            c.controls.set_config(config, run.train_limit or len(c.session.data.y_train))
            if c.new_run(config=config):
                self._run, self._trainer, self._driving = run, c.run.trainer, True
                label = translated(run.label)
                c.session.name_next_run(label)
                c.controls.show_note(arg(self.tr("Experiment run %1 of %2: %3"), *self._count, label))
                c.toggle_run()
                return
        self._driving = False

    def _on_state(self, state: str, _message: str) -> None:
        if not self._driving:
            return
        c = self.control
        if state == FAILED or c.run.trainer is not self._trainer:
            self.queue, self._driving = [], False  # the failure is reported as any other; a new network is the user's
        elif state in (FINISHED, DIVERGED):
            c.run.keep()  # an experiment's run is kept for comparison, not saved
            if self.queue:
                self._next()
            else:
                self._driving = False
                self._say_done()

    def _say_done(self) -> None:
        """The last run stays the current network: say so, and what it does wrong on purpose."""
        run, c = self._run, self.control
        text = arg(self.tr("Experiment done. The network now shown is its last run, %1."), translated(run.label))
        mistake = c.run.config.mistake if c.run.config is not None else None
        if mistake in MISTAKE_TEXTS:
            text += " " + arg(self.tr("It makes the course notebook's mistake on purpose: %1. Reset (Ctrl+R) starts "
                                      "a correct network from the settings shown."), translated(MISTAKE_TEXTS[mistake]))
        else:
            text += " " + self.tr("Reset (Ctrl+R) starts a network of your own from the settings shown.")
        c.controls.show_note(text)
