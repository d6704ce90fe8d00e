"""The training commands: a new network, Start/Pause, Step, Step epoch, Reset, a setting changed
while the network trains, a hint's fix, an edited network installed; and what the settings form
says as the run's state changes."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core import checkpoint
from ..core import edit as core_edit
from ..core.config import Config
from ..core.errors import USER_ERRORS
from ..core.model import MLP
from ..core.trainer import Trainer
from .i18n import arg, translated
from .run import Run
from .session import Session
from .snapshot import DIVERGED, FAILED, FINISHED, RUNNING
from .widgets.controls import LIVE, ControlPanel
from .worker import TrainingController

TRAIN_EVAL_LIMIT = 10_000  # training images evaluated at each epoch end (the test set: all)


# The main window's words, in its translation context: these are its commands.
translate = QCoreApplication.translate


class RunControl(QObject):
    """Carries out the user's training commands on the run, through the training controller
    (the trainer is touched only with the loop paused), and keeps the form's note and buttons
    in step with the run's state. notify(title, text) reports a problem; confirm_discard(what)
    asks before unsaved work would be lost."""

    adopted = Signal(object)  # the Config of a new network (None if not known)

    def __init__(self, run: Run, session: Session, controller: TrainingController, controls: ControlPanel,
                 notify: Callable[[str, str], None], confirm_discard: Callable[[str], bool],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.run, self.session, self.controller, self.controls = run, session, controller, controls
        self.notify, self.confirm_discard = notify, confirm_discard
        run.stateChanged.connect(self._on_state)
        self._unedited: tuple | None = None  # (trainer, step, its network before the first edit there)

    @property
    def worker(self):
        return self.controller.worker

    def new_run(self, trainer: Trainer | None = None, config: Config | None = None) -> bool:
        """Start a fresh run (paused) from the settings shown, or from `config` (an experiment's),
        or adopt a given trainer."""
        data = self.session.data
        if data is None:
            return False
        try:
            if trainer is None and config is None:
                config = self._form_config()
            if trainer is None:
                trainer = Trainer.from_config(config, data.limit_train(self.controls.train_images()),
                                              evaluate_epochs=False,  # the worker does it
                                              train_eval_limit=TRAIN_EVAL_LIMIT)
        except USER_ERRORS as e:
            self.notify(translate("MainWindow", "Cannot use these settings"), translated(e))
            if self.run.config is not None:  # the old network trains on: the form shows it, not the refused one
                self.controls.set_config(self.run.config, self.run.train_images)
            return False
        self.controller.pause_and_wait()
        last = self.controller.mailbox.take()  # the old run's end (its last epoch), if not yet shown
        if last is not None:
            self.session.publish(last)
        self.run.adopt(trainer, config)
        self.session.set_run_config(config, len(trainer.data.y_train))
        self.adopted.emit(config)
        self.worker.set_trainer(trainer, trainer.planned_steps(config))
        self.worker.set_speed(self.controls.speed_value())
        self.controls.show_note("")
        return True

    def _form_config(self) -> Config:
        """The settings shown. The form has no course mistake to show, so a network made from it
        makes none, even after an experiment's mistaken run."""
        config = self.controls.config()
        if config.mistake is not None:
            config = config.replace(mistake=None)
            self.controls.set_config(config, self.controls.train_images())
        return config

    def toggle_run(self) -> None:
        run, note = self.run, self.controls.show_note
        if run.trainer is None:
            return
        if run.state == RUNNING:
            self.worker.pause()
        elif run.state == DIVERGED:
            note(translate("MainWindow", "This network has diverged: press Reset (Ctrl+R) to start again, "
                                         "with a smaller learning rate."))
        elif run.state == FAILED:
            self._say_failed()
        else:
            if run.state == FINISHED and run.config.lr_decay != 1:
                note(arg(translate("MainWindow", "Training on past the planned length: the learning rate keeps "
                                                 "shrinking by x%1 per epoch."), run.config.lr_decay))
            else:
                note("")
            self.worker.resume()

    def _say_failed(self) -> None:
        self.controls.show_note(translate(
            "MainWindow", "Training stopped with an error: press Reset (Ctrl+R) to start again; "
                          "Save (Ctrl+S) keeps the network as it was before the error."))

    def _can_step(self) -> bool:
        return self.run.trainer is not None and self.run.state not in (DIVERGED, FAILED)

    def step_once(self) -> None:
        if self._can_step():
            self.worker.step(1)

    def step_epoch(self) -> None:
        if self._can_step():
            self.worker.step_epoch()

    def reset(self) -> None:
        if self.confirm_discard(translate("MainWindow", "Reset")):
            self.new_run()

    def setting_changed(self, name: str) -> None:
        """A setting in the form changed: the network trains on with it, or a new one starts."""
        run = self.run
        if name in LIVE and run.state == FAILED:  # nothing trains on: the form shows what was used
            self._say_failed()
            self.controls.set_config(run.config, run.train_images)
            return
        if name in LIVE and run.trainer is not None:  # from the next step
            run.set_config(self.controls.config())
            self.worker.change(name, getattr(run.config, name))
            return
        if self.confirm_discard(translate("MainWindow", "Start a new network")):
            self.new_run()
        elif run.config is not None:  # the user kept the network: the form shows it again
            self.controls.set_config(run.config, run.train_images)

    def apply_fix(self, changes: dict, reset: bool) -> None:
        """A hint's one-click fix: its settings in the form, then a new network if it needs one."""
        config = self.run.config.replace(**changes)
        self.controls.set_config(config, self.run.train_images)
        if reset:
            self.setting_changed("preset")  # the same path as any setting that needs a new network
        else:
            self.run.set_config(config)
            for name, value in changes.items():
                self.worker.change(name, value)

    def install_edits(self, edited: MLP | None) -> None:
        """The edited network becomes the one that trains (and is saved)."""
        run = self.run
        if run.state == FAILED:  # nothing trains it, and Save writes the last good network
            self._say_failed()
            return
        if run.trainer is None or edited is None or not self.controller.pause_and_wait():
            return
        trainer = run.trainer
        if self._unedited is None or self._unedited[:2] != (trainer, trainer.step_count):
            self._unedited = (trainer, trainer.step_count, trainer.model.copy())
        try:  # the checks a model file passes, the optimizer state that trains on with it included
            checkpoint.install(trainer, edited)
        except USER_ERRORS as e:
            self.notify(translate("MainWindow", "Cannot train the edited network"), translated(e))
            return
        # marked on the curves, unless the edits at this step were all undone
        core_edit.mark(trainer.changes, trainer.step_count, not core_edit.same_weights(edited, self._unedited[2]))
        run.trainer.last_test = None  # of the network before the edit: no view may show it as this one's
        run.mark_edited()
        self.worker.publish_now()

    def _on_state(self, state: str, message: str) -> None:
        self.controls.set_running(state == RUNNING)
        note, sentence = self.controls.show_note, message[:1].upper() + message[1:]
        if state == DIVERGED:
            note(arg(translate("MainWindow", "Training stopped: %1."), message))
            self.notify(translate("MainWindow", "Training diverged"), sentence + ".")  # it says what to try
        elif state == FINISHED:
            note(arg(translate("MainWindow", "Finished the planned %1 steps; Start continues training."), message))
        elif state == FAILED:
            note(arg(translate("MainWindow", "Training stopped: %1."), message))
            self.notify(translate("MainWindow", "Training failed"), arg(translate(
                "MainWindow", "%1. Save (Ctrl+S) writes that network; Reset (Ctrl+R) starts a new one."), sentence))
