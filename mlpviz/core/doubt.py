"""When the network's answer should not be trusted: a low top probability, or an input unlike
anything in the training set (a dot, a scribble, a box, a letter: a drawing that is no digit).

A network always answers with some digit, often with high confidence even for nonsense, because
softmax only compares the ten digits with each other. A second, independent signal looks at the
input itself: how far it is from its nearest neighbour among a sample of training images, relative
to how far held-out training digits are from theirs; and whether it holds far less or far more ink
than any training digit (a dot, a blot).

The images are compared by which way their strokes' edges run where: a histogram of edge
orientations in each of 9x9 overlapping cells (Dalal and Triggs' HOG, CVPR 2005, simplified).
Compared pixel by pixel instead, a box lay as near a squarish 0, and a star as near a bold 6, as
real digits lie to theirs: what tells them apart is straight sides and sharp corners where a digit
curves, which the orientations keep and the pixels blur. The descriptions are compared within the
128 directions along which the training images' descriptions vary most (principal components): the
part of an input's description outside them, which no training digit has, only moves it away from
every reference; and the search reads 10 MB instead of 52 (0.2 ms a drawing instead of 4 for 20,000
references, on one core). benchmarks/doubt.py measures the marker on drawings that are no digit.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

MIN_PROBABILITY = 0.7  # below this the top answer is called unsure
REFERENCES = 20000  # training images kept as neighbours: fewer leave rarer shapes of a digit unmatched
CALIBRATE = 2000  # held-out training images that set the scale
QUANTILE = 0.995  # held-out digits farther from the references than this share count as unfamiliar
INK_QUANTILE = 0.001  # less ink than all but this share of training digits, or more, is unfamiliar
BLUR = 1.0  # pixels, before the edges are found
BINS = 8  # edge orientations over 180 degrees
CELLS = 9  # cells across a 28-pixel side, each spread over about 2 pixels each way
COMPONENTS = 128  # directions the descriptions are compared in
BASIS = 5000  # references the directions are found from
CHUNK = 1000  # images described at once: the orientation maps of 1000 take 25 MB


def _blur_matrix(n: int, sigma: float = BLUR) -> np.ndarray:
    d = np.arange(n)[:, None] - np.arange(n)[None, :]
    g = np.exp(-0.5 * (d / sigma) ** 2)
    return (g / g.sum(axis=1, keepdims=True)).astype(np.float32)


def _cell_matrix(n: int, cells: int) -> np.ndarray:
    """(cells, n): each cell's Gaussian weights over n pixels, centred on the cell, rows summing to 1."""
    centres = (np.arange(cells) + 0.5) * n / cells
    d = (np.arange(n) + 0.5)[None, :] - centres[:, None]
    g = np.exp(-0.5 * (d / (n / cells / 1.5)) ** 2)
    return (g / g.sum(axis=1, keepdims=True)).astype(np.float32)


