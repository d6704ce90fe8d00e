"""Noticing that training has diverged, from the stream of batch losses.

A learning rate far too high does not always end in NaN: the softmax saturates, every wrong
digit costs ~15 nats, and training runs on at chance accuracy with finite numbers. The rule
here catches that as well, and was set so that no healthy run comes near it: the presets' batch
losses start at chance level (ln 10 = 2.3 nats) or below and fall from there.
"""
from __future__ import annotations

import math
from collections import deque

import numpy as np

from .data import NUM_CLASSES
from .losses import Loss
from .messages import QT_TRANSLATE_NOOP, Message


class Diverged(ArithmeticError):
    """Training has diverged: the loss became NaN or infinite, or rose far above where it
    started and stayed there. Training stops at that step: its update is not applied."""

    def __init__(self, step: int, loss: float, message: Message | None = None):
        super().__init__(message or QT_TRANSLATE_NOOP(
            "Divergence", "the loss became %1 in step %2, which was not applied (the network is as it was after "
                          "step %3): the learning rate is probably too high for this network; lower it and reset")
            .arg(loss, step, step - 1))
        self.step, self.loss = step, loss


class DivergenceWatch:
    """Raises Diverged from check() when the batch losses say training has diverged.

    - a loss that is NaN or infinite;
    - blown up: the mean of the last WINDOW losses is above `ceiling` and above FACTOR times the
      first loss seen (the network before any update), or, where the loss cannot reach that
      (mean squared error is at most 1: three times its 0.45 at chance never comes), above
      halfway from the first loss to the loss of always being surely wrong;
    - stuck: the means of the last LONG_WINDOW and of the last WINDOW losses are above `ceiling`,
      and the latter is not clearly lower (a network that started saturated, from weights
      initialised far too large, and does not come out of it; one that does is left alone).

    `ceiling` is FACTOR times the loss of a network that guesses uniformly (3 ln 10 = 6.9 nats for
    cross-entropy: the right digit gets a probability of 0.001 on average), or, where that cannot
    be reached, halfway from guessing to the loss of always being surely wrong (mean squared error).
    """

    WINDOW = 20
    LONG_WINDOW = 200
    FACTOR = 3.0

    def __init__(self, loss: Loss, n_classes: int = NUM_CLASSES):
        y = np.zeros(1, np.intp)
        chance = loss.value(np.full((1, n_classes), 1 / n_classes), y)
        wrong = np.zeros((1, n_classes))
        wrong[0, 1] = 1.0
        self.worst = loss.value(wrong, y)  # the largest a batch's loss can be (~708 for cross-entropy)
        self.ceiling = min(self.FACTOR * chance, (chance + self.worst) / 2)
        self.first: float | None = None
        self._recent: deque[float] = deque(maxlen=self.LONG_WINDOW)
        self._short_sum = self._long_sum = 0.0

    @property
    def recent_mean(self) -> float:
        """Mean of the last WINDOW losses (NaN before there are that many)."""
        return self._short_sum / self.WINDOW if len(self._recent) >= self.WINDOW else math.nan

    def check(self, step: int, loss: float) -> None:
        """Take the loss of `step`; raise Diverged if training has diverged."""
        if not math.isfinite(loss):
            raise Diverged(step, loss)
        if self.first is None:
            self.first = loss
        recent = self._recent
        if len(recent) == self.LONG_WINDOW:
            self._long_sum -= recent[0]
        if len(recent) >= self.WINDOW:
            self._short_sum -= recent[-self.WINDOW]
        recent.append(loss)
        self._long_sum += loss
        self._short_sum += loss
        short = self.recent_mean
        if short > self.ceiling and short > min(self.FACTOR * self.first, (self.first + self.worst) / 2):
            raise Diverged(step, loss, QT_TRANSLATE_NOOP(
                "Divergence", "the loss rose from %1 at the start to %2 (mean of the last %3 steps) by step %4: "
                              "training has diverged; lower the learning rate (a tenth is a good first try) and "
                              "start again").arg(f"{self.first:.2f}", f"{short:.1f}", self.WINDOW, step))
        long = self._long_sum / len(recent)
        if len(recent) == self.LONG_WINDOW and long > self.ceiling and short > max(self.ceiling, 0.95 * long):
            raise Diverged(step, loss, QT_TRANSLATE_NOOP(
                "Divergence", "the loss has stayed above %1 for %2 steps (now %3): the softmax is saturated and the "
                              "network barely learns; lower the learning rate or the initial weights' spread and "
                              "start again").arg(f"{self.ceiling:.2f}", self.LONG_WINDOW, f"{short:.1f}"))
