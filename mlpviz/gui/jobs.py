"""Long computations off the GUI thread: one service for the whole app.

A job is a plain function that accepts should_stop and progress keyword arguments (the core's
heavy functions do), checks should_stop() between chunks of its work and returns None when it
was stopped. A view submits (key, function, arguments) to the session's JobService: a newer
request under the same key cancels the older one, progress and results come back on the GUI
thread (through queued signals), and a cancelled request's result is dropped. Requests that name
the same `share` (e.g. the evaluation of one network on the test set) are computed once and handed
to every subscriber; the latest few shared results are kept for subscribers that come later.
The main window shuts the service down before it closes.
"""
from __future__ import annotations

import os
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from ..core.evaluation import evaluate

PROGRESS_INTERVAL = 0.1  # seconds between two progress reports of one job
THREADS = 2  # a long sweep leaves one thread to short interactive jobs; more would take the GUI's core
SHARED_RESULTS = 4  # shared results kept for late subscribers (an evaluation is ~0.4 MB)


def _lower_priority() -> None:
    """Give the calling thread the lowest CPU priority (Linux: nice is per thread), so that on a
    two-core machine the GUI and training threads go first."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass  # other systems: normal priority


class Same:
    """A key part that stands for one object by identity (and keeps it alive while the key is
    used, so that its id is not reused): networks and datasets are not hashable by value."""

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __eq__(self, other) -> bool:
        return isinstance(other, Same) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


def _evaluate_test_set(model, x, y, should_stop=None, progress=None):
    """The job behind JobService.evaluate: an Evaluation with per-image probabilities, or None if stopped."""
    return evaluate(model, x, y, should_stop=should_stop, keep_probabilities=True)


class Job:
    """One run of a function on a pool thread: its cancel flag, its subscribers, its throttled
    progress reports. Only the GUI thread changes its subscribers."""

    def __init__(self, service: JobService, fn: Callable, args: tuple, kwargs: dict, share: Hashable | None):
        self._service = service
        self._cancelled = threading.Event()
        self._last = 0.0
        self.call: tuple | None = (fn, args, kwargs)  # until it has run
        self.share = share
        self.requests: list[Request] = []
        self.done = threading.Event()  # set once the function has returned (or was skipped)

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
                self._service._progressed.emit(self, float(fraction))
            except RuntimeError:  # the service was deleted meanwhile
                self.cancel()


class Request:
    """One subscriber's claim on a job's result, under its key: cancel() withdraws it (the job
    itself stops once no request wants it)."""

    def __init__(self, service: JobService, key: Hashable, job: Job | None, owner: QObject | None,
                 done: Callable | None, failed: Callable | None, progress: Callable | None):
        self.key, self.job, self.owner = key, job, owner
        self._service = service
        self.on_done, self.on_failed, self.on_progress = done, failed, progress
        self.cancelled = False

    def cancel(self) -> None:
        """Drop this request: its callbacks are not called any more."""
        self._service._withdraw(self)

    @property
    def pending(self) -> bool:
        """Still waiting for its result."""
        return not self.cancelled and self._service._requests.get(self.key) is self

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job behind this request has returned (for tests and shutdown)."""
        return self.job is None or self.job.done.wait(timeout)


