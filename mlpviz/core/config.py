"""Run configuration: network shape and training hyperparameters, their ranges, defaults and help
(the one description the command line and the settings form read), presets, validation."""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, fields, replace

from .augment import AUGMENTS, Augmenter
from .data import NUM_CLASSES
from .layers import ACTIVATIONS
from .losses import LOSSES
from .messages import QT_TRANSLATE_NOOP, Message
from .model import INITS
from .optim import MISTAKES, OPTIMIZERS
from .schedules import SCHEDULES

DTYPES = ("float32", "float64")
# MNIST gains nothing from more than about a thousand units per layer, and the memory grows with
# the square of the width: 784-4096-4096-10 already holds 20 million weights, about 0.3 GB once
# gradients and Adam's two moments are counted. Wider layers only make a laptop swap.
MAX_WIDTH = 4096
MAX_LAYERS = 16

# The allowed (min, max) of every numeric setting, by Config field name; "hidden" bounds each
# layer's width. Config.validated enforces them; a form can show them beside its fields.
RANGES: dict[str, tuple[float, float]] = {
    "hidden": (1, MAX_WIDTH),
    "init_std": (0, 10),
    "lr": (0, 1e6),
    "momentum": (0, 0.999999),
    "weight_decay": (0, 1e3),
    "lr_decay": (0, 1),
    "dropout": (0, 0.95),  # dropping more leaves too few units to learn anything
    "shift": (0, 8),
    "rotation": (0, 180),
    "shear": (0, 60),
    "scale": (0, 0.9),
    "translate": (0, 14),
    "thickness": (0, 3),
    "elastic_alpha": (0, 200),
    "elastic_sigma": (0.1, 20),
    "pen_share": (0, 1),
    "pen_min": (0.5, 5),  # augment.REACH bounds the widest pen the kept skeleton distances can draw
    "pen_max": (0.5, 5),
    "batch_size": (1, 1_000_000),
    "seed": (0, 2**63 - 1),
    "epochs": (0, 100_000),
    "steps": (1, 10**9),
}
EXCLUSIVE_MIN = frozenset({"init_std", "lr", "lr_decay", "epochs"})  # these must lie above their min
INTEGER_SETTINGS = frozenset({"hidden", "shift", "batch_size", "seed", "steps"})


class ConfigError(ValueError):
    """A hyperparameter that cannot be used; the message (a Message) says which and why."""


# How a validation message names a setting (the CLI's words; the GUI translates them).
LABELS = {"activation": QT_TRANSLATE_NOOP("Config", "activation"), "loss": QT_TRANSLATE_NOOP("Config", "loss"),
          "init": QT_TRANSLATE_NOOP("Config", "init"), "optimizer": QT_TRANSLATE_NOOP("Config", "optimizer"),
          "dtype": QT_TRANSLATE_NOOP("Config", "dtype"), "schedule": QT_TRANSLATE_NOOP("Config", "schedule"),
          "init_std": QT_TRANSLATE_NOOP("Config", "init_std"), "lr": QT_TRANSLATE_NOOP("Config", "learning rate"),
          "momentum": QT_TRANSLATE_NOOP("Config", "momentum"),
          "weight_decay": QT_TRANSLATE_NOOP("Config", "weight decay"),
          "lr_decay": QT_TRANSLATE_NOOP("Config", "lr_decay"), "dropout": QT_TRANSLATE_NOOP("Config", "dropout"),
          "shift": QT_TRANSLATE_NOOP("Config", "shift"), "rotation": QT_TRANSLATE_NOOP("Config", "rotation"),
          "shear": QT_TRANSLATE_NOOP("Config", "shear"), "scale": QT_TRANSLATE_NOOP("Config", "scale"),
          "translate": QT_TRANSLATE_NOOP("Config", "translate"),
          "thickness": QT_TRANSLATE_NOOP("Config", "thickness"),
          "elastic_alpha": QT_TRANSLATE_NOOP("Config", "elastic_alpha"),
          "elastic_sigma": QT_TRANSLATE_NOOP("Config", "elastic_sigma"),
          "pen_share": QT_TRANSLATE_NOOP("Config", "pen_share"), "pen_min": QT_TRANSLATE_NOOP("Config", "pen_min"),
          "pen_max": QT_TRANSLATE_NOOP("Config", "pen_max"),
          "batch_size": QT_TRANSLATE_NOOP("Config", "batch size"), "seed": QT_TRANSLATE_NOOP("Config", "seed"),
          "epochs": QT_TRANSLATE_NOOP("Config", "epochs"), "steps": QT_TRANSLATE_NOOP("Config", "steps")}


