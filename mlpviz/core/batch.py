"""One mini-batch as it was learned: which images, as the step saw them, and the network's answers
before and after."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EPS = 1e-12  # the smallest probability a loss is taken of: a certain wrong answer costs 27.6 nats, not inf


@dataclass(frozen=True)
class BatchRecord:
    """indices (B,) into the training set, labels (B,), and the probabilities (B, 10) the network
    gave each image before the update and after it. images (B, n_in) uint8: the pixels the step
    learned from, after any augmentation (the answers are the network's on these); augmented:
    whether they were augmented, so may differ from the training set's own images. masks: the
    dropout masks the step used, one (B, n_l) per hidden layer (0 for a dropped unit, else
    1 / (1 - rate)), or () without dropout."""

    indices: np.ndarray
    labels: np.ndarray
    before: np.ndarray
    after: np.ndarray
    images: np.ndarray
    augmented: bool = False
    masks: tuple[np.ndarray, ...] = ()

    @property
    def size(self) -> int:
        return len(self.indices)


def batch_losses(probs: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Cross-entropy of each image (B,) in nats, from probabilities (B, C) and labels (B,)."""
    probs = np.asarray(probs, np.float64)
    labels = np.asarray(labels, np.intp)
    picked = probs[np.arange(len(labels)), labels]
    return -np.log(np.clip(picked, EPS, 1.0))


def record(before, after, x: np.ndarray, labels: np.ndarray, indices: np.ndarray,
           augmented: bool = False, masks=None) -> BatchRecord:
    """The answers of the network before and after one update (two MLPs) on the uint8 images x
    (B, n_in) the update learned from, and the dropout masks it used (copied), if any."""
    from .data import scale_images
    x = np.array(x, np.uint8, copy=True)
    xs = scale_images(x)
    return BatchRecord(np.asarray(indices).copy(), np.asarray(labels).copy(),
                       before.predict_proba(xs), after.predict_proba(xs), x, augmented,
                       tuple(np.array(m, np.float32) for m in masks or ()))


def of_last_step(before, trainer) -> BatchRecord:
    """The record of trainer's latest step: its images as that step learned them (augmented when
    augmentation is on), the network before it (an MLP copied before the step) and trainer.model."""
    idx = trainer.last_batch
    return record(before, trainer.model, trainer.last_images, trainer.data.y_train[idx], idx,
                  trainer.augmenter is not None and trainer.augmenter.active, trainer.last_masks)
