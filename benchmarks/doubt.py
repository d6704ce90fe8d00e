"""How often the "not sure" marker (core/doubt.py) flags a drawing that is no digit, and how often
it doubts a real one.

Non-digits: a seeded set of pen drawings, in equal numbers of each kind: random scribbles, boxes,
plus signs, X crosses, capital letters drawn as strokes (A E F H K M N T V W; not Z, S, G, B, I,
O or L, which are a 2, 5, 6, 8, 1, 0 or a hurried 4 or 6), a few scattered dots, hash signs,
horizontal lines, triangles, waves and five-pointed stars. No circle (a 0) and no vertical line
(a 1). Each is moved by the same random affine transform as pad_drawings.py's digits (rotation
within ±15°, slant within ±20°, each axis scaled by 0.75-1.25), trembles a little as a hand on a
mouse does, and is placed at a random size and place on the 280x280 pad; it is read from its
strokes (`render_strokes`) as the pad reads it. Real digits: MNIST's test digits as they are, and
pad_drawings.py's synthetic drawings of them (read from strokes).

The marker is measured as the app uses it: `judge` with a Familiarity of the training images and
the network's probabilities. "before" is the marker as it was (the input-space nearest-neighbour
distance and ink range, kept here as `Before`), measured in the same run.

    python benchmarks/doubt.py --model best.npz [--n 10000] [--per-kind 300] [--seed 0] [--cache drawn.npz]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pad_drawings import PAD, digit_paths, drawn_set  # noqa: E402

from mlpviz.core import checkpoint  # noqa: E402
from mlpviz.core.config import PRESETS  # noqa: E402
from mlpviz.core.data import load_dataset  # noqa: E402
from mlpviz.core.doubt import MIN_PROBABILITY, Familiarity, judge  # noqa: E402
from mlpviz.core.strokes import render_strokes  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402

# Capital letters as strokes in a unit box (x right, y down).
LETTERS = {
    "A": [[(0, 1), (0.5, 0), (1, 1)], [(0.25, 0.55), (0.75, 0.55)]],
    "E": [[(1, 0), (0, 0), (0, 1), (1, 1)], [(0, 0.5), (0.7, 0.5)]],
    "F": [[(1, 0), (0, 0), (0, 1)], [(0, 0.5), (0.7, 0.5)]],
    "H": [[(0, 0), (0, 1)], [(1, 0), (1, 1)], [(0, 0.5), (1, 0.5)]],
    "K": [[(0, 0), (0, 1)], [(1, 0), (0, 0.55), (1, 1)]],
    "M": [[(0, 1), (0, 0), (0.5, 0.6), (1, 0), (1, 1)]],
    "N": [[(0, 1), (0, 0), (1, 1), (1, 0)]],
    "T": [[(0, 0), (1, 0)], [(0.5, 0), (0.5, 1)]],
    "V": [[(0, 0), (0.5, 1), (1, 0)]],
    "W": [[(0, 0), (0.25, 1), (0.5, 0.3), (0.75, 1), (1, 0)]],
}
KINDS = ("scribble", "box", "plus", "x", "letter", "dots", "hash", "line", "triangle", "wave", "star")


def _shape(kind: str, rng: np.random.Generator) -> list[np.ndarray]:
    """One non-digit of `kind` as strokes in about a unit box."""
    u = rng.uniform
    if kind == "scribble":  # a tangle through random points, rounded a little, as wide as tall
        pts = u(0, 1, (rng.integers(8, 16), 2))
        pts = (pts - pts.min(0)) / np.maximum(pts.max(0) - pts.min(0), 1e-6)
        t = np.linspace(0, len(pts) - 1, 12 * len(pts))
        line = np.stack([np.interp(t, np.arange(len(pts)), pts[:, i]) for i in range(2)], 1)
        k = np.ones(7) / 7
        return [np.stack([np.convolve(np.pad(line[:, i], 3, mode="edge"), k, "valid") for i in range(2)], 1)]
    if kind == "box":
        w, h = u(0.55, 1), u(0.55, 1)
        corners = np.array([(0, 0), (w, 0), (w, h), (0, h), (0, 0)])
        if u() < 0.5:
            return [corners]
        return [corners[i:i + 2] for i in range(4)]  # four strokes
    if kind == "plus":
        y, x = u(0.3, 0.7, 2)
        return [np.array([(0, y), (1, y)]), np.array([(x, 0), (x, 1)])]
    if kind == "x":
        return [np.array([(0, 0), (1, 1)]), np.array([(1, 0), (0, 1)])]
    if kind == "letter":
        strokes = LETTERS[list(LETTERS)[rng.integers(len(LETTERS))]]
        w = u(0.6, 1)
        return [np.array(s, float) * [w, 1] for s in strokes]
    if kind == "dots":
        return [p[None] for p in u(0, 1, (rng.integers(2, 7), 2))]
    if kind == "hash":
        a, b = u(0.2, 0.4), u(0.6, 0.8)
        return [np.array([(0, a), (1, a)]), np.array([(0, b), (1, b)]),
                np.array([(a, 0), (a, 1)]), np.array([(b, 0), (b, 1)])]
    if kind == "line":
        return [np.array([(0, 0.5), (1, 0.5 + u(-0.15, 0.15))])]
    if kind == "triangle":
        top = u(0.2, 0.8)
        return [np.array([(top, 0), (1, 1), (0, 1), (top, 0)])]
    if kind == "wave":
        t = np.linspace(0, 1, 60)
        return [np.stack([t, 0.5 + 0.25 * np.sin(2 * np.pi * u(1.5, 3) * t + u(0, 2 * np.pi))], 1)]
    if kind == "star":
        a = -np.pi / 2 + 4 * np.pi / 5 * np.arange(6)
        return [np.stack([0.5 + 0.5 * np.cos(a), 0.5 + 0.5 * np.sin(a)], 1)]
    raise ValueError(kind)


def _tremble(stroke: np.ndarray, size: float, rng: np.random.Generator) -> np.ndarray:
    """The stroke as a mouse records it: points every 1-2% of the drawing's size, moved by a
    smooth wobble of about 1% of it."""
    if len(stroke) == 1:
        return stroke
    seg = np.hypot(*np.diff(stroke, axis=0).T)
    s = np.concatenate([[0], np.cumsum(seg)])
    t = np.arange(0, s[-1] + 1e-9, rng.uniform(0.01, 0.02) * size) if s[-1] > 0 else np.zeros(1)
    pts = np.stack([np.interp(t, s, stroke[:, i]) for i in range(2)], 1)
    wobble = np.cumsum(rng.normal(0, 0.004 * size, pts.shape), axis=0)
    wobble -= np.linspace(0, 1, len(pts))[:, None] * wobble[-1]  # starts and ends where it was aimed
    return pts + wobble


def non_digits(per_kind: int, seed: int = 0) -> list[tuple[str, list[np.ndarray]]]:
    """per_kind drawings of each of KINDS as (kind, strokes in 280x280 pad pixels)."""
    rng = np.random.default_rng(seed)
    out = []
    for kind in KINDS:
        for _ in range(per_kind):
            paths = _shape(kind, rng)
            rot, shear = np.deg2rad(rng.uniform(-15, 15)), np.tan(np.deg2rad(rng.uniform(-20, 20)))
            c, s = np.cos(rot), np.sin(rot)
            m = np.array([[c, -s], [s, c]]) @ np.array([[1, -shear], [0, 1]]) @ np.diag(rng.uniform(0.75, 1.25, 2))
            moved = [(np.asarray(p, float) - 0.5) @ m.T for p in paths]
            pts = np.concatenate(moved)
            lo, hi = pts.min(0), pts.max(0)
            height = rng.uniform(0.1, 0.9) * PAD
            k = height / max(float((hi - lo).max()), 1e-6)
            corner = rng.uniform(0, 1, 2) * (PAD - (hi - lo) * k)
            out.append((kind, [_tremble((p - lo) * k + corner, height, rng) for p in moved]))
    return out


class Before:
    """The marker's input check as it was: the angle between the input and its nearest neighbour
    among 5,000 training images, as pixels blurred by one pixel, scaled on 1,000 test digits (99.5 %
    of them nearer); and the same ink range."""

    def __init__(self, data, n: int = 5000, calibrate: int = 1000, seed: int = 0):
        rng = np.random.default_rng(seed)
        d = np.arange(28)[:, None] - np.arange(28)[None, :]
        g = np.exp(-0.5 * d ** 2)
        self._blur = (g / g.sum(axis=1, keepdims=True)).astype(np.float32)
        pick = rng.choice(len(data.x_train), min(n, len(data.x_train)), replace=False)
        probe = data.x_test[rng.choice(len(data.x_test), min(calibrate, len(data.x_test)), replace=False)]
        self.references = self._features(data.x_train[pick])
        ink = data.x_train.sum(axis=1, dtype=np.float64) / 255
        self.ink_range = tuple(np.quantile(ink, [0.001, 0.999]).tolist())
        self.scale = 1.0
        self.scale = float(np.quantile(self.distance(probe), 0.995))

    def _features(self, x: np.ndarray) -> np.ndarray:
        f = (self._blur @ np.asarray(x, np.float32).reshape(-1, 28, 28) @ self._blur.T).reshape(len(x), -1)
        return f / np.maximum(np.linalg.norm(f, axis=1, keepdims=True), 1e-6)

    def distance(self, x: np.ndarray) -> np.ndarray:
        cos = np.concatenate([(self._features(x[i:i + 1000]) @ self.references.T).max(1)
                              for i in range(0, len(x), 1000)])
        return np.arccos(np.clip(cos, -1, 1))

    def novelty(self, x: np.ndarray) -> float:
        x = np.asarray(x, np.float32).reshape(1, -1)
        lo, hi = self.ink_range
        ink = float(x.sum())
        return max(float(self.distance(x)[0]) / self.scale, lo / max(ink, 1e-6), ink / hi)


def verdicts(familiarity, x: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """judge's rule on many inputs at once: (unlike the training images, doubted) for inputs x (n, 784)
    with probabilities p (n, 10)."""
    lo, hi = familiarity.ink_range
    ink = x.sum(1)
    novelty = np.maximum(familiarity.distance(x) / familiarity.scale,
                         np.maximum(lo / np.maximum(ink, 1e-6), ink / hi))
    unlike = novelty > 1
    return unlike, unlike | (p.max(1) < MIN_PROBABILITY)


def call_times(familiarity, x: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Milliseconds of each judge() call, as the pad makes one per change of the drawing."""
    times = []
    for xi, pi in zip(x, p):
        t = time.perf_counter()
        judge(pi, xi, familiarity)
        times.append(1000 * (time.perf_counter() - t))
    return np.array(times)


