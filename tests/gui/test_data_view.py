"""The data view: counts, class averages, samples, and the augmentation preview."""
import numpy as np
import pytest

from mlpviz.core.config import PRESETS, Config
from mlpviz.gui.views.data import DataView


@pytest.fixture
def view(make_view):
    return make_view(DataView, 640, 480)


def test_shows_the_dataset(view, small):
    assert "mnist-small" in view.title.text() and "3,000" in view.title.text()
    assert view.bar_heights.sum() == 3000
    assert not view.means.pixmap().isNull() and not view.samples.pixmap().isNull()
    assert view.after.pixmap().isNull()  # no settings yet: nothing to preview after


def test_augmentation_preview_follows_the_settings_and_new_sample(view):
    view.set_config(PRESETS["fast"])
    assert view.preview_after is None and "change no image" in view.after_note.text()
    view.set_config(Config(augment=("affine", "elastic"), rotation=12.0))
    before, after = view.preview_before.copy(), view.preview_after.copy()
    assert after.shape == before.shape == (16, 784) and not np.array_equal(after, before)
    assert "±12°" in view.after_note.text() and "elastic" in view.after_note.text()
    assert not view.after.pixmap().isNull()
    view.new_sample.click()
    assert not np.array_equal(view.preview_before, before)


def test_the_best_presets_preview_shows_the_pen_too(view):
    view.set_config(PRESETS["best"])
    assert view.preview_after.shape == (16, 784) and not np.array_equal(view.preview_after, view.preview_before)
    assert "50% thinned to their skeleton" in view.after_note.text() and "1.6 to 3.2 px" in view.after_note.text()


def test_follows_a_new_dataset(view, small):
    from mlpviz.core.data import Dataset
    other = Dataset(small.x_train[:500], small.y_train[:500], small.x_test[:100], small.y_test[:100],
                    small.image_shape, "other")
    view.session.set_data(other)
    assert "other" in view.title.text() and view.bar_heights.sum() == 500


def test_its_buttons_ask_for_a_folder_or_a_file(view, qtbot):
    with qtbot.waitSignal(view.chooseData) as folder:
        view.open_folder.click()
    with qtbot.waitSignal(view.chooseData) as file:
        view.open_file.click()
    assert folder.args == [True] and file.args == [False]


def test_the_grids_shrink_to_fit_a_narrow_view_instead_of_being_cut(make_view, qtbot):
    view = make_view(DataView, 420, 420)
    labels = (view.means, view.samples)

    def in_view(label) -> bool:
        shown = label.pixmap().size()
        return shown.width() <= label.width() and shown.height() <= label.height()
    qtbot.waitUntil(lambda: all(in_view(label) for label in labels), timeout=3000)  # once laid out
    assert view.width() == 420 and view.minimumSizeHint().width() <= 420  # the grids let the view be narrow
    for label in labels:
        shown = label.pixmap().size()
        full = label.sizeHint()
        assert shown.width() / shown.height() == pytest.approx(full.width() / full.height(), rel=0.05)
