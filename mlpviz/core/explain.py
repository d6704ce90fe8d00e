"""Why the network reads an input as it does: attribution maps, the units that contribute most,
softmax step by step, and the test images that excite a unit most.

Layers are numbered as in the model file: layer l (1 = first hidden) is computed by the
affine layer W_l, b_l (model.layers[l - 1]); layer 0 is the input and layer L the output.
What concerns one input reads its Inspection (core/inspect.py, float64); integrated gradients
take a batch along a path, through the network's own layers. Inputs x are (n_in,) in [0, 1].
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .inspect import Inspection, inspect
from .losses import softmax
from .model import MLP

TARGETS = ("logit", "log_probability")
# Attribution explains log p_d by default: it weighs the digit against its rivals (a pixel that
# raises every logit alike does not make the network read d), and blanking the pixels it ranks
# first lowers p_d the most (benchmarks/explain.py, 500 test images, 784-512-256-10: p_d falls
# by 0.49, against 0.38 when ranking by the bare logit's map and 0.02 for random ink pixels).


def _batch(model: MLP, x: np.ndarray) -> np.ndarray:
    return np.asarray(x, model.dtype).reshape(-1, model.sizes[0])


def _targets(target: int | np.ndarray, n: int) -> np.ndarray:
    return np.broadcast_to(np.asarray(target, np.intp), (n,))


def output_gradient(logits: np.ndarray, target: int | np.ndarray, of: str = "logit") -> np.ndarray:
    """dF/da_L (B, n_out) for logits a_L (B, n_out), F being the target digit's logit a_d or its
    log-probability log y_d = a_d - log sum_k exp(a_k)."""
    logits = np.atleast_2d(logits)
    n, k = logits.shape
    rows, t = np.arange(n), _targets(target, n)
    if of == "logit":
        g = np.zeros((n, k), logits.dtype)
        g[rows, t] = 1
    elif of == "log_probability":
        # dF/da = onehot(d) - y, from the logits in float64: a confident float32 y_d rounds to
        # exactly 1, which would zero the whole gradient; 1 - y_d is written as the sum of the others.
        g = -softmax(logits.astype(np.float64))
        g[rows, t] = 0
        g[rows, t] = -g.sum(axis=1)
        g = g.astype(logits.dtype)
    else:
        raise ValueError(f"unknown attribution target {of!r}; choose from {', '.join(TARGETS)}")
    return g


def input_gradient(model: MLP, x: np.ndarray, target: int | np.ndarray, of: str = "log_probability") -> np.ndarray:
    """dF/dx (B, n_in) for a batch x (B, n_in) and F the target's logit or log-probability
    (see output_gradient): one forward and backward pass of the whole batch through the layers."""
    caches = model.caches()
    model.run(_batch(model, x), caches)
    return model.backward(output_gradient(caches[-1].z, target, of), caches)  # the output's z: its logits


def gradient_x_input(ins: Inspection, target: int, of: str = "log_probability") -> np.ndarray:
    """Attribution x * dF/dx (n_in,) of the inspected input: each pixel's first-order share of F."""
    return ins.x * ins.backpropagate(output_gradient(ins.logits, target, of))[0][0]


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


def attribution_map(ins: Inspection, target: int, method: str = "gradient", steps: int = 32,
                    of: str = "log_probability") -> np.ndarray:
    """Attribution map (n_in,) of the inspected input for one digit; method 'gradient' (gradient
    x input, from the inspection's float64 pass) or 'integrated' (integrated gradients from a
    black image, a batch along the path in the network's own dtype: in float64 it took 1.7 times as long)."""
    if method == "gradient":
        return gradient_x_input(ins, target, of)
    if method == "integrated":
        return integrated_gradients(ins.model, ins.x, target, steps, of)
    raise ValueError(f"unknown attribution method {method!r}; choose gradient or integrated")


def attribution(model: MLP, x: np.ndarray, target: int, method: str = "gradient", steps: int = 32,
                of: str = "log_probability") -> np.ndarray:
    """attribution_map of input x (n_in,) through model, for one digit -> (n_in,)."""
    return attribution_map(inspect(model, x), target, method, steps, of)


def unit_contributions(ins: Inspection, target: int, of: str = "logit") -> list[np.ndarray]:
    """For every hidden layer l, each unit's contribution z_j * dF/dz_j to the target digit's
    logit F = a_d (or its log-probability): [(n_1,), ..., (n_{L-1},)].

    For the last hidden layer da_d/dz_j = W_L[j, d], so this is exactly the unit's direct share
    z_j * W_L[j, d] of the logit. For earlier layers it is gradient x activation: with ReLU the
    logit is piecewise linear in z_l, and these shares plus the biases' downstream shares add
    up to a_d.
    """
    grads = ins.backpropagate(output_gradient(ins.logits, target, of))
    return [ins.z[l] * grads[l][0] for l in range(1, ins.L)]


def top_units(ins: Inspection, target: int, per_layer: int = 10) -> list[dict]:
    """The hidden units contributing most to the target digit's logit: the `per_layer` largest
    contributions of every hidden layer (all units of a smaller layer), merged and sorted from
    the largest. Each: {"layer" (1 = first hidden), "unit", "activation", "contribution"}."""
    rows = []
    for l, c in enumerate(unit_contributions(ins, target, "logit"), 1):
        z = ins.z[l]
        for j in np.argsort(-c, kind="stable")[:per_layer]:
            rows.append({"layer": l, "unit": int(j), "activation": float(z[j]), "contribution": float(c[j])})
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


def top_exciting(activations: np.ndarray, unit: int, k: int = 16) -> np.ndarray:
    """Indices of the k inputs whose activation of `unit` is highest, highest first, from
    activations (N, n_units) (see evaluation.layer_activations)."""
    col = activations[:, unit]
    k = min(k, len(col))
    idx = np.argpartition(-col, k - 1)[:k] if k < len(col) else np.arange(len(col))
    return idx[np.argsort(-col[idx], kind="stable")]


def most_active(a: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n largest entries of a (units,), largest first (the diagram shows these)."""
    n = min(n, len(a))
    idx = np.argpartition(-a, n - 1)[:n] if n < len(a) else np.arange(len(a))
    return idx[np.argsort(-a[idx], kind="stable")]
