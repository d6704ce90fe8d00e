"""Pictures of explanations: an input with its attribution map laid over it, as RGB arrays (NumPy
only: the attribution view shows them, and `explain --png` draws them with their key, in
mlpviz/gui/report.py)."""
from __future__ import annotations

import numpy as np

POSITIVE = np.array([230, 40, 40], np.float32)  # red: pixels that raise the explained score
NEGATIVE = np.array([40, 90, 240], np.float32)  # blue: pixels that lower it


def overlay_rgb(x: np.ndarray, attribution: np.ndarray, scale: int = 1, limit: float | None = None) -> np.ndarray:
    """The input x (H, W) in [0, 1] as dim white ink on black, with red (positive) and blue
    (negative) attribution over it, opaque where |attribution| reaches `limit` (default: its
    largest magnitude). Returns (H * scale, W * scale, 3) uint8, each pixel a scale x scale block."""
    x = np.clip(np.asarray(x, np.float32), 0, 1)
    a = np.asarray(attribution, np.float32)
    top = float(np.abs(a).max()) if limit is None else float(limit)
    alpha = np.clip(np.abs(a) / top, 0, 1)[..., None] if top > 0 else np.zeros((*a.shape, 1), np.float32)
    base = (0.45 * 255 * x)[..., None] * np.ones(3, np.float32)
    colour = np.where((a > 0)[..., None], POSITIVE, NEGATIVE)
    rgb = (base * (1 - alpha) + colour * alpha).round().astype(np.uint8)
    if scale > 1:
        rgb = rgb.repeat(scale, axis=0).repeat(scale, axis=1)
    return np.ascontiguousarray(rgb)
