"""Learning-rate schedules: their values, and the trainer applying them step by step."""
import math

import numpy as np
import pytest

from mlpviz.core.config import Config, ConfigError
from mlpviz.core.schedules import FLOOR, SCHEDULES, lr_factor
from mlpviz.core.trainer import Trainer


@pytest.mark.parametrize("name, expected", [
    ("none", [1, 1, 1, 1, 1, 1]),
    ("step", [1, 1, 0.1, 0.1, FLOOR, FLOOR]),
    ("exp", [1, 0.01 ** 0.25, 0.1, 0.01 ** 0.6, 0.01 ** 0.75, FLOOR]),
    ("cosine", [1, 0.01 + 0.99 * (1 + math.cos(math.pi / 4)) / 2, 0.505, None, None, FLOOR]),
])
def test_schedule_values(name, expected):
    for f, want in zip((0, 0.25, 0.5, 0.6, 0.75, 1.0), expected):
        if want is not None:
            assert lr_factor(name, f) == pytest.approx(want)


@pytest.mark.parametrize("name", SCHEDULES)
def test_schedules_never_rise_and_stay_at_their_end_past_the_plan(name):
    values = [lr_factor(name, f) for f in np.linspace(0, 1, 101)]
    assert all(b <= a + 1e-12 for a, b in zip(values, values[1:]))
    assert lr_factor(name, 3.0) == lr_factor(name, 1.0) and lr_factor(name, -1.0) == 1.0


def test_unknown_schedule():
    with pytest.raises(ValueError, match="unknown schedule"):
        lr_factor("linear", 0.5)
    with pytest.raises(ConfigError, match="unknown schedule"):
        Config(schedule="linear").validated()


def test_the_trainer_follows_the_schedule_over_the_planned_epochs(small):
    config = Config(hidden=(16,), lr=0.2, schedule="cosine", batch_size=500, epochs=2.0, steps=None)
    t = Trainer.from_config(config, small, evaluate_epochs=False)  # 6 steps per epoch, 12 in all
    t.step(12)
    lrs = t.series["lr"].view()
    expected = [0.2 * lr_factor("cosine", k / 12) for k in range(12)]  # at the start of each step
    np.testing.assert_allclose(lrs, expected)
    assert t.lr == 0.2  # the base rate


def test_schedule_with_lr_decay_and_changes_while_running(small):
    config = Config(hidden=(16,), lr=0.1, lr_decay=0.5, schedule="step", batch_size=500, epochs=4.0, steps=None)
    t = Trainer.from_config(config, small, evaluate_epochs=False)
    t.step(12)  # two epochs: halfway, and the base rate halved twice
    assert t.lr == pytest.approx(0.025)
    t.step()
    assert t.series["lr"].view()[-1] == pytest.approx(0.025 * 0.1)
    t.set_lr(0.4)
    t.step()
    assert t.series["lr"].view()[-1] == pytest.approx(0.04)
    t.set_schedule("none")
    t.step()
    assert t.series["lr"].view()[-1] == pytest.approx(0.4) and t.optimizer.lr == pytest.approx(0.4)
    assert [(c.name, c.value) for c in t.changes] == [("lr", 0.4), ("schedule", "none")]