def describe_range(name: str) -> Message:
    """The allowed values of a setting in words, e.g. 'above 0 and at most 10' or 'from 1 to 4096'."""
    lo, hi = RANGES[name]
    if name in INTEGER_SETTINGS:
        return QT_TRANSLATE_NOOP("Config", "from %1 to %2").arg(lo, hi)
    if name in EXCLUSIVE_MIN:
        return QT_TRANSLATE_NOOP("Config", "above %1 and at most %2").arg(f"{lo:g}", f"{hi:g}")
    return QT_TRANSLATE_NOOP("Config", "at least %1 and at most %2").arg(f"{lo:g}", f"{hi:g}")


def check_hidden(widths: tuple[int, ...]) -> None:
    """Raise ConfigError unless widths is a tuple of 0 to MAX_LAYERS whole numbers in RANGES["hidden"]."""
    if not isinstance(widths, tuple) or len(widths) > MAX_LAYERS:
        raise ConfigError(QT_TRANSLATE_NOOP("Config", "hidden must list 0 to %1 layer widths, got %2")
                          .arg(MAX_LAYERS, repr(widths)))
    lo, hi = RANGES["hidden"]
    for width in widths:
        if not isinstance(width, int) or isinstance(width, bool) or not lo <= width <= hi:
            raise ConfigError(QT_TRANSLATE_NOOP("Config", "each hidden layer width must be a whole number from %1 to "
                                                          "%2, got %3").arg(lo, hi, repr(width)))


def check_batch_size(batch_size: int, n_train: int) -> None:
    """Raise ConfigError if a mini-batch would be larger than the n_train training images."""
    if batch_size > n_train:
        raise ConfigError(QT_TRANSLATE_NOOP("Config", "batch size %1 is larger than the training set (%2 images)")
                          .arg(batch_size, n_train))


def parse_hidden(text: str) -> tuple[int, ...]:
    """Hidden layer widths from text such as "256,128" (spaces around commas allowed).

    Empty text means no hidden layer (inputs straight to the ten outputs). Anything else that is
    not a list of whole numbers within range is refused with ConfigError, never guessed at:
    "-5", "50,,10", "abc" and "0" all raise.
    """
    if not text.strip():
        return ()
    parts = [p.strip() for p in text.split(",")]
    if not all(re.fullmatch(r"[0-9]+", p) for p in parts):
        raise ConfigError(QT_TRANSLATE_NOOP("Config", "hidden layers must be comma-separated whole numbers from 1 "
                                                      "to %1, such as 256,128; got %2").arg(MAX_WIDTH, repr(text)))
    widths = tuple(int(p) for p in parts)
    check_hidden(widths)
    return widths


