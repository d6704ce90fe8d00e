"""Drawing-pad preprocessing: any picture of a digit -> an MNIST-like 28x28."""
import numpy as np
import pytest

from mlpviz.core.preprocess import MAX_SHEAR, UPRIGHT, EmptyImage, deskew, prepare_digit, upright_shear


def corr(a, b):
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def slope(img):
    """How far the ink's x moves per pixel down (mu11 / mu02; positive: leaning left, top to the left)."""
    ys, xs = np.indices(img.shape)
    w = img / img.sum()
    dy, dx = ys - (w * ys).sum(), xs - (w * xs).sum()
    return float((w * dx * dy).sum() / (w * dy * dy).sum())


def thicken(img, r):
    out = img.copy()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            out = np.maximum(out, np.roll(img, (dy, dx), (0, 1)))
    return out


@pytest.fixture(scope="module")
def digits(mnist):
    return mnist.x_test[:20].reshape(-1, 28, 28) / 255.0


def test_mnist_digits_come_back_as_they_are(digits):
    assert np.median([corr(prepare_digit(d, upright=False), d) for d in digits]) > 0.99


def test_mnist_digits_are_partly_set_upright(digits):
    before = np.array([slope(d) for d in digits])
    after = np.array([slope(prepare_digit(d)) for d in digits])
    leaning = np.abs(before) > 0.1
    assert leaning.sum() >= 5
    # What is left is the share not taken out, give or take the resampling.
    assert np.allclose(after[leaning], (1 - UPRIGHT) * before[leaning], atol=0.05)
    upright = np.abs(before) < 0.05
    assert np.median([corr(prepare_digit(d), d) for d in digits[upright]]) > 0.97


def test_a_slanted_bar_is_sheared_upright_its_rows_kept():
    img = np.zeros((120, 80))
    for r in range(100):
        img[10 + r, 50 - r // 2:54 - r // 2] = 1  # 4 px wide, leaning right (top to the right)
    out = deskew(img)
    assert out.shape[0] == img.shape[0] and out.shape[1] > img.shape[1]
    assert slope(img) == pytest.approx(-0.5, abs=0.01)
    assert slope(out) == pytest.approx(-0.5 * (1 - UPRIGHT), abs=0.01)
    assert out.sum(1) == pytest.approx(img.sum(1))  # each row's ink moved sideways, not changed
    assert out.min() >= 0 and out.max() <= 1


def test_upright_or_flat_ink_is_left_alone():
    bar = np.zeros((50, 30))
    bar[5:45, 12:16] = 1
    assert np.array_equal(deskew(bar), bar)
    flat = np.zeros((30, 50))
    flat[14, 5:45] = 1  # a horizontal line: no height to measure a slant on
    assert np.array_equal(deskew(flat), flat)
    assert upright_shear(1.0, 1e-12, 1.0) == 0.0 and upright_shear(0.0, 0.0, 0.0) == 0.0
    # A line barely off the horizontal would be sheared without end: the shear stops at MAX_SHEAR.
    assert upright_shear(-5.0, 0.5, 100.0) == -MAX_SHEAR
    out = prepare_digit(np.kron(np.eye(3)[::-1], np.ones((2, 40))))
    assert np.isfinite(out).all() and out.max() == pytest.approx(1)
    # A faint diagonal streak under the ink threshold (a shadow, a crease) does not count as a slant.
    ys, xs = np.indices(bar.shape)
    upright = deskew(np.maximum(bar, 0.09 * (np.abs(xs / 30 - ys / 50) < 0.15)))
    assert abs(slope(np.where(upright > 0.5, upright, 0))) < 0.01


@pytest.mark.parametrize("scale, top, left, invert, thick", [
    (9, 30, 200, False, 0), (5, 300, 10, True, 0), (7, 0, 0, True, 6), (12, 150, 400, False, 3),
])
@pytest.mark.parametrize("upright", [False, True])
def test_moved_scaled_thickened_inverted_digits_come_back(digits, scale, top, left, invert, thick, upright):
    same = []
    for d in digits[:8]:
        big = np.kron(d, np.ones((scale, scale)))
        canvas = np.zeros((700, 800))
        canvas[top:top + big.shape[0], left:left + big.shape[1]] = big
        canvas = thicken(canvas, thick) if thick else canvas
        canvas = 255 * (1 - canvas) if invert else 255 * canvas
        same.append(corr(prepare_digit(canvas, upright=upright), prepare_digit(d, upright=upright)))
    if upright:  # shearing a 28x28 digit resamples its rows at that coarse scale: a few come back blurred
        assert np.median(same) > (0.95 if not thick else 0.75) and min(same) > (0.8 if not thick else 0.6)
    else:
        assert min(same) > (0.9 if not thick else 0.75)


def test_output_is_28x28_float32_in_unit_range_centred(digits):
    out = prepare_digit(np.pad(digits[3] * 200, ((10, 100), (50, 3))))
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() >= 0 and out.max() == pytest.approx(1)
    ys, xs = np.indices(out.shape)
    assert abs((ys * out).sum() / out.sum() - 14) <= 0.5 and abs((xs * out).sum() / out.sum() - 14) <= 0.5
    rows, cols = np.nonzero(out)
    assert max(np.ptp(rows), np.ptp(cols)) + 1 <= 20


@pytest.mark.parametrize("image", [np.zeros((50, 50)), np.full((30, 40), 255.0), np.ones((1, 1))])
def test_an_empty_image_is_reported_not_guessed(image):
    with pytest.raises(EmptyImage):
        prepare_digit(image)


def test_a_single_dot_is_a_digit_of_sorts():
    img = np.zeros((100, 100))
    img[40, 60] = 1
    out = prepare_digit(img)
    assert out.shape == (28, 28) and out.max() == 1


def test_other_image_sizes_keep_mnist_proportions():
    img = np.zeros((100, 60), np.float32)
    img[10:90, 20:40] = 1.0
    out = prepare_digit(img, shape=(14, 14))
    assert out.shape == (14, 14) and out.dtype == np.float32
    rows = np.nonzero(out.max(axis=1) > 0.1)[0]
    assert rows.max() - rows.min() + 1 == 10  # 20/28 of 14: the box MNIST's digits fill
