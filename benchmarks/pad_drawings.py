"""How well networks read digits drawn with a mouse: a synthetic set of drawings made from MNIST's
test digits, and the accuracy of each preset (or of saved models) on it beside MNIST's own.

A mouse draws unlike a scanned pen: one constant stroke width with a round pen, slanted,
sheared, squashed or stretched, small or large, anywhere on the pad. Each test digit is thinned
to its skeleton (Zhang-Suen), the skeleton's pixels joined into pen paths, the paths moved by a
random affine transform (rotation within ±15°, slant within ±20°, each axis scaled by 0.75-1.25),
and placed at a random size (4 to 90% of the pad) and place on a 280x280 pad. Two readings:

- strokes: the paths go through `render_strokes`, as the drawing pad does with what it records;
- pixels: the paths are drawn on the pad with a round pen of a random width (3 to 14% of the
  drawing's height, the same width throughout), a third of them dark on light, and the picture
  goes through `prepare_digit`, as `mlpviz predict` does with an image file.

Both partly set the drawings upright first (deskewing, `preprocess.upright_shear`); `--plain`
reads them as they are instead, as before.

Two more columns split what the drawings cost from what the skeletons cost: "redrawn" holds the
test digits' skeletons drawn again in place with the pad's pen (`strokes.PEN`), with no transform:
what the thinning and the even pen alone cost; "fitted" the same skeletons through `render_strokes`
with no transform: what the pad's own fitting into the box (and deskewing) adds. "test read" holds
MNIST's test digits themselves read through `prepare_digit`, as an image file of one would be.

The skeleton is found on the 28x28 digit (ink above 100 of 255), and thinning that coarse loses
some digits' shapes: a loop filled with ink becomes a line (an 8 becomes a 9), a thick corner grows
a spur. `--fine K` thins the digits enlarged K times (linear interpolation) instead, which keeps
more of them, for every column but MNIST's own; it is a diagnostic beside the set above, not a
replacement for it.

    python benchmarks/pad_drawings.py [--presets fast,best] [--model FILE ...] [--n 10000] [--fine 3] [--plain]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpviz.core import checkpoint  # noqa: E402
from mlpviz.core.config import PRESETS  # noqa: E402
from mlpviz.core.data import load_dataset  # noqa: E402
from mlpviz.core.evaluation import evaluate  # noqa: E402
from mlpviz.core.preprocess import prepare_digit  # noqa: E402
from mlpviz.core.skeleton import skeleton_paths, skeletonize  # noqa: E402
from mlpviz.core.strokes import PEN, draw_paths, render_strokes  # noqa: E402
from mlpviz.core.trainer import Trainer  # noqa: E402

PAD = 280


def enlarge(x: np.ndarray, k: int) -> np.ndarray:
    """uint8 images x (n, 784) -> (n, 28k, 28k) float32, k times larger by linear interpolation."""
    pos = np.clip((np.arange(28 * k) + 0.5) / k - 0.5, 0, 27)
    lo = np.minimum(np.floor(pos).astype(int), 26)
    u = np.zeros((28 * k, 28), np.float32)
    u[np.arange(28 * k), lo] = 1 - (pos - lo)
    u[np.arange(28 * k), lo + 1] = pos - lo
    return u @ x.reshape(-1, 28, 28).astype(np.float32) @ u.T


def digit_paths(x: np.ndarray, fine: int = 1) -> list[list[np.ndarray]]:
    """The skeletons of uint8 MNIST images x (n, 784) as pen paths in 28x28 pixel coordinates
    (ink above 100 of 255); fine: thin the digits enlarged that many times."""
    skeletons = skeletonize((x.reshape(-1, 28, 28) if fine == 1 else enlarge(x, fine)) > 100)
    return [[p / fine for p in skeleton_paths(sk)] or [np.array([[14.0, 14.0]])] for sk in skeletons]


def drawings(digits: list[list[np.ndarray]], seed: int = 0, pixels: bool = True):
    """The synthetic drawings of digits given by their skeleton paths (digit_paths), one at a time:
    (paths on the pad, the picture's pen width, whether the picture is dark on light); the last two
    are drawn only if pixels (else None)."""
    rng = np.random.default_rng(seed)
    for paths in digits:
        rot, shear = np.deg2rad(rng.uniform(-15, 15)), np.tan(np.deg2rad(rng.uniform(-20, 20)))
        sx, sy = rng.uniform(0.75, 1.25, 2)
        c, s = np.cos(rot), np.sin(rot)
        m = np.array([[c, -s], [s, c]]) @ np.array([[1, -shear], [0, 1]]) @ np.diag([sx, sy])  # acts on (x, y)
        moved = [(p - 14.0) @ m.T for p in paths]
        pts = np.concatenate(moved)
        lo, hi = pts.min(0), pts.max(0)
        height = rng.uniform(0.04, 0.9) * PAD  # the drawing's size on the pad
        k = height / max(float((hi - lo).max()), 1.0)
        size = (hi - lo) * k
        corner = rng.uniform(0, 1, 2) * (PAD - size)  # anywhere on the pad
        on_pad = [(p - lo) * k + corner for p in moved]
        if pixels:
            yield on_pad, max(1.5, rng.uniform(0.03, 0.14) * height), rng.uniform() < 1 / 3
        else:
            yield on_pad, None, None


def drawn_set(digits: list[list[np.ndarray]], seed: int = 0, pixels: bool = True,
              upright: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
    """The synthetic drawings of digits given by their skeleton paths: (n, 784) float32 inputs as
    read from the strokes, and (unless pixels is False) as read from the drawn pixels; deskewed
    unless upright is False."""
    from_strokes = np.empty((len(digits), 784), np.float32)
    from_pixels = np.empty((len(digits), 784), np.float32) if pixels else None
    for i, (on_pad, pen, dark) in enumerate(drawings(digits, seed, pixels)):
        from_strokes[i] = render_strokes(on_pad, upright=upright).ravel()
        if pixels:
            picture = draw_paths(on_pad, (PAD, PAD), pen)
            if dark:
                picture = 1 - picture  # dark ink on light
            from_pixels[i] = prepare_digit(picture, upright=upright).ravel()
    return from_strokes, from_pixels


SETS = ("strokes", "pixels", "in_place", "fitted", "read")  # the columns, as check_sets names them


def check_sets(data, n: int = 10000, pixels_n: int = 2000, seed: int = 0, fine: int = 1, plain: bool = False,
               cache: str | None = None) -> dict[str, np.ndarray]:
    """The check set of the first n test digits, each column (SETS) as (k, 784) float32 inputs in
    [0, 1], for the labels data.y_test[:k]: strokes, pixels (the first pixels_n), redrawn in place,
    fitted, test read. cache: an .npz file that keeps them (drawn once, reused after)."""
    n = min(n, len(data.y_test))
    m = min(pixels_n, n)
    key = f"{n}-{m}-{seed}" + (f"-fine{fine}" if fine != 1 else "") + ("-plain" if plain else "")
    cached = np.load(cache) if cache and Path(cache).exists() else None
    if cached is not None and str(cached["key"]) == key and all(s in cached for s in SETS):
        return {s: cached[s] for s in SETS}
    digits = digit_paths(data.x_test[:n], fine)
    sets = {"strokes": drawn_set(digits, seed, pixels=False, upright=not plain)[0],
            "pixels": drawn_set(digits[:m], seed, pixels=True, upright=not plain)[1],
            "in_place": np.stack([draw_paths(d, (28, 28), PEN).ravel() for d in digits]),
            "fitted": np.stack([render_strokes(d, upright=not plain).ravel() for d in digits]),
            "read": np.stack([prepare_digit(d, upright=not plain).ravel()
                              for d in data.x_test[:n].reshape(-1, 28, 28)])}
    if cache:
        np.savez_compressed(cache, key=key, **sets)
    return sets


def shares(predict_proba, sets: dict[str, np.ndarray], y: np.ndarray) -> list[float]:
    """The share of each column of sets (SETS) that predict_proba ((k, 784) -> (k, 10)) reads as
    its label in y (the test labels, the first k for a column of k)."""
    return [float((predict_proba(sets[s]).argmax(1) == y[:len(sets[s])]).mean()) for s in SETS]


def header(first: str = "network") -> str:
    return (f"{first:28s} {'MNIST test':>11s} {'strokes':>9s} {'pixels':>9s} {'redrawn':>9s} {'fitted':>9s}"
            f" {'test read':>9s}")


def table_row(label: str, test: float, columns: list[float]) -> str:
    return f"{label:28s} {100 * test:10.2f}%" + "".join(f" {100 * a:8.2f}%" for a in columns)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--presets", default="fast,best", help="presets to train and measure ('' for none)")
    ap.add_argument("--model", action="append", default=[], metavar="FILE", help="a saved model to measure too")
    ap.add_argument("--n", type=int, default=10000, help="test digits to draw (default: all 10,000)")
    ap.add_argument("--pixels-n", type=int, default=2000, help="of which also drawn as pixels (slower)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--plain", action="store_true", help="read the drawings without deskewing them")
    ap.add_argument("--cache", metavar="FILE.npz", help="keep the drawn set in FILE (drawn once, reused after)")
    ap.add_argument("--fine", type=int, default=1, metavar="K",
                    help="thin the digits enlarged K times (a diagnostic; default 1: the 28x28 digits)")
    args = ap.parse_args()
    threadpool_limits(1, user_api="blas")
    data = load_dataset()
    t0 = time.perf_counter()
    sets = check_sets(data, args.n, args.pixels_n, args.seed, args.fine, args.plain, args.cache)
    strokes = sets["strokes"]
    n, m = len(strokes), len(sets["pixels"])
    y = data.y_test[:n].astype(np.intp)
    print(f"drew {n} test digits as strokes and {m} as pixels in {time.perf_counter() - t0:.0f} s"
          f"{f', thinned {args.fine}x enlarged' if args.fine != 1 else ''}; "
          f"mean ink {strokes.sum(1).mean():.1f} (MNIST test {data.x_test[:n].sum(1).mean() / 255:.1f})")
    print(header())
    models = []
    for name in filter(None, args.presets.split(",")):
        config = PRESETS[name]
        trainer = Trainer.from_config(config, data, evaluate_epochs=False)
        trainer.step(trainer.planned_steps(config))
        models.append((f"preset {name} ({trainer.train_seconds:.0f} s)", trainer.model))
    for path in args.model:
        models.append((Path(path).name, checkpoint.load(path).model))
    for label, model in models:
        test = evaluate(model, data.x_test, data.y_test).accuracy
        print(table_row(label, test, shares(model.predict_proba, sets, y)), flush=True)


if __name__ == "__main__":
    main()
