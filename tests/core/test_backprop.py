"""The backpropagation walkthrough: every card's array against the same formula written in plain
NumPy here, the gradient check on every activation and loss, the two course mistakes, the update."""
import numpy as np
import pytest

from mlpviz.core.backprop import Walkthrough, summary
from mlpviz.core.inspect import inspect
from mlpviz.core.layers import ACTIVATIONS
from mlpviz.core.losses import LOSSES
from mlpviz.core.model import MLP

F = {"sigmoid": lambda a: 1 / (1 + np.exp(-a)), "tanh": np.tanh, "relu": lambda a: np.maximum(a, 0),
     "leaky_relu": lambda a: np.where(a > 0, a, 0.01 * a)}
DF = {"sigmoid": lambda a: F["sigmoid"](a) * (1 - F["sigmoid"](a)), "tanh": lambda a: 1 - np.tanh(a) ** 2,
      "relu": lambda a: (a > 0).astype(float), "leaky_relu": lambda a: np.where(a > 0, 1, 0.01)}


def network(hidden=(6, 5), act="sigmoid", loss="cross_entropy", seed=3):
    model = MLP.create((7, *hidden, 4), act, loss, init="normal", init_std=0.8, seed=seed, dtype="float32")
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        layer.b[:] = rng.normal(0, 0.5, layer.b.shape)
    return model


def example(seed=1):
    return np.random.default_rng(seed).normal(0, 1, 7)


def course_pass(model, x, t, act, loss):
    """The course's forward and backward pass of one example (N = 1), written out here."""
    Ws = [layer.W.astype(np.float64) for layer in model.layers]
    bs = [layer.b.astype(np.float64) for layer in model.layers]
    L = len(Ws)
    v = {"x": x[None]}
    z = v["x"]
    for l in range(1, L + 1):
        a = z @ Ws[l - 1] + bs[l - 1]
        v[f"a{l}"] = a
        if l < L:
            z = v[f"z{l}"] = F[act](a)
    y = np.exp(a - a.max())
    y /= y.sum()
    v["y"] = y
    onehot = np.eye(y.shape[1])[[t]]
    if loss == "cross_entropy":
        dy = y - onehot
    else:
        e = y - onehot
        dy = e @ (np.diag(y[0]) - np.outer(y[0], y[0]))
    v["dy"] = dy
    d = dy
    for l in range(L, 0, -1):
        below = v["x"] if l == 1 else v[f"z{l - 1}"]
        v[f"dW{l}"] = below.T @ d
        v[f"db{l}"] = d.sum(axis=0)
        dz = d @ Ws[l - 1].T
        if l > 1:
            v[f"dz{l - 1}"] = dz
            d = v[f"da{l - 1}"] = DF[act](v[f"a{l - 1}"]) * dz
        else:
            v["dx"] = dz
    return v, Ws, bs


@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_every_card_is_its_formula_and_every_gradient_checks(act, loss):
    model, x = network(act=act, loss=loss), example()
    walk = Walkthrough(inspect(model, x, 2), lr=0.1)
    expected, _, _ = course_pass(model, x, 2, act, loss)
    values = {**walk.forward(), **walk.backward()}
    for name, want in expected.items():
        np.testing.assert_allclose(values[name], want, rtol=1e-5, atol=1e-6, err_msg=name)
        assert values[name].shape == want.shape, name
    checks = walk.gradient_checks()
    assert set(checks) >= {"dy", "dW3", "db3", "dz2", "da2", "dW2", "db2", "dz1", "da1", "dW1", "db1", "dx"}
    assert max(checks.values()) <= 1e-6, checks
    if loss == "mse":  # the softmax Jacobian gets its own card
        J = walk.card("J").value
        y = expected["y"][0]
        np.testing.assert_allclose(J, np.diag(y) - np.outer(y, y), atol=1e-7)
        assert "e" in checks


def test_cards_follow_the_course_order():
    walk = Walkthrough(inspect(network(hidden=(6,)), example(), 1))
    assert [c.name for c in walk.cards] == ["x", "a1", "z1", "a2", "y", "E", "dy", "dW2", "db2", "dz1", "da1",
                                            "dW1", "db1", "dx", "W2", "b2", "W1", "b1"]
    assert [c.phase for c in walk.cards][:6] == ["forward"] * 5 + ["loss"]
    assert walk.card("da1").formula == "da1 = σ′(a1) ⊙ dz1"
    assert walk.card("da1").code == "da1 = sigmoid_grad(a1) * dz1"
    assert walk.card("dW1").edges == 1 and walk.card("dz1").units == (1, 2)


