"""The desktop app under load: the real main window (offscreen), full MNIST, `course` and
`fast` presets. Prints, per preset:

- training throughput while the window shows it live, against the same training headless,
  in alternating short slices (median ratio of the pairs);
- event-loop latency while training at full speed: how late a 16 ms QTimer fires (p50, p95);
- pause latency: from the pause request to the training loop standing still (p50, p95);
and once:
- drawing-pad stroke -> updated prediction (median over mouse moves);
- process start -> main window shown (median of fresh processes);
- resident memory while training: peak, after the first epoch, and at the end.

    python benchmarks/gui.py [--pairs 40] [--seconds 0.5] [--soak 60]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QPointF, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mlpviz.cli import limit_blas_threads  # noqa: E402
from mlpviz.core.config import PRESETS  # noqa: E402
from mlpviz.core.data import load_dataset  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402
from mlpviz.gui import app as gui_app  # noqa: E402
from mlpviz.gui import style  # noqa: E402
from mlpviz.gui.main_window import MainWindow  # noqa: E402
from mlpviz.gui.run_control import TRAIN_EVAL_LIMIT  # noqa: E402

SHOWN_PROBE = """
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication([])
from mlpviz.cli import limit_blas_threads
limit_blas_threads()
from mlpviz.gui import style
style.configure()
from mlpviz.gui.main_window import MainWindow
w = MainWindow()
w.confirm_discard = lambda what: True
w.show()
def shown():
    print(time.time(), flush=True)
    app.exit()
