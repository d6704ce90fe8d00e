"""The run the window trains and shows: one owner of its trainer, settings, state, file and
history.

The trainer is read or changed only with the training loop paused (TrainingController's
pause_and_wait), by the window and its helpers; views never see it. They read the history,
which takes in each snapshot once.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.config import Config
from ..core.history import RunHistory
from ..core.trainer import Trainer
from .snapshot import PAUSED, Snapshot


class Run(QObject):
    """The current run: trainer handle, config, state, the file it came from or was saved to, the
    step saved there, and its history (RunHistory) with the latest snapshot."""

    changed = Signal()  # its file, saved step or edited weights changed: unsaved work may have too
    stateChanged = Signal(str, str)  # what training does now, and the message that came with it

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.trainer: Trainer | None = None
        self.config: Config | None = None
        self.state = PAUSED  # what training does: RUNNING, PAUSED, FINISHED, DIVERGED...
        self.path: str | None = None  # the model file this network was opened from or saved to
        self.saved_step = 0  # the step it was saved (or opened, or created) at
        self.edited = False  # weights changed by hand since then
        self.latest: Snapshot | None = None  # the latest snapshot of the live network
        self.history = RunHistory()

    # The run's lifecycle -------------------------------------------------------------------

    def adopt(self, trainer: Trainer, config: Config | None) -> None:
        """A new network (fresh, or opened: then `opened` names its file): nothing unsaved yet."""
        self.trainer, self.config = trainer, config
        self.path, self.saved_step, self.edited = None, trainer.step_count, False
        self.changed.emit()

    def opened(self, path: str) -> None:
        """The network adopted last came from this file."""
        self.path = path
        self.changed.emit()

    def saved(self, path: str) -> None:
        """The network was written to path as it is now."""
        self.path, self.saved_step, self.edited = path, self.steps, False
        self.changed.emit()

    def keep(self) -> None:
        """What trained so far is kept for comparison, not to be saved (an experiment's run)."""
        self.saved_step = self.steps
        self.changed.emit()

    def mark_edited(self) -> None:
        """The weights were changed by hand: unsaved work too."""
        self.edited = True
        self.changed.emit()

    def set_state(self, state: str, message: str = "") -> None:
        """What training does now (the worker says so), passed on to whoever follows the run."""
        self.state = state
        self.stateChanged.emit(state, message)

    def set_config(self, config: Config) -> None:
        """Settings changed while the network trains on (learning rate, batch size...)."""
        self.config = config

    # Reading -------------------------------------------------------------------------------

    @property
    def steps(self) -> int:
        """Steps the trainer has taken (0 without one); read it with the loop paused or idle."""
        return 0 if self.trainer is None else self.trainer.step_count

    @property
    def train_images(self) -> int:
        """Images the run trains on (0 without a run)."""
        return 0 if self.trainer is None else len(self.trainer.data.y_train)

    def unsaved(self) -> bool:
        """Whether anything trained or edited since the network was created, opened or saved."""
        return self.trainer is not None and (self.edited or self.steps != self.saved_step)

    # Snapshots -----------------------------------------------------------------------------

    def take_in(self, snapshot: Snapshot) -> None:
        """A snapshot of the live network: its rows join the history (once each)."""
        self.latest = snapshot
        self.history.add(snapshot.series_start, snapshot.series, snapshot.steps_per_epoch)
        self.history.note(snapshot.epochs, snapshot.probes, snapshot.changes)

    def new_history(self) -> RunHistory:
        """Start the history of a new run; returns the one it ends."""
        old, self.history, self.latest = self.history, RunHistory(), None
        return old

