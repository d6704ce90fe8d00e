"""Per-image losses of a recorded mini-batch."""
import numpy as np
import pytest

from mlpviz.core.batch import BatchRecord, batch_losses, of_last_step
from mlpviz.core.config import Config
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
    r = BatchRecord(np.arange(4), np.array([1, 2, 3, 4]), np.full((4, 10), 0.1), np.full((4, 10), 0.1),
                    np.zeros((4, 784), np.uint8))
    assert r.size == 4 and r.images.shape == (4, 784) and not r.augmented



@pytest.mark.parametrize("augment", [True, False])
def test_the_record_of_a_step_holds_the_images_it_learned_from(small, augment):
    """With augmentation on, the record's images and answers are those of the augmented batch."""
    from mlpviz.core.data import scale_images
    from mlpviz.core.trainer import Trainer
    config = Config(hidden=(16,), batch_size=50, steps=10, shift=2 if augment else 0,
                    augment=("affine",) if augment else ())
    t = Trainer.from_config(config, small, evaluate_epochs=False)
    fed = []  # the pixels the network learned from, as the step's hook sees them
    t.hooks.append(lambda trainer, idx, x, y: fed.append(x.astype(np.uint8)))
    t.step(2)
    before = t.model.copy()
    t.step(1)
    after = t.model.copy()
    rec = of_last_step(before, t)
    t.set_batch_size(20)  # the record keeps the step it was made of
    t.step(1)
    learned, raw = fed[2], small.x_train[rec.indices]
    np.testing.assert_array_equal(rec.images, learned)
    np.testing.assert_array_equal(rec.labels, small.y_train[rec.indices])
    assert rec.size == 50 and rec.augmented == augment and (not np.array_equal(learned, raw)) == augment
    np.testing.assert_array_equal(rec.before, before.predict_proba(scale_images(learned)))
    np.testing.assert_array_equal(rec.after, after.predict_proba(scale_images(learned)))
