"""Counts, class averages, samples and the augmentation preview behind the data view."""
import numpy as np

from mlpviz.core.config import PRESETS, Config
from mlpviz.core.datasummary import augmentation_preview, class_counts, class_means, sample_indices


def test_counts_and_means_by_class(small):
    counts = class_counts(small.y_train)
    assert counts.sum() == len(small.y_train) and (counts > 200).all()
    means = class_means(small.x_train, small.y_train)
    assert means.shape == (10, 784) and means.dtype == np.float32
    assert np.allclose(means[3], small.x_train[small.y_train == 3].mean(0) / 255, atol=1e-6)
    # A 1 is a thin upright stroke: its average holds the least ink of all digits, a 0 the most in a ring.
    ink = means.sum(1)
    assert ink.argmin() == 1 and means[0].reshape(28, 28)[14, 14] < means[0].reshape(28, 28)[14, 8]


def test_an_absent_class_averages_to_zero():
    x = np.full((4, 4), 255, np.uint8)
    means = class_means(x, np.array([0, 0, 2, 2]), classes=3)
    assert (means[1] == 0).all() and (means[0] == 1).all()


def test_samples_are_distinct_and_seeded():
    a = sample_indices(100, 16, 3)
    assert len(set(a.tolist())) == 16 and np.array_equal(a, sample_indices(100, 16, 3))
    assert len(sample_indices(5, 16, 0)) == 5


def test_preview_changes_the_images_only_when_the_settings_augment(small):
    x = small.x_train[:16]
    assert augmentation_preview(x, (28, 28), PRESETS["fast"], 0) is None
    after = augmentation_preview(x, (28, 28), Config(augment=("affine",)), 0)
    assert after.shape == x.shape and after.dtype == np.uint8 and not np.array_equal(after, x)
    assert np.array_equal(after, augmentation_preview(x, (28, 28), Config(augment=("affine",)), 0))
    assert np.array_equal(small.x_train[:16], x)  # the data is left alone
