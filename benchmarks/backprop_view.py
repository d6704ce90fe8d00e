"""The Backpropagation view's cost of stepping to a card: for every card of one example, the
milliseconds from `view.go(card)` until the event loop has painted it, median and 95th
percentile over the rounds (wall clock, and the median CPU time of the GUI thread, which other
programs on a busy machine do not inflate), beside baselines measured in the same run: the view
repainted with nothing changed, the Inside-the-network tab's update for a new input
(session.set_input, then painted), and the walkthrough alone (Inspection and Walkthrough, backward
pass included) for a new input. Fresh networks, offscreen, the views at --size.

    python benchmarks/backprop_view.py [--rounds 30] [--size 900x700] [--show-all]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
# this folder's inspect.py would stand in for the standard library's, which numpy imports
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mlpviz.cli import limit_blas_threads  # noqa: E402
from mlpviz.core.backprop import Walkthrough  # noqa: E402
from mlpviz.core.data import load_dataset, scale_images  # noqa: E402
from mlpviz.core.inspect import inspect  # noqa: E402
from mlpviz.core.model import MLP  # noqa: E402
from mlpviz.gui import style  # noqa: E402
from mlpviz.gui.session import Session  # noqa: E402
from mlpviz.gui.snapshot import Snapshot  # noqa: E402

NETWORKS = {"course 784-50-10 sigmoid": ((50,), "sigmoid"), "fast 784-256-128-10 relu": ((256, 128), "relu")}


def stats(times: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(median, 95th percentile, median CPU) in ms of (wall, cpu) pairs."""
    wall = [w for w, _ in times]
    return statistics.median(wall), float(np.percentile(wall, 95)), statistics.median(c for _, c in times)


def timed(app: QApplication, fn, *args, **kw) -> tuple[float, float]:
    """(wall, GUI-thread CPU) ms of fn(*args, **kw) and the painting it causes."""
    t0, c0 = time.perf_counter(), time.thread_time()
    fn(*args, **kw)
    app.processEvents()
    return (time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000


def walkthrough(model: MLP, x: np.ndarray, label: int) -> None:
    Walkthrough(inspect(model, x, label)).backward()


def measure(app: QApplication, data, hidden: tuple[int, ...], activation: str, rounds: int,
            size: tuple[int, int], show_all: bool) -> tuple[dict, dict]:
    from mlpviz.gui.views.backprop import BackpropView
    from mlpviz.gui.views.inside import InsideView

    session = Session()
    session.set_data(data)
    view, inside = BackpropView(session), InsideView(session)
    for w in (view, inside):
        w.resize(*size)
        w.show()
    model = MLP.create((data.input_size, *hidden, 10), activation, init="he", seed=0)
    session.publish(Snapshot.of(model, run_id=1, step=1))
    session.show_test_image(0)
    view.show_all.setChecked(show_all)
    app.processEvents()
    cards = [c.name for c in view.walk.cards]
    per_card: dict[str, list[tuple[float, float]]] = {name: [] for name in cards}
    base = {"repaint alone": [], "Inside tab, new input": [], "walkthrough, new input": []}
    for r in range(rounds):
        for i, name in enumerate(cards):
            per_card[name].append(timed(app, view.go, i))
            base["repaint alone"].append(timed(app, view.repaint))
        k = r % 100 + 1
        x = scale_images(data.x_test[k])
        base["Inside tab, new input"].append(timed(app, session.set_input, x, "bench", label=int(data.y_test[k])))
        base["walkthrough, new input"].append(timed(app, walkthrough, model, x, int(data.y_test[k])))
        session.show_test_image(0)
        app.processEvents()
    modes = {}
    for i, name in enumerate(cards):
        view.go(i)
        modes[name] = view.detail.values.mode
    view.close()
    inside.close()
    return ({name: (*stats(t[2:]), modes[name]) for name, t in per_card.items()},
            {name: stats(t[2:]) for name, t in base.items()})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--size", default="900x700")
    ap.add_argument("--show-all", action="store_true", help="every unit of the wide layers drawn")
    args = ap.parse_args()
    limit_blas_threads()
    app = QApplication.instance() or QApplication([])
    style.configure()
    data = load_dataset()
    size = tuple(int(n) for n in args.size.split("x"))
    for title, (hidden, activation) in NETWORKS.items():
        cards, base = measure(app, data, hidden, activation, args.rounds, size, args.show_all)
        print(f"\n{title}, views {args.size}{', show all' if args.show_all else ''}: ms from stepping to a card "
              f"until painted")
        print(f"{'card':8} {'drawn as':9} {'median':>7} {'p95':>7} {'cpu':>7}")
        for name, (med, p95, cpu, mode) in cards.items():
            print(f"{name:8} {mode:9} {med:7.2f} {p95:7.2f} {cpu:7.2f}")
        rows = list(cards.values())
        print(f"{'all':8} {'(median)':9} {statistics.median(r[0] for r in rows):7.2f} {max(r[1] for r in rows):7.2f} "
              f"{statistics.median(r[2] for r in rows):7.2f}   (p95: the worst card's)")
        for name, (med, p95, cpu) in base.items():
            print(f"baseline: {name:30} {med:7.2f} {p95:7.2f} {cpu:7.2f}")


if __name__ == "__main__":
    main()
