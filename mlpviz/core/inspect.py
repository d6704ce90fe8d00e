"""One Inspection of (network, input x, label t): one forward and one backward pass of a single
example, every number kept, in float64, with the course's names.

Layers are numbered l = 1..L as in the model file (W_l, b_l = model.layers[l - 1]); z_0 = x.

    forward     a_l = z_{l-1} W_l + b_l      pre-activation            a[l]   (n_l,)
                z_l = f(a_l), l < L          activation                z[l]   (n_l,)
                y = softmax(a_L)             output probabilities      y      (n_out,)
                E = loss(y, t)               cross_entropy or mse      E
    backward    dy = dE/da_L                 (y - t) / N for cross-entropy, N = 1 example (for mse,
                                             y - t carried back through softmax's Jacobian)
                dW_L = z_{L-1}^T dy,  db_L = dy
                dz_{l} = da_{l+1} W_{l+1}^T  (da_L = dy)
                da_l = f'(a_l) * dz_l
                dW_l = z_{l-1}^T da_l,  db_l = da_l, ...,  dW_1 = x^T da_1
                dx = da_1 W_1^T              the input gradient

With the dropout masks m_l of a training step, layer l + 1 receives z_l * m_l (dW_{l+1} is taken
from it) and dz_l = (da_{l+1} W_{l+1}^T) * m_l: a dropped unit passed nothing on and gets no gradient.

The gradients are those of this one example's loss (not a batch mean). Everything is computed by
the network's own layers (layers.Dense.forward / backward) on a float64 copy of it: a float32
probability that rounds to exactly 1 would zero a gradient the views show. The backward pass runs
on first use of a backward quantity, so a view that shows only the forward pass does not pay for it.
"""
from __future__ import annotations

import numpy as np

from .model import MLP


class _Backward:
    """A quantity of the backward pass, which runs (for all of them at once) on the first read."""

    def __init__(self, doc: str):
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, ins: Inspection | None, owner: type | None = None):
        if ins is None:
            return self
        ins._backward()
        return getattr(ins, self.slot)


