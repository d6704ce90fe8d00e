"""Why the network reads an input as it does: pre-activations, contributions, attribution maps,
softmax step by step, and the test images that excite a unit most.

Layers are numbered as in the model file: layer l (1 = first hidden) is computed by the
affine layer W_l, b_l (model.layers[l - 1]); layer 0 is the input and layer L the output.
Everything here takes the network's own dtype; inputs x are (B, n_in) or (n_in,) in [0, 1].
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .losses import softmax
from .model import MLP

TARGETS = ("logit", "log_probability")
# Attribution explains log p_d by default: it weighs the digit against its rivals (a pixel that
# raises every logit alike does not make the network read d), and blanking the pixels it ranks
# first lowers p_d the most (benchmarks/explain.py, 500 test images, 784-512-256-10: p_d falls
# by 0.49, against 0.38 when ranking by the bare logit's map and 0.02 for random ink pixels).


@dataclass
class Trace:
    """One forward pass kept whole: zs[l - 1] is layer l's pre-activation z (B, n_l) and acts[l]
    its activation (acts[0] = x, acts[L] = the probabilities p)."""

    zs: list[np.ndarray]
    acts: list[np.ndarray]

    @property
    def logits(self) -> np.ndarray:
        """(B, n_out) the output layer's z, the input of softmax."""
        return self.zs[-1]

    @property
    def probabilities(self) -> np.ndarray:
        """(B, n_out)."""
        return self.acts[-1]


def _batch(model: MLP, x: np.ndarray) -> np.ndarray:
    return np.asarray(x, model.dtype).reshape(-1, model.sizes[0])


def trace(model: MLP, x: np.ndarray) -> Trace:
    """Forward pass of x (B, n_in) or (n_in,) keeping every pre-activation z and activation a."""
    h = _batch(model, x)
    zs, acts = [], [h]
    last = len(model.layers) - 1
    for i, layer in enumerate(model.layers):
        z = h @ layer.W + layer.b
        zs.append(z)
        # The activations overwrite their argument, and z must survive for the inspector.
        h = softmax(z) if i == last else model.activation.forward(z.copy())
        acts.append(h)
    return Trace(zs, acts)


def _targets(target: int | np.ndarray, n: int) -> np.ndarray:
    return np.broadcast_to(np.asarray(target, np.intp), (n,))


def output_gradient(tr: Trace, target: int | np.ndarray, of: str = "logit") -> np.ndarray:
    """dF/dz of the output layer (B, n_out), F being the target digit's logit z_d or its
    log-probability log p_d = z_d - log sum_k exp(z_k)."""
    n, k = tr.logits.shape
    rows, t = np.arange(n), _targets(target, n)
    if of == "logit":
        g = np.zeros((n, k), tr.logits.dtype)
        g[rows, t] = 1
    elif of == "log_probability":
        # dF/dz = onehot(d) - p, from the logits in float64: a confident float32 p_d rounds to
        # exactly 1, which would zero the whole gradient; 1 - p_d is written as the sum of the others.
        z = tr.logits.astype(np.float64)
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        g = -p
        g[rows, t] = 0
        g[rows, t] = -g.sum(axis=1)
        g = g.astype(tr.logits.dtype)
    else:
        raise ValueError(f"unknown attribution target {of!r}; choose from {', '.join(TARGETS)}")
    return g


def backpropagate(model: MLP, tr: Trace, d_out: np.ndarray) -> list[np.ndarray]:
    """Backpropagation of dF/dz_L (B, n_out) down to every layer's activations:
    returns [dF/dx, dF/da_1, ..., dF/da_{L-1}], each (B, n_l)."""
    grads: list[np.ndarray] = [None] * len(model.layers)  # type: ignore[list-item]
    d = d_out
    for i in range(len(model.layers) - 1, -1, -1):
        da = d @ model.layers[i].W.T
        grads[i] = da
        if i > 0:
            d = model.activation.backward(tr.acts[i], da.copy())
    return grads


def input_gradient(model: MLP, x: np.ndarray, target: int | np.ndarray, of: str = "log_probability") -> np.ndarray:
    """dF/dx (B, n_in) for F the target's logit or log-probability (see output_gradient)."""
    tr = trace(model, x)
    d_out = output_gradient(tr, target, of)
    d = d_out
    for i in range(len(model.layers) - 1, 0, -1):
        d = model.activation.backward(tr.acts[i], d @ model.layers[i].W.T)
    return d @ model.layers[0].W.T


def gradient_x_input(model: MLP, x: np.ndarray, target: int | np.ndarray, of: str = "log_probability") -> np.ndarray:
    """Attribution x * dF/dx (B, n_in): each pixel's first-order share of F."""
    xb = _batch(model, x)
    return xb * input_gradient(model, xb, target, of)


def integrated_gradients(model: MLP, x: np.ndarray, target: int, steps: int = 32, of: str = "log_probability",
                         baseline: np.ndarray | None = None) -> np.ndarray:
    """Integrated gradients of one input x (n_in,) -> (n_in,): (x - x0) times the mean gradient of
    F along the straight path from the baseline x0 (black by default) to x.

    The path is sampled at the midpoints of `steps` equal segments, all in one batched forward
    and backward pass. The map sums to F(x) - F(x0) up to the error of that midpoint rule.
    """
    xv = _batch(model, x)[0]
    x0 = np.zeros_like(xv) if baseline is None else _batch(model, baseline)[0]
    alphas = ((np.arange(steps) + 0.5) / steps).astype(model.dtype)
    path = x0 + alphas[:, None] * (xv - x0)
    grads = input_gradient(model, path, target, of)
    return (xv - x0) * grads.mean(axis=0)


