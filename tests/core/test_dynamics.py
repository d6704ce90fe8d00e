"""Per-step statistics: gradient norms, update ratios, inactive units, weight histograms."""
import math

import numpy as np
import pytest

from mlpviz.core.config import Config
from mlpviz.core.dynamics import WINDOW, StepStatistics, weight_histograms
from mlpviz.core.layers import ACTIVATIONS, activation
from mlpviz.core.model import MLP
from mlpviz.core.trainer import STATISTICS, Trainer

DEEP = (100, 100, 100, 100)


def deep_trainer(small, act: str, init: str) -> Trainer:
    config = Config(hidden=DEEP, activation=act, init=init, init_std=0.01, batch_size=100, steps=20)
    t = Trainer.from_config(config, small, evaluate_epochs=False, timeline=False)
    t.step(20)
    return t


def test_a_deep_sigmoid_network_with_tiny_weights_has_vanishing_gradients(small):
    g = deep_trainer(small, "sigmoid", "normal").series["grad_norm"].view()
    assert g.shape == (20, 5)
    # The first layer's gradient is orders of magnitude below the last layer's, at every step,
    # and shrinks layer by layer on the way back.
    assert (g[:, 0] / g[:, -1]).max() < 1e-4
    assert (np.diff(g, axis=1) > 0).all()


def test_the_same_network_with_relu_and_he_init_does_not(small):
    g = deep_trainer(small, "relu", "he").series["grad_norm"].view()
    ratio = g[:, 0] / g[:, -1]
    assert ratio.min() > 0.1 and ratio.max() < 10


def test_norms_and_update_ratios_match_a_direct_computation(small):
    # Plain SGD's gradient norms come from its update (lr * dW), the others' from dW itself.
    for optimizer, weight_decay, dtype in (("sgd", 0.0, "float64"), ("sgd", 0.0, "float32"), ("sgd", 0.01, "float64"),
                                           ("momentum", 0.0, "float64"), ("adam", 0.001, "float64")):
        config = Config(hidden=(32, 16), activation="tanh", optimizer=optimizer, lr=0.05,
                        weight_decay=weight_decay, batch_size=50, steps=10, dtype=dtype)
        t = Trainer.from_config(config, small, evaluate_epochs=False, timeline=False)
        seen: list = []

        def hook(trainer, idx, x, y, seen=seen):
            seen.append(([np.linalg.norm(layer.dW) for layer in trainer.model.layers],
                         [layer.W.copy() for layer in trainer.model.layers]))

        t.hooks.append(hook)
        for _ in range(5):
            t.step()
            grads, before = seen[-1]
            rtol = 1e-5 if dtype == "float64" else 1e-4
            np.testing.assert_allclose(t.series["grad_norm"].view()[-1], grads, rtol=rtol)
            exact = [np.linalg.norm(layer.W - w) / np.linalg.norm(w) for layer, w in zip(t.model.layers, before)]
            # Within the documented tolerance of the weight norm, usually far closer.
            np.testing.assert_allclose(t.series["update_ratio"].view()[-1], exact,
                                       rtol=StepStatistics.WEIGHT_NORM_TOLERANCE + 1e-5)


def test_hooks_run_after_backpropagation_and_before_the_update(small):
    t = Trainer.from_config(Config(hidden=(20,), steps=5), small, evaluate_epochs=False, timeline=False)
    calls = []

    def hook(trainer, idx, x, y):
        layer = trainer.model.layers[0]
        calls.append((layer.W.copy(), layer.dW.copy(), idx.copy(), y.copy()))

    t.hooks.append(hook)
    W0 = t.model.layers[0].W.copy()
    t.step()
    W, dW, idx, y = calls[0]
    np.testing.assert_array_equal(W, W0)  # not yet updated
    assert np.abs(dW).max() > 0  # the batch's gradient, intact
    np.testing.assert_allclose(t.model.layers[0].W, W0 - 0.1 * dW, rtol=1e-6, atol=1e-9)  # SGD used it
    np.testing.assert_array_equal(small.y_train[idx], y)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_liveness_applies_each_activations_rule(name, rng):
    act = activation(name)
    z = rng.normal(0, 8, (64, 12)).astype(np.float32)
    a = act.forward(z.copy())
    g = act.liveness(a, np.empty_like(a))
    direct = {"sigmoid": (a >= 0.01) & (a <= 0.99), "tanh": np.abs(a) <= 0.98,
              "relu": a > 0, "leaky_relu": a > 0}[name]
    if act.live_threshold > 0:
        live = g >= act.live_threshold
        margin = np.isclose(g, act.live_threshold, rtol=1e-3)  # float rounding at the very edge
    else:
        live, margin = g > 0, np.zeros(g.shape, bool)
    assert 0.2 < direct.mean() < 0.8  # both kinds present
    np.testing.assert_array_equal(live[~margin], direct[~margin])
    assert (g >= 0).all() and margin.mean() < 0.01


