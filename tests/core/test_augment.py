"""Augmentation: shapes, ranges, identity at zero strength, determinism, and what each does to the ink."""
import numpy as np
import pytest

from mlpviz.core.augment import AUGMENTS, Augmenter, affine_matrices, augment_images, bilinear, thicken
from mlpviz.core.config import Config, ConfigError, parse_augment
from mlpviz.core.trainer import Trainer

ZERO = dict(rotation=0, shear=0, scale=0, translate=0, thickness=0, elastic_alpha=0)


def centre_of_mass(img: np.ndarray) -> np.ndarray:
    img = img.reshape(28, 28).astype(np.float64)
    return np.array([img.sum(1) @ np.arange(28), img.sum(0) @ np.arange(28)]) / img.sum()


@pytest.mark.parametrize("names", [("affine",), ("thickness",), ("elastic",), AUGMENTS])
def test_shapes_dtype_and_range(small, names):
    x = small.x_train[:64]
    out = augment_images(x, (28, 28), names, seed=1)
    assert out.shape == x.shape and out.dtype == np.uint8
    assert not np.array_equal(out, x)  # something happened
    # Ink is moved and reshaped, not invented: the total stays within a factor of two.
    ratio = out.sum(1, dtype=np.float64) / x.sum(1, dtype=np.float64)
    assert 0.4 < np.median(ratio) < 2.0


def test_zero_strength_is_the_identity(small):
    x = small.x_train[:32]
    assert np.array_equal(augment_images(x, (28, 28), AUGMENTS, seed=3, **ZERO), x)


def test_same_seed_same_images_other_seed_other_images(small):
    x = small.x_train[:16]
    a = augment_images(x, (28, 28), AUGMENTS, seed=5)
    assert np.array_equal(a, augment_images(x, (28, 28), AUGMENTS, seed=5))
    assert not np.array_equal(a, augment_images(x, (28, 28), AUGMENTS, seed=6))


def test_augment_works_in_place_and_leaves_the_source_alone(small):
    x = small.x_train[:8].copy()
    before = x.copy()
    augment_images(x, (28, 28), ("affine",), seed=0)
    assert np.array_equal(x, before)
    buf = x.copy()
    assert Augmenter((28, 28), ("affine",))(buf, np.random.default_rng(0)) is buf
    assert not np.array_equal(buf, before)


def test_a_quarter_turn_moves_ink_as_a_rotation_should():
    # A bar in the top half, centred left-right: a rotation by 90 degrees puts it in a side half.
    img = np.zeros((1, 28, 28), np.uint8)
    img[0, 4:10, 11:17] = 255
    a = Augmenter((28, 28), ("affine",), rotation=90, shear=0, scale=0, translate=0)
    rng = np.random.default_rng(0)
    m, _ = affine_matrices(1, np.random.default_rng(0), 90, 0, 0, 0)
    out = a(img.reshape(1, -1).copy(), rng)
    cy, cx = centre_of_mass(out)
    angle = np.rad2deg(np.arctan2(m[0, 0, 1], m[0, 0, 0]))  # the drawn rotation, in degrees
    expected = np.array([13.5, 13.5]) + np.array([[np.cos(np.deg2rad(angle)), np.sin(np.deg2rad(angle))],
                                                  [-np.sin(np.deg2rad(angle)), np.cos(np.deg2rad(angle))]]) \
        @ (centre_of_mass(img) - 13.5)
    assert abs(angle) > 5
    assert np.allclose([cy, cx], expected, atol=0.6)


def test_rotations_stay_within_the_limit():
    m, t = affine_matrices(2000, np.random.default_rng(0), 15, 0, 0, 0)
    angles = np.rad2deg(np.arctan2(m[:, 0, 1], m[:, 0, 0]))
    assert np.abs(angles).max() <= 15 + 1e-9 and np.abs(angles).max() > 14
    assert np.allclose(np.linalg.det(m), 1) and not t.any()
    m, t = affine_matrices(2000, np.random.default_rng(0), 0, 0, 0.2, 3)
    assert 0.8 - 1e-9 <= m[:, 0, 0].min() and m[:, 1, 1].max() <= 1.2 + 1e-9
    assert np.abs(t).max() <= 3


def test_thickness_adds_and_removes_ink(small):
    imgs = small.x_train[:50].reshape(-1, 28, 28).astype(np.float32)
    ink = imgs.sum((1, 2))
    assert (thicken(imgs, np.ones(50)).sum((1, 2)) > 1.2 * ink).all()
    assert (thicken(imgs, -np.ones(50)).sum((1, 2)) < 0.8 * ink).all()
    half = thicken(imgs, np.full(50, 0.5)).sum((1, 2))
    assert (half > ink).all() and (half < thicken(imgs, np.ones(50)).sum((1, 2))).all()


def test_bilinear_samples_between_pixels_and_reads_zero_outside():
    img = np.arange(16, dtype=np.float32).reshape(1, 4, 4)
    out = bilinear(img, np.array([[0.0, 0.5, 1.5, -5.0, 10.0]]), np.array([[0.0, 0.0, 2.5, 0.0, 1.0]]))
    assert np.allclose(out, [[0, 2, 8.5, 0, 0]])


def test_elastic_keeps_the_digit_roughly_in_place(small):
    x = small.x_train[:100]
    out = augment_images(x, (28, 28), ("elastic",), seed=0)
    moved = [np.linalg.norm(centre_of_mass(a) - centre_of_mass(b)) for a, b in zip(x, out)]
    assert np.median(moved) < 1.5


def test_parse_augment():
    assert parse_augment("elastic, affine") == ("affine", "elastic")
    assert parse_augment("none") == () == parse_augment("")
    for bad in ("affine,,elastic", "blur", "affine;elastic"):
        with pytest.raises(ConfigError, match="augmentation"):
            parse_augment(bad)


@pytest.mark.parametrize("change", [dict(augment=("blur",)), dict(rotation=-1.0), dict(scale=1.0),
                                    dict(elastic_sigma=0.0), dict(thickness=float("nan"))])
def test_config_refuses_bad_augmentation(change):
    with pytest.raises(ConfigError):
        Config(**change).validated()


def test_config_round_trips_its_augmentation():
    c = Config(augment=("affine", "elastic"), rotation=10.0)
    assert Config.from_dict(c.to_dict()) == c


def test_training_with_augmentation_runs_and_learns(small):
    c = Config(hidden=(64,), activation="relu", init="he", optimizer="adam", lr=0.002, batch_size=100,
               augment=AUGMENTS, epochs=2, steps=None)
    t = Trainer.from_config(c, small)
    t.step(t.planned_steps(c))
    assert t.augmenter is not None and t.augmenter.names == AUGMENTS
    assert t.epochs[-1].test_accuracy > 0.6  # chance is 0.1; distorted images train slower
    again = Trainer.from_config(c, small)
    again.step(t.planned_steps(c))
    assert np.array_equal(again.model.params[0], t.model.params[0])  # seeded: the same run twice
