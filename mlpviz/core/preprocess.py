"""Any picture of one digit -> the 28x28 input an MNIST network expects.

MNIST digits were made this way: the ink's bounding box scaled to fit a 20x20 box (aspect
ratio kept, anti-aliased), pasted into 28x28 so that the centre of mass sits at the centre.
`mlpviz predict` and the drawing pad's pixels (when it has no strokes: the pad's strokes go
through strokes.render_strokes) go through prepare_digit(). It crops the ink and partly sets it
upright (`deskew`, `upright_shear`) before fitting it: hand-drawn digits lean further than
MNIST's, beyond what the networks learnt from.
"""
from __future__ import annotations

import numpy as np

from .messages import QT_TRANSLATE_NOOP

SIZE, BOX = 28, 20
INK_THRESHOLD = 0.1  # fraction of full contrast below which a pixel counts as background
MAX_SIDE = 1024  # larger pictures are first averaged down by a whole factor: same digit, less work
# Deskewing: the share of a digit's slant taken out before it is read, and the most taken out
# (a shear of 1 is 45°). Taking out all of it reads fewer drawings (benchmarks/pad_drawings.py):
# the networks learnt from MNIST's digits, which lean too, and the slant of a 7 or a 4 is partly
# its shape's.
UPRIGHT = 0.75
MAX_SHEAR = 1.0


class EmptyImage(ValueError):
    """The image holds no ink (it is blank, or one flat colour)."""


