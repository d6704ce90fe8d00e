"""The loss and accuracy curves fed with snapshots as the worker sends them."""
import numpy as np
import pytest

from mlpviz.core.data import Dataset
from mlpviz.core.model import MLP
from mlpviz.core.trainer import EpochRecord
from mlpviz.gui import style
from mlpviz.gui.session import Session
from mlpviz.gui.snapshot import Snapshot


def snapshot(losses, loss_start, epochs, steps_per_epoch=10, probes=None, accuracies=None):
    accuracies = accuracies or {}
    records = tuple(EpochRecord(e, e * steps_per_epoch, 1.0 / e, accuracies.get(e, (0.9, 0.8))[0], 1.5 / e,
                                accuracies.get(e, (0.9, 0.8))[1], 1.0) for e in epochs)
    return Snapshot(step=loss_start + len(losses), epoch_progress=0.0, steps_per_epoch=steps_per_epoch,
                    series_start=loss_start, series={"loss": np.asarray(losses, np.float32)}, epochs=records,
                    probes=np.zeros((0, 3)) if probes is None else np.asarray(probes, np.float64),
                    model=MLP.create((4, 3, 10)), lr=0.1, samples_per_second=0.0, train_seconds=0.0,
                    state="running")


def feed(view, snap):
    """Deliver a snapshot as the window does: the session keeps its losses, then the view draws."""
    view.session.publish(snap)
    view.update_from(view.session.snapshot)


@pytest.fixture
def view(qtbot):
    style.configure()
    from mlpviz.gui.views.curves import CurvesView

    v = CurvesView(Session())
    qtbot.addWidget(v)
    return v


def test_curves_follow_the_losses_and_epoch_markers_give_way_to_a_line(view):
    from mlpviz.gui.views.curves import MARKED_EPOCHS

    feed(view, snapshot([3.0, 2.0, 1.0], 0, [1, 2]))
    feed(view, snapshot([5.0, 0.5], 3, range(1, 4)))  # a later delivery continues the curve
    x, y = view.raw.getData()
    np.testing.assert_allclose(x, np.arange(1, 6) / 10)  # step i ends at epoch i / steps_per_epoch
    np.testing.assert_array_equal(y, [3, 2, 1, 5, 0.5])
    assert view.loss_plot.viewRange()[1][1] >= 5.0  # the highest loss fits
    ex, ey = view.epoch_train.getData()
    np.testing.assert_array_equal(ex, [1, 2, 3])
    np.testing.assert_allclose(view.epoch_train.yData, [10, 10, 10])  # 90% accuracy: 10% error
    np.testing.assert_allclose(view.epoch_test.yData, [20, 20, 20])
    assert view.epoch_train.opts["symbol"] == "s" and view.epoch_test.opts["symbol"] == "o"
    feed(view, snapshot([], 5, range(1, MARKED_EPOCHS + 2)))
    assert len(view.epoch_train.getData()[0]) == MARKED_EPOCHS + 1
    assert view.epoch_train.opts["symbol"] is None  # too many to mark one by one


def test_accuracy_axis_is_log_error_and_zooms_to_the_last_per_cents(view):
    from mlpviz.gui.views.curves import ERROR_FLOOR, accuracy_label

    assert view.acc_plot.plotItem.ctrl.logYCheck.isChecked()
    assert [accuracy_label(v) for v in (2, 1, 0, -1, np.log10(0.5))] == ["0%", "90%", "99%", "99.9%", "99.5%"]
    axis = view.acc_plot.getAxis("left")
    (_, major), (_, minor) = axis.tickValues(-1.0, 2.0, 400)
    assert major == [-1.0, 0.0, 1.0, 2.0]  # 99.9, 99, 90, 0%
    assert [accuracy_label(v) for v in minor] == ["99.8%", "99.5%", "98%", "95%", "80%", "50%"]
    assert axis.tickValues(-1.0, 2.0, 100)[1][1] == []  # no room: the decades only
    assert "95%" in [accuracy_label(v) for v in axis.tickValues(-1.0, 2.0, 130)[1][1]]  # a short plot at 1024x680
    feed(view, snapshot([1.0], 0, [1]))  # 80% test accuracy: the starting range covers it
    assert view.accuracy_range() == (0.0, 99.0)
    feed(view, snapshot([1.0], 1, [1, 2], accuracies={2: (0.9985, 0.9975)}))
    lo, hi = view.accuracy_range()
    assert 99.85 <= hi < 100  # the axis reaches down to the data's 0.15% error, and not much further
    top = view.acc_plot.getViewBox().viewRange()[1]
    assert top[0] < np.log10(0.15) < top[1]
    # A perfect train score is drawn at the floor, not lost at log(0).
    feed(view, snapshot([1.0], 2, [1, 2, 3], accuracies={3: (1.0, 0.998)}))
    assert view.epoch_train.yData[-1] == ERROR_FLOOR
    assert np.all(np.isfinite(view.epoch_train.getData()[1]))


