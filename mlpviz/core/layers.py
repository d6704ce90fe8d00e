"""The layer protocol, the dense layer and the activations: forward and backward passes.

A layer maps a batch x (B, fan_in) to its output z (B, fan_out) with forward(x, cache) and
carries a gradient back with backward(delta, cache): delta = dE/dz in, dE/dx out. The cache holds
what the forward pass leaves for the backward one on that batch, and the buffers both may write
to; the layer holds its parameters and their gradients side by side. A new kind of layer is one
class with these two methods.

Names follow the course: pre-activation a = x W + b, activation z = f(a).
Backward functions write their result over the incoming gradient where they can, so a
training step allocates nothing after the first one.
"""
from __future__ import annotations

import numpy as np


class Cache:
    """One layer's working state on one batch.

    The caller sets, before forward: out, a (B, fan_out) buffer for the output (None: allocate);
    x_scale, the factor the input is used at; keep_a, whether to keep a copy of the
    pre-activation (the inspector's); param_grads, whether backward fills the layer's parameter
    gradients; need_dx and dx, whether backward returns dE/dx and a (B, fan_in) buffer for it.
    forward sets x (the input, unscaled), a (if kept) and z (the output); the caller may set live,
    the activation's liveness of z (see Activation.liveness), to spare backward computing it.
    backward sets da = dE/da (B, fan_out), the gradient at the pre-activation.
    """

    __slots__ = ("out", "x_scale", "keep_a", "param_grads", "need_dx", "dx", "x", "a", "z", "live", "da")

    def __init__(self, out: np.ndarray | None = None, dx: np.ndarray | None = None, x_scale: float = 1.0,
                 keep_a: bool = False, param_grads: bool = True, need_dx: bool = True):
        self.out, self.dx, self.x_scale = out, dx, x_scale
        self.keep_a, self.param_grads, self.need_dx = keep_a, param_grads, need_dx
        self.x = self.a = self.z = self.live = self.da = None


class Dense:
    """z = f(a), a = x W + b: an affine map and its activation f, with the parameters W
    (fan_in, fan_out), b (fan_out,) and their gradients dW, db side by side."""

    def __init__(self, W: np.ndarray, b: np.ndarray, activation: Activation | None = None):
        self.W, self.b = W, b
        self.activation = IDENTITY if activation is None else activation
        # The gradients are made on first use: the many copies that are only read (the views',
        # the timeline's) would otherwise each hold a second network's worth of zeros.
        self._dW: np.ndarray | None = None
        self._db: np.ndarray | None = None
        self._ones = np.ones(0, W.dtype)

    @property
    def params(self) -> dict[str, np.ndarray]:
        """{"W": (fan_in, fan_out), "b": (fan_out,)}, the arrays themselves."""
        return {"W": self.W, "b": self.b}

    @property
    def grads(self) -> dict[str, np.ndarray]:
        """{"W": dE/dW, "b": dE/db}, filled by backward()."""
        return {"W": self.dW, "b": self.db}

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

    def forward(self, x: np.ndarray, cache: Cache) -> np.ndarray:
        """x: (B, fan_in) -> z = f(x_scale x W + b): (B, fan_out), written to cache.out if given.

        x_scale lets training feed raw 0-255 pixels, merely cast to float: scaling the small
        product costs a fraction of scaling the batch of images.
        """
        a = np.matmul(x, self.W, out=cache.out)
        if cache.x_scale != 1.0:
            a *= a.dtype.type(cache.x_scale)
        a += self.b
        cache.x = x
        if cache.keep_a:
            cache.a = a.copy()  # the activation overwrites its argument
        cache.live = None
        cache.z = z = self.activation.forward(a)
        return z

    def backward(self, delta: np.ndarray, cache: Cache) -> np.ndarray | None:
        """delta = dE/dz (B, fan_out), overwritten with dE/da (kept as cache.da); with
        param_grads, store dW = (x_scale x)^T da and db = sum of da over the batch. Returns
        dE/dx = x_scale da W^T (B, fan_in) for the unscaled x, or None without need_dx.

        The first layer's dx (the gradient with respect to the pixels) is never used in
        training, so the model skips that product, which is as large as the forward one.
        """
        da = self.activation.backward(cache.z, delta, cache.live)
        cache.da = da
        scale = cache.x_scale
        if cache.param_grads:
            # Summing over the batch as a product with a ones vector runs in BLAS, several times
            # faster than np.sum along axis 0 for batch-sized arrays.
            ones = self._ones if len(self._ones) == len(da) else self._make_ones(len(da))
            np.matmul(ones, da, out=self.db)
            if scale != 1.0:
                da *= da.dtype.type(scale)  # in place: da unscaled is not needed once db is known
                scale = 1.0
            np.matmul(cache.x.T, da, out=self.dW)
        if not cache.need_dx:
            return None
        dx = np.matmul(da, self.W.T, out=cache.dx)
        if scale != 1.0:
            dx *= dx.dtype.type(scale)
        return dx

    def _make_ones(self, n: int) -> np.ndarray:
        self._ones = np.ones(n, self.W.dtype)
        return self._ones


