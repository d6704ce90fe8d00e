"""A drawing kept as pen paths -> the 28x28 input an MNIST network expects, at MNIST's stroke width.

Cropping and enlarging the pixels of a small drawing enlarges its pen too: a tiny 3 becomes a
blob. Keeping the strokes as paths avoids that: the paths' bounding box is fitted into the 20x20
box and drawn there with a round pen as wide as MNIST's strokes, whatever size they were drawn
at, then moved so that the centre of mass sits at the centre, as MNIST's digits were. Before
that, the paths themselves are partly set upright (`preprocess.upright_shear`), so that the pen
stays as wide after the shear.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .messages import QT_TRANSLATE_NOOP
from .preprocess import BOX, SIZE, EmptyImage, upright_shear

# Pen diameter in pixels of the 28x28 field. MNIST's strokes are about two to three pixels wide;
# 2.4 gives re-drawn MNIST test digits the same mean ink as the originals (benchmarks/pad_drawings.py).
PEN = 2.4


def pen_ink(distance: np.ndarray, width: float | np.ndarray) -> np.ndarray:
    """Ink in [0, 1] of pixels whose centres lie `distance` pixels from a pen's path, drawn with a
    round pen of diameter `width` (broadcast against distance): the pen's edge is spread over one
    pixel, the coverage of a pixel by a straight edge. The one rule both the drawing pad
    (draw_paths) and the training images redrawn with a pen (augment.py) draw with."""
    return np.clip(np.asarray(width, np.float32) / 2 + 0.5 - distance, 0, 1).astype(np.float32, copy=False)


def _segments(paths: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Start and end points (m, 2) of every segment; a path of one point is a zero-length segment (a dot)."""
    starts, ends = [], []
    for p in paths:
        p = np.asarray(p, np.float64).reshape(-1, 2)
        if len(p) == 0:
            continue
        if len(p) == 1:
            starts.append(p)
            ends.append(p)
        else:
            starts.append(p[:-1])
            ends.append(p[1:])
    if not starts:
        raise EmptyImage(QT_TRANSLATE_NOOP("Image", "the drawing is empty: it has no strokes"))
    return np.concatenate(starts), np.concatenate(ends)


def draw_paths(paths: Sequence[np.ndarray], shape: tuple[int, int], width: float) -> np.ndarray:
    """Paths of (x, y) points (x to the right, y down, in pixels of the result; pixel (r, c) has
    its centre at (c + 0.5, r + 0.5)) drawn with an anti-aliased round pen of diameter `width`
    -> (h, w) float32 in [0, 1]."""
    a, b = _segments(paths)
    h, w = shape
    out = np.zeros((h, w), np.float32)
    r = width / 2
    # A chunk of segments at a time, over the pixels near them only: many per chunk on a small
    # field (fewer, larger array operations), one on a large one (far fewer pixels per chunk).
    chunk = 64 if h * w <= 64 * 64 else 1
    for i in range(0, len(a), chunk):
        sa, sb = a[i:i + chunk], b[i:i + chunk]
        lo = np.floor(np.minimum(sa, sb).min(0) - r - 1).astype(int)
        hi = np.ceil(np.maximum(sa, sb).max(0) + r + 1).astype(int)
        c0, r0 = max(lo[0], 0), max(lo[1], 0)
        c1, r1 = min(hi[0], w), min(hi[1], h)
        if c0 >= c1 or r0 >= r1:
            continue
        ys, xs = np.mgrid[r0:r1, c0:c1]
        p = np.stack([xs.ravel() + 0.5, ys.ravel() + 0.5], 1)
        ab = sb - sa
        length2 = np.maximum((ab ** 2).sum(1), 1e-12)
        t = np.clip(((p[:, None, :] - sa[None]) * ab[None]).sum(2) / length2, 0, 1)
        d = np.sqrt((((sa[None] + t[..., None] * ab[None]) - p[:, None, :]) ** 2).sum(2).min(1))
        cover = pen_ink(d, width).reshape(r1 - r0, c1 - c0)
        np.maximum(out[r0:r1, c0:c1], cover, out=out[r0:r1, c0:c1])
    return out


def paths_shear(a: np.ndarray, b: np.ndarray) -> float:
    """`upright_shear` of the segments from a to b ((m, 2) each), the ink spread evenly along them
    (the segments' own moments, exact; dots weigh nothing)."""
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    total = float(length.sum())
    if total <= 0:
        return 0.0
    a = a - (length @ (a + d / 2)) / total
    (ax, ay), (dx, dy) = a.T, d.T
    # The mean of u v along a segment a + t d, t uniform in [0, 1]: au av + (au dv + du av) / 2 + du dv / 3.
    mu11 = length @ (ax * ay + (ax * dy + dx * ay) / 2 + dx * dy / 3)
    mu02 = length @ (ay * ay + ay * dy + dy * dy / 3)
    mu20 = length @ (ax * ax + ax * dx + dx * dx / 3)
    return upright_shear(float(mu11), float(mu02), float(mu20))


def render_strokes(paths: Sequence[np.ndarray], shape: tuple[int, int] = (SIZE, SIZE),
                   width: float = PEN, upright: bool = True) -> np.ndarray:
    """Pen paths ((k, 2) arrays of (x, y) in any coordinates, y down) -> `shape` float32 in [0, 1]:
    the paths partly set upright (`paths_shear`; not if upright is False), their bounding box
    fitted into the 20x20 box (aspect ratio kept), drawn with a round pen of `width` field
    pixels, centre of mass at the centre. Raises EmptyImage if there is no point.

    The size the paths were drawn at does not matter: the same shape drawn tiny or large gives
    the same input. For another field size the box and the pen keep MNIST's proportions.
    """
    h, w = shape
    k = min(shape) / SIZE
    pen = width * k
    a, b = _segments(paths)
    paths = [np.asarray(p, np.float64).reshape(-1, 2) for p in paths]
    shear = paths_shear(a, b) if upright else 0.0
    if shear:  # x' = x - shear y: the fitting below makes the centre of the shear immaterial
        lean = np.array([[1.0, 0.0], [-shear, 1.0]])  # (x, y) @ lean
        a, b, paths = a @ lean, b @ lean, [p @ lean for p in paths]
    pts = np.concatenate([a, b])
    lo, hi = pts.min(0), pts.max(0)
    extent = float((hi - lo).max())
    # The ink, pen included, fills the box: the paths' own extent is the box less one pen width.
    scale = max(BOX * k - pen, 1.0) / extent if extent > 0 else 0.0
    centre = np.array([w / 2, h / 2])
    # MNIST's centres of mass lie at pixel (14, 14), whose centre is at (14.5, 14.5) here.
    mass_centre = centre + 0.5
    fitted = [(p - (lo + hi) / 2) * scale + centre for p in paths]
    image = draw_paths(fitted, shape, pen)
    total = float(image.sum())
    if total > 0:  # move the centre of mass to the centre (sub-pixel) and draw again
        cy = float(image.sum(1) @ (np.arange(h) + 0.5)) / total
        cx = float(image.sum(0) @ (np.arange(w) + 0.5)) / total
        offset = mass_centre - np.array([cx, cy])
        image = draw_paths([p + offset for p in fitted], shape, pen)
    return image
