"""The views of how a run learns over time: per-layer dynamics, the timeline, runs compared."""
import numpy as np
import pytest
from drive import snapshot_of

from mlpviz.core.config import Config
from mlpviz.core.history import RunHistory
from mlpviz.core.trainer import Trainer
from mlpviz.gui.snapshot import Snapshot


def train_and_publish(session, trainer: Trainer, steps: int, per_snapshot: int = 5, run_id: int = 1) -> None:
    """Train `steps` steps, publishing a snapshot every `per_snapshot` steps, and a paused one at the end."""
    delivered = 0
    for _ in range(steps // per_snapshot):
        trainer.step(per_snapshot)
        session.publish(snapshot_of(trainer, delivered, run_id))
        delivered = len(trainer.losses)
    session.publish(snapshot_of(trainer, delivered, run_id, state="paused"))


def deep(activation: str, init: str, std: float = 0.01) -> Config:
    return Config(hidden=(100, 100, 100, 100), activation=activation, init=init, init_std=std, lr=0.1,
                  batch_size=100, steps=30, epochs=None)


# Dynamics --------------------------------------------------------------------------------------

def test_dynamics_curves_hold_every_step_of_every_layer(qtbot, make_view, small):
    from mlpviz.gui.views.dynamics import DynamicsView, layer_color
    view = make_view(DynamicsView, 800, 900)
    trainer = Trainer.from_config(Config(hidden=(32, 16), steps=40, epochs=None), small, evaluate_epochs=False)
    trainer.set_lr(0.05)  # a change at step 0, marked on the curves
    train_and_publish(view.session, trainer, 40)
    for name in ("grad_norm", "update_ratio", "inactive"):
        assert view.points(name).shape == (40, 3)
        assert len(view.curve_data(name, 2)[0]) == 40 and len(view.curve_data(name, 3)[0]) == 0  # three layers
        x, y = view.curve_data(name, 0)
        assert len(x) == 40 and np.all(np.isfinite(y))
        np.testing.assert_allclose(view.points(name), trainer.series[name].view())
    legend = view.layers_legend.text()  # one legend above the plots, in the curves' colours
    for i, name in enumerate(["layer 1 (784→32)", "layer 2 (32→16)", "layer 3 (16→10)"]):
        colour = layer_color(i, 3).name()
        assert f'<span style="color:{colour}">&#9679;</span>{name}' in legend
    assert view.marks() == [(0.0, "lr 0.05")]
    qtbot.waitUntil(lambda: view.hist_now.getData()[1].sum() > 0, timeout=10000)  # binned by a job
    _, counts = view.hist_now.getData()
    assert counts.sum() == 784 * 32  # layer 1's weights, every one binned
    _, at_start = view.hist_initial.getData()
    assert at_start.sum() == 784 * 32 and not np.array_equal(counts, at_start)
    step = trainer.timeline.steps()[3]
    view.session.view_step(step)
    assert view.viewed_mark() == pytest.approx(step / trainer.steps_per_epoch)
    view.session.view_step(None)
    assert view.viewed_mark() is None


def test_a_long_run_keeps_every_stride_th_step_aligned_across_series(make_view, small, monkeypatch):
    from mlpviz.core import history
    from mlpviz.gui.views import dynamics
    monkeypatch.setattr(history, "ROWS", 16)  # a long run in miniature
    view = make_view(dynamics.DynamicsView, 800, 900)
    trainer = Trainer.from_config(Config(hidden=(16,), steps=70, epochs=None), small, evaluate_epochs=False)
    train_and_publish(view.session, trainer, 70, per_snapshot=7)
    # full at 16, 32 and 64 steps given: a stride of 8, steps 8, 16, ... 64
    kept = np.arange(1, 9) * 8 - 1
    for name in ("grad_norm", "update_ratio", "inactive"):
        np.testing.assert_allclose(view.points(name), trainer.series[name].view()[kept])
        x, _ = view.curve_data(name, 0)
        np.testing.assert_allclose(x, trainer.series["epoch"].view()[kept])  # drawn at their own steps
    step = max(trainer.timeline.steps())
    view.session.view_step(step)  # marked at its own epoch: the epoch of every step is kept
    assert step % 8 and view.viewed_mark() == pytest.approx(trainer.series["epoch"].view()[step - 1])


def test_change_marks_sit_at_the_end_of_their_step(qtbot):
    import pyqtgraph as pg

    from mlpviz.core.trainer import SettingChange
    from mlpviz.gui.widgets.marks import change_marks
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    changes = (SettingChange(50, "lr", 0.01), SettingChange(120, "batch_size", 32))
    lines = change_marks(plot, changes, lambda step: step / 100)
    assert [line.value() for line in lines] == [0.5, 1.2]
    assert [line.label.toPlainText() for line in lines] == ["lr 0.01", "batch size 32"]
    history = RunHistory()
    history.add(0, {"loss": np.ones(200, np.float32), "epoch": np.arange(1, 201) / 80}, 100)
    exact = change_marks(plot.plotItem, changes, history.epoch_at)
    assert [line.value() for line in exact] == [50 / 80, 120 / 80]


def test_dynamics_keeps_rows_while_hidden_and_starts_over_on_a_new_run(make_view, small):
    from mlpviz.gui.views.dynamics import DynamicsView
    view = make_view(DynamicsView, 600, 700)
    view.hide()
    trainer = Trainer.from_config(Config(hidden=(16,), steps=20, epochs=None), small, evaluate_epochs=False)
    train_and_publish(view.session, trainer, 20)
    view.show()
    assert view.points("grad_norm").shape == (20, 2)
    x, _ = view.curve_data("grad_norm", 1)
    assert len(x) == 20
    other = Trainer.from_config(Config(hidden=(16, 8), steps=10, epochs=None), small, evaluate_epochs=False)
    train_and_publish(view.session, other, 10, run_id=2)
    assert view.points("grad_norm").shape == (10, 3)


def test_vanishing_gradient_shows_in_the_plotted_data(make_view, small):
    """784-100-100-100-100-10: sigmoid with N(0, 0.01²) starves layer 1; ReLU with He does not."""
    from mlpviz.gui.views.dynamics import DynamicsView
    ratios = {}
    for activation, init in (("sigmoid", "normal"), ("relu", "he")):
        view = make_view(DynamicsView, 600, 700)
        trainer = Trainer.from_config(deep(activation, init), small, evaluate_epochs=False)
        train_and_publish(view.session, trainer, 10)
        # The curves' displayed data on the log axis are log10 of the norms.
        first = view.curve_data("grad_norm", 0)[1]
        last = view.curve_data("grad_norm", 4)[1]
        np.testing.assert_allclose(10 ** first, trainer.series["grad_norm"].view()[:, 0], rtol=1e-5)
        ratios[activation] = float(10 ** (np.median(first) - np.median(last)))
    assert ratios["sigmoid"] < 1e-3  # orders of magnitude smaller
    assert 0.1 < ratios["relu"] < 10


# Timeline --------------------------------------------------------------------------------------

def test_timeline_slider_views_a_stored_step_and_live_returns(make_view, small):
    from mlpviz.gui.views.timeline import TimelineView
    view = make_view(TimelineView, 700, 250)
    session = view.session
    trainer = Trainer.from_config(Config(hidden=(32,), steps=60, epochs=None), small, evaluate_epochs=False)
    viewed = []
    session.viewedStepChanged.connect(viewed.append)
    train_and_publish(session, trainer, 60)
    stored = trainer.timeline.steps()
    assert view.steps() == stored and stored[0] == 0 and len(stored) > 5
    assert view.slider.maximum() == len(stored) - 1 and view.slider.value() == len(stored) - 1
    view.slider.setValue(3)
    assert session.viewed_step == stored[3] and viewed[-1] == stored[3]
    assert session.snapshot.model is trainer.timeline.model_at(stored[3])
    assert view.label.text() == f"viewing step {stored[3]} (epoch {stored[3] / trainer.steps_per_epoch:.2f})"
    assert not view.live_button.isChecked()
    view.live_button.click()
    assert session.viewed_step is None and viewed[-1] is None
    assert view.live_button.isChecked() and view.label.text() == "live"


def test_timeline_probabilities_have_one_point_per_stored_step(make_view, small, qtbot):
    from mlpviz.gui.views.timeline import TimelineView
    view = make_view(TimelineView, 700, 250)
    session = view.session
    trainer = Trainer.from_config(Config(hidden=(32,), steps=60, epochs=None), small, evaluate_epochs=False)
    train_and_publish(session, trainer, 60)
    session.show_test_image(0)
    stored = trainer.timeline.steps()
    qtbot.waitUntil(lambda: view.curves[0].getData()[0] is not None and len(view.curves[0].getData()[0]) == len(stored),
                    timeout=3000)  # once the input has settled
    probs = view.probabilities()
    assert probs.shape == (len(stored), 10)
    np.testing.assert_allclose(probs.sum(axis=1), 1, rtol=1e-4)
    x, y = view.curves[int(small.y_test[0])].getData()
    assert len(x) == len(stored)
    np.testing.assert_allclose(10 ** x - 1, stored, atol=1e-6)
    expected = trainer.timeline.model_at(stored[-1]).predict_proba(session.input_x)[0, int(small.y_test[0])]
    assert y[-1] == pytest.approx(expected, rel=1e-5)
    assert y[-1] > y[0]  # the network learned to read the image as its true digit
    # The x axis spans whole decades of step + 1 (60 steps: 1 to 100), not the data's own range.
    (lo, hi), _ = view.plot.viewRange()
    assert lo == pytest.approx(0, abs=0.05) and hi == pytest.approx(2, abs=0.05)
    store_until(trainer, 4999)  # the run goes on to step 4999: steps + 1 reach 5000
    session.publish(snapshot_of(trainer, len(trainer.losses), state="paused"))
    assert view.plot.viewRange()[0][1] == pytest.approx(4, abs=0.05)
    view.plot.getViewBox().sigRangeChangedManually.emit([True, False])  # the user zoomed
    view.plot.setXRange(1, 1.5, padding=0)
    store_until(trainer, 49_999)
    session.publish(snapshot_of(trainer, len(trainer.losses), state="paused"))
    assert view.steps()[-1] + 1 > 10_000  # five decades of steps now, yet:
    assert view.plot.viewRange()[0] == pytest.approx([1, 1.5])  # left where the user put it


def store_until(trainer: Trainer, last: int) -> None:
    """Offer the trainer's timeline its network at every later step up to `last`, as a longer run would."""
    for step in range(trainer.timeline.steps()[-1] + 1, last + 1):
        trainer.timeline.offer(step, trainer.model)


# Runs ------------------------------------------------------------------------------------------

def run_two(view, small):
    """Two runs of two epochs each on 1,000 images: lr 0.1 then lr 0.01 and 32 hidden units."""
    from mlpviz.core.data import Dataset
    data = Dataset(small.x_train[:1000], small.y_train[:1000], small.x_test[:300], small.y_test[:300],
                   small.image_shape, "tiny")
    session = view.session
    first = Config(hidden=(16,), lr=0.1, epochs=2.0, steps=None)
    second = first.replace(lr=0.01, hidden=(32,))
    for run_id, config, images in ((1, first, 1000), (2, second, 500)):
        session.set_run_config(config, images)
        trainer = Trainer.from_config(config, data, train_eval_limit=200)
        train_and_publish(session, trainer, 2 * trainer.steps_per_epoch, per_snapshot=5, run_id=run_id)
    return trainer


def test_runs_list_names_what_differed(make_view, small):
    from mlpviz.gui.views.runs import RunsView
    view = make_view(RunsView, 900, 600)
    run_two(view, small)
    assert [r.run_id for r in view.session.runs] == [1]
    assert view.labels() == ["2 (current)",
                             "1: hidden 16 (now 32), lr 0.1 (now 0.01), train images 1,000 (now 500)"]
    earlier = [c for c in view.loss_plot.listDataItems() if c is not view.current_loss]
    assert len(earlier) == 1 and len(earlier[0].getData()[0]) == 20  # 20 steps, fewer than the columns
    assert view.legend.getLabel(earlier[0]).text == "1: hidden 16 (now 32), lr 0.1…"  # whole in the list
    x, y = view.current_loss.getData()
    assert len(x) == 20 and x[-1] == pytest.approx(2.0)
    assert len(view.current_acc.getData()[0]) == len(view.current_train_acc.getData()[0]) == 2  # two epoch ends
    from PySide6.QtCore import Qt
    view.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert [c for c in view.loss_plot.listDataItems() if c is not view.current_loss] == []
    assert view.list.item(1).checkState() == Qt.CheckState.Unchecked


def test_a_stale_snapshot_after_a_dataset_change_does_not_archive_its_run_twice(make_view, small):
    """A snapshot of the run a dataset change archived can still be in flight from the worker:
    it must not come back as a run of its own, sharing the archived run's id."""
    from mlpviz.gui.views.runs import RunsView
    view = make_view(RunsView, 900, 600)
    session = view.session
    config = Config(hidden=(16,), lr=0.1, steps=10, epochs=None)
    session.set_run_config(config, len(small.y_train))
    trainer = Trainer.from_config(config, small, evaluate_epochs=False)
    train_and_publish(session, trainer, 10, run_id=1)
    stale = snapshot_of(trainer, 0, 1, state="paused")
    session.set_data(small)  # archives run 1
    session.publish(stale)  # run 1's last snapshot, delivered late
    session.set_run_config(config, len(small.y_train))
    second = Trainer.from_config(config, small, evaluate_epochs=False)
    train_and_publish(session, second, 10, run_id=2)
    second.step(5)
    session.publish(snapshot_of(second, 10, 3))  # a third run starts: run 2 is archived
    assert [r.run_id for r in session.runs] == [1, 2]
    assert session.live.run_id == 3


def test_runs_export_csv_and_images(make_view, small, tmp_path, monkeypatch):
    import csv

    from PySide6.QtWidgets import QFileDialog

    from mlpviz.gui.views.runs import CSV_HEADER, RunsView
    view = make_view(RunsView, 900, 600)
    trainer = run_two(view, small)
    target = tmp_path / "runs.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)"))
    view.csv_button.click()
    rows = list(csv.reader(target.open()))
    assert tuple(rows[0]) == CSV_HEADER
    assert [(r[0], r[1]) for r in rows[1:]] == [("1", "1"), ("1", "2"), ("2", "1"), ("2", "2")]
    assert float(rows[-1][6]) == pytest.approx(trainer.epochs[-1].test_accuracy)
    for name in ("plots.png", "plots.svg"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, n=name, **k: (str(tmp_path / n), ""))
        view.image_button.click()
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "plots.svg").read_text().lstrip().startswith("<?xml")


def test_the_timeline_keeps_the_input_when_a_run_starts(make_view, small):
    from mlpviz.core.config import PRESETS
    from mlpviz.core.trainer import Trainer
    from mlpviz.gui.views.timeline import TimelineView
    view = make_view(TimelineView, 700, 250)
    session = view.session
    session.show_test_image(0)  # the input comes first, the run's first snapshot after it
    trainer = Trainer.from_config(PRESETS["fast"].replace(hidden=(32,)), small, evaluate_epochs=False)
    trainer.step(20)
    session.publish(Snapshot.of(trainer.model.copy(), step=20, timeline=trainer.timeline, run_id=1))
    assert len(view.curves[0].getData()[0]) == len(view.steps()) > 1
