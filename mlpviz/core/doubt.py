"""When the network's answer should not be trusted: a low top probability, or an input unlike
anything in the training set (a dot, a scribble, a drawing that is nothing like a digit).

A network always answers with some digit, often with high confidence even for nonsense, because
softmax only compares the ten digits with each other. A second, independent signal looks at the
input itself: how far it is from its nearest neighbour among a sample of training images, by the
angle between the two images as vectors, slightly blurred (so a faint and a bold copy of a digit,
or one moved by a pixel, count as close), relative to how far MNIST's own test digits are from
theirs; and whether it holds far less or far more ink than any training digit (a dot, a blot).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_PROBABILITY = 0.7  # below this the top answer is called unsure
REFERENCES = 5000  # training images kept as neighbours: enough for each digit's usual shapes
QUANTILE = 0.995  # test digits farther from the training sample than this share count as unfamiliar
INK_QUANTILE = 0.001  # less ink than all but this share of training digits, or more, is unfamiliar
BLUR = 1.0  # pixels


def _blur_matrix(n: int) -> np.ndarray:
    d = np.arange(n)[:, None] - np.arange(n)[None, :]
    g = np.exp(-0.5 * (d / BLUR) ** 2)
    return (g / g.sum(axis=1, keepdims=True)).astype(np.float32)


class Familiarity:
    """How unlike the training images an input is; novelty 1.0 is as far as the farthest 0.5 % of
    test digits are from the training sample, or as little or as much ink as the extreme 0.1 % of
    training digits."""

    def __init__(self, references: np.ndarray, shape: tuple[int, int], scale: float = 1.0,
                 ink_range: tuple[float, float] = (0.0, np.inf)):
        self.shape = tuple(shape)
        self._rows, self._cols = _blur_matrix(shape[0]), _blur_matrix(shape[1])
        self.references = self._features(references)  # (k, d) unit vectors
        self.scale = float(scale)
        self.ink_range = ink_range  # (low, high) total ink of a training digit, pixels in [0, 1]

    @classmethod
    def from_data(cls, data, n: int = REFERENCES, calibrate: int = 1000, seed: int = 0) -> Familiarity:
        """From a Dataset: n random training images as neighbours, scaled on `calibrate` test images."""
        rng = np.random.default_rng(seed)
        pick = rng.choice(len(data.x_train), min(n, len(data.x_train)), replace=False)
        probe = data.x_test[rng.choice(len(data.x_test), min(calibrate, len(data.x_test)), replace=False)]
        ink = data.x_train.sum(axis=1, dtype=np.float64) / 255
        fam = cls(data.x_train[pick], data.image_shape,
                  ink_range=tuple(np.quantile(ink, [INK_QUANTILE, 1 - INK_QUANTILE]).tolist()))
        fam.scale = float(np.quantile(fam.distance(probe), QUANTILE))
        return fam

    def _features(self, x: np.ndarray) -> np.ndarray:
        """Images x (n, d) -> (n, d) blurred unit vectors."""
        x = np.asarray(x, np.float32).reshape(-1, *self.shape)
        f = (self._rows @ x @ self._cols.T).reshape(len(x), -1)
        return f / np.maximum(np.linalg.norm(f, axis=1, keepdims=True), 1e-6)

    def distance(self, x: np.ndarray) -> np.ndarray:
        """(n,) angular distance in radians of each image x (n, d), any scale, to its nearest reference."""
        cos = self._features(x) @ self.references.T
        return np.arccos(np.clip(cos.max(axis=1), -1, 1))

    def novelty(self, x: np.ndarray) -> float:
        """One input (d,) or (h, w) with pixels in [0, 1]: above 1 is unfamiliar."""
        x = np.asarray(x, np.float32).reshape(1, -1)
        lo, hi = self.ink_range
        ink = float(x.sum())
        ink_novelty = max(lo / max(ink, 1e-6), ink / hi) if hi > 0 else 0.0
        return max(float(self.distance(x)[0]) / max(self.scale, 1e-6), ink_novelty)


@dataclass(frozen=True)
class Doubt:
    """The verdict on one answer: unsure, and why in a few words ("" when sure)."""

    digit: int
    probability: float
    novelty: float | None  # None when no Familiarity was given
    unsure: bool
    reason: str


def judge(probabilities: np.ndarray, x: np.ndarray | None = None, familiarity: Familiarity | None = None,
          min_probability: float = MIN_PROBABILITY) -> Doubt:
    """The digit read from probabilities (10,), and whether to doubt it: its probability below
    min_probability, or the input x (any shape, d values) unlike the training images."""
    p = np.asarray(probabilities, np.float64).reshape(-1)
    digit = int(p.argmax())
    novelty = familiarity.novelty(x) if familiarity is not None and x is not None else None
    if novelty is not None and novelty > 1.0:
        reason = "unlike the training images"
    elif p[digit] < min_probability:
        reason = "low top probability"
    else:
        reason = ""
    return Doubt(digit, float(p[digit]), novelty, bool(reason), reason)
