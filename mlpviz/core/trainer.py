"""Mini-batch training: shuffled epochs, one step at a time, evaluation and history.

No threads here: the GUI's worker and the CLI both drive a Trainer by calling step().
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .augment import Augmenter
from .config import Config, ConfigError
from .data import NUM_CLASSES, Dataset, scale_images
from .divergence import Diverged as Diverged  # raised by step(); importable from here as before
from .divergence import DivergenceWatch
from .model import MLP
from .optim import Optimizer, make_optimizer


@dataclass(frozen=True)
class Evaluation:
    """Mean loss, accuracy and confusion matrix (rows: true digit, columns: predicted); with
    keep_probabilities, also every image's probabilities (N, 10) float32."""

    loss: float
    accuracy: float
    confusion: np.ndarray
    probabilities: np.ndarray | None = None

    @property
    def predicted(self) -> np.ndarray:
        """The digit read for each image (N,); needs the probabilities."""
        return self.probabilities.argmax(axis=1)


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
    """An array that grows along its first axis, doubling its capacity as it fills (amortised
    O(1) append): a 1-D series by default, or rows of `row` shape."""

    def __init__(self, capacity: int = 1024, row: tuple[int, ...] = (), dtype=np.float32):
        self._data = np.empty((capacity, *row), dtype)
        self._n = 0

    def _reserve(self, n: int) -> None:
        while self._n + n > len(self._data):
            self._data = np.concatenate([self._data, np.empty_like(self._data)])

    def append(self, value) -> None:
        if self._n == len(self._data):
            self._reserve(1)
        self._data[self._n] = value
        self._n += 1

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, self._data.dtype).reshape(-1, *self._data.shape[1:])
        self._reserve(len(values))
        self._data[self._n:self._n + len(values)] = values
        self._n += len(values)

    def view(self) -> np.ndarray:
        """The values so far (a view: copy it before handing it to another thread)."""
        return self._data[:self._n]

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        """How many values fit before the buffer next grows."""
        return len(self._data)


def check_input_size(model: MLP, data: Dataset) -> None:
    """Raise ConfigError unless the network takes as many inputs as data's images have pixels."""
    if model.sizes[0] != data.input_size:
        raise ConfigError(f"the network takes {model.sizes[0]} inputs but the images of {data.name} "
                          f"have {data.input_size} pixels")


def build(config: Config, data: Dataset) -> tuple[MLP, Optimizer]:
    """A fresh network and optimizer for this configuration and dataset."""
    config.validated()
    sizes = (data.input_size, *config.hidden, NUM_CLASSES)
    model = MLP.create(sizes, config.activation, config.loss, config.init, config.init_std,
                       config.seed, config.dtype)
    return model, make_optimizer(config.optimizer, config.lr, config.momentum, config.weight_decay)


