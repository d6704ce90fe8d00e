"""Hints: each rule fires on a synthetic bad history and stays silent on a healthy one, and the
rules agree with real short runs."""
import numpy as np
import pytest

from mlpviz.core import hints
from mlpviz.core.config import Config
from mlpviz.core.trainer import Diverged, EpochRecord, SettingChange, Trainer

COURSE = Config()


def keys(found):
    return [h.key for h in found]


def healthy_losses(n=2000, seed=0):
    """A loss falling from 2.3 to about 0.3 with mini-batch noise of 15% of its level."""
    rng = np.random.default_rng(seed)
    level = 0.3 + 2.0 * np.exp(-np.arange(n) / 150)
    return (level * (1 + 0.15 * rng.standard_normal(n))).astype(np.float32)


def records(train_acc, test_acc, train_loss=None, test_loss=None):
    n = len(train_acc)
    train_loss = train_loss or [0.3] * n
    test_loss = test_loss or [0.3] * n
    return tuple(EpochRecord(i + 1, 600 * (i + 1), train_loss[i], train_acc[i], test_loss[i], test_acc[i], i)
                 for i in range(n))


def test_a_healthy_run_gets_no_hint():
    epochs = records([0.90, 0.92, 0.93, 0.94], [0.895, 0.912, 0.921, 0.93])
    inactive = np.full((40, 2), 0.02)
    grad_norm = np.tile([0.5, 0.8], (40, 1))
    assert hints.check(healthy_losses(), epochs, COURSE, grad_norm, inactive) == []
    for n in (10, 99, 300, 999, 1500):  # at any point of its course
        assert hints.check(healthy_losses()[:n], epochs[:2], COURSE) == []


@pytest.mark.parametrize("lr", [0.1, 3.0])
def test_a_loss_that_is_no_longer_finite_asks_for_a_tenth_of_the_rate(lr):
    losses = np.append(healthy_losses(300), [np.nan])
    (hint,) = hints.check(losses, (), COURSE.replace(lr=lr))
    assert hint.key == "lr_high" and hint.fix == hints.Fix({"lr": lr / 10}, reset=True)
    assert f"{lr / 10:g}" in hint.text


def test_a_loss_above_guessing_is_a_rate_too_high():
    rng = np.random.default_rng(1)
    losses = 2.8 + 0.1 * rng.standard_normal(300)
    assert keys(hints.check(losses, (), COURSE.replace(lr=20))) == ["lr_high"]
    assert hints.check(losses[:hints.MIN_STEPS_HIGH - 1], (), COURSE) == []  # too early to say
    # mean squared error has its own chance level: half of 0.9^2 + 9 * 0.1^2
    assert hints.chance_loss("mse") == pytest.approx(0.45)
    assert hints.chance_loss("cross_entropy") == pytest.approx(np.log(10))


def test_a_rising_loss_is_a_rate_too_high():
    losses = healthy_losses(1200)
    losses[-100:] = 0.75  # back up from about 0.3
    (hint,) = hints.check(losses, (), COURSE)
    assert hint.key == "lr_high" and "rose" in hint.text
    losses[-100:-50] = 0.35  # one bad block is not yet a rise
    assert hints.check(losses, (), COURSE) == []


def test_an_oscillating_loss_is_a_rate_too_high():
    losses = healthy_losses(1200)
    losses[-200:] = np.repeat(np.tile([0.2, 1.4], 5), 20)
    (hint,) = hints.check(losses, (), COURSE)
    assert hint.key == "lr_high" and "up and down" in hint.text


def test_the_rules_read_only_the_recent_window():
    losses = healthy_losses(3000)
    losses[:50] = np.nan  # long gone: not a reason to lower the rate now
    assert hints.check(losses, (), COURSE) == []


def test_a_flat_loss_after_many_steps_is_a_rate_too_low():
    rng = np.random.default_rng(2)
    losses = 2.302 + 0.005 * rng.standard_normal(600)
    (hint,) = hints.check(losses, (), COURSE.replace(lr=1e-5))
    assert hint.key == "lr_low" and hint.fix == hints.Fix({"lr": 1e-4}, reset=False)
    assert hints.check(losses[:hints.MIN_STEPS_LOW - 1], (), COURSE) == []


