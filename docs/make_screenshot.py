"""Render the main window after some training to docs/screenshot.png (offscreen, no display).

    python docs/make_screenshot.py [--steps 1200] [--out docs/screenshot.png]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QPointF, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mlpviz.core.data import load_dataset  # noqa: E402
from mlpviz.gui import style  # noqa: E402


def wait(app: QApplication, condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.005)


def draw_seven(pad) -> None:
    """A 7 drawn the way a hand would, as a stroke of points on the pad's canvas."""
    side = min(pad.width(), pad.height())
    ox, oy = (pad.width() - side) / 2, (pad.height() - side) / 2
    pts = [(0.25, 0.22), (0.45, 0.22), (0.72, 0.22), (0.62, 0.42), (0.52, 0.62), (0.45, 0.8)]
    points = [QPointF(ox + x * side, oy + y * side) for x, y in pts]
    for a, b in zip(points, points[1:]):
        pad._stroke(pad._to_canvas(a), pad._to_canvas(b))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--out", default=str(Path(__file__).with_name("screenshot.png")))
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    style.configure()
    from mlpviz.gui.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(data=load_dataset(), settings=settings)
    window.resize(1280, 800)
    window.show()
    window.controller.worker.step(args.steps)
    wait(app, lambda: window.latest is not None and window.latest.step >= args.steps, timeout=120)
    window.input_view.pad.clear()
    draw_seven(window.input_view.pad)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)
    window.grab().save(args.out)
    print(f"wrote {args.out} after {window.latest.step} steps")
    window.confirm_discard = lambda what: True  # a picture, not work to keep
    window.close()


if __name__ == "__main__":
    main()
