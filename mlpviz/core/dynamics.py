"""How a network learns over time: per-layer numbers measured inside every training step.

Layer l (1 = input -> first hidden, as in model files) is the weight matrix W_l and the units
it feeds. For each step, and each layer, StepStatistics measures:

  grad_norm     ||dL/dW_l||, the L2 norm of the weight gradient of the batch loss (after
                backpropagation, before the update; weight decay is not part of it)
  update_ratio  ||W_l after - W_l before|| / ||W_l before||: how far the step moved the
                weights, relative to their size (the rate, momentum, Adam and weight decay all
                show here)
  inactive      the share of layer l's output units that were inactive on every example of
                the most recent batches covering at least WINDOW examples: a hidden unit by its
                activation's rule (ReLU at zero, sigmoid and tanh saturated in the outer 1% of
                their range: see Activation.inactive_rule), an output unit when its softmax
                probability stayed below 0.01 (a class the network has written off). Until a
                run has seen WINDOW examples, no unit counts as inactive.

Everything here costs a few dot products and elementwise passes over arrays the step already
has in cache (see benchmarks/engine.py for the measured share of a step).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .model import MLP
from .optim import SGD, Optimizer

WINDOW = 1000  # examples a unit must stay inactive for to count as inactive
OUTPUT_FLOOR = 0.01  # an output unit whose probability stays below this is inactive


def l2_norm(a: np.ndarray) -> float:
    """sqrt(sum of squares) of a contiguous array of any shape, as one BLAS dot product."""
    flat = a.reshape(-1)
    return math.sqrt(float(np.dot(flat, flat)))


class StepStatistics:
    """Measures grad_norm, update_ratio and inactive (each (L,) per step) for a model of L
    layers; Trainer.step calls observe_activity, before_update and after_update in turn."""

    def __init__(self, model: MLP, window: int = WINDOW):
        n_layers = len(model.layers)
        self.window = window
        self._activation, self._dtype = model.activation, model.dtype
        self.grad_norm = np.zeros(n_layers)
        self.weight_norm = np.zeros(n_layers)
        self.update_ratio = np.zeros(n_layers)
        self.inactive = np.zeros(n_layers)
        self._widths = model.sizes[1:]
        self._examples = 0  # examples observed so far
        # For each unit, the value of _examples after the last batch in which it was active.
        self._last_active = [np.zeros(n, np.int64) for n in self._widths]
        self._scratch = np.empty(0, model.dtype)
        self._ones = np.ones(0, model.dtype)
        self._sgd_lr = math.nan  # set when an SGD step's change is known without measuring it

    def observe_activity(self, acts: list[np.ndarray]) -> None:
        """From forward(keep=True) outputs [x, a1, ..., p] (p still the probabilities), update
        the inactive share of every layer."""
        B = len(acts[0])
        self._examples += B
        if len(self._ones) != B:
            self._ones = np.ones(B, self._dtype)
            self._scratch = np.empty(B * max(self._widths), self._dtype)
        last = len(self._widths) - 1
        horizon = self._examples - self.window
        for i, a in enumerate(acts[1:]):
            out = self._scratch[:a.size].reshape(a.shape)
            if i < last:
                activity = self._activation.activity(a, out)
            else:
                activity = np.greater_equal(a, a.dtype.type(OUTPUT_FLOOR), out=out)
            # A BLAS product with a ones vector counts the active examples of every unit at once,
            # several times faster than a reduction along the batch axis.
            counts = self._ones @ activity
            stamps = self._last_active[i]
            stamps[counts > 0] = self._examples
            self.inactive[i] = np.count_nonzero(stamps <= horizon) / len(stamps) if horizon >= 0 else 0.0

    def before_update(self, model: MLP, optimizer: Optimizer) -> None:
        """After backpropagation: record gradient and weight norms, and arrange for the size of
        the coming update to be known."""
        for i, layer in enumerate(model.layers):
            self.grad_norm[i] = l2_norm(layer.dW)
            self.weight_norm[i] = l2_norm(layer.W)
        # Plain SGD without weight decay moves W by exactly lr * dW: its size needs no measuring.
        exact = type(optimizer) is SGD and not optimizer.weight_decay
        self._sgd_lr = optimizer.lr if exact else math.nan
        optimizer.measure_updates = not exact

    def after_update(self, optimizer: Optimizer) -> None:
        """After the optimizer's update: the relative size of the change of every W."""
        with np.errstate(divide="ignore", invalid="ignore"):
            if not math.isnan(self._sgd_lr):
                np.multiply(self.grad_norm, self._sgd_lr, out=self.update_ratio)
            else:
                self.update_ratio[:] = optimizer.update_norms
            self.update_ratio /= self.weight_norm


@dataclass(frozen=True)
class Histogram:
    """Weights of one layer binned on shared edges (bins + 1,): counts now and at the start."""

    edges: np.ndarray
    now: np.ndarray
    initial: np.ndarray


def weight_histograms(model: MLP, initial: MLP, bins: int = 40) -> list[Histogram]:
    """For every layer (layer 1 first), histograms of W now and in `initial` (e.g. the
    timeline's first copy) on the same edges, spanning both."""
    result = []
    for now, start in zip(model.layers, initial.layers):
        lo = float(min(now.W.min(), start.W.min()))
        hi = float(max(now.W.max(), start.W.max()))
        if not lo < hi:  # all weights equal: a bin around that value
            lo, hi = lo - 0.5, hi + 0.5
        edges = np.linspace(lo, hi, bins + 1)
        result.append(Histogram(edges, np.histogram(now.W, edges)[0], np.histogram(start.W, edges)[0]))
    return result
