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


# A byte budget ------------------------------------------------------------------------------------

def wide() -> MLP:
    """A large network in miniature: about 133 kB a copy."""
    return MLP.create((100, 300, 10), seed=0)


def copy_bytes(model: MLP) -> int:
    return sum(p.nbytes for p in model.params)


def run_long(tl: Timeline, model: MLP, steps: int = 20_000, per_epoch: int = 500, check=None) -> int:
    """Offer model at every step as a trainer does (an epoch end every per_epoch steps), calling
    check() after each copy; the last step due a log-spaced copy."""
    last_due = 0
    for step in range(steps + 1):
        end = step > 0 and step % per_epoch == 0
        due = tl.due(step)
        if due or end:
            tl.offer(step, model, step // per_epoch if end else None)
            if check is not None:
                check()
        last_due = step if due else last_due
    return last_due


def test_a_large_network_keeps_as_many_copies_as_its_byte_budget_holds():
    import tracemalloc

    model = wide()
    budget = 10 * copy_bytes(model)
    tl = Timeline(budget=budget)
    held = []
    tracemalloc.start()
    last_due = run_long(tl, model, check=lambda: held.append(tl.nbytes))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert max(held) <= budget and tl.max_copies == 10 and tl.limited
    assert peak < budget + copy_bytes(model) // 2  # not even for a moment one copy more than the budget
    assert tl.copy_nbytes == copy_bytes(model)
    assert len(tl) >= 8  # it uses its room
    steps = tl.steps()
    assert steps[0] == 0 and last_due in steps  # the untrained network and the latest log-spaced copy
    # Epoch ends thinned evenly to every 8th of the 40, the last one among them.
    assert [e for e, _ in tl.epoch_ends()] == [8, 16, 24, 32, 40]
    assert tl.model_at(20_000) is tl.model_at(steps[-1]) and steps[-1] == 20_000
    logged = sorted(set(steps) - {s for _, s in tl.epoch_ends()})
    assert sum(s < 1000 for s in logged) >= sum(s >= 10_000 for s in logged)  # still dense at the start


def test_a_network_larger_than_the_budget_keeps_the_first_the_latest_and_an_epoch_end():
    model = wide()
    tl = Timeline(budget=copy_bytes(model) // 2)
    last_due = run_long(tl, model, steps=20_100)  # the last epoch end (40) is not the last step
    assert tl.max_copies == 3 and len(tl) == 3 and tl.limited
    assert tl.steps() == [0, last_due, 16_000]  # epoch 32: every 32nd epoch end is kept
    assert tl.epoch_ends() == [(32, 16_000)]


def test_a_small_network_keeps_every_copy_the_counts_allow():
    tl = Timeline(budget=10 * copy_bytes(wide()))  # room for 10 copies of the wide network: many tiny ones
    run_long(tl, tiny(), steps=200_000, per_epoch=1000)
    assert tl.max_copies == 128 and not tl.limited
    assert [e for e, _ in tl.epoch_ends()] == list(range(4, 201, 4))  # 200 epoch ends in 64 places
    assert 32 < len(set(tl.steps()) - {s for _, s in tl.epoch_ends()}) <= 64


def test_the_default_budget_is_a_share_of_physical_memory_up_to_a_ceiling(monkeypatch):
    import os

    from mlpviz.core import timeline as timeline_module
    mb = 2**20

    def machine(physical: int):
        monkeypatch.setattr(os, "sysconf", lambda name: {"SC_PAGE_SIZE": 4096, "SC_PHYS_PAGES": physical // 4096}[name])

    machine(1024 * mb)
    assert timeline_module.memory_budget() == 128 * mb  # an eighth
    machine(64 * 1024 * mb)
    assert timeline_module.memory_budget() == 512 * mb  # the ceiling
    monkeypatch.delattr(os, "sysconf")  # a system that does not tell
    assert timeline_module.memory_budget() == 512 * mb


def test_a_default_timeline_of_a_large_network_stays_within_the_machines_share(monkeypatch):
    import os

    # A machine with 16 MB of memory: 2 MB for the timeline, 15 copies of the wide network.
    monkeypatch.setattr(os, "sysconf", lambda name: {"SC_PAGE_SIZE": 4096, "SC_PHYS_PAGES": 4096}[name])
    tl, model = Timeline(), wide()
    run_long(tl, model)
    assert tl.nbytes <= 2 * 2**20 and len(tl) >= 8
