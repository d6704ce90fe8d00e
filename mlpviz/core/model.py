"""The multi-layer perceptron: Dense layers composed through the layer protocol; forward pass,
backpropagation, prediction."""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .layers import IDENTITY, Cache, Dense, activation
from .losses import loss as make_loss
from .losses import softmax

INITS = ("normal", "xavier", "he")


def init_weights(fan_in: int, fan_out: int, init: str, std: float, rng: np.random.Generator) -> np.ndarray:
    """Initial W (fan_in, fan_out) in float64.

    normal: N(0, std^2), the course's choice; xavier: Glorot uniform, U(+-sqrt(6/(in+out)))
    keeps the variance of sigmoid/tanh signals steady; he: N(0, 2/in) does so for ReLU.
    """
    if init == "normal":
        return rng.normal(0.0, std, (fan_in, fan_out))
    if init == "xavier":
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, (fan_in, fan_out))
    if init == "he":
        return rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out))
    raise ValueError(f"unknown init {init!r}; choose from {', '.join(INITS)}")


class MLP:
    """sizes = (n_in, hidden..., n_out): Dense layers, one activation for every hidden layer, the
    output layer's logits a_L turned into probabilities y = softmax(a_L) (the loss's own pair).

    Layer i maps sizes[i] -> sizes[i+1]; layers[0] is input -> first hidden (W1, b1). The model
    composes its layers through their protocol (layers.Dense.forward / backward with a Cache
    each): run() and backward() below are the only passes over the network; forward(),
    train_batch() and everything outside (the Inspection, explain, evaluation) go through them.
    """

    def __init__(self, layers: list[Dense], activation_name: str = "sigmoid",
                 loss_name: str = "cross_entropy"):
        self.layers = layers
        self.activation = activation(activation_name)
        for layer in layers[:-1]:
            layer.activation = self.activation
        layers[-1].activation = IDENTITY
        self.loss = make_loss(loss_name)
        self._scratch: dict[int, tuple[list[Cache], list[np.ndarray], list[np.ndarray], list[np.ndarray]]] = {}

    @classmethod
    def create(cls, sizes: tuple[int, ...], activation_name: str = "sigmoid",
               loss_name: str = "cross_entropy", init: str = "normal", init_std: float = 0.01,
               seed: int = 0, dtype: str = "float32") -> MLP:
        """A freshly initialised network (zero biases), reproducible from seed."""
        rng = np.random.default_rng(seed)
        layers = [Dense(init_weights(i, o, init, init_std, rng).astype(dtype), np.zeros(o, dtype))
                  for i, o in zip(sizes[:-1], sizes[1:])]
        return cls(layers, activation_name, loss_name)

    @property
    def sizes(self) -> tuple[int, ...]:
        return (self.layers[0].W.shape[0], *(layer.W.shape[1] for layer in self.layers))

    @property
    def dtype(self) -> np.dtype:
        return self.layers[0].W.dtype

    @property
    def params(self) -> list[np.ndarray]:
        """[W1, b1, W2, b2, ...], the arrays themselves (updates happen in place)."""
        return [p for layer in self.layers for p in (layer.W, layer.b)]

    @property
    def grads(self) -> list[np.ndarray]:
        """[dW1, db1, dW2, db2, ...], filled by backward()."""
        return [g for layer in self.layers for g in (layer.dW, layer.db)]

    def caches(self, x_scale: float = 1.0, keep_a: bool = False, param_grads: bool = False) -> list[Cache]:
        """Fresh caches, one per layer, for a pass that allocates its arrays (not training's)."""
        return [Cache(x_scale=x_scale if i == 0 else 1.0, keep_a=keep_a, param_grads=param_grads)
                for i in range(len(self.layers))]

    def run(self, x: np.ndarray, caches: list[Cache], masks: list[np.ndarray] | None = None,
            dropped: list[np.ndarray] | None = None, out: np.ndarray | None = None,
            depth: int | None = None) -> np.ndarray:
        """The forward pass: x (B, n_in) through every layer, each with its cache; returns the
        probabilities (B, n_out), written to out if given, or with depth = l < L the hidden
        activation z_l (B, n_l) after layer l.

        masks: dropout, one (B, n_l) multiplier per hidden layer (see layers.dropout_mask); the
        next layer then sees z_l * mask_l, written to dropped[l - 1] if given, while each cache
        keeps the unmasked z_l. Without masks (evaluation) nothing is dropped.
        """
        h = x
        last = len(self.layers) - 1
        for i, (layer, cache) in enumerate(zip(self.layers, caches)):
            h = layer.forward(h, cache)
            if i == last:
                return softmax(h, out=out)
            if depth is not None and i + 1 == depth:
                return h
            if masks is not None:
                h = np.multiply(h, masks[i], out=None if dropped is None else dropped[i])
        return h

    def forward(self, x: np.ndarray, x_scale: float = 1.0, masks: list[np.ndarray] | None = None) -> np.ndarray:
        """x: (B, n_in) -> probabilities (B, n_out); the network sees x_scale * x. masks: dropout,
        as for run()."""
        return self.run(x, self.caches(x_scale), masks)

    def backward(self, d: np.ndarray, caches: list[Cache], masks: list[np.ndarray] | None = None,
                 keep: bool = False):
        """Backpropagation from d = dE/da_L (B, n_out), the gradient at the output layer's
        logits (overwritten), through the caches of a forward pass (run()): every layer whose
        cache has param_grads fills its dW, db. Returns dE/dx (B, n_in), or None if the first
        cache has no need_dx; with keep=True the list [dE/dx, dE/dz_1, ..., dE/dz_{L-1}] of every
        layer's input gradient, copied before the next layer overwrites it.

        masks: as given to run(); a dropped unit passed nothing on, so it gets no gradient.
        d may have more rows than the caches' single row: the same input's backward pass for
        several output gradients at once (a Jacobian), with param_grads off.
        """
        kept: list[np.ndarray] = []
        for i in range(len(self.layers) - 1, -1, -1):
            dx = self.layers[i].backward(d, caches[i])
            if i > 0:
                if masks is not None:
                    dx *= masks[i - 1]
                if keep:
                    kept.append(dx.copy())
                d = dx
        if keep:
            return [dx, *kept[::-1]]
        return dx

    def train_batch(self, x: np.ndarray, y: np.ndarray, x_scale: float = 1.0,
                    masks: list[np.ndarray] | None = None,
                    on_forward: Callable[[list[np.ndarray], list[np.ndarray]], None] | None = None) -> float:
        """Forward and backward on one batch of inputs x_scale * x; returns its loss and leaves
        the gradients in the layers. masks: dropout, as for run(). on_forward(acts, lives) is
        called between the passes, while acts [x, z1, ..., y] still hold the probabilities;
        lives [g1, ...] are the activation's liveness of each hidden output, which for sigmoid
        and tanh is the derivative that backpropagation multiplies by, computed once for both.

        Reuses per-batch-size caches and buffers, so steady-state training allocates almost nothing.
        """
        B = len(x)
        if B not in self._scratch:
            dt, sizes = self.dtype, self.sizes
            # no dE/dx for the first layer: the gradient with respect to the pixels is never used
            caches = [Cache(out=np.empty((B, n), dt), dx=None if i == 0 else np.empty((B, sizes[i]), dt),
                            need_dx=i > 0) for i, n in enumerate(sizes[1:])]
            self._scratch[B] = (caches, [np.empty((B, sizes[-1]), dt)], [],
                                [np.empty((B, n), dt) for n in sizes[1:-1]], [], [])
        caches, (p_out,), dropped, live_outs, acts, lives = self._scratch[B]
        if masks is not None and not dropped:  # the masked outputs, only once dropout is used
            dropped.extend(np.empty_like(c.out) for c in caches[:-1])
        caches[0].x_scale = x_scale
        p = self.run(x, caches, masks, dropped, out=p_out)
        liveness = self.activation.liveness
        for cache, out in zip(caches, live_outs):
            cache.live = liveness(cache.z, out)
        if on_forward is not None:
            # Activations and liveness are written in place, into the same buffers at every
            # step: the lists handed over are made once per batch size, only x changes.
            if not acts:
                acts.extend([x, *(c.z for c in caches[:-1]), p])
                lives.extend(c.live for c in caches[:-1])
            acts[0] = x
            on_forward(acts, lives)
        value = self.loss.value(p, y)
        if math.isfinite(value):
            self.backward(self.loss.gradient(p, y), caches, masks)
        return value

    def release_scratch(self) -> None:
        """Forget the per-batch-size scratch arrays (after a change of batch size)."""
        self._scratch.clear()

    def predict_proba(self, x: np.ndarray, chunk: int = 2000) -> np.ndarray:
        """Probabilities (N, n_out) for inputs (N, n_in) in [0, 1], in chunks to bound memory."""
        x = np.asarray(x, self.dtype).reshape(-1, self.sizes[0])
        return np.concatenate([self.forward(x[i:i + chunk]) for i in range(0, max(len(x), 1), chunk)])

    def weights_finite(self) -> bool:
        """True if every weight and bias is a finite number (no NaN, no infinity)."""
        return all(np.isfinite(p).all() for p in self.params)

    def copy(self) -> MLP:
        """An independent copy (the GUI classifies drawings with one, never with live arrays)."""
        return self.astype(self.dtype)

    def astype(self, dtype) -> MLP:
        """An independent copy with every parameter in dtype (float64 for the inspector)."""
        return MLP([Dense(layer.W.astype(dtype), layer.b.astype(dtype)) for layer in self.layers],
                   self.activation.name, self.loss.name)