def test_origin_gives_the_numbers_an_entry_came_from():
    model, x = network(), example()
    walk = Walkthrough(inspect(model, x, 0))
    (label_d, deriv), (label_dz, dz), (label_me, me) = walk.origin("da1", (0, 3))
    assert label_d == "σ′(a1[3])" and label_dz == "dz1[0, 3]" and label_me == "da1[0, 3]"
    assert deriv == pytest.approx(DF["sigmoid"](walk.ins.a[1][3]), rel=1e-9)
    assert me == pytest.approx(deriv * dz, rel=1e-9)
    # a sum shows its three largest terms and the rest; with the bias they add up to the entry
    terms = walk.origin("a2", (0, 4))
    assert len(terms) == 6 and terms[-1][1] == pytest.approx(sum(v for _, v in terms[:-1]), abs=1e-9)
    # an update: the old weight, the rate, the gradient and the new weight
    (_, old), (_, rate), (_, grad), (_, new) = walk.origin("W1", (2, 1))
    assert rate == 0.1 and new == pytest.approx(old - rate * grad)
    assert grad == pytest.approx(walk.card("dW1").value[2, 1])


def test_the_update_is_gradient_descent_and_lowers_the_loss():
    model, x = network(), example()
    walk = Walkthrough(inspect(model, x, 0), lr=0.05)
    up = walk.update()
    for i, layer in enumerate(model.layers, start=1):
        np.testing.assert_allclose(up.after.layers[i - 1].W, layer.W.astype(float) - 0.05 * walk.card(f"dW{i}").value)
        np.testing.assert_allclose(up.steps[f"b{i}"], 0.05 * walk.card(f"db{i}").value)
    assert up.loss_after < up.loss_before and up.p_after[0] > up.p_before[0]
    assert up.batch == 1
    np.testing.assert_array_equal(model.layers[0].W, network().layers[0].W)  # the network itself is untouched


def test_a_mini_batch_update_uses_the_batch_mean_gradient():
    model = network()
    rng = np.random.default_rng(5)
    xs, labels = rng.normal(0, 1, (6, 7)), rng.integers(0, 4, 6)
    walk = Walkthrough(inspect(model, xs[0], int(labels[0])), lr=0.2)
    up = walk.update(xs, labels)
    mean = sum(Walkthrough(inspect(model, xs[i], int(labels[i]))).card("dW2").value for i in range(6)) / 6
    np.testing.assert_allclose(up.steps["W2"], 0.2 * mean, rtol=1e-9)
    assert up.batch == 6
    with pytest.raises(ValueError, match="labels"):
        walk.update(xs, labels + 10)


def test_the_notebooks_two_mistakes():
    model, x = network(), example()
    right = Walkthrough(inspect(model, x, 0))
    # W1 - lr*W1: the update card subtracts the weights themselves, which shrink by (1 - lr)
    wrong = Walkthrough(inspect(model, x, 0), mistake="w_update")
    W1 = model.layers[0].W.astype(float)
    card = wrong.card("W1")
    assert card.formula == "W1 ← W1 − η·W1" and card.code == "W1 = W1 - lr * W1"
    np.testing.assert_allclose(card.value, 0.1 * W1)
    np.testing.assert_allclose(card.correct, right.card("W1").value)
    np.testing.assert_allclose(wrong.update().after.layers[0].W, 0.9 * W1)
    # db1 from dz1: the bias gradient before the activation's derivative, which the check catches
    wrong = Walkthrough(inspect(model, x, 0), mistake="db1")
    card = wrong.card("db1")
    assert card.code == "db1 = np.sum(dz1, axis=0)"
    np.testing.assert_allclose(card.value, right.card("dz1").value[0])
    np.testing.assert_allclose(card.correct, right.card("db1").value)
    assert wrong.gradient_check("db1") > 0.1 and right.gradient_check("db1") < 1e-6
    np.testing.assert_allclose(wrong.update().steps["b1"], 0.1 * right.card("dz1").value[0])
    np.testing.assert_allclose(wrong.card("b1").value, 0.1 * right.card("dz1").value[0])
    np.testing.assert_allclose(wrong.card("b1").correct, right.card("b1").value)
    with pytest.raises(ValueError, match="hidden layer"):
        Walkthrough(inspect(MLP.create((7, 4)), x, 0), mistake="db1")


