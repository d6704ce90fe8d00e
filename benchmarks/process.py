"""The engine's lead process to process: `mlpviz train --preset course --steps 6000` against a
plain script of the course's loop (benchmarks/engine.py's CourseLoop, 6,000 steps of 100), each
in a fresh Python process, each timed by its own clock around its training loop, interleaved.

Then where the rest of mlpviz's process time goes, phase by phase in one process as
`mlpviz train` runs them: Python and NumPy start-up, importing mlpviz, loading the data,
building the trainer, the training steps, the evaluations at each epoch end (train sample and
test set), and the same steps with the per-step statistics off.

    python benchmarks/process.py [--rounds 3] [--steps 6000]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "MLPVIZ_BLAS_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}

COURSE_SCRIPT = """
import sys, time
sys.path.insert(0, {bench!r})
from engine import CourseLoop
from mlpviz.core.data import load_dataset
loop = CourseLoop(load_dataset())
t0 = time.perf_counter()
for _ in range({steps}):
    loop.step()
print({steps} * 100 / (time.perf_counter() - t0))
"""

PHASES = """
import time
t0 = time.perf_counter()
import numpy  # noqa
t1 = time.perf_counter()
from mlpviz.cli import limit_blas_threads
from mlpviz.core.config import PRESETS
from mlpviz.core.data import load_dataset
from mlpviz.core.trainer import Trainer
t2 = time.perf_counter()
data = load_dataset()
t3 = time.perf_counter()
config = PRESETS["course"].replace(steps={steps}, epochs=None)
limit_blas_threads((data.input_size, *config.hidden, 10), config.batch_size)
trainer = Trainer.from_config(config, data, timeline=False)
t4 = time.perf_counter()
while trainer.step_count < {steps}:
    trainer.step(min(50, {steps} - trainer.step_count, trainer.steps_per_epoch))
t5 = time.perf_counter()
bare = Trainer.from_config(config, data, timeline=False, statistics=False, evaluate_epochs=False)
t6 = time.perf_counter()
bare.step({steps})
t7 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, trainer.train_seconds, t7 - t6, len(trainer.epochs))
"""


def run(args: list[str]) -> tuple[str, float]:
    """A fresh process's standard output and its wall-clock seconds, start to exit."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=ENV, cwd=ROOT, check=True)
    return out.stdout, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--steps", type=int, default=6000)
    args = ap.parse_args()
    ours, theirs, ratios, walls = [], [], [], ([], [])
    course = COURSE_SCRIPT.format(bench=str(ROOT / "benchmarks"), steps=args.steps)
    for _ in range(args.rounds):
        out, wall = run(["-m", "mlpviz", "train", "--preset", "course", "--steps", str(args.steps), "--json"])
        ours.append(json.loads(out)["samples_per_second"])
        walls[0].append(wall)
        out, wall = run(["-c", course])
        theirs.append(float(out))
        walls[1].append(wall)
        ratios.append(ours[-1] / theirs[-1])
    med = statistics.median
    print(f"process to process, {args.steps} steps of the course configuration, one BLAS thread, "
          f"{args.rounds} rounds interleaved (medians):")
    print(f"  mlpviz train:      {med(ours):9,.0f} samples/s by its own clock (samples_per_second), "
          f"process {med(walls[0]):.2f} s")
    print(f"  course-style loop: {med(theirs):9,.0f} samples/s by its own clock, process {med(walls[1]):.2f} s")
    print(f"  lead: {med(ratios):.2f}x (rounds: {', '.join(f'{r:.2f}' for r in ratios)}); by whole processes "
          f"{med(walls[1]) / med(walls[0]):.2f}x")
    rows = [[float(v) for v in run(["-c", PHASES.format(steps=args.steps)])[0].split()] for _ in range(args.rounds)]
    numpy_s, imports, load, build, loop, train, bare, epochs = (med(col) for col in zip(*rows))
    print(f"where mlpviz's process time goes (one process, medians of {args.rounds}):")
    print(f"  import numpy {numpy_s:.2f} s, import mlpviz {imports:.2f} s, load the data {load:.2f} s, "
          f"build the trainer {build:.2f} s")
    print(f"  {args.steps} steps {loop:.2f} s: training {train:.2f} s, evaluations at {epochs:.0f} epoch ends "
          f"{loop - train:.2f} s")
    print(f"  the same steps without the per-step statistics: {bare:.2f} s "
          f"({100 * (train / bare - 1):+.1f} % for them)")


if __name__ == "__main__":
    main()
