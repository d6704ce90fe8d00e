"""The input view: the pad keeps its strokes as paths, a small drawing reaches the network like a
large one, and the test image browser feeds the session."""
import numpy as np
import pytest
from drive import draw

from mlpviz.core.preprocess import prepare_digit
from mlpviz.gui.views.input import InputView

SEVEN = [(0.0, 0.0), (1.0, 0.0), (0.4, 1.0)]


@pytest.fixture
def view(make_view):
    """The input view of a session on the small dataset, at its size in the window."""
    return make_view(InputView, 380, 360)


def placed(shape, size, left, top):
    return [(left + x * size, top + y * size) for x, y in shape]


def test_a_tiny_seven_in_a_corner_reaches_the_network_like_a_large_one(qtbot, view):
    view.pad.clear()
    draw(qtbot, view.pad, placed(SEVEN, 0.08, 0.02, 0.88))
    assert len(view.pad.strokes()) == 1 and view.pad.strokes()[0].shape == (3, 2)
    tiny = view.session.input_x.copy()
    blob = prepare_digit(view.pad.pixels()).ravel()  # the picture cropped and enlarged, pen and all
    view.pad.clear()
    assert view.pad.strokes() == []
    draw(qtbot, view.pad, placed(SEVEN, 0.8, 0.1, 0.1))
    large = view.session.input_x.copy()
    def cosine(a, b):
        return a @ b / np.linalg.norm(a) / np.linalg.norm(b)

    # The mouse lands on whole widget pixels, so the tiny drawing's corners move a little: near, not equal.
    assert cosine(tiny, large) > 0.9 > cosine(blob, large)
    # The pen stays MNIST's: about as much ink as the large drawing, where the enlarged picture is a blob.
    assert abs(tiny.sum() - large.sum()) < 0.15 * large.sum() < abs(blob.sum() - large.sum())


def test_strokes_are_separate_and_a_test_image_has_none(qtbot, view):
    view.pad.clear()
    draw(qtbot, view.pad, [(0.5, 0.1), (0.5, 0.9)])
    draw(qtbot, view.pad, [(0.3, 0.3), (0.7, 0.3)])
    assert len(view.pad.strokes()) == 2
    view.test_index.setValue(5)
    assert view.pad.strokes() == []


def test_test_image_browser_feeds_the_views(view, small):
    view.test_index.setValue(3)
    np.testing.assert_allclose(view.session.input_x, small.x_test[3] / 255, atol=1e-6)
    assert f"label {small.y_test[3]}" in view.session.input_source