def test_a_widening_gap_between_train_and_test_is_overfitting():
    epochs = records([0.90, 0.95, 0.98, 0.995], [0.86, 0.875, 0.88, 0.882])
    (hint,) = hints.check(healthy_losses(), epochs, COURSE)
    assert hint.key == "overfitting" and hint.fix == hints.Fix({"shift": 2}, reset=True)
    assert "11.3 points" in hint.text
    (hint,) = hints.check(healthy_losses(), epochs, COURSE.replace(shift=2))
    assert hint.fix == hints.Fix({"weight_decay": 1e-4}, reset=True)
    # a wide gap that stopped growing, or a growing gap still small, is not reported
    assert hints.check(healthy_losses(), records([0.99] * 4, [0.95] * 4), COURSE) == []
    assert hints.check(healthy_losses(), records([0.90, 0.91, 0.92], [0.90, 0.90, 0.905]), COURSE) == []
    # a test loss rising while the train loss falls counts as widening too
    rising = records([0.97, 0.975, 0.98], [0.94, 0.944, 0.948], [0.10, 0.08, 0.06], [0.20, 0.22, 0.25])
    assert keys(hints.check(healthy_losses(), rising, COURSE)) == ["overfitting"]


def test_many_inactive_units_are_dead_relus_or_saturated_sigmoids_by_activation():
    inactive = np.tile([0.7, 0.05, 0.0], (30, 1))  # two hidden layers and the output layer
    relu = COURSE.replace(hidden=(100, 100), activation="relu", init="he")
    (hint,) = hints.check(healthy_losses(), (), relu, inactive=inactive)
    assert hint.key == "dead_relu" and "70%" in hint.text and "layer 1" in hint.text
    assert hint.fix == hints.Fix({"activation": "leaky_relu"}, reset=True)
    (hint,) = hints.check(healthy_losses(), (), relu.replace(activation="sigmoid"), inactive=inactive)
    assert hint.key == "saturated" and hint.fix == hints.Fix({"init": "xavier"}, reset=True)
    assert hints.check(healthy_losses(), (), relu.replace(activation="leaky_relu"), inactive=inactive) == []
    # the output layer's column is not a hidden layer: written-off classes are not dead ReLUs
    assert hints.check(healthy_losses(), (), relu, inactive=np.tile([0.0, 0.0, 0.9], (30, 1))) == []
    # without statistics, or with few inactive units, nothing
    assert hints.check(healthy_losses(), (), relu, inactive=np.full((30, 3), 0.1)) == []
    assert hints.check(healthy_losses(), (), relu, inactive=np.zeros((0, 3))) == []


def test_a_first_layer_gradient_far_below_the_last_is_vanishing():
    deep = COURSE.replace(hidden=(100,) * 4)
    grad_norm = np.tile([1e-7, 1e-5, 1e-3, 1e-2, 0.5], (30, 1))
    flat = 2.302 + np.zeros(600)
    found = hints.check(flat, (), deep, grad_norm=grad_norm)
    assert keys(found) == ["vanishing"]  # and not a learning rate too low
    assert found[0].fix == hints.Fix({"activation": "relu", "init": "he"}, reset=True)
    assert keys(hints.check(flat, (), deep, grad_norm=np.tile([0.3, 0.5, 0.4, 0.6, 0.5], (30, 1)))) == ["lr_low"]
    two_layers = np.tile([1e-7, 0.5], (30, 1))  # a shallow network has no depth to vanish in
    assert hints.check(healthy_losses(), (), COURSE, grad_norm=two_layers) == []


def test_a_run_with_a_course_mistake_on_purpose_gets_no_hint():
    assert hints.check(np.full(600, 2.302), (), COURSE.replace(mistake="w_update")) == []


def risen_after(step=1200, n=1400, level=0.75):
    """A healthy loss of about 0.3 by `step`, then up at `level` for every step after it."""
    losses = healthy_losses(n)
    losses[step:] = level
    return losses