def _resample_matrix(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) weights for resizing one axis with a triangle filter.

    When shrinking, the filter is widened by the shrink factor, so every input pixel
    contributes (anti-aliasing, as in PIL's bilinear reduce); when enlarging it is plain
    linear interpolation.
    """
    scale = n_out / n_in
    support = max(1.0, 1.0 / scale)
    centres = (np.arange(n_out) + 0.5) / scale  # output pixel centres in input coordinates
    dist = np.abs(np.arange(n_in)[None, :] + 0.5 - centres[:, None]) / support
    w = np.maximum(0.0, 1.0 - dist)
    w /= w.sum(axis=1, keepdims=True)
    return w


def resize(img: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Anti-aliased separable resize of a 2-D float array to shape (rows, cols)."""
    return _resample_matrix(img.shape[0], shape[0]) @ img @ _resample_matrix(img.shape[1], shape[1]).T


def block_mean(a: np.ndarray, k: int) -> np.ndarray:
    """Average k x k blocks (edges padded with the border's own values), in float32."""
    h, w = a.shape
    ph, pw = -h % k, -w % k
    if ph or pw:
        a = np.pad(a, ((0, ph), (0, pw)), mode="edge")
    return a.reshape((h + ph) // k, k, (w + pw) // k, k).mean(axis=(1, 3), dtype=np.float32)


def ink(image: np.ndarray) -> np.ndarray:
    """Ink intensity in [0, 1] (1 = full ink) for light-on-dark or dark-on-light images.

    The background is whatever the border mostly is: if the border is light, the ink is dark.
    Raises EmptyImage for an image with no contrast.
    """
    a = np.asarray(image)
    if a.ndim != 2 or a.size == 0:
        raise ValueError(f"expected a 2-D image, got shape {a.shape}")
    if max(a.shape) > MAX_SIDE:
        a = block_mean(a, -(-max(a.shape) // MAX_SIDE))
    a = np.nan_to_num(a.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    lo, hi = a.min(), a.max()
    if not hi - lo > 1e-9 * max(1.0, abs(hi), abs(lo)):
        raise EmptyImage(QT_TRANSLATE_NOOP("Image", "the image is empty: it has no ink"))
    a = (a - lo) / (hi - lo)
    border = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    background = float(np.median(border))
    if background > 0.5:
        a = 1.0 - a
        background = 1.0 - background
    return np.clip((a - background) / max(1.0 - background, 1e-12), 0.0, 1.0)


def upright_shear(mu11: float, mu02: float, mu20: float) -> float:
    """The shear s that sets a digit upright, x' = x - s (y - ȳ) with y down, from its ink's
    central second moments (mu11 = Σ w (x - x̄)(y - ȳ), mu02 = Σ w (y - ȳ)², mu20 = Σ w (x - x̄)²):
    UPRIGHT times the slope of x against y (mu11 / mu02, the moment deskewing of classic MNIST
    work), within ±MAX_SHEAR; 0 for ink with no height (a dot, a horizontal line)."""
    if not mu02 > 1e-6 * (mu02 + mu20):
        return 0.0
    return float(np.clip(UPRIGHT * mu11 / mu02, -MAX_SHEAR, MAX_SHEAR))


def deskew(a: np.ndarray) -> np.ndarray:
    """Ink a (h, w), 0 = background, sheared upright about its centre of mass (`upright_shear`):
    each row moved sideways, with linear interpolation, onto a field widened to hold it."""
    h, w = a.shape
    weight = np.where(a > INK_THRESHOLD, a, 0.0)  # the slant of the ink, not of faint shading around it
    rows, cols = weight.sum(1), weight.sum(0)
    total = float(rows.sum())
    if total <= 0:
        return a
    dy = np.arange(h) + 0.5 - (rows @ (np.arange(h) + 0.5)) / total
    dx = np.arange(w) + 0.5 - (cols @ (np.arange(w) + 0.5)) / total
    s = upright_shear(float(dy @ weight @ dx), float(rows @ dy ** 2), float(cols @ dx ** 2))
    if s == 0:
        return a
    shift = -s * dy  # each row's move to the right, in pixels
    margin = int(np.ceil(np.abs(shift).max())) + 1
    padded = np.pad(a, ((0, 0), (margin + 1, margin + 1)))
    src = np.arange(w + 2 * margin)[None, :] + 1 - shift[:, None]  # where each pixel comes from, in padded
    i = np.floor(src)
    f = src - i
    i = np.clip(i.astype(np.intp), 0, w + 2 * margin)  # those clipped fall in the zero margins
    return (1 - f) * np.take_along_axis(padded, i, 1) + f * np.take_along_axis(padded, i + 1, 1)


def _crop(a: np.ndarray) -> np.ndarray:
    """a cropped to its ink (pixels above INK_THRESHOLD); raises EmptyImage if there is none."""
    rows, cols = np.nonzero(a > INK_THRESHOLD)
    if len(rows) == 0:
        raise EmptyImage(QT_TRANSLATE_NOOP("Image", "the image is empty: it has no ink"))
    return a[rows.min():rows.max() + 1, cols.min():cols.max() + 1]


def prepare_digit(image: np.ndarray, shape: tuple[int, int] = (SIZE, SIZE), upright: bool = True) -> np.ndarray:
    """A 2-D image of one digit, any size, either polarity -> `shape` float32 in [0, 1].

    Crops to the ink, partly sets it upright (`deskew`; not if upright is False), scales it to
    fit 20x20 keeping the aspect ratio, and places it in a 28x28 field with its centre of mass
    at the centre. Raises EmptyImage if there is no ink.
    For data of another size the box keeps MNIST's proportion (20/28 of the shorter side).
    """
    field_h, field_w = shape
    box = max(1, round(min(shape) * BOX / SIZE))
    a = _crop(ink(image))
    if upright:
        a = _crop(deskew(a))
    h, w = a.shape
    s = box / max(h, w)
    digit = resize(a, (max(1, round(h * s)), max(1, round(w * s))))
    digit /= digit.max()
    # Centre of mass to pixel (14, 14), by a whole-pixel shift, kept inside the field:
    # that is where the centres of mass of MNIST's own digits lie (mean 13.99, 14.00).
    total = digit.sum()
    cy = (digit.sum(axis=1) @ np.arange(digit.shape[0])) / total
    cx = (digit.sum(axis=0) @ np.arange(digit.shape[1])) / total
    top = int(np.clip(round(field_h / 2 - cy), 0, field_h - digit.shape[0]))
    left = int(np.clip(round(field_w / 2 - cx), 0, field_w - digit.shape[1]))
    out = np.zeros((field_h, field_w), np.float32)
    out[top:top + digit.shape[0], left:left + digit.shape[1]] = digit
    return np.clip(out, 0.0, 1.0, out=out)
