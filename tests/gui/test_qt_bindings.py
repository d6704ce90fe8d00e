"""Guards against Qt bindings that corrupt Python's reference counts."""
import sys

import pytest
from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    ping = Signal(int)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12")
def test_emitting_signals_keeps_the_reference_count_of_true(qapp):
    # PySide6 6.12.0 released a reference to True on each emit; the app emits signals for every
    # plot update, so Python 3.11 aborted ("bool_dealloc") within minutes.
    e = Emitter()
    before = sys.getrefcount(True)
    for i in range(1000):
        e.ping.emit(i)
    assert abs(sys.getrefcount(True) - before) < 50