def drawn_digits(data, n: int, seed: int, cache: str | None) -> np.ndarray:
    """pad_drawings.py's synthetic drawings of the first n test digits, read from their strokes."""
    key = f"{n}-{seed}"
    if cache and Path(cache).exists():
        kept = np.load(cache)
        if str(kept["key"]) == key:
            return kept["drawn"]
    drawn = drawn_set(digit_paths(data.x_test[:n]), seed, pixels=False)[0]
    if cache:
        np.savez_compressed(cache, key=key, drawn=drawn)
    return drawn


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", metavar="FILE", help="a saved model (default: train --preset)")
    ap.add_argument("--preset", default="best", help="the preset to train when no --model is given")
    ap.add_argument("--n", type=int, default=10000, help="test digits, as they are and drawn (default: all)")
    ap.add_argument("--per-kind", type=int, default=300, help="non-digits of each kind (default 300)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", metavar="FILE.npz", help="keep the drawn digits in FILE (drawn once, reused after)")
    args = ap.parse_args()
    threadpool_limits(1, user_api="blas")  # as the app runs
    data = load_dataset()
    n = min(args.n, len(data.y_test))
    t0 = time.perf_counter()
    shapes = non_digits(args.per_kind, args.seed)
    kinds = np.array([kind for kind, _ in shapes])
    junk = np.stack([render_strokes(paths).ravel() for _, paths in shapes])
    drawn = drawn_digits(data, n, args.seed, args.cache)
    test = data.x_test[:n].astype(np.float32) / 255
    y = data.y_test[:n].astype(np.intp)
    print(f"{len(junk)} non-digits ({args.per_kind} of each of {len(KINDS)} kinds), {n} test digits as they are "
          f"and drawn, in {time.perf_counter() - t0:.0f} s")
    if args.model:
        model, name = checkpoint.load(args.model).model, Path(args.model).name
    else:
        config = PRESETS[args.preset]
        trainer = Trainer.from_config(config, data, evaluate_epochs=False)
        trainer.step(trainer.planned_steps(config))
        model, name = trainer.model, f"preset {args.preset}"
    sets = {"non-digits": junk, "drawn": drawn, "test": test}
    p = {k: model.predict_proba(v) for k, v in sets.items()}
    print(f"network: {name}; reads {100 * (p['test'].argmax(1) == y).mean():.2f}% of the test digits, "
          f"{100 * (p['drawn'].argmax(1) == y).mean():.2f}% of the drawn ones; low probability (< {MIN_PROBABILITY}) "
          f"on {100 * (p['non-digits'].max(1) < MIN_PROBABILITY).mean():.1f}% of non-digits, "
          f"{100 * (p['drawn'].max(1) < MIN_PROBABILITY).mean():.1f}% drawn, "
          f"{100 * (p['test'].max(1) < MIN_PROBABILITY).mean():.1f}% test")
    print("\nshare flagged 'not sure' (of it, 'unlike the training images'); judge() per call, median and p95")
    print(f"{'marker':8s} {'set up':>7s} {'non-digits':>17s} {'drawn digits':>17s} {'test digits':>17s}"
          f" {'ms/call':>8s} {'p95':>6s}")
    per_kind, rest = {}, {}
    for label, make in (("before", Before), ("after", Familiarity.from_data)):
        t = time.perf_counter()
        familiarity = make(data)
        setup = time.perf_counter() - t
        unlike, doubted = zip(*(verdicts(familiarity, sets[k], p[k]) for k in sets))
        ms = call_times(familiarity, drawn[:300], p["drawn"][:300])
        shares = "".join(f" {100 * d.mean():7.1f}% ({100 * u.mean():5.1f}%)" for d, u in zip(doubted, unlike))
        print(f"{label:8s} {setup:6.1f}s{shares} {np.median(ms):8.2f} {np.percentile(ms, 95):6.2f}")
        per_kind[label] = [doubted[0][kinds == k].mean() for k in KINDS]
        for s in ("drawn", "test"):
            i = list(sets).index(s)
            wrong = p[s].argmax(1) != y
            rest[label, s] = (doubted[i][wrong].mean(), (~wrong[~doubted[i]]).mean())
    print("\nnon-digits flagged, by kind (the network's most frequent reading):")
    for i, k in enumerate(KINDS):
        read = np.bincount(p["non-digits"][kinds == k].argmax(1), minlength=10).argmax()
        before, after = 100 * per_kind["before"][i], 100 * per_kind["after"][i]
        print(f"  {k:9s} ({read})  before {before:5.1f}%   after {after:5.1f}%")
    print("\nmisread digits doubted, and the accuracy on the digits not doubted:")
    for (label, s), (caught, accuracy) in rest.items():
        print(f"  {label:7s} {s:6s} {100 * caught:5.1f}% of the misread doubted;"
              f" {100 * accuracy:.2f}% of the rest read right")


if __name__ == "__main__":
    main()