class JobService(QObject):
    """One pool of a few long-lived threads at the lowest priority, serving keyed requests."""

    _progressed = Signal(object, float)  # job, fraction
    _finished = Signal(object, object, object)  # job, result, error
    _cached = Signal(object, object)  # request, a shared result already known

    def __init__(self, parent: QObject | None = None, threads: int = THREADS):
        super().__init__(parent)
        self._threads = threads
        self._pool: ThreadPoolExecutor | None = None  # made at the first job
        self._requests: dict[Hashable, Request] = {}  # the current request of each key
        self._shared: dict[Hashable, Job] = {}  # jobs under way that subscribers may join
        self._results: OrderedDict[Hashable, object] = OrderedDict()  # the latest shared results
        self._jobs: set[Job] = set()  # queued or running, cancelled or not
        self._jobs_lock = threading.Lock()
        self._closed = False
        # Emitted on a pool thread, delivered on this object's (the GUI) thread.
        self._progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._cached.connect(self._on_cached, Qt.ConnectionType.QueuedConnection)

    # --- requests -------------------------------------------------------------------------

    def submit(self, key: Hashable, fn: Callable, *args, done: Callable | None = None,
               failed: Callable | None = None, progress: Callable | None = None, owner: QObject | None = None,
               share: Hashable | None = None, **kwargs) -> Request:
        """Run fn(*args, should_stop=..., progress=..., **kwargs) on a pool thread, in place of the
        request under `key` (cancelled now). On the GUI thread later: done(result) unless the result
        is None, failed(message) if fn raised, progress(fraction) now and then; none of them once
        the request is cancelled or replaced, or its owner deleted. Requests with the same `share`
        (which must identify fn and its arguments) run fn once."""
        old = self._requests.get(key)
        if share is not None and share in self._results:
            self._results.move_to_end(share)
            request = Request(self, key, None, owner, done, failed, progress)
            self._cached.emit(request, self._results[share])
        else:
            job = self._shared.get(share) if share is not None else None
            if job is None or job.cancelled:
                job = self._start(fn, args, kwargs, share)
            request = Request(self, key, job, owner, done, failed, progress)
            job.requests.append(request)
        if old is not None:  # after joining: the same shared job asked for again goes on
            self._withdraw(old)
        if self._closed:
            self._withdraw(request)
        else:
            self._requests[key] = request
        return request

    def evaluate(self, key: Hashable, model, data, done: Callable, failed: Callable | None = None,
                 owner: QObject | None = None) -> Request:
        """The evaluation of `model` on `data`'s test set, with per-image probabilities, shared by
        every request for the same network and data; done(Evaluation)."""
        return self.submit(key, _evaluate_test_set, model, data.x_test, data.y_test, done=done, failed=failed,
                           owner=owner, share=("test evaluation", Same(model), Same(data)))

    def cancel(self, key: Hashable, timeout: float | None = None) -> bool:
        """Cancel the request under `key`, if any; with a timeout, wait until its job has
        returned (unless another request still wants it). False if it outlasted the timeout."""
        request = self._requests.get(key)
        if request is None:
            return True
        self._withdraw(request)
        job = request.job
        if timeout is None or job is None or not job.cancelled:
            return True
        return job.done.wait(timeout)

    def busy(self, key: Hashable) -> bool:
        """A request under `key` is waiting for its result."""
        return key in self._requests

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel every job, wait until they returned and end the threads; later requests are
        dropped. False if a job outlasted timeout."""
        self._closed = True
        for request in list(self._requests.values()):
            self._withdraw(request)
        with self._jobs_lock:
            jobs = list(self._jobs)
        for job in jobs:
            job.cancel()
        deadline = time.monotonic() + timeout
        ok = all(job.done.wait(max(0.0, deadline - time.monotonic())) for job in jobs)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._results.clear()
        return ok

    # --- the pool -------------------------------------------------------------------------

    def _start(self, fn: Callable, args: tuple, kwargs: dict, share: Hashable | None) -> Job:
        job = Job(self, fn, args, kwargs, share)
        if self._closed:
            job.cancel()
            job.done.set()
            return job
        if share is not None:
            self._shared[share] = job
        with self._jobs_lock:
            self._jobs.add(job)
        if self._pool is None:
            # Few long-lived threads: jobs barely compete with each other for the cores, and the
            # allocator keeps reusing a few arenas instead of spreading over many.
            self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="mlpviz-jobs",
                                            initializer=_lower_priority)
        self._pool.submit(self._run, job)
        return job

    def _run(self, job: Job) -> None:
        result, error = None, None
        fn, args, kwargs = job.call
        job.call = None
        if not job.cancelled:
            try:
                result = fn(*args, should_stop=job.should_stop, progress=job.progress, **kwargs)
            except Exception as e:  # reported to the GUI, which shows it; the thread goes on
                error = f"{type(e).__name__}: {e}"
                traceback.print_exc()  # whole, for whoever reports it: the requester may show one line or none
        del fn, args, kwargs
        with self._jobs_lock:
            self._jobs.discard(job)
        job.done.set()
        if not job.cancelled:
            try:
                self._finished.emit(job, result, error)
            except RuntimeError:  # the service was deleted meanwhile (its window closed)
                pass

    def _withdraw(self, request: Request) -> None:
        if request.cancelled:
            return
        request.cancelled = True
        if self._requests.get(request.key) is request:
            del self._requests[request.key]
        job = request.job
        if job is not None and request in job.requests:
            job.requests.remove(request)
            if not job.requests:  # nobody wants it any more
                job.cancel()
                if self._shared.get(job.share) is job:
                    del self._shared[job.share]

    def _live(self, request: Request) -> bool:
        """The request still wants its callbacks: not cancelled or replaced, its owner alive."""
        if request.cancelled or self._requests.get(request.key) is not request:
            return False
        if request.owner is not None and not shiboken6.isValid(request.owner):
            self._withdraw(request)
            return False
        return True

    @Slot(object, float)
    def _on_progress(self, job: Job, fraction: float) -> None:
        for request in list(job.requests):
            if request.on_progress is not None and self._live(request):
                request.on_progress(fraction)

    @Slot(object, object, object)
    def _on_finished(self, job: Job, result, error) -> None:
        if self._shared.get(job.share) is job:
            del self._shared[job.share]
            if error is None and result is not None and not job.cancelled:
                self._results[job.share] = result
                while len(self._results) > SHARED_RESULTS:
                    self._results.popitem(last=False)
        for request in list(job.requests):
            self._deliver(request, result, error)
        job.requests.clear()

    @Slot(object, object)
    def _on_cached(self, request: Request, result) -> None:
        self._deliver(request, result, None)

    def _deliver(self, request: Request, result, error: str | None) -> None:
        if not self._live(request):
            return
        del self._requests[request.key]
        request.cancelled = True  # done: a later cancel() changes nothing
        if error is not None:
            if request.on_failed is not None:
                request.on_failed(error)
        elif result is not None and request.on_done is not None:
            request.on_done(result)
