"""The cost per repaint of the dynamics, timeline and runs views late in a long run: for each view,
the median time of `update_from(snapshot)` plus a synchronous repaint, beside a repaint alone of
the same view in the same run (the baseline: what painting costs when nothing changed).
Synthetic per-step series of a 784-100-100-100-100-10 network (`--steps` steps already held,
then snapshots of 60 new steps each), a timeline filled as a run fills it, offscreen. Also the
time to compute every stored copy's probabilities for one input (the timeline's plot, done at
most once a second while training).

    python benchmarks/dynamics_views.py [--steps 60000] [--frames 40]
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
from PySide6.QtWidgets import QApplication  # noqa: E402

from mlpviz.core.model import MLP  # noqa: E402
from mlpviz.core.timeline import Timeline  # noqa: E402
from mlpviz.gui import style  # noqa: E402
from mlpviz.gui.session import Session  # noqa: E402
from mlpviz.gui.snapshot import Snapshot  # noqa: E402

SIZES = (784, 100, 100, 100, 100, 10)
STEPS_PER_EPOCH = 600
PER_SNAPSHOT = 60


def series(rng: np.random.Generator, start: int, stop: int, layers: int) -> dict[str, np.ndarray]:
    """Per-step rows for steps start+1 .. stop, shaped as the trainer's series."""
    n = stop - start
    return {"loss": rng.random(n).astype(np.float32), "lr": np.full(n, 0.1),
            "epoch": (np.arange(start, stop) + 1) / STEPS_PER_EPOCH,
            "grad_norm": rng.random((n, layers)) + 1e-3, "update_ratio": rng.random((n, layers)) * 1e-3,
            "inactive": rng.random((n, layers))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=60_000)
    ap.add_argument("--frames", type=int, default=40)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    style.configure()
    from mlpviz.gui.views.dynamics import DynamicsView
    from mlpviz.gui.views.runs import RunsView
    from mlpviz.gui.views.timeline import TimelineView

    rng = np.random.default_rng(0)
    model = MLP.create(SIZES, "sigmoid")
    layers = len(SIZES) - 1
    timeline = Timeline()
    for step in range(args.steps + args.frames * PER_SNAPSHOT + 1):
        end = step % STEPS_PER_EPOCH == 0 and step > 0
        if end or timeline.due(step):
            timeline.offer(step, model, step // STEPS_PER_EPOCH if end else None)
    session = Session()
    views = {"dynamics": DynamicsView(session), "timeline": TimelineView(session), "runs": RunsView(session)}
    for v in views.values():
        v.resize(900, 800)
        v.show()
    app.processEvents()

    def snapshot(start: int, stop: int) -> Snapshot:
        return Snapshot.of(model, series=series(rng, start, stop, layers), series_start=start, step=stop,
                           steps_per_epoch=STEPS_PER_EPOCH, run_id=1, timeline=timeline, state="running")

    session.publish(snapshot(0, args.steps))
    session.set_input(rng.random(784).astype(np.float32), "benchmark")
    app.processEvents()
    cost = {name: [] for name in views}
    paint = {name: [] for name in views}
    for frame in range(args.frames):
        start = args.steps + frame * PER_SNAPSHOT
        snap = snapshot(start, start + PER_SNAPSHOT)
        session.publish(snap)  # every view takes in the new rows (its _on_snapshot), untimed here
        for name, v in views.items():
            t0 = time.perf_counter()
            v.update_from(snap)
            v.repaint()
            t1 = time.perf_counter()
            v.repaint()
            t2 = time.perf_counter()
            cost[name].append(t1 - t0)
            paint[name].append(t2 - t1)
    print(f"{args.steps:,} steps held, {len(timeline)} stored copies, {args.frames} snapshots of {PER_SNAPSHOT} steps")
    for name in views:
        print(f"{name:9s} update_from + repaint: median {1000 * statistics.median(cost[name]):5.1f} ms "
              f"(max {1000 * max(cost[name]):5.1f});  repaint alone: {1000 * statistics.median(paint[name]):4.1f} ms")
    view = views["timeline"]
    t0 = time.perf_counter()
    view._probs = {}
    view.probabilities()
    print(f"timeline probabilities for {len(timeline)} copies: {1000 * (time.perf_counter() - t0):.1f} ms")


if __name__ == "__main__":
    main()
