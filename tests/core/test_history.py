"""A run's history as the GUI takes it in, delivery by delivery."""
import numpy as np
import pytest

from mlpviz.core.history import RunHistory, epoch_knots


def rows(start: int, stop: int, spe: int, epoch0: float = 0.0, layers: int = 2, **extra) -> dict[str, np.ndarray]:
    """Rows of steps start+1 .. stop as the trainer records them, at spe steps per epoch."""
    n = stop - start
    return {"loss": np.arange(start + 1, stop + 1, dtype=np.float32),
            "epoch": epoch0 + np.arange(1, n + 1) / spe, "grad_norm": np.full((n, layers), float(stop)), **extra}


def test_each_step_keeps_the_epoch_it_ended_at_across_a_batch_size_change():
    """3,000 images: 30 steps of 100 are one epoch, then 10 steps of 300 another."""
    h = RunHistory()
    h.add(0, rows(0, 30, 30), 30)
    h.add(30, rows(30, 40, 10, epoch0=1.0), 10)
    assert h.steps == 40 and h.steps_per_epoch == 10
    assert h.epoch_at(30) == pytest.approx(1.0) and h.epoch_at(40) == pytest.approx(2.0)
    np.testing.assert_allclose(h.epoch_of(np.array([15, 35])), [0.5, 1.5])
    assert h.epoch_at(0) == 0.0 and h.epoch_at(45) == pytest.approx(2.5)  # past the end: the current rate
    np.testing.assert_array_equal(h.losses, np.arange(1, 41))


def test_steps_without_a_recorded_epoch_are_counted_on_from_the_last_known_one():
    h = RunHistory()
    h.add(0, {"loss": np.ones(20, np.float32)}, 10)  # no epoch series: counted
    epochs = np.full(10, np.nan)
    epochs[5:] = 2.5 + np.arange(1, 6) / 20  # an opened run: the steps before the file are NaN
    h.add(20, {"loss": np.ones(10, np.float32), "epoch": epochs}, 20)
    np.testing.assert_allclose(h.epoch_of(np.arange(1, 21)), np.arange(1, 21) / 10)
    np.testing.assert_allclose(h.epoch_of(np.arange(21, 26)), 2 + np.arange(1, 6) / 20)
    np.testing.assert_allclose(h.epoch_of(np.arange(26, 31)), 2.5 + np.arange(1, 6) / 20)


def test_a_delivery_again_is_ignored_and_one_from_the_start_starts_over():
    h = RunHistory()
    h.add(0, rows(0, 10, 10), 10)
    h.add(10, rows(10, 20, 10, epoch0=1.0), 10)
    generation = h.generation
    h.add(10, rows(10, 20, 10, epoch0=1.0), 10)  # the same snapshot twice
    assert h.steps == 20 and h.generation == generation
    h.add(0, rows(0, 5, 10), 10)  # the history from its start again
    assert h.steps == 5 and h.generation == generation + 1
    np.testing.assert_array_equal(h.series("grad_norm")[:, 0], np.full(5, 5.0))


def test_series_stay_aligned_by_step_through_gaps_and_switches():
    h = RunHistory()
    h.add(0, {"loss": np.ones(4, np.float32)}, 10)  # statistics off
    h.add(4, rows(4, 8, 10, epoch0=0.4), 10)  # on: the earlier steps are NaN
    h.add(10, rows(10, 12, 10, epoch0=1.0), 10)  # steps 9 and 10 never arrived
    h.add(12, {"loss": np.ones(3, np.float32)}, 10)  # off again
    values = h.series("grad_norm")
    np.testing.assert_array_equal(h.kept_steps(np.arange(len(values))), np.arange(1, 16))
    finite = np.isfinite(values[:, 0])
    np.testing.assert_array_equal(np.flatnonzero(finite) + 1, [5, 6, 7, 8, 11, 12])
    assert np.isnan(h.losses[8:10]).all() and h.epoch_at(10) == pytest.approx(1.0)
    assert h.series("absent") is None and h.names() == ["grad_norm"]


