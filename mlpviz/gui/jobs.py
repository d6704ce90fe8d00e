"""Long computations off the GUI thread: one at a time per runner, on the runner's own thread,
cancellable.

A job is a plain function that accepts should_stop and progress keyword arguments (the core's
heavy functions do) and returns None when it was stopped. A newer job cancels the older one;
results and progress come back to the GUI thread through queued signals, and a cancelled job's
result is dropped.
"""
from __future__ import annotations

import os
import queue
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

    def __init__(self, runner: JobRunner, call: tuple):
        self._runner = runner
        self._cancelled = threading.Event()
        self._last = 0.0
        self.call: tuple | None = call  # (fn, args, kwargs) until it has run
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
    """Runs one job at a time on its own long-lived Python thread; a new run() cancels the
    running one."""

    progressed = Signal(float)  # fraction done of the current job
    finished = Signal(object)  # the current job's result (never a cancelled job's)
    failed = Signal(str)  # the current job raised: its message

    _progressed = Signal(object, float)
    _finished = Signal(object, object, object)  # job, result, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._job: Job | None = None
        self._alive: set[Job] = set()  # queued or running, cancelled or not
        self._alive_lock = threading.Lock()
        self._queue: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        # Emitted on the job's thread, delivered on this object's (the GUI) thread.
        self._progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def run(self, fn: Callable, *args, **kwargs) -> Job:
        """Run fn(*args, should_stop=..., progress=..., **kwargs) on this runner's thread, as soon
        as the job before it (cancelled now) has noticed and returned."""
        self.cancel()
        job = self._job = Job(self, (fn, args, kwargs))
        with self._alive_lock:
            self._alive.add(job)
        if self._thread is None:
            # One long-lived thread per runner: its jobs never compete with each other for the
            # cores, and the allocator keeps reusing one arena instead of spreading over many.
            self._thread = threading.Thread(target=self._serve, args=(self._queue,), name="mlpviz-jobs",
                                            daemon=True)
            self._thread.start()
        self._queue.put(job)
        return job

    def _serve(self, jobs: queue.SimpleQueue) -> None:
        _lower_priority()
        while (job := jobs.get()) is not None:
            result, error = None, None
            fn, args, kwargs = job.call
            job.call = None
            if not job.cancelled:
                try:
                    result = fn(*args, should_stop=job.should_stop, progress=job.progress, **kwargs)
                except Exception as e:  # reported to the GUI, which shows it; the thread goes on
                    error = f"{type(e).__name__}: {e}"
            del fn, args, kwargs
            job.done.set()
            with self._alive_lock:
                self._alive.discard(job)
            if not job.cancelled:
                try:
                    self._finished.emit(job, result, error)
                except RuntimeError:  # the runner was deleted meanwhile (its window closed)
                    return
            del job, result

    def cancel(self) -> None:
        """Cancel the current job, if any: its result will be dropped."""
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel every job, wait until they returned and end the thread; False if a job
        outlasted timeout."""
        self.cancel()
        with self._alive_lock:
            jobs = list(self._alive)
        for job in jobs:
            job.cancel()
        deadline = time.monotonic() + timeout
        ok = all(job.done.wait(max(0.0, deadline - time.monotonic())) for job in jobs)
        if self._thread is not None:
            self._queue.put(None)  # ends the thread once it is idle
            self._thread = None
        return ok

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the current job has returned (for tests)."""
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