def parse_augment(text: str) -> tuple[str, ...]:
    """Augmentations from text such as "affine,elastic" ("" or "none": none), in AUGMENTS order.

    Anything not in AUGMENTS is refused with ConfigError.
    """
    if text.strip().lower() in ("", "none"):
        return ()
    names = [p.strip().lower() for p in text.split(",")]
    unknown = [n for n in names if n not in AUGMENTS]
    if unknown or not all(names):
        raise ConfigError(QT_TRANSLATE_NOOP("Config", "unknown augmentation %1; choose from %2 (comma-separated) or "
                                                      "none").arg(", ".join(repr(n) for n in unknown) or repr(text),
                                                                  ", ".join(AUGMENTS)))
    return tuple(n for n in AUGMENTS if n in names)


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
    # Augmentation (mlpviz/core/augment.py): which of AUGMENTS, and their strengths. affine draws a
    # rotation within ±rotation degrees, a slant within ±shear degrees, each axis scaled within
    # 1 ± scale and a move within ±translate pixels; thickness makes strokes up to that many pixels
    # thinner or thicker; elastic is Simard's distortion (alpha: pixels, sigma: smoothness); pen
    # thins a share pen_share of each batch to its skeleton and draws it again with a round pen
    # between pen_min and pen_max pixels wide (either may be the larger: each is valid alone), as
    # the drawing pad draws strokes.
    augment: tuple[str, ...] = ()
    rotation: float = Augmenter.rotation  # the strengths' defaults are the augmenter's own
    shear: float = Augmenter.shear
    scale: float = Augmenter.scale
    translate: float = Augmenter.translate
    thickness: float = Augmenter.thickness
    elastic_alpha: float = Augmenter.elastic_alpha
    elastic_sigma: float = Augmenter.elastic_sigma
    pen_share: float = Augmenter.pen_share
    pen_min: float = Augmenter.pen_min
    pen_max: float = Augmenter.pen_max
    batch_size: int = 100
    epochs: float | None = None  # exactly one of epochs and steps is set
    steps: int | None = 50_000
    seed: int = 0
    dtype: str = "float32"
    mistake: str | None = None  # one of optim.MISTAKES, reproduced on purpose; None trains correctly

    def replace(self, **changes) -> Config:
        return replace(self, **changes)

    def weight_bytes(self, inputs: int = 784) -> int:
        """Bytes of one copy of the network's weights and biases, for images of `inputs` pixels."""
        sizes = (inputs, *self.hidden, NUM_CLASSES)
        return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:])) * (4 if self.dtype == "float32" else 8)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["hidden"] = list(self.hidden)
        if self.mistake is None:  # saved runs and JSON output stay as they were without it
            del d["mistake"]
        d["augment"] = list(self.augment)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Config:
        """Build from a dict such as to_dict() made; unknown keys are an error."""
        names = {f.name for f in fields(cls)}
        unknown = set(d) - names
        if unknown:
            raise ConfigError(QT_TRANSLATE_NOOP("Config", "unknown settings: %1").arg(", ".join(sorted(unknown))))
        d = dict(d)
        if "hidden" in d:
            d["hidden"] = tuple(d["hidden"])
        if "augment" in d:
            d["augment"] = tuple(d["augment"])
        return cls(**d).validated()

    def validated(self) -> Config:
        """Return self if every value is usable, else raise ConfigError naming the first bad one."""
        def finite(key: str) -> None:
            value, (lo, hi) = getattr(self, key), RANGES[key]
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            if not ok or value < lo or value > hi or (key in EXCLUSIVE_MIN and value == lo):
                raise ConfigError(QT_TRANSLATE_NOOP("Config", "%1 must be a finite number %2, got %3")
                                  .arg(LABELS[key], describe_range(key), repr(value)))

        def integer(key: str) -> None:
            value, (lo, hi) = getattr(self, key), RANGES[key]
            if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
                raise ConfigError(QT_TRANSLATE_NOOP("Config", "%1 must be a whole number from %2 to %3, got %4")
                                  .arg(LABELS[key], lo, hi, repr(value)))

        for name, allowed in (("activation", ACTIVATIONS), ("loss", LOSSES), ("init", INITS),
                              ("optimizer", OPTIMIZERS), ("dtype", DTYPES), ("schedule", SCHEDULES)):
            if getattr(self, name) not in allowed:
                raise ConfigError(QT_TRANSLATE_NOOP("Config", "unknown %1 %2; choose from %3")
                                  .arg(LABELS[name], repr(getattr(self, name)), ", ".join(allowed)))
        check_hidden(self.hidden)
        if self.mistake is not None:
            if self.mistake not in MISTAKES:
                raise ConfigError(QT_TRANSLATE_NOOP("Config", "unknown mistake %1; choose from %2")
                                  .arg(repr(self.mistake), ", ".join(MISTAKES)))
            if not self.hidden:
                raise ConfigError(QT_TRANSLATE_NOOP("Config", "the %1 mistake needs at least one hidden layer")
                                  .arg(self.mistake))
        for name in ("init_std", "lr", "momentum", "weight_decay", "lr_decay", "dropout"):
            finite(name)
        integer("shift")
        if not isinstance(self.augment, tuple) or any(a not in AUGMENTS for a in self.augment):
            raise ConfigError(QT_TRANSLATE_NOOP("Config", "unknown augmentation in %1; choose from %2")
                              .arg(repr(self.augment), ", ".join(AUGMENTS)))
        for name in ("rotation", "shear", "scale", "translate", "thickness", "elastic_alpha", "elastic_sigma",
                     "pen_share", "pen_min", "pen_max"):
            finite(name)
        integer("batch_size")
        integer("seed")
        if (self.epochs is None) == (self.steps is None):
            raise ConfigError(QT_TRANSLATE_NOOP("Config", "give either a number of epochs or a number of steps"))
        if self.epochs is not None:
            finite("epochs")
        if self.steps is not None:
            integer("steps")
        return self


