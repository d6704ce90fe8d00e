"""Driving the window as a user would."""
from PySide6.QtCore import QPoint, Qt

from mlpviz.gui.snapshot import DIVERGED


def wait_step(qtbot, window, n):
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step >= n, timeout=10000)


def diverge(qtbot, window):
    """Train a ReLU network at a learning rate of 50 until it diverges (a second or two)."""
    window.controls.hidden.setText("64,64")
    window.controls.hidden.editingFinished.emit()
    window.controls.activation.setCurrentIndex(window.controls.activation.findData("leaky_relu"))
    window.controls.init.setCurrentIndex(window.controls.init.findData("he"))
    window.controls.lr.setValue(50)
    window.toggle_run()
    qtbot.waitUntil(lambda: window.state == DIVERGED, timeout=10000)


def draw(qtbot, pad, points):
    side = min(pad.width(), pad.height())
    ox, oy = (pad.width() - side) / 2, (pad.height() - side) / 2
    pts = [QPoint(int(ox + x * side), int(oy + y * side)) for x, y in points]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=pts[0])
    for p in pts[1:]:
        qtbot.mouseMove(pad, p)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=pts[-1])
