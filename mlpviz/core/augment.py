"""Training-image augmentation, vectorised over a mini-batch: whole-pixel shifts, random affine
transforms (rotation, shear, scale, translation), stroke thickness, elastic distortions and
digits drawn again with a round pen.

A mouse draws unlike MNIST's scanned pens: slanted, sheared, squashed, stretched, thinner or
thicker, and with one even stroke from a round pen. Showing the network such variations of its
training digits lets it read them (the elastic distortions are Simard, Steinkraus and Platt's,
ICDAR 2003). Everything works on a whole batch at once: one coordinate map per image, one
bilinear resampling, no loop over images. The pen thins a share of each batch to its skeleton
(core/skeleton.py) and draws it again with the drawing pad's own pen (strokes.pen_ink) at a
random width; the skeletons of a training set are computed once, as batches first need them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .skeleton import skeleton_distance, skeletonize
from .strokes import pen_ink

AUGMENTS = ("affine", "thickness", "elastic", "pen")
INK = 100  # a pixel above this (of 255) is ink when a digit is thinned to its skeleton
REACH = 3.0  # skeleton distances are kept up to this many pixels: pens up to 2 * (REACH - 0.5) wide


def _gaussian_matrix(n: int, sigma: float) -> np.ndarray:
    """(n, n) matrix that smooths a length-n signal with a Gaussian of `sigma` samples (rows sum to 1)."""
    d = np.arange(n)[:, None] - np.arange(n)[None, :]
    g = np.exp(-0.5 * (d / max(sigma, 1e-6)) ** 2)
    return (g / g.sum(axis=1, keepdims=True)).astype(np.float32)


def shift_images(xb: np.ndarray, shape: tuple[int, int], s: int, rng: np.random.Generator,
                 pad: np.ndarray | None = None) -> None:
    """Move each image (rows of uint8 xb (n, h*w), in place) by a random whole-pixel offset of up
    to s pixels each way; pad, if given, is a reusable (>= n, h + 2s, w + 2s) uint8 buffer."""
    h, w = shape
    n = len(xb)
    if pad is None:
        pad = np.zeros((n, h + 2 * s, w + 2 * s), np.uint8)
    pad = pad[:n]
    pad[:, s:s + h, s:s + w] = xb.reshape(n, h, w)
    dy, dx = rng.integers(0, 2 * s + 1, (2, n))
    rows = (dy[:, None] + np.arange(h))[:, :, None]
    cols = (dx[:, None] + np.arange(w))[:, None, :]
    xb[:] = pad[np.arange(n)[:, None, None], rows, cols].reshape(n, h * w)


def affine_matrices(n: int, rng: np.random.Generator, rotation: float = 15.0, shear: float = 15.0,
                    scale: float = 0.2, translate: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    """n random forward transforms: (n, 2, 2) linear parts acting on (row, col) and (n, 2) offsets.

    Rotation and shear angles are uniform within ±rotation and ±shear degrees; the two axes are
    scaled independently within 1 ± scale (so digits also get squashed or stretched); offsets are
    uniform within ±translate pixels. All zero: the identity.
    """
    rot = np.deg2rad(rng.uniform(-rotation, rotation, n))
    sh = np.tan(np.deg2rad(rng.uniform(-shear, shear, n)))
    sy, sx = 1 + rng.uniform(-scale, scale, (2, n))
    t = rng.uniform(-translate, translate, (n, 2))
    c, s = np.cos(rot), np.sin(rot)
    # In (row, col) = (y, x) coordinates: scale, then a horizontal shear (slant), then rotate.
    r = np.stack([np.stack([c, s], -1), np.stack([-s, c], -1)], -2)  # (n, 2, 2)
    shear_m = np.zeros((n, 2, 2))
    shear_m[:, 0, 0] = shear_m[:, 1, 1] = 1
    shear_m[:, 1, 0] = sh  # x gains sh * y: the top of the digit leans one way
    scale_m = np.zeros((n, 2, 2))
    scale_m[:, 0, 0], scale_m[:, 1, 1] = sy, sx
    return r @ shear_m @ scale_m, t


def elastic_fields(n: int, shape: tuple[int, int], rng: np.random.Generator, alpha: float = 34.0,
                   sigma: float = 4.0) -> np.ndarray:
    """(n, 2, h, w) float32 displacements in pixels: uniform noise in [-1, 1] smoothed by a Gaussian
    of `sigma` pixels and scaled by `alpha` (Simard et al. 2003)."""
    h, w = shape
    noise = rng.uniform(-1, 1, (n, 2, h, w)).astype(np.float32)
    return alpha * (_gaussian_matrix(h, sigma) @ noise @ _gaussian_matrix(w, sigma).T)


def morph(images: np.ndarray, grow: bool) -> np.ndarray:
    """One step of grey-level dilation (grow) or erosion of (n, h, w) images with a 3x3 cross."""
    pick = np.maximum if grow else np.minimum
    out = images.copy()
    pick(out[:, 1:], images[:, :-1], out=out[:, 1:])
    pick(out[:, :-1], images[:, 1:], out=out[:, :-1])
    pick(out[:, :, 1:], images[:, :, :-1], out=out[:, :, 1:])
    pick(out[:, :, :-1], images[:, :, 1:], out=out[:, :, :-1])
    if not grow:  # the border counts as background, so ink touching it thins too
        out[:, 0] = out[:, -1] = 0
        out[:, :, 0] = out[:, :, -1] = 0
        out = np.minimum(out, images)
    return out


def thicken(images: np.ndarray, amount: np.ndarray) -> np.ndarray:
    """Strokes of (n, h, w) float images made |amount| pixels thicker (amount > 0) or thinner (< 0),
    per image; fractions blend between whole-pixel dilations or erosions."""
    amount = np.asarray(amount, np.float32)
    out = images.copy()
    for grow, a in ((True, amount), (False, -amount)):
        sel = np.flatnonzero(a > 0)  # only the images that need this direction
        level, prev, a_sel = 0, images[sel], a[sel]
        while len(sel):
            nxt = morph(prev, grow)
            out[sel] += np.clip(a_sel - level, 0, 1)[:, None, None] * (nxt - prev)
            keep = a_sel > level + 1
            sel, prev, a_sel, level = sel[keep], nxt[keep], a_sel[keep], level + 1
    return out


def bilinear(images: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Sample (n, h, w) images at (n, k) fractional (row, col) positions; outside is 0. -> (n, k) float32."""
    n, h, w = images.shape
    p = 2  # a zero margin wide enough that every clipped position reads background
    padded = np.zeros((n, h + 2 * p, w + 2 * p), np.float32)
    padded[:, p:p + h, p:p + w] = images
    r = np.clip(np.asarray(rows, np.float32), -p, h)
    c = np.clip(np.asarray(cols, np.float32), -p, w)
    r0, c0 = np.floor(r), np.floor(c)
    fr, fc = r - r0, c - c0
    stride = w + 2 * p
    base = (r0.astype(np.intp) + p) * stride + c0.astype(np.intp) + p
    base += (np.arange(n) * ((h + 2 * p) * stride))[:, None]
    flat = padded.reshape(-1)
    top, right = np.take(flat, base), np.take(flat, base + 1)
    top += (right - top) * fc
    base += stride
    bottom, right = np.take(flat, base), np.take(flat, base + 1)
    bottom += (right - bottom) * fc
    top += (bottom - top) * fr
    return top


