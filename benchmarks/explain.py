"""What the explanation views cost and whether their attribution means something, on the `best`
network (784-512-256-10 ReLU) trained briefly on the full MNIST. Prints:

- per input, median milliseconds: a plain forward pass (the baseline), the forward pass keeping
  pre-activations, gradient x input, integrated gradients at 16/32/64 steps, top units, softmax
  steps; an edit applied plus the full test accuracy; the hidden activations of all test images
  (for a unit's most exciting images);
- the blanking check over 500 test images: the mean fall of the predicted digit's probability
  when the 10% of ink pixels with the highest attribution are set to 0, against 10% at random,
  for each attribution method and explained quantity;
- with --gui: each explanation view's update for a new input (as after a stroke move), painted,
  offscreen (900x640 unless --size says otherwise): median and 95th percentile milliseconds,
  beside the same for the existing activations panel as the baseline.

    python benchmarks/explain.py [--epochs 2] [--repeat 200] [--gui [--size 1400x900]]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from mlpviz.cli import limit_blas_threads  # noqa: E402
from mlpviz.core import edit, explain  # noqa: E402
from mlpviz.core.config import PRESETS  # noqa: E402
from mlpviz.core.data import load_dataset, scale_images  # noqa: E402
from mlpviz.core.evaluation import evaluate, layer_activations  # noqa: E402
from mlpviz.core.inspect import inspect  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def blanking(model, x: np.ndarray, method: str, of: str, rng: np.random.Generator) -> tuple[float, float]:
    p0 = model.predict_proba(x)
    pred = p0.argmax(axis=1)
    top, rnd = x.copy(), x.copy()
    for i in range(len(x)):
        ink = np.flatnonzero(x[i] > 0)
        k = max(1, round(0.1 * len(ink)))
        a = explain.attribution(model, x[i], int(pred[i]), method, 32, of)
        top[i, ink[np.argsort(-a[ink], kind="stable")[:k]]] = 0
        rnd[i, rng.choice(ink, k, replace=False)] = 0
    rows = np.arange(len(x))
    return (float(np.mean(p0[rows, pred] - model.predict_proba(top)[rows, pred])),
            float(np.mean(p0[rows, pred] - model.predict_proba(rnd)[rows, pred])))


def gui_timings(model, data, size: tuple[int, int], inputs: int = 120) -> None:
    """Milliseconds from session.set_input to a painted view, per view."""
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from mlpviz.gui import style
    from mlpviz.gui.session import Session
    from mlpviz.gui.snapshot import Snapshot
    from mlpviz.gui.views.activations import ActivationsView
    from mlpviz.gui.views.inside import AttributionView, InsideView, NetworkDiagramView, NeuronView, SoftmaxView

    app = QApplication.instance() or QApplication([])
    style.configure()
    snap = Snapshot(step=1, epoch_progress=1.0, steps_per_epoch=1, series_start=0, series={"loss": np.zeros(0)},
                    epochs=(), probes=np.zeros((0, 3)), model=model, lr=0.0, samples_per_second=0.0,
                    train_seconds=0.0, state="paused")
    rng = np.random.default_rng(0)
    # inputs as a stroke makes them: a test digit, partly drawn, moved by a pixel or two
    xs = []
    for i in range(inputs):
        img = scale_images(data.x_test[i]).reshape(28, 28)
        img = np.roll(img, tuple(rng.integers(-2, 3, 2)), axis=(0, 1))
        img[int(rng.integers(14, 28)):] = 0
        xs.append(img.ravel())

    def measure(make, select: bool, memory: bool = False):
        session = Session()
        session.set_data(data)
        view = make(session)
        view.resize(*size)
        view.show()
        session.publish(snap)
        if select:
            session.select_unit(2, 5)
        for _ in range(5):
            app.processEvents()
        time.sleep(0.5)  # let the neuron inspector's search of the test set finish first
        app.processEvents()
        times = []
        for x in xs:
            t = time.perf_counter()
            session.set_input(x, "drawing")
            app.processEvents()  # the repaint the input scheduled happens here
            times.append(1000 * (time.perf_counter() - t))
        grown = None
        if memory:  # the same strokes again, three times: what is still held after each pass
            import tracemalloc
            tracemalloc.start()
            held = []
            for _ in range(3):
                for x in xs:
                    session.set_input(x, "drawing")
                    app.processEvents()
                held.append(tracemalloc.get_traced_memory()[0])
            tracemalloc.stop()
            grown = held[2] - held[0]
        view.close()
        return statistics.median(times), float(np.percentile(times, 95)), grown

    def panel(session):  # the activations view beside the drawing pad, the baseline
        return ActivationsView(session)

    def everything(session):  # every view that reads the input's inspection, shown at once
        from PySide6.QtWidgets import QHBoxLayout, QWidget
        both = QWidget()
        row = QHBoxLayout(both)
        row.addWidget(InsideView(session), 3)
        row.addWidget(ActivationsView(session), 1)
        return both

    print(f"\nviews at {size[0]}x{size[1]}, new input to painted view, {inputs} inputs "
          f"(ms, median / 95th percentile):")
    for name, make in (("activations panel (baseline)", panel), ("network diagram", NetworkDiagramView),
                       ("neuron inspector", NeuronView), ("attribution", AttributionView),
                       ("softmax steps", SoftmaxView), ("all four together (InsideView)", InsideView)):
        med, p95, _ = measure(make, select=True)
        print(f"  {name:34s} {med:6.2f} / {p95:6.2f}")
    med, p95, grown = measure(everything, select=True, memory=True)
    print(f"  {'InsideView + activations panel':34s} {med:6.2f} / {p95:6.2f}   memory held after 3 more passes "
          f"of the strokes: {grown / 1024:+.0f} KiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=float, default=2)
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--gui", action="store_true", help="also time the explanation views")
    ap.add_argument("--size", default="900x640", help="view size for --gui, WIDTHxHEIGHT")
    args = ap.parse_args()
    limit_blas_threads()
    data = load_dataset()
    config = PRESETS["best"].replace(epochs=args.epochs)
    trainer = Trainer.from_config(config, data, evaluate_epochs=False)
    t = time.perf_counter()
    trainer.step(trainer.planned_steps(config))
    model = trainer.model
    acc = evaluate(model, data.x_test, data.y_test).accuracy
    print(f"best network, {args.epochs:g} epochs in {time.perf_counter() - t:.1f} s: test accuracy {acc:.4f}")

    x = scale_images(data.x_test[0])
    d = int(model.predict_proba(x)[0].argmax())
    r = args.repeat
    print("\nper input (median ms):")
    rows = [("forward pass (baseline)", lambda: model.forward(x.reshape(1, -1))),
            ("inspection, forward (float64)", lambda: inspect(model, x)),
            ("inspection, forward and backward", lambda: inspect(model, x, d).dx),
            ("gradient x input", lambda: explain.attribution(model, x, d, "gradient"))]
    rows += [(f"integrated gradients, {s} steps", lambda s=s: explain.attribution(model, x, d, "integrated", s))
             for s in (16, 32, 64)]
    rows += [("top units", lambda: explain.top_units(inspect(model, x), d)),
             ("softmax steps", lambda: explain.softmax_steps(inspect(model, x).logits, 2.0))]
    for name, fn in rows:
        print(f"  {name:34s} {median_ms(fn, r):8.3f}")
    edits = [edit.Edit("off", 1, 3), edit.Edit("prune", 1, value=50)]
    print(f"  {'two edits + full test accuracy':34s} "
          f"{median_ms(lambda: evaluate(edit.apply(model, edits), data.x_test, data.y_test), 5):8.1f}")
    print(f"  {'layer-2 activations of 10,000 images':34s} "
          f"{median_ms(lambda: layer_activations(model, data.x_test, 2), 5):8.1f}")

    if args.gui:
        gui_timings(model, data, tuple(int(v) for v in args.size.split("x")))

    print("\nblanking 10% of ink pixels, 500 test images: mean fall of p(predicted digit)")
    xs = scale_images(data.x_test[:500])
    for method in ("gradient", "integrated"):
        for of in explain.TARGETS:
            top, rnd = blanking(model, xs, method, of, np.random.default_rng(0))
            print(f"  {method:10s} of {of:15s}  highest attribution {top:.3f}   random {rnd:.3f}   "
                  f"ratio {top / max(rnd, 1e-9):5.1f}")


if __name__ == "__main__":
    main()
