"""Per-image losses of a recorded mini-batch."""
import numpy as np

from mlpviz.core.batch import BatchRecord, batch_losses
from mlpviz.core.losses import loss as make_loss
from mlpviz.core.losses import softmax


def test_batch_losses_are_the_cross_entropy_of_each_image(rng):
    probs = softmax(rng.normal(size=(6, 10)).astype(np.float64))
    labels = rng.integers(0, 10, 6)
    losses = batch_losses(probs, labels)
    assert losses.shape == (6,)
    np.testing.assert_allclose(losses, [-np.log(p[y]) for p, y in zip(probs, labels)])
    # Their mean is the loss the trainer reports for the batch.
    np.testing.assert_allclose(losses.mean(), make_loss("cross_entropy").value(probs, labels), rtol=1e-6)


def test_a_certain_wrong_answer_costs_a_finite_loss():
    probs = np.zeros((2, 10))
    probs[0, 3] = probs[1, 7] = 1.0
    losses = batch_losses(probs, [3, 4])
    assert losses[0] == 0.0 and np.isfinite(losses[1]) and losses[1] > 20


def test_record_holds_its_arrays():
    r = BatchRecord(np.arange(4), np.array([1, 2, 3, 4]), np.full((4, 10), 0.1), np.full((4, 10), 0.1))
    assert r.size == 4
