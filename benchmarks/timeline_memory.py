"""What the timeline's copies cost in memory for a wide network: 784-4096-4096-4096-10 (140 MB of
weights a copy), trained headless with the timeline on, as the desktop app's trainer runs it (SGD,
batch 50 on the first 1,000 MNIST images: an epoch end every 20 steps), for 40 steps, BLAS at one
thread. Prints the process's resident memory once the data is loaded, once the network is built
(with the timeline's copy of step 0) and after the steps (the first step adds the gradients, one
copy's worth), with the copies kept and their bytes, beside the timeline's byte budget on this
machine.

The baseline is the count bound alone (up to 64 log-spaced and 64 epoch-end copies, as the
timeline had before its byte budget): how many copies it keeps in the same run, counted on a tiny
network offered at the same steps, and what they would take at this width. --baseline measures it
instead, by training with the budget lifted: about 4 GB of resident memory, so only on a machine
with room to spare.

    python benchmarks/timeline_memory.py [--steps 40] [--baseline]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from mlpviz.cli import limit_blas_threads
from mlpviz.core.config import Config
from mlpviz.core.data import load_dataset
from mlpviz.core.model import MLP
from mlpviz.core.timeline import Timeline, memory_budget
from mlpviz.core.trainer import Trainer

WIDE = Config(hidden=(4096, 4096, 4096), batch_size=50, lr=0.01, steps=40, epochs=None)
TRAIN_IMAGES = 1000
MB = 2**20


def rss_mb() -> float:
    """The process's resident memory now, in MB (Linux; NaN elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def count_bound_copies(steps: int, steps_per_epoch: int) -> int:
    """The copies the count bound alone keeps over `steps` steps: the same offers on a tiny network."""
    timeline, tiny = Timeline(budget=2**62), MLP.create((4, 3, 2), seed=0)
    timeline.offer(0, tiny)
    for step in range(1, steps + 1):
        end = step % steps_per_epoch == 0
        if end or timeline.due(step):
            timeline.offer(step, tiny, step // steps_per_epoch if end else None)
    return len(timeline)


def run(data, steps: int, budget: int | None) -> tuple[float, float, Trainer, float]:
    """Build and train the wide network; resident MB once built and after the steps, the trainer,
    and the seconds the steps took."""
    trainer = Trainer.from_config(WIDE.replace(steps=steps), data, evaluate_epochs=False, statistics=False)
    if budget is not None:  # the count bound alone: a fresh timeline of the untrained network
        trainer.timeline = Timeline(budget=budget)
        trainer.timeline.offer(0, trainer.model)
    built = rss_mb()
    t0 = time.perf_counter()
    trainer.step(steps)
    return built, rss_mb(), trainer, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--baseline", action="store_true", help="measure the count bound alone (about 4 GB)")
    args = parser.parse_args()
    limit_blas_threads()
    data = load_dataset().limit_train(TRAIN_IMAGES)
    start = rss_mb()
    built, after, trainer, seconds = run(data, args.steps, 2**62 if args.baseline else None)
    tl = trainer.timeline
    copy_mb = tl.copy_nbytes / MB
    old = count_bound_copies(args.steps, trainer.steps_per_epoch)
    print(f"784-4096-4096-4096-10: {copy_mb:.0f} MB a copy; {args.steps} steps of {WIDE.batch_size} "
          f"({trainer.steps_per_epoch} per epoch) in {seconds:.1f} s")
    print(f"timeline budget on this machine: {memory_budget() / MB:.0f} MB "
          f"({'lifted: ' if args.baseline else ''}at most {tl.max_copies} copies)")
    # After the steps: the gradients (one copy's worth, made by the first step) and the timeline's copies.
    print(f"{'':36}{'resident MB':>12}")
    print(f"{'data loaded':36}{start:12.0f}")
    print(f"{'network built, with its step-0 copy':36}{built:12.0f}")
    print(f"{'after the steps':36}{after:12.0f}   the timeline: {len(tl)} copies, {tl.nbytes / MB:.0f} MB")
    if not args.baseline:  # the same run with the copies the count bound alone keeps
        print(f"{'baseline: the count bound alone':36}{after + (old - len(tl)) * copy_mb:12.0f}   "
              f"the timeline: {old} copies, {old * copy_mb:.0f} MB (counted, not measured)")


if __name__ == "__main__":
    main()
