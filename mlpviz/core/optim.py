"""Parameter updates: SGD, SGD with momentum, Adam. All update the arrays in place.

Weight decay is L2 regularisation, 1/2 * wd * ||W||^2 added to the loss, so wd * W is added
to the gradient of every weight matrix (2-D parameters); biases are not decayed.
The learning rate is a plain attribute: it may change between any two steps.
"""
from __future__ import annotations

import math

import numpy as np


def flush_subnormals(a: np.ndarray) -> None:
    """Set subnormal values to zero, in place.

    Moments of weights whose gradient is always zero (pixels that are never inked) shrink by a
    constant factor each step until they become subnormal numbers, which the CPU handles many
    times slower: training slowed down by a third within ten epochs. Values this small
    (< 1.2e-38 in float32) change no update measurably.
    """
    a[np.abs(a) < np.finfo(a.dtype).smallest_normal] = 0


class Optimizer:
    name = ""
    settings: tuple[str, ...] = ()  # run settings besides lr and weight decay that it takes

    def __init__(self, lr: float, weight_decay: float = 0.0):
        self.lr = lr
        self.weight_decay = weight_decay
        self.t = 0  # updates applied so far
        # With measure_updates on, update() writes the L2 norm of each weight matrix's change
        # (2-D parameters, in order) into update_norms.
        self.measure_updates = False
        self.update_norms: list[float] = []

    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """One step. Gradients are used as scratch space and hold garbage afterwards."""
        self.t += 1
        norms = self.update_norms if self.measure_updates else None
        if norms is not None:
            norms.clear()
        for i, (p, g) in enumerate(zip(params, grads)):
            if self.weight_decay and p.ndim == 2:
                g += p.dtype.type(self.weight_decay) * p
            change = self._apply(i, p, g)
            if norms is not None and p.ndim == 2:
                flat = change.reshape(-1)
                norms.append(math.sqrt(float(np.dot(flat, flat))))
        if self.t % 64 == 0:
            for buffers in self._decaying():
                for a in buffers.values():
                    flush_subnormals(a)

    def _decaying(self) -> list[dict[int, np.ndarray]]:
        """State arrays that shrink geometrically where gradients are zero."""
        return []

    def _apply(self, i: int, p: np.ndarray, g: np.ndarray) -> np.ndarray:
        """Update p in place; return an array equal to the change of p, or to its negative."""
        raise NotImplementedError

    def state(self) -> dict[str, np.ndarray]:
        """Arrays that let a saved run continue exactly where it stopped."""
        return {"t": np.array(self.t), "lr": np.array(self.lr)}

    def load_state(self, state: dict[str, np.ndarray], params: list[np.ndarray]) -> None:
        self.t = int(state.get("t", 0))
        if "lr" in state:  # the rate in force when saved: it may have decayed or been changed
            self.lr = float(state["lr"])


class SGD(Optimizer):
    """p <- p - lr * g"""

    name = "sgd"

    def _apply(self, i, p, g):
        g *= p.dtype.type(self.lr)
        p -= g
        return g


class Momentum(Optimizer):
    """v <- momentum * v - lr * g;  p <- p + v"""

    name = "momentum"
    settings = ("momentum",)

    def __init__(self, lr: float, momentum: float = 0.9, weight_decay: float = 0.0):
        super().__init__(lr, weight_decay)
        self.momentum = momentum
        self.velocity: dict[int, np.ndarray] = {}

    def _apply(self, i, p, g):
        v = self.velocity.get(i)
        if v is None:
            v = self.velocity[i] = np.zeros_like(p)
        v *= p.dtype.type(self.momentum)
        g *= p.dtype.type(self.lr)
        v -= g
        p += v
        return v

    def _decaying(self):
        return [self.velocity]

    def state(self):
        return {**super().state(), **{f"v{i}": v for i, v in self.velocity.items()}}

    def load_state(self, state, params):
        super().load_state(state, params)
        self.velocity = {i: np.array(state[f"v{i}"], p.dtype) for i, p in enumerate(params)
                         if f"v{i}" in state}