class Activation:
    """Elementwise nonlinearity z = f(a). backward gets z and dE/dz, returns dE/da in place.

    `inactive_rule` says in words when a unit's output counts as inactive (it passes almost no
    gradient back); liveness() and live_threshold apply that rule to a batch.
    """

    name = ""
    inactive_rule = ""
    live_threshold = 0.0

    def forward(self, a: np.ndarray) -> np.ndarray:
        """Overwrites a with f(a) and returns it."""
        raise NotImplementedError

    def backward(self, z: np.ndarray, dz: np.ndarray, live: np.ndarray | None = None) -> np.ndarray:
        """Overwrites dz with dz * f'(a), with f'(a) written in terms of z = f(a). live: what
        liveness(z) returned, if the caller has it (for sigmoid and tanh it is f'(a) itself).
        z and live may be one row (1, n) for many rows of dz: the same input's derivative."""
        raise NotImplementedError

    def liveness(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        """For outputs z (B, n): g (B, n) >= 0, written to out or z itself, with g >= live_threshold
        exactly where the unit is active on that example by inactive_rule (g > 0 if the threshold
        is 0). A unit whose g sums to at least B * live_threshold over the batch (more than 0 if
        the threshold is 0) is thus active on some example."""
        raise NotImplementedError


class Sigmoid(Activation):
    name = "sigmoid"
    inactive_rule = "saturated: output below 0.01 or above 0.99"
    live_threshold = 0.01 * 0.99  # z (1 - z) >= 0.0099  <=>  0.01 <= z <= 0.99

    def forward(self, a):
        # 1 / (1 + exp(-a)) written as (1 + tanh(a / 2)) / 2: equal, and nothing can overflow.
        half = a.dtype.type(0.5)
        a *= half
        np.tanh(a, out=a)
        a *= half
        a += half
        return a

    def backward(self, z, dz, live=None):
        dz *= self.liveness(z, np.empty_like(z)) if live is None else live  # dz * z * (1 - z)
        return dz

    def liveness(self, z, out):
        np.multiply(z, z, out=out)
        return np.subtract(z, out, out=out)  # z (1 - z), the derivative itself


class Tanh(Activation):
    name = "tanh"
    inactive_rule = "saturated: output within 0.02 of -1 or 1 (the outer 1% of its range at each end)"
    live_threshold = 1 - 0.98 ** 2  # 1 - z^2 >= 0.0396  <=>  |z| <= 0.98

    def forward(self, a):
        return np.tanh(a, out=a)

    def backward(self, z, dz, live=None):
        dz *= self.liveness(z, np.empty_like(z)) if live is None else live  # dz * (1 - z^2)
        return dz

    def liveness(self, z, out):
        np.multiply(z, z, out=out)
        return np.subtract(1, out, out=out)  # 1 - z^2, the derivative itself


class ReLU(Activation):
    name = "relu"
    inactive_rule = "at zero"
    live_threshold = 0.0  # any positive output

    def forward(self, a):
        return np.maximum(a, 0, out=a)

    def backward(self, z, dz, live=None):
        dz *= z > 0
        return dz

    def liveness(self, z, out):
        return z


class LeakyReLU(Activation):
    name = "leaky_relu"
    inactive_rule = "at or below zero (on the leaky side, slope 0.01)"
    live_threshold = 0.0

    def __init__(self, slope: float = 0.01):
        self.slope = slope

    def forward(self, a):
        return np.maximum(a, a * self.slope, out=a)

    def backward(self, z, dz, live=None):
        dz *= np.where(z > 0, 1, self.slope).astype(dz.dtype, copy=False)
        return dz

    def liveness(self, z, out):
        return np.maximum(z, 0, out=out)


class Identity(Activation):
    """f(a) = a: the output layer's, whose softmax belongs to the loss (the output's activity is
    read from its probabilities, so it has no liveness)."""

    name = "identity"

    def forward(self, a):
        return a

    def backward(self, z, dz, live=None):
        return dz


IDENTITY = Identity()


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
