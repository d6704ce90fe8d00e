"""Where a network fails: per-class accuracy, mistakes, coverage, robustness to damage, projections.

NumPy only. Heavy functions take should_stop (asked between pieces of work; a yes makes them
return None) and progress (called with the fraction done), so the GUI can run them on a thread
and cancel them.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .data import NUM_CLASSES, scale_images
from .model import MLP

COVERAGE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)
DAMAGES = ("noise", "rotation", "shift", "thin", "thick", "occlusion")
DAMAGE_UNITS = {"noise": "std of the noise (pixels in [0, 1])", "rotation": "degrees",
                "shift": "pixels", "thin": "erosion steps (3x3 cross)", "thick": "dilation steps (3x3 cross)",
                "occlusion": "side of the square (pixels)"}
# The first level of each damage is 0: no damage.
DEFAULT_LEVELS: dict[str, tuple[float, ...]] = {
    "noise": (0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
    "rotation": (0, 10, 20, 30, 45, 60, 90),
    "shift": (0, 1, 2, 3, 4, 5, 6),
    "thin": (0, 0.5, 1, 1.5, 2),
    "thick": (0, 0.5, 1, 1.5, 2, 3),
    "occlusion": (0, 4, 8, 12, 16, 20),
}
# Robustness is measured on the first ROBUSTNESS_IMAGES test images: a sweep of 6 damages at
# 4-7 levels is ~40 passes over them, and 2,000 images keep the standard error of an accuracy
# near 90% under 0.7 percentage points.
ROBUSTNESS_IMAGES = 2000
DAMAGE_CHUNK = 250  # images damaged at a time in a sweep: small work arrays, as fast as one batch
MAP_POINTS = 2000  # the map of the hidden space shows the first 2,000 test images
INK = 0.1  # pixels above this are ink (for the digit's bounding box)

StopFn = Callable[[], bool] | None
ProgressFn = Callable[[float], None] | None


def per_class_accuracy(confusion: np.ndarray) -> np.ndarray:
    """Accuracy per true digit (10,): the diagonal over the row sums; NaN for a digit with no images."""
    confusion = np.asarray(confusion)
    rows = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(rows > 0, np.diag(confusion) / np.maximum(rows, 1), np.nan)


def confidence(probabilities: np.ndarray) -> np.ndarray:
    """The probability of the digit read, per image (N,)."""
    return probabilities.max(axis=1)


def most_confident_first(probabilities: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Indices where mask (N,) is true, most confident first (ties in index order)."""
    idx = np.flatnonzero(mask)
    return idx[np.argsort(-confidence(probabilities[idx]), kind="stable")]


