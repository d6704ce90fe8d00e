"""Start the desktop app."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from . import style


def run(argv: list[str] | None = None, data_source: str | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("mlpviz")
    app.setOrganizationName("mlpviz")
    style.configure()
    from .main_window import MainWindow  # after configure(): pyqtgraph reads its options at creation

    window = MainWindow(data_source=data_source)
    window.show()
    return app.exec()
