import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from mlpviz.gui import style  # noqa: E402


@pytest.fixture
def turns(qtbot):
    """turns(n): wait until the event loop has gone round n times, so that whatever a widget
    posted or set on a zero-interval timer has run (a number of turns, not a time)."""
    from PySide6.QtCore import QTimer

    def wait_turns(n: int = 3) -> None:
        done = []
        ticker = QTimer(interval=0)
        ticker.timeout.connect(lambda: done.append(None))
        ticker.start()
        try:
            qtbot.waitUntil(lambda: len(done) >= n, timeout=5000)
        finally:
            ticker.stop()

    return wait_turns


@pytest.fixture
def make_window(qtbot, tmp_path):
    """make_window(data[, spread]): the main window on data, with settings in a temporary file; closed after."""
    style.configure()
    from mlpviz.gui.main_window import MainWindow
    made = []

    def make(data, spread: bool = False):
        settings = QSettings(str(tmp_path / f"settings{len(made)}.ini"), QSettings.Format.IniFormat)
        w = MainWindow(data=data, settings=settings)
        # Views take each snapshot at once, not one per turn of the event loop as in the app, so
        # that a test reads them right after the window has it (test_main_window tests the turns).
        w.session.spread = spread
        qtbot.addWidget(w)
        w.confirm_discard = lambda what: True
        w.show()
        qtbot.waitUntil(lambda: w.latest is not None, timeout=15000)
        made.append(w)
        return w

    yield make
    for w in made:
        w.controller.shutdown()


@pytest.fixture
def window(make_window, small):
    """The main window on the small dataset."""
    return make_window(small)


@pytest.fixture
def make_view(qtbot, small):
    """make_view(ViewClass, width, height): a view of a fresh session on the small dataset, shown."""
    style.configure()
    from mlpviz.gui.session import Session

    def make(cls, width: int, height: int):
        session = Session()
        session.set_data(small)
        v = cls(session)
        v.resize(width, height)
        qtbot.addWidget(v)
        v.show()
        qtbot.waitExposed(v)
        return v

    return make


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