def mistakes(probabilities: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Indices of every misread image, most confident first; probabilities (N, 10), labels (N,)."""
    return most_confident_first(probabilities, probabilities.argmax(axis=1) != labels)


def cell(probabilities: np.ndarray, labels: np.ndarray, true: int, predicted: int) -> np.ndarray:
    """Indices of the images of digit `true` read as `predicted`, most confident first."""
    return most_confident_first(probabilities, (labels == true) & (probabilities.argmax(axis=1) == predicted))


def mistake_records(probabilities: np.ndarray, labels: np.ndarray) -> list[dict]:
    """Every mistake as {"index", "label", "predicted", "confidence"}, most confident first."""
    idx = mistakes(probabilities, labels)
    pred = probabilities[idx].argmax(axis=1)
    conf = probabilities[idx, pred]
    return [{"index": int(i), "label": int(labels[i]), "predicted": int(p), "confidence": float(c)}
            for i, p, c in zip(idx, pred, conf)]


def coverage(probabilities: np.ndarray, labels: np.ndarray,
             thresholds: tuple[float, ...] = COVERAGE_THRESHOLDS) -> list[dict]:
    """For each threshold: the share of images answered (confidence >= threshold) and the
    accuracy on those (NaN when none is answered)."""
    conf = confidence(probabilities)
    right = probabilities.argmax(axis=1) == labels
    out = []
    for t in thresholds:
        answered = conf >= t
        k = int(answered.sum())
        out.append({"threshold": float(t), "coverage": k / max(len(labels), 1),
                    "accuracy": float(right[answered].mean()) if k else math.nan})
    return out


def coverage_curve(probabilities: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Accuracy against coverage when answering only the k most confident images, k = 1..N.

    Returns (coverage (N,), accuracy (N,), threshold (N,)): threshold[k-1] is the confidence
    of the k-th most confident image.
    """
    conf = confidence(probabilities)
    order = np.argsort(-conf, kind="stable")
    right = (probabilities.argmax(axis=1) == labels)[order]
    k = np.arange(1, len(order) + 1)
    return k / len(order), np.cumsum(right) / k, conf[order]


# --- damages ------------------------------------------------------------------------------

def _warp(images: np.ndarray, angle: np.ndarray, dy: np.ndarray, dx: np.ndarray) -> np.ndarray:
    """Rotate each image (N, h, w) by angle (N,) radians about its centre, then move it by
    (dy, dx) (N,) pixels; bilinear sampling, zero (background) outside."""
    n, h, w = images.shape
    cy, cx = (h - 1) / 2, (w - 1) / 2
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    # Each output pixel looks back to where it came from: inverse rotation of (y - c - d).
    f32 = np.float32
    oy = yy[None] - (cy + dy.astype(f32))[:, None, None]
    ox = xx[None] - (cx + dx.astype(f32))[:, None, None]
    c, s = np.cos(angle).astype(f32)[:, None, None], np.sin(angle).astype(f32)[:, None, None]
    sy = c * oy - s * ox + cy
    sx = s * oy + c * ox + cx
    fly, flx = np.floor(sy), np.floor(sx)
    fy, fx = sy - fly, sx - flx
    y0, x0 = fly.astype(np.intp), flx.astype(np.intp)
    padded = np.zeros((n, h + 2, w + 2), np.float32)
    padded[:, 1:-1, 1:-1] = images
    # Indices into the padded image, clipped onto its zero border when outside.
    y1p, x1p = np.clip(y0 + 2, 0, h + 1), np.clip(x0 + 2, 0, w + 1)
    y0p, x0p = np.clip(y0 + 1, 0, h + 1, out=y0), np.clip(x0 + 1, 0, w + 1, out=x0)
    # Gathering from the flat array with one index is several times faster than 3-D fancy indexing.
    flat, stride = padded.ravel(), w + 2
    base = (np.arange(n) * (h + 2) * stride)[:, None, None]
    r0, r1 = base + y0p * stride, base + y1p * stride
    top = np.take(flat, r0 + x0p) * (1 - fx) + np.take(flat, r0 + x1p) * fx
    bottom = np.take(flat, r1 + x0p) * (1 - fx) + np.take(flat, r1 + x1p) * fx
    return np.clip(top * (1 - fy) + bottom * fy, 0.0, 1.0)


def _morph(images: np.ndarray, steps: int, op) -> np.ndarray:
    """Grey erosion (op=np.minimum) or dilation (np.maximum) with a 3x3 cross, `steps` times."""
    out = images.astype(np.float32, copy=True)
    for _ in range(steps):
        p = np.pad(out, ((0, 0), (1, 1), (1, 1)))  # zero border: background
        out = op(op(op(p[:, 1:-1, 1:-1], p[:, :-2, 1:-1]), op(p[:, 2:, 1:-1], p[:, 1:-1, :-2])), p[:, 1:-1, 2:])
    return out


def _occlude(images: np.ndarray, side: int, rng: np.random.Generator) -> np.ndarray:
    """Blot out (set to background) a side x side square centred on a random ink pixel of each
    image: always inside the digit's box, and never on empty paper, where it would change nothing."""
    n, h, w = images.shape
    ink = (images > INK).reshape(n, -1)
    counts = ink.sum(axis=1)
    # The k-th ink pixel, k uniform: the first place where the running count exceeds k.
    k = np.floor(rng.random(n) * np.maximum(counts, 1)).astype(np.intp)
    pos = np.where(counts > 0, (np.cumsum(ink, axis=1) > k[:, None]).argmax(axis=1), (h // 2) * w + w // 2)
    cy, cx = np.divmod(pos, w)
    top = np.clip(cy - side // 2, 0, max(h - side, 0))[:, None, None]
    left = np.clip(cx - side // 2, 0, max(w - side, 0))[:, None, None]
    yy, xx = np.arange(h)[None, :, None], np.arange(w)[None, None, :]
    square = (yy >= top) & (yy < top + side) & (xx >= left) & (xx < left + side)
    return np.where(square, np.float32(0), images).astype(np.float32)


def damage(images: np.ndarray, kind: str, level: float, rng: np.random.Generator) -> np.ndarray:
    """Damaged copies of images (N, h, w) in [0, 1] -> (N, h, w) float32 in [0, 1].

    noise: Gaussian noise of std `level`; rotation: by `level` degrees, clockwise or not at
    random; shift: by `level` pixels in a random direction; thin / thick: `level` steps of grey
    erosion / dilation (fractions blend two step counts); occlusion: a `level`-pixel square
    blotted out, centred on an ink pixel.
    Level 0 returns an unchanged copy. The same rng state gives the same damage.
    """
    images = np.asarray(images, np.float32)
    if images.ndim != 3:
        raise ValueError(f"expected images (N, h, w), got shape {images.shape}")
    if kind not in DAMAGES:
        raise ValueError(f"unknown damage {kind!r}; choose from {', '.join(DAMAGES)}")
    if level < 0:
        raise ValueError(f"damage level must be at least 0, got {level}")
    n = len(images)
    if level == 0:
        return images.copy()
    if kind == "noise":
        noisy = images + rng.normal(0.0, level, images.shape).astype(np.float32)
        return np.clip(noisy, 0.0, 1.0, out=noisy)
    if kind == "rotation":
        sign = np.where(rng.random(n) < 0.5, -1.0, 1.0)
        return _warp(images, np.deg2rad(level) * sign, np.zeros(n), np.zeros(n))
    if kind == "shift":
        theta = rng.uniform(0, 2 * np.pi, n)
        return _warp(images, np.zeros(n), level * np.sin(theta), level * np.cos(theta))
    if kind in ("thin", "thick"):
        # A fractional level blends the two nearest whole numbers of steps: one step of a 3x3
        # cross already removes a third of a thin MNIST stroke.
        op = np.minimum if kind == "thin" else np.maximum
        steps, frac = int(level), float(level - int(level))
        out = _morph(images, steps, op)
        if frac > 0:
            out += np.float32(frac) * (_morph(out, 1, op) - out)
        return out
    return _occlude(images, int(round(level)), rng)


def damage_rng(seed: int, kind: str, level_index: int) -> np.random.Generator:
    """The generator for one (damage, level): the same whatever else is computed before it."""
    return np.random.default_rng((seed, DAMAGES.index(kind), level_index))


def correct(model: MLP, x: np.ndarray, y: np.ndarray, chunk: int = 1000) -> int:
    """How many inputs x (N, n_in) in [0, 1] model reads as y (N,)."""
    right = 0
    for i in range(0, len(x), chunk):
        right += int((model.forward(np.asarray(x[i:i + chunk], model.dtype)).argmax(axis=1) == y[i:i + chunk]).sum())
    return right


def accuracy(model: MLP, x: np.ndarray, y: np.ndarray, chunk: int = 1000) -> float:
    """Share of inputs x (N, n_in) in [0, 1] that model reads as y (N,)."""
    return correct(model, x, y, chunk) / max(len(x), 1)


def robustness(model: MLP, x_uint8: np.ndarray, y: np.ndarray, image_shape: tuple[int, int],
               levels: dict[str, tuple[float, ...]] | None = None, n: int = ROBUSTNESS_IMAGES,
               seed: int = 0, should_stop: StopFn = None,
               progress: ProgressFn = None) -> dict[str, list[list[float]]] | None:
    """Accuracy on damaged copies of the first n test images, x_uint8 (N, h*w), y (N,):
    {kind: [[level, accuracy], ...]} with the levels in the given order (first: 0, no damage).

    None if should_stop() said yes between two levels.
    """
    levels = DEFAULT_LEVELS if levels is None else levels
    images = scale_images(x_uint8[:n]).reshape(-1, *image_shape)
    labels = np.asarray(y[:n])
    total = sum(len(v) for v in levels.values())
    done, plain = 0, None
    out: dict[str, list[list[float]]] = {}
    for kind, kind_levels in levels.items():
        rows = []
        for li, level in enumerate(kind_levels):
            if should_stop is not None and should_stop():
                return None
            if level == 0:
                if plain is None:  # the same for every damage: compute it once
                    plain = accuracy(model, images.reshape(len(images), -1), labels)
                acc = plain
            else:
                # In chunks: damage's work arrays for all n images at once held ~100 MB for a
                # moment; one generator drawn in turn gives the same damage as one call.
                rng, right = damage_rng(seed, kind, li), 0
                for i in range(0, len(images), DAMAGE_CHUNK):
                    damaged = damage(images[i:i + DAMAGE_CHUNK], kind, level, rng)
                    right += correct(model, damaged.reshape(len(damaged), -1), labels[i:i + DAMAGE_CHUNK])
                acc = right / max(len(images), 1)
            rows.append([float(level), acc])
            done += 1
            if progress is not None:
                progress(done / total)
        out[kind] = rows
    return out


# --- the hidden space ---------------------------------------------------------------------

def layer_names(model: MLP) -> list[str]:
    """A name per representation of an image: input pixels, each hidden layer, the output."""
    sizes = model.sizes
    hidden = [f"hidden layer {i} ({sizes[i]} units)" for i in range(1, len(sizes) - 1)]
    return [f"input pixels ({sizes[0]})", *hidden, f"output ({sizes[-1]} probabilities)"]


def layer_activations(model: MLP, x: np.ndarray, layer: int, chunk: int = 1000,
                      should_stop: StopFn = None) -> np.ndarray | None:
    """Representation `layer` of inputs x (N, n_in), uint8 pixels or floats in [0, 1]: 0 the
    pixels in [0, 1], 1..L-1 the hidden layers' activations, L the output probabilities
    -> (N, width) float32, computed in chunks to bound memory. None if stopped."""
    n_layers = len(model.layers)
    if not 0 <= layer <= n_layers:
        raise ValueError(f"layer must be 0-{n_layers}, got {layer}")
    x = x.reshape(len(x), -1)
    if layer == 0:
        return scale_images(x) if x.dtype == np.uint8 else x.astype(np.float32)
    out = np.empty((len(x), model.sizes[layer]), np.float32)
    for i in range(0, len(x), chunk):
        if should_stop is not None and should_stop():
            return None
        part = x[i:i + chunk]
        part = scale_images(part) if part.dtype == np.uint8 else part
        out[i:i + chunk] = model.run(part.astype(model.dtype, copy=False), model.caches(), depth=layer)
    return out


def pca(features: np.ndarray, k: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Principal components of features (N, d): (coordinates (N, k), components (k, d),
    explained variance ratio (k,)). Signs are fixed (each component's largest weight is
    positive) so that the same data always gives the same picture."""
    x = np.asarray(features, np.float64)
    x = x - x.mean(axis=0)
    n, d = x.shape
    if d <= n:
        # The d x d covariance is cheaper to decompose than the N x d data when N > d.
        cov = x.T @ x
        values, vectors = np.linalg.eigh(cov)
        order = np.argsort(values)[::-1]
        values, components = values[order], vectors[:, order].T
    else:
        _, s, components = np.linalg.svd(x, full_matrices=False)
        values = s ** 2
    total = values.sum()
    components = components[:k]
    signs = np.sign(components[np.arange(len(components)), np.abs(components).argmax(axis=1)])
    components = components * np.where(signs == 0, 1, signs)[:, None]
    coords = x @ components.T
    if coords.shape[1] < k:  # fewer dimensions than asked: pad with zeros
        coords = np.pad(coords, ((0, 0), (0, k - coords.shape[1])))
    ratio = np.zeros(k)
    ratio[:len(components)] = values[:len(components)] / total if total > 0 else 0
    return coords.astype(np.float32), components, ratio


def project(features: np.ndarray, k: int = 2) -> np.ndarray:
    """features (N, d) -> their coordinates (N, k) on the first k principal components."""
    return pca(features, k)[0]


# --- loss, accuracy and confusion ---------------------------------------------------------

@dataclass(frozen=True)
class Evaluation:
    """Mean loss, accuracy and confusion matrix (rows: true digit, columns: predicted); with
    keep_probabilities, also every image's probabilities (N, 10) float32."""

    loss: float
    accuracy: float
    confusion: np.ndarray
    probabilities: np.ndarray | None = None

    @property
    def predicted(self) -> np.ndarray:
        """The digit read for each image (N,); needs the probabilities."""
        return self.probabilities.argmax(axis=1)


def evaluate(model: MLP, x: np.ndarray, y: np.ndarray, chunk: int = 1000,
             should_stop: Callable[[], bool] | None = None,
             keep_probabilities: bool = False) -> Evaluation | None:
    """Evaluate a model on uint8 images x (N, n_in) with labels y (N,); None if should_stop()
    turned true between two chunks."""
    total, confusion = 0.0, np.zeros((NUM_CLASSES, NUM_CLASSES), np.int64)
    buf = np.empty((min(chunk, len(x)), x.shape[1]), model.dtype)
    probs = np.empty((len(x), NUM_CLASSES), np.float32) if keep_probabilities else None
    for i in range(0, len(x), chunk):
        if should_stop is not None and should_stop():
            return None
        xb, yb = x[i:i + chunk], y[i:i + chunk].astype(np.intp)
        p = model.forward(scale_images(xb, out=buf[:len(xb)]))
        if probs is not None:
            probs[i:i + len(xb)] = p
        total += model.loss.value(p, yb) * len(yb)
        confusion += np.bincount(yb * NUM_CLASSES + p.argmax(axis=1),
                                 minlength=NUM_CLASSES ** 2).reshape(NUM_CLASSES, NUM_CLASSES)
    n = max(len(x), 1)
    return Evaluation(total / n, float(np.trace(confusion)) / n, confusion, probs)
