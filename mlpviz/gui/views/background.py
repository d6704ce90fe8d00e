"""Work too slow for a frame (a pass over the test set), run off the GUI thread."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class Latest(QObject):
    """Runs one function at a time on Qt's thread pool and delivers only the newest request's
    result: a request made while one runs waits, and replaces any request already waiting.

    ready(result) and failed(message) arrive on the GUI thread (queued signals).
    """

    ready = Signal(object)
    failed = Signal(str)
    _done = Signal(int, object, bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._serial = 0
        self._busy = False
        self._waiting: tuple[int, Callable[[], Any]] | None = None
        self._done.connect(self._finished)

    @property
    def busy(self) -> bool:
        return self._busy or self._waiting is not None

    def submit(self, fn: Callable[[], Any]) -> None:
        """Run fn() in the background; earlier results not yet delivered are dropped."""
        self._serial += 1
        if self._busy:
            self._waiting = (self._serial, fn)
        else:
            self._start(self._serial, fn)

    def cancel(self) -> None:
        """Deliver nothing for the requests made so far."""
        self._serial += 1
        self._waiting = None

    def _start(self, serial: int, fn: Callable[[], Any]) -> None:
        self._busy = True

        def run() -> None:
            try:
                result, ok = fn(), True
            except Exception as e:  # shown to the user, never raised in a pool thread
                result, ok = f"{type(e).__name__}: {e}", False
            try:
                self._done.emit(serial, result, ok)
            except RuntimeError:  # the receiver was deleted while this ran
                pass

        QThreadPool.globalInstance().start(run)

    def _finished(self, serial: int, result: Any, ok: bool) -> None:
        self._busy = False
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self._start(*waiting)
        elif serial == self._serial:
            (self.ready if ok else self.failed).emit(result)
