"""The training thread and how the GUI talks to it.

The worker's loop runs inside one slot, so it never returns to its thread's event loop: pause,
step, stop and setting changes are plain thread-safe requests that the loop reads between
two mini-batches. A paused loop blocks on an Event. Results travel the other way as copied
snapshots through a one-slot mailbox that a GUI timer drains; signals carry only lifecycle
changes.

Whatever goes wrong in the loop ends it in the FAILED state with a one-line message, and the
controller starts the loop again, waiting for the next run; the failed trainer is never touched
again, and the network of the last snapshot (a whole copy taken between two steps) is kept.
"""
from __future__ import annotations

import sys
import threading
import time
import traceback
from dataclasses import dataclass, field, replace

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core import batch as batches
from ..core.batch import BatchRecord
from ..core.config import ConfigError
from ..core.history import GrowingBuffer
from ..core.model import MLP
from ..core.trainer import Diverged, Trainer
from .i18n import arg, translated
from .snapshot import DIVERGED, FAILED, FINISHED, PAUSED, PROBE_SIZE, RUNNING, Snapshot

# The cadence of the live views, set here only. Painting holds the interpreter lock that the
# training thread needs between any two NumPy calls, so every repaint costs training its length.
PUBLISH_INTERVAL = 0.1  # seconds between snapshots while running
POLL_MS = 33  # the GUI looks in the mailbox about 30 times a second...
REPAINT_INTERVAL = 0.2  # ...but takes a snapshot and repaints at most 5 times a second
PROBE_GAP = 0.5  # but at most twice a second: at full speed each costs as much as a step or two
CHUNK_SECONDS = 0.002  # at full speed, steps are taken in runs this long between two looks at
# the requests: small networks take a step in a fraction of a millisecond, and the loop's own
# bookkeeping would otherwise cost them several per cent


