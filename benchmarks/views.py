"""The training views' cost per repaint while training: for each view, the median time of
`update_from(snapshot)` plus a synchronous repaint, beside a repaint alone of the same view in the
same run (the baseline: what painting costs when nothing changed). Synthetic snapshots at the
worker's cadence (60 steps a snapshot), fresh weights each time, offscreen.

    python benchmarks/views.py [--frames 300] [--hidden 50 256,128 512,256]
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

from mlpviz.cli import limit_blas_threads  # noqa: E402
from mlpviz.core.data import load_dataset  # noqa: E402
from mlpviz.core.model import MLP  # noqa: E402
from mlpviz.core.trainer import EpochRecord  # noqa: E402
from mlpviz.gui import style  # noqa: E402
from mlpviz.gui.session import Session  # noqa: E402
from mlpviz.gui.snapshot import Snapshot  # noqa: E402

SIZES = {"curves": (640, 560), "weights": (640, 420), "activations": (420, 560)}
STEPS_PER_EPOCH = 600


def measure(app: QApplication, data, hidden: tuple[int, ...], activation: str, frames: int) -> dict:
    from mlpviz.gui.views.activations import ActivationsView
    from mlpviz.gui.views.curves import CurvesView
    from mlpviz.gui.views.weights import WeightsView

    rng = np.random.default_rng(0)
    session = Session()
    session.set_data(data)
    session.input_x, session.input_source = rng.random(data.input_size).astype(np.float32), "noise"
    views = {"curves": CurvesView(session), "weights": WeightsView(session), "activations": ActivationsView(session)}
    for name, view in views.items():
        view.resize(*SIZES[name])
        view.show()
    app.processEvents()
    times = {(name, kind): [] for name in views for kind in ("update", "repaint")}
    probes = np.zeros((0, 3))
    for f in range(frames):
        model = MLP.create((data.input_size, *hidden, 10), activation, init="he", seed=f)
        step = f * 60
        if f % 5 == 0:
            probes = np.vstack([probes, [step / STEPS_PER_EPOCH, 0.9 + 0.09 * rng.random(), 0.9 + 0.09 * rng.random()]])
        epochs = tuple(EpochRecord(e, e * STEPS_PER_EPOCH, 0.1, 0.95, 0.1, 0.94, 1.0)
                       for e in range(1, step // STEPS_PER_EPOCH + 1))
        losses = (2 * np.exp(-np.arange(step, step + 60) / 2000) + 0.1 * rng.random(60)).astype(np.float32)
        snap = Snapshot(step=step + 60, epoch_progress=(step + 60) / STEPS_PER_EPOCH, steps_per_epoch=STEPS_PER_EPOCH,
                        series_start=step, series={"loss": losses}, epochs=epochs, probes=probes.copy(),
                        model=model, lr=0.1,
                        samples_per_second=0, train_seconds=0, state="running")
        session.snapshot = snap
        for name, view in views.items():
            for kind in (("update", "repaint") if f % 2 else ("repaint", "update")):
                t0 = time.perf_counter()
                if kind == "update":
                    view.update_from(snap)
                view.repaint()
                app.processEvents()
                times[(name, kind)].append((time.perf_counter() - t0) * 1000)
    for view in views.values():
        view.close()
    return {k: statistics.median(v[10:]) for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=300)
    ap.add_argument("--hidden", nargs="+", default=["50", "256,128", "512,256"])
    args = ap.parse_args()
    limit_blas_threads()
    app = QApplication.instance() or QApplication([])
    style.configure()
    data = load_dataset()
    for h in args.hidden:
        hidden = tuple(int(n) for n in h.split(","))
        activation = "sigmoid" if hidden == (50,) else "relu"
        m = measure(app, data, hidden, activation, args.frames)
        total = sum(m[(name, "update")] for name in SIZES)
        base = sum(m[(name, "repaint")] for name in SIZES)
        parts = ", ".join(f"{name} {m[(name, 'update')]:.2f} (repaint alone {m[(name, 'repaint')]:.2f})"
                          for name in SIZES)
        print(f"hidden {h} {activation}: {total:.2f} ms a frame, repaint alone {base:.2f} ms; {parts}")


if __name__ == "__main__":
    main()