class Inspection:
    """The forward and backward pass of one input x (n_in,) with label t through a network.

    Forward (computed at once): x, a[l] (l = 1..L), z[l] (l = 0..L-1, z[0] = x), y, E, t.
    Backward (on first use): dy, da[l] and dz[l] (l = 1..L-1), dW[l], db[l] (l = 1..L), dx.
    label None: t is the digit the network reads (E then says how sure it is of it).
    """

    def __init__(self, model: MLP, x: np.ndarray, label: int | None = None, network: MLP | None = None,
                 masks: list[np.ndarray] | None = None):
        self.model = model
        # Every pass below goes through this float64 copy's layers, so the inspected network
        # itself is never written. An earlier Inspection's copy of the same model may be handed
        # over (network): a new stroke on the pad then skips copying the weights again.
        self.network = net = model.astype(np.float64) if network is None else network
        self.L = L = len(net.layers)
        self.x = np.asarray(x, np.float64).reshape(-1)
        if len(self.x) != net.sizes[0]:
            raise ValueError(f"the network takes {net.sizes[0]} inputs, not {len(self.x)}")
        # Dropout, as a training step used it: one (n_l,) mask per hidden layer, applied to z_l
        # on its way into layer l + 1 (z[l] itself is kept unmasked, as training's caches keep it).
        self.masks = None if masks is None else [np.asarray(m, np.float64).reshape(-1) for m in masks]
        if self.masks is not None and [len(m) for m in self.masks] != list(net.sizes[1:-1]):
            raise ValueError(f"dropout masks of sizes {[len(m) for m in self.masks]} for hidden layers "
                             f"{list(net.sizes[1:-1])}")
        self._masks = None if self.masks is None else [m[None] for m in self.masks]
        self._caches = net.caches(keep_a=True)
        with np.errstate(all="ignore"):  # a diverged network shows its NaNs, without warnings
            y = net.run(self.x[None], self._caches, self._masks)
        self.a: dict[int, np.ndarray] = {l: self._caches[l - 1].a[0] for l in range(1, L + 1)}
        self.z: dict[int, np.ndarray] = {0: self.x, **{l: self._caches[l - 1].z[0] for l in range(1, L)}}
        self.y: np.ndarray = y[0]
        self.label_given = label is not None
        self.t = int(label) if label is not None else int(np.argmax(np.nan_to_num(self.y, nan=-1.0)))
        if not 0 <= self.t < len(self.y):
            raise ValueError(f"label must be 0-{len(self.y) - 1}, got {self.t}")
        self._t = np.array([self.t])
        with np.errstate(all="ignore"):
            self.E = float(net.loss.value(y.copy(), self._t))
        self._done = False
        self._jacobian: list[np.ndarray] | None = None

    # -- forward

    @property
    def logits(self) -> np.ndarray:
        """a_L (n_out,), the input of softmax."""
        return self.a[self.L]

    def layer_input(self, layer: int) -> np.ndarray:
        """What layer `layer` receives (n_{l-1},): x for the first, else z_{l-1}, times its dropout
        mask if the pass had one."""
        return self._caches[layer - 1].x[0]

    def activations(self) -> list[np.ndarray]:
        """Every layer's output [x, z_1, ..., z_{L-1}, y], each (n_l,)."""
        return [*(self.z[l] for l in range(self.L)), self.y]

    def forward_values(self) -> dict[str, np.ndarray | float]:
        """{"x", "a1", "z1", ..., "aL", "y", "E"}: the forward pass by the course's names."""
        out: dict[str, np.ndarray | float] = {"x": self.x}
        for l in range(1, self.L + 1):
            out[f"a{l}"] = self.a[l]
            if l < self.L:
                out[f"z{l}"] = self.z[l]
        out["y"], out["E"] = self.y, self.E
        return out

    # -- backward

    def _backward(self) -> None:
        if self._done:
            return
        net, caches, L = self.network, self._caches, self.L
        for cache in caches:
            cache.param_grads = True
        with np.errstate(all="ignore"):
            d = net.loss.gradient(self.y[None].copy(), self._t)  # dE/da_L, written over a copy of y
            self._dy = d[0].copy()
            grads = net.backward(d, caches, self._masks, keep=True)
        for cache in caches:
            cache.param_grads = False
        self._dx = grads[0][0]
        self._dz = {l: grads[l][0] for l in range(1, L)}
        self._da = {l: caches[l - 1].da[0] for l in range(1, L)}
        # copied out: the float64 network may serve the next Inspection of the same model too
        self._dW = {l: net.layers[l - 1].dW.copy() for l in range(1, L + 1)}
        self._db = {l: net.layers[l - 1].db.copy() for l in range(1, L + 1)}
        self._done = True

    dy = _Backward("dE/da_L (n_out,): (y - t) for cross-entropy; through softmax's Jacobian for mse.")
    dz = _Backward("{l: dE/dz_l (n_l,)} for the hidden layers l = 1..L-1.")
    da = _Backward("{l: dE/da_l (n_l,)} for the hidden layers l = 1..L-1 (da_L is dy).")
    dW = _Backward("{l: dE/dW_l (n_{l-1}, n_l)} for l = 1..L, of this example alone.")
    db = _Backward("{l: dE/db_l (n_l,)} for l = 1..L, of this example alone.")
    dx = _Backward("dE/dx (n_in,): the input gradient.")

    def backward_values(self) -> dict[str, np.ndarray]:
        """{"dy", "dW<L>", "db<L>", "dz<L-1>", "da<L-1>", "dW<L-1>", ..., "dW1", "db1", "dx"}: the
        backward pass by the course's names, in the order it computes them."""
        self._backward()
        out: dict[str, np.ndarray] = {"dy": self._dy}
        for l in range(self.L, 0, -1):
            if l < self.L:
                out[f"dz{l}"], out[f"da{l}"] = self._dz[l], self._da[l]
            out[f"dW{l}"], out[f"db{l}"] = self._dW[l], self._db[l]
        out["dx"] = self._dx
        return out

    # -- other quantities read off the same pass

    def backpropagate(self, d_out: np.ndarray) -> list[np.ndarray]:
        """Carry output gradients d_out (k, n_out) = dF/da_L of any k functions F back through
        this input's pass: [dF/dx (k, n_in), dF/dz_1 (k, n_1), ..., dF/dz_{L-1}]."""
        d = np.array(d_out, np.float64, ndmin=2)  # a copy: the layers write over it
        with np.errstate(all="ignore"):
            return self.network.backward(d, self._caches, self._masks, keep=True)

    def output_jacobian(self, layer: int) -> np.ndarray:
        """da_L/dz_layer (n_out, n_layer): how each output logit moves with each unit's activation
        of hidden layer `layer`, at this input."""
        if self._jacobian is None:
            self._jacobian = self.backpropagate(np.eye(self.network.sizes[-1]))
        return self._jacobian[layer]

    def edge_contributions(self, layer: int, rows: np.ndarray | None = None,
                           cols: np.ndarray | None = None) -> np.ndarray:
        """What every edge into layer `layer` adds to its pre-activation: z_{l-1}[j] * W_l[j, k],
        (n_{l-1}, n_l), or only the rows j and columns k given. Summed over j, plus b_l, it
        is a_l."""
        z, W = self.layer_input(layer), self.network.layers[layer - 1].W
        if rows is not None:
            z, W = z[rows], W[rows]
        if cols is not None:
            W = W[:, cols]
        return z[:, None] * W


def inspect(model: MLP, x: np.ndarray, label: int | None = None, network: MLP | None = None,
            masks: list[np.ndarray] | None = None) -> Inspection:
    """The Inspection of input x (n_in,) with label t (None: the digit the network reads);
    network: model's float64 copy from an earlier Inspection of it, if there is one; masks: the
    dropout masks of a training step, one (n_l,) per hidden layer (None: nothing dropped)."""
    return Inspection(model, x, label, network, masks)
