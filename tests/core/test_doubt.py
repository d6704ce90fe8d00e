"""The "not sure" signal: low probability, or an input unlike the training images."""
import numpy as np
import pytest

from mlpviz.core.doubt import Familiarity, judge
from mlpviz.core.strokes import render_strokes


@pytest.fixture(scope="module")
def familiarity(small):
    return Familiarity.from_data(small, n=2000, calibrate=500)


def test_real_digits_are_familiar(familiarity, small):
    novelty = np.array([familiarity.novelty(x / 255) for x in small.x_test[500:1000]])
    assert (novelty > 1).mean() < 0.03


def test_a_drawn_digit_is_familiar(familiarity):
    seven = render_strokes([np.array([[0.0, 0.0], [100.0, 0.0], [40.0, 150.0]])])
    assert familiarity.novelty(seven) < 1


@pytest.mark.parametrize("paths", [
    [np.array([[50.0, 50.0]])],  # a dot
    [np.array([[0.0, 0.0], [100, 0], [100, 100], [0, 100], [0, 0]])],  # a square
    [np.array([[0.0, 0.0], [100.0, 100.0]]), np.array([[100.0, 0.0], [0.0, 100.0]])],  # a cross
])
def test_shapes_that_are_no_digit_are_unfamiliar(familiarity, paths):
    x = render_strokes(paths)
    assert familiarity.novelty(x) > 1
    doubt = judge(np.eye(10)[3], x, familiarity)  # even a network certain of its answer
    assert doubt.unsure and doubt.reason == "unlike the training images" and doubt.digit == 3


def test_a_blot_is_unfamiliar(familiarity):
    assert familiarity.novelty(np.ones((28, 28), np.float32)) > 1


def test_low_probability_is_unsure_high_is_sure():
    p = np.full(10, 0.05)
    p[4] = 0.55
    doubt = judge(p)
    assert doubt.unsure and doubt.reason == "low top probability" and doubt.digit == 4
    sure = judge(np.eye(10)[7] * 0.9 + 0.01)
    assert not sure.unsure and sure.reason == "" and sure.novelty is None and sure.probability == pytest.approx(0.91)