def test_long_series_are_thinned_alike_and_the_loss_and_epochs_kept_whole():
    h = RunHistory(limit=16)
    lr = np.linspace(1, 0, 70)
    for start in range(0, 70, 7):
        h.add(start, rows(start, start + 7, 10, epoch0=start / 10, lr=lr[start:start + 7]), 10)
    assert h.steps == 70 and h.epoch_at(70) == pytest.approx(7.0)
    for name in ("grad_norm", "lr"):
        steps = h.kept_steps(np.arange(len(h.series(name))))
        np.testing.assert_array_equal(steps, np.arange(1, 9) * 8)  # every 8th step of 64 and more
    np.testing.assert_allclose(h.series("lr"), lr[np.arange(1, 9) * 8 - 1])


def test_note_keeps_the_latest_records():
    h = RunHistory()
    probes = np.array([[0.5, 0.8, 0.7]])
    h.note([], probes, ())
    assert h.records == () and h.probes is probes and h.changes == ()


def test_the_epochs_of_a_long_run_are_kept_as_the_steps_where_their_rate_changes():
    """1,000 images in batches of 300: three steps of 0.3 epochs and one of 0.1 per epoch; then
    batches of 100. The rate changes at every epoch's last step and at the new batch size only."""
    h = RunHistory()
    epochs, e = [], 0.0
    for _ in range(50):
        for step in (0.3, 0.3, 0.3, 0.1):
            e += step
            epochs.append(e)
    for _ in range(100):
        e += 0.1
        epochs.append(e)
    epochs = np.array(epochs)
    for start in range(0, len(epochs), 7):  # deliveries that cut across the epochs
        h.add(start, {"loss": np.ones(len(epochs[start:start + 7]), np.float32), "epoch": epochs[start:start + 7]}, 4)
    np.testing.assert_allclose(h.epoch_of(np.arange(1, 301)), epochs, rtol=0, atol=1e-9)
    steps, _ = h.epoch_knots()
    assert len(steps) <= 2 * 50 + 3  # two a ragged epoch, not one a step
    assert h.epoch_at(300) == pytest.approx(60.0) and h.epoch_at(310) == pytest.approx(62.5)


def test_the_recent_rows_of_a_thinned_series_are_every_step_s():
    """Readers of the last steps (the hints) get exactly those, however long the run."""
    from mlpviz.core.history import TAIL
    h = RunHistory(limit=16)
    for start in range(0, 70, 7):
        h.add(start, rows(start, start + 7, 10, lr=np.arange(start + 1, start + 8, dtype=np.float64)), 10)
    assert h.series("lr").shape == (8,)  # thinned: every 8th step
    np.testing.assert_array_equal(h.recent("lr", 10), np.arange(61, 71))
    np.testing.assert_array_equal(h.recent("grad_norm", 3)[:, 0], [70, 70, 70])
    assert h.recent("lr", 0).shape == (0,) and h.recent("absent", 5) is None
    h.add(70, rows(70, 70 + TAIL + 5, 10, epoch0=7.0, lr=np.arange(71, 76 + TAIL, dtype=np.float64)), 10)
    np.testing.assert_array_equal(h.recent("lr", 2 * TAIL), np.arange(76, 76 + TAIL))  # at most TAIL
    h.add(0, rows(0, 3, 10), 10)  # the history again from its start: the tail starts over too
    assert len(h.recent("grad_norm", 10)) == 3 and h.recent("lr", 10) is None


def test_a_run_s_epochs_become_the_knots_where_their_rate_changes():
    """30 steps of 100 images, then 10 of 300, on 3,000 images: two epochs in 40 steps."""
    epochs = np.concatenate([np.arange(1, 31) / 30, 1 + np.arange(1, 11) / 10])
    knots = epoch_knots(epochs)
    np.testing.assert_allclose(knots, [[0, 0], [30, 1], [40, 2]])
    np.testing.assert_allclose(np.interp(np.arange(1, 41), *knots.T), epochs)
    np.testing.assert_array_equal(epoch_knots(np.zeros(0)), [[0, 0]])
    np.testing.assert_allclose(epoch_knots(np.arange(1, 8) / 3), [[0, 0], [7, 7 / 3]])
