"""One mini-batch as it was learned: which images, and the network's answers before and after."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EPS = 1e-12  # the smallest probability a loss is taken of: a certain wrong answer costs 27.6 nats, not inf


@dataclass(frozen=True)
class BatchRecord:
    """indices (B,) into the training set, labels (B,), and the probabilities (B, 10) the network
    gave each image before the update and after it."""

    indices: np.ndarray
    labels: np.ndarray
    before: np.ndarray
    after: np.ndarray

    @property
    def size(self) -> int:
        return len(self.indices)


def batch_losses(probs: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Cross-entropy of each image (B,) in nats, from probabilities (B, C) and labels (B,)."""
    probs = np.asarray(probs, np.float64)
    labels = np.asarray(labels, np.intp)
    picked = probs[np.arange(len(labels)), labels]
    return -np.log(np.clip(picked, EPS, 1.0))


def record(before, after, x: np.ndarray, labels: np.ndarray, indices: np.ndarray) -> BatchRecord:
    """The answers of the network before and after one update (two MLPs) on the batch's uint8
    images x (B, n_in)."""
    from .data import scale_images
    xs = scale_images(x)
    return BatchRecord(np.asarray(indices).copy(), np.asarray(labels).copy(),
                       before.predict_proba(xs), after.predict_proba(xs))
