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
    Trainer.series holds), each step's numbers are kept as one row of a small block and moved to
    series["grad_norm"], ["update_ratio"] and ["inactive"] by flush() (Trainer.series calls it
    before handing the series out), so that a step pays for one row, not three appends.

    Cheap by construction: a step of the course network takes about 0.3 ms, and inside a step
    even a small NumPy call costs 1-3 us (about twice as much as in a tight loop, measured), so
    the statistics make few calls. Activity: each layer's liveness (the
    derivative itself for sigmoid and tanh, which MLP.train_batch computes once for
    backpropagation and this; the output for ReLU; the probability for the output layer) is
    summed over the batch with one BLAS product; a unit whose sum reaches B times its threshold
    is active on some example, and only the other units, rare in a healthy network, are checked
    example by example. Gradient norms: for plain SGD, from the norm of the update (lr * dW),
    which the optimizer takes while the change is in cache. Weight norms: recomputed only when
    the updates since their last computation add up to more than WEIGHT_NORM_TOLERANCE of them;
    by the triangle inequality the norm cannot have moved further, so update_ratio stays within
    that tolerance of the exact ratio. The model's W and dW arrays are updated in place, never
    replaced, so flat views of them are made once.
    """

    WEIGHT_NORM_TOLERANCE = 0.02  # update_ratio within 2%: a hair on its log-scale plot
    BLOCK_ROWS = 256  # steps kept before they must be flushed to the series

    def __init__(self, model: MLP, series: dict | None = None, window: int = WINDOW):
        n_layers = len(model.layers)
        self.window = window
        self._series = series
        self._rows = np.empty((self.BLOCK_ROWS, len(SERIES), n_layers), np.float32)
        self._filled = 0
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
        self._lr = 0.0  # the step's rate when its update gives the gradient norms, else 0

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

    def observe_activity(self, acts: list[np.ndarray], lives: list[np.ndarray] | None = None) -> None:
        """From the activations [x, z1, ..., z_{L-1}, y] of a training step's forward pass (y the
        probabilities; MLP.train_batch hands them to its on_forward), update
        the inactive share of every layer. lives: the activation's liveness of each hidden
        output, if the caller has it (MLP.train_batch does); computed here otherwise."""
        batch = len(acts[0])
        if batch != self._batch:
            self._resize(batch)
        self._examples += batch
        if lives is None:
            lives = [self._activation.liveness(a, out) for a, out in zip(acts[1:-1], self._scratch)]
        # np.dot with a ones vector sums every unit over the batch in one BLAS call, several
        # times faster than a reduction along the batch axis.
        ones, views, dot = self._ones, self._sum_views, np.dot
        for g, view in zip(lives, views):
            dot(ones, g, out=view)
        dot(ones, acts[-1], out=views[-1])
        if self._sums.min() >= self._sure:  # the usual case: nothing to check one by one
            self._all_active = self._examples
            if self._any_inactive:
                self.inactive = [0.0] * len(self.inactive)
                self._any_inactive = False
            return
        self._check_one_by_one([*lives, acts[-1]])

    def _check_one_by_one(self, lives: list[np.ndarray]) -> None:
        """lives: every layer's liveness (B, n), the output layer's being its probabilities."""
        active, stamps, offsets = self._active, self._last_active, self._offsets
        np.greater_equal(self._sums, self._bound, out=active)
        np.maximum(stamps, self._all_active, out=stamps)
        for i, g in enumerate(lives):
            unsure = np.flatnonzero(~active[offsets[i]:offsets[i + 1]]) if self._thresholds[i] > 0 else ()
            if len(unsure):
                active[offsets[i] + unsure] = (g[:, unsure] >= g.dtype.type(self._thresholds[i])).any(axis=0)
        stamps[active] = self._examples
        horizon = self._examples - self.window
        if horizon >= 0:
            quiet = stamps <= horizon
            self.inactive = [int(np.count_nonzero(quiet[offsets[i]:offsets[i + 1]])) / width
                             for i, width in enumerate(self._widths)]
            self._any_inactive = any(self.inactive)

    def before_update(self, optimizer: Optimizer) -> None:
        """After backpropagation: refresh the weight norms that may have drifted, take the
        gradient norms (or leave them to the update, below) and ask the update to measure
        the change it makes."""
        sqrt, dot, drift = math.sqrt, np.dot, self._drift
        for i, d in enumerate(drift):
            if d > self.WEIGHT_NORM_TOLERANCE:
                w = self._w_flat[i]
                self.weight_norm[i] = sqrt(dot(w, w))
                drift[i] = 0.0
        optimizer.measure_updates = True
        # Plain SGD without weight decay moves W by exactly lr * dW: the norm of that change,
        # which the update takes while it is in cache, is lr times the gradient's norm.
        self._lr = optimizer.lr if type(optimizer) is SGD and not optimizer.weight_decay else 0.0
        if not self._lr > 0:
            self.grad_norm = [sqrt(dot(g, g)) for g in self._dw_flat]

    def after_update(self, optimizer: Optimizer) -> None:
        """After the optimizer's update: the relative size of the change it made to every W;
        this step's row of numbers."""
        changes = optimizer.update_norms
        if self._lr > 0:
            lr = self._lr
            self.grad_norm = [c / lr for c in changes]
        self.update_ratio = ratios = [c / w if w else math.inf for c, w in zip(changes, self.weight_norm)]
        self._drift = [d + r for d, r in zip(self._drift, ratios)]
        if self._series is not None:
            if self._filled == len(self._rows):
                self.flush()
            self._rows[self._filled] = (self.grad_norm, ratios, self.inactive)
            self._filled += 1

    def flush(self) -> None:
        """Append the rows of the steps since the last flush to the series."""
        if self._filled:
            block, self._filled = self._rows[:self._filled], 0
            for j, name in enumerate(SERIES):
                self._series[name].extend(block[:, j])


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
