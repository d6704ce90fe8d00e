"""Mini-batch training: shuffled epochs, one step at a time, epoch-end evaluation and history.

No threads here: the GUI's worker and the CLI both drive a Trainer by calling step(). The
set_* methods change a setting between two steps (it applies from the next step on); call them
from the thread that calls step(), never while a step runs.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from .augment import Augmenter
from .config import Config, ConfigError, check_batch_size
from .data import NUM_CLASSES, Dataset
from .divergence import Diverged as Diverged  # raised by step(); importable from here as before
from .divergence import DivergenceWatch
from .dynamics import SERIES, StepStatistics
from .evaluation import Evaluation, evaluate
from .history import GrowingBuffer
from .layers import dropout_mask
from .messages import QT_TRANSLATE_NOOP
from .model import MLP
from .optim import Momentum, Optimizer, make_optimizer
from .schedules import lr_factor
from .timeline import Timeline

# Per-step series that exist only with statistics on; the others ("loss", "lr", "epoch") always do.
STATISTICS = SERIES


@dataclass(frozen=True)
class EpochRecord:
    """One row of the epoch history. gradient_norms and inactive_fraction: one number per layer
    (layer 1 first), the mean over the steps since the previous row of the per-step grad_norm
    and inactive series; None without statistics."""

    epoch: int
    step: int
    train_loss: float
    train_accuracy: float
    test_loss: float
    test_accuracy: float
    train_seconds: float
    gradient_norms: tuple[float, ...] | None = None
    inactive_fraction: tuple[float, ...] | None = None


@dataclass(frozen=True)
class SettingChange:
    """A setting changed while training ran: `value` applies from step `step` + 1 on."""

    step: int
    name: str
    value: float | str


StepHook = Callable[["Trainer", np.ndarray, np.ndarray, np.ndarray], None]


def check_input_size(model: MLP, data: Dataset) -> None:
    """Raise ConfigError unless the network takes as many inputs as data's images have pixels."""
    if model.sizes[0] != data.input_size:
        raise ConfigError(QT_TRANSLATE_NOOP("Config", "the network takes %1 inputs but the images of %2 have %3 "
                                                      "pixels").arg(model.sizes[0], data.name, data.input_size))


def build(config: Config, data: Dataset) -> tuple[MLP, Optimizer]:
    """A fresh network and optimizer for this configuration and dataset."""
    config.validated()
    sizes = (data.input_size, *config.hidden, NUM_CLASSES)
    model = MLP.create(sizes, config.activation, config.loss, config.init, config.init_std,
                       config.seed, config.dtype)
    return model, make_optimizer(config.optimizer, config.lr, config.momentum, config.weight_decay,
                                 config.mistake)


