"""Mini-batch training: shuffled epochs, one step at a time, evaluation and history.

No threads here: the GUI's worker and the CLI both drive a Trainer by calling step().
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from .config import Config, ConfigError
from .data import NUM_CLASSES, Dataset, scale_images
from .model import MLP
from .optim import Optimizer, make_optimizer


class Diverged(ArithmeticError):
    """The loss became NaN or infinite. Training stops there: that batch's update is not applied."""

    def __init__(self, step: int, loss: float):
        super().__init__(f"the loss became {loss} at step {step}: the learning rate is probably "
                         "too high for this network; lower it and reset")
        self.step, self.loss = step, loss


@dataclass(frozen=True)
class Evaluation:
    """Mean loss, accuracy and confusion matrix (rows: true digit, columns: predicted)."""

    loss: float
    accuracy: float
    confusion: np.ndarray


@dataclass(frozen=True)
class EpochRecord:
    epoch: int
    step: int
    train_loss: float
    train_accuracy: float
    test_loss: float
    test_accuracy: float
    train_seconds: float


class GrowingBuffer:
    """A 1-D float array that doubles its capacity as it fills (amortised O(1) append)."""

    def __init__(self, capacity: int = 1024):
        self._data = np.empty(capacity, np.float32)
        self._n = 0

    def append(self, value: float) -> None:
        if self._n == len(self._data):
            self._data = np.concatenate([self._data, np.empty_like(self._data)])
        self._data[self._n] = value
        self._n += 1

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, np.float32).ravel()
        while self._n + len(values) > len(self._data):
            self._data = np.concatenate([self._data, np.empty_like(self._data)])
        self._data[self._n:self._n + len(values)] = values
        self._n += len(values)

    def view(self) -> np.ndarray:
        """The values so far (a view: copy it before handing it to another thread)."""
        return self._data[:self._n]

    def __len__(self) -> int:
        return self._n


def build(config: Config, data: Dataset) -> tuple[MLP, Optimizer]:
    """A fresh network and optimizer for this configuration and dataset."""
    config.validated()
    sizes = (data.input_size, *config.hidden, NUM_CLASSES)
    model = MLP.create(sizes, config.activation, config.loss, config.init, config.init_std,
                       config.seed, config.dtype)
    return model, make_optimizer(config.optimizer, config.lr, config.momentum, config.weight_decay)


