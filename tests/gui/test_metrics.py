"""The loss and accuracy plots fed with snapshots as the worker sends them."""
import numpy as np

from mlpviz.core.model import MLP
from mlpviz.core.trainer import EpochRecord
from mlpviz.gui import style
from mlpviz.gui.worker import Snapshot


def snapshot(losses, loss_start, epochs, steps_per_epoch=10):
    return Snapshot(step=loss_start + len(losses), epoch_progress=0.0, steps_per_epoch=steps_per_epoch,
                    series_start=loss_start, series={"loss": np.asarray(losses, np.float32)},
                    epochs=tuple(EpochRecord(e, e * steps_per_epoch, 1.0, 0.9, 1.0, 0.8, 1.0) for e in epochs),
                    probes=np.zeros((0, 3)), model=MLP.create((4, 3, 10)), lr=0.1, samples_per_second=0.0,
                    train_seconds=0.0, state="running")


def test_curves_follow_the_losses_and_epoch_markers_give_way_to_a_line(qtbot):
    style.configure()
    from mlpviz.gui.widgets.metrics import MARKED_EPOCHS, MetricsPanel

    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.update_from(snapshot([3.0, 2.0, 1.0], 0, [1, 2]))
    panel.update_from(snapshot([5.0, 0.5], 3, range(1, 4)))  # a later delivery continues the curve
    x, y = panel.raw.getData()
    np.testing.assert_allclose(x, np.arange(1, 6) / 10)  # step i ends at epoch i / steps_per_epoch
    np.testing.assert_array_equal(y, [3, 2, 1, 5, 0.5])
    assert panel._loss_max == 5.0
    ex, ey = panel.epoch_train.getData()
    np.testing.assert_array_equal(ex, [1, 2, 3])
    np.testing.assert_allclose(ey, [90, 90, 90])
    assert panel.epoch_train.opts["symbol"] == "o"
    panel.update_from(snapshot([], 5, range(1, MARKED_EPOCHS + 2)))
    assert len(panel.epoch_train.getData()[0]) == MARKED_EPOCHS + 1
    assert panel.epoch_train.opts["symbol"] is None  # too many to mark one by one
