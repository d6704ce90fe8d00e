"""The Evaluate view's costs for the `best`-sized network (784-512-256-10) on the 10,000 test images.

1. evaluate() with per-image probabilities, against its floor measured in the same rounds: the
   bare forward pass of the same images, already scaled to float.
2. The background work of one refresh: the robustness sweep and the PCA map (each on its own).
3. The GUI thread at an epoch end: EvaluateView.update_from, and the longest gap between the ticks
   of a 5 ms timer while a refresh and its background jobs run, beside the longest gap of the
   same timer with nothing to do (the machine's own noise).
4. With --soak SECONDS: the real main window training the `fast` preset live with the Evaluate
   tab shown (a refresh at every epoch end, about one a second), for that long: resident memory
   over time, the gaps of the 5 ms timer, and what the GUI thread was doing in each gap over
   50 ms: every event it handled for more than 4 ms, by the view it belongs to (the Evaluate
   view's own, or the rest of the window's). `--tab training` runs the same soak on the Training
   tab: the baseline of the window without the Evaluate view shown; `--tab inside` and
   `--tab gradients` soak those tabs, and `--preset best` trains that preset instead.

    python benchmarks/evaluate.py [--rounds 7] [--refreshes 5] [--soak 600 [--tab training] [--preset best]]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from mlpviz.core import evaluation as E  # noqa: E402
from mlpviz.core.config import PRESETS, Config  # noqa: E402
from mlpviz.core.data import load_dataset, scale_images  # noqa: E402
from mlpviz.core.evaluation import evaluate  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402

BEST = Config(hidden=(512, 256), activation="relu", init="he", optimizer="adam", lr=0.001, batch_size=256)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def core(model, data, rounds: int) -> None:
    xf = scale_images(data.x_test)
    ev_t, fwd_t = [], []
    for _ in range(rounds):
        ev_t.append(timed(lambda: evaluate(model, data.x_test, data.y_test, keep_probabilities=True)))
        fwd_t.append(timed(lambda: model.predict_proba(xf)))
    ev, fwd = statistics.median(ev_t), statistics.median(fwd_t)
    print(f"evaluate, 10,000 images, with probabilities: {ev * 1000:6.0f} ms  "
          f"(bare forward pass {fwd * 1000:.0f} ms: x{ev / fwd:.2f})")
    rob = timed(lambda: E.robustness(model, data.x_test, data.y_test, data.image_shape))
    levels = sum(len(v) for v in E.DEFAULT_LEVELS.values())
    print(f"robustness sweep, {E.ROBUSTNESS_IMAGES} images x {levels} levels: {rob:6.2f} s")
    x = data.x_test[:E.MAP_POINTS]
    for layer, name in enumerate(E.layer_names(model)):
        t = timed(lambda layer=layer: E.project(E.layer_activations(model, x, layer)))
        print(f"PCA map of {E.MAP_POINTS} images, {name:<28}: {t * 1000:6.0f} ms")


def gui(model, data, refreshes: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])  # held while the view lives
    from mlpviz.gui import style
    from mlpviz.gui.session import Session
    from mlpviz.gui.snapshot import RUNNING, Snapshot
    from mlpviz.gui.views.evaluate import EvaluateView

    style.configure()
    session = Session()
    session.set_data(data)
    view = EvaluateView(session)
    view.resize(1600, 900)
    view.show()
    settle = QEventLoop()  # the view's own first layout and paint are not part of a refresh
    QTimer.singleShot(500, settle.quit)
    settle.exec()
    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()

    def longest_gap(action, seconds: float) -> float:
        ticks.clear()
        loop = QEventLoop()
        QTimer.singleShot(100, action)
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        return float(np.diff(ticks).max())

    updates, gaps, idle = [], [], []
    for k in range(refreshes + 1):  # the first refresh lays the view out: reported apart
        ev = evaluate(model, data.x_test, data.y_test, keep_probabilities=True)
        snap = Snapshot.of(model.copy(), step=k, epoch_progress=k, lr=0.001, state=RUNNING, run_id=1, evaluation=ev)

        def refresh(snap=snap):
            t = time.perf_counter()
            session.publish(snap)
            updates.append(time.perf_counter() - t)

        gaps.append(longest_gap(refresh, 4.0))
        idle.append(longest_gap(lambda: None, 1.0))
        if view.busy:
            print("warning: the background jobs outlasted the 4 s window")
    ms = [round(v * 1000, 1) for v in updates]
    print(f"update_from (GUI thread): first {ms[0]} ms, then median {statistics.median(ms[1:])} ms, "
          f"max {max(ms[1:])} ms")
    print(f"longest GUI-thread gap during a refresh and its jobs: first {gaps[0] * 1000:.0f} ms, then median "
          f"{statistics.median(gaps[1:]) * 1000:.0f} ms, max {max(gaps[1:]) * 1000:.0f} ms "
          f"(idle event loop: max {max(idle) * 1000:.0f} ms)")
    probe.stop()
    view.close()


def owner(obj) -> str:
    """The view (a class named ...View) that a Qt object belongs to, else its own class."""
    p = obj
    try:
        while p is not None:
            name = type(p).__name__
            if name.endswith("View") and name != "GraphicsView":
                return name
            p = p.parent() if callable(getattr(p, "parent", None)) else None
    except RuntimeError:  # deleted by its own event (deleteLater)
        pass
    return type(obj).__name__


def timed_app():
    """A QApplication that notes each event the GUI thread handles for more than 4 ms: (start,
    seconds, owner, event type). Its Python override costs every event a few microseconds."""
    from PySide6.QtWidgets import QApplication

    class App(QApplication):
        def __init__(self):
            super().__init__([])
            self.long: list[tuple] = []
            self._depth = 0

        def notify(self, obj, ev):
            if self._depth:  # only the outermost event: nested ones are part of its time
                return super().notify(obj, ev)
            self._depth, t = 1, time.perf_counter()
            try:
                return super().notify(obj, ev)
            finally:
                self._depth = 0
                d = time.perf_counter() - t
                if d > 0.004:
                    self.long.append((t, d, owner(obj), ev.type().name))

    return App()


SOAK_TABS = {"evaluate": "evaluate", "training": "center", "inside": "inside", "gradients": "dynamics"}


def soak(data, seconds: float, tab: str, preset: str = "fast") -> None:
    from gui import Bench, rss_mb  # the app benchmark's window set-up and memory reading
    from PySide6.QtCore import QTimer

    from mlpviz.gui import app as gui_app
    from mlpviz.gui import style

    sys.setswitchinterval(gui_app.SWITCH_INTERVAL)  # as the app runs
    app = timed_app()
    style.configure()
    bench = Bench(app, data)
    w = bench.w
    bench.use_preset(preset)
    w.tabs.setCurrentWidget(getattr(w, SOAK_TABS[tab]))
    w.new_run()
    bench.spin(0.5)
    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    w.controller.worker.resume()
    app.long.clear()
    rows, t0 = [], time.perf_counter()
    while (elapsed := time.perf_counter() - t0) < seconds:
        bench.spin(min(1.0, seconds - elapsed))
        if w.state != "running":  # the preset's planned length is done: keep training
            w.controller.worker.resume()
        if not rows or elapsed + 1 >= rows[-1][0] + 10 or elapsed + 1 >= seconds:  # every 10 s
            timeline = w.trainer.timeline if w.trainer is not None else None
            rows.append((time.perf_counter() - t0, rss_mb(), w.latest.epoch_progress if w.latest else 0.0,
                         timeline.nbytes / 2**20 if timeline is not None else 0.0))
    w.controller.pause_and_wait()
    probe.stop()
    gaps = np.diff(ticks) * 1000
    print(f"soak: {seconds:.0f} s of the {preset} preset shown live on the {tab.title()} tab, "
          f"{rows[-1][2]:.0f} epochs" + (" (one Evaluate refresh each)" if tab == "evaluate" else ""))
    for t, mb, epochs, kept in rows[:: max(1, len(rows) // 12)] + rows[-1:]:
        print(f"  {t:5.0f} s  {epochs:6.1f} epochs  {mb:6.0f} MB  (the timeline's copies: {kept:5.1f} MB)")
    first_minute = [mb for t, mb, _, _ in rows if t <= 60]
    print(f"  memory: after the first minute {first_minute[-1]:.0f} MB, peak {max(r[1] for r in rows):.0f} MB, "
          f"at the end {rows[-1][1]:.0f} MB")
    minutes = [max(mb for t, mb, _, _ in rows if m * 60 <= t < (m + 1) * 60) for m in range(int(seconds // 60))]
    print("  highest in each minute: " + ", ".join(f"{mb:.0f}" for mb in minutes) + " MB")
    print(f"  5 ms timer gaps: p50 {np.percentile(gaps, 50):.1f} ms, p99 {np.percentile(gaps, 99):.1f} ms, "
          f"max {gaps.max():.0f} ms; {int((gaps > 50).sum())} of {len(gaps)} over 50 ms")
    shown = type(w.tabs.currentWidget()).__name__
    mine = [d for _, d, who, _ in app.long if who == shown]
    print(f"  the {shown}'s own events: {len(mine)} over 4 ms, the longest "
          f"{1000 * max(mine, default=0):.0f} ms")
    for i in np.flatnonzero(gaps > 50):
        a, b = ticks[i], ticks[i + 1]
        inside = [f"{who} {kind} {1000 * d:.0f}" for t, d, who, kind in app.long if t < b and t + d > a]
        print(f"  gap of {gaps[i]:.0f} ms at {a - t0:.0f} s: " + ("; ".join(inside) or "no event over 4 ms"))
    w.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--refreshes", type=int, default=5)
    ap.add_argument("--no-gui", action="store_true")
    ap.add_argument("--soak", type=float, default=0.0, help="seconds of live training with the tab shown")
    ap.add_argument("--tab", choices=sorted(SOAK_TABS), default="evaluate", help="the tab shown in the soak")
    ap.add_argument("--preset", choices=sorted(PRESETS), default="fast", help="the preset trained in the soak")
    args = ap.parse_args()
    threadpool_limits(int(os.environ.get("MLPVIZ_BLAS_THREADS", "1")), user_api="blas")
    data = load_dataset()
    if args.soak:
        soak(data, args.soak, args.tab, args.preset)
        return
    trainer = Trainer.from_config(BEST, data, evaluate_epochs=False)
    trainer.step(50)  # a network that reads most digits: galleries and maps look as they will
    core(trainer.model, data, args.rounds)
    if not args.no_gui:
        gui(trainer.model, data, args.refreshes)


if __name__ == "__main__":
    main()