BANK = 1024  # elastic fields drawn once per (shape, sigma); smoothing fresh noise every batch costs more


@lru_cache(maxsize=4)
def _field_bank(shape: tuple[int, int], sigma: float) -> np.ndarray:
    """(2 * BANK, 2, h*w) float32 unit-alpha elastic fields: BANK fields, then (for square images)
    the same fields transposed, so that each draw has four variants with its sign."""
    h, w = shape
    f = elastic_fields(BANK, shape, np.random.default_rng(20030803), 1.0, sigma)
    if h == w:
        f = np.concatenate([f, f[:, ::-1].transpose(0, 1, 3, 2)])
    return np.ascontiguousarray(f.reshape(len(f), 2, h * w))


def elastic_draw(n: int, shape: tuple[int, int], rng: np.random.Generator, alpha: float,
                 sigma: float) -> np.ndarray:
    """(n, 2, h*w) float32 elastic displacements in pixels, drawn from the bank with a random sign."""
    bank = _field_bank(tuple(shape), float(sigma))
    pick = rng.integers(0, len(bank), n)
    sign = rng.choice(np.array([-alpha, alpha], np.float32), n)
    return bank[pick] * sign[:, None, None]


def pen_distances(images: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """(n, h, w) float32 distance of every pixel to the skeleton of uint8 images (n, h*w), up to REACH."""
    return skeleton_distance(skeletonize(np.asarray(images).reshape(-1, *shape) > INK), REACH)


class SkeletonCache:
    """The skeleton distances (pen_distances) of a fixed set of uint8 images (N, h*w), each
    computed the first time a batch asks for it and kept (one byte a pixel, 1/64 px steps)."""

    STEP = 64  # quantisation: distances are kept as round(64 * d), at most 64 * REACH < 256

    def __init__(self, images: np.ndarray, shape: tuple[int, int]):
        self.images, self.shape = images, tuple(shape)
        self.done = np.zeros(len(images), bool)
        self.codes = np.empty((len(images), *self.shape), np.uint8)

    def distances(self, idx: np.ndarray) -> np.ndarray:
        """(k, h, w) float32 distances of the images at indices idx (k,)."""
        missing = np.unique(idx[~self.done[idx]])
        if len(missing):
            d = pen_distances(self.images[missing], self.shape)
            self.codes[missing] = np.rint(d * self.STEP).astype(np.uint8)
            self.done[missing] = True
        return self.codes[idx].astype(np.float32) * np.float32(1 / self.STEP)


def redraw(distances: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """(k, h, w) float32 in [0, 255]: skeletons given by their distance maps (k, h, w) drawn with
    round pens of the given diameters (k,) in pixels."""
    return pen_ink(distances, np.asarray(widths, np.float32)[:, None, None]) * np.float32(255)


@dataclass(frozen=True)
class Augmenter:
    """The augmentations of one configuration, applied to uint8 batches in place (see __call__)."""

    shape: tuple[int, int]
    names: tuple[str, ...] = ()
    shift: int = 0
    rotation: float = 15.0
    shear: float = 15.0
    scale: float = 0.2
    translate: float = 2.0
    thickness: float = 1.0
    elastic_alpha: float = 34.0
    elastic_sigma: float = 4.0
    pen_share: float = 0.5
    pen_min: float = 1.6
    pen_max: float = 3.2
    # The skeletons of the images the batches are drawn from (see __call__); not a setting.
    skeletons: SkeletonCache | None = field(default=None, compare=False, repr=False)

    @property
    def active(self) -> bool:
        """Whether it changes images at all (a shift, or any augmentation named)."""
        return bool(self.shift or self.names)

    @classmethod
    def from_config(cls, config, shape: tuple[int, int], source: np.ndarray | None = None) -> Augmenter | None:
        """The augmenter a Config asks for, or None when it asks for none. source: the uint8
        images (N, h*w) the batches will be taken from, whose skeletons the pen then keeps."""
        if not config.shift and not config.augment:
            return None
        cache = SkeletonCache(source, shape) if source is not None and "pen" in config.augment else None
        return cls(tuple(shape), tuple(config.augment), config.shift, config.rotation, config.shear,
                   config.scale, config.translate, config.thickness, config.elastic_alpha,
                   config.elastic_sigma, config.pen_share, config.pen_min, config.pen_max, cache)

    def __call__(self, xb: np.ndarray, rng: np.random.Generator, idx: np.ndarray | None = None) -> np.ndarray:
        """Augment uint8 images xb (n, h*w) in place with random draws from rng; returns xb.
        idx (n,): where in the augmenter's source the images come from (the pen then reuses
        their skeletons); without it, or without a source, the pen thins the batch itself."""
        pen = self._redraw(xb, rng, idx)
        if self.shift:
            shift_images(xb, self.shape, self.shift, rng)
        if not self.names or len(xb) == 0:
            return xb
        n, (h, w) = len(xb), self.shape
        images = xb.reshape(n, h, w).astype(np.float32)
        if "thickness" in self.names and self.thickness > 0:
            amount = rng.uniform(-self.thickness, self.thickness, n)
            amount[pen] = 0  # the pen chose their width
            images = thicken(images, amount)
        warp = "affine" in self.names or "elastic" in self.names
        if warp:
            # Where each output pixel takes its value from (inverse mapping), about the centre.
            cy, cx = (h - 1) / 2, (w - 1) / 2
            gr = np.repeat(np.arange(h, dtype=np.float32) - cy, w)[None, :]
            gc = np.tile(np.arange(w, dtype=np.float32) - cx, h)[None, :]
            if "affine" in self.names:
                m, t = affine_matrices(n, rng, self.rotation, self.shear, self.scale, self.translate)
                inv = np.linalg.inv(m).astype(np.float32)[:, :, :, None]  # (n, 2, 2, 1)
                t = t.astype(np.float32)
                a, b = gr - t[:, :1], gc - t[:, 1:]
                rows = inv[:, 0, 0] * a + inv[:, 0, 1] * b + cy
                cols = inv[:, 1, 0] * a + inv[:, 1, 1] * b + cx
            else:
                rows, cols = np.repeat(gr + cy, n, axis=0), np.repeat(gc + cx, n, axis=0)
            if "elastic" in self.names and self.elastic_alpha > 0:
                d = elastic_draw(n, self.shape, rng, self.elastic_alpha, self.elastic_sigma)
                rows += d[:, 0]
                cols += d[:, 1]
            out = bilinear(images, rows, cols)
        else:
            out = images.reshape(n, h * w)
        np.clip(out, 0, 255, out=out)
        np.rint(out, out=out)
        xb[:] = out.astype(np.uint8).reshape(n, h * w)
        return xb

    def _redraw(self, xb: np.ndarray, rng: np.random.Generator, idx: np.ndarray | None) -> np.ndarray:
        """Redraw a pen_share of the uint8 images xb (n, h*w) in place with round pens between
        pen_min and pen_max pixels wide (in either order); returns which (n,) bool."""
        n = len(xb)
        if "pen" not in self.names or self.pen_share <= 0 or n == 0:
            return np.zeros(n, bool)
        pen = rng.uniform(size=n) < self.pen_share
        widths = rng.uniform(*sorted((self.pen_min, self.pen_max)), int(pen.sum()))
        if pen.any():
            if idx is not None and self.skeletons is not None:
                d = self.skeletons.distances(np.asarray(idx)[pen])
            else:
                d = pen_distances(xb[pen], self.shape)
            xb[pen] = np.rint(redraw(d, widths)).astype(np.uint8).reshape(len(d), -1)
        return pen


def augment_images(x: np.ndarray, shape: tuple[int, int], names: tuple[str, ...], seed: int = 0,
                   **strengths) -> np.ndarray:
    """A copy of uint8 images x (n, h*w) augmented with `names` and strengths as in Augmenter
    (for previews and benchmarks: the same seed gives the same images)."""
    out = np.array(x, np.uint8, copy=True).reshape(len(x), -1)
    Augmenter(tuple(shape), tuple(names), **strengths)(out, np.random.default_rng(seed))
    return out
