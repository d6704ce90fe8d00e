"""The Inspection of one (network, input, label): every number of its forward and backward pass,
checked against a forward pass written independently here and central finite differences."""
import numpy as np
import pytest
from test_gradients import numeric_grad as central
from test_gradients import rel_error

from mlpviz.core.inspect import inspect
from mlpviz.core.layers import ACTIVATIONS
from mlpviz.core.losses import LOSSES
from mlpviz.core.model import MLP

F = {"sigmoid": lambda a: 1 / (1 + np.exp(-a)), "tanh": np.tanh, "relu": lambda a: np.maximum(a, 0),
     "leaky_relu": lambda a: np.where(a > 0, a, 0.01 * a)}


def reference_loss(Ws, bs, x, t, act, loss, start=0, h=None):
    """E of one example by the course's formulas, from layer `start` on with input h (default x)."""
    z = x if h is None else h
    for i in range(start, len(Ws)):
        a = z @ Ws[i] + bs[i]
        z = a if i == len(Ws) - 1 else F[act](a)
    y = np.exp(z - z.max())
    y /= y.sum()
    if loss == "cross_entropy":
        return -np.log(y[t])
    onehot = np.eye(len(y))[t]
    return 0.5 * np.sum((y - onehot) ** 2)


def network(hidden, act, loss, seed=3):
    model = MLP.create((7, *hidden, 4), act, loss, init="normal", init_std=0.8, seed=seed, dtype="float32")
    rng = np.random.default_rng(seed)
    for layer in model.layers:  # non-zero biases, so their gradients are exercised too
        layer.b[:] = rng.normal(0, 0.5, layer.b.shape)
    return model


@pytest.mark.parametrize("hidden", [(6,), (6, 5), (6, 5, 5)])
@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_every_gradient_matches_central_differences(act, loss, hidden):
    model = network(hidden, act, loss)
    x = np.random.default_rng(1).normal(0, 1, 7)
    t = 2
    ins = inspect(model, x, t)
    L = len(hidden) + 1
    Ws = [layer.W.astype(np.float64) for layer in model.layers]
    bs = [layer.b.astype(np.float64) for layer in model.layers]

    def E():
        return reference_loss(Ws, bs, x, t, act, loss)

    assert ins.E == pytest.approx(E(), rel=1e-12)
    for l in range(1, L + 1):
        assert rel_error(ins.dW[l], central(E, Ws[l - 1])) <= 1e-6, ("dW", l)
        assert rel_error(ins.db[l], central(E, bs[l - 1])) <= 1e-6, ("db", l)
    assert rel_error(ins.dx, central(E, x)) <= 1e-6
    # the hidden activations' gradients: E as a function of z_l, the rest of the network after it
    for l in range(1, L):
        z = ins.z[l].copy()
        assert rel_error(ins.dz[l], central(lambda z=z, l=l: reference_loss(Ws, bs, x, t, act, loss, l, z), z)) <= 1e-6
    # dy = dE/da_L: E as a function of the logits
    aL = ins.logits.copy()
    assert rel_error(ins.dy, central(lambda: reference_loss([np.eye(4)], [np.zeros(4)], x, t, act, loss, 0, aL),
                                     aL)) <= 1e-6


