"""Training: reproducibility, epochs, learning, divergence."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlpviz.core.config import PRESETS, Config
from mlpviz.core.trainer import Trainer


def weights(trainer):
    return [p.copy() for p in trainer.model.params]


def test_same_seed_same_config_gives_bit_identical_weights(small):
    config = PRESETS["fast"].replace(hidden=(32, 16), batch_size=64)
    a = Trainer.from_config(config, small, evaluate_epochs=False)
    b = Trainer.from_config(config, small, evaluate_epochs=False)
    a.step(60)
    b.step(60)
    for p, q in zip(weights(a), weights(b)):
        np.testing.assert_array_equal(p, q)
    c = Trainer.from_config(config.replace(seed=1), small, evaluate_epochs=False)
    c.step(60)
    assert not np.array_equal(weights(a)[0], weights(c)[0])


def test_an_epoch_visits_every_image_once_with_a_smaller_last_batch(small):
    t = Trainer.from_config(Config(batch_size=128, steps=100), small, evaluate_epochs=True)
    assert t.steps_per_epoch == 24  # 23 batches of 128 and one of 56
    t.step(23)
    assert t.epoch == 0 and t.samples_seen == 23 * 128
    t.step(1)
    assert t.epoch == 1 and t.samples_seen == 3000 and len(t.epochs) == 1
    assert np.array_equal(np.sort(t.epoch_order), np.arange(3000))  # a permutation of the images
    order1 = t.epoch_order.copy()
    t.step(24)
    assert t.epoch == 2 and not np.array_equal(order1, t.epoch_order)  # a fresh order each epoch


def test_a_short_run_learns_well_above_chance(small):
    config = Config(hidden=(64,), activation="relu", init="he", optimizer="adam", lr=0.002,
                    batch_size=50, epochs=3, steps=None)
    t = Trainer.from_config(config, small)
    before = t.evaluate().accuracy
    t.step(3 * t.steps_per_epoch)
    assert len(t.epochs) == 3
    assert t.epochs[-1].test_accuracy > 0.85 > before + 0.5
    assert t.epochs[-1].train_loss < t.epochs[0].train_loss
    assert len(t.losses) == t.step_count and t.train_seconds > 0 and t.samples_per_second > 0


def test_evaluation_confusion_matrix_is_consistent(small):
    t = Trainer.from_config(PRESETS["course"], small, evaluate_epochs=False)
    t.step(50)
    ev = t.evaluate("test")
    assert ev.confusion.shape == (10, 10) and ev.confusion.sum() == 1000
    assert list(ev.confusion.sum(axis=1)) == list(np.bincount(small.y_test, minlength=10))
    assert ev.accuracy == pytest.approx(np.trace(ev.confusion) / 1000)
    assert t.evaluate("test", limit=100).confusion.sum() == 100


def test_float64_training_runs(small):
    t = Trainer.from_config(Config(dtype="float64", steps=10), small, evaluate_epochs=False)
    t.step(10)
    assert t.model.dtype == np.float64 and np.isfinite(t.losses.view()).all()


def test_learning_rate_decays_after_each_epoch(small):
    t = Trainer.from_config(Config(lr=0.5, lr_decay=0.5, batch_size=1000, steps=10), small,
                            evaluate_epochs=False)
    t.step(2)
    assert t.optimizer.lr == 0.5
    t.step(1)
    assert t.optimizer.lr == 0.25


def test_shift_augmentation_moves_images_within_bounds(small):
    t = Trainer.from_config(Config(shift=2, batch_size=64, steps=10), small, evaluate_epochs=False)
    fed = []  # what the network is given to learn from, as the per-step hook sees it
    t.hooks.append(lambda trainer, idx, x, y: fed.append(x.copy()))
    t.step(1)
    before = small.x_train[t.epoch_order[:64]].reshape(64, 28, 28).astype(int)
    after = fed[0].reshape(64, 28, 28).astype(int)
    moved = 0
    for a, b in zip(before, after):
        # Each image equals the original moved by some (dy, dx) with |dy|, |dx| <= 2.
        matches = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)
                   if np.array_equal(np.roll(np.pad(a, 2), (dy, dx), (0, 1))[2:30, 2:30], b)]
        assert matches
        moved += matches[0] != (0, 0)
    assert moved > 40  # most images moved
    t.step(10)
    assert np.isfinite(t.losses.view()).all()


def test_history_grows_by_doubling_and_keeps_every_value():
    from mlpviz.core.history import GrowingBuffer
    buf = GrowingBuffer(capacity=4)
    values = np.arange(1000, dtype=np.float32)
    for v in values[:10]:
        buf.append(v)
    buf.extend(values[10:])
    np.testing.assert_array_equal(buf.view(), values)
    assert buf.capacity == 1024  # doubled from 4, never grown one element at a time
    rows = GrowingBuffer(capacity=1, row=(3,), dtype=np.float64)
    rows.append((1, 2, 3))
    rows.extend(np.arange(6).reshape(2, 3))
    np.testing.assert_array_equal(rows.view(), [[1, 2, 3], [0, 1, 2], [3, 4, 5]])


@settings(max_examples=200, deadline=None)
@given(half=st.integers(1, 6), capacity=st.integers(1, 5),
       chunks=st.lists(st.integers(0, 40), min_size=1, max_size=25))
def test_a_limited_history_keeps_every_stride_th_row_in_any_chunks(half, capacity, chunks):
    from mlpviz.core.history import GrowingBuffer
    buf, total = GrowingBuffer(capacity=capacity, row=(2,), limit=2 * half), 0
    for k in chunks:
        rows = np.arange(total + 1, total + k + 1)
        if k == 1:
            buf.append((rows[0], -rows[0]))
        else:
            buf.extend(np.stack([rows, -rows], axis=1))
        total += k
        # rows are numbered from 1: exactly the multiples of the stride are kept, in order
        np.testing.assert_array_equal(buf.view()[:, 0], np.arange(1, total // buf.stride + 1) * buf.stride)
        np.testing.assert_array_equal(buf.positions(), buf.view()[:, 0])
        np.testing.assert_array_equal(buf.view()[:, 1], -buf.view()[:, 0])
        assert buf.given == total and len(buf) <= 2 * half and buf.capacity <= 2 * half
        assert buf.stride == 1 or len(buf) >= half  # thinned only when full


def test_a_limited_history_rejects_an_odd_limit():
    from mlpviz.core.history import GrowingBuffer
    with pytest.raises(ValueError, match="even"):
        GrowingBuffer(limit=5)


def test_an_epoch_evaluation_can_be_cut_short_and_redone(small):
    t = Trainer.from_config(Config(batch_size=1000, steps=10), small, evaluate_epochs=False)
    t.step(3)
    assert t.epoch == 1 and t.epochs == []
    calls = []
    assert t.record_epoch(should_stop=lambda: calls.append(1) or len(calls) > 2) is None
    assert t.epochs == [] and len(calls) == 3  # stopped between chunks, nothing half-recorded
    record = t.record_epoch(should_stop=lambda: False)
    assert record is not None and t.epochs == [record] and record.step == 3


def test_a_batch_size_change_keeps_the_run_and_the_epoch_going(small):
    t = Trainer.from_config(Config(hidden=(20,), batch_size=128, steps=100), small)
    t.step(10)
    weights_before = [p.copy() for p in t.model.params]
    t.set_batch_size(500)
    assert t.steps_per_epoch == 6 and t.steps_to_epoch_end == 4  # 1,720 images left: 500, 500, 500, 220
    assert all(np.array_equal(p, q) for p, q in zip(weights_before, t.model.params))  # no reset
    t.step(3)
    assert t.epoch == 0 and t.samples_seen == 1280 + 1500
    t.step(1)
    assert t.epoch == 1 and t.samples_seen == 3000 and len(t.epochs) == 1 and t.epochs[0].step == 14
    t.step(6)
    assert t.epoch == 2 and t.step_count == 20 and len(t.losses) == 20
    np.testing.assert_allclose(t.series["epoch"].view()[[9, 13, 19]], [1280 / 3000, 1.0, 2.0])
    assert [(c.step, c.name, c.value) for c in t.changes] == [(10, "batch_size", 500)]
    with pytest.raises(Exception, match="larger than the training set"):
        t.set_batch_size(5000)
    assert t.batch_size == 500


def test_settings_change_between_steps_without_a_reset(small):
    t = Trainer.from_config(Config(hidden=(20,), optimizer="momentum", momentum=0.5, steps=50), small)
    t.step(5)
    velocity = t.optimizer.velocity[0].copy()
    t.set_momentum(0.9)
    t.set_weight_decay(0.01)
    t.set_dropout(0.3)
    t.set_shift(2)
    assert np.array_equal(t.optimizer.velocity[0], velocity)  # kept
    assert (t.optimizer.momentum, t.optimizer.weight_decay, t.dropout, t.shift) == (0.9, 0.01, 0.3, 2)
    t.step(5)
    assert t.step_count == 10 and np.isfinite(t.losses.view()).all()
    assert [c.name for c in t.changes] == ["momentum", "weight_decay", "dropout", "shift"]
    assert all(c.step == 5 for c in t.changes)


@pytest.mark.parametrize("setter, value, message", [
    ("set_momentum", 1.5, "momentum"), ("set_weight_decay", -1.0, "weight decay"),
    ("set_dropout", 1.0, "dropout"), ("set_dropout", float("nan"), "dropout"), ("set_shift", 20, "shift"),
    ("set_batch_size", 0, "batch size"), ("set_lr", 0.0, "learning rate"), ("set_schedule", "linear", "schedule"),
])
def test_bad_setting_changes_are_refused_and_change_nothing(small, setter, value, message):
    from mlpviz.core.config import ConfigError
    t = Trainer.from_config(Config(hidden=(20,), optimizer="momentum", steps=10), small)
    before = (t.optimizer.momentum, t.optimizer.weight_decay, t.dropout, t.shift, t.batch_size, t.lr, t.schedule)
    with pytest.raises(ConfigError, match=message):
        getattr(t, setter)(value)
    assert before == (t.optimizer.momentum, t.optimizer.weight_decay, t.dropout, t.shift, t.batch_size, t.lr,
                      t.schedule)
    assert t.changes == []


def test_momentum_needs_the_momentum_optimizer(small):
    from mlpviz.core.config import ConfigError
    t = Trainer.from_config(Config(hidden=(20,), optimizer="adam", lr=0.001, steps=10), small)
    with pytest.raises(ConfigError, match="momentum optimizer"):
        t.set_momentum(0.5)


def test_dropout_is_reproducible_and_leaves_no_dropout_runs_unchanged(small):
    config = Config(hidden=(32,), activation="relu", init="he", batch_size=64, steps=30)
    runs = [Trainer.from_config(c, small, evaluate_epochs=False) for c in
            (config.replace(dropout=0.3), config.replace(dropout=0.3), config)]
    for t in runs:
        t.step(30)
    np.testing.assert_array_equal(runs[0].model.layers[0].W, runs[1].model.layers[0].W)
    assert not np.array_equal(runs[0].model.layers[0].W, runs[2].model.layers[0].W)


def test_switching_augmentation_on_mid_run_leaves_the_epoch_orders_alone(small):
    """Augmentation draws from a stream of its own: the data order does not depend on it."""
    config = Config(hidden=(16,), batch_size=500, steps=100)  # 6 steps an epoch
    plain, shifted = (Trainer.from_config(config, small, evaluate_epochs=False) for _ in range(2))
    orders = {id(t): [] for t in (plain, shifted)}
    for t in (plain, shifted):
        for epoch in range(4):
            if t is shifted and epoch == 1:
                t.set_shift(2)
            t.step(t.steps_to_epoch_end)
            orders[id(t)].append(t.epoch_order.copy())
    for a, b in zip(orders[id(plain)], orders[id(shifted)]):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(plain.model.params[0], shifted.model.params[0])  # the shift did act


def test_evaluation_lives_in_the_evaluation_module(small):
    from mlpviz.core import evaluation, trainer
    assert "evaluate" not in vars(trainer) or trainer.evaluate is evaluation.evaluate
    assert trainer.Evaluation is evaluation.Evaluation
    t = Trainer.from_config(Config(hidden=(16,), steps=10), small, evaluate_epochs=False)
    ev = t.evaluate("test", limit=200)
    again = evaluation.evaluate(t.model, small.x_test[:200], small.y_test[:200])
    assert isinstance(ev, evaluation.Evaluation) and ev.accuracy == again.accuracy and ev.loss == again.loss
