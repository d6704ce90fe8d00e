"""Hyperparameters: impossible values are refused at the boundary with a message; legal values
that diverge are caught when the loss stops being finite (the command line's side: tests/test_cli.py)."""
import pytest

from mlpviz.core.config import Config, ConfigError
from mlpviz.core.trainer import Diverged, Trainer

NAN, INF = float("nan"), float("inf")
REFUSED = [
    ({"lr": 0.0}, "learning rate"), ({"lr": -0.1}, "learning rate"), ({"lr": NAN}, "learning rate"),
    ({"lr": INF}, "learning rate"), ({"lr": 1e9}, "learning rate"),
    ({"batch_size": 0}, "batch size"), ({"batch_size": -3}, "batch size"),
    ({"hidden": (0,)}, "width"), ({"hidden": (-5,)}, "width"), ({"hidden": (10**6,)}, "width"),
    ({"momentum": 1.5}, "momentum"), ({"momentum": -0.1}, "momentum"), ({"momentum": NAN}, "momentum"),
    ({"weight_decay": -1.0}, "weight decay"), ({"weight_decay": INF}, "weight decay"),
    ({"init_std": 0.0}, "init_std"), ({"init_std": NAN}, "init_std"), ({"init_std": 1e5}, "init_std"),
    ({"epochs": 0.0, "steps": None}, "epochs"), ({"epochs": NAN, "steps": None}, "epochs"),
    ({"epochs": 1e9, "steps": None}, "epochs"), ({"steps": 0}, "steps"), ({"steps": -5}, "steps"),
    ({"lr_decay": 0.0}, "lr_decay"), ({"lr_decay": 1.5}, "lr_decay"), ({"shift": 20}, "shift"),
    ({"activation": "swish"}, "unknown activation"), ({"optimizer": "rmsprop"}, "unknown optimizer"),
    ({"epochs": 2.0}, "either"), ({"steps": None}, "either"),
    ({"dropout": 0.96}, "dropout"), ({"dropout": -0.1}, "dropout"), ({"dropout": NAN}, "dropout"),
    ({"schedule": "linear"}, "unknown schedule"),
]


@pytest.mark.parametrize("change, message", REFUSED, ids=[str(c) for c, _ in REFUSED])
def test_impossible_values_are_refused(change, message):
    with pytest.raises(ConfigError, match=message):
        Config().replace(**change).validated()


def test_batch_larger_than_the_training_set_is_refused(small):
    with pytest.raises(ConfigError, match="larger than the training set"):
        Trainer.from_config(Config(batch_size=200), small.limit_train(100))


def test_a_legal_rate_that_diverges_is_caught(small):
    t = Trainer.from_config(Config(hidden=(64, 64), activation="leaky_relu", init="he", lr=50, steps=100), small)
    with pytest.raises(Diverged, match="learning rate"):
        t.step(100)
    assert t.step_count < 100 and len(t.losses) == t.step_count
