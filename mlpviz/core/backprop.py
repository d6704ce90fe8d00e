"""Backpropagation number by number: one example's forward pass, loss, backward pass and
gradient-descent update as a sequence of cards, in the course's order and names.

Each card holds the formula, the one NumPy line of the course's code that computes it, and its
array, read off the example's Inspection (nothing here runs a pass of its own, except the
update's new pass and the gradient check's perturbed ones, both through the network's layers).
Arrays of the example have the course's batch shape (N, n) with N = 1; parameters (n_in, n_out)
and (n_out,). For any card, where a number came from (origin) and a gradient check by central
differences; and the update applied to a float64 copy, for this example or a whole mini-batch,
with the example's loss and probabilities before and after. The course's two update mistakes
(optim.MISTAKES) can be made on request, as training makes them. An Inspection with dropout
masks (a training step's) gets a card per hidden layer for its mask m_l, applied as z_l * m_l.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .inspect import Inspection
from .layers import Cache
from .losses import softmax
from .model import MLP
from .optim import MISTAKES, make_optimizer

# The activation's name in a formula, and its derivative's in the course's code.
SYMBOL = {"sigmoid": ("σ", "sigmoid"), "tanh": ("tanh", "tanh"), "relu": ("ReLU", "relu"),
          "leaky_relu": ("LeakyReLU", "leaky_relu")}
GRAD_CHECK_EPS = 1e-6  # float64: the central difference's own error is far below 1e-6 relative


@dataclass(frozen=True)
class Card:
    """One step of the computation.

    name: the array's name ("a1", "dW2", "W1" for W1's update, ...); kind: what it is, without
    the layer ("a", "z", "m", "y", "E", "e", "J", "dy", "dW", "db", "dz", "da", "dx", "W", "b", "x");
    layer: its layer l (0 = the input, L = the output); value: the array, (1, n) for one
    example's, the parameter's shape for a gradient, () for E; for an update card the amount
    subtracted from the parameter. units: the layers whose units the card involves; edges: the
    layer whose incoming weights it involves, or None. correct: with a mistake, what the right
    formula gives on this card (else None).
    """

    name: str
    kind: str
    phase: str
    layer: int
    formula: str
    code: str
    value: np.ndarray
    sources: tuple[str, ...]
    units: tuple[int, ...]
    edges: int | None = None
    correct: np.ndarray | None = None

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.value.shape)


@dataclass(frozen=True)
class Update:
    """One gradient-descent step W <- W - lr dW on a float64 copy: the network after it, the
    amount subtracted from each parameter ({"W1": ..., "b1": ...}), and the example's loss and
    probabilities (n_out,) before and after. batch: the number of examples whose mean gradient
    was used (1: this example's own)."""

    after: MLP
    steps: dict[str, np.ndarray]
    loss_before: float
    loss_after: float
    p_before: np.ndarray
    p_after: np.ndarray
    batch: int


def _below(l: int) -> str:
    """The array arriving at layer l from below in the course's names: x for l = 1, else z{l-1}."""
    return "x" if l == 1 else f"z{l - 1}"


class Walkthrough:
    """The cards of one Inspection: forward (x, a1, z1, ..., aL, y), loss (E), backward (dy, or
    for mse e, J and dy; then dWL, dbL, dz{L-1}, da{L-1}, ..., dW1, db1, dx) and update
    (WL, bL, ..., W1, b1), with learning rate lr and optionally one of optim.MISTAKES."""

    def __init__(self, ins: Inspection, lr: float = 0.1, mistake: str | None = None):
        if mistake is not None and mistake not in MISTAKES:
            raise ValueError(f"unknown mistake {mistake!r}; choose from {', '.join(MISTAKES)}")
        if mistake is not None and ins.L < 2:
            raise ValueError(f"the {mistake} mistake needs at least one hidden layer")
        if not (lr > 0 and np.isfinite(lr)):
            raise ValueError(f"the learning rate must be a number above 0, got {lr}")
        self.ins, self.lr, self.mistake = ins, float(lr), mistake
        net = ins.network
        self.L = L = ins.L
        self.activation = net.activation.name
        self.loss = net.loss.name
        self.t = np.eye(net.sizes[-1])[ins.t][None]  # one-hot (1, n_out)
        sym, code = SYMBOL[self.activation]
        row = lambda v: np.asarray(v, np.float64).reshape(1, -1)  # noqa: E731
        cards = [Card("x", "x", "forward", 0, "x", "x = image.reshape(1, -1) / 255", row(ins.x), (), (0,))]
        for l in range(1, L + 1):
            below = _below(l)
            cards.append(Card(f"a{l}", "a", "forward", l, f"a{l} = {below}·W{l} + b{l}",
                              f"a{l} = np.dot({below}, W{l}) + b{l}", row(ins.a[l]), (below, f"W{l}", f"b{l}"),
                              (l - 1, l), l))
            if l < L:
                cards.append(Card(f"z{l}", "z", "forward", l, f"z{l} = {sym}(a{l})", f"z{l} = {code}(a{l})",
                                  row(ins.z[l]), (f"a{l}",), (l,)))
                if ins.masks is not None:  # dropout: what the next layer receives
                    cards.append(Card(f"m{l}", "m", "forward", l, f"z{l} ← z{l} ⊙ m{l}", f"z{l} = z{l} * mask{l}",
                                      row(ins.masks[l - 1]), (f"z{l}",), (l,)))
        cards.append(Card("y", "y", "forward", L, f"y = softmax(a{L})", f"y = softmax(a{L})", row(ins.y),
                          (f"a{L}",), (L,)))
        if self.loss == "cross_entropy":
            cards.append(Card("E", "E", "loss", L, "E = −Σ t·log y / N", "E = -np.sum(t * np.log(y)) / N",
                              np.array(ins.E), ("y", "t"), (L,)))
            cards.append(Card("dy", "dy", "backward", L, "dy = (y − t) / N", "dy = (y - t) / N", row(ins.dy),
                              ("y", "t"), (L,)))
        else:
            y = ins.y
            e, J = y - self.t[0], np.diag(y) - np.outer(y, y)
            cards.append(Card("E", "E", "loss", L, "E = ½·Σ (y − t)² / N", "E = 0.5 * np.sum((y - t) ** 2) / N",
                              np.array(ins.E), ("y", "t"), (L,)))
            cards.append(Card("e", "e", "backward", L, "∂E/∂y = (y − t) / N", "e = (y - t) / N", row(e),
                              ("y", "t"), (L,)))
            cards.append(Card("J", "J", "backward", L, "J = diag(y) − y·yᵀ", "J = np.diag(y) - np.outer(y, y)", J,
                              ("y",), (L,)))
            cards.append(Card("dy", "dy", "backward", L, "dy = e·J", "dy = np.dot(e, J)", row(ins.dy),
                              ("e", "J"), (L,)))
        for l in range(L, 0, -1):
            delta = "dy" if l == L else f"da{l}"
            below = _below(l)
            cards.append(Card(f"dW{l}", "dW", "backward", l, f"dW{l} = {below}ᵀ·{delta}",
                              f"dW{l} = np.dot({below}.T, {delta})", ins.dW[l], (below, delta), (l - 1, l), l))
            db, correct, source = ins.db[l], None, delta
            if mistake == "db1" and l == 1:
                # the notebook's: summed from dz1, before the activation's derivative
                db, correct, source = ins.dz[1].copy(), db, "dz1"
            cards.append(Card(f"db{l}", "db", "backward", l, f"db{l} = Σₙ {source}",
                              f"db{l} = np.sum({source}, axis=0)", db, (source,), (l,), correct=correct))
            if l > 1:
                k = l - 1
                masked = ins.masks is not None
                formula, line = f"dz{k} = {delta}·W{l}ᵀ", f"dz{k} = np.dot({delta}, W{l}.T)"
                if masked:  # a dropped unit passed nothing up, so nothing comes back to it
                    formula, line = formula + f" ⊙ m{k}", line + f" * mask{k}"
                cards.append(Card(f"dz{k}", "dz", "backward", k, formula, line, row(ins.dz[k]),
                                  (delta, f"W{l}", *((f"m{k}",) if masked else ())), (k, l), l))
                cards.append(Card(f"da{k}", "da", "backward", k, f"da{k} = {sym}′(a{k}) ⊙ dz{k}",
                                  f"da{k} = {code}_grad(a{k}) * dz{k}", row(ins.da[k]), (f"a{k}", f"dz{k}"), (k,)))
        cards.append(Card("dx", "dx", "backward", 0, "dx = da1·W1ᵀ" if L > 1 else "dx = dy·W1ᵀ",
                          "dx = np.dot(da1, W1.T)" if L > 1 else "dx = np.dot(dy, W1.T)", row(ins.dx),
                          ("da1" if L > 1 else "dy", "W1"), (0, 1), 1))
        grads = self._gradients()
        for l in range(L, 0, -1):
            for p in "Wb":
                name, grad = f"{p}{l}", grads[f"{p}{l}"]
                used, correct = grad, None
                if mistake == "w_update" and name == "W1":
                    used, correct = net.layers[0].W, grad
                elif mistake == "db1" and name == "b1":  # the mistaken db1 subtracted
                    correct = ins.db[1]
                g = "W1" if used is not grad else f"d{name}"
                cards.append(Card(name, p, "update", l, f"{name} ← {name} − η·{g}", f"{name} = {name} - lr * {g}",
                                  self.lr * used, (name, g), (l,) if p == "b" else (l - 1, l), l if p == "W" else None,
                                  None if correct is None else self.lr * correct))
        self.cards: list[Card] = cards
        self._by_name = {c.name: c for c in cards}
        self._checks: dict[str, float] = {}

    def _gradients(self) -> dict[str, np.ndarray]:
        """{"W1": dW1, "b1": db1, ...}: this example's gradients as the update uses them (the db1
        mistake's own db1 included; the w_update mistake is made by the update itself)."""
        ins = self.ins
        out = {}
        for l in range(1, self.L + 1):
            out[f"W{l}"], out[f"b{l}"] = ins.dW[l], ins.db[l]
        if self.mistake == "db1":
            out["b1"] = ins.dz[1]
        return out

    def card(self, name: str) -> Card:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"no card {name!r}; the cards are {', '.join(self._by_name)}") from None

    def of_phase(self, phase: str) -> list[Card]:
        return [c for c in self.cards if c.phase == phase]

    def forward(self) -> dict[str, np.ndarray]:
        """{"x", "a1", "z1", ..., "aL", "y"}: the forward cards' arrays."""
        return {c.name: c.value for c in self.of_phase("forward")}

    def backward(self) -> dict[str, np.ndarray]:
        """{"dy", "dWL", "dbL", "dz{L-1}", ..., "dW1", "db1", "dx"} (and "e", "J" for mse), in the
        order computed; with the db1 mistake, db1 is the mistaken one."""
        return {c.name: c.value for c in self.of_phase("backward")}

    # -- where each number comes from

    def origin(self, name: str, index: tuple[int, ...]) -> list[tuple[str, float]]:
        """The numbers card `name`'s entry at `index` is computed from, as (label, value) pairs,
        the entry itself last: for da1[0, j], σ′(a1[j]), dz1[j] and da1[j]. Sums over many terms
        show the three largest and the rest together."""
        c, ins = self.card(name), self.ins
        index = tuple(int(i) for i in index)
        v = float(c.value[index]) if c.value.ndim else float(c.value)
        k = index[-1] if index else 0
        me = (f"{name}[{', '.join(map(str, index))}]" if index else name, v)
        sym, _ = SYMBOL[self.activation]
        l = c.layer
        if c.kind == "x":
            return [me]
        if c.kind == "a":
            below = ins.layer_input(l)
            terms = below * ins.network.layers[l - 1].W[:, k]
            return [*self._largest(terms, lambda i: f"{_below(l)}[{i}]·W{l}[{i}, {k}]"),
                    (f"b{l}[{k}]", float(ins.network.layers[l - 1].b[k])), me]
        if c.kind == "z":
            return [(f"a{l}[{k}]", float(ins.a[l][k])), (f"{sym}(a{l}[{k}])", v), me]
        if c.kind == "m":
            return [(f"z{l}[{k}]", float(ins.z[l][k])), me, (f"z{l}[{k}]·m{l}[{k}]", float(ins.layer_input(l + 1)[k]))]
        if c.kind == "y":
            a = ins.a[self.L]
            C = float(a.max())
            return [(f"a{self.L}[{k}]", float(a[k])), ("C = max(a)", C),
                    (f"exp(a{self.L}[{k}] − C)", float(np.exp(a[k] - C))), ("Σ exp(a − C)", float(np.exp(a - C).sum())),
                    me]
        if c.kind == "E":
            return [(f"y[{ins.t}]", float(ins.y[ins.t])), ("t", float(ins.t)), me]
        if c.kind in ("dy", "e") and not (c.kind == "dy" and self.loss == "mse"):
            return [(f"y[{k}]", float(ins.y[k])), (f"t[{k}]", float(self.t[0, k])), ("N", 1.0), me]
        if c.kind == "dy":  # mse: through softmax's Jacobian
            e, J = self.card("e").value[0], self.card("J").value
            return [*self._largest(e * J[:, k], lambda i: f"e[{i}]·J[{i}, {k}]"), me]
        if c.kind == "J":
            i, j = index
            return [(f"y[{i}]", float(ins.y[i])), (f"y[{j}]", float(ins.y[j])), me]
        if c.kind == "dW":
            i, j = index
            below = float(ins.layer_input(l)[i])
            delta = "dy" if l == self.L else f"da{l}"
            return [(f"{_below(l)}[0, {i}]", below),
                    (f"{delta}[0, {j}]", float(self.card(delta).value[0, j])), me]
        if c.kind == "db":
            source = c.sources[0]
            return [(f"{source}[0, {k}]", float(self.card(source).value[0, k])), me]
        if c.kind in ("dz", "dx"):
            upper = l + 1
            delta = self.card(c.sources[0]).value[0]
            terms = delta * ins.network.layers[upper - 1].W[k]
            shown = self._largest(terms, lambda j: f"{c.sources[0]}[0, {j}]·W{upper}[{k}, {j}]")
            if c.kind == "dz" and ins.masks is not None:
                shown.append((f"m{l}[{k}]", float(ins.masks[l - 1][k])))
            return [*shown, me]
        if c.kind == "da":
            return [(f"{sym}′(a{l}[{k}])", self._derivative(l, k)), (f"dz{l}[0, {k}]", float(ins.dz[l][k])), me]
        # an update: the parameter, the rate, what is subtracted and the new value
        param = ins.network.layers[l - 1].W if c.kind == "W" else ins.network.layers[l - 1].b
        old = float(param[index])
        g = c.sources[1]
        used = float(c.value[index]) / self.lr
        return [(f"{name}[{', '.join(map(str, index))}]", old), ("η", self.lr),
                (f"{g}[{', '.join(map(str, index))}]", used), (f"{name} − η·{g}", old - v)]

    def _derivative(self, l: int, k: int) -> float:
        """f'(a_l[k]) at this example, from the activation's own backward pass."""
        z = np.array([[self.ins.z[l][k]]])
        return float(self.ins.network.activation.backward(z, np.ones((1, 1)))[0, 0])

    @staticmethod
    def _largest(terms: np.ndarray, label) -> list[tuple[str, float]]:
        order = np.argsort(-np.abs(terms), kind="stable")
        shown = [(label(int(i)), float(terms[i])) for i in order[:3]]
        if len(terms) > 3:
            shown.append((f"+ {len(terms) - 3} …", float(terms[order[3:]].sum())))
        return shown

    # -- the gradient check

    def gradient_check(self, name: str, samples: int = 8, seed: int = 0) -> float:
        """Relative error ||num - bp|| / (||num|| + ||bp||) between the card's gradient (bp) and
        central differences of E (num) on `samples` of its entries (half the largest, half at
        random, seeded); 0 where both are zero. For a mistaken card the error is large: that is
        how a check finds it."""
        key = (name, samples, seed)
        if key in self._checks:
            return self._checks[key]
        c = self.card(name)
        if c.phase != "backward" or c.kind == "J":
            raise ValueError(f"{name} is not a gradient: check dy, dW, db, dz, da or dx")
        flat = np.abs(c.value).reshape(-1)
        rng = np.random.default_rng(seed)
        top = np.argsort(-flat, kind="stable")[: (samples + 1) // 2]
        rest = np.setdiff1d(np.arange(flat.size), top)
        picked = np.concatenate([top, rng.choice(rest, min(samples // 2, len(rest)), replace=False)])
        bp = c.value.reshape(-1)[picked]
        num = np.array([self._numeric(c, np.unravel_index(int(i), c.value.shape)) for i in picked])
        scale = np.linalg.norm(num) + np.linalg.norm(bp)
        err = float(np.linalg.norm(num - bp) / scale) if scale > 1e-300 else 0.0
        self._checks[key] = err
        return err

    def gradient_checks(self, samples: int = 8) -> dict[str, float]:
        """{name: relative error} for every gradient card."""
        return {c.name: self.gradient_check(c.name, samples) for c in self.of_phase("backward") if c.kind != "J"}

    def _numeric(self, c: Card, index: tuple[int, ...]) -> float:
        """dE/d(entry) by central differences, the entry moved without writing any array in place."""
        h, ins = GRAD_CHECK_EPS, self.ins
        k = int(index[-1])
        if c.kind == "e":  # dE/dy of mse, y itself moved
            return self._central(lambda s: self._loss_of_y(ins.y + s * np.eye(len(ins.y))[k]), h)
        if c.kind in ("dW", "db"):
            l = c.layer
            # moving W_l[i, k] by s moves a_l[k] by s z_{l-1}[i]; b_l[k] moves it by s
            rate = float(ins.layer_input(l)[index[0]]) if c.kind == "dW" else 1.0
            return self._central(lambda s: self._loss_from(l, ins.a[l] + s * rate * np.eye(len(ins.a[l]))[k], True), h)
        if c.kind == "dy":
            a = ins.a[self.L]
            return self._central(lambda s: self._loss_from(self.L, a + s * np.eye(len(a))[k], True), h)
        if c.kind == "da":
            a = ins.a[c.layer]
            return self._central(lambda s: self._loss_from(c.layer, a + s * np.eye(len(a))[k], True), h)
        z = ins.z[c.layer]  # dz (l >= 1) and dx (z_0 = x)
        return self._central(lambda s: self._loss_from(c.layer, z + s * np.eye(len(z))[k], False), h)

    @staticmethod
    def _central(f, h: float) -> float:
        return (f(h) - f(-h)) / (2 * h)

    def _loss_from(self, l: int, h: np.ndarray, pre: bool) -> float:
        """E when layer l's pre-activation (pre) or activation is h, carried up through the layers."""
        net, L, masks = self.ins.network, self.L, self.ins.masks
        h = np.array(h, np.float64)[None]
        if pre:
            if l == L:
                return self._loss_of_y(softmax(h)[0])
            h = net.activation.forward(h)
        if l >= 1 and masks is not None:
            h = h * masks[l - 1]
        for i in range(l, L):
            h = net.layers[i].forward(h, Cache())
            if i < L - 1 and masks is not None:  # hidden layer i + 1's output, on its way up
                h = h * masks[i]
        return self._loss_of_y(softmax(h)[0])

    def _loss_of_y(self, y: np.ndarray) -> float:
        return float(self.ins.network.loss.value(np.array(y, np.float64)[None], np.array([self.ins.t])))

    # -- the update

    def update(self, batch_x: np.ndarray | None = None, batch_labels: np.ndarray | None = None,
               batch_masks: list[np.ndarray] | None = None) -> Update:
        """W <- W - lr dW for every parameter, on a float64 copy, with this example's gradients or
        the mean gradient of a mini-batch (batch_x (N, n_in) in [0, 1], batch_labels (N,), and the
        dropout masks (N, n_l) the step used, if any), the mistake made if one is set; then the
        example's loss and probabilities again, read without dropout, as evaluation reads them."""
        ins = self.ins
        after = ins.network.astype(np.float64)
        if batch_x is None:
            for l in range(1, self.L + 1):
                np.copyto(after.layers[l - 1].dW, ins.dW[l])
                np.copyto(after.layers[l - 1].db, ins.db[l])
            n = 1
        else:
            x = np.asarray(batch_x, np.float64).reshape(len(batch_x), -1)
            labels = np.asarray(batch_labels, np.intp).reshape(-1)
            if len(x) != len(labels) or x.shape[1] != after.sizes[0]:
                raise ValueError(f"a batch of {x.shape} images needs as many labels, got {labels.shape}")
            if len(labels) and not (0 <= labels.min() and labels.max() < after.sizes[-1]):
                raise ValueError(f"labels must be 0-{after.sizes[-1] - 1}")
            with np.errstate(all="ignore"):
                masks = None if batch_masks is None else [np.asarray(m, np.float64) for m in batch_masks]
                after.train_batch(x, labels, masks=masks)  # leaves the batch's mean gradients in the layers
            n = len(labels)
        before = [p.copy() for p in after.params]
        make_optimizer("sgd", self.lr, mistake=self.mistake).update(after.params, after.grads)
        steps = {f"{'Wb'[i % 2]}{i // 2 + 1}": b - p for i, (b, p) in enumerate(zip(before, after.params))}
        with np.errstate(all="ignore"):
            p_after = after.forward(ins.x[None])[0]
            p_before = ins.y.copy() if ins.masks is None else ins.network.forward(ins.x[None])[0]
        return Update(after, steps, self._loss_of_y(p_before), self._loss_of_y(p_after), p_before, p_after, n)


def summary(a: np.ndarray | float, full: bool = False) -> dict:
    """{"shape", "min", "max", "norm"} of an array, and with full its "values" (nested lists); a
    number that is not finite (a diverged network's) is null, as JSON has no NaN."""
    arr = np.asarray(a, np.float64)
    finite = arr[np.isfinite(arr)]
    out = {"shape": list(arr.shape),
           "min": float(finite.min()) if finite.size else None,
           "max": float(finite.max()) if finite.size else None,
           "norm": float(np.linalg.norm(arr)) if np.isfinite(arr).all() else None}
    if full:
        out["values"] = np.where(np.isfinite(arr), arr, None).tolist()
    return out