class Familiarity:
    """How unlike the training images an input is; novelty 1.0 is as far as the farthest 0.5 % of
    held-out training digits are from the references, or as little or as much ink as the extreme
    0.1 % of training digits."""

    def __init__(self, references: np.ndarray, shape: tuple[int, int], scale: float = 1.0,
                 ink_range: tuple[float, float] = (0.0, np.inf)):
        self.shape = tuple(shape)
        h, w = self.shape
        self._rows, self._cols = _blur_matrix(h), _blur_matrix(w)
        cells = max(2, round(CELLS * min(self.shape) / 28))
        self._cell_rows, self._cell_cols = _cell_matrix(h, cells), _cell_matrix(w, cells)
        references = np.asarray(references).reshape(-1, h * w)
        basis = self.features(references[:BASIS])
        # The principal directions of the descriptions (not centred: it is their dot products
        # that are compared), strongest first.
        _, vectors = np.linalg.eigh(basis.T @ basis)
        self._basis = np.ascontiguousarray(vectors[:, ::-1][:, :COMPONENTS], np.float32)  # (D, k)
        self.references = np.concatenate(
            [basis @ self._basis] + [self.features(references[i:i + CHUNK]) @ self._basis
                                     for i in range(BASIS, len(references), CHUNK)])  # (n, k)
        self.scale = float(scale)
        self.ink_range = ink_range  # (low, high) total ink of a training digit, pixels in [0, 1]

    @classmethod
    def from_data(cls, data, n: int = REFERENCES, calibrate: int = CALIBRATE, seed: int = 0) -> Familiarity:
        """From a Dataset: n random training images as neighbours, scaled on `calibrate` other
        training images (fewer if the set is small). Made once per dataset and kept while it
        lives: describing 20,000 images takes a second or two, and every window on the same
        data (a new run, a reopened file) asks again."""
        key = (id(data), n, calibrate, seed)
        kept = _MADE.get(key)
        if kept is not None and kept[0]() is data:
            return kept[1]
        fam = cls._from_data(data, n, calibrate, seed)
        _MADE[key] = (weakref.ref(data, lambda _, key=key: _MADE.pop(key, None)), fam)
        return fam

    @classmethod
    def _from_data(cls, data, n: int, calibrate: int, seed: int) -> Familiarity:
        rng = np.random.default_rng(seed)
        order = rng.permutation(len(data.x_train))
        calibrate = min(calibrate, len(order) // 4)
        pick, probe = order[calibrate:calibrate + n], data.x_train[order[:calibrate]]
        ink = data.x_train.sum(axis=1, dtype=np.float64) / 255
        fam = cls(data.x_train[pick], data.image_shape,
                  ink_range=tuple(np.quantile(ink, [INK_QUANTILE, 1 - INK_QUANTILE]).tolist()))
        fam.scale = float(np.quantile(fam.distance(probe), QUANTILE))
        return fam

    def features(self, x: np.ndarray) -> np.ndarray:
        """Images x (n, d), any scale -> (n, BINS * cells * cells) unit vectors: the square root of
        each cell's edge strength in each orientation (so that one strong edge does not outweigh
        the rest)."""
        x = np.asarray(x).reshape(-1, *self.shape)
        return np.concatenate([self._describe(x[i:i + CHUNK]) for i in range(0, max(len(x), 1), CHUNK)])

    def _describe(self, x: np.ndarray) -> np.ndarray:
        y = self._rows @ x.astype(np.float32) @ self._cols.T
        gy, gx = np.zeros_like(y), np.zeros_like(y)
        gy[:, 1:-1] = y[:, 2:] - y[:, :-2]
        gx[:, :, 1:-1] = y[:, :, 2:] - y[:, :, :-2]
        strength = np.hypot(gx, gy)
        angle = np.arctan2(gy, gx) % np.pi * (BINS / np.pi)  # in bins, [0, BINS)
        # Each edge shared between its two nearest orientation bins, 180 degrees wrapping round.
        near = np.abs(angle[:, None] - np.arange(BINS, dtype=np.float32)[None, :, None, None])
        share = np.clip(1 - np.minimum(near, BINS - near), 0, None)
        f = self._cell_rows @ (share * strength[:, None]) @ self._cell_cols.T  # (n, BINS, cells, cells)
        f = np.sqrt(f.reshape(len(x), -1))
        return f / np.maximum(np.linalg.norm(f, axis=1, keepdims=True), 1e-6)

    def distance(self, x: np.ndarray) -> np.ndarray:
        """(n,) angular distance in radians of each image x (n, d), any scale, to its nearest
        reference, both described (features) and compared within the principal directions."""
        f = self.features(x) @ self._basis
        cos = np.concatenate([(f[i:i + CHUNK] @ self.references.T).max(axis=1) for i in range(0, len(f), CHUNK)])
        return np.arccos(np.clip(cos, -1, 1))

    def novelty(self, x: np.ndarray) -> float:
        """One input (d,) or (h, w) with pixels in [0, 1]: above 1 is unfamiliar. The last input's
        is kept: it does not depend on the network, and a view asks again at every snapshot."""
        x = np.asarray(x, np.float32).reshape(1, -1)
        key = x.tobytes()
        last = getattr(self, "_last", None)
        if last is not None and last[0] == key:
            return last[1]
        lo, hi = self.ink_range
        ink = float(x.sum())
        ink_novelty = max(lo / max(ink, 1e-6), ink / hi) if hi > 0 else 0.0
        value = max(float(self.distance(x)[0]) / max(self.scale, 1e-6), ink_novelty)
        self._last = (key, value)
        return value


# Familiarity.from_data's, by (id of the dataset, n, calibrate, seed): the dataset, weakly, and
# what was made of it.
_MADE: dict[tuple, tuple[weakref.ref, Familiarity]] = {}


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
