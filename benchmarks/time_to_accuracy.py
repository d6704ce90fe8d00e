"""Time to accuracy: train the `fast` and `best` presets on the full MNIST and report the
test accuracy reached and the training time (evaluation excluded), with the same recipe in
PyTorch eager as the baseline when it is installed.

Targets: fast >= 98.0% in <= 10 s; best >= 98.5% in <= 60 s.

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

from mlpviz.core.config import PRESETS, Config  # noqa: E402
from mlpviz.core.data import Dataset, load_dataset  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402

TARGETS = {"fast": (0.980, 10.0), "best": (0.985, 60.0)}


def run_mlpviz(config: Config, data: Dataset) -> tuple[float, float]:
    trainer = Trainer.from_config(config, data, evaluate_epochs=False, timeline=False)  # as `mlpviz train`
    trainer.step(trainer.planned_steps(config))
    return trainer.evaluate("test").accuracy, trainer.train_seconds


def run_torch(config: Config, data: Dataset, threads: int) -> tuple[float, float]:
    """The same recipe in PyTorch eager: layers, init, Adam, per-epoch decay, batches (without
    the shift augmentation, which would only add to its time)."""
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
    x, y = torch.from_numpy(data.x_train), torch.from_numpy(data.y_train.astype(np.int64))
    seconds = 0.0
    for _ in range(math.ceil(config.epochs)):
        t0 = time.perf_counter()
        order = torch.randperm(len(y))
        for i in range(0, len(y), config.batch_size):
            idx = order[i:i + config.batch_size]
            opt.zero_grad(set_to_none=True)
            loss_fn(model(x[idx].float().mul_(1 / 255)), y[idx]).backward()
            opt.step()
        sched.step()
        seconds += time.perf_counter() - t0
    with torch.no_grad():
        pred = model(torch.from_numpy(data.x_test).float() / 255).argmax(1).numpy()
    return float((pred == data.y_test).mean()), seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--presets", default="fast,best")
    ap.add_argument("--no-torch", action="store_true")
    ap.add_argument("--torch-threads", type=int, default=1)
    args = ap.parse_args()
    threadpool_limits(1, user_api="blas")
    data = load_dataset()
    try:
        import torch  # noqa: F401
        have_torch = not args.no_torch
    except ImportError:
        have_torch = False
    print(f"{'preset':8s} {'engine':22s} {'test acc':>9s} {'train s':>8s}   target")
    for name in args.presets.split(","):
        config = PRESETS[name]
        goal_acc, goal_s = TARGETS.get(name, (math.nan, math.nan))
        acc, secs = run_mlpviz(config, data)
        met = "met" if acc >= goal_acc and secs <= goal_s else "NOT met"
        print(f"{name:8s} {'mlpviz':22s} {100 * acc:8.2f}% {secs:8.1f}   "
              f">= {100 * goal_acc:.1f}% in <= {goal_s:g} s: {met}", flush=True)
        if have_torch:
            acc, secs = run_torch(config, data, args.torch_threads)
            print(f"{'':8s} {f'pytorch eager, {args.torch_threads} thr':22s} {100 * acc:8.2f}% {secs:8.1f}", flush=True)


if __name__ == "__main__":
    main()