def forced(small, act: str, init: str, dead: int, saturate: float, batch: int = 100) -> Trainer:
    """A trainer with `dead` units of the first hidden layer forced inactive by a large bias."""
    config = Config(hidden=(40, 20), activation=act, init=init, lr=1e-6, batch_size=batch, steps=40)
    t = Trainer.from_config(config, small, evaluate_epochs=False, timeline=False)
    t.model.layers[0].b[:dead] = saturate
    return t


@pytest.mark.parametrize("act, init, bias", [("relu", "he", -1e4), ("sigmoid", "xavier", -1e4),
                                             ("sigmoid", "xavier", 1e4), ("tanh", "xavier", 1e4),
                                             ("leaky_relu", "he", -1e4)])
def test_forced_inactive_units_are_counted_once_the_window_has_passed(small, act, init, bias):
    t = forced(small, act, init, dead=10, saturate=bias)
    t.step(WINDOW // 100 - 1)
    assert (t.series["inactive"].view() == 0).all()  # fewer than WINDOW examples seen
    t.step(5)
    last = t.series["inactive"].view()[-1]
    assert last[0] == pytest.approx(10 / 40)
    if act != "leaky_relu":  # (whose forced units send -100 on and make the output saturate)
        assert last[2] == 0  # every class keeps some probability above 0.01


def test_a_unit_that_wakes_up_stops_counting(small):
    t = forced(small, "relu", "he", dead=8, saturate=-1e4)
    t.step(WINDOW // 100 + 2)
    assert t.series["inactive"].view()[-1][0] == pytest.approx(8 / 40)
    t.model.layers[0].b[:4] = 0.0  # half of them come back
    t.step(1)
    assert t.series["inactive"].view()[-1][0] == pytest.approx(4 / 40)


def test_a_mixed_saturated_sigmoid_unit_is_inactive():
    # On half the examples far below 0.01, on the others far above 0.99: no gradient either way.
    model = MLP.create((2, 3, 2), "sigmoid", seed=0, dtype="float64")
    stats = StepStatistics(model, window=40)
    a = np.full((20, 3), 0.5)
    a[:10, 0], a[10:, 0] = 1e-4, 1 - 1e-4
    p = np.full((20, 2), 0.5)
    for _ in range(3):
        stats.observe_activity([np.zeros((20, 2)), a, p])
    assert stats.inactive == [pytest.approx(1 / 3), 0.0]


def test_an_output_class_never_given_probability_is_inactive():
    model = MLP.create((2, 3, 4), "relu", seed=0, dtype="float64")
    stats = StepStatistics(model, window=10)
    p = np.tile([0.5, 0.495, 0.004, 0.001], (10, 1))
    stats.observe_activity([np.zeros((10, 2)), np.ones((10, 3)), p])
    assert stats.inactive == [0.0, 0.5]


def test_statistics_do_not_change_training(small):
    config = Config(hidden=(30, 20), activation="relu", init="he", optimizer="adam", lr=0.003,
                    batch_size=64, steps=30, dropout=0.2)
    on = Trainer.from_config(config, small, evaluate_epochs=False)
    off = Trainer.from_config(config, small, evaluate_epochs=False, statistics=False, timeline=False)
    on.step(30)
    off.step(30)
    for p, q in zip(on.model.params, off.model.params):
        np.testing.assert_array_equal(p, q)
    assert set(STATISTICS) <= set(on.series) and not set(STATISTICS) & set(off.series)
    for name, buffer in on.series.items():
        assert len(buffer) == 30, name


def test_series_shapes_and_epoch_means(small):
    t = Trainer.from_config(Config(hidden=(30, 20), batch_size=500, steps=12), small, timeline=False)
    t.step(12)  # two epochs of 6 steps
    s = t.series
    assert s["loss"] is t.losses
    assert s["grad_norm"].view().shape == s["update_ratio"].view().shape == s["inactive"].view().shape == (12, 3)
    np.testing.assert_allclose(s["epoch"].view(), np.arange(1, 13) / 6)
    np.testing.assert_allclose(s["lr"].view(), 0.1)
    assert len(t.epochs) == 2
    for k, record in enumerate(t.epochs):
        np.testing.assert_allclose(record.gradient_norms, s["grad_norm"].view()[6 * k:6 * k + 6].mean(axis=0),
                                   rtol=1e-6)
        assert len(record.inactive_fraction) == 3


def test_weight_histograms_share_edges_and_count_every_weight(small):
    t = Trainer.from_config(Config(hidden=(30,), init_std=0.01, steps=50), small, evaluate_epochs=False)
    t.step(50)
    hists = weight_histograms(t.model, t.timeline.model_at(0), bins=20)
    assert len(hists) == 2
    for h, layer in zip(hists, t.model.layers):
        assert h.edges.shape == (21,) and h.now.sum() == h.initial.sum() == layer.W.size
    initial = t.timeline.model_at(0)
    for h, now, start in zip(hists, t.model.layers, initial.layers):
        assert math.isclose(h.edges[0], min(now.W.min(), start.W.min()))
        assert math.isclose(h.edges[-1], max(now.W.max(), start.W.max()))
        np.testing.assert_array_equal(h.initial, np.histogram(start.W, h.edges)[0])
    # The output layer's weights have grown from N(0, 0.01^2): the same edges, other counts.
    assert not np.array_equal(hists[1].now, hists[1].initial)
    assert initial.layers[1].W.std() == pytest.approx(0.01, rel=0.1)
    assert t.model.layers[1].W.std() > 0.011


def test_statistics_switched_off_and_on_keep_the_series_aligned(small):
    t = Trainer.from_config(Config(hidden=(20,), steps=30), small, evaluate_epochs=False, statistics=False)
    t.step(3)
    assert t.stats is None and "grad_norm" not in t.series
    t.statistics = True
    t.step(2)
    t.statistics = False
    t.step(2)
    assert len(t.series["grad_norm"]) == 5  # stopped while off
    t.statistics = True
    t.step(1)
    g = t.series["grad_norm"].view()
    assert g.shape == (8, 2) and len(t.losses) == 8
    assert np.isnan(g[[0, 1, 2, 5, 6]]).all() and np.isfinite(g[[3, 4, 7]]).all()


def test_rows_kept_between_flushes_reach_the_series_in_order(small):
    """A step's numbers wait in a block until the series are read; reading, a full block and
    switching statistics off all hand them over, in step order."""
    t = Trainer.from_config(Config(hidden=(20,), batch_size=10, steps=1000), small, evaluate_epochs=False,
                            timeline=False)
    per_step = []
    t.hooks.append(lambda trainer, idx, x, y: per_step.append([np.linalg.norm(lay.dW) for lay in trainer.model.layers]))
    t.step(StepStatistics.BLOCK_ROWS + 7)  # one block handed over when it filled, 7 rows waiting
    assert len(t.series["grad_norm"]) == t.step_count == StepStatistics.BLOCK_ROWS + 7
    t.step(5)
    t.statistics = False  # hands the last 5 over
    t.step(2)
    t.statistics = True
    g = t.series["grad_norm"].view()
    assert g.shape == (t.step_count, 2)
    np.testing.assert_allclose(g[:-2], per_step[:-2], rtol=1e-4)
    assert np.isnan(g[-2:]).all()
