"""Driving the window as a user would."""
import numpy as np
from PySide6.QtCore import QPoint, Qt

from mlpviz.core.trainer import Trainer
from mlpviz.gui.snapshot import DIVERGED, Snapshot


def snapshot_of(trainer: Trainer, delivered: int, run_id: int = 1, state: str = "running") -> Snapshot:
    """A snapshot of a trainer's run as the worker makes it (the series rows after `delivered`),
    with an accuracy probe at each epoch's end."""
    probes = np.array([[r.epoch, r.train_accuracy, r.test_accuracy] for r in trainer.epochs]).reshape(-1, 3)
    return Snapshot.of_trainer(trainer, delivered, run_id=run_id, state=state, probes=probes)


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
