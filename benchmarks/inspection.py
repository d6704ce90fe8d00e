"""What one Inspection costs (the aim: at most 5 ms for a 784-256-128-10 network), beside a bare
forward pass of the same example measured in the same run.

For each network (784-256-128-10 ReLU and sigmoid, the course's 784-50-10 sigmoid; float32, as the
app trains them; freshly initialised: the cost of the dense products does not depend on the
values), per example, milliseconds, median and 95th percentile:

- model.forward of one example, float32 (the baseline), and predict_proba of it;
- the float64 copy of the network alone (model.astype), which an Inspection makes when it is not
  handed one;
- inspect(model, x, label): the forward pass only, then with the backward pass (ins.dW read);
- the same with the float64 copy handed over (network=ins.network), as the drawing pad does for
  every stroke after the first on the same network.

The cases run interleaved, one repetition of each in turn, so that the machine's drift hits them
alike; BLAS at one thread, as in the app. --profile prints cProfile's view of the slowest case.

    python benchmarks/inspection.py [--repeat 200] [--warmup 20] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time

import numpy as np

from mlpviz.cli import limit_blas_threads
from mlpviz.core.data import load_dataset, scale_images
from mlpviz.core.inspect import inspect
from mlpviz.core.model import MLP

NETWORKS = (((784, 256, 128, 10), "relu", "he"), ((784, 256, 128, 10), "sigmoid", "xavier"),
            ((784, 50, 10), "sigmoid", "normal"))
TARGET_MS = 5.0


def cases(model: MLP, xs: np.ndarray, labels: np.ndarray) -> dict[str, callable]:
    """name -> a function of the example's index that does one case's work for it."""
    net64 = inspect(model, xs[0], int(labels[0])).network

    def with_backward(i: int, network: MLP | None = None) -> None:
        _ = inspect(model, xs[i], int(labels[i]), network).dW

    return {
        "model.forward (float32, baseline)": lambda i: model.forward(xs[i][None]),
        "predict_proba": lambda i: model.predict_proba(xs[i]),
        "float64 copy (model.astype)": lambda i: model.astype(np.float64),
        "inspect, forward": lambda i: inspect(model, xs[i], int(labels[i])),
        "inspect, forward + backward": with_backward,
        "inspect(network=), forward": lambda i: inspect(model, xs[i], int(labels[i]), net64),
        "inspect(network=), + backward": lambda i: with_backward(i, net64),
    }


def measure(todo: dict, n_inputs: int, repeat: int, warmup: int) -> dict[str, np.ndarray]:
    """Milliseconds of each case, repeat times, interleaved, after warmup rounds."""
    times = {name: [] for name in todo}
    names = list(todo)
    order = np.random.default_rng(0)
    for r in range(warmup + repeat):
        i = r % n_inputs
        # in a new order every round: whichever case came first would find the caches cold
        for name in order.permutation(names):
            t = time.perf_counter()
            todo[name](i)
            if r >= warmup:
                times[name].append(time.perf_counter() - t)
    return {name: 1000 * np.array(ts) for name, ts in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--inputs", type=int, default=50, help="test images cycled through")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile 'inspect, forward + backward' of the first network")
    args = parser.parse_args()
    threads = limit_blas_threads()
    data = load_dataset()
    xs = scale_images(data.x_test[:args.inputs]).reshape(args.inputs, -1).astype(np.float32)
    labels = data.y_test[:args.inputs]
    print(f"one example, {args.repeat} repetitions after {args.warmup} warm-up rounds, BLAS threads: {threads}, "
          f"load average {os.getloadavg()[0]:.2f}")
    for sizes, act, init in NETWORKS:
        model = MLP.create(sizes, act, init=init, seed=0, dtype="float32")
        todo = cases(model, xs, labels)
        ms = measure(todo, len(xs), args.repeat, args.warmup)
        base = float(np.median(ms["model.forward (float32, baseline)"]))
        title = f"{'-'.join(map(str, sizes))} {act}, float32"
        print(f"\n{title:38s}{'median ms':>9s} {'p95 ms':>8s}   x baseline")
        for name, t in ms.items():
            med, p95 = float(np.median(t)), float(np.percentile(t, 95))
            over = "  over 5 ms" if name.startswith("inspect") and med > TARGET_MS else ""
            print(f"  {name:36s} {med:8.3f} {p95:8.3f}   {med / base:8.1f}{over}")
        if args.profile and sizes == NETWORKS[0][0] and act == NETWORKS[0][1]:
            profile = cProfile.Profile()
            fn = todo["inspect, forward + backward"]
            profile.enable()
            for r in range(args.repeat):
                fn(r % len(xs))
            profile.disable()
            print(f"\n  cProfile of {args.repeat} x 'inspect, forward + backward' (by own time):")
            pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