# How differences() names a setting; the others go by their Config field name.
SHORT_NAMES = {"init_std": "init std", "weight_decay": "weight decay", "lr_decay": "lr decay",
               "batch_size": "batch size"}


def setting_text(name: str, value) -> str:
    """A setting's value as a person reads it: hidden as "256,128" (none: "none"), numbers with %g,
    a setting left unset (epochs or steps: the other one sets the run's length) as a dash."""
    if value is None:
        return "—"
    if name == "hidden":
        return ",".join(map(str, value)) if value else QT_TRANSLATE_NOOP("Config", "none")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def differences(a: Config, b: Config) -> list[tuple[str, str, str]]:
    """The settings in which a differs from b, in field order: (name, value in a, value in b) as
    text, e.g. [("lr", "0.01", "0.1")], ready for a label "lr 0.01 (now 0.1)"."""
    out = []
    for f in fields(Config):
        va, vb = getattr(a, f.name), getattr(b, f.name)
        if va != vb:
            out.append((SHORT_NAMES.get(f.name, f.name), setting_text(f.name, va), setting_text(f.name, vb)))
    return out


@dataclass(frozen=True)
class Setting:
    """How a person sets one Config field (the command line's help and argument are made from it).

    help: what it does, in a line (its range and default are added from RANGES and Config);
    metavar: the placeholder for its value; choices: the values it is chosen from, listed in the
    help; strict: the command line itself refuses any other value (else Config.validated does).
    """

    help: str
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    strict: bool = False