@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_the_pass_follows_the_course_formulas(act):
    model = network((6, 5), act, "cross_entropy")
    x = np.random.default_rng(2).uniform(0, 1, 7)
    ins = inspect(model, x, 1)
    W = {l: model.layers[l - 1].W.astype(np.float64) for l in (1, 2, 3)}
    b = {l: model.layers[l - 1].b.astype(np.float64) for l in (1, 2, 3)}
    assert ins.z[0] is ins.x
    for l in (1, 2, 3):
        np.testing.assert_allclose(ins.a[l], ins.z[l - 1] @ W[l] + b[l], rtol=1e-12, atol=1e-12)
    for l in (1, 2):
        np.testing.assert_allclose(ins.z[l], F[act](ins.a[l]), rtol=1e-12, atol=1e-15)
    y = np.exp(ins.a[3] - ins.a[3].max())
    np.testing.assert_allclose(ins.y, y / y.sum(), rtol=1e-12)
    assert ins.E == pytest.approx(-np.log(ins.y[1]))
    np.testing.assert_allclose(ins.y, model.forward(x[None].astype(np.float32))[0], rtol=1e-5)  # as the model reads
    t = np.eye(4)[1]
    np.testing.assert_allclose(ins.dy, ins.y - t, rtol=1e-12, atol=1e-15)  # (y - t) / N with N = 1
    np.testing.assert_allclose(ins.dW[3], np.outer(ins.z[2], ins.dy), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(ins.dz[2], ins.dy @ W[3].T, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(ins.dW[1], np.outer(ins.x, ins.da[1]), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(ins.db[1], ins.da[1])
    np.testing.assert_allclose(ins.dx, ins.da[1] @ W[1].T, rtol=1e-12, atol=1e-15)


def test_names_and_shapes_of_the_forward_and_backward_values():
    model = network((6, 5), "sigmoid", "mse")
    ins = inspect(model, np.ones(7), 3)
    forward, backward = ins.forward_values(), ins.backward_values()
    assert list(forward) == ["x", "a1", "z1", "a2", "z2", "a3", "y", "E"]
    assert list(backward) == ["dy", "dW3", "db3", "dz2", "da2", "dW2", "db2", "dz1", "da1", "dW1", "db1", "dx"]
    assert backward["dW1"].shape == (7, 6) and backward["dW3"].shape == (5, 4) and backward["dx"].shape == (7,)
    assert all(v.dtype == np.float64 for v in backward.values())


def test_the_inspected_network_is_left_alone_and_a_missing_label_is_the_digit_read():
    model = network((6,), "relu", "cross_entropy")
    before = [p.copy() for p in model.params]
    ins = inspect(model, np.linspace(0, 1, 7))
    assert ins.t == int(np.argmax(ins.y)) and not ins.label_given
    assert ins.dW[1].any()
    assert all(not g.any() for g in model.grads)  # its gradients were never written
    for p, q in zip(model.params, before):
        np.testing.assert_array_equal(p, q)
    with pytest.raises(ValueError, match="label"):
        inspect(model, np.zeros(7), 4)
    with pytest.raises(ValueError, match="inputs"):
        inspect(model, np.zeros(8), 0)


def test_output_jacobian_and_edge_contributions():
    model = network((6, 5), "tanh", "cross_entropy")
    x = np.random.default_rng(3).uniform(0, 1, 7)
    ins = inspect(model, x, 0)
    W = [layer.W.astype(np.float64) for layer in model.layers]
    b = [layer.b.astype(np.float64) for layer in model.layers]

    def logits_from(z1):
        return np.tanh(z1 @ W[1] + b[1]) @ W[2] + b[2]
    z1 = ins.z[1].copy()
    J = np.stack([central(lambda d=d: logits_from(z1)[d], z1) for d in range(4)])
    np.testing.assert_allclose(ins.output_jacobian(1), J, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(ins.output_jacobian(2), W[2].T)  # the last hidden layer: its weights
    for l in (1, 2, 3):
        np.testing.assert_allclose(ins.edge_contributions(l).sum(axis=0) + b[l - 1], ins.a[l], atol=1e-12)
    rows, cols = np.array([4, 0]), np.array([2])
    np.testing.assert_array_equal(ins.edge_contributions(2, rows, cols), ins.edge_contributions(2)[np.ix_(rows, cols)])


def test_inspections_sharing_a_float64_copy_keep_their_own_gradients():
    model = network((6,), "sigmoid", "cross_entropy")
    rng = np.random.default_rng(4)
    first = inspect(model, rng.uniform(0, 1, 7), 0)
    mine = first.dW[1].copy()
    second = inspect(model, rng.uniform(0, 1, 7), 3, network=first.network)
    fresh = inspect(model, second.x, 3)
    np.testing.assert_array_equal(second.dW[1], fresh.dW[1])
    np.testing.assert_array_equal(second.y, fresh.y)
    np.testing.assert_array_equal(first.dW[1], mine)