class Trainer:
    """Trains model on data with optimizer, one mini-batch per step.

    Each epoch visits the training set in a fresh random order; each batch's uint8 images are
    gathered into a preallocated buffer and cast to float (the 1/255 scaling is left to the
    first layer, where it touches far fewer numbers). The last batch of an epoch may be
    smaller. Epoch-end evaluation is not counted in train_seconds.
    """

    def __init__(self, model: MLP, optimizer: Optimizer, data: Dataset, batch_size: int,
                 seed: int = 0, evaluate_epochs: bool = True, lr_decay: float = 1.0,
                 train_eval_limit: int | None = None, shift: int = 0, augmenter: Augmenter | None = None):
        n = len(data.y_train)
        check_input_size(model, data)
        if batch_size > n:
            raise ConfigError(f"batch size {batch_size} is larger than the training set ({n} images)")
        self.model, self.optimizer, self.data = model, optimizer, data
        self.batch_size = batch_size
        self.evaluate_epochs = evaluate_epochs
        self.lr_decay = lr_decay
        self.train_eval_limit = train_eval_limit  # epoch-end train accuracy on the first N images
        self.shift = shift
        # What is done to each batch's images before training on them (None: nothing).
        self.augmenter = augmenter if augmenter is not None or not shift else \
            Augmenter(tuple(data.image_shape), shift=shift)
        self.rng = np.random.default_rng([seed, 1])  # a stream of its own, apart from the init
        self.steps_per_epoch = math.ceil(n / batch_size)
        self.step_count = 0
        self.epoch = 0  # completed epochs
        self.train_seconds = 0.0
        self.samples_seen = 0
        self.losses = GrowingBuffer()
        self.series: dict[str, GrowingBuffer] = {"loss": self.losses}  # per-step series, one row a step
        self.epochs: list[EpochRecord] = []
        self.last_test: Evaluation | None = None  # the latest full test-set evaluation, per image
        self.divergence = DivergenceWatch(model.loss)
        self._pos = n  # forces a shuffle before the first batch
        self._order = np.arange(n)
        self._xb = np.empty((batch_size, data.input_size), np.uint8)
        self._xf = np.empty((batch_size, data.input_size), model.dtype)

    @classmethod
    def from_config(cls, config: Config, data: Dataset, evaluate_epochs: bool = True,
                    train_eval_limit: int | None = None) -> Trainer:
        model, optimizer = build(config, data)
        return cls(model, optimizer, data, config.batch_size, config.seed, evaluate_epochs,
                   config.lr_decay, train_eval_limit, config.shift,
                   Augmenter.from_config(config, data.image_shape))

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

    @property
    def steps_to_epoch_end(self) -> int:
        """Steps left in the current epoch (a whole epoch's worth before the first)."""
        n = len(self.data.y_train)
        return math.ceil((n - self._pos) / self.batch_size) if self._pos < n else self.steps_per_epoch

    @property
    def epoch_order(self) -> np.ndarray:
        """Indices of the training images in this epoch's order."""
        return self._order

    def step(self, n: int = 1) -> float:
        """Train on n mini-batches; returns the last batch loss. Raises Diverged (see DivergenceWatch)."""
        loss = math.nan
        n_train = len(self.data.y_train)
        # Overflow is reported through the loss (Diverged), not as NumPy warnings.
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n):
                t0 = time.perf_counter()
                if self._pos >= n_train:
                    self._order = self.rng.permutation(n_train)
                    self._pos = 0
                idx = self._order[self._pos:self._pos + self.batch_size]
                xb = np.take(self.data.x_train, idx, axis=0, out=self._xb[:len(idx)], mode="clip")
                if self.augmenter is not None:
                    self.augmenter(xb, self.rng)
                x = self._xf[:len(idx)]
                np.copyto(x, xb)  # raw 0-255 values; the first layer scales them
                y = self.data.y_train[idx]
                loss = self.model.train_batch(x, y, x_scale=1 / 255)
                self.divergence.check(self.step_count + 1, loss)
                self.optimizer.update(self.model.params, self.model.grads)
                self.train_seconds += time.perf_counter() - t0
                self.samples_seen += len(idx)
                self._pos += len(idx)
                self.step_count += 1
                self.losses.append(loss)
                if self._pos >= n_train:
                    self.epoch += 1
                    self.optimizer.lr *= self.lr_decay
                    if self.evaluate_epochs:
                        self.record_epoch()
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
        record = EpochRecord(self.epoch, self.step_count, train.loss, train.accuracy,
                             test.loss, test.accuracy, self.train_seconds)
        self.epochs.append(record)
        return record

    def evaluate(self, split: str = "test", limit: int | None = None,
                 should_stop: Callable[[], bool] | None = None,
                 keep_probabilities: bool = False) -> Evaluation | None:
        """Loss, accuracy and confusion matrix on the first `limit` images of a split."""
        x, y = (self.data.x_train, self.data.y_train) if split == "train" else \
            (self.data.x_test, self.data.y_test)
        return evaluate(self.model, x[:limit], y[:limit], should_stop=should_stop,
                        keep_probabilities=keep_probabilities)


def evaluate(model: MLP, x: np.ndarray, y: np.ndarray, chunk: int = 1000,
             should_stop: Callable[[], bool] | None = None,
             keep_probabilities: bool = False) -> Evaluation | None:
    """Evaluate a model on uint8 images x (N, n_in) with labels y (N,); None if should_stop()
    turned true between two chunks."""
    total, confusion = 0.0, np.zeros((NUM_CLASSES, NUM_CLASSES), np.int64)
    buf = np.empty((min(chunk, len(x)), x.shape[1]), model.dtype)
    probs = np.empty((len(x), NUM_CLASSES), np.float32) if keep_probabilities else None
    for i in range(0, len(x), chunk):
        if should_stop is not None and should_stop():
            return None
        xb, yb = x[i:i + chunk], y[i:i + chunk].astype(np.intp)
        p = model.forward(scale_images(xb, out=buf[:len(xb)]))
        if probs is not None:
            probs[i:i + len(xb)] = p
        total += model.loss.value(p, yb) * len(yb)
        confusion += np.bincount(yb * NUM_CLASSES + p.argmax(axis=1),
                                 minlength=NUM_CLASSES ** 2).reshape(NUM_CLASSES, NUM_CLASSES)
    n = max(len(x), 1)
    return Evaluation(total / n, float(np.trace(confusion)) / n, confusion, probs)