def test_a_loss_that_rose_right_after_dropout_was_switched_on_names_dropout_not_the_rate():
    losses, dropout = risen_after(), SettingChange(1200, "dropout", 0.5)
    assert keys(hints.check(losses, (), COURSE.replace(dropout=0.5))) == ["lr_high"]  # no note: as before
    (hint,) = hints.check(losses, (), COURSE.replace(dropout=0.5), changes=(dropout,))
    assert "dropout was set to 0.5 at step 1,200" in hint.title and "50%" in hint.text
    assert "learning rate" not in hint.title + hint.text
    assert hint.fix == hints.Fix({"dropout": 0.0}, reset=False) and "set dropout to 0." in hint.text
    # dropout was on before: the fix goes back to the run's own earlier rate
    (hint,) = hints.check(losses, (), COURSE.replace(dropout=0.5),
                          changes=(SettingChange(400, "dropout", 0.2), dropout))
    assert hint.fix == hints.Fix({"dropout": 0.2}, reset=False) and "back to 0.2" in hint.text
    # a change made while the loss was already up does not take the blame from the one before it
    (hint,) = hints.check(losses, (), COURSE.replace(dropout=0.5),
                          changes=(dropout, SettingChange(1300, "momentum", 0.95)))
    assert "dropout" in hint.title and hint.fix.changes == {"dropout": 0.0}


def test_a_loss_worse_than_guessing_after_an_image_shift_names_the_shift_as_long_as_it_lasts():
    rng = np.random.default_rng(3)
    losses = np.concatenate([healthy_losses(1200), 4.4 + 0.1 * rng.standard_normal(3000)]).astype(np.float32)
    config, shift = COURSE.replace(shift=4), (SettingChange(1200, "shift", 4),)
    for n in (1300, 2000, 4200):  # the shift is still set: thousands of steps on, it is still the cause
        (hint,) = hints.check(losses[:n], (), config, changes=shift)
        assert "shift was set to 4 at step 1,200" in hint.title and "learning rate" not in hint.text
        assert hint.fix == hints.Fix({"shift": 0}, reset=False)


def test_a_loss_that_jumped_after_an_edit_of_the_weights_names_the_edit():
    edit = SettingChange(1200, "edit", "prune")  # an Edit-tab edit, whatever its value says
    (hint,) = hints.check(risen_after(), (), COURSE, changes=(edit,))
    assert "weights were edited at step 1,200" in hint.title and "learning rate" not in hint.text
    assert hint.fix is None  # training wins it back; no setting undoes an edit
    # a loss flat at guessing since pruning, its low gone from the window, is not a rate too low either
    flat = risen_after(n=2400, level=2.302)
    assert keys(hints.check(flat, (), COURSE)) == ["lr_low"]
    (hint,) = hints.check(flat, (), COURSE, changes=(edit,))
    assert "edited" in hint.title and hint.fix is None


def test_a_learning_rate_raised_mid_run_is_still_the_learning_rate():
    losses = risen_after()
    changes = (SettingChange(1200, "lr", 3.0),)
    (hint,) = hints.check(losses, (), COURSE.replace(lr=3.0), changes=changes)
    assert hint.key == "lr_high" and hint.fix == hints.Fix({"lr": 0.3}, reset=True)
    # the rate raised after dropout was switched on, and the loss rose after the rate: the rate
    changes = (SettingChange(600, "dropout", 0.2), *changes)
    assert keys(hints.check(losses, (), COURSE.replace(lr=3.0, dropout=0.2), changes=changes)) == ["lr_high"]


def test_a_change_the_trouble_did_not_follow_right_away_is_not_blamed():
    # the loss was worse than guessing before dropout was switched on: the rate, as ever
    rng = np.random.default_rng(1)
    losses = (2.8 + 0.1 * rng.standard_normal(600)).astype(np.float32)
    assert keys(hints.check(losses, (), COURSE.replace(lr=20), changes=(SettingChange(300, "dropout", 0.5),))) == \
        ["lr_high"]
    # the loss rose long after the change, which it had taken in its stride
    losses = risen_after(step=1100, n=1200)
    assert keys(hints.check(losses, (), COURSE, changes=(SettingChange(400, "dropout", 0.2),))) == ["lr_high"]
    # a healthy run with changes gets no hint at all
    assert hints.check(healthy_losses(), (), COURSE, changes=(SettingChange(1200, "dropout", 0.5),)) == []


