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

SERIES = ("grad_norm", "update_ratio", "inactive")  # the per-step series StepStatistics fills
WINDOW = 1000  # examples a unit must stay inactive for to count as inactive
OUTPUT_FLOOR = 0.01  # an output unit whose probability stays below this is inactive


def l2_norm(a: np.ndarray) -> float:
    """sqrt(sum of squares) of a contiguous array of any shape, as one BLAS dot product."""
    flat = a.reshape(-1)
    return math.sqrt(float(np.dot(flat, flat)))


class StepStatistics:
    """Measures grad_norm, update_ratio and inactive (lists of L floats, layer 1 first) at every
    step of a model of L layers; Trainer.step calls observe_activity, before_update and
    after_update in turn.

    Cheap by construction. Activity: each layer's liveness (the derivative itself for sigmoid
    and tanh, the output for ReLU, the probability for the output layer) is summed over the
    batch with one BLAS product; a unit whose sum reaches B times its threshold is active on
    some example, and only the other units, rare in a healthy network, are checked example by
    example. Weight norms: recomputed only when the updates since their last computation add up
    to more than WEIGHT_NORM_TOLERANCE of them; by the triangle inequality the norm cannot have
    moved further, so update_ratio stays within that tolerance of the exact ratio.
    """

    WEIGHT_NORM_TOLERANCE = 0.01

    def __init__(self, model: MLP, series: dict | None = None, window: int = WINDOW):
        n_layers = len(model.layers)
        self.window = window
        self._appenders = [series[name].append for name in SERIES] if series is not None else None
        self.grad_norm = [0.0] * n_layers
        self.weight_norm = [0.0] * n_layers
        self.update_ratio = [0.0] * n_layers
        self.inactive = [0.0] * n_layers
        self._activation, self._dtype = model.activation, model.dtype
        self._widths = model.sizes[1:]
        self._offsets = np.cumsum((0, *self._widths))  # every layer's units side by side in one vector
        self._thresholds = np.array([model.activation.live_threshold] * (n_layers - 1) + [OUTPUT_FLOOR])
        self._examples = 0  # examples observed so far
        # Per unit: the number of examples observed at the end of the last batch it was active
        # in, or at the end of the last batch in which every unit was (whichever is later).
        self._last_active = np.zeros(self._offsets[-1], np.int64)
        self._all_active = 0
        self._any_inactive = False
        self._sums = np.empty(self._offsets[-1], model.dtype)
        self._active = np.empty(self._offsets[-1], bool)
        self._batch = 0
        self._drift = [math.inf] * n_layers  # updates since each weight norm was computed, relative
        self._flat: list[tuple[np.ndarray, ...]] = []  # (W, dW, W flat, dW flat) per layer
        self._sgd_lr = math.nan  # set when an SGD step's change is known without measuring it

    def _resize(self, batch: int) -> None:
        self._batch = batch
        self._ones = np.ones(batch, self._dtype)
        self._scratch = [np.empty((batch, n), self._dtype) for n in self._widths]
        self._bound = np.repeat(batch * self._thresholds, self._widths).astype(self._dtype)
        self._sure = batch * self._thresholds.max()  # above this every unit is surely active
        self._sum_views = [self._sums[a:b] for a, b in zip(self._offsets[:-1], self._offsets[1:])]

    def observe_activity(self, acts: list[np.ndarray]) -> None:
        """From forward(keep=True) outputs [x, a1, ..., p] (p still the probabilities), update
        the inactive share of every layer."""
        batch = len(acts[0])
        self._examples += batch
        if batch != self._batch:
            self._resize(batch)
        ones, views, scratch, liveness = self._ones, self._sum_views, self._scratch, self._activation.liveness
        # np.dot with a ones vector sums every unit over the batch in one BLAS call, several
        # times faster than a reduction along the batch axis.
        live = [liveness(a, out) for a, out in zip(acts[1:-1], scratch)]
        live.append(acts[-1])
        for g, view in zip(live, views):
            np.dot(ones, g, out=view)
        if self._sums.min() >= self._sure:  # the usual case: nothing to check one by one
            self._all_active = self._examples
            if self._any_inactive:
                self.inactive = [0.0] * len(self.inactive)
                self._any_inactive = False
            return
        active, stamps = self._active, self._last_active
        np.greater_equal(self._sums, self._bound, out=active)
        np.maximum(stamps, self._all_active, out=stamps)
        offsets = self._offsets
        for i, g in enumerate(live):
            unsure = np.flatnonzero(~active[offsets[i]:offsets[i + 1]])
            if len(unsure):
                threshold = g.dtype.type(self._thresholds[i])
                active[offsets[i] + unsure] = (g[:, unsure] >= threshold).any(axis=0)
        stamps[active] = self._examples
        horizon = self._examples - self.window
        if horizon >= 0:
            quiet = stamps <= horizon
            self.inactive = [np.count_nonzero(quiet[offsets[i]:offsets[i + 1]]) / width
                             for i, width in enumerate(self._widths)]
            self._any_inactive = any(self.inactive)

    def before_update(self, model: MLP, optimizer: Optimizer) -> None:
        """After backpropagation: record gradient and weight norms, and arrange for the size of
        the coming update to be known."""
        flat, layers = self._flat, model.layers
        stale = len(flat) != len(layers)
        if not stale:
            for (W, dW, _, _), layer in zip(flat, layers):
                if W is not layer.W or dW is not layer.dW:
                    stale = True
        if stale:
            # Flat views stay valid as long as the arrays do (updates happen in place).
            self._flat = flat = [(layer.W, layer.dW, layer.W.reshape(-1), layer.dW.reshape(-1))
                                 for layer in layers]
            self._drift = [math.inf] * len(flat)
        sqrt, dot, drift, norms = math.sqrt, np.dot, self._drift, self.weight_norm
        self.grad_norm = [sqrt(dot(g, g)) for _, _, _, g in flat]
        for i, (_, _, w, _) in enumerate(flat):
            if drift[i] > self.WEIGHT_NORM_TOLERANCE:
                norms[i] = sqrt(dot(w, w))
                drift[i] = 0.0
        # Plain SGD without weight decay moves W by exactly lr * dW: its size needs no measuring.
        exact = type(optimizer) is SGD and not optimizer.weight_decay
        self._sgd_lr = optimizer.lr if exact else math.nan
        optimizer.measure_updates = not exact

    def after_update(self, optimizer: Optimizer) -> None:
        """After the optimizer's update: the relative size of the change of every W."""
        lr = self._sgd_lr
        changes = [lr * g for g in self.grad_norm] if lr == lr else optimizer.update_norms
        self.update_ratio = ratios = [c / w if w else math.inf for c, w in zip(changes, self.weight_norm)]
        self._drift = [d + r for d, r in zip(self._drift, ratios)]
        if self._appenders is not None:
            add_grad_norm, add_update_ratio, add_inactive = self._appenders
            add_grad_norm(self.grad_norm)
            add_update_ratio(ratios)
            add_inactive(self.inactive)


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
