"""Start the desktop app."""
from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QApplication

from . import style, translation
from .icon import set_app_identity

# The training thread and the GUI share one interpreter lock. A thread that wants it back
# waits up to this long for the other to yield it, so a short interval keeps both moving.
SWITCH_INTERVAL = 0.0002


def freeze_startup_objects() -> None:
    """Leave the objects that exist now (Qt bindings, pyqtgraph, the built window: most of the
    heap, alive as long as the window) out of the cyclic collector's full passes, which walked
    them all and held the GUI thread for 40-60 ms every few seconds while training ran."""
    gc.collect()
    gc.freeze()


def run(argv: list[str] | None = None, data_source: str | None = None, model_path: str | None = None,
        preset: str | None = None, lesson_path: str | None = None) -> int:
    """Open the main window, with a model file, a dataset, a preset or a lesson if given."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("mlpviz")
    app.setOrganizationName("mlpviz")
    set_app_identity(app)
    lang = translation.chosen_language()
    translation.install(lang)  # before any window: its text is read at creation
    style.configure()
    if lang == "ko":
        style.prefer_latin_glyphs(app)
    from .main_window import MainWindow  # after configure(): pyqtgraph reads its options at creation

    window = MainWindow(data_source=data_source, model_path=model_path, preset=preset, lesson_path=lesson_path)
    window.show()
    freeze_startup_objects()
    return app.exec()
