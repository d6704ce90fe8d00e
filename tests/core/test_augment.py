"""Augmentation: shapes, ranges, identity at zero strength, determinism, and what each does to the ink."""
import numpy as np
import pytest

from mlpviz.core.augment import (
    AUGMENTS,
    Augmenter,
    SkeletonCache,
    affine_matrices,
    augment_images,
    bilinear,
    pen_distances,
    redraw,
    thicken,
)
from mlpviz.core.config import Config, ConfigError, parse_augment
from mlpviz.core.trainer import Trainer

ZERO = dict(rotation=0, shear=0, scale=0, translate=0, thickness=0, elastic_alpha=0, pen_share=0)


def centre_of_mass(img: np.ndarray) -> np.ndarray:
    img = img.reshape(28, 28).astype(np.float64)
    return np.array([img.sum(1) @ np.arange(28), img.sum(0) @ np.arange(28)]) / img.sum()


@pytest.mark.parametrize("names", [("affine",), ("thickness",), ("elastic",), ("pen",), AUGMENTS])
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
                                    dict(elastic_sigma=0.0), dict(thickness=float("nan")), dict(pen_share=1.5),
                                    dict(pen_min=0.1), dict(pen_max=6.0)])
def test_config_refuses_bad_augmentation(change):
    with pytest.raises(ConfigError):
        Config(**change).validated()


def test_config_round_trips_its_augmentation():
    c = Config(augment=("affine", "elastic"), rotation=10.0)
    assert Config.from_dict(c.to_dict()) == c
    c = Config(augment=("affine", "pen"), pen_share=0.3, pen_min=2.0, pen_max=2.8)
    assert Config.from_dict(c.to_dict()) == c
    assert parse_augment("pen,affine") == ("affine", "pen")


def test_the_pen_redraws_a_share_of_the_batch_at_an_even_width(small):
    x = small.x_train[:200]
    out = augment_images(x, (28, 28), ("pen",), seed=2, pen_share=0.5, pen_min=2.0, pen_max=2.0)
    changed = (out != x).any(1)
    assert 0.35 < changed.mean() < 0.65  # about half of the batch
    # A redrawn digit is its skeleton drawn again: the same digit's place, an even stroke, no grey scan.
    redrawn = out[changed].reshape(-1, 28, 28).astype(np.float32)
    original = x[changed].reshape(-1, 28, 28).astype(np.float32)
    near = thicken(original, np.full(len(original), 2.0)) > 0
    assert not ((redrawn > 0) & ~near).any()
    assert np.abs(redrawn - original).mean() < 40


def test_redrawn_digits_keep_their_class(small, trained):
    x, y = small.x_test[:300], small.y_test[:300]
    d = pen_distances(x, (28, 28))
    read = trained.predict_proba(x / 255).argmax(1)
    for width in (1.6, 2.4, 3.2):
        redrawn = redraw(d, np.full(len(x), width)).reshape(len(x), -1) / 255
        assert redrawn.dtype == np.float32 and 0 <= redrawn.min() and redrawn.max() <= 1
        # A network that never saw a redrawn digit still reads most of them as it reads the originals.
        assert (trained.predict_proba(redrawn).argmax(1) == read).mean() > 0.85
        assert (trained.predict_proba(redrawn).argmax(1) == y).mean() > 0.8


def test_a_wider_pen_puts_down_more_ink(small):
    d = pen_distances(small.x_train[:20], (28, 28))
    ink = [redraw(d, np.full(20, w)).sum((1, 2)) for w in (1.6, 2.4, 3.2)]
    assert (ink[0] < ink[1]).all() and (ink[1] < ink[2]).all()
    # The two ends of the width may come in either order.
    a = augment_images(small.x_train[:20], (28, 28), ("pen",), seed=3, pen_share=1, pen_min=2.0, pen_max=3.0)
    assert np.array_equal(a, augment_images(small.x_train[:20], (28, 28), ("pen",), seed=3, pen_share=1,
                                            pen_min=3.0, pen_max=2.0))
    # Ink per unit of width is about the skeleton's length: 2.4 is about MNIST's own stroke.
    ratio = ink[1].sum() / small.x_train[:20].sum(dtype=np.float64)
    assert 0.7 < ratio < 1.3


def test_the_training_sets_skeletons_are_kept_and_give_the_same_images(small):
    cache = SkeletonCache(small.x_train, (28, 28))
    a = Augmenter((28, 28), ("pen",), pen_share=1.0, skeletons=cache)
    idx = np.arange(10, 40)
    with_cache = a(small.x_train[idx].copy(), np.random.default_rng(4), idx)
    assert cache.done.sum() == 30 and cache.done[idx].all()
    without = a(small.x_train[idx].copy(), np.random.default_rng(4))
    # Kept distances are rounded to 1/64 pixel: a grey level or two apart at most.
    assert np.abs(with_cache.astype(int) - without).max() <= 5
    cache.distances(idx)  # already there: nothing is thinned again
    assert cache.done.sum() == 30


def test_training_with_augmentation_runs_and_learns(small):
    c = Config(hidden=(64,), activation="relu", init="he", optimizer="adam", lr=0.002, batch_size=100,
               augment=AUGMENTS, epochs=2, steps=None)
    t = Trainer.from_config(c, small)
    t.step(t.planned_steps(c))
    assert t.augmenter is not None and t.augmenter.names == AUGMENTS
    assert t.augmenter.skeletons is not None and t.augmenter.skeletons.done.any()  # the pen kept skeletons
    assert t.epochs[-1].test_accuracy > 0.6  # chance is 0.1; distorted images train slower
    again = Trainer.from_config(c, small)
    again.step(t.planned_steps(c))
    assert np.array_equal(again.model.params[0], t.model.params[0])  # seeded: the same run twice
