"""Optimizer steps against values computed by hand."""
import numpy as np
import pytest

from mlpviz.core.optim import SGD, Adam, Momentum, make_optimizer


def run(opt, grads_per_step, p0=1.0):
    p = np.array([[p0]])
    for g in grads_per_step:
        opt.update([p], [np.array([[g]])])
    return float(p[0, 0])


def test_sgd():
    # 1 - 0.1 * 0.5 = 0.95, then 0.95 - 0.1 * (-1) = 1.05
    assert run(SGD(0.1), [0.5]) == pytest.approx(0.95)
    assert run(SGD(0.1), [0.5, -1.0]) == pytest.approx(1.05)


def test_momentum():
    # v1 = -0.1*0.5 = -0.05, p1 = 0.95; v2 = 0.9*(-0.05) - 0.1*0.5 = -0.095, p2 = 0.855
    assert run(Momentum(0.1, 0.9), [0.5, 0.5]) == pytest.approx(0.855)


def test_adam_with_bias_correction():
    # step 1: m=0.05, v=0.00025, m_hat=0.5, v_hat=0.25 -> p = 1 - 0.1*0.5/(0.5+1e-8)
    # step 2 (g=-1): m=-0.055, v=0.00124975, m_hat=-0.055/0.19, v_hat=0.00124975/0.001999
    assert run(Adam(0.1), [0.5]) == pytest.approx(0.900000002, abs=1e-9)
    assert run(Adam(0.1), [0.5, -1.0]) == pytest.approx(0.9366103542, abs=1e-9)


def test_weight_decay_applies_to_weights_not_biases():
    opt = SGD(0.1, weight_decay=0.5)
    W, b = np.array([[1.0]]), np.array([1.0])
    opt.update([W, b], [np.array([[0.5]]), np.array([0.5])])
    assert W[0, 0] == pytest.approx(1 - 0.1 * (0.5 + 0.5 * 1.0))
    assert b[0] == pytest.approx(1 - 0.1 * 0.5)


def test_learning_rate_can_change_between_steps():
    opt = SGD(0.1)
    p = np.array([[1.0]])
    opt.update([p], [np.array([[1.0]])])
    opt.lr = 0.01
    opt.update([p], [np.array([[1.0]])])
    assert p[0, 0] == pytest.approx(1 - 0.1 - 0.01)


def test_state_round_trip_continues_identically():
    a, b = Adam(0.01), Adam(0.01)
    pa, pb = np.ones((2, 2)), np.ones((2, 2))
    for g in (0.3, -0.2):
        a.update([pa], [np.full((2, 2), g)])
    b.load_state(a.state(), [pb])
    pb[:] = pa
    for opt, p in ((a, pa), (b, pb)):
        opt.update([p], [np.full((2, 2), 0.7)])
    np.testing.assert_array_equal(pa, pb)


def test_unknown_optimizer_is_refused():
    with pytest.raises(ValueError, match="unknown optimizer"):
        make_optimizer("rmsprop", 0.1)


def test_make_optimizer_builds_each_registered_optimizer_with_its_settings():
    from mlpviz.core.optim import OPTIMIZERS
    for name, cls in OPTIMIZERS.items():
        opt = make_optimizer(name, 0.05, momentum=0.7, weight_decay=0.01)
        assert type(opt) is cls and opt.lr == 0.05 and opt.weight_decay == 0.01
    assert make_optimizer("momentum", 0.1, momentum=0.7).momentum == 0.7
