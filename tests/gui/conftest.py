import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from mlpviz.gui import style  # noqa: E402


@pytest.fixture
def window(qtbot, small, tmp_path):
    """The main window on the small dataset, with settings in a temporary file."""
    style.configure()
    from mlpviz.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(data=small, settings=settings)
    qtbot.addWidget(w)
    w.confirm_discard = lambda what: True
    w.show()
    qtbot.waitUntil(lambda: w.latest is not None, timeout=5000)
    yield w
    w.controller.shutdown()
