"""What the explanation views cost and whether their attribution means something, on the `best`
network (784-512-256-10 ReLU) trained briefly on the full MNIST. Prints:

- per input, median milliseconds: a plain forward pass (the baseline), the forward pass keeping
  pre-activations, gradient x input, integrated gradients at 16/32/64 steps, top units, softmax
  steps; an edit applied plus the full test accuracy; the hidden activations of all test images
  (for a unit's most exciting images);
- the blanking check over 500 test images: the mean fall of the predicted digit's probability
  when the 10% of ink pixels with the highest attribution are set to 0, against 10% at random,
  for each attribution method and explained quantity.

    python benchmarks/explain.py [--epochs 2] [--repeat 200]
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
from mlpviz.core.trainer import Trainer, evaluate  # noqa: E402


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=float, default=2)
    ap.add_argument("--repeat", type=int, default=200)
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
            ("forward keeping z", lambda: explain.trace(model, x)),
            ("gradient x input", lambda: explain.attribution(model, x, d, "gradient"))]
    rows += [(f"integrated gradients, {s} steps", lambda s=s: explain.attribution(model, x, d, "integrated", s))
             for s in (16, 32, 64)]
    rows += [("top units", lambda: explain.top_units(model, x, d)),
             ("softmax steps", lambda: explain.softmax_steps(explain.trace(model, x).logits[0], 2.0))]
    for name, fn in rows:
        print(f"  {name:34s} {median_ms(fn, r):8.3f}")
    edits = [edit.Edit("off", 1, 3), edit.Edit("prune", 1, value=50)]
    print(f"  {'two edits + full test accuracy':34s} "
          f"{median_ms(lambda: evaluate(edit.apply(model, edits), data.x_test, data.y_test), 5):8.1f}")
    print(f"  {'layer-2 activations of 10,000 images':34s} "
          f"{median_ms(lambda: explain.layer_activations(model, data.x_test, 2), 5):8.1f}")

    print("\nblanking 10% of ink pixels, 500 test images: mean fall of p(predicted digit)")
    xs = scale_images(data.x_test[:500])
    for method in ("gradient", "integrated"):
        for of in explain.TARGETS:
            top, rnd = blanking(model, xs, method, of, np.random.default_rng(0))
            print(f"  {method:10s} of {of:15s}  highest attribution {top:.3f}   random {rnd:.3f}   "
                  f"ratio {top / max(rnd, 1e-9):5.1f}")


if __name__ == "__main__":
    main()
