"""Time to accuracy: train the `fast` and `best` presets on the full MNIST and report the
test accuracy reached, the training time (evaluation excluded), and the training time at which
the test accuracy (measured after each epoch) first reached 98.5 % and 99.0 %, with the same
recipe in PyTorch eager as the baseline when it is installed (the same augmentation, done by
the same NumPy code on each batch, and the same BLAS thread count as `mlpviz train` picks).

Targets: fast >= 98.0% in <= 10 s; best >= 99.0% in <= 90 s.

    python benchmarks/time_to_accuracy.py [--presets fast,best] [--no-torch]
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpviz.core.augment import Augmenter  # noqa: E402
from mlpviz.core.config import PRESETS, Config  # noqa: E402
from mlpviz.core.data import Dataset, load_dataset  # noqa: E402
from mlpviz.core.threads import blas_threads_for, load_average  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402

TARGETS = {"fast": (0.980, 10.0), "best": (0.990, 90.0)}
MILESTONES = (0.985, 0.990)


def when(t: float) -> str:
    return f" {'never':>9s}" if math.isnan(t) else f" {t:8.1f}s"


def milestones(curve: list[tuple[float, float]]) -> list[float]:
    """The training seconds at which (seconds, test accuracy) pairs first reach each milestone (nan: never)."""
    return [next((t for t, a in curve if a >= m), math.nan) for m in MILESTONES]


def run_mlpviz(config: Config, data: Dataset) -> tuple[float, float, list[tuple[float, float]]]:
    trainer = Trainer.from_config(config, data, evaluate_epochs=False, timeline=False)  # as `mlpviz train`
    total, curve = trainer.planned_steps(config), []
    while trainer.step_count < total:
        trainer.step(min(trainer.steps_to_epoch_end, total - trainer.step_count))
        curve.append((trainer.train_seconds, trainer.evaluate("test").accuracy))
    return curve[-1][1], trainer.train_seconds, curve


def run_torch(config: Config, data: Dataset, threads: int) -> tuple[float, float, list[tuple[float, float]]]:
    """The same recipe in PyTorch eager: layers, init, Adam, per-epoch decay, batches, and the
    same augmentation by the same NumPy code."""
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(config.seed)
    sizes = (data.input_size, *config.hidden, 10)
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        lin = torch.nn.Linear(a, b)
        torch.nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
        torch.nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.Adam(model.parameters(), lr=config.lr)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=config.lr_decay)
    loss_fn = torch.nn.CrossEntropyLoss()
    augmenter = Augmenter.from_config(config, data.image_shape, data.x_train)  # the pen keeps skeletons too
    rng = np.random.default_rng([config.seed, 1])
    y = torch.from_numpy(data.y_train.astype(np.int64))
    x_test = torch.from_numpy(data.x_test.astype(np.float32) / 255)
    seconds, curve = 0.0, []
    for _ in range(math.ceil(config.epochs)):
        t0 = time.perf_counter()
        order = torch.randperm(len(y))
        for i in range(0, len(y), config.batch_size):
            idx = order[i:i + config.batch_size]
            where = idx.numpy()
            xb = data.x_train[where]
            if augmenter is not None:
                augmenter(xb, rng, where)
            opt.zero_grad(set_to_none=True)
            loss_fn(model(torch.from_numpy(xb).float().mul_(1 / 255)), y[idx]).backward()
            opt.step()
        sched.step()
        seconds += time.perf_counter() - t0
        with torch.no_grad():
            pred = model(x_test).argmax(1).numpy()
        curve.append((seconds, float((pred == data.y_test).mean())))
    return curve[-1][1], seconds, curve


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--presets", default="fast,best")
    ap.add_argument("--no-torch", action="store_true")
    args = ap.parse_args()
    data = load_dataset()
    try:
        import torch  # noqa: F401
        have_torch = not args.no_torch
    except ImportError:
        have_torch = False
        print("(PyTorch is not installed: no baseline column; pip install torch adds it)")
    print(f"{'preset':8s} {'engine':22s} {'test acc':>9s} {'train s':>8s} {'to 98.5%':>9s} {'to 99.0%':>9s}   target")
    for name in args.presets.split(","):
        config = PRESETS[name]
        threads = blas_threads_for((data.input_size, *config.hidden, 10), config.batch_size, load=load_average())
        goal_acc, goal_s = TARGETS.get(name, (math.nan, math.nan))
        with threadpool_limits(threads, user_api="blas"):
            acc, secs, curve = run_mlpviz(config, data)
        met = "met" if acc >= goal_acc and secs <= goal_s else "NOT met"
        to = "".join(when(t) for t in milestones(curve))
        print(f"{name:8s} {f'mlpviz, {threads} thr':22s} {100 * acc:8.2f}% {secs:8.1f}{to}   "
              f">= {100 * goal_acc:.1f}% in <= {goal_s:g} s: {met}", flush=True)
        if have_torch:
            with threadpool_limits(threads, user_api="blas"):
                acc, secs, curve = run_torch(config, data, threads)
            to = "".join(when(t) for t in milestones(curve))
            print(f"{'':8s} {f'pytorch eager, {threads} thr':22s} {100 * acc:8.2f}% {secs:8.1f}{to}", flush=True)


if __name__ == "__main__":
    main()
