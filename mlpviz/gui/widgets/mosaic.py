"""Laying out many small images in one: the grid, the tiles, and values turned into colour codes.

No widgets here: the weights view, the activation heat maps and the mini-batch view share these.
"""
from __future__ import annotations

import math

import numpy as np

GAP = 1  # pixels between tiles
GAP_RGBA = (120, 120, 120, 255)
COLOURS = 255  # colour-map entries; code 255 is the gap between tiles


def mosaic_layout(units: int, wide: float = 1.3) -> tuple[int, int]:
    """(rows, cols) of a grid for `units` cells, about `wide` times as many columns as rows."""
    cols = max(1, math.ceil(math.sqrt(units * wide)))
    return math.ceil(units / cols), cols


def tile(a: np.ndarray, shape: tuple[int, int], fill, wide: float = 1.3) -> np.ndarray:
    """a (n_pixels, units) -> mosaic (rows*(h+GAP)-GAP, cols*(w+GAP)-GAP), gaps set to fill."""
    (h, w), units = shape, a.shape[1]
    rows, cols = mosaic_layout(units, wide)
    tiles = np.full((rows * cols, h, w), fill, a.dtype)
    tiles[:units] = a.T.reshape(units, h, w)
    out = np.full((rows, h + GAP, cols, w + GAP), fill, a.dtype)
    out[:, :h, :, :w] = tiles.reshape(rows, cols, h, w).transpose(0, 2, 1, 3)
    return out.reshape(rows * (h + GAP), cols * (w + GAP))[:-GAP, :-GAP]


def tile_at(x: float, y: float, shape: tuple[int, int], units: int, wide: float = 1.3) -> int:
    """The cell of a `tile` mosaic under mosaic pixel (x, y), or -1 on a gap or outside."""
    (h, w), (rows, cols) = shape, mosaic_layout(units, wide)
    if x < 0 or y < 0:
        return -1
    c, r = int(x // (w + GAP)), int(y // (h + GAP))
    inside = x % (w + GAP) < w and y % (h + GAP) < h and c < cols and r < rows
    cell = r * cols + c
    return cell if inside and cell < units else -1


def finite_limit(a: np.ndarray) -> float:
    """The largest finite magnitude in a (1 if none), for symmetric colour levels."""
    limit = max(-float(a.min()), float(a.max())) if a.size else 0.0
    if not np.isfinite(limit):  # a diverged network: look past its infinities and NaNs
        finite = np.abs(a[np.isfinite(a)])
        limit = float(finite.max()) if finite.size else 0.0
    return limit if limit > 0 else 1.0


def colour_codes(a: np.ndarray, limit: float) -> np.ndarray:
    """Values in [-limit, limit] -> uint8 codes 0..COLOURS-1 (0 for NaN), the middle one for 0:
    indices into the colour table."""
    half = (COLOURS - 1) / 2
    # A limit so small that half / limit overflows float32 (weights shrinking to zero, as under the
    # W1 - lr*W1 mistake) is taken as the smallest that does not.
    scale = half / max(limit, half / float(np.finfo(np.float32).max))
    codes = np.multiply(a, scale, dtype=np.float32)
    codes += half
    np.rint(codes, out=codes)  # ties to even: -x and +x land as far from the middle
    np.fmax(codes, 0, out=codes)  # fmax, unlike clip, also turns NaN into 0
    np.fmin(codes, COLOURS - 1, out=codes)
    return codes.astype(np.uint8)


# A colour scale's top: 1, 2, 2.5 or 5 times a power of ten (style.nice_ceiling), read easily.
SCALE_STEPS = (1, 2, 2.5, 5, 10)


def order_by(score: np.ndarray) -> np.ndarray:
    """Unit indices (units,) from the highest score to the lowest; NaN last, ties by index."""
    s = np.where(np.isfinite(score), score, -np.inf)
    return np.argsort(-s, kind="stable")