def _either(names) -> str:
    """'a, b or c'."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


# Every Config field, in the order a person meets them (Config's own).
SETTINGS: dict[str, Setting] = {
    "hidden": Setting(f"hidden layer widths, e.g. 256,128, or empty for none: 0 to {MAX_LAYERS} layers"),
    "activation": Setting(_either(ACTIVATIONS), choices=tuple(ACTIVATIONS)),
    "loss": Setting(_either(LOSSES), choices=tuple(LOSSES)),
    "init": Setting(_either(INITS) + ": the initial weights; xavier is Glorot uniform, variance 2/(n_in + n_out), "
                    "he is normal with variance 2/n_in", choices=INITS),
    "init_std": Setting("standard deviation for init normal"),
    "optimizer": Setting(_either(OPTIMIZERS), choices=tuple(OPTIMIZERS)),
    "lr": Setting("learning rate"),
    "momentum": Setting("momentum coefficient, for optimizer momentum"),
    "weight_decay": Setting("L2 weight decay"),
    "lr_decay": Setting("factor applied to the learning rate after each epoch"),
    "schedule": Setting("learning-rate schedule over the run: step (x0.1 at 1/2 and 3/4), exp, cosine (each ends "
                        "at 1% of the learning rate); none keeps it constant", choices=SCHEDULES, strict=True),
    "dropout": Setting("drop this share of every hidden layer's units at each training step", "P"),
    "shift": Setting("augment: move training images by up to N pixels", "N"),
    "augment": Setting("augment training images: any of " + ", ".join(AUGMENTS) + " (comma-separated), or none",
                       "LIST", AUGMENTS),
    "rotation": Setting("augment affine: rotate by up to ±DEG", "DEG"),
    "shear": Setting("augment affine: slant by up to ±DEG", "DEG"),
    "scale": Setting("augment affine: scale each axis by 1±F", "F"),
    "translate": Setting("augment affine: move by up to ±PX pixels", "PX"),
    "thickness": Setting("augment thickness: strokes up to PX pixels thinner or thicker", "PX"),
    "elastic_alpha": Setting("augment elastic: strength of the distortion", "PX"),
    "elastic_sigma": Setting("augment elastic: smoothness of the distortion", "PX"),
    "pen_share": Setting("augment pen: share of each batch thinned to its skeleton and drawn again with a round "
                         "pen, as the drawing pad draws", "F"),
    "pen_min": Setting("augment pen: narrowest pen, in pixels", "PX"),
    "pen_max": Setting("augment pen: widest pen, in pixels", "PX"),
    "batch_size": Setting("mini-batch size"),
    "epochs": Setting("passes over the training set; give this or steps"),
    "steps": Setting("mini-batch updates; give this or epochs"),
    "seed": Setting("random seed: the same seed and settings give identical weights"),
    "dtype": Setting("floating-point type of the network: " + _either(DTYPES), choices=DTYPES, strict=True),
    "mistake": Setting("reproduce one of the course notebook's update mistakes: w_update (W1 - lr*W1) or db1 "
                       "(db1 summed from dz1)", choices=tuple(MISTAKES), strict=True),
}
RUN_LENGTH = ("epochs", "steps")  # exactly one of them is set


def setting_help(name: str) -> str:
    """A setting's help with its allowed values and its default (Config's), in one line of English."""
    s, default = SETTINGS[name], getattr(Config(), name)
    extra = []
    if name == "hidden":
        extra.append(f"each {describe_range(name)} units")
    elif name in RANGES:
        extra.append(str(describe_range(name)))
    if default is not None and default != ():
        extra.append("default " + setting_text(name, default).replace("—", "none"))
    elif name == "augment":
        extra.append("default none")
    return s.help + (f" ({'; '.join(extra)})" if extra else "")


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
    # The most accurate network within a minute and a half, and the one that reads drawings best:
    # wider, and trained on digits rotated, slanted, squashed or stretched, moved, with thinner or
    # thicker strokes and elastic distortions (Simard et al. 2003), half of them first drawn again
    # with the pad's round pen, so that it learns the digits rather than one scanner's pens and positions.
    # Elastic alpha 15 rather than 25: drawings are read better (skeletons redrawn in place 97.7 % against
    # 97.4 %, over two seeds) at the same test accuracy (benchmarks/pad_drawings.py).
    "best": Config(hidden=(512, 256), activation="relu", init="he", optimizer="adam", lr=0.002,
                   lr_decay=0.86, batch_size=256, augment=("affine", "thickness", "elastic", "pen"), rotation=10.0,
                   shear=10.0, scale=0.15, translate=2.0, thickness=0.7, elastic_alpha=15.0, elastic_sigma=4.0,
                   pen_share=0.5, pen_min=1.6, pen_max=3.2, epochs=20, steps=None),
}
