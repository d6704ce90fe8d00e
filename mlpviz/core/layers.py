"""The affine layer and the activations: forward and backward passes.

Shapes: a batch is a row per example. x: (B, fan_in), W: (fan_in, fan_out), b: (fan_out,).
Backward functions write their result over the incoming gradient where they can, so a
training step allocates nothing after the first one.
"""
from __future__ import annotations

import numpy as np


class Dense:
    """Affine layer z = x @ W + b, with its parameters and their gradients side by side."""

    def __init__(self, W: np.ndarray, b: np.ndarray):
        self.W, self.b = W, b
        # The gradients are made on first use: the many copies that are only read (the views',
        # the timeline's) would otherwise each hold a second network's worth of zeros.
        self._dW: np.ndarray | None = None
        self._db: np.ndarray | None = None
        self._ones = np.ones(0, W.dtype)

    @property
    def dW(self) -> np.ndarray:
        if self._dW is None:
            self._dW = np.zeros_like(self.W)
        return self._dW

    @property
    def db(self) -> np.ndarray:
        if self._db is None:
            self._db = np.zeros_like(self.b)
        return self._db

    def forward(self, x: np.ndarray, out: np.ndarray | None = None, x_scale: float = 1.0) -> np.ndarray:
        """x: (B, fan_in) -> z: (B, fan_out). The input used is x_scale * x.

        x_scale lets training feed raw 0-255 pixels, merely cast to float: scaling the small
        product costs a fraction of scaling the batch of images.
        """
        z = np.matmul(x, self.W, out=out)
        if x_scale != 1.0:
            z *= z.dtype.type(x_scale)
        z += self.b
        return z

    def backward(self, x: np.ndarray, dz: np.ndarray, dx: np.ndarray | None = None,
                 need_dx: bool = True, x_scale: float = 1.0) -> np.ndarray | None:
        """Store dW = (x_scale * x).T @ dz and db = sum of dz over the batch; return
        dx = x_scale * dz @ W.T (for the unscaled x) unless need_dx is False. With x_scale != 1,
        dz is overwritten.

        The first layer's dx (the gradient with respect to the pixels) is never used, so the
        model skips that product, which is as large as the forward one.
        """
        # Summing over the batch as a product with a ones vector runs in BLAS, several times
        # faster than np.sum along axis 0 for batch-sized arrays.
        ones = self._ones if len(self._ones) == len(dz) else self._make_ones(len(dz))
        np.matmul(ones, dz, out=self.db)
        if x_scale != 1.0:
            dz *= dz.dtype.type(x_scale)  # in place: dz is not needed once dW is known
        np.matmul(x.T, dz, out=self.dW)
        return np.matmul(dz, self.W.T, out=dx) if need_dx else None


    def _make_ones(self, n: int) -> np.ndarray:
        self._ones = np.ones(n, self.W.dtype)
        return self._ones


class Activation:
    """Elementwise nonlinearity a = f(z). backward gets a and dL/da, returns dL/dz in place.

    `inactive_rule` says in words when a unit's output counts as inactive (it passes almost no
    gradient back); liveness() and live_threshold apply that rule to a batch.
    """

    name = ""
    inactive_rule = ""
    live_threshold = 0.0

    def forward(self, z: np.ndarray) -> np.ndarray:
        """Overwrites z with f(z) and returns it."""
        raise NotImplementedError

    def backward(self, a: np.ndarray, da: np.ndarray, live: np.ndarray | None = None) -> np.ndarray:
        """Overwrites da with da * f'(z), with f'(z) written in terms of a = f(z). live: what
        liveness(a) returned, if the caller has it (for sigmoid and tanh it is f'(z) itself)."""
        raise NotImplementedError

    def liveness(self, a: np.ndarray, out: np.ndarray) -> np.ndarray:
        """For outputs a (B, n): g (B, n) >= 0, written to out or a itself, with g >= live_threshold
        exactly where the unit is active on that example by inactive_rule (g > 0 if the threshold
        is 0). A unit whose g sums to at least B * live_threshold over the batch (more than 0 if
        the threshold is 0) is thus active on some example."""
        raise NotImplementedError


class Sigmoid(Activation):
    name = "sigmoid"
    inactive_rule = "saturated: output below 0.01 or above 0.99"
    live_threshold = 0.01 * 0.99  # a (1 - a) >= 0.0099  <=>  0.01 <= a <= 0.99

    def forward(self, z):
        # 1 / (1 + exp(-z)) written as (1 + tanh(z / 2)) / 2: equal, and nothing can overflow.
        half = z.dtype.type(0.5)
        z *= half
        np.tanh(z, out=z)
        z *= half
        z += half
        return z

    def backward(self, a, da, live=None):
        da *= self.liveness(a, np.empty_like(a)) if live is None else live  # da * a * (1 - a)
        return da

    def liveness(self, a, out):
        np.multiply(a, a, out=out)
        return np.subtract(a, out, out=out)  # a (1 - a), the derivative itself


class Tanh(Activation):
    name = "tanh"
    inactive_rule = "saturated: output within 0.02 of -1 or 1 (the outer 1% of its range at each end)"
    live_threshold = 1 - 0.98 ** 2  # 1 - a^2 >= 0.0396  <=>  |a| <= 0.98

    def forward(self, z):
        return np.tanh(z, out=z)

    def backward(self, a, da, live=None):
        da *= self.liveness(a, np.empty_like(a)) if live is None else live  # da * (1 - a^2)
        return da

    def liveness(self, a, out):
        np.multiply(a, a, out=out)
        return np.subtract(1, out, out=out)  # 1 - a^2, the derivative itself


class ReLU(Activation):
    name = "relu"
    inactive_rule = "at zero"
    live_threshold = 0.0  # any positive output

    def forward(self, z):
        return np.maximum(z, 0, out=z)

    def backward(self, a, da, live=None):
        da *= a > 0
        return da

    def liveness(self, a, out):
        return a


class LeakyReLU(Activation):
    name = "leaky_relu"
    inactive_rule = "at or below zero (on the leaky side, slope 0.01)"
    live_threshold = 0.0

    def __init__(self, slope: float = 0.01):
        self.slope = slope

    def forward(self, z):
        return np.maximum(z, z * self.slope, out=z)

    def backward(self, a, da, live=None):
        da *= np.where(a > 0, 1, self.slope).astype(da.dtype, copy=False)
        return da

    def liveness(self, a, out):
        return np.maximum(a, 0, out=out)


def dropout_mask(rate: float, rng: np.random.Generator, out: np.ndarray) -> np.ndarray:
    """Fill out (B, n) with an inverted-dropout mask and return it: 0 with probability rate,
    else 1 / (1 - rate), so that the expected output of a masked layer is unchanged and
    evaluation needs no mask at all."""
    rng.random(dtype=out.dtype, out=out)
    return np.multiply(out >= rate, out.dtype.type(1 / (1 - rate)), out=out)


ACTIVATIONS: dict[str, type[Activation]] = {
    cls.name: cls for cls in (Sigmoid, Tanh, ReLU, LeakyReLU)
}


def activation(name: str) -> Activation:
    """Look an activation up by name ('sigmoid', 'tanh', 'relu', 'leaky_relu')."""
    try:
        return ACTIVATIONS[name]()
    except KeyError:
        raise ValueError(f"unknown activation {name!r}; choose from {', '.join(ACTIVATIONS)}") from None
