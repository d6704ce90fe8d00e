"""The timeline: bounded, log-spaced copies of the network plus epoch ends."""
import threading

import numpy as np
import pytest

from mlpviz.core.config import Config
from mlpviz.core.model import MLP
from mlpviz.core.timeline import Timeline
from mlpviz.core.trainer import Trainer


def tiny() -> MLP:
    return MLP.create((4, 3, 2), seed=0)


def test_bounded_log_spaced_and_dense_at_the_start():
    tl, model = Timeline(), tiny()
    for step in range(200_000):
        tl.offer(step, model, epoch=step // 1000 if step and step % 1000 == 0 else None)
    # the log-spaced copies (a step kept as both counts as an epoch end; none is, in this run)
    logged = sorted(set(tl.steps()) - {s for _, s in tl.epoch_ends()})
    assert len(tl.epoch_ends()) <= 64 and len(tl.steps()) <= 64 + 64
    assert len(logged) <= 64 and len(logged) > 32  # thinned evenly: about half stays
    assert 0 in tl.steps() and 1 in logged  # the untrained network and the very first step
    gaps = np.diff(np.log1p(logged))
    # Evenly spaced on a log scale: the gaps in log(1 + step) stay within a factor of the
    # bin width (steps are whole numbers, which spreads the first few).
    assert gaps[5:].max() < 3 * np.median(gaps[5:])
    assert sum(s < 1000 for s in logged) > sum(s >= 10_000 for s in logged)  # dense at the start


def test_every_epoch_end_is_kept_up_to_the_bound_then_thinned_evenly():
    tl, model = Timeline(capacity=8, epoch_capacity=4), tiny()
    for epoch in range(1, 5):
        tl.offer(epoch * 10, model, epoch=epoch)
    assert [e for e, _ in tl.epoch_ends()] == [1, 2, 3, 4]
    tl.offer(50, model, epoch=5)
    assert [e for e, _ in tl.epoch_ends()] == [2, 4]
    for epoch in range(6, 13):
        tl.offer(epoch * 10, model, epoch=epoch)
    assert [e for e, _ in tl.epoch_ends()] == [4, 8, 12]


def test_copies_are_independent_and_model_at_finds_the_latest_before(small):
    t = Trainer.from_config(Config(hidden=(10,), batch_size=500, steps=30), small, evaluate_epochs=False)
    W0 = t.model.layers[0].W.copy()
    t.step(30)  # 5 epochs of 6 steps
    tl = t.timeline
    np.testing.assert_array_equal(tl.model_at(0).layers[0].W, W0)
    assert [s for _, s in tl.epoch_ends()] == [6, 12, 18, 24, 30]
    steps = tl.steps()
    assert steps[:4] == [0, 1, 2, 3] and steps[-1] == 30
    between = max(s for s in steps if s <= 23)
    assert tl.model_at(23) is tl.model_at(between)
    assert not np.array_equal(tl.model_at(30).layers[0].W, W0)
    np.testing.assert_array_equal(tl.model_at(30).layers[0].W, t.model.layers[0].W)
    with pytest.raises(KeyError):
        tl.model_at(-1)
    assert tl.nbytes == len(tl) * sum(p.nbytes for p in t.model.params)


def test_due_says_when_an_offer_would_copy():
    tl, model = Timeline(per_doubling=1), tiny()
    kept = [s for s in range(100) if tl.due(s) and tl.offer(s, model)]
    # One bin per doubling of (1 + step): 0, 1, 3, 7, 15, 31, 63.
    assert kept == [0, 1, 3, 7, 15, 31, 63]
    assert all(not tl.due(s) for s in range(64, 127)) and tl.due(127)


def test_reading_while_offering_from_another_thread():
    tl, model = Timeline(capacity=8), tiny()
    errors = []

    def reader():
        try:
            for _ in range(2000):
                for s in tl.steps():
                    tl.model_at(s)
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    thread = threading.Thread(target=reader)
    thread.start()
    for step in range(20_000):
        tl.offer(step, model)
    thread.join()
    assert errors == [] and len(tl) <= 8


def test_a_timeline_needs_room():
    with pytest.raises(ValueError):
        Timeline(capacity=1)
    with pytest.raises(ValueError):
        Timeline(epoch_capacity=0)


def test_a_stored_copy_holds_its_parameters_and_no_gradients(rng):
    import tracemalloc

    model = MLP.create((784, 256, 10), seed=0)
    model.train_batch(rng.random((8, 784), dtype=np.float32), rng.integers(0, 10, 8))  # its gradients exist
    timeline = Timeline()
    tracemalloc.start()
    timeline.offer(1, model)
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    params = sum(p.nbytes for p in model.params)
    assert params <= held < 1.1 * params  # not twice that: gradients are made only for training
    copy = timeline.model_at(1)
    copy.train_batch(rng.random((8, 784), dtype=np.float32), rng.integers(0, 10, 8))  # still trainable
    assert copy.layers[0].dW.shape == (784, 256) and copy.layers[0].dW.any()
