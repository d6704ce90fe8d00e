"""Start the desktop app."""
from __future__ import annotations

import ctypes
import gc
import sys

from PySide6.QtWidgets import QApplication

from . import style, translation
from .icon import set_app_identity

# The training thread and the GUI share one interpreter lock. A thread that wants it back
# waits up to this long for the other to yield it, so a short interval keeps both moving.
SWITCH_INTERVAL = 0.0002


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
MMAP_THRESHOLD = 128 * 1024  # glibc's own starting value, kept from then on


def hand_back_large_blocks() -> bool:
    """Have glibc's malloc give every block above 128 KiB (a network copy, a batch of images)
    its own mapping, returned to the system when freed. By default it raises that threshold once
    such a block is freed, then carves the copies that the views and the timeline make and drop
    from its heap, which fragments: the resident memory climbed through a long run with nothing
    leaking. Linux with glibc only (elsewhere nothing changes); True if it was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (OSError, AttributeError):  # no mallopt in this C library
        return False


def freeze_startup_objects() -> None:
    """Leave the objects that exist now (Qt bindings, pyqtgraph, the built window: most of the
    heap, alive as long as the window) out of the cyclic collector's full passes, which walked
    them all and held the GUI thread for 40-60 ms every few seconds while training ran."""
    gc.collect()
    gc.freeze()


def run(argv: list[str] | None = None, data_source: str | None = None, model_path: str | None = None,
        preset: str | None = None) -> int:
    """Open the main window, with a model file, a dataset or a preset if given."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    hand_back_large_blocks()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("mlpviz")
    app.setOrganizationName("mlpviz")
    set_app_identity(app)
    translation.install(translation.chosen_language())  # before any window: its text is read at creation
    style.configure()
    from .main_window import MainWindow  # after configure(): pyqtgraph reads its options at creation

    window = MainWindow(data_source=data_source, model_path=model_path, preset=preset)
    window.show()
    freeze_startup_objects()
    return app.exec()