QTimer.singleShot(0, shown)
app.exec()
"""


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values, q):
    return float(np.percentile(values, q)) if values else float("nan")


class Bench:
    def __init__(self, app: QApplication, data):
        self.app = app  # held: the window lives only as long as the application
        self.data = data
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
        self.w = MainWindow(data=data, settings=settings)
        self.w.confirm = lambda *a: True
        self.w.confirm_discard = lambda *a: True
        self.w.resize(1280, 800)
        self.w.show()
        gui_app.freeze_startup_objects()  # as the app does once its window is shown
        self.spin(0.3)

    def spin(self, seconds: float) -> None:
        """Run an event loop for `seconds`, as app.exec would (without ending the app)."""
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def use_preset(self, name: str) -> None:
        self.w.controls.preset.setCurrentText(name)
        self.spin(0.2)

    def throughput(self, name: str, pairs: int, seconds: float) -> tuple[list[float], list[float], list[float]]:
        """Samples/s of training shown live and of the same training headless, in alternating
        slices of `seconds` (this machine's speed drifts over seconds: short slices side by
        side compare like with like), and the lateness (ms) of a 16 ms timer while live."""
        late: list[float] = []
        clock = QElapsedTimer()
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(16)

        def tick():
            if clock.isValid():
                late.append(max(0.0, clock.nsecsElapsed() / 1e6 - 16))
            clock.restart()

        timer.timeout.connect(tick)
        self.w.new_run()
        self.spin(0.2)
        live_trainer = self.w.trainer
        # The same training without the window: evaluation at each epoch end as the app does it
        # (10,000 training images and the test set), counted in the wall time.
        headless = Trainer.from_config(PRESETS[name], self.data, train_eval_limit=TRAIN_EVAL_LIMIT)
        live, alone = [], []

        def live_slice():
            s0, wall = live_trainer.samples_seen, time.perf_counter()
            self.w.controller.worker.resume()
            clock.invalidate()
            timer.start()
            self.spin(seconds)
            timer.stop()
            self.w.controller.pause_and_wait()
            live.append((live_trainer.samples_seen - s0) / (time.perf_counter() - wall))

        def headless_slice():
            s0, wall = headless.samples_seen, time.perf_counter()
            while time.perf_counter() - wall < seconds:
                headless.step(10)
            alone.append((headless.samples_seen - s0) / (time.perf_counter() - wall))

        for i in range(pairs):
            for run in ((live_slice, headless_slice) if i % 2 == 0 else (headless_slice, live_slice)):
                run()
        return live, alone, late

    def pause_latency(self, n: int) -> list[float]:
        worker = self.w.controller.worker
        out = []
        rng = np.random.default_rng(0)
        for _ in range(n):
            worker.resume()
            self.spin(float(rng.uniform(0.1, 0.3)))
            t0 = time.perf_counter()
            worker.pause()
            worker.idle.wait(5)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    def draw_latency(self, n: int) -> list[float]:
        """ms from a mouse-move event to the drawing's prediction being updated."""
        pad = self.w.input_view.pad
        self.w.controller.pause_and_wait()
        self.w.refresh()
        out = []
        cx, cy = pad.width() / 2, pad.height() / 2
        press = QMouseEvent(QMouseEvent.Type.MouseButtonPress, QPointF(cx, cy - 60), QPointF(cx, cy - 60),
                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pad, press)
        for i in range(n):
            p = QPointF(cx + 40 * np.sin(i / 7), cy - 60 + (i % 60) * 2)
            move = QMouseEvent(QMouseEvent.Type.MouseMove, p, p, Qt.MouseButton.NoButton,
                               Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
            before = self.w.activations.caption.text()
            t0 = time.perf_counter()
            QApplication.sendEvent(pad, move)
            out.append((time.perf_counter() - t0) * 1000)
            assert self.w.session.input_x is not None and before  # the prediction was recomputed
        return out


def start_times(n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-c", SHOWN_PROBE.format(root=str(ROOT))],
                              capture_output=True, text=True, timeout=60)
        out.append((float(proc.stdout.strip().splitlines()[-1]) - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=40, help="live/headless slice pairs per preset")
    ap.add_argument("--seconds", type=float, default=0.5, help="length of each slice")
    ap.add_argument("--presets", nargs="+", default=["course", "fast"], choices=sorted(PRESETS))
    ap.add_argument("--soak", type=float, default=60.0, help="seconds of training for the memory figures")
    args = ap.parse_args()
    limit_blas_threads()
    sys.setswitchinterval(gui_app.SWITCH_INTERVAL)
    app = QApplication.instance() or QApplication([])
    style.configure()
    data = load_dataset()
    bench = Bench(app, data)
    rss_start = rss_mb()
    for name in args.presets:
        bench.use_preset(name)
        windowed, headless, late = bench.throughput(name, args.pairs, args.seconds)
        ratios = [a / b for a, b in zip(windowed, headless)]
        pauses = bench.pause_latency(20)
        # Equal slices: the ratio of the mean rates is the ratio of all samples trained.
        print(f"{name}: training shown live {statistics.mean(windowed):,.0f} samples/s, headless "
              f"{statistics.mean(headless):,.0f}: ratio {statistics.mean(windowed) / statistics.mean(headless):.2f} "
              f"over {len(ratios)} pairs of {args.seconds:g} s slices (pairs' ratios: median "
              f"{statistics.median(ratios):.2f}, quartiles {pct(ratios, 25):.2f}-{pct(ratios, 75):.2f})")
        print(f"  16 ms timer lateness while training: p50 {pct(late, 50):.1f} ms, p95 {pct(late, 95):.1f} ms "
              f"({len(late)} ticks)")
        print(f"  pause latency: p50 {pct(pauses, 50):.1f} ms, p95 {pct(pauses, 95):.1f} ms (20 pauses)")
    bench.use_preset("course")
    draws = bench.draw_latency(200)
    print(f"drawing-pad move -> prediction: median {statistics.median(draws):.2f} ms, p95 {pct(draws, 95):.2f} ms")
    starts = start_times(5)
    print(f"process start -> main window shown: median {statistics.median(starts):.0f} ms "
          f"(runs: {', '.join(f'{s:.0f}' for s in starts)})")

    bench.use_preset("fast")
    bench.w.new_run()
    bench.spin(0.2)
    bench.w.controller.worker.resume()
    samples, epoch_rss, t0 = [], None, time.perf_counter()
    while time.perf_counter() - t0 < args.soak:
        bench.spin(1.0)
        if bench.w.state != "running":  # the preset's planned length is done: keep training
            bench.w.controller.worker.resume()
        samples.append(rss_mb())
        if epoch_rss is None and bench.w.latest is not None and bench.w.latest.epoch_progress >= 1:
            epoch_rss = samples[-1]
    bench.w.controller.pause_and_wait()
    print(f"memory (fast preset, {args.soak:.0f} s of live training, {bench.w.latest.epoch_progress:.1f} epochs): "
          f"before training {rss_start:.0f} MB, after the first epoch {epoch_rss or float('nan'):.0f} MB, "
          f"peak {max(samples):.0f} MB, at the end {samples[-1]:.0f} MB")
    bench.w.close()


if __name__ == "__main__":
    main()