def test_bad_settings_are_refused_and_summaries_survive_nan():
    ins = inspect(network(), example(), 0)
    for bad in (0, -1, float("nan")):
        with pytest.raises(ValueError, match="learning rate"):
            Walkthrough(ins, lr=bad)
    with pytest.raises(ValueError, match="unknown mistake"):
        Walkthrough(ins, mistake="typo")
    with pytest.raises(KeyError, match="no card"):
        Walkthrough(ins).card("dW9")
    s = summary(np.array([[1.0, np.nan, -2.0]]), full=True)
    assert s["shape"] == [1, 3] and s["min"] == -2 and s["max"] == 1 and s["norm"] is None
    assert s["values"] == [[1.0, None, -2.0]]


@pytest.mark.parametrize("act", ["sigmoid", "relu"])
def test_dropout_shows_the_mask_the_step_used(act):
    model, x = network(act=act), example()
    rng = np.random.default_rng(4)
    masks = [(rng.random(n) >= 0.5) * 2.0 for n in (6, 5)]  # inverted dropout at rate 0.5
    walk = Walkthrough(inspect(model, x, 1, masks=masks))
    names = [c.name for c in walk.cards]
    assert names[:7] == ["x", "a1", "z1", "m1", "a2", "z2", "m2"]
    np.testing.assert_array_equal(walk.card("m1").value[0], masks[0])
    assert walk.card("dz1").formula == "dz1 = da2·W2ᵀ ⊙ m1"
    # the course's pass with the masks written out
    Ws = [layer.W.astype(float) for layer in model.layers]
    bs = [layer.b.astype(float) for layer in model.layers]
    z1 = F[act](x @ Ws[0] + bs[0]) * masks[0]
    a2 = z1 @ Ws[1] + bs[1]
    z2 = F[act](a2) * masks[1]
    a3 = z2 @ Ws[2] + bs[2]
    y = np.exp(a3 - a3.max()) / np.exp(a3 - a3.max()).sum()
    dy = y - np.eye(4)[1]
    dz2 = (dy @ Ws[2].T) * masks[1]
    da2 = DF[act](a2) * dz2
    np.testing.assert_allclose(walk.card("dW3").value, np.outer(z2, dy), atol=1e-6)
    np.testing.assert_allclose(walk.card("dz2").value[0], dz2, atol=1e-6)
    np.testing.assert_allclose(walk.card("dW2").value, np.outer(z1, da2), atol=1e-6)
    assert max(walk.gradient_checks().values()) <= 1e-6
    assert walk.origin("dz1", (0, 0))[-2][0] == "m1[0]"
    with pytest.raises(ValueError, match="dropout masks"):
        inspect(model, x, 1, masks=[np.ones(3)])


def test_a_dropout_steps_batch_record_keeps_its_masks(small):
    from mlpviz.core.batch import of_last_step
    from mlpviz.core.config import Config
    from mlpviz.core.trainer import Trainer
    trainer = Trainer.from_config(Config(hidden=(16,), batch_size=8, dropout=0.5, steps=5), small,
                                  evaluate_epochs=False, timeline=False)
    before = trainer.model.copy()
    trainer.step(1)
    record = of_last_step(before, trainer)
    assert len(record.masks) == 1 and record.masks[0].shape == (8, 16)
    assert set(np.unique(record.masks[0])) <= {0.0, 2.0} and record.masks[0].min() == 0
    trainer.set_dropout(0.0)
    before = trainer.model.copy()
    trainer.step(1)
    assert of_last_step(before, trainer).masks == ()


def test_a_mini_batch_update_with_dropout_uses_each_examples_mask():
    model = network()
    rng = np.random.default_rng(6)
    xs, labels = rng.normal(0, 1, (4, 7)), rng.integers(0, 4, 4)
    masks = [(rng.random((4, n)) >= 0.3) / 0.7 for n in (6, 5)]
    walk = Walkthrough(inspect(model, xs[0], int(labels[0]), masks=[m[0] for m in masks]), lr=0.1)
    up = walk.update(xs, labels, masks)
    mean = sum(Walkthrough(inspect(model, xs[i], int(labels[i]), masks=[m[i] for m in masks])).card("dW1").value
               for i in range(4)) / 4
    np.testing.assert_allclose(up.steps["W1"], 0.1 * mean, rtol=1e-9, atol=1e-15)
    # the example's loss before and after is read without dropout, as evaluation reads it
    assert up.loss_before == pytest.approx(Walkthrough(inspect(model, xs[0], int(labels[0]))).ins.E)
