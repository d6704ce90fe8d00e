"""Training throughput of the engine against a loop written the way the course writes it.

Runs both on the `course` configuration (784-50-10 sigmoid, softmax + cross-entropy, SGD 0.1,
batch 100) on the bundled MNIST, interleaved in rounds so that machine noise hits both alike,
and prints samples per second (median over rounds) and the ratio.

    python benchmarks/engine.py [--rounds 5] [--seconds 2]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpviz.core.config import PRESETS  # noqa: E402
from mlpviz.core.data import Dataset, load_dataset  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402


class CourseLoop:
    """The course's NumPy loop, with its two bugs fixed (it updates with dW1 and sums dZ1 for
    db1) but its habits kept: float64, np.random.choice batches, new arrays every step, the
    gradient with respect to the input computed and never used."""

    def __init__(self, data: Dataset, batch: int = 100, lr: float = 0.1, seed: int = 0):
        self.x = data.x_train.astype(np.float64) / 255  # the course scales the whole set up front
        self.t = np.eye(10)[data.y_train]
        self.batch, self.lr = batch, lr
        np.random.seed(seed)
        self.W1 = 0.01 * np.random.randn(784, 50)
        self.b1 = np.zeros(50)
        self.W2 = 0.01 * np.random.randn(50, 10)
        self.b2 = np.zeros(10)

    def step(self) -> None:
        idx = np.random.choice(len(self.x), self.batch)
        x, t = self.x[idx], self.t[idx]
        a1 = np.dot(x, self.W1) + self.b1
        z1 = 1 / (1 + np.exp(-a1))
        a2 = np.dot(z1, self.W2) + self.b2
        c = np.max(a2, axis=1, keepdims=True)
        e = np.exp(a2 - c)
        y = e / np.sum(e, axis=1, keepdims=True)
        dy = (y - t) / self.batch
        dW2 = np.dot(z1.T, dy)
        db2 = np.sum(dy, axis=0)
        dz1 = np.dot(dy, self.W2.T)
        da1 = (1 - z1) * z1 * dz1
        dW1 = np.dot(x.T, da1)
        db1 = np.sum(da1, axis=0)
        _dx = np.dot(da1, self.W1.T)  # noqa: F841  (unused, as in the course)
        self.W1 = self.W1 - self.lr * dW1
        self.b1 = self.b1 - self.lr * db1
        self.W2 = self.W2 - self.lr * dW2
        self.b2 = self.b2 - self.lr * db2


def throughput(step, batch: int, seconds: float) -> float:
    """Samples per second of step() over about `seconds` of wall-clock time."""
    step()  # warm caches and allocators
    n, t0 = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - t0) < seconds:
        for _ in range(20):
            step()
        n += 20
    return n * batch / elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=2.0)
    args = ap.parse_args()
    data = load_dataset()
    config = PRESETS["course"]
    reference = CourseLoop(data, config.batch_size, config.lr)
    trainer = Trainer.from_config(config, data, evaluate_epochs=False)
    ref, ours = [], []
    for r in range(args.rounds):
        ref.append(throughput(reference.step, config.batch_size, args.seconds))
        ours.append(throughput(trainer.step, config.batch_size, args.seconds))
        print(f"round {r + 1}: course loop {ref[-1]:9,.0f}   mlpviz {ours[-1]:9,.0f} samples/s",
              file=sys.stderr)
    ratios = [o / r for o, r in zip(ours, ref)]
    print(f"course configuration (784-50-10 sigmoid, SGD, batch {config.batch_size}), "
          f"median of {args.rounds} interleaved rounds of {args.seconds:g} s:")
    print(f"  course-style loop  {statistics.median(ref):10,.0f} samples/s")
    print(f"  mlpviz engine      {statistics.median(ours):10,.0f} samples/s")
    print(f"  ratio              {statistics.median(ratios):10.2f}x  (per-round: "
          f"{', '.join(f'{x:.2f}' for x in ratios)})")


if __name__ == "__main__":
    main()
