"""The run and its history, as every view reads it: one epoch per step, whatever the batch size did."""
import pytest
from drive import snapshot_of

from mlpviz.core.config import Config
from mlpviz.core.trainer import Trainer
from mlpviz.gui.run import Run


@pytest.fixture
def views(qtbot, small):
    """The curves, runs, timeline and dynamics views of one session, shown."""
    from mlpviz.gui import style
    from mlpviz.gui.session import Session
    from mlpviz.gui.views.curves import CurvesView
    from mlpviz.gui.views.dynamics import DynamicsView
    from mlpviz.gui.views.runs import RunsView
    from mlpviz.gui.views.timeline import TimelineView
    style.configure()
    session = Session()
    session.set_data(small)
    made = {"curves": CurvesView(session), "runs": RunsView(session), "timeline": TimelineView(session),
            "dynamics": DynamicsView(session)}
    for v in made.values():
        qtbot.addWidget(v)
        v.resize(800, 600)
        v.show()
    return session, made


def batch_size_change(session, small) -> Trainer:
    """30 steps at batch 100, then 10 at batch 300, on 3,000 images: two epochs in 40 steps."""
    assert len(small.y_train) == 3000
    config = Config(hidden=(16,), batch_size=100, steps=100, epochs=None)
    session.set_run_config(config, 3000)
    trainer = Trainer.from_config(config, small, train_eval_limit=200)
    trainer.step(30)
    session.publish(snapshot_of(trainer, 0))
    trainer.set_batch_size(300)
    trainer.step(10)
    session.publish(snapshot_of(trainer, 30, state="paused"))
    assert trainer.step_count == 40 and trainer.steps_per_epoch == 10 and trainer.epoch == 2
    return trainer


def test_every_view_places_a_step_at_its_recorded_epoch_after_the_batch_size_changed(views, small):
    """Converted with the current 10 steps per epoch, step 40 sat at epoch 4.0 on the loss curve,
    the runs and the timeline, and at 2.0 on the accuracy points."""
    session, v = views
    trainer = batch_size_change(session, small)
    curves = v["curves"]
    x, _ = curves.raw.getData()
    assert x[29] == pytest.approx(1.0) and x[-1] == pytest.approx(2.0)
    assert curves.smooth.getData()[0][-1] == pytest.approx(2.0)
    assert list(curves.epoch_test.getData()[0]) == [1.0, 2.0]  # the accuracy points agree
    x, _ = v["runs"].current_loss.getData()
    assert x[-1] == pytest.approx(2.0)
    x, _ = v["dynamics"].curve_data("grad_norm", 0)
    assert x[-1] == pytest.approx(2.0)
    assert v["dynamics"].marks() == [(pytest.approx(1.0), "batch size 300")]
    session.view_step(40)
    assert v["timeline"].label.text() == "viewing step 40 (epoch 2.00)"
    assert v["dynamics"].viewed_mark() == pytest.approx(2.0)
    session.view_step(None)
    # Archived when the next run starts, the run keeps its epochs in the comparison.
    other = Trainer.from_config(Config(hidden=(16,), steps=10, epochs=None), small, evaluate_epochs=False)
    other.step(5)
    session.publish(snapshot_of(other, 0, run_id=2))
    earlier = [c for c in v["runs"].loss_plot.listDataItems() if c is not v["runs"].current_loss]
    assert earlier[0].getData()[0][-1] == pytest.approx(2.0)
    assert trainer.series["epoch"].view()[-1] == pytest.approx(2.0)


def test_the_run_counts_unsaved_work_in_steps(small):
    run = Run()
    titles = []
    run.changed.connect(lambda: titles.append(run.unsaved()))
    assert not run.unsaved() and run.steps == 0 and run.train_images == 0
    trainer = Trainer.from_config(Config(hidden=(8,), steps=10, epochs=None), small, evaluate_epochs=False)
    run.adopt(trainer, None)
    assert run.path is None and not run.unsaved() and run.train_images == 3000
    trainer.step(3)
    assert run.unsaved()
    run.saved("/tmp/model.npz")
    assert run.path == "/tmp/model.npz" and run.saved_step == 3 and not run.unsaved()
    run.mark_edited()
    assert run.unsaved()
    trainer.step(2)
    run.keep()  # an experiment's run: kept, not to be saved; the edit is still unsaved
    assert run.saved_step == 5 and run.unsaved()
    assert titles == [False, False, True, True]