class Trainer:
    """Trains model on data with optimizer, one mini-batch per step.

    Each epoch visits the training set in a fresh random order; each batch's uint8 images are
    gathered into a preallocated buffer and cast to float (the 1/255 scaling is left to the
    first layer, where it touches far fewer numbers). The last batch of an epoch may be
    smaller. Epoch-end evaluation is not counted in train_seconds.

    series: per-step histories, name -> GrowingBuffer whose row i belongs to step i + 1:
      "loss" (steps,)      the batch loss (the same buffer as `losses`)
      "lr" (steps,)        the learning rate the step used (after any schedule)
      "epoch" (steps,)     epochs done after the step, fractional (exact across batch-size changes)
      with statistics on, (steps, L) for a network of L layers, layer 1 first (see dynamics.py):
      "grad_norm"          L2 norm of each layer's weight gradient
      "update_ratio"       ||change of W|| / ||W|| made by the step's update
      "inactive"           share of each layer's units inactive over the recent >= 1000 examples
    Read them between steps, in the thread that calls step(), and copy what goes elsewhere.
    changes: SettingChange records of the set_* calls; timeline: network copies (or None);
    hooks: called inside each step, see step().
    """

    def __init__(self, model: MLP, optimizer: Optimizer, data: Dataset, batch_size: int,
                 seed: int = 0, evaluate_epochs: bool = True, lr_decay: float = 1.0,
                 train_eval_limit: int | None = None, shift: int = 0, dropout: float = 0.0,
                 schedule: str = "none", schedule_epochs: float = 1.0, statistics: bool = True,
                 timeline: bool = True, augmenter: Augmenter | None = None):
        n = len(data.y_train)
        check_input_size(model, data)
        check_batch_size(batch_size, n)
        self.model, self.optimizer, self.data = model, optimizer, data
        self.evaluate_epochs = evaluate_epochs
        self.lr_decay = lr_decay
        self.train_eval_limit = train_eval_limit  # epoch-end train accuracy on the first N images
        # What is done to each batch's images before training on them (None: nothing).
        self.augmenter = augmenter
        self.rng = np.random.default_rng([seed, 1])  # a stream of its own, apart from the init
        self._dropout_rng = np.random.default_rng([seed, 2])  # apart again: dropout 0 changes nothing
        # Augmentation's own stream too: switching it on or off leaves every epoch order as it was.
        self._augment_rng = np.random.default_rng([seed, 3])
        self.step_count = 0
        self.epoch = 0  # completed epochs
        self.train_seconds = 0.0
        self.samples_seen = 0
        self.losses = GrowingBuffer()
        # Per-step series, row i for step i + 1 (see the class docstring and `series`).
        self._series: dict[str, GrowingBuffer] = {
            "loss": self.losses, "lr": GrowingBuffer(dtype=np.float64),
            "epoch": GrowingBuffer(dtype=np.float64)}
        self.stats: StepStatistics | None = None
        self.statistics = statistics
        self.hooks: list[StepHook] = []
        self.changes: list[SettingChange] = []
        self.epochs: list[EpochRecord] = []
        self.last_batch = np.zeros(0, np.intp)
        self._last_images = np.zeros((0, data.input_size), np.uint8)
        self.last_masks: list[np.ndarray] | None = None  # the latest step's dropout masks (B, n_l), if any
        self.last_test: Evaluation | None = None  # the latest full test-set evaluation, per image
        self.divergence = DivergenceWatch(model.loss)
        self.timeline = Timeline() if timeline else None
        self._pos = n  # forces a shuffle before the first batch
        self._order = np.arange(n)
        self.batch_size, self.shift, self.dropout = 0, 0, 0.0
        self._apply_batch_size(batch_size)
        self._apply_shift(shift)
        self._apply_dropout(dropout)
        self.schedule, self.schedule_epochs, self._base_lr = "none", 1.0, optimizer.lr
        self._apply_schedule(schedule, schedule_epochs)
        if self.timeline is not None:
            self.timeline.offer(0, model)

    @classmethod
    def from_config(cls, config: Config, data: Dataset, evaluate_epochs: bool = True,
                    train_eval_limit: int | None = None, statistics: bool = True,
                    timeline: bool = True) -> Trainer:
        model, optimizer = build(config, data)
        return cls(model, optimizer, data, config.batch_size, config.seed, evaluate_epochs,
                   config.lr_decay, train_eval_limit, config.shift, config.dropout, config.schedule,
                   planned_epochs(config, len(data.y_train)), statistics, timeline,
                   Augmenter.from_config(config, data.image_shape, data.x_train))

    def planned_steps(self, config: Config) -> int:
        """The length of the run the configuration asks for, in steps."""
        return config.steps or max(1, math.ceil(config.epochs * self.steps_per_epoch))

    def restore_history(self, losses: np.ndarray | None, epochs: list[EpochRecord],
                        epoch_knots: np.ndarray | None = None) -> None:
        """Continue the records of a saved run: losses (steps,), the epoch rows and the epoch
        curve as knots (k, 2) of step and epoch (history.epoch_knots; without it, as the epoch
        rows and the current steps per epoch tell it). Each earlier step gets its epoch from the
        curve, and the epoch under way goes on from where the curve ends: a run saved at epoch
        1.5 ends its second epoch after another half epoch of images. The order it was visiting
        them in was not saved, so that rest is drawn from a fresh order of the training set.
        Other per-step series were not saved: their rows for the earlier steps are NaN."""
        if losses is not None:
            self.losses.extend(losses)
        self.epochs = list(epochs)
        self.step_count = steps = len(self.losses)
        knots = self._epoch_knots(epochs) if epoch_knots is None or not steps else np.asarray(epoch_knots)
        done = np.interp(np.arange(1, steps + 1), knots[:, 0], knots[:, 1]) if steps else np.zeros(0)
        self._series["epoch"].extend(done)
        n = len(self.data.y_train)
        end = float(done[-1]) if steps else 0.0
        self.epoch = math.floor(end + 1e-9)
        pos = round((end - self.epoch) * n)
        if pos >= n:
            self.epoch, pos = self.epoch + 1, 0
        if pos > 0:
            self._order, self._pos = self.rng.permutation(n), pos
        if epochs:  # time and speed so far, as of the last epoch end
            self.train_seconds = epochs[-1].train_seconds
            self.samples_seen = epochs[-1].step * self.batch_size
        for buffer in self.series.values():
            missing = self.step_count - len(buffer)
            if missing > 0:
                buffer.extend(np.full((missing, *buffer.view().shape[1:]), np.nan))
        if self.timeline is not None:  # the run's past before the file is not known
            self.timeline = Timeline()
            self.timeline.offer(self.step_count, self.model)

    def _epoch_knots(self, epochs: list[EpochRecord]) -> np.ndarray:
        """The epoch curve (k, 2) of a saved run whose file kept none: through each epoch row's
        step and epoch, then on at the current steps per epoch."""
        knots = [(0, 0.0)]
        for r in epochs:
            if knots[-1][0] < r.step <= self.step_count and knots[-1][1] <= r.epoch:
                knots.append((r.step, float(r.epoch)))
        step, epoch = knots[-1]
        if step < self.step_count:
            knots.append((self.step_count, epoch + (self.step_count - step) / self.steps_per_epoch))
        return np.array(knots, np.float64)

    @property
    def series(self) -> dict[str, GrowingBuffer]:
        """The per-step series (see the class docstring), complete up to the last step."""
        if self.stats is not None:
            self.stats.flush()
        return self._series

    # Settings that may change between steps ------------------------------------------------

    @property
    def statistics(self) -> bool:
        """Whether steps measure the per-step statistics (STATISTICS series). Switched off, those
        series stop growing; switched back on, they resume with NaN rows for the gap (the
        inactive-unit window counts only the examples observed)."""
        return self.stats is not None

    @statistics.setter
    def statistics(self, on: bool) -> None:
        if not on:
            if self.stats is not None:
                self.stats.flush()
                self._idle_stats, self.stats = self.stats, None
        elif self.stats is None:
            for name in STATISTICS:
                buffer = self.series.setdefault(name, GrowingBuffer(row=(len(self.model.layers),)))
                buffer.extend(np.full((self.step_count - len(buffer), len(self.model.layers)), np.nan))
            self.stats = getattr(self, "_idle_stats", None) or StepStatistics(self.model, self.series)

    @property
    def steps_per_epoch(self) -> int:
        """Steps in a whole epoch at the current batch size."""
        return math.ceil(len(self.data.y_train) / self.batch_size)

    @property
    def lr(self) -> float:
        """The base learning rate: the one set, before the schedule scales it (the rate of the
        next step is optimizer.lr)."""
        return self.optimizer.lr if self.schedule == "none" else self._base_lr

    def _changed(self, name: str, value) -> None:
        self.changes.append(SettingChange(self.step_count, name, value))

    def set_lr(self, lr: float) -> None:
        """The base learning rate (a schedule then scales it)."""
        Config(lr=lr).validated()
        if self.schedule == "none":
            self.optimizer.lr = lr
        else:
            self._base_lr = lr
        self._changed("lr", lr)

    def set_momentum(self, momentum: float) -> None:
        """The momentum coefficient of the momentum optimizer (its velocity is kept)."""
        Config(momentum=momentum).validated()
        if not isinstance(self.optimizer, Momentum):
            raise ConfigError(QT_TRANSLATE_NOOP("Config", "momentum applies to the momentum optimizer, not %1")
                              .arg(self.optimizer.name))
        self.optimizer.momentum = momentum
        self._changed("momentum", momentum)

    def set_weight_decay(self, weight_decay: float) -> None:
        """The L2 weight decay."""
        Config(weight_decay=weight_decay).validated()
        self.optimizer.weight_decay = weight_decay
        self._changed("weight_decay", weight_decay)

    def set_schedule(self, schedule: str, epochs: float | None = None) -> None:
        """The learning-rate schedule ('none', 'step', 'exp', 'cosine') and, if given, the run
        length in epochs it spreads over; progress so far counts towards it."""
        self._apply_schedule(schedule, self.schedule_epochs if epochs is None else epochs)
        self._changed("schedule", schedule)

    def set_batch_size(self, batch_size: int) -> None:
        """The mini-batch size; the epoch under way continues where it is, with the new size."""
        self._apply_batch_size(batch_size)
        self._changed("batch_size", batch_size)

    def set_dropout(self, rate: float) -> None:
        """The dropout rate of every hidden layer (0: none)."""
        self._apply_dropout(rate)
        self._changed("dropout", rate)

    def set_shift(self, shift: int) -> None:
        """Augmentation strength: training images move by up to this many pixels each way."""
        self._apply_shift(shift)
        self._changed("shift", shift)

    def _apply_batch_size(self, batch_size: int) -> None:
        Config(batch_size=batch_size).validated()
        n = len(self.data.y_train)
        check_batch_size(batch_size, n)
        if batch_size == self.batch_size:
            return
        self.batch_size = batch_size
        self._xb = np.empty((batch_size, self.data.input_size), np.uint8)
        self._xf = np.empty((batch_size, self.data.input_size), self.model.dtype)
        self._masks: dict[int, list[np.ndarray]] = {}
        self.model.release_scratch()

    def _apply_shift(self, shift: int) -> None:
        Config(shift=shift).validated()
        if shift == self.shift:
            return
        self.shift = shift
        if self.augmenter is not None:
            self.augmenter = replace(self.augmenter, shift=shift)
        elif shift:
            self.augmenter = Augmenter(tuple(self.data.image_shape), shift=shift)

    def _apply_dropout(self, rate: float) -> None:
        Config(dropout=rate).validated()
        self.dropout = rate
        self._masks = {}

    def _apply_schedule(self, schedule: str, epochs: float) -> None:
        Config(schedule=schedule).validated()
        if not (isinstance(epochs, (int, float)) and math.isfinite(epochs) and epochs > 0):
            raise ConfigError(QT_TRANSLATE_NOOP("Config", "a schedule needs a run length above 0 epochs, got %1")
                              .arg(repr(epochs)))
        if schedule == "none" and self.schedule != "none":
            self.optimizer.lr = self._base_lr
        elif schedule != "none" and self.schedule == "none":
            self._base_lr = self.optimizer.lr
        self.schedule, self.schedule_epochs = schedule, float(epochs)

    def _dropout_masks(self, batch: int) -> list[np.ndarray]:
        masks = self._masks.get(batch)
        if masks is None:
            masks = self._masks[batch] = [np.empty((batch, n), self.model.dtype) for n in self.model.sizes[1:-1]]
        for m in masks:
            dropout_mask(self.dropout, self._dropout_rng, m)
        return masks

    @property
    def samples_per_second(self) -> float:
        return self.samples_seen / self.train_seconds if self.train_seconds else 0.0

    @property
    def epoch_progress(self) -> float:
        """Epochs done, fractional: 2.5 is halfway through the third epoch."""
        n = len(self.data.y_train)
        return self.epoch + (self._pos / n if self._pos < n else 0.0)

    @property
    def steps_to_epoch_end(self) -> int:
        """Steps left in the current epoch (a whole epoch's worth before the first)."""
        n = len(self.data.y_train)
        return math.ceil((n - self._pos) / self.batch_size) if self._pos < n else self.steps_per_epoch

    @property
    def last_images(self) -> np.ndarray:
        """The uint8 images (B, n_in) the latest step learned from, after augmentation, in the order
        of last_batch. A view of a buffer that the next step overwrites: copy what is kept."""
        return self._last_images

    @property
    def epoch_order(self) -> np.ndarray:
        """Indices of the training images in this epoch's order."""
        return self._order

    def step(self, n: int = 1) -> float:
        """Train on n mini-batches; returns the last batch loss. Raises Diverged (see DivergenceWatch).

        Inside each step: forward (statistics note which units are active), backpropagation,
        gradient and weight norms, then every hook in self.hooks as hook(trainer, idx, x, y)
        (idx (B,): the batch's indices into the training set; x (B, n_in): its pixels as the
        network got them, 0-255 before the first layer's scaling; y (B,): labels), while each
        layer's dW and db still hold this batch's gradients (the update uses what they hold when
        the hooks return), then the optimizer's update.
        """
        loss = math.nan
        n_train = len(self.data.y_train)
        stats, series = self.stats, self._series
        # Overflow is reported through the loss (Diverged), not as NumPy warnings.
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n):
                t0 = time.perf_counter()
                if self._pos >= n_train:
                    self._order = self.rng.permutation(n_train)
                    self._pos = 0
                idx = self._order[self._pos:self._pos + self.batch_size]
                self.last_batch = idx  # which images the latest step learned
                xb = np.take(self.data.x_train, idx, axis=0, out=self._xb[:len(idx)], mode="clip")
                if self.augmenter is not None:
                    self.augmenter(xb, self._augment_rng, idx)
                self._last_images = xb
                x = self._xf[:len(idx)]
                np.copyto(x, xb)  # raw 0-255 values; the first layer scales them
                y = self.data.y_train[idx]
                if self.schedule != "none":
                    self.optimizer.lr = self._base_lr * lr_factor(
                        self.schedule, self.epoch_progress / self.schedule_epochs)
                masks = self._dropout_masks(len(idx)) if self.dropout else None
                self.last_masks = masks  # buffers the next step overwrites, as last_images
                loss = self.model.train_batch(x, y, x_scale=1 / 255, masks=masks,
                                              on_forward=None if stats is None else stats.observe_activity)
                self.divergence.check(self.step_count + 1, loss)
                if stats is not None:
                    stats.before_update(self.optimizer)
                for hook in self.hooks:
                    hook(self, idx, x, y)
                lr = self.optimizer.lr
                self.optimizer.update(self.model.params, self.model.grads)
                if stats is not None:
                    stats.after_update(self.optimizer)  # and appends this step's rows
                self.train_seconds += time.perf_counter() - t0
                self.samples_seen += len(idx)
                self._pos += len(idx)
                self.step_count += 1
                self.losses.append(loss)
                series["lr"].append(lr)
                series["epoch"].append(self.epoch + self._pos / n_train)
                epoch_end = self._pos >= n_train
                if epoch_end:
                    self.epoch += 1
                    if self.schedule == "none":
                        self.optimizer.lr *= self.lr_decay
                    else:
                        self._base_lr *= self.lr_decay
                    if self.evaluate_epochs:
                        self.record_epoch()
                if self.timeline is not None and (epoch_end or self.timeline.due(self.step_count)):
                    self.timeline.offer(self.step_count, self.model, self.epoch if epoch_end else None)
        return loss

    def record_epoch(self, should_stop: Callable[[], bool] | None = None) -> EpochRecord | None:
        """Evaluate on the train and test sets now and append to the epoch history.

        should_stop is asked between chunks; if it says yes, nothing is recorded and None is
        returned (the GUI uses this so that a pause never waits for a whole evaluation).
        """
        train = self.evaluate("train", self.train_eval_limit, should_stop)
        test = self.evaluate("test", should_stop=should_stop, keep_probabilities=True) \
            if train is not None else None
        if test is None:
            return None
        self.last_test = test
        start = self.epochs[-1].step if self.epochs else 0
        record = EpochRecord(self.epoch, self.step_count, train.loss, train.accuracy,
                             test.loss, test.accuracy, self.train_seconds,
                             self.series_mean("grad_norm", start), self.series_mean("inactive", start))
        self.epochs.append(record)
        return record

    def series_mean(self, name: str, start: int, stop: int | None = None) -> tuple[float, ...] | None:
        """Mean per column of a per-step series over steps start+1 .. stop (default: the last),
        skipping NaN rows; None if the series is absent or has no such rows."""
        buffer = self.series.get(name)
        if buffer is None:
            return None
        rows = buffer.view()[start:stop]
        rows = rows[~np.isnan(rows).any(axis=1)] if rows.ndim == 2 else rows[~np.isnan(rows)]
        if not len(rows):
            return None
        return tuple(float(v) for v in np.atleast_1d(rows.mean(axis=0, dtype=np.float64)))

    def evaluate(self, split: str = "test", limit: int | None = None,
                 should_stop: Callable[[], bool] | None = None,
                 keep_probabilities: bool = False) -> Evaluation | None:
        """Loss, accuracy and confusion matrix on the first `limit` images of a split."""
        x, y = (self.data.x_train, self.data.y_train) if split == "train" else \
            (self.data.x_test, self.data.y_test)
        return evaluate(self.model, x[:limit], y[:limit], should_stop=should_stop,
                        keep_probabilities=keep_probabilities)


def epoch_table(records: list[EpochRecord], n_layers: int) -> tuple[list[str], list[list[float]]]:
    """The epoch history as a header and rows: the EpochRecord columns, then
    gradient_norm_1 .. gradient_norm_L and inactive_fraction_1 .. inactive_fraction_L (NaN if
    unknown)."""
    base = ["epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "train_seconds"]
    header = base + [f"gradient_norm_{i}" for i in range(1, n_layers + 1)] + \
        [f"inactive_fraction_{i}" for i in range(1, n_layers + 1)]
    nan = (math.nan,) * n_layers
    rows = [[getattr(r, c) for c in base] + list(r.gradient_norms or nan) + list(r.inactive_fraction or nan)
            for r in records]
    return header, rows


def planned_epochs(config: Config, n_train: int) -> float:
    """The length of the run the configuration asks for, in epochs."""
    if config.epochs is not None:
        return float(config.epochs)
    return config.steps / math.ceil(n_train / config.batch_size)

