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
# The overfitting experiment's runs: many small steps, so that 1,000 images are learnt by heart in
# 2,000 steps (30 epochs at batches of 100 and lr 0.1 were 300 steps: still about 50%, underfitting).
SMALL_STEPS = {"batch_size": 10, "lr": 0.5, "steps": None}

# The course notebook's mistakes in words, for labels and for saying what a network does wrong.
MISTAKE_LABELS = {"w_update": QT_TRANSLATE_NOOP("Experiments", "W1 - lr*W1"),
                  "db1": QT_TRANSLATE_NOOP("Experiments", "db1 from dz1")}
MISTAKE_TEXTS = {
    "w_update": QT_TRANSLATE_NOOP("Experiments", "its first layer is updated by W1 - lr*W1, its own weights instead "
                                                 "of their gradient, so it learns nothing"),
    "db1": QT_TRANSLATE_NOOP("Experiments", "its first biases' gradient db1 is summed from dz1 instead of da1, "
                                            "before the sigmoid's derivative")}

# Every number in these texts is measured by tests/core/test_experiments.py, on the bundled MNIST
# with the runs' own settings: change a run and the test says which sentence no longer holds.
EXPERIMENTS: tuple[Experiment, ...] = (
    Experiment(
        "mistakes", QT_TRANSLATE_NOOP("Experiments", "The course's network and the notebook's two update mistakes"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "The network as intended reaches about 79% test accuracy after its first epoch and 88% after its "
            "second. With W1 updated by W1 - lr*W1, the first layer's weights shrink by a tenth every step "
            "whatever the images, so within a few hundred steps every image looks the same to the network: "
            "the loss stays at 2.30 and it gives every image the same answer, so its accuracy is that digit's "
            "share of the test set, about 10% (11.35% when the digit is 1, the commonest). The db1 mistake "
            "(summing dz1 instead of da1) gives the first biases a wrong gradient, yet its curves lie on top "
            "of the correct run's, within a tenth of a point of accuracy: 50 biases matter little next to "
            "784 x 50 weights."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "as intended"), EPOCHS),
         Run(QT_TRANSLATE_NOOP("Experiments", "mistake: W1 - lr*W1"), EPOCHS, variant="w_update"),
         Run(QT_TRANSLATE_NOOP("Experiments", "mistake: db1 from dz1"), EPOCHS, variant="db1"))),
    Experiment(
        "loss", QT_TRANSLATE_NOOP("Experiments", "Mean squared error against cross-entropy"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "At the same learning rate of 0.1, cross-entropy reaches about 79% test accuracy after the first "
            "epoch and 88% after the second, while mean squared error stays near 11-16% for the first two: "
            "the squared error's gradient at the output is damped by the softmax's slope, smallest exactly "
            "when the network is confidently wrong, whereas cross-entropy's is simply p - t."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "cross-entropy"), EPOCHS),
         Run(QT_TRANSLATE_NOOP("Experiments", "mean squared error"), {**EPOCHS, "loss": "mse"}))),
    Experiment(
        "activation", QT_TRANSLATE_NOOP("Experiments", "Sigmoid against ReLU in a deep network"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "Five hidden layers of 100 units, He initialisation for both. Each sigmoid layer passes back at "
            "most a quarter of the gradient it receives, so the gradient reaching the first layer is about a "
            "hundredth of the last layer's: the sigmoid network's loss stays at 2.30 (about 10% accuracy) for "
            "its first two epochs, while the ReLU network passes 90% in its first."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "sigmoid, 5 layers"), {**EPOCHS, "hidden": DEEP, "init": "he"}),
         Run(QT_TRANSLATE_NOOP("Experiments", "ReLU, 5 layers"),
             {**EPOCHS, "hidden": DEEP, "init": "he", "activation": "relu"}))),
    Experiment(
        "init", QT_TRANSLATE_NOOP("Experiments", "Initial weights: N(0, 0.01²), N(0, 1) and He"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "With a standard deviation of 1, each first-layer unit sums 784 large random terms, so most "
            "sigmoids start saturated near 0 or 1, where their slope is almost zero, and the outputs are "
            "confidently wrong: the loss starts near 7, far above the 2.30 of guessing, and the run stays "
            "behind the others (about 76% after two epochs, against 88% for 0.01 and 91% for He, which "
            "scales the spread to the number of inputs: N(0, 2/784))."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "init N(0, 0.01²)"), EPOCHS),
         Run(QT_TRANSLATE_NOOP("Experiments", "init N(0, 1)"), {**EPOCHS, "init_std": 1.0}),
         Run(QT_TRANSLATE_NOOP("Experiments", "init He"), {**EPOCHS, "init": "he"}))),
    Experiment(
        "lr", QT_TRANSLATE_NOOP("Experiments", "Learning rate 10, 1, 0.1 and 0.001"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "At 10 each step overshoots: the loss leaps to nearly 10 on the second step, and after an epoch it "
            "is still above the 2.30 of guessing, at about 10% accuracy. 1 learns faster than the course's 0.1 "
            "for this small sigmoid network: about 93% after one epoch, against 79%. At 0.001 each step is too "
            "small: the loss stays at 2.30 for the first epochs and the network answers 1 for everything "
            "(11.35%)."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "learning rate 10"), {**EPOCHS, "lr": 10.0}),
         Run(QT_TRANSLATE_NOOP("Experiments", "learning rate 1"), {**EPOCHS, "lr": 1.0}),
         Run(QT_TRANSLATE_NOOP("Experiments", "learning rate 0.1"), EPOCHS),
         Run(QT_TRANSLATE_NOOP("Experiments", "learning rate 0.001"), {**EPOCHS, "lr": 0.001}))),
    Experiment(
        "keras", QT_TRANSLATE_NOOP("Experiments", "The Keras model (Adam, batch 32) against plain SGD"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "The course's Keras model has the same 784-50-10 shape but starts from Glorot-uniform weights and "
            "trains with Adam on batches of 32: 1,875 steps per epoch against 600 for SGD on batches of 100, "
            "each step scaled weight by weight. After one epoch it reaches about 93% test accuracy, plain SGD "
            "about 79%."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "Keras: Adam, batch 32"),
             {**EPOCHS, "init": "xavier", "optimizer": "adam", "lr": 0.001, "batch_size": 32}),
         Run(QT_TRANSLATE_NOOP("Experiments", "plain SGD, batch 100"), EPOCHS))),
    Experiment(
        "overfitting", QT_TRANSLATE_NOOP("Experiments", "1,000 training images against 60,000"),
        QT_TRANSLATE_NOOP(
            "Experiments",
            "Both runs take batches of 10 at a learning rate of 0.5; watch the train and test accuracy of "
            "each. On 1,000 images the train accuracy passes 99% within 20 epochs (2,000 steps) while the "
            "test accuracy stops near 87%: the gap of more than ten points between the two curves is "
            "overfitting, the network learning its 1,000 images by heart instead of learning digits. On "
            "60,000 images the two stay within a point of each other (about 95% after the first epoch): what "
            "it learns from so many images holds for new ones too."),
        (Run(QT_TRANSLATE_NOOP("Experiments", "1,000 images"), {**SMALL_STEPS, "epochs": 20}, train_limit=1000),
         Run(QT_TRANSLATE_NOOP("Experiments", "60,000 images"), {**SMALL_STEPS, "epochs": 3}))),
)


def experiment(key: str) -> Experiment:
    """Look an experiment up by key; ValueError names the keys if there is none."""
    for e in EXPERIMENTS:
        if e.key == key:
            return e
    raise ValueError(f"unknown experiment {key!r}; choose from {', '.join(e.key for e in EXPERIMENTS)}")
