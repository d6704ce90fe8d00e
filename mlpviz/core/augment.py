"""Training-image augmentation, vectorised over a mini-batch: whole-pixel shifts, random affine
transforms (rotation, shear, scale, translation), stroke thickness and elastic distortions.

A mouse draws unlike MNIST's scanned pens: slanted, sheared, squashed, stretched, thinner or
thicker. Showing the network such variations of its training digits lets it read them (the
elastic distortions are Simard, Steinkraus and Platt's, ICDAR 2003). Everything works on a whole
batch at once: one coordinate map per image, one bilinear resampling, no loop over images.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

AUGMENTS = ("affine", "thickness", "elastic")


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

    @classmethod
    def from_config(cls, config, shape: tuple[int, int]) -> Augmenter | None:
        """The augmenter a Config asks for, or None when it asks for none."""
        if not config.shift and not config.augment:
            return None
        return cls(tuple(shape), tuple(config.augment), config.shift, config.rotation, config.shear,
                   config.scale, config.translate, config.thickness, config.elastic_alpha,
                   config.elastic_sigma)

    def __call__(self, xb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Augment uint8 images xb (n, h*w) in place with random draws from rng; returns xb."""
        if self.shift:
            shift_images(xb, self.shape, self.shift, rng)
        if not self.names or len(xb) == 0:
            return xb
        n, (h, w) = len(xb), self.shape
        images = xb.reshape(n, h, w).astype(np.float32)
        if "thickness" in self.names and self.thickness > 0:
            images = thicken(images, rng.uniform(-self.thickness, self.thickness, n))
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


def augment_images(x: np.ndarray, shape: tuple[int, int], names: tuple[str, ...], seed: int = 0,
                   **strengths) -> np.ndarray:
    """A copy of uint8 images x (n, h*w) augmented with `names` and strengths as in Augmenter
    (for previews and benchmarks: the same seed gives the same images)."""
    out = np.array(x, np.uint8, copy=True).reshape(len(x), -1)
    Augmenter(tuple(shape), tuple(names), **strengths)(out, np.random.default_rng(seed))
    return out
