"""Training throughput of the engine, side by side with baselines measured in the same run.

1. The `course` configuration (784-50-10 sigmoid, softmax + cross-entropy, SGD 0.1, batch 100)
   against a loop written the way the course writes it, and against PyTorch eager if installed.
2. 784-256-128-10 ReLU with Adam, batch 128, against PyTorch eager if installed.
3. A scaling table: samples/s for several widths, and the fraction of the bound set by the
   matrix products alone (the same products timed bare, back to back).
4. The cost of the per-step statistics (gradient norms, update ratios, inactive units) on the
   `course` configuration: step time with them against the same trainer without them.

Baseline and contender run interleaved in short rounds, so machine noise (this machine's speed
drifts over seconds) hits both alike; figures are medians over rounds, and ratios are medians
of per-round ratios. Each contender states its
BLAS thread count; both engines are measured at one and at two threads where that matters, and
the baselines are compared with the faster mlpviz in each round.

    python benchmarks/engine.py [--rounds 21] [--seconds 0.6] [--no-torch] [--no-scaling]
                                [--statistics-only]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpviz.core.config import PRESETS, Config  # noqa: E402
from mlpviz.core.data import Dataset, load_dataset  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402

WIDE = Config(hidden=(256, 128), activation="relu", init="he", optimizer="adam", lr=0.001,
              batch_size=128, epochs=10, steps=None)


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


class TorchLoop:
    """The same network in PyTorch eager: uint8 images gathered per batch and scaled, a fresh
    permutation per epoch, zero_grad / forward / backward / step."""

    def __init__(self, data: Dataset, config: Config, threads: int):
        import torch
        self.torch = torch
        self.threads = threads
        torch.manual_seed(config.seed)
        act = {"sigmoid": torch.nn.Sigmoid, "relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}[config.activation]
        sizes = (data.input_size, *config.hidden, 10)
        layers = []
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            layers.append(torch.nn.Linear(a, b))
            if i < len(sizes) - 2:
                layers.append(act())
        self.model = torch.nn.Sequential(*layers)
        self.opt = (torch.optim.SGD if config.optimizer == "sgd" else torch.optim.Adam)(
            self.model.parameters(), lr=config.lr)
        self.loss = torch.nn.CrossEntropyLoss()
        self.x = torch.from_numpy(data.x_train)
        self.y = torch.from_numpy(data.y_train.astype(np.int64))
        self.batch = config.batch_size
        self.order, self.pos = torch.randperm(len(self.y)), 0

    def step(self) -> None:
        torch = self.torch
        if self.pos >= len(self.y):
            self.order, self.pos = torch.randperm(len(self.y)), 0
        idx = self.order[self.pos:self.pos + self.batch]
        self.pos += self.batch
        x = self.x[idx].float().mul_(1 / 255)
        self.opt.zero_grad(set_to_none=True)
        loss = self.loss(self.model(x), self.y[idx])
        loss.backward()
        self.opt.step()


def throughput(step, batch: int, seconds: float) -> float:
    """Samples per second of step() over about `seconds` of wall-clock time."""
    step()  # warm caches and allocators
    n, t0 = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - t0) < seconds:
        for _ in range(10):
            step()
        n += 10
    return n * batch / elapsed


def compare(title: str, batch: int, contenders: dict, rounds: int, seconds: float) -> None:
    """Run contenders (name -> (step, BLAS threads, torch threads or None)) interleaved and print
    medians. Names starting with "mlpviz" are ours: each baseline is compared with the best of
    them in the same round."""
    results: dict[str, list[float]] = {name: [] for name in contenders}
    for r in range(rounds):
        for name, (step, blas, torch_threads) in contenders.items():
            if torch_threads is not None:
                import torch
                torch.set_num_threads(torch_threads)
            with threadpool_limits(blas, user_api="blas"):
                results[name].append(throughput(step, batch, seconds))
        print(f"  round {r + 1}: " + "  ".join(f"{n} {v[-1]:,.0f}" for n, v in results.items()),
              file=sys.stderr, end="\r" if r + 1 < rounds else "\n")
    print(f"\n{title}, median of {rounds} interleaved rounds of {seconds:g} s each:")
    ours = [max(v) for v in zip(*(v for n, v in results.items() if n.startswith("mlpviz")))]
    for name, values in results.items():
        line = f"  {name:30s} {statistics.median(values):10,.0f} samples/s"
        if not name.startswith("mlpviz"):
            ratios = [o / v for o, v in zip(ours, values)]
            line += f"   mlpviz is {statistics.median(ratios):5.2f}x  (rounds: {', '.join(f'{x:.2f}' for x in ratios)})"
        print(line)


def ours(data: Dataset, config: Config, threads: tuple[int, ...]) -> dict:
    """The engine alone (no per-step statistics, no timeline), like the baselines."""
    return {f"mlpviz, {n} BLAS thr": (Trainer.from_config(config, data, evaluate_epochs=False, statistics=False,
                                                         timeline=False).step, n, None)
            for n in threads}


def theirs(data: Dataset, config: Config, threads: tuple[int, ...]) -> dict:
    try:
        import torch
    except ImportError:
        return {}
    return {f"pytorch {torch.__version__} eager, {n} thr": (TorchLoop(data, config, n).step, n, n)
            for n in threads}


def matmul_bound(config: Config, input_size: int, seconds: float) -> float:
    """Samples/s if a step cost only its matrix products (forward, dW, and dX past layer 1)."""
    sizes = (input_size, *config.hidden, 10)
    B = config.batch_size
    rng = np.random.default_rng(0)
    acts = [rng.random((B, n), dtype=np.float32) for n in sizes]
    Ws = [rng.random((a, b), dtype=np.float32) for a, b in zip(sizes[:-1], sizes[1:])]
    outs = [np.empty((B, b), np.float32) for b in sizes[1:]]
    dWs = [np.empty_like(W) for W in Ws]
    dxs = [np.empty((B, a), np.float32) for a in sizes[:-1]]

    def products():
        for i, W in enumerate(Ws):
            np.matmul(acts[i], W, out=outs[i])
            np.matmul(acts[i].T, outs[i], out=dWs[i])
            if i > 0:
                np.matmul(outs[i], W.T, out=dxs[i])

    return throughput(products, B, seconds)


def statistics_overhead(data: Dataset, rounds: int, pairs: int = 200, burst: int = 5) -> None:
    """Step time of the course configuration with and without the per-step statistics.

    One trainer, its statistics switched on and off between short bursts (a few steps, about
    1.5 ms each; the order swaps every pair), so that both sides share the machine's moment and
    the very same arrays. A round reports the median of its per-pair ratios; the figure is the
    median over rounds.
    """
    trainer = Trainer.from_config(PRESETS["course"], data, evaluate_epochs=False, timeline=False)
    trainer.step(50)  # past the first allocations

    def timed(on: bool) -> float:
        trainer.statistics = on
        t0 = time.perf_counter()
        trainer.step(burst)
        return (time.perf_counter() - t0) / burst

    overheads, off_times, on_times = [], [], []
    for r in range(rounds):
        ratios = []
        for i in range(pairs):
            times = {on: timed(on) for on in ((True, False) if i % 2 else (False, True))}
            ratios.append(times[True] / times[False])
            off_times.append(times[False])
            on_times.append(times[True])
        overheads.append(statistics.median(ratios) - 1)
        print(f"  round {r + 1}: overhead {100 * overheads[-1]:5.1f}%", file=sys.stderr,
              end="\r" if r + 1 < rounds else "\n")
    print(f"\nper-step statistics, course configuration, {rounds} rounds of {pairs} interleaved pairs:")
    print(f"  step without statistics {1e6 * statistics.median(off_times):7.1f} us (median)")
    print(f"  step with statistics    {1e6 * statistics.median(on_times):7.1f} us (median)")
    print(f"  overhead {100 * statistics.median(overheads):.1f}% of a step (median of rounds; rounds: "
          f"{', '.join(f'{100 * o:.1f}' for o in overheads)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--seconds", type=float, default=0.6, help="per contender and round")
    ap.add_argument("--no-torch", action="store_true", help="leave PyTorch out even if installed")
    ap.add_argument("--no-scaling", action="store_true", help="skip the scaling table")
    ap.add_argument("--statistics-only", action="store_true", help="measure only the statistics' overhead")
    args = ap.parse_args()
    threads = (1, min(2, os.cpu_count() or 1)) if (os.cpu_count() or 1) > 1 else (1,)
    data = load_dataset()
    if args.statistics_only:
        threadpool_limits(1, user_api="blas")
        statistics_overhead(data, args.rounds)
        return

    course = PRESETS["course"]
    contenders = {**ours(data, course, (1,)),
                  "course-style NumPy loop": (CourseLoop(data, course.batch_size, course.lr).step, 1, None)}
    if not args.no_torch:
        contenders.update(theirs(data, course, threads))
    compare(f"course configuration (784-50-10 sigmoid, SGD, batch {course.batch_size})", course.batch_size,
            contenders, args.rounds, args.seconds)

    if not args.no_torch:
        wide = {**ours(data, WIDE, threads), **theirs(data, WIDE, threads)}
        if len(wide) > len(threads):
            compare("784-256-128-10 ReLU, Adam, batch 128", WIDE.batch_size, wide, args.rounds, args.seconds)
        else:
            print("\n(PyTorch is not installed: its columns are skipped; pip install torch to add them.)")

    threadpool_limits(1, user_api="blas")
    if not args.no_scaling:
        print("\nscaling (sigmoid, SGD, batch 100; 1 BLAS thread):")
        print(f"  {'hidden':>10s} {'samples/s':>12s} {'product bound':>14s} {'fraction':>9s}")
        for hidden in ((50,), (128,), (256,), (512,), (1024,), (256, 128)):
            config = course.replace(hidden=hidden)
            t = Trainer.from_config(config, data, evaluate_epochs=False, statistics=False, timeline=False)
            rate = throughput(t.step, config.batch_size, 2.0)
            bound = matmul_bound(config, data.input_size, 2.0)
            print(f"  {','.join(map(str, hidden)):>10s} {rate:12,.0f} {bound:14,.0f} {rate / bound:9.0%}")
    statistics_overhead(data, args.rounds)


if __name__ == "__main__":
    main()
