"""Run configuration: network shape and training hyperparameters, presets, validation."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace

from .layers import ACTIVATIONS
from .losses import LOSSES
from .model import INITS
from .optim import OPTIMIZERS
from .schedules import SCHEDULES

DTYPES = ("float32", "float64")
MAX_DROPOUT = 0.95  # dropping more leaves too few units to learn anything
MAX_WIDTH = 16384  # wider layers would not fit a laptop's memory and teach nothing more


class ConfigError(ValueError):
    """A hyperparameter that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Config:
    """Everything that defines a run. Sizes of input and output come from the data."""

    hidden: tuple[int, ...] = (50,)
    activation: str = "sigmoid"
    loss: str = "cross_entropy"
    init: str = "normal"
    init_std: float = 0.01
    optimizer: str = "sgd"
    lr: float = 0.1
    momentum: float = 0.9
    weight_decay: float = 0.0
    lr_decay: float = 1.0  # the learning rate is multiplied by this after every epoch
    schedule: str = "none"  # learning-rate schedule over the run: none, step, exp, cosine
    dropout: float = 0.0  # share of every hidden layer's units dropped at each training step
    shift: int = 0  # augmentation: training images moved by up to this many pixels each way
    batch_size: int = 100
    epochs: float | None = None  # exactly one of epochs and steps is set
    steps: int | None = 50_000
    seed: int = 0
    dtype: str = "float32"

    def replace(self, **changes) -> Config:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["hidden"] = list(self.hidden)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Config:
        """Build from a dict such as to_dict() made; unknown keys are an error."""
        names = {f.name for f in fields(cls)}
        unknown = set(d) - names
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        d = dict(d)
        if "hidden" in d:
            d["hidden"] = tuple(d["hidden"])
        return cls(**d).validated()

    def validated(self) -> Config:
        """Return self if every value is usable, else raise ConfigError naming the first bad one."""
        def finite(name: str, value, lo: float, hi: float, lo_open: bool = False) -> None:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            if not ok or value < lo or value > hi or (lo_open and value == lo):
                bound = f"{'above' if lo_open else 'at least'} {lo:g} and at most {hi:g}"
                raise ConfigError(f"{name} must be a finite number {bound}, got {value!r}")

        def integer(name: str, value, lo: int, hi: int) -> None:
            if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
                raise ConfigError(f"{name} must be a whole number from {lo} to {hi}, got {value!r}")

        for name, allowed in (("activation", ACTIVATIONS), ("loss", LOSSES), ("init", INITS),
                              ("optimizer", OPTIMIZERS), ("dtype", DTYPES), ("schedule", SCHEDULES)):
            if getattr(self, name) not in allowed:
                raise ConfigError(f"unknown {name} {getattr(self, name)!r}; choose from {', '.join(allowed)}")
        if not isinstance(self.hidden, tuple) or len(self.hidden) > 16:
            raise ConfigError(f"hidden must list 0 to 16 layer widths, got {self.hidden!r}")
        for width in self.hidden:
            integer("each hidden layer width", width, 1, MAX_WIDTH)
        finite("init_std", self.init_std, 0, 10, lo_open=True)
        finite("learning rate", self.lr, 0, 1e6, lo_open=True)
        finite("momentum", self.momentum, 0, 0.999999)
        finite("weight decay", self.weight_decay, 0, 1e3)
        finite("lr_decay", self.lr_decay, 0, 1, lo_open=True)
        finite("dropout", self.dropout, 0, MAX_DROPOUT)
        integer("shift", self.shift, 0, 8)
        integer("batch size", self.batch_size, 1, 1_000_000)
        integer("seed", self.seed, 0, 2**63 - 1)
        if (self.epochs is None) == (self.steps is None):
            raise ConfigError("give either a number of epochs or a number of steps")
        if self.epochs is not None:
            finite("epochs", self.epochs, 0, 100_000, lo_open=True)
        if self.steps is not None:
            integer("steps", self.steps, 1, 10**9)
        return self


PRESETS: dict[str, Config] = {
    # The course's network, trained the way its hand-written NumPy version means to.
    "course": Config(),
    # The course's Keras model: same shape, Glorot-uniform init, Adam.
    "keras": Config(init="xavier", optimizer="adam", lr=0.001, batch_size=32, epochs=10, steps=None),
    # The best network that trains in about ten seconds on a laptop core. The decaying
    # learning rate lets the last epochs settle instead of bouncing around the minimum.
    # Batches of 256 halve the optimizer's share of the work against 128, at no cost in accuracy.
    "fast": Config(hidden=(256, 128), activation="relu", init="he", optimizer="adam", lr=0.002,
                   lr_decay=0.8, batch_size=256, epochs=10, steps=None),
    # The most accurate network within a minute: wider, and trained on images moved by up to
    # two pixels, so that it learns the digits rather than memorising their positions.
    "best": Config(hidden=(512, 256), activation="relu", init="he", optimizer="adam", lr=0.002,
                   lr_decay=0.85, batch_size=256, shift=2, epochs=18, steps=None),
}
