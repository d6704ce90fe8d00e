"""Long computations off the GUI thread, one at a time per runner, cancellable.

A job is a plain function that accepts should_stop and progress keyword arguments (the core's
heavy functions do) and returns None when it was stopped. A newer job cancels the older one;
results and progress come back to the GUI thread through queued signals, and a cancelled job's
result is dropped.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

PROGRESS_INTERVAL = 0.1  # seconds between two progress reports of one job


def _lower_priority() -> None:
    """Give the calling thread the lowest CPU priority (Linux: nice is per thread), so that on a
    two-core machine the GUI and training threads go first."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass  # other systems: normal priority


class Job:
    """One run of a function: its cancel flag and its throttled progress reports."""

    def __init__(self, runner: JobRunner):
        self._runner = runner
        self._cancelled = threading.Event()
        self._last = 0.0
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def should_stop(self) -> bool:
        return self._cancelled.is_set()

    def progress(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL and not self.cancelled:
            self._last = now
            try:
                self._runner._progressed.emit(self, float(fraction))
            except RuntimeError:  # the runner was deleted meanwhile
                self.cancel()


class JobRunner(QObject):
    """Runs one job at a time on a Python thread; a new run() cancels the running one."""

    progressed = Signal(float)  # fraction done of the current job
    finished = Signal(object)  # the current job's result (never a cancelled job's)
    failed = Signal(str)  # the current job raised: its message

    _progressed = Signal(object, float)
    _finished = Signal(object, object, object)  # job, result, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._job: Job | None = None
        self._alive: set[Job] = set()  # started and not yet returned, cancelled or not
        self._alive_lock = threading.Lock()
        # Emitted on the job's thread, delivered on this object's (the GUI) thread.
        self._progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def run(self, fn: Callable, *args, **kwargs) -> Job:
        """Start fn(*args, should_stop=..., progress=..., **kwargs) on a new thread."""
        self.cancel()
        job = self._job = Job(self)
        with self._alive_lock:
            self._alive.add(job)

        def work() -> None:
            _lower_priority()
            result, error = None, None
            try:
                result = fn(*args, should_stop=job.should_stop, progress=job.progress, **kwargs)
            except Exception as e:  # reported to the GUI, which shows it; the thread ends cleanly
                error = f"{type(e).__name__}: {e}"
            job.done.set()
            with self._alive_lock:
                self._alive.discard(job)
            try:
                self._finished.emit(job, result, error)
            except RuntimeError:  # the runner was deleted meanwhile (its window closed)
                pass

        threading.Thread(target=work, name="mlpviz-job", daemon=True).start()
        return job

    def cancel(self) -> None:
        """Cancel the running job, if any: its result will be dropped."""
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel every job and wait until their functions returned; False if one outlasted timeout."""
        self.cancel()
        with self._alive_lock:
            jobs = list(self._alive)
        deadline = time.monotonic() + timeout
        for job in jobs:
            job.cancel()
        return all(job.done.wait(max(0.0, deadline - time.monotonic())) for job in jobs)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the current job's function returned (for shutdown and tests)."""
        job = self._job
        return job is None or job.done.wait(timeout)

    @Slot(object, float)
    def _on_progress(self, job: Job, fraction: float) -> None:
        if job is self._job and not job.cancelled:
            self.progressed.emit(fraction)

    @Slot(object, object, object)
    def _on_finished(self, job: Job, result, error) -> None:
        if job is not self._job or job.cancelled:
            return
        self._job = None
        if error is not None:
            self.failed.emit(error)
        elif result is not None:
            self.finished.emit(result)
