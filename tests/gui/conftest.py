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


@pytest.fixture
def click():
    """click(view, item, x, y): a left click at (x, y) in item's coordinates, through view's viewport
    (pyqtgraph turns the press and release into the item's mouseClickEvent)."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    def click_at(view, item, x: float, y: float) -> None:
        QApplication.processEvents()  # pending layout and view-range changes first
        p = QPointF(view.mapFromScene(item.mapToScene(QPointF(x, y))))
        for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                              (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
            QApplication.sendEvent(view.viewport(), QMouseEvent(kind, p, view.viewport().mapToGlobal(p),
                                                                Qt.MouseButton.LeftButton, buttons,
                                                                Qt.KeyboardModifier.NoModifier))

    return click_at
