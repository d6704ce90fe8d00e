"""The activations view: heat maps with colour bars on a stable scale, the output bars, selection."""
import numpy as np
import pytest

from mlpviz.core.data import scale_images
from mlpviz.core.model import MLP
from mlpviz.gui.snapshot import Snapshot


def snapshot(model, run_id=1):
    return Snapshot.of(model, lr=0.1, run_id=run_id)


@pytest.fixture
def view(make_view):
    from mlpviz.gui.views.activations import ActivationsView
    return make_view(ActivationsView, 420, 560)


def test_probabilities_follow_the_input_and_the_model(view):
    model = MLP.create((784, 30, 20, 10), "sigmoid", init="he", seed=1)
    view.session.publish(snapshot(model))
    assert view.probabilities() is None
    view.session.show_test_image(0)
    x = scale_images(view.session.data.x_test[0])
    np.testing.assert_allclose(view.probabilities(), model.forward(x.reshape(1, -1))[0], rtol=1e-6)
    assert len(view.colour_bars) == 2
    assert view.levels(1) == (0.0, 1.0) and view.levels(2) == (0.0, 1.0)  # sigmoid: always 0 to 1
    assert f"reads <b>{int(view.probabilities().argmax())}</b>" in view.caption.text()
    view.session.set_input(None, "nothing drawn")
    assert view.probabilities() is None


def test_relu_scale_is_stable_across_inputs_and_resets_with_a_new_run(view):
    model = MLP.create((784, 64, 10), "relu", init="he", seed=2)
    view.session.publish(snapshot(model))
    tops = []
    for i in range(12):
        view.session.show_test_image(i)
        tops.append(view.levels(1)[1])
    x = scale_images(view.session.data.x_test[:12]).astype(np.float32)
    largest = float(np.maximum(x @ model.layers[0].W + model.layers[0].b, 0).max())
    assert tops[-1] >= largest  # every recent input fits the scale
    assert tops == sorted(tops)  # it never shrank while recent inputs still needed it
    assert len(set(tops)) <= 3  # rounded to 1, 2, 2.5, 5 x 10^k: it seldom moves
    img = view.heat_map(1)
    assert img.levels is not None and tuple(img.levels) == view.levels(1)
    # A new run forgets the old scale: a much smaller network gets its own.
    tiny = MLP.create((784, 64, 10), "relu", init="normal", init_std=1e-4, seed=2)
    view.session.publish(snapshot(tiny, run_id=2))
    assert view.levels(1)[1] < tops[-1] / 10


def test_clicking_a_cell_selects_its_unit_and_the_cell_is_outlined(view, qtbot, click):
    from mlpviz.gui.views.activations import WIDE
    from mlpviz.gui.widgets.mosaic import mosaic_layout

    model = MLP.create((784, 30, 20, 10), "relu", init="he", seed=1)
    view.session.publish(snapshot(model))
    view.session.show_test_image(3)
    _, cols = mosaic_layout(20, wide=WIDE)
    img = view.heat_map(2)
    with qtbot.waitSignal(view.session.unitSelected) as blocker:
        click(view.layers_view, img, 2.5, 1.5)  # row 1, column 2 of the second hidden layer
    assert blocker.args == [2, cols + 2]
    assert [layer for layer, _ in view.outlined()] == [2]
    assert view.outlined()[0][1].center().x() == 2.5
    view.session.select_unit(1, 4)
    (layer, rect), = view.outlined()
    assert layer == 1 and rect.center().x() == 4.5


def test_a_dot_is_read_without_confidence_and_a_diverged_network_reads_nothing(view, qtbot, trained):
    from mlpviz.gui.snapshot import Snapshot
    view.session.set_data(view.session.data)  # the view learns what training images look like
    view.session.publish(Snapshot.of(trained, run_id=7))
    dot = np.zeros(784, np.float32)
    dot[14 * 28 + 14] = 1.0
    view.session.set_input(dot, "A dot")
    # once the view has learnt the training images, the dot is doubted for being unlike them
    # (on a busy machine learning the training images takes a while)
    qtbot.waitUntil(lambda: "unlike the training images" in view.caption.text(), timeout=30000)
    assert "not sure" in view.caption.text()
    view.session.show_test_image(0)
    assert "not sure" not in view.caption.text() and "reads" in view.caption.text()
    broken = trained.copy()
    broken.layers[-1].W[:] = np.nan
    view.session.publish(Snapshot.of(broken, run_id=7))
    assert "not numbers" in view.caption.text() and "nan" not in view.caption.text()
