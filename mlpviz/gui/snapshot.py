"""Snapshot: what the training thread hands the GUI, a run's state at one step.

It shares no array with the training thread, so every view may read it on the GUI thread.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..core.batch import BatchRecord
from ..core.evaluation import Evaluation
from ..core.model import MLP
from ..core.timeline import Timeline
from ..core.trainer import EpochRecord, SettingChange, Trainer

# What training does; a snapshot carries one of these. FAILED: an error in mlpviz ended the run.
RUNNING, PAUSED, FINISHED, DIVERGED, FAILED = "running", "paused", "finished", "diverged", "failed"
PROBE_SIZE = 500  # images in each held sample evaluated ten times an epoch


@dataclass(frozen=True)
class Snapshot:
    """The state of a run at one step, sharing no array with the training thread."""

    step: int
    epoch_progress: float
    steps_per_epoch: int
    series_start: int  # index in the run's per-step history of each series' first row here
    series: dict[str, np.ndarray]  # per-step series not yet delivered ("loss", ...), same length
    epochs: tuple[EpochRecord, ...]
    probes: np.ndarray  # (n, 3): epoch, train-sample accuracy, test-sample accuracy
    model: MLP
    lr: float
    samples_per_second: float
    train_seconds: float
    state: str
    run_id: int = 0
    evaluation: Evaluation | None = None  # the latest full test-set evaluation, with per-image probabilities
    probe_size: tuple[int, int] = (PROBE_SIZE, PROBE_SIZE)  # images in the train and test samples
    batch: BatchRecord | None = None  # the latest mini-batch, in slow motion and single steps
    timeline: Timeline | None = None  # the run's stored networks (thread-safe, read-only copies)
    changes: tuple[SettingChange, ...] = ()  # settings changed while the run went on

    @classmethod
    def of(cls, model: MLP, **fields) -> Snapshot:
        """A snapshot of a network standing still, with no history unless given in fields."""
        base = dict(step=0, epoch_progress=0.0, steps_per_epoch=1, series_start=0,
                    series={"loss": np.zeros(0, np.float32)}, epochs=(), probes=np.zeros((0, 3)), model=model,
                    lr=0.0, samples_per_second=0.0, train_seconds=0.0, state=PAUSED)
        return cls(**{**base, **fields})

    @classmethod
    def of_trainer(cls, trainer: Trainer, delivered: int, **fields) -> Snapshot:
        """A snapshot of a trainer's run, as the training thread hands it over: the rows of every
        series after the first `delivered`, copies of the network and of the records; fields
        give the rest (state, run_id, probes, batch, ...)."""
        n = len(trainer.losses)  # every series grows by one row per step
        data = trainer.data
        base = dict(step=trainer.step_count, epoch_progress=trainer.epoch_progress,
                    steps_per_epoch=trainer.steps_per_epoch, series_start=delivered,
                    series={name: buf.view()[delivered:n].copy() for name, buf in trainer.series.items()},
                    epochs=tuple(trainer.epochs), probes=np.zeros((0, 3)), model=trainer.model.copy(),
                    lr=trainer.optimizer.lr, samples_per_second=trainer.samples_per_second,
                    train_seconds=trainer.train_seconds, state=RUNNING, evaluation=trainer.last_test,
                    timeline=trainer.timeline, changes=tuple(trainer.changes),
                    probe_size=(min(PROBE_SIZE, len(data.y_train)), min(PROBE_SIZE, len(data.y_test))))
        return cls(**{**base, **fields})

    @property
    def losses(self) -> np.ndarray:
        return self.series["loss"]

