"""The multi-layer perceptron: forward pass, backpropagation, prediction."""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .layers import Dense, activation
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
    """sizes = (n_in, hidden..., n_out); one activation for every hidden layer, softmax output.

    Layer i maps sizes[i] -> sizes[i+1]; layers[0] is input -> first hidden (W1, b1).
    """

    def __init__(self, layers: list[Dense], activation_name: str = "sigmoid",
                 loss_name: str = "cross_entropy"):
        self.layers = layers
        self.activation = activation(activation_name)
        self.loss = make_loss(loss_name)
        self._scratch: dict[int, tuple[list[np.ndarray], ...]] = {}

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

    def forward(self, x: np.ndarray, keep: bool = False, outs: list[np.ndarray] | None = None,
                x_scale: float = 1.0, masks: list[np.ndarray] | None = None,
                dropped: list[np.ndarray] | None = None):
        """x: (B, n_in) -> probabilities (B, n_out); the network sees x_scale * x.

        With keep=True, returns every layer's output [x, a1, ..., a_hidden, p], which is what
        backward() needs and what the activation views show. outs: preallocated outputs, one
        per layer and one more for the probabilities.
        masks: dropout, one (B, n_i) multiplier per hidden layer (see layers.dropout_mask); the
        next layer then sees a_i * mask_i, written to dropped[i] if given. The returned a_i stay
        unmasked. Without masks (evaluation) nothing is dropped.
        """
        acts = [x]
        h = x
        last = len(self.layers) - 1
        for i, layer in enumerate(self.layers):
            z = layer.forward(h, None if outs is None else outs[i], x_scale if i == 0 else 1.0)
            h = softmax(z, out=None if outs is None else outs[i + 1]) if i == last \
                else self.activation.forward(z)
            acts.append(h)
            if masks is not None and i < last:
                h = np.multiply(h, masks[i], out=None if dropped is None else dropped[i])
        return acts if keep else h

    def backward(self, acts: list[np.ndarray], y: np.ndarray,
                 deltas: list[np.ndarray] | None = None, x_scale: float = 1.0,
                 masks: list[np.ndarray] | None = None, dropped: list[np.ndarray] | None = None,
                 lives: list[np.ndarray] | None = None) -> None:
        """Backpropagation: fill every layer's dW, db from forward(keep=True) outputs.

        Overwrites acts[-1] (the probabilities) with dL/dz of the output layer.
        deltas: preallocated dL/da buffers for the hidden layers. masks, dropped: as given to
        forward() (dropped may be None: the masked outputs are then recomputed). lives: the
        activation's liveness of each hidden output, if already computed (see train_batch).
        """
        d = self.loss.gradient(acts[-1], y)
        for i in range(len(self.layers) - 1, -1, -1):
            x = acts[i]
            if masks is not None and i > 0:
                x = dropped[i - 1] if dropped is not None else acts[i] * masks[i - 1]
            da = self.layers[i].backward(x, d, None if i == 0 or deltas is None else deltas[i - 1],
                                         need_dx=i > 0, x_scale=x_scale if i == 0 else 1.0)
            if i > 0:
                if masks is not None:
                    da *= masks[i - 1]  # a dropped unit passed nothing on, so it gets no gradient
                d = self.activation.backward(acts[i], da, None if lives is None else lives[i - 1])

    def train_batch(self, x: np.ndarray, y: np.ndarray, x_scale: float = 1.0,
                    masks: list[np.ndarray] | None = None,
                    on_forward: Callable[[list[np.ndarray], list[np.ndarray]], None] | None = None) -> float:
        """Forward and backward on one batch of inputs x_scale * x; returns its loss and leaves
        the gradients in the layers. masks: dropout, as for forward(). on_forward(acts, lives)
        is called between the passes, while acts [x, a1, ..., p] still hold the probabilities;
        lives [g1, ...] are the activation's liveness of each hidden output, which for sigmoid
        and tanh is the derivative that backpropagation multiplies by, computed once for both.

        Reuses per-batch-size scratch arrays, so steady-state training allocates almost nothing.
        """
        if len(x) not in self._scratch:
            B = len(x)
            hidden = self.sizes[1:-1]
            self._scratch[B] = ([np.empty((B, n), self.dtype) for n in (*self.sizes[1:], self.sizes[-1])],
                                [np.empty((B, n), self.dtype) for n in hidden], [],
                                [np.empty((B, n), self.dtype) for n in hidden])
        outs, deltas, dropped, live_outs = self._scratch[len(x)]
        if masks is not None and not dropped:  # the masked outputs, only once dropout is used
            dropped.extend(np.empty_like(a) for a in outs[:-2])
        acts = self.forward(x, keep=True, outs=outs, x_scale=x_scale, masks=masks, dropped=dropped)
        liveness = self.activation.liveness
        lives = [liveness(a, out) for a, out in zip(acts[1:-1], live_outs)]
        if on_forward is not None:
            on_forward(acts, lives)
        value = self.loss.value(acts[-1], y)
        if math.isfinite(value):
            self.backward(acts, y, deltas, x_scale, masks, dropped, lives)
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
        return MLP([Dense(layer.W.copy(), layer.b.copy()) for layer in self.layers],
                   self.activation.name, self.loss.name)
