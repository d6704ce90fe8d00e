"""Divergence: caught when the loss is NaN, blown up or stuck at saturation; never on healthy runs."""
import math

import numpy as np
import pytest

from mlpviz.core.config import PRESETS, Config
from mlpviz.core.divergence import DivergenceWatch
from mlpviz.core.losses import loss as make_loss
from mlpviz.core.trainer import Diverged, Trainer

HEALTHY = {
    "course": (PRESETS["course"], 300),
    "keras": (PRESETS["keras"], 300),
    "fast": (PRESETS["fast"], 150),
    "best": (PRESETS["best"].replace(hidden=(256, 128)), 100),
    "course-mse": (Config(loss="mse", lr=0.5), 150),
    "momentum-tanh": (Config(activation="tanh", init="xavier", optimizer="momentum", lr=0.05), 300),
}


def rolling_mean(a, n):
    c = np.cumsum(np.concatenate([[0.0], a.astype(np.float64)]))
    return (c[n:] - c[:-n]) / n


@pytest.mark.parametrize("name", list(HEALTHY))
def test_healthy_runs_of_every_preset_never_trip_it(small, name):
    config, steps = HEALTHY[name]
    t = Trainer.from_config(config, small, evaluate_epochs=False)
    t.step(steps)  # would raise Diverged
    losses = t.losses.view()
    assert len(losses) == steps and losses[-50:].mean() < losses[:20].mean()  # it learned
    # Far from the line, not just below it: never halfway from the first loss to it.
    assert rolling_mean(losses, DivergenceWatch.WINDOW).max() < (losses[0] + t.divergence.ceiling) / 2


def test_sgd_at_learning_rate_50_stops_with_a_message(small):
    t = Trainer.from_config(Config(lr=50, steps=2000), small, evaluate_epochs=False)
    with pytest.raises(Diverged) as e:
        t.step(2000)
    message = str(e.value)
    assert "diverged" in message and "lower the learning rate" in message and "\n" not in message
    assert e.value.step <= 2 * DivergenceWatch.WINDOW and t.step_count == e.value.step - 1
    assert len(t.losses) == t.step_count and t.model.weights_finite()


def test_the_thresholds_follow_the_loss():
    ce, mse = DivergenceWatch(make_loss("cross_entropy")), DivergenceWatch(make_loss("mse"))
    assert ce.ceiling == pytest.approx(3 * math.log(10))
    # MSE cannot reach three times its chance level (0.45): halfway to always surely wrong (1.0).
    assert mse.ceiling == pytest.approx((0.45 + 1.0) / 2)


def feed(watch, losses):
    for step, value in enumerate(losses, 1):
        watch.check(step, value)


def test_a_loss_that_blows_up_is_caught_after_a_window():
    watch = DivergenceWatch(make_loss("cross_entropy"))
    with pytest.raises(Diverged, match="rose from 2.30 at the start") as e:
        feed(watch, [2.3] + [16.0] * 100)
    assert e.value.step < 1 + DivergenceWatch.WINDOW  # once the window's mean passes the line


def test_a_network_saturated_from_the_start_is_caught_when_it_stays_there():
    watch = DivergenceWatch(make_loss("cross_entropy"))
    with pytest.raises(Diverged, match="stayed above 6.91 for 200 steps") as e:
        feed(watch, [16.0] * 300)
    assert e.value.step == DivergenceWatch.LONG_WINDOW
    for steps in (300, 1000):  # starts saturated but learns its way out: left alone
        feed(DivergenceWatch(make_loss("cross_entropy")), list(np.linspace(16, 1, steps)))


def test_spikes_shorter_than_the_window_are_tolerated():
    watch = DivergenceWatch(make_loss("cross_entropy"))
    feed(watch, ([2.3] * 30 + [20.0] * 3) * 20)


@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_a_non_finite_loss_is_caught_at_once(value):
    watch = DivergenceWatch(make_loss("cross_entropy"))
    with pytest.raises(Diverged, match=f"the loss became {value} in step 3, which was not applied"):
        feed(watch, [2.3, 2.2, value])


def test_mse_that_blows_up_is_caught_though_it_cannot_reach_three_times_its_start():
    # MSE is at most 1.0, so "three times the first loss" (0.45 at chance) could never fire: the
    # line is halfway from the start to always surely wrong instead, which is MSE's ceiling.
    watch = DivergenceWatch(make_loss("mse"))
    with pytest.raises(Diverged, match="rose from 0.45 at the start to 0.9") as e:
        feed(watch, [0.45] + [0.9] * 100)
    assert e.value.step < 1 + DivergenceWatch.WINDOW
    feed(DivergenceWatch(make_loss("mse")), [0.45] + [0.7] * 150)  # below the ceiling: left alone
    feed(DivergenceWatch(make_loss("mse")), list(np.linspace(0.95, 0.1, 300)))  # saturated start, learns out


def test_an_mse_run_at_a_learning_rate_far_too_high_stops_within_two_windows(small):
    config = Config(loss="mse", hidden=(64, 64), activation="leaky_relu", init="he", lr=50, steps=400)
    t = Trainer.from_config(config, small, evaluate_epochs=False)
    with pytest.raises(Diverged, match="rose from") as e:
        t.step(400)
    assert e.value.step <= 2 * DivergenceWatch.WINDOW and t.model.weights_finite()