class Mailbox:
    """One slot holding the latest snapshot. A newer snapshot replaces an untaken one but keeps
    the points of every per-step series, so none is lost however slowly the GUI drains it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def put(self, snapshot: Snapshot) -> None:
        with self._lock:
            old = self._snapshot
            if old is not None and old.run_id == snapshot.run_id:
                series = {k: np.concatenate([old.series[k], v]) if k in old.series else v
                          for k, v in snapshot.series.items()}
                snapshot = replace(snapshot, series_start=old.series_start, series=series)
            self._snapshot = snapshot

    def take(self) -> Snapshot | None:
        with self._lock:
            snapshot, self._snapshot = self._snapshot, None
            return snapshot


@dataclass
class _Requests:
    """What the GUI asked for; guarded by TrainingWorker._lock."""

    running: bool = False
    budget: int = 0  # single steps still to take while paused
    to_epoch_end: bool = False  # a budget of the steps left in this epoch, counted by the loop
    stop: bool = False
    trainer: Trainer | None = None
    planned_steps: int = 0
    steps_per_second: float | None = None  # None: full speed
    publish: bool = False
    changes: list = field(default_factory=list)  # (setting, value) to apply between two steps


class TrainingWorker(QObject):
    """Drives a Trainer. Lives in its own QThread; every public method is thread-safe."""

    stateChanged = Signal(str, str)  # state, message
    finished = Signal()  # the loop has ended: stopped, or failed (then the controller starts it again)
    rejected = Signal(str)  # a setting the trainer refused while running, and why

    def __init__(self, mailbox: Mailbox, chunk: int | None = None):
        """chunk: steps taken at full speed between two looks at the requests (None: as many as
        take about CHUNK_SECONDS)."""
        super().__init__()
        self.mailbox = mailbox
        self._fixed_chunk = chunk
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self.idle = threading.Event()  # set while the loop is blocked, not touching the trainer
        self._req = _Requests()
        self._interrupt = threading.Event()  # a pause or stop arrived: cut evaluations short
        self._epoch_due = False  # an epoch ended and its evaluation is still to do
        self._trainer: Trainer | None = None
        self._planned = 0
        self._state = PAUSED
        self._run_id = 0
        self._delivered = 0
        self._probes = GrowingBuffer(64, row=(3,), dtype=np.float64)
        self._batch: BatchRecord | None = None
        self._last_probe = 0.0
        self._step_seconds = 0.0  # recent wall time per step at full speed
        self._good: tuple[MLP, int] | None = None  # a whole copy of the network, and its step
        self._last: Snapshot | None = None  # the latest snapshot published

    @property
    def last_good(self) -> tuple[MLP, int] | None:
        """The network of the latest snapshot (or of the run's start) and its step: after a
        failure, the last one known whole. Read it while the loop is idle or has ended."""
        return self._good

    # Requests from the GUI thread ---------------------------------------------------------

    def _request(self, **changes) -> None:
        with self._lock:
            for k, v in changes.items():
                setattr(self._req, k, v)
            self._wake.set()

    def resume(self) -> None:
        self._interrupt.clear()
        self._request(running=True, budget=0)

    def pause(self) -> None:
        self._interrupt.set()
        self._request(running=False, budget=0, to_epoch_end=False)

    def step(self, n: int = 1) -> None:
        """Take exactly n more mini-batches, then pause."""
        self._interrupt.clear()
        with self._lock:
            self._req.running = False
            self._req.budget += n
            self._wake.set()

    def step_epoch(self) -> None:
        """Train to the end of the current epoch, then pause. The loop counts the steps left,
        from the trainer itself: the GUI's latest snapshot may be a fraction of a second old."""
        self._interrupt.clear()
        self._request(running=False, budget=0, to_epoch_end=True)

    def stop(self) -> None:
        self._interrupt.set()
        self._request(stop=True, running=False)

    def change(self, name: str, value) -> None:
        """Change a setting of the run (lr, momentum, weight_decay, schedule, batch_size,
        dropout, shift) from the next step on; Trainer.set_<name> checks it."""
        with self._lock:
            self._req.changes.append((name, value))
            self._req.publish = True
            self._wake.set()

    def publish_now(self) -> None:
        """A snapshot soon, even while paused (the weights were changed from outside)."""
        self._request(publish=True)

    def set_speed(self, steps_per_second: float | None) -> None:
        self._request(steps_per_second=steps_per_second)

    def set_trainer(self, trainer: Trainer, planned_steps: int) -> None:
        """Start a new run (paused) with this trainer; the loop adopts it between two steps."""
        self._interrupt.set()
        self._request(trainer=trainer, planned_steps=planned_steps, running=False, budget=0, to_epoch_end=False,
                      publish=True)

    # The loop (worker thread) ------------------------------------------------------------

    @Slot()
    def run(self) -> None:
        """The loop, until stopped or until anything raises: then the FAILED state, and finished
        is emitted whatever happens."""
        try:
            self._loop()
        except Exception as e:
            self._fail(e)
        finally:
            self.idle.set()  # nothing touches the trainer any more: it may be read or saved
            self.finished.emit()

    def _fail(self, error: Exception) -> None:
        """End the run in FAILED: one line says why; the last snapshot stays the one shown."""
        traceback.print_exception(error, file=sys.stderr)  # a bug in mlpviz: its traceback, for a report
        self._trainer = None  # possibly half updated: no request may reach it again
        with self._lock:
            self._req.running, self._req.budget, self._req.to_epoch_end = False, 0, False
        detail = (f"{type(error).__name__}: {error}".splitlines() or [""])[0]
        detail = detail if len(detail) <= 160 else detail[:159] + "…"
        step = self._good[1] if self._good is not None else 0
        self._set_state(FAILED, arg(self.tr("an error in mlpviz stopped training (%1); the network is kept as "
                                            "of step %2"), detail, f"{step:,}"))
        if self._last is not None:  # the views show the state, with the network they already have
            empty = {k: v[:0] for k, v in self._last.series.items()}
            self.mailbox.put(replace(self._last, state=FAILED, series_start=self._delivered, series=empty))

    def _loop(self) -> None:
        last_publish = 0.0
        next_step_at = 0.0
        while True:
            with self._lock:
                req = self._req
                if req.stop:
                    break
                if req.trainer is not None:
                    # taken out before adopting: a trainer that fails to be adopted is not tried
                    # again by the restarted loop, over and over
                    trainer, req.trainer = req.trainer, None
                    self._adopt(trainer, req.planned_steps)
                changes, req.changes = req.changes, []
                if req.to_epoch_end and self._trainer is not None:
                    req.budget = self._trainer.steps_to_epoch_end
                    req.to_epoch_end = False
                stepping = req.budget > 0
                go = self._trainer is not None and (req.running or stepping)
                budget = req.budget
                publish, req.publish = req.publish, False
                speed = req.steps_per_second
                if not go:
                    self._wake.clear()
            for name, value in changes if self._trainer is not None else ():
                try:
                    getattr(self._trainer, f"set_{name}")(value)
                except ConfigError as e:
                    self.rejected.emit(translated(e))
            if not go:
                if self._state == RUNNING:
                    self._set_state(PAUSED)
                    publish = True
                if publish and self._trainer is not None:
                    self._publish()
                self.idle.set()
                self._wake.wait()
                self.idle.clear()
                continue
            if speed and not stepping:  # slow motion: wait for the next tick, waking on any request
                delay = next_step_at - time.monotonic()
                if delay > 0:
                    self._wake.wait(delay)
                    with self._lock:
                        self._wake.clear()
                    continue
                next_step_at = max(next_step_at + 1 / speed, time.monotonic())
            if self._state != RUNNING and (not stepping or budget > 1):  # a lone step stays "paused"
                self._set_state(RUNNING)
            slow = speed is not None and not stepping
            n = 1 if slow else self._chunk()
            if stepping:
                n = min(n, budget)
            watch = slow or (stepping and budget == 1)  # slow enough to show each mini-batch
            taken, ok = self._train(n, watch)
            if stepping:
                with self._lock:
                    self._req.budget = max(0, self._req.budget - taken)
            if not ok:
                continue
            now = time.monotonic()
            with self._lock:
                step_done = stepping and self._req.budget == 0
            if step_done or slow or now - last_publish >= PUBLISH_INTERVAL:
                self._publish()
                last_publish = now

    def _adopt(self, trainer: Trainer, planned: int) -> None:
        self._good = self._last = None  # the previous run's: never to be saved as this one's
        self._trainer, self._planned = trainer, planned
        self._run_id += 1
        self._delivered = 0
        self._probes = GrowingBuffer(64, row=(3,), dtype=np.float64)
        for r in trainer.epochs:  # an opened run's accuracy so far, one point per epoch
            self._probes.append((r.epoch, r.train_accuracy, r.test_accuracy))
        self._epoch_due = False
        self._step_seconds = 0.0
        self._batch = None
        self._good = (trainer.model.copy(), trainer.step_count)
        self._set_state(PAUSED, "new run")

    def _chunk(self) -> int:
        """How many steps make about CHUNK_SECONDS."""
        if self._fixed_chunk is not None:
            return self._fixed_chunk
        return max(1, min(64, int(CHUNK_SECONDS / self._step_seconds))) if self._step_seconds else 1

    def _train(self, n: int, watch: bool = False) -> tuple[int, bool]:
        """Up to n mini-batches, stopping at an epoch's end, with their bookkeeping; returns how
        many were taken and False if the run had to stop. watch: record the (single) mini-batch."""
        t = self._trainer
        before = t.model.copy() if watch else None
        if self._epoch_due and not self._record_epoch():
            return 0, False
        probe_every = max(1, t.steps_per_epoch // 10)
        start, epoch = t.step_count, t.epoch
        n = min(n, t.steps_to_epoch_end)
        if self._planned > start:
            n = min(n, self._planned - start)
        t0 = time.perf_counter()
        try:
            t.step(n)
        except Diverged as e:
            self._halt(DIVERGED, translated(e))
            return 0, False
        self._step_seconds = (time.perf_counter() - t0) / n
        if before is not None:
            self._batch = batches.of_last_step(before, t)  # its images as learned, augmented or not
        self._epoch_due = t.epoch > epoch
        now = time.monotonic()
        crossed = t.step_count // probe_every > start // probe_every
        if start == 0 or (crossed and now - self._last_probe >= PROBE_GAP):
            self._last_probe = now
            self._probes.append((t.epoch_progress, t.evaluate("train", PROBE_SIZE).accuracy,
                                 t.evaluate("test", PROBE_SIZE).accuracy))
        recorded = not self._epoch_due or self._record_epoch()
        if t.step_count == self._planned:
            self._halt(FINISHED, str(self._planned))
            return n, False
        return n, recorded

    def _record_epoch(self) -> bool:
        """The epoch-end evaluation, abandoned (and left due) if a pause arrives meanwhile."""
        if self._trainer.record_epoch(should_stop=self._interrupt.is_set) is None:
            return False
        self._epoch_due = False
        return True

    def _halt(self, state: str, message: str) -> None:
        with self._lock:
            self._req.running = False
            self._req.budget = 0
        self._set_state(state, message)
        self._publish()

    def _set_state(self, state: str, message: str = "") -> None:
        self._state = state
        self.stateChanged.emit(state, message)

    def _publish(self) -> None:
        t = self._trainer
        n = len(t.losses)
        self._last = Snapshot.of_trainer(t, self._delivered, probes=self._probes.view().copy(), state=self._state,
                                         run_id=self._run_id, batch=self._batch)
        self._good = (self._last.model, t.step_count)  # the snapshot's own copy: keeping it costs nothing
        self.mailbox.put(self._last)
        self._delivered = n


class TrainingController(QObject):
    """Owns the training thread and its worker; the GUI's single handle on training."""

    stateChanged = Signal(str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.mailbox = Mailbox()
        self.worker = TrainingWorker(self.mailbox)  # no parent: it moves to the thread
        self.thread = QThread()
        self.thread.setObjectName("mlpviz-training")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self.thread.quit)
        self.worker.finished.connect(self._loop_ended)  # queued: runs in the GUI thread
        self.worker.stateChanged.connect(self.stateChanged)
        self._closing = False
        self.thread.start()

    def _loop_ended(self) -> None:
        """After a failure the loop starts again, with no run, so that Reset or Open can give it
        the next one; after shutdown it stays ended."""
        if self._closing:
            return
        # A new run requested meanwhile (Reset right after the failure) waits in the requests.
        self.thread.quit()
        self.thread.wait()  # the loop has returned: the thread ends at once
        self.thread.start()

    def pause_and_wait(self, timeout: float = 5.0) -> bool:
        """Pause and wait until the loop is blocked, so the trainer can be read safely."""
        self.worker.pause()
        return self.worker.idle.wait(timeout)

    def shutdown(self) -> None:
        """Stop the loop and the thread; returns when the thread has ended."""
        self._closing = True
        if self.thread.isRunning():
            self.worker.stop()
            self.thread.quit()
            self.thread.wait()
