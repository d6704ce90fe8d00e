"""What a dataset holds: images per class, the average image of each class, a sample of images."""
from __future__ import annotations

import numpy as np

from .augment import Augmenter


def class_counts(y: np.ndarray, classes: int = 10) -> np.ndarray:
    """(classes,) int64 number of labels y (N,) of each class."""
    return np.bincount(np.asarray(y, np.intp), minlength=classes)[:classes]


def class_means(x: np.ndarray, y: np.ndarray, classes: int = 10) -> np.ndarray:
    """(classes, n_pixels) float32 average in [0, 1] of uint8 images x (N, n_pixels) by label y (N,);
    zeros for a class with no image."""
    sums = np.zeros((classes, x.shape[1]), np.float64)
    for c in range(classes):
        sums[c] = x[y == c].sum(axis=0, dtype=np.float64)
    counts = np.maximum(class_counts(y, classes), 1)[:, None]
    return (sums / counts / 255).astype(np.float32)


def sample_indices(n: int, k: int, seed: int) -> np.ndarray:
    """k distinct random indices below n (all of them, shuffled, if n <= k)."""
    return np.random.default_rng(seed).choice(n, min(k, n), replace=False)


def augmentation_preview(x: np.ndarray, shape: tuple[int, int], config, seed: int) -> np.ndarray | None:
    """uint8 images x (k, n_pixels) as the configuration's augmentation would change them in one
    training step (a copy), or None when it asks for no augmentation."""
    augmenter = Augmenter.from_config(config, shape)
    if augmenter is None:
        return None
    return augmenter(np.array(x, np.uint8, copy=True), np.random.default_rng(seed))