def test_nice_rounds_to_one_significant_digit():
    assert [hints.nice(x) for x in (0.1 / 10, 5 / 10, 0.25, 1e-5 * 10, 37)] == [0.01, 0.5, 0.2, 1e-4, 40]


def train(config, data, steps, statistics=False):
    """Train for `steps` (stopping early on divergence); with statistics, also per-step
    gradient norms (steps, layers) measured before each update."""
    trainer = Trainer.from_config(config, data, evaluate_epochs=False)
    norms = []
    if statistics:
        update = trainer.optimizer.update

        def measured(params, grads):
            norms.append([np.linalg.norm(g) for g in grads[0::2]])
            update(params, grads)

        trainer.optimizer.update = measured
    try:
        trainer.step(steps)
    except Diverged:
        pass
    return trainer, (np.array(norms) if statistics else None)


def test_real_runs_learning_rate_too_high_too_low_and_right(small):
    good, _ = train(COURSE, small, hints.MIN_STEPS_LOW)
    assert hints.check(good.losses.view(), (), COURSE) == []
    high = COURSE.replace(lr=20)
    t, _ = train(high, small, 200)
    assert keys(hints.check(t.losses.view(), (), high)) == ["lr_high"]
    low = COURSE.replace(lr=1e-5)
    t, _ = train(low, small, hints.MIN_STEPS_LOW)
    assert keys(hints.check(t.losses.view(), (), low)) == ["lr_low"]


def test_real_run_on_1000_images_overfits(small):
    config = COURSE.replace(lr=0.5, epochs=12, steps=None)
    trainer = Trainer.from_config(config, small.limit_train(1000))
    trainer.step(trainer.planned_steps(config))
    gap = trainer.epochs[-1].train_accuracy - trainer.epochs[-1].test_accuracy
    found = keys(hints.check(trainer.losses.view(), trainer.epochs, config))
    assert gap > hints.GAP and "overfitting" in found
    # the epoch history alone, before the gap opened, says nothing
    assert hints.overfitting(trainer.epochs[:2], config) is None


def test_real_deep_sigmoid_network_from_tiny_weights_has_vanishing_gradients(small):
    deep = COURSE.replace(hidden=(100,) * 4)
    t, norms = train(deep, small, 30, statistics=True)
    assert norms.shape == (30, 5)
    assert keys(hints.check(t.losses.view(), (), deep, grad_norm=norms)) == ["vanishing"]
    relu = deep.replace(activation="relu", init="he")
    t, norms = train(relu, small, 30, statistics=True)
    assert hints.check(t.losses.view(), (), relu, grad_norm=norms) == []


def test_a_flat_loss_above_guessing_is_never_called_a_rate_too_low():
    losses = np.full(800, 2.8)
    assert keys(hints.check(losses, (), COURSE.replace(lr=20))) == ["lr_high"]
    assert hints.lr_too_low(losses, COURSE) is None


def test_unmeasured_steps_make_no_hint_and_no_warning():
    # An opened model's earlier steps carry NaN statistics: nothing to judge, and nothing to warn about.
    from mlpviz.core import hints
    from mlpviz.core.config import Config
    inactive = np.full((50, 3), np.nan)
    for config in (Config(hidden=(32, 16), activation="relu"), Config(hidden=(32, 16), activation="sigmoid")):
        assert hints.dead_relus(inactive, config) is None and hints.saturated_sigmoids(inactive, config) is None
    assert hints.vanishing_gradients(np.full((50, 5), np.nan), Config(hidden=(10, 10, 10, 10))) is None


@pytest.mark.parametrize("name, value", [("dropout", 0.5), ("shift", 4)])
def test_real_runs_switching_dropout_or_the_image_shift_on_mid_run_name_the_setting(small, name, value):
    config = COURSE.replace(steps=1500)
    trainer = Trainer.from_config(config, small, evaluate_epochs=False)
    trainer.step(1200)
    getattr(trainer, f"set_{name}")(value)
    trainer.step(300)
    found = hints.check(trainer.losses.view(), (), config.replace(**{name: value}), changes=trainer.changes)
    assert [h.fix for h in found] == [hints.Fix({name: type(value)(0)}, reset=False)]
    assert "learning rate" not in found[0].text
