"""Attribution, contributions and softmax steps: checked against independent computations."""
import numpy as np
import pytest

from mlpviz.core import explain as ex
from mlpviz.core.data import scale_images
from mlpviz.core.evaluation import layer_activations
from mlpviz.core.inspect import inspect
from mlpviz.core.losses import softmax
from mlpviz.core.model import MLP


def f64_model(activation: str, sizes=(12, 9, 7, 10), seed: int = 3) -> MLP:
    model = MLP.create(sizes, activation, init="he", seed=seed, dtype="float64")
    for layer in model.layers:  # biases too, so no path through the network is trivially zero
        layer.b[:] = np.random.default_rng(seed + 1).normal(0, 0.3, layer.b.shape)
    return model


def objective(model: MLP, x: np.ndarray, target: int, of: str) -> float:
    z = inspect(model, x).logits
    return float(z[target] if of == "logit" else z[target] - np.log(np.exp(z - z.max()).sum()) - z.max())




@pytest.mark.parametrize("activation", ["relu", "sigmoid", "tanh", "leaky_relu"])
@pytest.mark.parametrize("of", ex.TARGETS)
def test_input_gradient_matches_central_differences(activation, of):
    model = f64_model(activation)
    x = np.random.default_rng(0).uniform(0, 1, 12)
    for target in (0, 4, 9):
        g = ex.input_gradient(model, x, target, of)[0]
        eps = 1e-6
        fd = np.array([(objective(model, x + eps * e, target, of) - objective(model, x - eps * e, target, of))
                       / (2 * eps) for e in np.eye(12)])
        np.testing.assert_allclose(g, fd, rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(ex.gradient_x_input(inspect(model, x), target, of), x * fd, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("of", ex.TARGETS)
def test_integrated_gradients_are_complete(of):
    """Sum of IG = F(x) - F(black), up to the midpoint rule's error, which shrinks with steps."""
    model = f64_model("tanh")
    x = np.random.default_rng(1).uniform(0, 1, 12)
    gap = objective(model, x, 3, of) - objective(model, np.zeros(12), 3, of)
    assert abs(gap) > 0.1
    err = [abs(ex.integrated_gradients(model, x, 3, steps, of).sum() - gap) for steps in (4, 64)]
    assert err[1] < 1e-3 * abs(gap) and err[1] < err[0]


def test_integrated_gradients_equal_gradient_x_input_for_a_linear_path():
    """A network with no hidden nonlinearity (all units in ReLU's linear region) has a constant
    gradient of the logit, so both maps coincide."""
    model = f64_model("relu")
    for layer in model.layers:
        layer.W[:] = np.abs(layer.W)
        layer.b[:] = np.abs(layer.b)
    x = np.random.default_rng(2).uniform(0, 1, 12)
    np.testing.assert_allclose(ex.integrated_gradients(model, x, 5, 8, "logit"),
                               ex.gradient_x_input(inspect(model, x), 5, "logit"), rtol=1e-10)


def test_confident_float32_prediction_still_has_a_log_probability_map(trained):
    """p_d rounds to exactly 1 in float32 for a clear digit; the map must not vanish with it."""
    model = trained.copy()
    x = np.zeros(784, np.float32)
    x[300:310] = 1
    while model.predict_proba(x)[0].max() < 1:  # a more and more confident network
        model.layers[-1].W *= 2
    d = int(model.predict_proba(x)[0].argmax())
    assert np.abs(ex.attribution(model, x, d)).max() > 0


def test_blanking_the_most_attributed_ink_lowers_the_probability_far_more_than_random_ink(trained, small):
    """Over 500 test images: blank (set to 0) the 10% of ink pixels (> 0) with the highest
    attribution for the predicted digit, or 10% chosen at random, and compare the fall of that
    digit's probability."""
    x = scale_images(small.x_test[:500])
    p0 = trained.predict_proba(x)
    pred = p0.argmax(axis=1)
    rng = np.random.default_rng(0)
    for method in ("gradient", "integrated"):
        top, rnd = x.copy(), x.copy()
        for i in range(len(x)):
            ink = np.flatnonzero(x[i] > 0)
            k = max(1, round(0.1 * len(ink)))
            a = ex.attribution(trained, x[i], int(pred[i]), method, steps=16)
            top[i, ink[np.argsort(-a[ink], kind="stable")[:k]]] = 0
            rnd[i, rng.choice(ink, k, replace=False)] = 0
        rows = np.arange(len(x))
        drop_top = float(np.mean(p0[rows, pred] - trained.predict_proba(top)[rows, pred]))
        drop_random = float(np.mean(p0[rows, pred] - trained.predict_proba(rnd)[rows, pred]))
        assert drop_top > 0.25, method
        assert drop_top > 5 * max(drop_random, 0.01), (method, drop_top, drop_random)


def test_unit_contributions_of_the_last_hidden_layer_are_direct_shares():
    model = f64_model("relu")
    x = np.random.default_rng(4).uniform(0, 1, 12)
    ins = inspect(model, x)
    c = ex.unit_contributions(ins, 6, "logit")
    np.testing.assert_allclose(c[-1], ins.z[2] * model.layers[2].W[:, 6])
    np.testing.assert_allclose(c[-1], ins.edge_contributions(3)[:, 6])
    assert c[-1].sum() + model.layers[2].b[6] == pytest.approx(ins.logits[6])
    # layer 1: activation x the derivative of the logit along every path, by central differences
    assert len(c) == 2 and c[0].shape == (9,)
    eps = 1e-6
    a1 = ins.z[1]

    def logit_from_a1(a):
        h = np.maximum(a @ model.layers[1].W + model.layers[1].b, 0)
        return (h @ model.layers[2].W + model.layers[2].b)[6]
    fd = np.array([(logit_from_a1(a1 + eps * e) - logit_from_a1(a1 - eps * e)) / (2 * eps) for e in np.eye(9)])
    np.testing.assert_allclose(c[0], a1 * fd, rtol=1e-5, atol=1e-9)


def test_top_units_sorted_with_at_least_five_per_hidden_layer(trained, small):
    x = scale_images(small.x_test[0])
    d = int(trained.predict_proba(x)[0].argmax())
    units = ex.top_units(inspect(trained, x), d)
    contribution = [u["contribution"] for u in units]
    assert contribution == sorted(contribution, reverse=True)
    for layer, n in ((1, 64), (2, 32)):
        rows = [u for u in units if u["layer"] == layer]
        assert len(rows) >= 5 and all(0 <= u["unit"] < n for u in rows)
    full = ex.unit_contributions(inspect(trained, x), d, "logit")
    for u in units:
        assert u["contribution"] == pytest.approx(float(full[u["layer"] - 1][u["unit"]]), rel=1e-6)
    # the listed units of the last hidden layer are its largest shares of the logit
    best = np.sort(full[1])[::-1][:10]
    np.testing.assert_allclose(sorted((u["contribution"] for u in units if u["layer"] == 2), reverse=True),
                               best, rtol=1e-6)


def test_top_units_of_a_small_layer_lists_all_of_it():
    units = ex.top_units(inspect(f64_model("relu", sizes=(12, 3, 7, 10)), np.ones(12)), 2)
    assert sorted(u["unit"] for u in units if u["layer"] == 1) == [0, 1, 2]


def test_softmax_steps_equal_softmax_and_the_model_output(trained, small):
    x = scale_images(small.x_test[1])
    ins = inspect(trained, x)
    s = ex.softmax_steps(ins.logits)
    np.testing.assert_allclose(s.p, ins.y, rtol=1e-12)
    np.testing.assert_allclose(s.p, trained.predict_proba(x)[0], rtol=1e-5, atol=1e-7)
    assert s.shifted.max() == 0 and s.exp.max() == 1
    np.testing.assert_allclose(s.exp, np.exp(s.shifted))
    assert s.total == pytest.approx(s.exp.sum()) and s.p.sum() == pytest.approx(1)


def test_temperature_scales_the_logits():
    z = np.array([2.0, 1.0, -1.0, 0.5])
    hot, cold = ex.softmax_steps(z, 4.0), ex.softmax_steps(z, 0.25)
    np.testing.assert_allclose(hot.p, softmax(z[None] / 4.0)[0])
    np.testing.assert_allclose(cold.scaled, z * 4)
    assert hot.p.max() < ex.softmax_steps(z).p.max() < cold.p.max()
    with pytest.raises(ValueError):
        ex.softmax_steps(z, 0)


def test_cross_entropy_is_minus_log_p_of_the_label():
    s = ex.softmax_steps(np.array([3.0, 1.0, 0.0]))
    assert s.cross_entropy(0) == pytest.approx(-np.log(s.p[0]))
    assert s.cross_entropy(2) > s.cross_entropy(1) > s.cross_entropy(0)
    assert np.isfinite(ex.cross_entropy(np.array([1.0, 0.0]), 1))


def test_top_exciting_images_are_those_with_the_highest_activation(trained, small):
    acts = layer_activations(trained, small.x_test, 1, chunk=300)
    assert acts.shape == (1000, 64)
    first = np.stack([inspect(trained, x).z[1] for x in scale_images(small.x_test[:7])])
    np.testing.assert_allclose(acts[:7], first, rtol=1e-5, atol=1e-6)
    unit = int(np.argmax(acts.sum(axis=0)))
    idx = ex.top_exciting(acts, unit)
    assert len(idx) == 16 and len(set(idx.tolist())) == 16
    assert list(acts[idx, unit]) == sorted(acts[:, unit], reverse=True)[:16]
    deep = layer_activations(trained, scale_images(small.x_test[:10]), 2)
    np.testing.assert_allclose(deep, trained.run(scale_images(small.x_test[:10]), trained.caches(), depth=2), rtol=1e-6)
    np.testing.assert_allclose(deep[3], inspect(trained, scale_images(small.x_test[3])).z[2], rtol=1e-5, atol=1e-6)


def test_most_active():
    a = np.array([0.1, 3.0, 0.0, 2.0, 5.0])
    assert ex.most_active(a, 3).tolist() == [4, 1, 3]
    assert ex.most_active(a, 10).tolist() == [4, 1, 3, 0, 2]


def test_unknown_method_or_target_is_refused():
    model = f64_model("relu")
    with pytest.raises(ValueError, match="method"):
        ex.attribution(model, np.ones(12), 0, "magic")
    with pytest.raises(ValueError, match="target"):
        ex.attribution(model, np.ones(12), 0, of="margin")
