"""The Evaluate view's costs for the `best`-sized network (784-512-256-10) on the 10,000 test images.

1. evaluate() with per-image probabilities, against its floor measured in the same rounds: the
   bare forward pass of the same images, already scaled to float.
2. The background work of one refresh: the robustness sweep and the PCA map (each on its own).
3. The GUI thread at an epoch end: EvaluateView.update_from, and the longest gap between the ticks
   of a 5 ms timer while a refresh and its background jobs run, beside the longest gap of the
   same timer with nothing to do (the machine's own noise).
4. With --soak SECONDS: the real main window training the `fast` preset live with the Evaluate
   tab shown (a refresh at every epoch end, about one a second), for that long: resident memory
   over time, and the gaps of the 5 ms timer.

    python benchmarks/evaluate.py [--rounds 7] [--refreshes 5] [--soak 600]
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
from mlpviz.core.config import Config  # noqa: E402
from mlpviz.core.data import load_dataset, scale_images  # noqa: E402
from mlpviz.core.trainer import Trainer, evaluate  # noqa: E402

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
    from mlpviz.gui.views.evaluate import EvaluateView
    from mlpviz.gui.worker import RUNNING, Snapshot

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
        if view.robustness_jobs.busy or view.projection_jobs.busy:
            print("warning: the background jobs outlasted the 4 s window")
    ms = [round(v * 1000, 1) for v in updates]
    print(f"update_from (GUI thread): first {ms[0]} ms, then median {statistics.median(ms[1:])} ms, "
          f"max {max(ms[1:])} ms")
    print(f"longest GUI-thread gap during a refresh and its jobs: first {gaps[0] * 1000:.0f} ms, then median "
          f"{statistics.median(gaps[1:]) * 1000:.0f} ms, max {max(gaps[1:]) * 1000:.0f} ms "
          f"(idle event loop: max {max(idle) * 1000:.0f} ms)")
    probe.stop()
    view.close()


def soak(data, seconds: float) -> None:
    from gui import Bench, rss_mb  # the app benchmark's window set-up and memory reading
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mlpviz.gui import style

    app = QApplication.instance() or QApplication([])
    style.configure()
    bench = Bench(app, data)
    w = bench.w
    bench.use_preset("fast")
    w.tabs.setCurrentWidget(w.evaluate)
    w.new_run()
    bench.spin(0.5)
    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    w.controller.worker.resume()
    rows, t0 = [], time.perf_counter()
    while (elapsed := time.perf_counter() - t0) < seconds:
        bench.spin(min(1.0, seconds - elapsed))
        if w.state != "running":  # the preset's planned length is done: keep training
            w.controller.worker.resume()
        if not rows or elapsed + 1 >= rows[-1][0] + 10 or elapsed + 1 >= seconds:  # every 10 s
            rows.append((time.perf_counter() - t0, rss_mb(), w.latest.epoch_progress if w.latest else 0.0))
    w.controller.pause_and_wait()
    probe.stop()
    gaps = np.diff(ticks) * 1000
    print(f"soak: {seconds:.0f} s of the fast preset shown live on the Evaluate tab, "
          f"{rows[-1][2]:.0f} epochs (one Evaluate refresh each)")
    for t, mb, epochs in rows[:: max(1, len(rows) // 12)] + rows[-1:]:
        print(f"  {t:5.0f} s  {epochs:6.1f} epochs  {mb:6.0f} MB")
    first_minute = [mb for t, mb, _ in rows if t <= 60]
    print(f"  memory: after the first minute {first_minute[-1]:.0f} MB, peak {max(r[1] for r in rows):.0f} MB, "
          f"at the end {rows[-1][1]:.0f} MB")
    minutes = [max(mb for t, mb, _ in rows if m * 60 <= t < (m + 1) * 60) for m in range(int(seconds // 60))]
    print("  highest in each minute: " + ", ".join(f"{mb:.0f}" for mb in minutes) + " MB")
    print(f"  5 ms timer gaps: p50 {np.percentile(gaps, 50):.1f} ms, p99 {np.percentile(gaps, 99):.1f} ms, "
          f"max {gaps.max():.0f} ms; {int((gaps > 50).sum())} of {len(gaps)} over 50 ms")
    w.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--refreshes", type=int, default=5)
    ap.add_argument("--no-gui", action="store_true")
    ap.add_argument("--soak", type=float, default=0.0, help="seconds of live training with the tab shown")
    args = ap.parse_args()
    threadpool_limits(int(os.environ.get("MLPVIZ_BLAS_THREADS", "1")), user_api="blas")
    data = load_dataset()
    if args.soak:
        soak(data, args.soak)
        return
    trainer = Trainer.from_config(BEST, data, evaluate_epochs=False)
    trainer.step(50)  # a network that reads most digits: galleries and maps look as they will
    core(trainer.model, data, args.rounds)
    if not args.no_gui:
        gui(trainer.model, data, args.refreshes)


if __name__ == "__main__":
    main()