def test_train_is_drawn_over_test_with_its_own_line_and_markers(view):
    assert view.epoch_train.zValue() > view.epoch_test.zValue()
    assert view.probe_train.zValue() > view.probe_test.zValue()
    assert view.epoch_train.opts["pen"].style() != view.epoch_test.opts["pen"].style()
    assert view.epoch_train.opts["symbol"] != view.epoch_test.opts["symbol"]


def test_numbers_show_the_latest_and_the_best(view):
    assert "No training yet" in view.numbers.text()
    feed(view, snapshot([2.0, 1.0], 0, [], probes=[[0.5, 0.71, 0.69]]))
    assert "71.0%" in view.numbers.text() and "69.0%" in view.numbers.text()
    acc = {1: (0.95, 0.94), 2: (0.97, 0.96), 3: (0.99, 0.955)}
    feed(view, snapshot([0.5], 2, [1, 2, 3], accuracies=acc))
    text = view.numbers.text()
    assert "epoch 3" in text and "99.00%" in text and "95.50%" in text  # the latest
    assert "96.00% (epoch 2)" in text  # the best test accuracy so far
    assert "loss 0.5000 (epoch 3)" in text  # the lowest test loss (1.5 / 3)
    assert "(smoothed)" in text


def test_sample_legends_state_the_real_sample_size(view, small):
    legend = view.acc_plot.plotItem.legend
    tiny = Dataset(small.x_train[:150], small.y_train[:150], small.x_test, small.y_test, small.image_shape, "tiny")
    view.session.set_data(tiny)
    assert legend.getLabel(view.probe_train).text == "train (all 150 images)"
    assert legend.getLabel(view.probe_test).text == "test (500-image sample)"
    view.session.set_data(small)
    assert legend.getLabel(view.probe_train).text == "train (500-image sample)"


def test_plots_go_side_by_side_in_a_short_wide_view(view, qtbot):
    """Stacked in a short view, each plot's title and axes left the curves a thin strip."""
    view.show()
    view.resize(900, 320)
    qtbot.waitUntil(lambda: view.acc_plot.x() > view.loss_plot.x() + 200)
    assert view.acc_plot.y() == view.loss_plot.y() and view.loss_plot.height() > 200
    assert view.hint.textItem.textWidth() < 0.8 * view.loss_plot.width()  # the start hint wraps inside its plot
    view.resize(500, 700)  # narrow and tall: stacked, the accuracy under the loss
    qtbot.waitUntil(lambda: view.acc_plot.y() > view.loss_plot.y() + 100)
    assert view.acc_plot.x() == view.loss_plot.x()


def test_a_short_narrow_view_drops_titles_and_legend_to_leave_the_curves_room(view, qtbot):
    """In the smallest window the stacked plots' titles and legend took all but a few pixels."""
    view.show()
    view.resize(420, 210)
    qtbot.waitUntil(lambda: not view.acc_plot.plotItem.legend.isVisible())
    # the curves' own area, axes and labels aside, once the layout has settled
    qtbot.waitUntil(lambda: all(not p.plotItem.titleLabel.isVisible() and p.plotItem.vb.height() >= 30
                                for p in (view.loss_plot, view.acc_plot)))
    view.resize(500, 700)  # tall again: titles and legend back
    qtbot.waitUntil(lambda: view.acc_plot.plotItem.legend.isVisible())
    assert view.loss_plot.plotItem.titleLabel.isVisible() and view.loss_plot.plotItem.titleLabel.text == "Loss"
    assert view.acc_plot.plotItem.titleLabel.isVisible()


def test_steps_delivered_while_hidden_are_all_drawn_when_shown(view, qtbot):
    """A hidden view (another tab in front) draws nothing, but the history keeps every step."""
    view.show()
    qtbot.waitExposed(view)
    rng = np.random.default_rng(0)
    losses = rng.random(20).astype(np.float32) + 0.5
    view.session.publish(snapshot(losses[:5], 0, []))
    view.hide()
    for start, stop in ((5, 9), (9, 14), (14, 20)):  # several snapshots while hidden
        view.session.publish(snapshot(losses[start:stop], start, []))
    assert view.steps_shown() == 5
    view.show()
    qtbot.waitUntil(lambda: view.steps_shown() == 20)
    x, y = view.raw.getData()
    np.testing.assert_allclose(x, np.arange(1, 21) / 10)  # each at its own step
    np.testing.assert_array_equal(y, losses)


def test_the_smoothed_loss_stays_flat_where_beta_changes_with_the_batch_size():
    # A flat loss, its first 30 steps smoothed at 600 steps an epoch and the rest at 240 (a
    # larger batch): the debiasing divided by 1 - beta^t with the new beta, and dipped to 0.72
    # of the loss, a fall that no step had.
    from mlpviz.gui.views.curves import SMOOTHING_WINDOW, smoothed
    flat = np.full(300, 2.3)
    ema, weight, got = 0.0, 0.0, []
    for part, steps_per_epoch in ((flat[:30], 600), (flat[30:], 240)):
        out, ema, weight = smoothed(part, 1 - 1 / (steps_per_epoch * SMOOTHING_WINDOW), ema, weight)
        got.append(out)
    np.testing.assert_allclose(np.concatenate(got), 2.3, rtol=1e-12)
