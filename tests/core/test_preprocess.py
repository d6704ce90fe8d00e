"""Drawing-pad preprocessing: any picture of a digit -> an MNIST-like 28x28."""
import numpy as np
import pytest

from mlpviz.core.preprocess import EmptyImage, prepare_digit


def corr(a, b):
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


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
    assert np.median([corr(prepare_digit(d), d) for d in digits]) > 0.99


@pytest.mark.parametrize("scale, top, left, invert, thick", [
    (9, 30, 200, False, 0), (5, 300, 10, True, 0), (7, 0, 0, True, 6), (12, 150, 400, False, 3),
])
def test_moved_scaled_thickened_inverted_digits_come_back(digits, scale, top, left, invert, thick):
    for d in digits[:8]:
        big = np.kron(d, np.ones((scale, scale)))
        canvas = np.zeros((700, 800))
        canvas[top:top + big.shape[0], left:left + big.shape[1]] = big
        canvas = thicken(canvas, thick) if thick else canvas
        canvas = 255 * (1 - canvas) if invert else 255 * canvas
        assert corr(prepare_digit(canvas), prepare_digit(d)) > (0.9 if not thick else 0.75)


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
