"""Driving the window as a user would."""
from PySide6.QtCore import QPoint, Qt


def wait_step(qtbot, window, n):
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step >= n, timeout=10000)


def draw(qtbot, pad, points):
    side = min(pad.width(), pad.height())
    ox, oy = (pad.width() - side) / 2, (pad.height() - side) / 2
    pts = [QPoint(int(ox + x * side), int(oy + y * side)) for x, y in points]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=pts[0])
    for p in pts[1:]:
        qtbot.mouseMove(pad, p)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=pts[-1])
