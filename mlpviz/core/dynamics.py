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
    after_update in turn. Given series (name -> a buffer of (L,) rows with append(), as
    Trainer.series holds), each step's numbers are appended to series["grad_norm"],
    ["update_ratio"] and ["inactive"].

    Cheap by construction (a few BLAS calls and little Python: a step of the course network
    takes about 0.3 ms). Activity: each layer's liveness (the derivative itself for sigmoid and
    tanh, the output for ReLU, the probability for the output layer) is summed over the batch
    with one BLAS product; a unit whose sum reaches B times its threshold is active on some
    example, and only the other units, rare in a healthy network, are checked example by
    example. Weight norms: recomputed only when the updates since their last computation add up
    to more than WEIGHT_NORM_TOLERANCE of them; by the triangle inequality the norm cannot have
    moved further, so update_ratio stays within that tolerance of the exact ratio. The model's
    W and dW arrays are updated in place, never replaced, so flat views of them are made once.
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
        self._w_flat = [layer.W.reshape(-1) for layer in model.layers]
        self._dw_flat = [layer.dW.reshape(-1) for layer in model.layers]
        self._pending = False  # this step's update size is still to be measured

    def _resize(self, batch: int) -> None:
        self._batch = batch
        self._ones = np.ones(batch, self._dtype)
        self._scratch = [np.empty((batch, n), self._dtype) for n in self._widths]
        # A sum of outputs that are positive where active (threshold 0) is positive exactly when
        # the unit is active: the smallest normal number stands for "above 0" (subnormal specks
        # of output carry nothing), and no example needs checking one by one.
        tiny = np.finfo(self._dtype).tiny
        self._bound = np.repeat(np.where(self._thresholds > 0, batch * self._thresholds, tiny),
                                self._widths).astype(self._dtype)
        self._sure = batch * self._thresholds.max()  # above this every unit is surely active
        self._sum_views = [self._sums[a:b] for a, b in zip(self._offsets[:-1], self._offsets[1:])]

    def observe_activity(self, acts: list[np.ndarray]) -> None:
        """From forward(keep=True) outputs [x, a1, ..., p] (p still the probabilities), update
        the inactive share of every layer."""
        batch = len(acts[0])
        if batch != self._batch:
            self._resize(batch)
        self._examples += batch
        # np.dot with a ones vector sums every unit over the batch in one BLAS call, several
        # times faster than a reduction along the batch axis.
        ones, views, scratch, dot = self._ones, self._sum_views, self._scratch, np.dot
        liveness = self._activation.liveness
        last = len(views) - 1
        for i in range(last):
            dot(ones, liveness(acts[i + 1], scratch[i]), out=views[i])
        dot(ones, acts[-1], out=views[last])
        if self._sums.min() >= self._sure:  # the usual case: nothing to check one by one
            self._all_active = self._examples
            if self._any_inactive:
                self.inactive = [0.0] * len(self.inactive)
                self._any_inactive = False
            return
        self._check_one_by_one(acts)

    def _check_one_by_one(self, acts: list[np.ndarray]) -> None:
        active, stamps, offsets = self._active, self._last_active, self._offsets
        np.greater_equal(self._sums, self._bound, out=active)
        np.maximum(stamps, self._all_active, out=stamps)
        last = len(offsets) - 2
        for i in range(last + 1):
            unsure = np.flatnonzero(~active[offsets[i]:offsets[i + 1]]) if self._thresholds[i] > 0 else ()
            if len(unsure):
                g = acts[-1] if i == last else self._activation.liveness(acts[i + 1], self._scratch[i])
                active[offsets[i] + unsure] = (g[:, unsure] >= g.dtype.type(self._thresholds[i])).any(axis=0)
        stamps[active] = self._examples
        horizon = self._examples - self.window
        if horizon >= 0:
            quiet = stamps <= horizon
            self.inactive = [int(np.count_nonzero(quiet[offsets[i]:offsets[i + 1]])) / width
                             for i, width in enumerate(self._widths)]
            self._any_inactive = any(self.inactive)

    def before_update(self, model: MLP, optimizer: Optimizer) -> None:
        """After backpropagation: record gradient and weight norms; for plain SGD without weight
        decay, whose update moves W by exactly lr * dW, the update ratios as well."""
        sqrt, dot, drift, norms = math.sqrt, np.dot, self._drift, self.weight_norm
        self.grad_norm = grads = [sqrt(dot(g, g)) for g in self._dw_flat]
        for i, d in enumerate(drift):
            if d > self.WEIGHT_NORM_TOLERANCE:
                w = self._w_flat[i]
                norms[i] = sqrt(dot(w, w))
                drift[i] = 0.0
        if type(optimizer) is SGD and not optimizer.weight_decay:
            optimizer.measure_updates = self._pending = False
            lr = optimizer.lr
            self._record([lr * g for g in grads])
        else:
            optimizer.measure_updates = self._pending = True

    def after_update(self, optimizer: Optimizer) -> None:
        """After the optimizer's update: the relative size of the change it made to every W,
        unless before_update knew it already."""
        if self._pending:
            self._record(optimizer.update_norms)

    def _record(self, changes: list[float]) -> None:
        drift = self._drift
        self.update_ratio = ratios = [c / w if w else math.inf for c, w in zip(changes, self.weight_norm)]
        for i, r in enumerate(ratios):
            drift[i] += r
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
