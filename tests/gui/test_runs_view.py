"""Runs side by side: runs numbered from 1, named in words, each in a colour of its own, with its
train and test accuracy; removable."""
import csv

import numpy as np
import pytest
from drive import snapshot_of
from PySide6.QtCore import Qt

from mlpviz.core.config import Config
from mlpviz.core.trainer import Trainer
from mlpviz.gui.views.runs import COLOURS, RunsView


def run(session, config: Config, run_id: int, epochs: int = 2, label: str = "", data=None) -> Trainer:
    """A run of `epochs` epochs published to the session as the window does, named `label` (an experiment's)."""
    data = data or session.data
    session.set_run_config(config, len(data.y_train))
    if label:
        session.name_next_run(label)
    trainer = Trainer.from_config(config, data, train_eval_limit=300)
    session.publish(snapshot_of(trainer, 0, run_id, state="paused"))
    delivered = 0
    for _ in range(epochs):
        trainer.step(trainer.steps_per_epoch)
        session.publish(snapshot_of(trainer, delivered, run_id))
        delivered = len(trainer.losses)
    return trainer


@pytest.fixture
def view(make_view):
    return make_view(RunsView, 1000, 600)


@pytest.fixture
def tiny(small):
    from mlpviz.core.data import Dataset
    return Dataset(small.x_train[:1000], small.y_train[:1000], small.x_test[:300], small.y_test[:300],
                   small.image_shape, "tiny")


BASE = Config(hidden=(16,), lr=0.1, epochs=2.0, steps=None)


def test_runs_are_numbered_from_1_and_named_in_words(view, tiny):
    session = view.session
    launch = Trainer.from_config(BASE, tiny, evaluate_epochs=False)  # the launch's network, never trained
    session.set_run_config(BASE, 1000)
    session.publish(snapshot_of(launch, 0, 1, state="paused"))
    run(session, BASE.replace(init="xavier", optimizer="adam", lr=0.001), 2, data=tiny)
    run(session, BASE, 3, label="mistake: W1 - lr*W1", data=tiny)
    run(session, BASE.replace(mistake="db1"), 4, label="mistake: db1 from dz1", data=tiny)
    assert view.labels() == ["3 (current): mistake: db1 from dz1", "2: mistake: W1 - lr*W1",
                             "1: init Xavier (Glorot) (now normal), optimizer Adam (now SGD), lr 0.001 (now 0.1), "
                             "mistake none (now db1 from dz1)"]
    assert view.current_info.text() == (
        "Current network: run 3, mistake: db1 from dz1 (an experiment's run). It makes a mistake on purpose: its "
        "first biases' gradient db1 is summed from dz1 instead of da1, before the sigmoid's derivative.")
    names = [view.legend.getLabel(c).text for c in view.loss_plot.listDataItems()]
    assert names == ["1: init Xavier (Glorot) (now…", "2: mistake: W1 - lr*W1",
                     "3 (current): mistake: db1 from dz1"]
    assert [row[0] for row in view.csv_rows()] == [1, 1, 2, 2, 3, 3]
    assert view.csv_rows()[-1][-1] == "mistake: db1 from dz1"


def test_every_run_shows_its_train_and_test_accuracy_in_a_colour_of_its_own(view, tiny):
    session = view.session
    trainers = [run(session, BASE.replace(lr=lr), run_id, data=tiny) for run_id, lr in enumerate((0.1, 0.3, 1.0), 1)]
    curves = view.acc_plot.listDataItems()
    drawn = [c for c in curves if c.getData()[0] is not None and len(c.getData()[0])]
    assert len(drawn) == 6  # test and train of each of the three runs
    for trainer, (test, train) in zip(trainers, zip(drawn[::2], drawn[1::2])):
        np.testing.assert_allclose(test.getData()[1], [100 * r.test_accuracy for r in trainer.epochs])
        np.testing.assert_allclose(train.getData()[1], [100 * r.train_accuracy for r in trainer.epochs])
        assert test.opts["pen"].style() == Qt.PenStyle.SolidLine and train.opts["pen"].style() == Qt.PenStyle.DashLine
        assert test.opts["pen"].color() == train.opts["pen"].color()
    colours = [c.opts["pen"].color().name() for c in drawn[::2]]
    assert len(set(colours)) == 3 and set(colours) <= set(COLOURS)
    assert view.current_acc.opts["pen"].widthF() > drawn[0].opts["pen"].widthF()  # the current run in bold
    assert "test (solid), train (dashed)" in view.acc_plot.titleLabel.text


def test_a_run_keeps_its_colour_and_a_new_one_takes_a_free_colour(view, tiny):
    session = view.session
    for run_id in range(1, 4):
        run(session, BASE, run_id, epochs=1, data=tiny)
    before = {run_id: view.colour(run_id) for run_id in (1, 2, 3)}
    assert len(set(before.values())) == 3
    view.list.item(2).setSelected(True)  # run 1
    view.remove_selected()
    assert view.colour(2) == before[2] and view.colour(3) == before[3]
    run(session, BASE, 4, epochs=1, data=tiny)  # run 3 is kept, run 4 takes the colour run 1 left
    assert [view.colour(i) for i in (2, 3, 4)] == [before[2], before[3], before[1]]


def test_runs_can_be_removed_and_all_of_them_cleared(view, tiny, tmp_path, monkeypatch):
    session = view.session
    for run_id in range(1, 5):
        run(session, BASE.replace(lr=0.1 * run_id), run_id, epochs=1, data=tiny)
    assert [label.split(":")[0] for label in view.labels()] == ["4 (current)", "3", "2", "1"]
    assert not view.remove_button.isEnabled()
    view.list.item(0).setSelected(True)  # the current run cannot be removed
    assert not view.remove_button.isEnabled()
    view.list.item(2).setSelected(True)
    view.list.item(3).setSelected(True)
    assert view.remove_button.isEnabled()
    view.remove_button.click()
    assert [r.run_id for r in session.runs] == [3]
    assert [label.split(":")[0] for label in view.labels()] == ["4 (current)", "3"]  # numbers stay
    assert len([c for c in view.loss_plot.listDataItems() if c is not view.current_loss]) == 1
    view.clear_button.click()
    assert session.runs == [] and view.labels() == ["1 (current)"] and not view.clear_button.isEnabled()
    run(session, BASE, 5, epochs=1, data=tiny)
    assert [label.split(":")[0] for label in view.labels()] == ["2 (current)", "1"]
    from PySide6.QtWidgets import QFileDialog
    target = tmp_path / "runs.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.csv_button.click()
    rows = list(csv.reader(target.open()))
    assert rows[0][0] == "run" and rows[0][-1] == "name"
    assert [(r[0], r[1], r[-1]) for r in rows[1:]] == [("1", "1", "lr 0.4 (now 0.1)"), ("2", "1", "")]


def test_a_run_on_other_data_is_named_by_its_data(view, tiny):
    from mlpviz.core.data import Dataset
    session = view.session
    session.set_data(tiny)
    run(session, BASE, 1, epochs=1)
    fashion = Dataset(tiny.x_train, tiny.y_train, tiny.x_test, tiny.y_test, tiny.image_shape, "fashion")
    session.set_data(fashion)
    run(session, BASE, 2, epochs=1)
    assert view.labels()[-1] == "1: data tiny (now fashion)"  # not "same settings"
