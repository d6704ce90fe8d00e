"""The mini-batch view: the images learned in the last step, the answers before and after, the losses."""
from types import SimpleNamespace

import numpy as np
import pytest

from mlpviz.core.batch import BatchRecord, batch_losses
from mlpviz.gui.widgets.mosaic import GAP, mosaic_layout


def record(small, B, seed=0, augmented=False):
    """A batch of B training images; before the step every answer is 0, after it the label for
    even positions and (label + 1) % 10 for odd ones. augmented: the step learned from the images
    turned upside down, standing in for an augmentation."""
    rng = np.random.default_rng(seed)
    indices = rng.choice(len(small.y_train), B, replace=False)
    labels = small.y_train[indices].astype(np.int64)
    before = np.full((B, 10), 0.05)
    before[:, 0] = 0.55
    after = np.full((B, 10), 0.02)
    answer = np.where(np.arange(B) % 2 == 0, labels, (labels + 1) % 10)
    after[np.arange(B), answer] = 0.82
    images = small.x_train[indices]
    if augmented:
        images = images.reshape(B, 28, 28)[:, ::-1].reshape(B, -1)
    return BatchRecord(indices, labels, before, after, images, augmented)


@pytest.fixture
def view(make_view):
    from mlpviz.gui.views.minibatch import MiniBatchView
    return make_view(MiniBatchView, 600, 500)


def test_images_answers_and_losses_of_the_batch(view, small):
    from mlpviz.gui.views.minibatch import CAPTION_ROWS, HINT, RIGHT, SHOWN, WIDE

    assert view.caption.text() == HINT
    rec = record(small, 100)
    view.update_from(SimpleNamespace(batch=rec, step=7))  # a stand-in: all the view reads of a snapshot
    image = view.images.image
    _, cols = mosaic_layout(SHOWN, WIDE)
    for i in (0, 1, 9, SHOWN - 1):  # each shown image is the training image its index names
        r, c = divmod(i, cols)
        y0, x0 = r * (28 + CAPTION_ROWS + GAP), c * (28 + GAP)
        np.testing.assert_array_equal(image[y0:y0 + 28, x0:x0 + 28], small.x_train[rec.indices[i]].reshape(28, 28))
    texts = [t for t in view.texts if t.isVisible()]
    assert len(texts) == SHOWN
    y0, y1 = int(rec.labels[0]), int(rec.labels[1])
    assert texts[0].toPlainText() == f"{y0}: 0\u2192{y0}"
    assert texts[1].toPlainText() == f"{y1}: 0\u2192{(y1 + 1) % 10}"
    assert texts[0].color.name() == RIGHT
    before, after = view.losses()
    np.testing.assert_allclose(before, batch_losses(rec.before[:SHOWN], rec.labels[:SHOWN]))
    np.testing.assert_allclose(after, -np.log(np.where(np.arange(SHOWN) % 2 == 0, 0.82, 0.02)))
    assert "step 7" in view.caption.text() and "100 images (32 shown)" in view.caption.text()
    assert f"<b>{50}</b> after" in view.caption.text()  # half are right after the step
    # A snapshot without a batch keeps the last one, saying so; a new run clears it.
    view.update_from(SimpleNamespace(batch=None, step=8))
    assert "earlier step" in view.caption.text() and view.images.image is not None
    view.session.set_data(small)  # new data: the recorded indices no longer name its images
    assert view.caption.text() == HINT and not any(t.isVisible() for t in view.texts)


def test_a_small_batch_shows_every_image_and_a_click_makes_it_the_input(view, small, qtbot, click):
    rec = record(small, 5, seed=1)
    view.update_from(SimpleNamespace(batch=rec, step=1))
    assert sum(t.isVisible() for t in view.texts) == 5 and len(view.losses()[0]) == 5
    with qtbot.waitSignal(view.session.inputChanged) as blocker:
        click(view.images_view, view.images, 3 * (28 + GAP) + 14, 14)
    np.testing.assert_allclose(blocker.args[0], small.x_train[rec.indices[3]] / 255, atol=1e-6)
    assert f"Training image {rec.indices[3]}" in blocker.args[1]


def test_the_images_drawn_and_clicked_are_those_the_step_learned_from(view, small, qtbot, click):
    from mlpviz.gui.views.minibatch import CAPTION_ROWS, WIDE
    rec = record(small, 6, seed=2, augmented=True)
    view.update_from(SimpleNamespace(batch=rec, step=3))
    _, cols = mosaic_layout(6, WIDE)
    for i in range(6):
        r, c = divmod(i, cols)
        y0, x0 = r * (28 + CAPTION_ROWS + GAP), c * (28 + GAP)
        drawn = view.images.image[y0:y0 + 28, x0:x0 + 28]
        np.testing.assert_array_equal(drawn, rec.images[i].reshape(28, 28))
        assert not np.array_equal(drawn, small.x_train[rec.indices[i]].reshape(28, 28))
    assert "augmented" in view.caption.text()
    with qtbot.waitSignal(view.session.inputChanged) as blocker:
        click(view.images_view, view.images, 2 * (28 + GAP) + 14, 14)
    np.testing.assert_allclose(blocker.args[0], rec.images[2] / 255, atol=1e-6)
    assert f"Training image {rec.indices[2]}, augmented (label {rec.labels[2]})" == blocker.args[1]
