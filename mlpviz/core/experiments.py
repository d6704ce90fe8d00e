"""The course's experiments as data: each compares a few runs that differ in one thing.

Every run starts from the course's network (784-50-10 sigmoid, weights from N(0, 0.01^2),
plain SGD at learning rate 0.1, batches of 100, cross-entropy) and changes what its `changes`
say; `train_limit` keeps only the first N training images; `variant` names one of the course
notebook's update mistakes (optim.MISTAKES) to reproduce, or is None.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .config import PRESETS, Config
from .messages import QT_TRANSLATE_NOOP

BASE = PRESETS["course"]
# Runs are measured in epochs so that runs with different batch sizes or training sets compare
# at the same number of passes over their data.
EPOCHS = {"epochs": 5, "steps": None}


class Run(NamedTuple):
    """One run of an experiment: a label, Config changes from the course's network, how many
    training images (None: all) and which course mistake to make (None: none)."""

    label: str
    changes: dict
    train_limit: int | None = None
    variant: str | None = None

    def config(self, base: Config = BASE) -> Config:
        """The run's full configuration, validated (ConfigError if a change is unusable)."""
        return base.replace(**self.changes, mistake=self.variant).validated()


@dataclass(frozen=True)
class Experiment:
    """A comparison the course talks about: what to set up, and what to watch while it runs."""

    key: str
    title: str
    what_to_watch: str
    runs: tuple[Run, ...]

    def to_dict(self) -> dict:
        """JSON-ready: key, title, what_to_watch, runs [{label, config, train_limit, variant}]."""
        return {"key": self.key, "title": self.title, "what_to_watch": self.what_to_watch,
                "runs": [{"label": r.label, "config": r.config().to_dict(), "train_limit": r.train_limit,
                          "variant": r.variant} for r in self.runs]}


DEEP = (100, 100, 100, 100, 100)

EXPERIMENTS: tuple[Experiment, ...] = (
    Experiment(
        "mistakes", QT_TRANSLATE_NOOP("Experiments", "The course's network and the notebook's two update mistakes"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "The network as intended passes 80% test accuracy within its first epoch. With W1 updated "
            "by W1 - lr*W1, the first layer's weights shrink by a tenth every step whatever the "
            "images, so within a few hundred steps every image looks the same to the network: the "
            "loss stays at 2.30 and the accuracy is the share of the one digit it always answers, "
            "about 10%; 11.35% when that digit is 1, the commonest. The db1 mistake (summing dz1 "
            "instead of da1) gives the first biases a wrong gradient, yet its curves lie on top of "
            "the correct run's: 50 biases matter little next to 784 x 50 weights."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "as intended"), EPOCHS),
         Run(QT_TRANSLATE_NOOP("Experiments", "W1 - lr*W1"), EPOCHS, variant="w_update"),
         Run(QT_TRANSLATE_NOOP("Experiments", "db1 from dz1"), EPOCHS, variant="db1"))),
    Experiment(
        "loss", QT_TRANSLATE_NOOP("Experiments", "Mean squared error against cross-entropy"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "At the same learning rate of 0.1, cross-entropy passes 80% within the first epoch "
            "while mean squared error stays near 11-16% for the first two: the squared error's "
            "gradient at the output is damped by the softmax's slope, smallest exactly when the "
            "network is confidently wrong, whereas cross-entropy's is simply p - t."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "cross-entropy"), EPOCHS),
         Run(QT_TRANSLATE_NOOP("Experiments", "mean squared error"), {**EPOCHS, "loss": "mse"}))),
    Experiment(
        "activation", QT_TRANSLATE_NOOP("Experiments", "Sigmoid against ReLU in a deep network"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "Five hidden layers of 100 units, He initialisation for both. Each sigmoid layer passes "
            "back at most a quarter of the gradient it receives, so the gradient reaching the first "
            "layers all but vanishes: the sigmoid network's loss stays at 2.30 (about 10% accuracy) "
            "for the first epochs, while the ReLU network passes 90% in its first."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "sigmoid"), {**EPOCHS, "hidden": DEEP, "init": "he"}),
         Run(QT_TRANSLATE_NOOP("Experiments", "ReLU"),
             {**EPOCHS, "hidden": DEEP, "init": "he", "activation": "relu"}))),
    Experiment(
        "init", QT_TRANSLATE_NOOP("Experiments", "Initial weights: N(0, 0.01²), N(0, 1) and He"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "With a standard deviation of 1, each first-layer unit sums 784 large random terms, so "
            "most sigmoids start saturated near 0 or 1, where their slope is almost zero, and the "
            "outputs are confidently wrong: the loss starts near 6, far above the 2.30 of guessing, "
            "and the run stays behind the others (about 77% after two epochs, against 88% for 0.01 "
            "and 91% for He, which scales the spread to the number of inputs: N(0, 2/784))."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "N(0, 0.01²)"), EPOCHS),
         Run(QT_TRANSLATE_NOOP("Experiments", "N(0, 1)"), {**EPOCHS, "init_std": 1.0}),
         Run(QT_TRANSLATE_NOOP("Experiments", "He"), {**EPOCHS, "init": "he"}))),
    Experiment(
        "lr", QT_TRANSLATE_NOOP("Experiments", "Learning rate 1, 0.1 and 0.001"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "At 0.001 the loss stays at 2.30 for the first epochs and the network answers 1 for "
            "everything (11.35%): each step is too small. 0.1 is the course's choice. 1 learns "
            "faster still for this small sigmoid network (about 93% after one epoch), with a "
            "noisier loss; much larger rates overshoot and the loss rises instead."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "lr 1"), {**EPOCHS, "lr": 1.0}),
         Run(QT_TRANSLATE_NOOP("Experiments", "lr 0.1"), EPOCHS),
         Run(QT_TRANSLATE_NOOP("Experiments", "lr 0.001"), {**EPOCHS, "lr": 0.001}))),
    Experiment(
        "keras", QT_TRANSLATE_NOOP("Experiments", "The Keras model (Adam, batch 32) against plain SGD"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "The course's Keras model has the same 784-50-10 shape but starts from Glorot-uniform "
            "weights and trains with Adam on batches of 32: more, smaller and adaptive steps per "
            "epoch. Compare the accuracy after each epoch, and the time each epoch takes."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "Keras: Adam, batch 32"),
             {**EPOCHS, "init": "xavier", "optimizer": "adam", "lr": 0.001, "batch_size": 32}),
         Run(QT_TRANSLATE_NOOP("Experiments", "plain SGD, batch 100"), EPOCHS))),
    Experiment(
        "overfitting", QT_TRANSLATE_NOOP("Experiments", "1,000 training images against 60,000"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "On 1,000 images the train accuracy climbs towards 100% while the test accuracy stops "
            "well short of it: the gap between the two curves is overfitting, the network memorising "
            "its images instead of learning digits. On 60,000 the two curves stay close together."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "1,000 images"), {"epochs": 30, "steps": None}, train_limit=1000),
         Run(QT_TRANSLATE_NOOP("Experiments", "60,000 images"), EPOCHS))),
)

def experiment(key: str) -> Experiment:
    """Look an experiment up by key; ValueError names the keys if there is none."""
    for e in EXPERIMENTS:
        if e.key == key:
            return e
    raise ValueError(f"unknown experiment {key!r}; choose from {', '.join(e.key for e in EXPERIMENTS)}")
