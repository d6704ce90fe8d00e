"""Softmax and the losses on its output.

Both losses take the logits z: (B, K) and integer labels y: (B,), and return the batch-mean
loss together with dL/dz, so the softmax Jacobian is applied in one place per loss.
"""
from __future__ import annotations

import numpy as np


def softmax(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Row-wise softmax of logits z (B, K) into out (which must not be z); stable.

    Each row subtracts its own largest logit, the textbook way: a row whose logits all lie far
    below another row's maximum would otherwise be computed from exponentials deep in the
    subnormal range and lose most of its digits (or underflow to zeros).
    """
    # Each row's maximum from a transposed copy: a reduction along a row of 10 runs several
    # times slower than along contiguous columns, and the copy of a batch of logits is small.
    columns = np.empty((z.shape[1], z.shape[0]), z.dtype)
    np.copyto(columns, z.T)
    out = np.subtract(z, columns.max(axis=0)[:, None], out=out)
    np.exp(out, out=out)
    sums = out @ np.ones(out.shape[1], out.dtype)  # a BLAS product beats a row-wise sum here
    out /= sums[:, None]
    return out


_TINY = {t: np.finfo(t).tiny for t in (np.float32, np.float64)}


class Loss:
    name = ""

    def value(self, p: np.ndarray, y: np.ndarray) -> float:
        """Batch-mean loss from probabilities p (B, K) and labels y (B,)."""
        raise NotImplementedError

    def gradient(self, p: np.ndarray, y: np.ndarray) -> np.ndarray:
        """dL/dz for the logits, written over p (which is no longer needed)."""
        raise NotImplementedError


class CrossEntropy(Loss):
    """L = -mean(log p[y]). Fused with softmax, dL/dz = (p - onehot(y)) / B."""

    name = "cross_entropy"

    def value(self, p, y):
        picked = p[np.arange(len(y)), y]
        # A probability that underflowed to 0 would give inf; the floor keeps the loss finite
        # while still reporting a very confident mistake as a very large loss.
        np.maximum(picked, _TINY[p.dtype.type], out=picked)
        return -float(np.log(picked, out=picked).sum()) / len(y)

    def gradient(self, p, y):
        flat = p.reshape(-1)  # a view: p is contiguous
        flat[np.arange(0, p.size, p.shape[1]) + y] -= 1
        p *= p.dtype.type(1 / len(y))
        return p


class MeanSquaredError(Loss):
    """L = mean over the batch of 1/2 * ||p - onehot(y)||^2 on the softmax output p."""

    name = "mse"

    def value(self, p, y):
        err = p.copy()
        err[np.arange(len(y)), y] -= 1
        return float(0.5 * np.mean(np.sum(err * err, axis=1)))

    def gradient(self, p, y):
        # dL/dp = (p - t) / B, then through softmax: dL/dz = p * (dL/dp - sum(dL/dp * p)).
        dp = p.copy()
        dp[np.arange(len(y)), y] -= 1
        dp *= dp.dtype.type(1 / len(y))
        dp -= np.sum(dp * p, axis=1, keepdims=True)
        p *= dp
        return p


LOSSES: dict[str, type[Loss]] = {cls.name: cls for cls in (CrossEntropy, MeanSquaredError)}


def loss(name: str) -> Loss:
    """Look a loss up by name ('cross_entropy', 'mse')."""
    try:
        return LOSSES[name]()
    except KeyError:
        raise ValueError(f"unknown loss {name!r}; choose from {', '.join(LOSSES)}") from None