class Trainer:
    """Trains model on data with optimizer, one mini-batch per step.

    Each epoch visits the training set in a fresh random order; the images are copied into
    that order once per epoch so every batch is a contiguous slice (no per-step gather).
    The last batch of an epoch may be smaller. Epoch-end evaluation is not counted in
    train_seconds.
    """

    def __init__(self, model: MLP, optimizer: Optimizer, data: Dataset, batch_size: int,
                 seed: int = 0, evaluate_epochs: bool = True, lr_decay: float = 1.0,
                 train_eval_limit: int | None = None):
        n = len(data.y_train)
        if model.sizes[0] != data.input_size:
            raise ConfigError(f"the network takes {model.sizes[0]} inputs but the images of "
                              f"{data.name} have {data.input_size} pixels")
        if batch_size > n:
            raise ConfigError(f"batch size {batch_size} is larger than the training set ({n} images)")
        self.model, self.optimizer, self.data = model, optimizer, data
        self.batch_size = batch_size
        self.evaluate_epochs = evaluate_epochs
        self.lr_decay = lr_decay
        self.train_eval_limit = train_eval_limit  # epoch-end train accuracy on the first N images
        self.rng = np.random.default_rng([seed, 1])  # a stream of its own, apart from the init
        self.steps_per_epoch = math.ceil(n / batch_size)
        self.step_count = 0
        self.epoch = 0  # completed epochs
        self.train_seconds = 0.0
        self.samples_seen = 0
        self.losses = GrowingBuffer()
        self.epochs: list[EpochRecord] = []
        self._pos = n  # forces a shuffle before the first batch
        self._x = np.empty_like(data.x_train)
        self._y = np.empty_like(data.y_train)
        self._xf = np.empty((batch_size, data.input_size), model.dtype)

    @classmethod
    def from_config(cls, config: Config, data: Dataset, evaluate_epochs: bool = True,
                    train_eval_limit: int | None = None) -> Trainer:
        model, optimizer = build(config, data)
        return cls(model, optimizer, data, config.batch_size, config.seed, evaluate_epochs,
                   config.lr_decay, train_eval_limit)

    def planned_steps(self, config: Config) -> int:
        """The length of the run the configuration asks for, in steps."""
        return config.steps or max(1, math.ceil(config.epochs * self.steps_per_epoch))

    def restore_history(self, losses: np.ndarray | None, epochs: list[EpochRecord]) -> None:
        """Continue the records of a saved run (the data order starts afresh)."""
        if losses is not None:
            self.losses.extend(losses)
        self.epochs = list(epochs)
        self.step_count = len(self.losses)
        self.epoch = epochs[-1].epoch if epochs else 0

    @property
    def samples_per_second(self) -> float:
        return self.samples_seen / self.train_seconds if self.train_seconds else 0.0

    @property
    def epoch_progress(self) -> float:
        """Epochs done, fractional: 2.5 is halfway through the third epoch."""
        n = len(self.data.y_train)
        return self.epoch + (self._pos / n if self._pos < n else 0.0)

    def _shuffle(self) -> None:
        perm = self.rng.permutation(len(self._y))
        np.take(self.data.x_train, perm, axis=0, out=self._x)
        np.take(self.data.y_train, perm, out=self._y)
        self._pos = 0

    def step(self, n: int = 1) -> float:
        """Train on n mini-batches; returns the last batch loss. Raises Diverged on NaN/inf."""
        loss = math.nan
        for _ in range(n):
            t0 = time.perf_counter()
            if self._pos >= len(self._y):
                self._shuffle()
            end = min(self._pos + self.batch_size, len(self._y))
            x = self._xf[:end - self._pos]
            np.copyto(x, self._x[self._pos:end])  # raw 0-255 values; the model scales them
            # Overflow is reported through the loss (Diverged below), not as NumPy warnings.
            with np.errstate(over="ignore", invalid="ignore"):
                loss = self.model.train_batch(x, self._y[self._pos:end], x_scale=1 / 255)
            if not math.isfinite(loss):
                raise Diverged(self.step_count + 1, loss)
            self.optimizer.update(self.model.params, self.model.grads)
            self.train_seconds += time.perf_counter() - t0
            self.samples_seen += end - self._pos
            self._pos = end
            self.step_count += 1
            self.losses.append(loss)
            if self._pos >= len(self._y):
                self.epoch += 1
                self.optimizer.lr *= self.lr_decay
                if self.evaluate_epochs:
                    self.record_epoch()
        return loss

    def record_epoch(self) -> EpochRecord:
        """Evaluate on the train and test sets now and append to the epoch history."""
        train, test = self.evaluate("train", self.train_eval_limit), self.evaluate("test")
        record = EpochRecord(self.epoch, self.step_count, train.loss, train.accuracy,
                             test.loss, test.accuracy, self.train_seconds)
        self.epochs.append(record)
        return record

    def evaluate(self, split: str = "test", limit: int | None = None) -> Evaluation:
        """Loss, accuracy and confusion matrix on the first `limit` images of a split."""
        x, y = (self.data.x_train, self.data.y_train) if split == "train" else \
            (self.data.x_test, self.data.y_test)
        return evaluate(self.model, x[:limit], y[:limit])


def evaluate(model: MLP, x: np.ndarray, y: np.ndarray, chunk: int = 2000) -> Evaluation:
    """Evaluate a model on uint8 images x (N, n_in) with labels y (N,)."""
    total, confusion = 0.0, np.zeros((NUM_CLASSES, NUM_CLASSES), np.int64)
    buf = np.empty((min(chunk, len(x)), x.shape[1]), model.dtype)
    for i in range(0, len(x), chunk):
        xb, yb = x[i:i + chunk], y[i:i + chunk].astype(np.intp)
        p = model.forward(scale_images(xb, out=buf[:len(xb)]))
        total += model.loss.value(p, yb) * len(yb)
        confusion += np.bincount(yb * NUM_CLASSES + p.argmax(axis=1),
                                 minlength=NUM_CLASSES ** 2).reshape(NUM_CLASSES, NUM_CLASSES)
    n = max(len(x), 1)
    return Evaluation(total / n, float(np.trace(confusion)) / n, confusion)
