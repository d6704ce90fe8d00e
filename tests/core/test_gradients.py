"""Backpropagation checked against central finite differences, in float64."""
import numpy as np
import pytest

from mlpviz.core.layers import ACTIVATIONS
from mlpviz.core.losses import LOSSES, softmax
from mlpviz.core.model import MLP


def numeric_grad(f, p: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    g = np.zeros_like(p)
    for i in np.ndindex(p.shape):
        old = p[i]
        p[i] = old + eps
        plus = f()
        p[i] = old - eps
        minus = f()
        p[i] = old
        g[i] = (plus - minus) / (2 * eps)
    return g


def rel_error(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-30))


@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_backprop_matches_finite_differences(act, loss, rng):
    model = MLP.create((7, 6, 5, 4), act, loss, init="normal", init_std=0.8, seed=3, dtype="float64")
    for layer in model.layers:  # non-zero biases, so their gradients are exercised too
        layer.b[:] = rng.normal(0, 0.5, layer.b.shape)
    x = rng.normal(0, 1, (8, 7))
    y = rng.integers(0, 4, 8)
    model.train_batch(x, y)
    analytic = [g.copy() for g in model.grads]

    def loss_value():
        return model.loss.value(model.forward(x), y)

    for p, g in zip(model.params, analytic):
        assert rel_error(numeric_grad(loss_value, p), g) < 1e-6


def test_input_scale_gives_the_gradient_of_the_scaled_input(rng):
    model = MLP.create((5, 4, 3), "tanh", "cross_entropy", init_std=0.5, seed=1, dtype="float64")
    raw = rng.integers(0, 256, (6, 5)).astype(np.float64)
    y = rng.integers(0, 3, 6)
    model.train_batch(raw, y, x_scale=1 / 255)
    scaled_grads = [g.copy() for g in model.grads]
    model.train_batch(raw / 255, y)
    for a, b in zip(scaled_grads, model.grads):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-14)


def test_softmax_is_stable_for_huge_logits():
    p = softmax(np.array([[1000.0, 0.0, -1000.0], [3.0, 3.0, 3.0]]))
    np.testing.assert_allclose(p, [[1, 0, 0], [1 / 3, 1 / 3, 1 / 3]], atol=1e-12)


def test_softmax_keeps_its_precision_in_a_row_far_below_the_batch_maximum():
    """A row whose logits all sit ~80 below another row's maximum: its tail probability must be
    as precise as if the row were alone (the batch-wide shift left it 1.7% off in float32)."""
    z = np.array([[0, 0, 0], [-80, -84, -100]], np.float32)
    alone = softmax(z[1:])[0]
    exact = np.exp(z[1].astype(np.float64) - z[1].max())
    exact /= exact.sum()
    np.testing.assert_allclose(softmax(z)[1], exact, rtol=1e-6)
    np.testing.assert_array_equal(softmax(z)[1], alone)


def test_cross_entropy_of_a_certain_mistake_is_large_but_finite():
    from mlpviz.core.losses import CrossEntropy
    p = np.array([[1.0, 0.0]], np.float32)
    value = CrossEntropy().value(p, np.array([1]))
    assert np.isfinite(value) and value > 80


@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_backprop_with_dropout_matches_finite_differences(act, rng):
    """With the masks held fixed, dropout is a fixed elementwise product: its gradient must
    match the finite differences of the same masked network."""
    from mlpviz.core.layers import dropout_mask
    model = MLP.create((7, 6, 5, 4), act, "cross_entropy", init_std=0.8, seed=3, dtype="float64")
    for layer in model.layers:
        layer.b[:] = rng.normal(0, 0.5, layer.b.shape)
    x = rng.normal(0, 1, (8, 7))
    y = rng.integers(0, 4, 8)
    masks = [dropout_mask(0.4, rng, np.empty((8, n))) for n in (6, 5)]
    assert set(np.unique(masks[0])) <= {0.0, 1 / 0.6} and (masks[0] == 0).any()
    model.train_batch(x, y, masks=masks)
    analytic = [g.copy() for g in model.grads]

    def loss_value():
        return model.loss.value(model.forward(x, masks=masks), y)

    for p, g in zip(model.params, analytic):
        assert rel_error(numeric_grad(loss_value, p), g) < 1e-6
    # A unit dropped on every example gets no gradient into its incoming weights.
    masks[0][:, 2] = 0
    model.train_batch(x, y, masks=masks)
    assert not model.layers[0].dW[:, 2].any() and model.layers[0].db[2] == 0


def test_inverted_dropout_keeps_the_expected_output(rng):
    from mlpviz.core.layers import dropout_mask
    mask = dropout_mask(0.3, rng, np.empty((2000, 500), np.float32))
    assert abs((mask == 0).mean() - 0.3) < 0.005 and abs(mask.mean() - 1) < 0.01


def test_evaluation_never_drops_units(small, rng):
    from mlpviz.core.config import Config
    from mlpviz.core.layers import dropout_mask
    from mlpviz.core.trainer import Trainer
    t = Trainer.from_config(Config(hidden=(64, 32), dropout=0.5, steps=20), small, evaluate_epochs=False)
    t.step(20)
    first, second = t.evaluate("test"), t.evaluate("test")
    assert first.loss == second.loss and np.array_equal(first.confusion, second.confusion)
    x = small.x_test[:50] / 255
    np.testing.assert_array_equal(t.model.predict_proba(x), t.model.predict_proba(x))
    # Training steps do drop: the same batch twice gives two different losses.
    xb, yb = small.x_train[:100].astype(np.float32), small.y_train[:100]
    masks, other = ([dropout_mask(0.5, rng, np.empty((100, n), np.float32)) for n in (64, 32)] for _ in range(2))
    assert t.model.train_batch(xb, yb, 1 / 255, masks) != t.model.train_batch(xb, yb, 1 / 255, other)