class Adam(Optimizer):
    """Kingma & Ba (2015), with bias correction:
    m <- b1 m + (1-b1) g;  v <- b2 v + (1-b2) g^2
    p <- p - lr * m_hat / (sqrt(v_hat) + eps),  m_hat = m / (1-b1^t), v_hat = v / (1-b2^t)
    """

    name = "adam"

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8, weight_decay: float = 0.0):
        super().__init__(lr, weight_decay)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m: dict[int, np.ndarray] = {}
        self.v: dict[int, np.ndarray] = {}
        self._tmp: dict[int, np.ndarray] = {}

    def _apply(self, i, p, g):
        if i not in self._tmp:
            self._tmp[i] = np.empty_like(p)
            if i not in self.m:  # fresh, rather than loaded from a model file
                self.m[i], self.v[i] = np.zeros_like(p), np.zeros_like(p)
        m, v, tmp, f = self.m[i], self.v[i], self._tmp[i], p.dtype.type
        np.subtract(g, m, out=tmp)  # m <- m + (1-b1)(g - m), the same as b1 m + (1-b1) g
        tmp *= f(1 - self.beta1)
        m += tmp
        g *= g  # v <- v + (1-b2)(g^2 - v)
        g -= v
        g *= f(1 - self.beta2)
        v += g
        # The bias corrections folded into two scalars, as Kingma & Ba suggest (section 2):
        # lr * m_hat / (sqrt(v_hat) + eps) == lr_t * m / (sqrt(v) + eps * sqrt(1 - b2^t)).
        c2 = np.sqrt(1 - self.beta2 ** self.t)
        np.sqrt(v, out=tmp)
        tmp += f(self.eps * c2)
        np.divide(m, tmp, out=tmp)
        tmp *= f(self.lr * c2 / (1 - self.beta1 ** self.t))
        p -= tmp
        return tmp

    def _decaying(self):
        return [self.m, self.v]

    def state(self):
        return {**super().state(), **{f"m{i}": a for i, a in self.m.items()},
                **{f"v{i}": a for i, a in self.v.items()}}

    def load_state(self, state, params):
        super().load_state(state, params)
        self.m = {i: np.array(state[f"m{i}"], p.dtype) for i, p in enumerate(params) if f"m{i}" in state}
        self.v = {i: np.array(state[f"v{i}"], p.dtype) for i, p in enumerate(params) if f"v{i}" in state}


OPTIMIZERS = {cls.name: cls for cls in (SGD, Momentum, Adam)}

# The two update mistakes of the course's hand-written NumPy network, reproduced on request so
# that learners can watch what they do. Both need a network of at least two layers.
MISTAKES = {
    # W1 <- W1 - lr * W1: the first layer's weights shrink towards zero by a factor (1 - lr)
    # each step whatever the data, so the network ends up reading every image alike.
    "w_update": "the first layer is updated with its own weights instead of their gradient",
    # In the notebook's names: db1 summed from dz1 = dy W2^T (the gradient at the first hidden
    # layer's output) instead of da1 (at its input, after the sigmoid's derivative).
    "db1": "the first hidden layer's bias gradient is summed before the activation's derivative",
}
_MISTAKEN: dict[tuple[type, str], type] = {}


def with_mistake(cls: type[Optimizer], mistake: str) -> type[Optimizer]:
    """A subclass of cls that makes one of the MISTAKES before every update; cls itself is untouched."""
    if mistake not in MISTAKES:
        raise ValueError(f"unknown mistake {mistake!r}; choose from {', '.join(MISTAKES)}")
    key = (cls, mistake)
    if key not in _MISTAKEN:
        def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
            if len(params) < 4:
                raise ValueError(f"the {mistake} mistake needs at least one hidden layer")
            if mistake == "w_update":
                np.copyto(grads[0], params[0])  # dW1 replaced by W1
            else:
                # The gradient at the first hidden layer's output is d2 @ W2.T, d2 the gradient
                # at the second layer's input; its batch sum is db2 @ W2.T (db2 being the batch
                # sum of d2), so the wrong db1 is W2 @ db2, exact and without the per-example array.
                np.matmul(params[2], grads[3], out=grads[1])
            cls.update(self, params, grads)

        _MISTAKEN[key] = type(f"{cls.__name__}With_{mistake}", (cls,), {"update": update, "mistake": mistake})
    return _MISTAKEN[key]


def make_optimizer(name: str, lr: float, momentum: float = 0.9, weight_decay: float = 0.0,
                   mistake: str | None = None) -> Optimizer:
    """Build an optimizer by name ('sgd', 'momentum', 'adam'); each takes the settings it names
    in its `settings`, so a new optimizer needs only its class and a place in OPTIMIZERS.
    mistake: one of MISTAKES to reproduce, or None (the correct update)."""
    cls = OPTIMIZERS.get(name)
    if cls is None:
        raise ValueError(f"unknown optimizer {name!r}; choose from {', '.join(OPTIMIZERS)}")
    if mistake is not None:
        cls = with_mistake(cls, mistake)
    given = {"momentum": momentum}
    return cls(lr, weight_decay=weight_decay, **{k: given[k] for k in cls.settings})