def attribution(model: MLP, x: np.ndarray, target: int, method: str = "gradient", steps: int = 32,
                of: str = "log_probability") -> np.ndarray:
    """Attribution map (n_in,) of one input for one digit; method 'gradient' (gradient x input) or
    'integrated' (integrated gradients from a black image)."""
    if method == "gradient":
        return gradient_x_input(model, x, target, of)[0]
    if method == "integrated":
        return integrated_gradients(model, x, target, steps, of)
    raise ValueError(f"unknown attribution method {method!r}; choose gradient or integrated")


def contributions(model: MLP, tr: Trace, layer: int, unit: int, row: int = 0) -> np.ndarray:
    """What each unit of layer `layer - 1` adds to unit `unit`'s z in layer `layer`: a_j * W[j, unit],
    shape (n_{layer-1},). The bias is the rest: z = sum(contributions) + b."""
    return tr.acts[layer - 1][row] * model.layers[layer - 1].W[:, unit]


def edge_contributions(model: MLP, tr: Trace, layer: int, row: int = 0) -> np.ndarray:
    """Every edge's a_j * W[j, k] into layer `layer`: (n_{layer-1}, n_layer)."""
    return tr.acts[layer - 1][row][:, None] * model.layers[layer - 1].W


def unit_contributions(model: MLP, x: np.ndarray, target: int, of: str = "logit") -> list[np.ndarray]:
    """For every hidden layer l, each unit's contribution a_j * dF/da_j to the target digit's
    logit F = z_d (or its log-probability): [(n_1,), ..., (n_{L-1},)].

    For the last hidden layer dz_d/da_j = W_L[j, d], so this is exactly the unit's direct share
    a_j * W_L[j, d] of the logit. For earlier layers it is gradient x activation: with ReLU the
    logit is piecewise linear in a_l, and these shares plus the biases' downstream shares add
    up to z_d.
    """
    tr = trace(model, x)
    grads = backpropagate(model, tr, output_gradient(tr, target, of))
    return [tr.acts[l][0] * grads[l][0] for l in range(1, len(model.layers))]


def top_units(model: MLP, x: np.ndarray, target: int, per_layer: int = 10) -> list[dict]:
    """The hidden units contributing most to the target digit's logit: the `per_layer` largest
    contributions of every hidden layer (all units of a smaller layer), merged and sorted from
    the largest. Each: {"layer" (1 = first hidden), "unit", "activation", "contribution"}."""
    tr = trace(model, x)
    grads = backpropagate(model, tr, output_gradient(tr, target, "logit"))
    rows = []
    for l in range(1, len(model.layers)):
        a = tr.acts[l][0]
        c = a * grads[l][0]
        for j in np.argsort(-c, kind="stable")[:per_layer]:
            rows.append({"layer": l, "unit": int(j), "activation": float(a[j]), "contribution": float(c[j])})
    rows.sort(key=lambda r: -r["contribution"])
    return rows


@dataclass
class SoftmaxSteps:
    """Softmax of the logits at temperature T, step by step, as the course writes it:
    y_k = exp(a_k - C) / sum_i exp(a_i - C) with a = z / T and C = max(a). All (K,)."""

    z: np.ndarray
    temperature: float
    scaled: np.ndarray  # a = z / T
    shifted: np.ndarray  # a - max(a)
    exp: np.ndarray  # exp(a - max(a))
    total: float  # sum of exp
    p: np.ndarray  # exp / total

    def cross_entropy(self, label: int) -> float:
        """E = -sum_k t_k log y_k with t one-hot at `label`, that is -log p_label."""
        return cross_entropy(self.p, label)


def softmax_steps(z: np.ndarray, temperature: float = 1.0) -> SoftmaxSteps:
    """The steps of softmax on logits z (K,), computed in float64 for display."""
    if not temperature > 0:
        raise ValueError(f"temperature must be positive, got {temperature}")
    z = np.asarray(z, np.float64).ravel()
    a = z / temperature
    shifted = a - a.max()
    e = np.exp(shifted)
    total = float(e.sum())
    return SoftmaxSteps(z, float(temperature), a, shifted, e, total, e / total)


def cross_entropy(p: np.ndarray, label: int) -> float:
    """-log p[label] (p (K,)), floored like the model's loss so a certain mistake stays finite."""
    return -float(np.log(max(float(p[label]), np.finfo(np.float64).tiny)))


def layer_activations(model: MLP, x: np.ndarray, layer: int, chunk: int = 2000) -> np.ndarray:
    """Activations (N, n_layer) of hidden layer `layer` for inputs x (N, n_in), uint8 pixels
    (scaled to [0, 1]) or floats in [0, 1], in chunks to bound memory."""
    x = x.reshape(len(x), -1)
    scale = model.dtype.type(1 / 255) if x.dtype == np.uint8 else model.dtype.type(1)
    out = np.empty((len(x), model.sizes[layer]), model.dtype)
    for i in range(0, len(x), chunk):
        h = x[i:i + chunk].astype(model.dtype) * scale
        for W in model.layers[:layer]:
            h = model.activation.forward(h @ W.W + W.b)
        out[i:i + chunk] = h
    return out


def top_exciting(activations: np.ndarray, unit: int, k: int = 16) -> np.ndarray:
    """Indices of the k inputs whose activation of `unit` is highest, highest first, from
    layer_activations' (N, n_units)."""
    col = activations[:, unit]
    k = min(k, len(col))
    idx = np.argpartition(-col, k - 1)[:k] if k < len(col) else np.arange(len(col))
    return idx[np.argsort(-col[idx], kind="stable")]


def most_active(a: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n largest entries of a (units,), largest first (the diagram shows these)."""
    n = min(n, len(a))
    idx = np.argpartition(-a, n - 1)[:n] if n < len(a) else np.arange(len(a))
    return idx[np.argsort(-a[idx], kind="stable")]
